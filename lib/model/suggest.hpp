// "Did you mean ...?": the known word closest to a mistyped one. A tired
// staffer who types `staus` or `R44` should be told what exists, not sent
// to the documentation.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectrack {

// Two spellings of one word: the same letters ignoring case, with '-' and
// '_' alike ("Partly-Advances" is "partly_advances").
bool same_word(std::string_view a, std::string_view b);

// Two spellings of one tag: case, spaces, hyphens and underscores aside
// ("member-states" is "Member states").
bool same_tag(std::string_view a, std::string_view b);

// The candidate a mistyped word most likely meant: within a small edit
// distance (one edit per three letters, at least one), or the only
// candidate it begins. Nothing when no candidate is close.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// " (did you mean 'status'?)", or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace rectrack
