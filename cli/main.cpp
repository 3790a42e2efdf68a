// rectrack: track how far the EU has acted on a report's recommendations.
// This binary has no network stack; see online_helper.cpp.
#include "run.hpp"

int main(int argc, char** argv) {
    return rectrack::cli::run(argc, argv, nullptr);
}
