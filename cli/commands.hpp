// The table of contents: one function per command, each in its own file.
#pragma once
#include <CLI/CLI.hpp>

#include "context.hpp"

namespace rectrack::cli {

void add_init(CLI::App& app, Context& ctx);      // create the database, load data/
void add_audit(CLI::App& app, Context& ctx);     // check the evidence, offline and online
void add_rec(CLI::App& app, Context& ctx);       // add a recommendation or a part
void add_recs(CLI::App& app, Context& ctx);      // recommendations and their status
void add_show(CLI::App& app, Context& ctx);      // one recommendation in full
void add_measure(CLI::App& app, Context& ctx);   // measure add|stage|list|show
void add_link(CLI::App& app, Context& ctx);      // link and unlink
void add_status(CLI::App& app, Context& ctx);    // record a status change
void add_evidence(CLI::App& app, Context& ctx);  // evidence add|list|show|attach|capture
void add_evidence_archive(CLI::App* evidence, Context& ctx);  // evidence archive
void add_note(CLI::App& app, Context& ctx);                   // a dated note
void add_tag(CLI::App& app, Context& ctx);                    // tag and untag: themes, addressees
void add_follow_up(CLI::App& app, Context& ctx);              // owner, target, response
void add_search(CLI::App& app, Context& ctx);                 // full-text search
void add_correct(CLI::App& app, Context& ctx);                // retract an event
void add_amend(CLI::App& app, Context& ctx);   // amend rec|measure|evidence: fix how it is recorded
void add_log(CLI::App& app, Context& ctx);     // the journal
void add_report(CLI::App& app, Context& ctx);  // a quarterly status report
void add_verify(CLI::App& app, Context& ctx);  // check the hash chain and projections
void add_export(CLI::App& app, Context& ctx);  // the journal as TOML or JSON
void add_import(CLI::App& app, Context& ctx);  // a journal or a dataset

// Hidden, for tools rather than people.
void add_man(CLI::App& app, Context& ctx);  // the man page, generated from this tree
// `rectrack _complete WORDS...`, for the shell completion scripts. It is run
// before CLI11 parses anything, since the words are a partial command line.
int run_complete(const CLI::App& app, Context& ctx, const std::vector<std::string>& words);

}  // namespace rectrack::cli
