#include "visible_controls.hpp"

#include <string_view>

#include "model/text.hpp"

namespace rectrack::cli {

VisibleControls::VisibleControls(std::ostream& stream)
    : stream_(stream), target_(stream.rdbuf(this)) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

VisibleControls::~VisibleControls() {
    pass_on_buffer();
    target_->pubsync();
    stream_.rdbuf(target_);
}

VisibleControls::int_type VisibleControls::overflow(int_type c) {
    if (!pass_on_buffer()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

// A write larger than the buffer goes straight through, after what is held.
std::streamsize VisibleControls::xsputn(const char* s, std::streamsize n) {
    if (n <= epptr() - pptr()) {
        traits_type::copy(pptr(), s, static_cast<std::size_t>(n));
        pbump(static_cast<int>(n));
        return n;
    }
    if (!pass_on_buffer()) return 0;
    if (n <= epptr() - pptr()) return xsputn(s, n);
    return pass_on(s, n) ? n : 0;
}

int VisibleControls::sync() {
    return pass_on_buffer() && target_->pubsync() == 0 ? 0 : -1;
}

bool VisibleControls::pass_on_buffer() {
    const std::streamsize n = pptr() - pbase();
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return n == 0 || pass_on(buffer_.data(), n);
}

bool VisibleControls::pass_on(const char* s, std::streamsize n) {
    const std::string_view text(s, static_cast<size_t>(n));
    // The common case, text without controls, is passed on as it is.
    bool clean = true;
    for (char c : text) clean = clean && !is_terminal_control(c);
    if (clean) return target_->sputn(s, n) == n;
    const std::string shown = escape_controls(text);
    const auto size = static_cast<std::streamsize>(shown.size());
    return target_->sputn(shown.data(), size) == size;
}

}  // namespace rectrack::cli
