// The projector's one way to run a statement, shared by its files
// (store_projection.cpp, store_search.cpp; not part of the library's
// interface).
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <type_traits>

#include "store/store.hpp"

namespace rectrack {

// A payload's text field, or "" when absent: payloads hold no nulls.
inline std::string str(const nlohmann::json& p, const char* field) {
    auto it = p.find(field);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A statement kept like exec()'s, reset and ready to bind, for reading.
inline SQLite::Statement& Projector::prepared(const std::string& sql) {
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
    slot->reset();
    return *slot;
}

// The same for a string literal, found by its address: most statements are
// literals, and comparing their text each time cost an import of 100k
// events 4% (1.97 -> 1.90 s).
inline SQLite::Statement& Projector::prepared(const char* sql) {
    auto& slot = literal_statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
    slot->reset();
    return *slot;
}

// Prepared statements are kept: preparing costs more than running, and
// verify() replays every event of the journal through here.
template <typename Sql, typename... Args>
void Projector::exec(const Sql& sql, const Args&... args) {
    SQLite::Statement& st = prepared(sql);
    int i = 0;
    (
        [&] {
            ++i;
            if constexpr (std::is_integral_v<Args>)
                st.bind(i, static_cast<int64_t>(args));
            else
                st.bind(i, args);
        }(),
        ...);
    st.exec();
}

}  // namespace rectrack
