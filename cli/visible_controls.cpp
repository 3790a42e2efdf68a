#include "visible_controls.hpp"

#include <string_view>

#include "model/text.hpp"

namespace rectrack::cli {

VisibleControls::VisibleControls(std::ostream& stream)
    : stream_(stream), target_(stream.rdbuf(this)) {}

VisibleControls::~VisibleControls() {
    stream_.rdbuf(target_);
}

VisibleControls::int_type VisibleControls::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
}

std::streamsize VisibleControls::xsputn(const char* s, std::streamsize n) {
    const std::string_view text(s, static_cast<size_t>(n));
    // The common case, text without controls, is passed on as it is.
    bool clean = true;
    for (char c : text) clean = clean && !is_terminal_control(c);
    if (clean) return target_->sputn(s, n) == n ? n : 0;
    const std::string shown = escape_controls(text);
    const auto size = static_cast<std::streamsize>(shown.size());
    return target_->sputn(shown.data(), size) == size ? n : 0;
}

int VisibleControls::sync() {
    return target_->pubsync();
}

}  // namespace rectrack::cli
