// Themes and addressees given and taken away after their subject was added
// (`rectrack tag`, `untag`), shared by the store's query files (not part of
// the library's interface).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "time/as_recorded.hpp"

namespace SQLite {
class Statement;
}

namespace rectrack {

class TagChanges {
  public:
    // The query that reads them, for the store to prepare once.
    static const char* const kQuery;
    // The changes that hold as recorded at `as_recorded`, of one subject
    // ("rec:R4") or, when empty, of all, read with `query` (kQuery).
    TagChanges(SQLite::Statement& query, AsRecorded as_recorded, const std::string& subject = {});
    // Applies them, in the order recorded, to the tags a subject was added with.
    void apply(const std::string& subject, std::vector<std::string>& themes,
               std::vector<std::string>* addressees) const;

  private:
    struct Change {
        bool theme;
        std::string value;
        bool added;
    };
    std::map<std::string, std::vector<Change>> by_subject_;
};

}  // namespace rectrack
