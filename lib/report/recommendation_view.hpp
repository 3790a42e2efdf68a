// One recommendation in full, as `rectrack show` presents it: its text,
// where it stands, its history, measures, evidence and notes. Built once
// from the store; the text and JSON writers only print it.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/follow_up.hpp"
#include "model/model.hpp"
#include "store/store.hpp"

namespace rectrack {

struct LinkedMeasure {
    Link link;
    std::optional<Measure> measure;  // absent only if the store is inconsistent
    std::vector<MeasureStage> stages;
};

struct RecommendationView {
    Recommendation rec;
    std::string status;
    std::optional<Date> status_since;
    std::vector<std::string> parts;        // keys of its parts
    std::vector<std::string> part_status;  // "R4.a partial" for each part
    std::vector<StatusChange> history;
    std::vector<LinkedMeasure> measures;
    std::vector<Evidence> evidence;
    std::vector<Note> notes;
    FollowUpState follow_up;  // as it stands
    Deadline deadline = Deadline::none;
    std::vector<FollowUp> follow_ups;  // every owner, target and response recorded
};

// Throws InputError for an unknown key.
RecommendationView view_recommendation(const Store& store, const std::string& key,
                                       const DeadlineRule& rule);

nlohmann::json to_json(const RecommendationView& view);
void write_text(std::ostream& out, const RecommendationView& view);

}  // namespace rectrack
