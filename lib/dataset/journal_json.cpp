#include "dataset/journal_json.hpp"

#include <vector>

#include "model/error.hpp"

namespace rectrack {

namespace {

using nlohmann::json;

// A journal nests a few levels deep; a file nested thousands deep is not
// one, and would exhaust the stack of whatever walks it next.
constexpr std::size_t kMaxDepth = 64;

// Builds the value of one top-level key as nlohmann's own DOM parser would,
// except that each finished element of "events" is handed on and dropped.
class JournalSax {
  public:
    JournalSax(const std::string& path, const std::function<void(const json&)>& on_event)
        : path_(path), on_event_(on_event) {}

    json take() { return std::move(doc_); }

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const std::string&) { return value(v); }
    bool string(std::string& v) { return value(std::move(v)); }
    bool binary(json::binary_t& v) { return value(json::binary(std::move(v))); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        if (open_.empty())
            top_key_ = k;  // a key of the document itself
        else
            key_ = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        throw InputError(path_ + ": not valid JSON: " + e.what());
    }

  private:
    const std::string& path_;
    const std::function<void(const json&)>& on_event_;
    json doc_;                  // the document, without the events
    bool in_document_ = false;  // the top-level object is open
    std::string top_key_, key_;
    json value_;               // the value of `top_key_` being built
    std::vector<json*> open_;  // its containers still open, outermost first

    void not_a_journal() const;
    json& place(json v);
    bool value(json v);
    bool open(json container);
    bool close();
    void finished();
};

void JournalSax::not_a_journal() const {
    throw InputError(path_ + ": a JSON file must be a rectrack journal export");
}

// Where a new value goes: the value of the top-level key, or into the
// innermost open container. Pointers on `open_` stay valid: only the
// innermost container grows while they are held.
json& JournalSax::place(json v) {
    if (open_.empty()) {
        value_ = std::move(v);
        return value_;
    }
    json& parent = *open_.back();
    if (parent.is_array()) {
        parent.push_back(std::move(v));
        return parent.back();
    }
    return parent[key_] = std::move(v);
}

bool JournalSax::value(json v) {
    if (!in_document_) not_a_journal();
    place(std::move(v));
    finished();
    return true;
}

bool JournalSax::open(json container) {
    if (!in_document_) {
        if (!container.is_object() || !doc_.is_null()) not_a_journal();
        in_document_ = true;
        doc_ = json::object();
        return true;
    }
    if (open_.size() + 2 > kMaxDepth)
        throw InputError(path_ + ": not a rectrack journal: nested more than " +
                         std::to_string(kMaxDepth) + " levels deep");
    open_.push_back(&place(std::move(container)));
    return true;
}

bool JournalSax::close() {
    if (open_.empty()) {  // the document itself
        in_document_ = false;
        return true;
    }
    open_.pop_back();
    finished();
    return true;
}

// A value just ended: an event is handed on, a top-level value kept.
void JournalSax::finished() {
    if (open_.empty()) {
        doc_[top_key_] = std::move(value_);
        value_ = nullptr;
        return;
    }
    if (top_key_ == "events" && open_.size() == 1 && open_[0]->is_array()) {
        on_event_(open_[0]->back());
        open_[0]->clear();
    }
}

}  // namespace

json read_json_journal(std::istream& in, const std::string& path,
                       const std::function<void(const json&)>& on_event) {
    JournalSax sax(path, on_event);
    json::sax_parse(in, &sax);
    return sax.take();
}

}  // namespace rectrack
