// Reading a JSON journal export without holding it: a SAX reader that hands
// each element of "events" on as soon as it is read and keeps only the rest
// of the document (format, version, anchor, archived objects). A journal of a
// million events then needs the memory of one.
#pragma once
#include <functional>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>

namespace rectrack {

// Reads the JSON document in `in` (named `path` in messages), calling
// `on_event` with each element of the top-level "events" array in order,
// and returns the document without those elements ("events" is then an
// empty array, or whatever non-array value the file held). Throws
// InputError when the text is not JSON, is nested deeper than a journal
// is, or its top level is not an object.
nlohmann::json read_json_journal(std::istream& in, const std::string& path,
                                 const std::function<void(const nlohmann::json&)>& on_event);

}  // namespace rectrack
