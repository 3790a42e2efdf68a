#include "audit/curl_url.hpp"

#include <curl/curl.h>

#include <memory>

#include "model/text.hpp"

namespace rectrack {

namespace {

struct UrlHandleFree {
    void operator()(CURLU* h) const { curl_url_cleanup(h); }
};

std::string part(CURLU* h, CURLUPart which, unsigned flags = 0) {
    char* value = nullptr;
    if (curl_url_get(h, which, &value, flags) != CURLUE_OK || !value) return {};
    std::string out(value);
    curl_free(value);
    return out;
}

}  // namespace

std::optional<Endpoint> curl_endpoint(std::string_view url) {
    const std::unique_ptr<CURLU, UrlHandleFree> h(curl_url());
    if (!h || curl_url_set(h.get(), CURLUPART_URL, std::string(trim(url)).c_str(),
                           CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return std::nullopt;
    Endpoint e{to_lower(part(h.get(), CURLUPART_HOST)), part(h.get(), CURLUPART_PORT)};
    if (e.host.size() > 1 && e.host.front() == '[' && e.host.back() == ']')
        e.host = e.host.substr(1, e.host.size() - 2);
    if (e.port.empty())
        e.port = to_lower(part(h.get(), CURLUPART_SCHEME)) == "https" ? "443" : "80";
    return e;
}

}  // namespace rectrack
