#include "model/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "model/error.hpp"
#include "model/suggest.hpp"

namespace rectrack {

bool Vocabulary::contains(std::string_view w) const {
    return std::find(words.begin(), words.end(), w) != words.end();
}

std::string Vocabulary::list() const {
    std::string out;
    for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
    return out;
}

std::string Vocabulary::require(std::string_view w) const {
    for (auto word : words)
        if (same_word(word, w)) return std::string(word);
    const std::vector<std::string> known(words.begin(), words.end());
    throw InputError("unknown " + std::string(what) + " '" + std::string(w) + "'" +
                     did_you_mean(w, known) + " (expected one of: " + list() + ")");
}

namespace {
constexpr std::array<std::string_view, 15> kTypes = {"regulation",
                                                     "directive",
                                                     "decision",
                                                     "cfsp_decision",
                                                     "recommendation",
                                                     "communication",
                                                     "joint_communication",
                                                     "council_conclusions",
                                                     "ep_resolution",
                                                     "strategy",
                                                     "programme",
                                                     "agreement",
                                                     "joint_statement",
                                                     "sanctions_listing",
                                                     "other"};
// The ordinary legislative procedure's steps, then the ends a measure can
// meet. "adopted" is the act's final adoption.
constexpr std::array<std::string_view, 14> kStages = {"announced",
                                                      "proposed",
                                                      "ep_first_reading",
                                                      "council_general_approach",
                                                      "provisional_agreement",
                                                      "adopted",
                                                      "signed",
                                                      "published",
                                                      "in_force",
                                                      "applies",
                                                      "withdrawn",
                                                      "rejected",
                                                      "annulled",
                                                      "repealed"};
constexpr std::array<std::string_view, 4> kRelations = {"advances", "partly_advances", "related",
                                                        "counteracts"};
constexpr std::array<std::string_view, 5> kKinds = {"official", "legislation", "news", "ngo",
                                                    "academic"};
constexpr std::array<std::string_view, 3> kBearings = {"supports", "contradicts", "context"};
constexpr std::array<std::string_view, 5> kResponses = {"accepted", "partially_accepted", "noted",
                                                        "rejected", "no_response"};
}  // namespace

const Vocabulary& measure_types() {
    static const Vocabulary v{"measure type", kTypes};
    return v;
}
const Vocabulary& measure_stages() {
    static const Vocabulary v{"stage", kStages};
    return v;
}
const Vocabulary& link_relations() {
    static const Vocabulary v{"relation", kRelations};
    return v;
}
const Vocabulary& evidence_kinds() {
    static const Vocabulary v{"evidence kind", kKinds};
    return v;
}
const Vocabulary& evidence_bearings() {
    static const Vocabulary v{"evidence bearing", kBearings};
    return v;
}
const Vocabulary& responses() {
    static const Vocabulary v{"response", kResponses};
    return v;
}

}  // namespace rectrack
