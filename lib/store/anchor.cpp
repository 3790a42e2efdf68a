#include "store/anchor.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack {

std::optional<Anchor> parse_anchor(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const auto events = parse_number<std::int64_t>(text.substr(0, colon));
    std::string head = text.substr(colon + 1);
    if (!events || *events < 0 || head.size() != 64 ||
        !std::all_of(head.begin(), head.end(), [](unsigned char c) { return std::isxdigit(c); }))
        return std::nullopt;
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return Anchor{*events, head};
}

std::vector<Anchor> read_anchors(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError("cannot read the anchors file '" + path + "'");
    std::vector<Anchor> anchors;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string text = trim(line);
        if (text.empty() || text.front() == '#') continue;
        const std::string first = text.substr(0, text.find_first_of(" \t"));
        const auto anchor = parse_anchor(first);
        if (!anchor)
            throw InputError(path + ":" + std::to_string(number) + ": '" + first +
                             "' is not an anchor (N:HASH, as `rectrack verify` prints it)");
        anchors.push_back(*anchor);
    }
    return anchors;
}

Anchor journal_anchor(const Store& store, AsRecorded as_recorded) {
    const EventId last = store.last_event_id(as_recorded);
    if (last == 0) return Anchor{0, kGenesisHash};
    return Anchor{last, store.event(last)->hash};
}

AnchorCheck check_anchor(const Store& store, const Anchor& anchor) {
    if (anchor.events == 0) {
        if (anchor.head == kGenesisHash) return {};
        return {false, "an anchor of 0 events has the genesis hash (64 zeros), not " + anchor.head};
    }
    const EventId last = store.last_event_id();
    if (last < anchor.events)
        return {false, "the journal has " + std::to_string(last) + " events, fewer than the " +
                           std::to_string(anchor.events) +
                           " it had when the anchor was taken: events were removed"};
    const std::string hash = store.event(anchor.events)->hash;
    if (hash != anchor.head)
        return {false, "event #" + std::to_string(anchor.events) + " has the hash " + hash +
                           ", not the anchored one: the journal was rewritten at or before it"};
    return {};
}

}  // namespace rectrack
