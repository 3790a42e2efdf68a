#include "completion.hpp"

#include <algorithm>

namespace rectrack::cli {

namespace {

const CLI::App* subcommand(const CLI::App& app, const std::string& name) {
    for (const CLI::App* sub : app.get_subcommands({}))
        if (sub->get_name() == name) return sub;
    return nullptr;
}

// A long option of `app` or, for global options, of the root.
const CLI::Option* long_option(const CLI::App& app, const CLI::App& root, const std::string& name) {
    for (const CLI::App* a : {&app, &root})
        for (const CLI::Option* o : a->get_options())
            for (const auto& l : o->get_lnames())
                if ("--" + l == name) return o;
    return nullptr;
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
    std::vector<const CLI::Option*> out;
    for (const CLI::Option* o : app.get_options())
        if (o->get_positional() && o->get_lnames().empty()) out.push_back(o);
    return out;
}

// "TEXT:{md,html,csv,json}" offers its members; a plain kind asks values_of.
std::vector<std::string> values_for(const CLI::Option& o, const ValuesOf& values_of) {
    const std::string type = o.get_type_name();
    const auto open = type.find('{'), close = type.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return values_of(type);
    std::vector<std::string> members;
    std::string member;
    for (char c : type.substr(open + 1, close - open - 1)) {
        if (c == ',') {
            members.push_back(member);
            member.clear();
        } else {
            member += c;
        }
    }
    members.push_back(member);
    return members;
}

std::vector<std::string> options_of(const CLI::App& app, const CLI::App& root) {
    std::vector<std::string> out;
    for (const CLI::App* a : {&app, &root}) {
        for (const CLI::Option* o : a->get_options())
            for (const auto& l : o->get_lnames()) out.push_back("--" + l);
        if (a == &root) break;
    }
    return out;
}

}  // namespace

std::vector<std::string> complete(const CLI::App& root, const std::vector<std::string>& words,
                                  const ValuesOf& values_of) {
    const std::string current = words.empty() ? "" : words.back();
    const CLI::App* app = &root;
    const CLI::Option* pending = nullptr;  // an option still waiting for its value
    size_t filled = 0;                     // positionals given so far
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string& w = words[i];
        if (pending) {
            pending = nullptr;
        } else if (w.starts_with("--")) {
            const CLI::Option* o = long_option(*app, root, w.substr(0, w.find('=')));
            if (o && o->get_type_size() > 0 && w.find('=') == std::string::npos) pending = o;
        } else if (w.starts_with("-")) {
            continue;
        } else if (const CLI::App* sub = subcommand(*app, w)) {
            app = sub;
            filled = 0;
        } else {
            ++filled;
        }
    }
    std::vector<std::string> candidates;
    if (pending) {
        candidates = values_for(*pending, values_of);
    } else if (current.starts_with("-")) {
        candidates = options_of(*app, root);
    } else {
        for (const CLI::App* sub : app->get_subcommands({}))
            if (!sub->get_group().empty()) candidates.push_back(sub->get_name());
        const auto pos = positionals(*app);
        if (filled < pos.size())
            for (auto& v : values_for(*pos[filled], values_of)) candidates.push_back(v);
    }
    std::erase_if(candidates, [&](const std::string& c) { return !c.starts_with(current); });
    return candidates;
}

}  // namespace rectrack::cli
