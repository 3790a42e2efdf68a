// The ordered scale a recommendation's status moves along. The default draws
// on the European Court of Auditors' follow-up scale and the stages of EU
// law-making; a dataset can define its own.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectrack {

struct StatusLevel {
    std::string name;     // not_started, announced, ...
    std::string label;    // "Not started"
    bool closed = false;  // not_applicable, rejected: off the progress scale
};

struct StatusScale {
    std::vector<StatusLevel> levels;  // in order of progress; closed states last

    const StatusLevel* find(std::string_view name) const;
    // Position on the scale, for comparing progress; nullopt for unknown names.
    std::optional<int> rank(std::string_view name) const;
    std::string names() const;
    // The status as the scale names it, for a user's spelling (any case,
    // '-' or '_'); InputError "unknown status 'x' (did you mean ...?)".
    std::string require(std::string_view name) const;
    // The label a person reads ("Partially implemented"); the name if unknown.
    std::string label_of(
        std::string_view name) const;  // "not_started, announced, ..." for error messages
    const std::string& lowest() const { return levels.front().name; }

    // Where a recommendation split into parts stands: at its least advanced
    // open part; closed parts count only when every part is closed.
    std::string rollup(const std::vector<std::string>& part_statuses) const;
    // Progress for comparing two statuses: the rank on the scale, with the
    // closed states below every open one, since entering them ends progress.
    int progress(std::string_view name) const;
    // Nothing more is expected: the highest open level (implemented) or a
    // closed one. A target date passed on anything else is overdue.
    bool settled(std::string_view name) const;

    static StatusScale default_scale();
};

}  // namespace rectrack
