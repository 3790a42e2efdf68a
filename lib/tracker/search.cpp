#include "tracker/search.hpp"

#include <algorithm>
#include <cctype>

#include "ids/celex.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace rectrack {

namespace {

bool is_entity_field(const std::string& field) {
    return field == "key" || field == "title" || field == "text" || field == "identifiers" ||
           field == "url" || field == "publisher";
}

std::string kind_of(const std::string& subject) {
    if (subject.starts_with("rec:")) return "recommendation";
    if (subject.starts_with("measure:")) return "measure";
    return "evidence";
}

}  // namespace

std::vector<SearchResult> search(const Store& store, const std::vector<std::string>& phrases,
                                 int limit) {
    if (limit < 1) throw InputError("--limit must be at least 1");
    std::vector<std::string> normal;
    for (const auto& given : phrases) {
        const std::string p = trim(given);
        if (std::none_of(p.begin(), p.end(),
                         [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }))
            throw InputError("nothing to search for in '" + given + "': give words or identifiers");
        const auto celex = parse_celex(p);
        normal.push_back(celex ? celex->str() : p);
    }
    if (normal.empty()) throw InputError("give words to search for");
    std::vector<SearchResult> out;
    for (const auto& hit : store.search(normal, limit)) {
        SearchResult r;
        r.kind = is_entity_field(hit.field) ? kind_of(hit.subject) : "note";
        r.key = hit.subject.substr(hit.subject.find(':') + 1);
        r.field = hit.field;
        r.event = hit.event;
        r.snippet = hit.snippet;
        r.rank = hit.rank;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace rectrack
