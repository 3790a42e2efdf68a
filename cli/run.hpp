// The program, for the two binaries that run it: `rectrack` (main.cpp), and
// rectrack-online (main_online.cpp), which also has the network.
#pragma once
#include "context.hpp"

namespace rectrack::cli {

// Parses the command line, runs the command and returns the exit code:
// 0 success, 1 a check found problems, 2 bad usage or input, 3 storage or
// installation trouble. Errors are one line on stderr.
int run(int argc, char** argv, const Network* network);

}  // namespace rectrack::cli
