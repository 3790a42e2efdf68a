// `rectrack evidence archive`: keep a copy of sources in the database, so
// that a page that moves or disappears can still be read as it was cited,
// without relying on an outside archive. `--open` gives a copy back.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <set>

#include "commands.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

namespace {

struct Options {
    std::vector<std::string> refs;
    bool all = false;
    std::string open, output;
    CheckFlags check;
};

// The sources to fetch: those named, or with --all every source that has no
// local copy yet (naming one takes a fresh copy of it).
std::vector<EvidenceId> sources_to_archive(const Store& store, const Options& o) {
    std::vector<EvidenceId> ids;
    if (o.all) {
        const auto archived = store.archives();
        for (const auto& v : store.evidence_list())
            if (!archived.contains(v.id)) ids.push_back(v.id);
        return ids;
    }
    std::set<EvidenceId> seen;
    for (const auto& ref : o.refs) {
        const std::optional<Evidence> v = find_evidence(store, ref);
        if (!v) throw InputError("unknown evidence '" + ref + "' (see `rectrack evidence list`)");
        if (seen.insert(v->id).second) ids.push_back(v->id);
    }
    return ids;
}

void archive(Context& ctx, const Options& o) {
    const Network& network = ctx.online();
    std::vector<CheckTarget> targets;
    {
        const auto store = ctx.open();
        targets = check_targets(*store, sources_to_archive(*store, o));
    }
    if (targets.empty()) {
        std::cout << "every source already has a local copy\n";
        return;
    }
    const CheckPolicy policy = check_policy(o.check, ctx.settings());
    note_missing_contact(ctx.settings());
    const std::string fetched_at = ctx.settings().now.str();
    // Fetch first, write after: no lock is held while the network answers.
    std::vector<CheckResult> copies =
        with_progress(network.fetch_copies, targets, policy, "fetched", "sources");
    std::vector<const CheckResult*> kept;
    for (const auto& c : copies) {
        if (info(c.result).seen_working && c.result != CheckOutcome::skipped) {
            kept.push_back(&c);
            continue;
        }
        std::cerr << "rectrack: could not archive " << evidence_ref(c.evidence) << " " << c.url
                  << ": " << name(c.result) << (c.detail.empty() ? "" : " (" + c.detail + ")")
                  << "\n";
        ctx.exit_code = 1;
    }
    const auto events = ctx.write([&](Tracker& t) {
        std::vector<Event> out;
        for (const auto* c : kept) out.push_back(t.record_archive(c->evidence, *c, fetched_at));
        return out;
    });
    for (const auto& e : events) print_recorded(e);
}

// The latest copy of one source, to stdout or to --output.
void open_copy(Context& ctx, const Options& o) {
    const auto store = ctx.open();
    const std::optional<Evidence> v = find_evidence(*store, o.open);
    if (!v) throw InputError("unknown evidence '" + o.open + "' (see `rectrack evidence list`)");
    const auto archives = store->archives(v->id);
    if (archives.empty())
        throw InputError(evidence_ref(v->id) + " has no local copy (take one with `rectrack " +
                         "evidence archive " + evidence_ref(v->id) + "`)");
    const EvidenceArchive& latest = archives.begin()->second.back();
    const std::optional<std::string> content = store->object(latest.sha256);
    if (!content)
        throw StorageError("the copy of " + evidence_ref(v->id) + " (" + latest.sha256 +
                           ") is missing from the database; run `rectrack verify`");
    if (!o.output.empty()) {
        std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
        out.write(content->data(), static_cast<std::streamsize>(content->size()));
        if (!out.flush()) throw InputError("cannot write " + o.output);
        return;
    }
    // Raw bytes bypass the terminal filter; a binary file on a terminal
    // would only garble it.
    if (isatty(STDOUT_FILENO) && content->find('\0') != std::string::npos)
        throw InputError("the copy of " + evidence_ref(v->id) + " is binary (" +
                         (latest.content_type.empty() ? "no content type" : latest.content_type) +
                         "); write it with --output FILE");
    std::cout.flush();
    if (std::fwrite(content->data(), 1, content->size(), stdout) != content->size() ||
        std::fflush(stdout) != 0)
        throw InputError("cannot write the copy to standard output");
}

}  // namespace

void add_evidence_archive(CLI::App* parent, Context& ctx) {
    auto* cmd = parent->add_subcommand(
        "archive", "Keep a copy of sources in the database; --open gives one back");
    auto o = std::make_shared<Options>();
    auto* refs =
        cmd->add_option("id", o->refs, "E<n>, <n> or recorded URLs")->type_name("EVIDENCE");
    auto* all = cmd->add_flag("--all", o->all, "Every source that has no local copy yet");
    auto* open = cmd->add_option("--open", o->open, "Write the latest copy of a source")
                     ->type_name("EVIDENCE");
    cmd->add_option("-o,--output", o->output, "With --open: the file to write (default: stdout)");
    refs->excludes(all)->excludes(open);
    all->excludes(open);
    add_check_options(cmd, o->check);
    cmd->callback([&ctx, o] {
        if (!o->open.empty()) return open_copy(ctx, *o);
        if (!o->output.empty()) throw InputError("--output goes with --open");
        if (o->refs.empty() && !o->all)
            throw InputError("name the sources to archive (E<n> or URL), or give --all");
        archive(ctx, *o);
    });
}

}  // namespace rectrack::cli
