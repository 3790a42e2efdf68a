#include <iostream>

#include "commands.hpp"

namespace rectrack::cli {

void add_verify(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "verify", "Recompute the hash chain and the projections; exit 1 at the first mismatch");
    cmd->callback([&ctx] {
        auto store = ctx.open();
        const VerifyResult r = store->verify();
        if (r.ok) {
            std::cout << "ok: " << r.events << " events, hash chain and projections match\n";
            return;
        }
        std::cout << "FAILED: ";
        if (r.first_bad_event) std::cout << "event #" << *r.first_bad_event << ": ";
        std::cout << r.problem << "\n";
        ctx.exit_code = 1;
    });
}

}  // namespace rectrack::cli
