#include "tracker/lookup.hpp"

#include <algorithm>
#include <map>

#include "model/error.hpp"
#include "model/suggest.hpp"

namespace rectrack {

namespace {

template <typename T>
std::vector<std::string> keys_of(const std::vector<T>& all) {
    std::vector<std::string> keys;
    for (const auto& x : all) keys.push_back(x.key);
    return keys;
}

}  // namespace

std::optional<Recommendation> lookup_recommendation(const Store& store, const std::string& key,
                                                    AsRecorded as_recorded) {
    if (auto r = store.recommendation(key, as_recorded)) return r;
    if (auto other = store.recommendation_key_any_case(key, as_recorded))
        return store.recommendation(*other, as_recorded);
    return std::nullopt;
}

std::optional<Measure> lookup_measure(const Store& store, const std::string& key) {
    if (auto m = store.measure(key)) return m;
    if (auto other = store.measure_key_any_case(key)) return store.measure(*other);
    return std::nullopt;
}

Recommendation find_recommendation(const Store& store, const std::string& key,
                                   AsRecorded as_recorded) {
    if (auto r = lookup_recommendation(store, key, as_recorded)) return *r;
    throw InputError("unknown recommendation '" + key + "'" +
                     did_you_mean(key, keys_of(store.recommendations(as_recorded))) +
                     " (see `rectrack recs`)");
}

Measure find_measure(const Store& store, const std::string& key) {
    if (auto m = lookup_measure(store, key)) return *m;
    throw InputError("unknown measure '" + key + "'" +
                     did_you_mean(key, keys_of(store.measures())) +
                     " (see `rectrack measure list`)");
}

std::vector<std::string> recommendation_keys(const Store& store,
                                             const std::vector<std::string>& keys,
                                             const std::string& option, AsRecorded as_recorded) {
    std::vector<std::string> out;
    for (const auto& k : keys) {
        if (auto r = lookup_recommendation(store, k, as_recorded)) {
            out.push_back(r->key);
            continue;
        }
        throw InputError("unknown recommendation '" + k + "' in " + option +
                         did_you_mean(k, keys_of(store.recommendations(as_recorded))));
    }
    return out;
}

std::set<std::string> tagged(const std::vector<Recommendation>& recs,
                             const std::vector<std::string>& wanted, Tag tag) {
    const char* what = tag == Tag::theme ? "theme" : "addressee";
    std::map<std::string, const Recommendation*> by_key;
    std::vector<std::string> known;
    for (const auto& r : recs) {
        by_key[r.key] = &r;
        for (const auto& t : tag == Tag::theme ? r.themes : r.addressees)
            if (std::find(known.begin(), known.end(), t) == known.end()) known.push_back(t);
    }
    for (const auto& w : wanted)
        if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return same_tag(k, w); }))
            throw InputError("no recommendation has the " + std::string(what) + " '" + w + "'" +
                             did_you_mean(w, known));
    auto has = [&](const Recommendation& r) {
        const auto& tags = tag == Tag::theme ? r.themes : r.addressees;
        return std::any_of(tags.begin(), tags.end(), [&](const auto& t) {
            return std::any_of(wanted.begin(), wanted.end(),
                               [&](const auto& w) { return same_tag(t, w); });
        });
    };
    std::set<std::string> out;
    for (const auto& r : recs) {
        const auto parent = by_key.find(r.parent);
        if (has(r) || (parent != by_key.end() && has(*parent->second))) out.insert(r.key);
    }
    return out;
}

std::set<std::string> followed_by(const std::vector<RecommendationSummary>& rows,
                                  const std::vector<std::string>& owners) {
    std::vector<std::string> known;
    for (const auto& r : rows)
        if (!r.follow_up.owner.empty() &&
            std::find(known.begin(), known.end(), r.follow_up.owner) == known.end())
            known.push_back(r.follow_up.owner);
    std::set<std::string> out;
    for (const auto& w : owners) {
        if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return same_tag(k, w); }))
            throw InputError("no recommendation is followed by '" + w + "'" +
                             did_you_mean(w, known));
        for (const auto& r : rows)
            if (same_tag(r.follow_up.owner, w)) out.insert(r.rec.key);
    }
    return out;
}

}  // namespace rectrack
