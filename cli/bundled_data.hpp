// Where the bundled dataset is, for `init`.
#pragma once
#include <string>

namespace rectrack::cli {

// RECTRACK_DATA (a folder) when set; else the share/rectrack folder of the
// prefix the binary is installed in, found from the binary's own location
// so that an installed tree works wherever it is moved; else the source
// tree the binary was built from.
std::string bundled_dataset();

}  // namespace rectrack::cli
