// What a user means by a key. Keys are matched exactly, else ignoring case
// (`show r4` is R4); an unknown key is refused with the closest known one.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace rectrack {

std::optional<Recommendation> lookup_recommendation(const Store& store, const std::string& key,
                                                    AsRecorded as_recorded = {});
std::optional<Measure> lookup_measure(const Store& store, const std::string& key);

// As above, or InputError "unknown recommendation 'R44' (did you mean
// 'R4'?) (see `rectrack recs`)".
Recommendation find_recommendation(const Store& store, const std::string& key,
                                   AsRecorded as_recorded = {});
Measure find_measure(const Store& store, const std::string& key);

// Each key as recorded (for options such as --recs), refusing unknown ones
// with the option's name.
std::vector<std::string> recommendation_keys(const Store& store,
                                             const std::vector<std::string>& keys,
                                             const std::string& option,
                                             AsRecorded as_recorded = {});

// Which tags of a recommendation a filter looks at.
enum class Tag { addressee, theme };

// The keys of the recommendations tagged with any of `wanted` (ignoring
// case, and spaces, hyphens and underscores alike: "member-states" is
// "Member states"); a part is tagged through its parent too. A wanted tag
// that no recommendation carries is refused with the closest one.
std::set<std::string> tagged(const std::vector<Recommendation>& recs,
                             const std::vector<std::string>& wanted, Tag tag);

// The keys of the recommendations followed by any of `owners` (matched as
// tags are); an owner who follows none is refused with the closest one.
std::set<std::string> followed_by(const std::vector<RecommendationSummary>& rows,
                                  const std::vector<std::string>& owners);

}  // namespace rectrack
