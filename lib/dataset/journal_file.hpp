// The journal as a file: `rectrack export` writes every event with its hash,
// `rectrack import` reads it back into an empty database, checking the chain
// as it goes, so export -> import -> export reproduces the file exactly.
// `import` also accepts a dataset (see dataset.hpp).
#pragma once
#include <ostream>
#include <string>

#include "tracker/tracker.hpp"

namespace rectrack {

// Writes the journal as JSON to `out` an event at a time, so that memory
// stays flat however long the journal is.
void write_journal_json(const Store& store, std::ostream& out);
std::string export_journal_json(const Store& store);
std::string export_journal_toml(const Store& store);

struct ImportResult {
    bool journal = false;               // a journal (true) or a dataset (false)
    std::int64_t events = 0;            // events recorded
    std::vector<std::string> warnings;  // a dataset's entry warnings (Tracker::warnings)
};

// Reads FILE (TOML or JSON, by content) and records it. A journal needs an
// empty database; a dataset is added to whatever is there.
ImportResult import_file(Store& store, Store::Transaction& tx, const Actor& actor,
                         const std::string& path);
// The same for a file's content already read; `path` names it in messages.
ImportResult import_text(Store& store, Store::Transaction& tx, const Actor& actor,
                         const std::string& content, const std::string& path);

}  // namespace rectrack
