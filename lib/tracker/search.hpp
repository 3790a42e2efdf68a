// `rectrack search`: what users type, read as they mean it (an identifier in
// any written form), and the hits named as staff name things.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"

namespace rectrack {

struct SearchResult {
    std::string kind;   // recommendation, measure, evidence, or note
    std::string key;    // R4, dsa, E3; for a note, what it is on
    std::string field;  // title, text, identifiers, url, publisher, note, status note, ...
    EventId event = 0;  // the event the text comes from
    std::string snippet;
    double rank = 0;  // lower is better
};

// Every phrase must occur (as words, in any case). A phrase that is a CELEX
// number in any form ("celex:32022r2065") is searched in its normal form.
// InputError when a phrase holds nothing to search for.
std::vector<SearchResult> search(const Store& store, const std::vector<std::string>& phrases,
                                 int limit = 20);

}  // namespace rectrack
