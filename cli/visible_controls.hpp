// Everything rectrack prints passes through here, so that control
// characters in recorded text (a title with ESC sequences, from the command
// line or a dataset) are shown as escapes and never act on the terminal.
// JSON and TOML output escape them already; this catches the rest.
//
// It keeps a buffer of its own: unbuffered, every `<<` of a report of a
// million events was a virtual call, a scan and a locked write to stdio.
#pragma once
#include <array>
#include <ostream>
#include <streambuf>

namespace rectrack::cli {

class VisibleControls : public std::streambuf {
  public:
    // Filters `stream` until this object goes, and passes on what it holds
    // when the stream is flushed (std::cerr flushes after every write) and
    // when it goes.
    explicit VisibleControls(std::ostream& stream);
    ~VisibleControls() override;
    VisibleControls(const VisibleControls&) = delete;
    VisibleControls& operator=(const VisibleControls&) = delete;

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

  private:
    std::ostream& stream_;
    std::streambuf* target_;
    std::array<char, 64 * 1024> buffer_;

    bool pass_on(const char* s, std::streamsize n);
    bool pass_on_buffer();
};

}  // namespace rectrack::cli
