#include <iostream>

#include "commands.hpp"
#include "model/error.hpp"
#include "store/anchor.hpp"

namespace rectrack::cli {

namespace {

struct VerifyOptions {
    std::vector<std::string> expect;  // anchors given on the command line
    std::vector<std::string> expect_files;
    bool full = false;
};

std::vector<Anchor> expected_anchors(const VerifyOptions& o) {
    std::vector<Anchor> anchors;
    for (const auto& text : o.expect) {
        const auto a = parse_anchor(text);
        if (!a)
            throw InputError("--expect '" + text +
                             "' is not an anchor (N:HASH, as `rectrack verify` prints it)");
        anchors.push_back(*a);
    }
    for (const auto& file : o.expect_files)
        for (const auto& a : read_anchors(file)) anchors.push_back(a);
    return anchors;
}

}  // namespace

void add_verify(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "verify",
        "Recompute the hash chain, check the projections against their checksums (or rebuild "
        "them with --full), and check the journal still extends anchors kept outside it; exit 1 "
        "at the first mismatch");
    auto o = std::make_shared<VerifyOptions>();
    cmd->add_option("--expect", o->expect,
                    "An anchor (N:HASH) printed earlier; fail unless the journal extends it");
    cmd->add_option("--expect-file", o->expect_files, "A file of such anchors, one per line");
    cmd->add_flag("--full", o->full,
                  "Rebuild the projections from the journal and compare them row by row: also "
                  "finds an edit that rewrote a table's checksum too (as slow as an import)");
    cmd->callback([&ctx, o] {
        const std::vector<Anchor> anchors = expected_anchors(*o);
        ctx.prefer_huge_pages();
        auto store = ctx.open();
        const VerifyResult r = store->verify(o->full ? VerifyDepth::full : VerifyDepth::checksums);
        if (!r.ok) {
            std::cout << "FAILED: ";
            if (r.first_bad_event) std::cout << "event #" << *r.first_bad_event << ": ";
            std::cout << r.problem << "\n";
            ctx.exit_code = 1;
            return;
        }
        std::cout << "ok: " << r.events << " events, hash chain and projections match ("
                  << (o->full ? "rebuilt from the journal" : "by their checksums") << ")\n";
        for (const auto& a : anchors) {
            const AnchorCheck c = check_anchor(*store, a);
            if (c.extends) {
                std::cout << "ok: extends " << a.str() << "\n";
            } else {
                std::cout << "FAILED: does not extend " << a.str() << ": " << c.problem << "\n";
                ctx.exit_code = 1;
            }
        }
        std::cout << "anchor: " << journal_anchor(*store).str() << "\n";
    });
}

}  // namespace rectrack::cli
