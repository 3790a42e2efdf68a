// References of Commission documents: COM (proposals and communications),
// JOIN (joint with the High Representative), SWD (staff working documents)
// and C (Commission decisions), e.g. "COM(2021) 206 final".
#pragma once
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectrack {

struct ComRef {
    std::string series;  // COM, JOIN, SWD or C
    int year = 0;
    int number = 0;
    int revision = 0;  // 2 for "final/2", 0 otherwise

    std::string str() const;  // "COM(2021) 206 final", "COM(2021) 118 final/2"
    // The CELEX numbers such a document can carry: a COM is either a proposal
    // (PC) or another document (DC); a JOIN is JC, a SWD is SC. C documents
    // have no CELEX of their own pattern.
    std::vector<std::string> celex_candidates() const;
    std::optional<std::string> url() const;
};

// Accepts "COM(2021) 206 final", "COM(2021)206", "COM/2021/206 final", lower case.
std::expected<ComRef, std::string> parse_com_ref(std::string_view text);

}  // namespace rectrack
