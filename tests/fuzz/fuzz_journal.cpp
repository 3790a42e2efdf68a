// The JSON journal import. Mutated files rarely keep their hash chain, so
// each input is also tried with its hashes recomputed (what a forger would
// do): that drives the replay of arbitrary payloads into the projections.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"

using namespace rectrack;
using nlohmann::json;

namespace {

// The input with every event's hash recomputed, or nullopt when it is not
// shaped like a journal.
std::optional<std::string> rehashed(const std::string& text) {
    json doc = json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("events") || !doc["events"].is_array())
        return std::nullopt;
    std::string previous = kGenesisHash;
    for (auto& j : doc["events"]) {
        try {
            Event e;
            e.id = j.at("id").get<EventId>();
            const auto kind = parse_event_kind(j.at("kind").get<std::string>());
            if (!kind) return std::nullopt;
            e.kind = *kind;
            e.subjects = j.at("subjects").get<std::vector<std::string>>();
            e.payload = j.at("payload");
            const auto effective = parse_date(j.at("effective").get<std::string>());
            if (!effective) return std::nullopt;
            e.effective = *effective;
            e.recorded_at = j.at("recorded_at").get<std::string>();
            e.author = j.at("author").get<std::string>();
            previous = chain_hash(previous, e);
            j["hash"] = previous;
        } catch (const json::exception&) {
            return std::nullopt;
        }
    }
    doc.erase("anchor");
    return doc.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (text.empty() || text.front() != '{') return 0;  // TOML: fuzz_dataset's ground
    fuzz::import_and_round_trip(text, [](const Store&) {});
    if (const auto forged = rehashed(text))
        fuzz::import_and_round_trip(*forged, [](const Store&) {});
    return 0;
}
