#include "store/tag_changes.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "model/suggest.hpp"
#include "store/valid_sql.hpp"

namespace rectrack {

const char* const TagChanges::kQuery =
    "SELECT t.subject, t.tag, t.value, t.added FROM tag_changes t WHERE " VALID(
        "t") " AND (:s = '' OR t.subject = :s) ORDER BY t.event_id, t.added";

TagChanges::TagChanges(SQLite::Statement& q, AsRecorded as_recorded, const std::string& subject) {
    q.bind(":t", as_recorded.bound());
    q.bind(":s", subject);
    while (q.executeStep())
        by_subject_[q.getColumn(0).getString()].push_back({q.getColumn(1).getString() == "theme",
                                                           q.getColumn(2).getString(),
                                                           q.getColumn(3).getInt() != 0});
}

void TagChanges::apply(const std::string& subject, std::vector<std::string>& themes,
                       std::vector<std::string>* addressees) const {
    const auto found = by_subject_.find(subject);
    if (found == by_subject_.end()) return;
    for (const auto& c : found->second) {
        auto& tags = c.theme || !addressees ? themes : *addressees;
        const auto it = std::find_if(tags.begin(), tags.end(),
                                     [&](const auto& t) { return same_tag(t, c.value); });
        if (c.added && it == tags.end()) tags.push_back(c.value);
        if (!c.added && it != tags.end()) tags.erase(it);
    }
}

}  // namespace rectrack
