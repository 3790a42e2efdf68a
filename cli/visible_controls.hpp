// Everything rectrack prints passes through here, so that control
// characters in recorded text (a title with ESC sequences, from the command
// line or a dataset) are shown as escapes and never act on the terminal.
// JSON and TOML output escape them already; this catches the rest.
#pragma once
#include <ostream>
#include <streambuf>

namespace rectrack::cli {

class VisibleControls : public std::streambuf {
  public:
    // Filters `stream` until this object goes.
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
};

}  // namespace rectrack::cli
