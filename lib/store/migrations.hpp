#pragma once
#include <string_view>
#include <vector>

namespace rectrack {

struct Migration {
    int version;            // the number the file name starts with
    std::string_view name;  // 0001_init.sql
    std::string_view sql;
};

// Every schema/*.sql file, embedded at build time, in version order.
const std::vector<Migration>& migrations();

}  // namespace rectrack
