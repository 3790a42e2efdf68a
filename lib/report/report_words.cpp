// The report's plain words: directions, source states, change and
// correction sentences, the summary sentence. Shared by every format.
#include <algorithm>

#include "model/text.hpp"
#include "report/report.hpp"
#include "report/report_render.hpp"

namespace rectrack {

std::string direction_name(Direction d) {
    switch (d) {
        case Direction::advanced:
            return "advanced";
        case Direction::regressed:
            return "regressed";
        case Direction::unchanged:
            return "unchanged";
    }
    return "unchanged";
}

std::string change_kind_name(ReportChange::Kind k) {
    switch (k) {
        case ReportChange::Kind::status:
            return "status";
        case ReportChange::Kind::stage:
            return "stage";
        case ReportChange::Kind::note:
            return "note";
        case ReportChange::Kind::follow_up:
            return "follow_up";
    }
    return "status";
}

namespace {

std::string count(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string describe_source(const SourceState& s) {
    std::string out;
    if (!s.last_result) {
        out = "never checked";
    } else {
        out = std::string(info(*s.last_result).label);
        if (s.http_status && *s.last_result != CheckOutcome::ok &&
            *s.last_result != CheckOutcome::not_modified)
            out += " (HTTP " + std::to_string(s.http_status) + ")";
        out += ", checked " + s.last_checked.substr(0, 10);
        if (!info(*s.last_result).seen_working)
            out += s.last_seen_working.empty()
                       ? "; never seen working"
                       : "; last seen working " + s.last_seen_working.substr(0, 10);
    }
    if (!s.copy_taken.empty()) out += "; local copy of " + s.copy_taken.substr(0, 10);
    return out;
}

bool unchanged_in_period(const ReportRecommendation& rec) {
    if (!rec.events.empty() || rec.status_start != rec.status_end) return false;
    return std::all_of(rec.measures.begin(), rec.measures.end(),
                       [](const ReportMeasure& m) { return m.in_period.empty(); });
}

std::string stage_words(const MeasureStage& s) {
    return plain_word(s.stage) + (s.label.empty() ? "" : " (" + s.label + ")") + " " + s.date.str();
}

std::string plain_word(const std::string& word) {
    std::string out = word;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string change_sentence(const ReportChange& c, const StatusScale& scale) {
    const std::string who = c.subject + (c.title.empty() ? "" : " " + c.title);
    switch (c.kind) {
        case ReportChange::Kind::status:
            return who + ": " + scale.label_of(c.from) + " → " + scale.label_of(c.to);
        case ReportChange::Kind::stage:
            return (c.title.empty() ? c.subject : c.title + " (" + c.subject + ")") +
                   " reached the stage: " + plain_word(c.stage) +
                   (c.label.empty() ? "" : " (" + c.label + ")");
        case ReportChange::Kind::note:
            return "Note on " + who + ": " + c.text;
        case ReportChange::Kind::follow_up:
            return who + ": " + c.text;
    }
    return who;
}

std::string follow_up_words(const Event& e) {
    const auto& p = e.payload;
    const std::string value = p.value(e.kind == EventKind::owner_set    ? "owner"
                                      : e.kind == EventKind::target_set ? "target"
                                                                        : "response",
                                      "");
    const std::string previous = p.value("previous", "");
    std::string s;
    if (e.kind == EventKind::owner_set)
        s = value.empty() ? "no longer followed by anyone" : "followed by " + value;
    else if (e.kind == EventKind::response_recorded)
        s = "the addressee's response: " + plain_word(value);
    else if (value.empty())
        s = "target date " + previous + " cleared";
    else
        s = previous.empty() ? "target date set to " + value
                             : "target date moved from " + previous + " to " + value;
    const std::string why = p.value(e.kind == EventKind::target_set ? "reason" : "note", "");
    return why.empty() ? s : s + " (" + why + ")";
}

std::string target_words(const ReportRecommendation& rec) {
    if (!rec.target) return "";
    const std::string flag(deadline_name(rec.deadline));
    return rec.target->str() + (flag.empty() ? "" : " (" + flag + ")");
}

std::string response_cell(const ReportRecommendation& rec) {
    if (!rec.response) return "no response recorded";
    return plain_word(rec.response->value) + " (" + rec.response->date.str() + ")";
}

std::string correction_sentence(const Correction& c) {
    std::string s = "#" + std::to_string(c.id) + " retracts #" + std::to_string(c.retracts);
    if (!c.retracted.empty()) s += " (" + c.retracted + ", " + c.retracted_date.str() + ")";
    return s;
}

std::string summary_sentence(const ReportSummary& s) {
    auto named = [](const std::vector<std::string>& keys) {
        std::string out;
        for (const auto& k : keys) out += (out.empty() ? " (" : ", ") + k;
        return out.empty() ? out : out + ")";
    };
    return "In the period " + count(s.advanced, "recommendation", "recommendations") + " advanced" +
           named(s.advanced_keys) + ", " + std::to_string(s.regressed) + " regressed" +
           named(s.regressed_keys) + " and " + std::to_string(s.unchanged) + " stayed where " +
           (s.unchanged == 1 ? "it was" : "they were") + "; " +
           count(s.measures_linked, "measure was", "measures were") + " linked, " +
           count(s.stages_reached, "measure stage was", "measure stages were") + " reached and " +
           count(s.evidence_added, "evidence item was", "evidence items were") + " added.";
}

}  // namespace rectrack
