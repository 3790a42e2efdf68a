// rectrack-online: rectrack with the link checker (libcurl) linked in. It
// runs `audit --online`, `evidence capture`, `evidence add --capture` and
// `evidence archive` for `rectrack`, which hands them over (online_helper.cpp).
#include "audit/link_check.hpp"
#include "run.hpp"

int main(int argc, char** argv) {
    static const rectrack::cli::Network network{rectrack::check_links, rectrack::capture_source,
                                                rectrack::fetch_copies};
    return rectrack::cli::run(argc, argv, &network);
}
