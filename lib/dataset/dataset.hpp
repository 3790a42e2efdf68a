// Datasets: hand-written TOML files that declare a report, its
// recommendations, the status scale, measures, evidence, links and status
// history. Loading one records the events that build that state.
#pragma once
#include <string>

#include "tracker/tracker.hpp"

namespace toml {
inline namespace v3 {
class table;
}
}  // namespace toml

namespace rectrack {

// Records every item of the dataset through `tracker`. Errors name the file
// and the item: "data/x.toml: measure 'ai-act': malformed CELEX ...".
void load_dataset(Tracker& tracker, const toml::table& data, const std::string& source);

}  // namespace rectrack
