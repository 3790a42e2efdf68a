// Which part of the journal a query sees (design invariant 2): everything
// recorded so far, or only what had been recorded by an instant, so that a
// report issued last quarter can be reproduced byte for byte.
#pragma once
#include <optional>
#include <string>

#include "time/date.hpp"

namespace rectrack {

class AsRecorded {
  public:
    AsRecorded() = default;  // everything recorded so far
    explicit AsRecorded(Instant by) : by_(by) {}
    explicit AsRecorded(std::optional<Instant> by) : by_(by) {}

    bool everything() const { return !by_; }
    const std::optional<Instant>& by() const { return by_; }
    // The bound a recorded_at column is compared with. Recorded instants are
    // ISO 8601 UTC strings of one width, which sort as time does; the bound
    // for "everything" lies after any instant a clock can give.
    std::string bound() const { return by_ ? by_->str() : "9999-12-31T23:59:59Z"; }

  private:
    std::optional<Instant> by_;
};

}  // namespace rectrack
