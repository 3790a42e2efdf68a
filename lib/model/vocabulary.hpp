// The fixed word lists of the domain: measure types, measure stages, link
// relations, evidence kinds and bearings. User input is checked against them
// so that reports can group and count reliably.
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace rectrack {

struct Vocabulary {
    std::string_view what;  // "measure type", used in error messages
    std::span<const std::string_view> words;

    bool contains(std::string_view w) const;
    std::string list() const;
    // The word as listed, for a user's spelling of it (any case, '-' or
    // '_'). Throws InputError "unknown measure type 'x' (did you mean 'y'?)
    // (expected one of: a, b, ...)".
    std::string require(std::string_view w) const;
};

const Vocabulary& measure_types();
const Vocabulary& measure_stages();  // in the order a measure passes them
const Vocabulary& link_relations();
const Vocabulary& evidence_kinds();
const Vocabulary& evidence_bearings();
// How an addressee answered a recommendation, as the UN trackers and the
// European Court of Auditors record it: apart from what was done.
const Vocabulary& responses();

}  // namespace rectrack
