// Themes and addressees: who a recommendation addresses and what it is
// about change as the EU's agenda does, so they are journal events like any
// other, and a report as recorded earlier sees the tags of its day.
#include <algorithm>

#include "model/suggest.hpp"
#include "tracker/input_checks.hpp"
#include "tracker/tracker.hpp"

namespace rectrack {

std::vector<std::string> clean_tags(const std::vector<std::string>& tags, const std::string& what) {
    std::vector<std::string> out;
    for (const auto& given : tags) {
        const std::string t = trim(given);
        if (t.empty()) throw InputError("a " + what + " must not be empty");
        if (t.find('\n') != std::string::npos) throw InputError("a " + what + " is one line");
        for (const auto& o : out)
            if (same_tag(o, t)) throw InputError("the " + what + " '" + t + "' is given twice");
        out.push_back(t);
    }
    return out;
}

namespace {

using nlohmann::json;

// One list of tags edited: what is taken away must be there (in any
// spelling; the recorded one is kept), what is given must not be.
void edit(std::vector<std::string> current, const std::vector<std::string>& give,
          const std::vector<std::string>& take, const std::string& what, const std::string& label,
          json& added, json& removed, const char* field) {
    json a = json::array(), r = json::array();
    for (const auto& t : clean_tags(take, what)) {
        const auto it = std::find_if(current.begin(), current.end(),
                                     [&](const auto& c) { return same_tag(c, t); });
        if (it == current.end())
            throw InputError(label + " has no " + what + " '" + t + "'" + did_you_mean(t, current));
        r.push_back(*it);
        current.erase(it);
    }
    for (const auto& t : clean_tags(give, what)) {
        const auto it = std::find_if(current.begin(), current.end(),
                                     [&](const auto& c) { return same_tag(c, t); });
        if (it != current.end())
            throw InputError(label + " already has the " + what + " '" + *it + "'");
        a.push_back(t);
    }
    if (!a.empty()) added[field] = a;
    if (!r.empty()) removed[field] = r;
}

}  // namespace

Event Tracker::change_tags(const std::string& key, const TagEdit& add, const TagEdit& remove,
                           std::optional<Date> date) {
    const std::string subject = resolve_subject(store_, key);
    const std::string label = subject.substr(subject.find(':') + 1);
    json added = json::object(), removed = json::object();
    if (subject.starts_with("rec:")) {
        const Recommendation r = require_rec(label);
        edit(r.themes, add.themes, remove.themes, "theme", label, added, removed, "themes");
        edit(r.addressees, add.addressees, remove.addressees, "addressee", label, added, removed,
             "addressees");
    } else {
        if (!add.addressees.empty() || !remove.addressees.empty())
            throw InputError("a measure has no addressees: its institutions say who acts");
        const Measure m = require_measure(label);
        edit(m.themes, add.themes, remove.themes, "theme", label, added, removed, "themes");
    }
    if (added.empty() && removed.empty()) throw InputError("give a --theme or an --addressee");
    json p = {{"subject", subject}};
    if (!added.empty()) p["added"] = added;
    if (!removed.empty()) p["removed"] = removed;
    return append(EventKind::tags_changed, {subject}, p, past_or_today(date, "a tag"));
}

}  // namespace rectrack
