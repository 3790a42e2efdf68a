// Interinstitutional procedure references, as the Legislative Observatory
// (OEIL) lists them: "2021/0106(COD)".
#pragma once
#include <expected>
#include <string>
#include <string_view>

namespace rectrack {

struct Procedure {
    int year = 0;
    int number = 0;
    std::string type;  // COD, CNS, APP, NLE, INI, RSP, ...

    std::string str() const;  // 2021/0106(COD)
    std::string url() const;  // the OEIL procedure file
};

std::expected<Procedure, std::string> parse_procedure(std::string_view text);

}  // namespace rectrack
