// JsonWriter: JSON laid out exactly as nlohmann's dump(2) lays it out,
// written a value at a time instead of built as a document first: a report
// writes a million events this way, where building each as nlohmann objects
// (a map node and a string per key) took a third of the report's time.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rectrack {

// Keys come in the sorted order dump() writes them in; one out of order
// throws std::logic_error, so that a writer cannot drift from the layout.
// Keys are not copied: they must outlive the object they are in (literals).
class JsonWriter {
  public:
    // `depth`: how many levels into its document the first value sits.
    explicit JsonWriter(std::string& out, int depth = 0) : out_(out), base_(depth) {}

    JsonWriter& key(std::string_view k);
    void string(std::string_view s);
    void string_or_null(std::string_view s);  // null when empty
    void number(std::int64_t n);
    void boolean(bool b);
    void null();
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void strings(const std::vector<std::string>& list);  // an array of strings

  private:
    struct Level {
        bool object = false;
        int items = 0;
        std::string_view last_key;
    };
    void element();  // what comes before a value: after a key, nothing
    void open(char bracket, bool object);
    void close(char bracket, bool object);
    void indent(std::size_t levels);

    std::string& out_;
    int base_;
    std::vector<Level> open_;
    bool after_key_ = false;
};

}  // namespace rectrack
