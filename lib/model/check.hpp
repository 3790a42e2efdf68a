// What an online check of a source knows beforehand and what it found. Plain
// values, so that the core can record and report checks without knowing how
// they are made (the libcurl checker lives in audit/).
#pragma once
#include <string>

#include "model/model.hpp"

namespace rectrack {

// What is known of a source before the check.
struct CheckTarget {
    EvidenceId evidence = 0;
    std::string url;
    std::string sha256;       // recorded content hash, if any
    std::string text_sha256;  // recorded hash of the normalised text, if any
    std::string etag;
    std::string last_modified;
};

// One URL's outcome. `result` is one of result_classes().
struct CheckResult {
    EvidenceId evidence = 0;
    std::string url;
    std::string result;
    int http_status = 0;
    std::string final_url;
    int attempts = 0;  // requests made for this URL, redirects and retries included
    std::string detail;
    bool ok = false;  // the source was seen working
    // What was fetched, for a capture.
    std::string sha256, text_sha256, etag, last_modified;
};

}  // namespace rectrack
