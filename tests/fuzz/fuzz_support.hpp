// What the fuzz targets share: a property that fails loudly, and the import
// round trip every accepted file must survive.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>

#include "dataset/journal_file.hpp"
#include "model/error.hpp"
#include "store/store.hpp"

namespace rectrack::fuzz {

// A broken property is a finding: say which, and abort so libFuzzer keeps
// the input.
[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "property failed: %s\n", what.c_str());
    std::abort();
}

// A parser accepted `input` and wrote it as `normal`, which it then
// misread: the round trip parse -> str -> parse is broken.
[[noreturn]] inline void fail_round_trip(const std::string& what, const std::string& input,
                                         const std::string& normal, const std::string& why) {
    fail(what + " '" + input + "' is written '" + normal + "', but " + why);
}

// parse -> str -> parse must give the same str, for any parser returning an
// optional or an expected of a value with str().
template <typename Parse>
void check_round_trip(const char* what, const std::string& text, Parse parse) {
    const auto first = parse(text);
    if (!first) return;
    const std::string normal = first->str();
    const auto again = parse(normal);
    if (!again) fail_round_trip(what, text, normal, "that is refused");
    if (again->str() != normal)
        fail_round_trip(what, text, normal, "that reads back as " + again->str());
}

inline Actor fuzz_actor() {
    return Actor{"fuzz", *parse_instant("2026-11-27T12:00:00Z")};
}

// One in-memory database per process; every input runs in a transaction
// that is rolled back, so each starts from an empty journal.
inline Store& scratch(int which) {
    static Store stores[2] = {Store(":memory:", {Access::create, 0}),
                              Store(":memory:", {Access::create, 0})};
    return stores[which];
}

// Imports `text` as `rectrack import` would. Input errors are the expected
// way to refuse a file; any other exception escapes and is a finding. When
// the file is accepted, its export must import again and export the same:
// what rectrack accepts it can always read back (a dataset date of year 1
// once broke this).
template <typename Then>
void import_and_round_trip(const std::string& text, Then&& then) {
    Store& store = scratch(0);
    Store::Transaction tx(store);
    try {
        import_text(store, tx, fuzz_actor(), text, "input");
    } catch (const InputError&) {
        return;
    }
    const std::string exported = export_journal_json(store);
    Store& copy = scratch(1);
    Store::Transaction copy_tx(copy);
    try {
        import_text(copy, copy_tx, fuzz_actor(), exported, "export");
    } catch (const InputError& e) {
        fail(std::string("an accepted file's export does not import: ") + e.what());
    }
    if (export_journal_json(copy) != exported) fail("export -> import -> export differs");
    then(store);
}

}  // namespace rectrack::fuzz
