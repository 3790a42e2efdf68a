#include "run.hpp"

#include <malloc.h>

#include <algorithm>
#include <iostream>
#include <string_view>

#include "app.hpp"
#include "commands.hpp"
#include "huge_pages.hpp"
#include "model/error.hpp"
#include "store/store.hpp"
#include "visible_controls.hpp"

namespace rectrack::cli {

int run(int argc, char** argv, const Network* network) {
    restore_environment_after_restart();
    // Blocks of a megabyte or more come from the system and go back to it
    // when freed. glibc's default raises that threshold each time such a
    // block is freed, after which a report's large passing tables were
    // carved from the heap and kept: 13 MB of a report at a million events.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    const VisibleControls out(std::cout), err(std::cerr);
    Context ctx;
    ctx.network = network;
    ctx.argv = argv;
    const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
    const auto app = make_app(ctx, args);

    try {
        if (argc >= 2 && std::string_view(argv[1]) == "_complete")
            return run_complete(*app, ctx, {argv + 2, argv + argc});
        if (auto unknown = unknown_command(*app, args)) throw InputError(*unknown);
        app->parse(argc, argv);
        // Output is buffered (visible_controls.hpp): a full disk or a closed
        // pipe shows here, and a cut-off report must not pass for a whole one.
        if (!std::cout.flush()) {
            std::cerr << "rectrack: error: could not write all of the output to standard "
                         "output (disk full or pipe closed): what was written is incomplete\n";
            return 3;
        }
        return ctx.exit_code;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app->exit(e);  // --help, --version
        std::cerr << "rectrack: error: " << e.what() << "\n";
        return 2;
    } catch (const InputError& e) {
        std::cerr << "rectrack: error: " << e.what() << "\n";
        return 2;
    } catch (const StorageError& e) {
        std::cerr << "rectrack: error: " << e.what() << "\n";
        return 3;
    } catch (const std::exception&) {
        try {
            rethrow_as_storage_error(ctx.settings().db_path);
        } catch (const StorageError& e) {
            std::cerr << "rectrack: error: " << e.what() << "\n";
        } catch (const std::exception& e) {
            std::cerr << "rectrack: internal error: " << e.what() << "\n";
        }
        return 3;
    }
}

}  // namespace rectrack::cli
