// Shell completion, decided here once for bash, zsh and fish: the scripts in
// completion/ pass the words typed so far to `rectrack _complete` and offer
// what it prints. Commands and options come from the same CLI11 tree the
// binary parses with, so completion cannot drift from the commands.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rectrack::cli {

// The values of a kind of argument, named by the option's type name: REC,
// MEASURE, EVIDENCE, STATUS (read from the database), STAGE, RELATION.
using ValuesOf = std::function<std::vector<std::string>(std::string_view kind)>;

// What may come next after `words` (the words after "rectrack", the last
// being the one under the cursor, possibly empty), filtered by that word.
std::vector<std::string> complete(const CLI::App& root, const std::vector<std::string>& words,
                                  const ValuesOf& values_of);

}  // namespace rectrack::cli
