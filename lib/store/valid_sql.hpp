// The store's one rule for history, shared by its query files (not part of
// the library's interface).
#pragma once

// A projection row holds as recorded at :t when it was recorded by then and
// not retracted by then. The same text serves current and historical views.
#define VALID(a) \
    " (" a ".recorded_at <= :t AND (" a ".retracted_at IS NULL OR " a ".retracted_at > :t)) "
