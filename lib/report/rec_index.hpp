// Recommendations found by key, for a report that looks up 100,000 of them:
// pointers sorted by key and searched by halving. A std::map of that many
// keys held 7 MB in nodes; this holds 0.8, and each recommendation has a
// position that arrays of their own can be indexed by.
#pragma once
#include <algorithm>
#include <cstddef>
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
    }

    std::size_t size() const { return sorted_.size(); }
    // In key order.
    auto begin() const { return sorted_.begin(); }
    auto end() const { return sorted_.end(); }
    // Where `key` is, from 0 to size() - 1.
    std::optional<std::size_t> position(std::string_view key) const {
        const auto it = std::lower_bound(
            sorted_.begin(), sorted_.end(), key,
            [](const Recommendation* r, std::string_view k) { return r->key < k; });
        if (it == sorted_.end() || (*it)->key != key) return std::nullopt;
        return static_cast<std::size_t>(it - sorted_.begin());
    }
    const Recommendation* find(std::string_view key) const {
        const auto at = position(key);
        return at ? sorted_[*at] : nullptr;
    }
    bool contains(std::string_view key) const { return position(key).has_value(); }

  private:
    static const Recommendation& deref(const Recommendation& r) { return r; }
    static const Recommendation& deref(const Recommendation* r) { return *r; }
    std::vector<const Recommendation*> sorted_;
};

}  // namespace rectrack
