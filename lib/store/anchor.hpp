// Journal anchors. Every event's hash covers every event before it, so the
// pair (number of events, hash of the last one) pins the whole journal up to
// that point. Kept outside the database (printed in an issued report, noted
// in a file), an anchor catches what the hash chain alone cannot: a journal
// truncated together with its projections, or rewritten with recomputed
// hashes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace rectrack {

struct Anchor {
    std::int64_t events = 0;  // events in the journal; the last one's id
    std::string head;         // its hash; the genesis hash when there are none

    // "182:3fa0…" (all 64 hex digits), the form `verify --expect` reads.
    std::string str() const { return std::to_string(events) + ":" + head; }
    bool operator==(const Anchor&) const = default;
};

// Reads "N:HASH" (N a whole number, HASH 64 hex digits, either case);
// nullopt when `text` is not one.
std::optional<Anchor> parse_anchor(const std::string& text);

// The anchors kept in a file, one per line: the anchor first, then, after
// a space, anything (a note of where it was issued); blank lines and lines
// starting with '#' are skipped. Throws InputError naming the file and line
// of a line that holds no anchor.
std::vector<Anchor> read_anchors(const std::string& path);

// The journal's anchor as recorded by `as_recorded`: the last event recorded
// by then.
Anchor journal_anchor(const Store& store, AsRecorded as_recorded = {});

// Whether the journal still extends `anchor`: holds event N with that hash.
struct AnchorCheck {
    bool extends = true;
    std::string problem;  // why not, in a sentence
};
AnchorCheck check_anchor(const Store& store, const Anchor& anchor);

}  // namespace rectrack
