// A recommendation's follow-up: who follows it internally, by when it is
// expected, and how its addressee responded. Each is a journal event, so a
// moved target keeps its earlier dates and the reason it moved.
#include <algorithm>

#include "model/follow_up.hpp"
#include "model/vocabulary.hpp"
#include "tracker/input_checks.hpp"
#include "tracker/tracker.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

}  // namespace

FollowUpState Tracker::follow_up_of(const std::string& rec) const {
    return follow_up_on(store_.follow_ups(rec), actor_.today());
}

Event Tracker::set_owner(const std::string& rec_key, const std::string& given,
                         std::optional<Date> date) {
    const std::string rec = require_rec(rec_key).key;
    const std::string owner = trim(given);
    if (owner.find('\n') != std::string::npos) throw InputError("an owner is one line");
    const std::string current = follow_up_of(rec).owner;
    if (owner.empty() && current.empty()) throw InputError(rec + " has no owner to clear");
    if (owner == current) throw InputError(rec + " is already followed by " + owner);
    json p = {{"rec", rec}};
    if (!owner.empty()) p["owner"] = owner;
    return append(EventKind::owner_set, {rec_subject(rec)}, p, past_or_today(date, "an owner"));
}

Event Tracker::set_target(const std::string& rec_key, std::optional<Date> target,
                          const std::string& reason, std::optional<Date> date) {
    const std::string rec = require_rec(rec_key).key;
    const auto current = follow_up_of(rec).target;
    if (!target && !current) throw InputError(rec + " has no target date to clear");
    if (target && target == current)
        throw InputError(rec + "'s target is already " + target->str());
    // A first target needs no reason; moving or clearing one does, since a
    // moved deadline is what a reader of the report will ask about.
    if (current && trim(reason).empty())
        throw InputError("say why " + rec + "'s target of " + current->str() + " " +
                         (target ? "moves" : "is cleared") + " (--reason)");
    json p = {{"rec", rec}};
    if (target) p["target"] = target->str();
    if (current) p["previous"] = current->str();
    if (!trim(reason).empty()) p["reason"] = reason;
    return append(EventKind::target_set, {rec_subject(rec)}, p,
                  past_or_today(date, "a target date's setting"));
}

Event Tracker::record_response(const std::string& rec_key, const std::string& response_word,
                               std::optional<Date> date, const std::vector<std::string>& evidence,
                               const std::string& note) {
    const std::string rec = require_rec(rec_key).key;
    const std::string response = responses().require(response_word);
    std::vector<EvidenceId> ids;
    for (const auto& ref : evidence) {
        const EvidenceId id = resolve_evidence(ref);
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    json p = {{"rec", rec}, {"response", response}};
    if (!ids.empty()) p["evidence"] = ids;
    if (!trim(note).empty()) p["note"] = note;
    std::vector<std::string> subjects = {rec_subject(rec)};
    for (auto id : ids) subjects.push_back(evidence_subject(id));
    return append(EventKind::response_recorded, subjects, p, past_or_today(date, "a response"));
}

}  // namespace rectrack
