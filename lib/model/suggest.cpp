#include "model/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace rectrack {

namespace {

char fold(char c) {
    return c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Edits (insert, delete, substitute, swap two neighbours) between two
// words, compared folded.
size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
                fold(a[i - 2]) == fold(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

bool begins(std::string_view word, std::string_view prefix) {
    return prefix.size() <= word.size() && same_word(word.substr(0, prefix.size()), prefix);
}

}  // namespace

bool same_tag(std::string_view a, std::string_view b) {
    auto tag_fold = [](char c) { return c == ' ' ? '_' : fold(c); };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
               return tag_fold(x) == tag_fold(y);
           });
}

bool same_word(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return fold(x) == fold(y); });
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
    if (word.empty()) return std::nullopt;
    const size_t allowed = std::max<size_t>(1, word.size() / 3);
    const std::string* best = nullptr;
    size_t best_distance = allowed + 1;
    for (const auto& c : candidates) {
        const size_t d = distance(word, c);
        if (d < best_distance) best = &c, best_distance = d;
    }
    if (best) return *best;
    // A beginning typed in full: "subst" for "substantial", if only one.
    if (word.size() < 3) return std::nullopt;
    std::optional<std::string> only;
    for (const auto& c : candidates)
        if (begins(c, word)) {
            if (only) return std::nullopt;
            only = c;
        }
    return only;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const auto c = closest(word, candidates);
    return c ? " (did you mean '" + *c + "'?)" : "";
}

}  // namespace rectrack
