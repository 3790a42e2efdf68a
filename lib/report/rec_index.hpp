// Recommendations found by key, for a report that looks up 100,000 of them:
// pointers sorted by key and searched by halving. A std::map of that many
// keys held 7 MB in nodes; this holds 1.6, and each recommendation has a
// position that arrays of their own can be indexed by.
//
// Each key's first eight bytes are also kept beside the others as a number
// that sorts as the key does: the halving compares those and reads a
// recommendation only among keys that share them. Reading one of 100,000
// scattered recommendations at each step was a cache miss each, a tenth of
// a report at a million events.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace rectrack {

class RecIndex {
  public:
    RecIndex() = default;
    // From recommendations or pointers to them, which must outlive the index.
    template <typename Range>
    explicit RecIndex(const Range& recs) {
        sorted_.reserve(std::size(recs));
        for (const auto& r : recs) sorted_.push_back(&deref(r));
        std::sort(sorted_.begin(), sorted_.end(),
                  [](const Recommendation* a, const Recommendation* b) { return a->key < b->key; });
        prefixes_.reserve(sorted_.size());
        for (const Recommendation* r : sorted_) prefixes_.push_back(prefix(r->key));
    }

    std::size_t size() const { return sorted_.size(); }
    // In key order.
    auto begin() const { return sorted_.begin(); }
    auto end() const { return sorted_.end(); }
    // Where `key` is, from 0 to size() - 1.
    std::optional<std::size_t> position(std::string_view key) const {
        const auto [first, last] =
            std::equal_range(prefixes_.begin(), prefixes_.end(), prefix(key));
        const auto from = sorted_.begin() + (first - prefixes_.begin());
        const auto to = sorted_.begin() + (last - prefixes_.begin());
        const auto it =
            std::lower_bound(from, to, key, [](const Recommendation* r, std::string_view k) {
                return std::string_view(r->key) < k;
            });
        if (it == to || (*it)->key != key) return std::nullopt;
        return static_cast<std::size_t>(it - sorted_.begin());
    }
    const Recommendation* find(std::string_view key) const {
        const auto at = position(key);
        return at ? sorted_[*at] : nullptr;
    }
    bool contains(std::string_view key) const { return position(key).has_value(); }

  private:
    // The first eight bytes, big-endian, zeros after a shorter key: keys in
    // order have prefixes in order, equal ones where keys agree that far.
    static std::uint64_t prefix(std::string_view key) {
        std::uint64_t p = 0;
        for (std::size_t i = 0; i < 8; ++i)
            p = p << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
        return p;
    }
    static const Recommendation& deref(const Recommendation& r) { return r; }
    static const Recommendation& deref(const Recommendation* r) { return *r; }
    std::vector<const Recommendation*> sorted_;
    std::vector<std::uint64_t> prefixes_;  // of sorted_'s keys, in the same order
};

}  // namespace rectrack
