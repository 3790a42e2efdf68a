#include <algorithm>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "completion.hpp"
#include "model/status_scale.hpp"
#include "model/vocabulary.hpp"

namespace rectrack::cli {

namespace {

std::vector<std::string> words_of(const Vocabulary& v) {
    return {v.words.begin(), v.words.end()};
}

// Values read from the database, if there is one: completion must never
// fail or create anything, so a missing or unreadable database offers none.
std::vector<std::string> recorded(const Context& ctx, std::string_view kind) {
    std::vector<std::string> out;
    static constexpr std::string_view kRecorded[] = {"REC", "SUBJECT", "MEASURE", "EVIDENCE",
                                                     "STATUS"};
    if (std::find(std::begin(kRecorded), std::end(kRecorded), kind) == std::end(kRecorded))
        return out;  // a free value (a date, a title): nothing to read
    try {
        if (!std::filesystem::exists(ctx.settings().db_path)) return out;
        const auto store = ctx.open();
        if (kind == "REC" || kind == "SUBJECT")
            for (const auto& r : store->recommendations()) out.push_back(r.key);
        if (kind == "MEASURE" || kind == "SUBJECT")
            for (const auto& m : store->measures()) out.push_back(m.key);
        if (kind == "EVIDENCE")
            for (const auto& e : store->evidence_list()) out.push_back("E" + std::to_string(e.id));
        if (kind == "STATUS")
            for (const auto& level : store->scale().levels) out.push_back(level.name);
    } catch (const std::exception&) {
    }
    return out;
}

// The database the words would use: a --db among them, else the usual.
void use_db_of(Context& ctx, const std::vector<std::string>& words) {
    for (size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "--db" && i + 1 < words.size()) ctx.overrides.db = words[i + 1];
        if (words[i].starts_with("--db=")) ctx.overrides.db = words[i].substr(5);
    }
}

}  // namespace

int run_complete(const CLI::App& app, Context& ctx, const std::vector<std::string>& words) {
    use_db_of(ctx, words);
    const auto values_of = [&ctx](std::string_view kind) -> std::vector<std::string> {
        if (kind == "STAGE") return words_of(measure_stages());
        if (kind == "RELATION") return words_of(link_relations());
        return recorded(ctx, kind);
    };
    for (const auto& c : complete(app, words, values_of)) std::cout << c << "\n";
    return 0;
}

}  // namespace rectrack::cli
