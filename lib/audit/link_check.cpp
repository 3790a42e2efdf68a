#include "audit/link_check.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <cerrno>
#include <cstring>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "audit/address.hpp"
#include "audit/curl_url.hpp"
#include "audit/web_page.hpp"
#include "ids/url.hpp"
#include "model/sha256.hpp"
#include "model/text.hpp"

namespace rectrack {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// libcurl's handles, owned so that an exception between creating and
// releasing one cannot leak it.
struct EasyFree {
    void operator()(CURL* e) const { curl_easy_cleanup(e); }
};
struct ListFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct MultiFree {
    void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
using EasyHandle = std::unique_ptr<CURL, EasyFree>;
using HeaderList = std::unique_ptr<curl_slist, ListFree>;

void append(HeaderList& list, const std::string& line) {
    if (curl_slist* grown = curl_slist_append(list.get(), line.c_str())) {
        (void)list.release();  // curl_slist_append returned the same list, grown
        list.reset(grown);
    }
}

// --- one URL's check, as a small state machine driven by the scheduler ---

struct Job {
    CheckTarget target;
    CheckResult result;
    std::string url;                                // the URL the next request goes to
    std::string host, port;                         // where libcurl connects (curl_endpoint)
    bool conditional = false;                       // send the recorded validators
    int retries = 0;                                // for the current URL and method
    std::vector<std::pair<int, std::string>> hops;  // redirects followed: status, from URL
    std::set<std::string> seen;                     // URLs visited, to catch loops
    Clock::time_point not_before{};
    bool done = false;
    // The request in flight.
    EasyHandle easy;
    HeaderList headers;
    HeaderList pin;
    std::string body, content_type, etag, last_modified, retry_after;
    std::vector<std::pair<std::string, std::string>> response_headers;  // of the latest response
    bool keep_copy = false;  // hand body and headers back (fetch_copies)
    bool truncated = false;
    std::size_t max_body = 0;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
    Job& job = *static_cast<Job*>(user);
    if (job.body.size() + size * n > job.max_body) {
        job.truncated = true;
        return 0;  // stop reading: the cap is reached
    }
    job.body.append(data, size * n);
    return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
    Job& job = *static_cast<Job*>(user);
    const std::string line(data, size * n);
    const size_t colon = line.find(':');
    if (line.starts_with("HTTP/")) {  // a new response: forget the previous one's headers
        job.content_type.clear();
        job.etag.clear();
        job.last_modified.clear();
        job.retry_after.clear();
        job.response_headers.clear();
    } else if (colon != std::string::npos) {
        const std::string name = to_lower(line.substr(0, colon));
        const std::string value = trim(line.substr(colon + 1));
        job.response_headers.emplace_back(name, value);
        if (name == "content-type") job.content_type = value;
        if (name == "etag") job.etag = value;
        if (name == "last-modified") job.last_modified = value;
        if (name == "retry-after") job.retry_after = value;
    }
    return size * n;
}

void finish(Job& job, CheckOutcome result, std::string detail) {
    job.result.result = result;
    job.result.detail = std::move(detail);
    job.result.final_url = job.url;
    job.done = true;
}

// Runs the jobs on one libcurl multi handle: starts each request when the
// per-host and total limits and the per-host interval allow, and moves each
// job on when its request completes.
class Checker {
  public:
    explicit Checker(const CheckPolicy& p) : policy_(p), multi_(curl_multi_init()) {}
    ~Checker();
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;

    void run(std::vector<Job>& jobs, const std::function<void(size_t, size_t)>& progress);

  private:
    const CheckPolicy& policy_;
    std::unique_ptr<CURLM, MultiFree> multi_;
    std::vector<Job>* jobs_ = nullptr;
    int active_ = 0;
    std::map<std::string, int> per_host_;
    std::map<std::string, Clock::time_point> last_start_;
    const Clock::time_point origin_ = Clock::now();  // requests are timed from here

    // When the next request to `job`'s host may start, and whether the
    // limits on requests at once allow one now.
    Clock::time_point allowed_at(const Job& job, Clock::time_point now) const;
    bool has_room(const Job& job) const;
    void start(Job& job);
    EasyHandle request(Job& job, const std::string& address);
    void release(Job& job);
    void retry_or(Job& job, CheckOutcome result, const std::string& detail);
    void complete(Job& job, CURLcode code);
    void classify_status(Job& job, long status, const std::string& next);
    void redirect(Job& job, int status, const std::string& next);
    void classify_body(Job& job);
    void settle(Job& job, CheckOutcome result, const std::string& detail);
};

Checker::~Checker() {
    // A job still in flight (an exception unwound run) leaves the multi
    // handle before either is freed, as libcurl requires.
    if (jobs_)
        for (auto& job : *jobs_)
            if (job.easy) curl_multi_remove_handle(multi_.get(), job.easy.get());
}

Clock::time_point Checker::allowed_at(const Job& job, Clock::time_point now) const {
    const auto last = last_start_.find(job.host);
    return last == last_start_.end() ? now : last->second + milliseconds(policy_.min_interval_ms);
}

bool Checker::has_room(const Job& job) const {
    const auto busy = per_host_.find(job.host);
    return active_ < policy_.total && (busy == per_host_.end() || busy->second < policy_.per_host);
}

void Checker::run(std::vector<Job>& jobs, const std::function<void(size_t, size_t)>& progress) {
    jobs_ = &jobs;
    size_t finished = 0;
    auto count_done = [&](const Job& job) {
        if (!job.done) return;
        ++finished;
        if (progress) progress(finished, jobs.size());
    };
    for (auto& job : jobs) {
        job.seen.insert(job.url);
        if (job.done) ++finished;
    }
    while (finished < jobs.size()) {
        const auto now = Clock::now();
        Clock::time_point next = now + milliseconds(200);
        for (auto& job : jobs) {
            if (job.done || job.easy) continue;
            if (job.not_before > now) {
                next = std::min(next, job.not_before);
                continue;
            }
            // Room first: a job that must wait for room is woken by a
            // finishing request, not by its interval, which would only add
            // wake-ups that compete with the servers for the CPU.
            if (!has_room(job)) continue;
            if (const auto at = allowed_at(job, now); at > now) {
                next = std::min(next, at);
                continue;
            }
            start(job);
            count_done(job);  // refused before any request (private address, DNS)
        }
        int running = 0;
        curl_multi_perform(multi_.get(), &running);
        int left = 0;
        bool freed = false;
        while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            Job* job = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &job);
            complete(*job, msg->data.result);
            count_done(*job);
            freed = true;
        }
        if (finished == jobs.size()) break;
        // A finished request leaves room: start the next at once, rather
        // than wait in the poll below for news from the slow ones.
        if (freed) continue;
        const auto wait = std::chrono::duration_cast<milliseconds>(next - Clock::now()).count();
        if (active_ > 0)
            curl_multi_poll(multi_.get(), nullptr, 0,
                            static_cast<int>(std::clamp<long long>(wait, 1, 200)), nullptr);
        else if (wait > 0)
            std::this_thread::sleep_for(milliseconds(std::min<long long>(wait, 200)));
    }
    jobs_ = nullptr;
}

void Checker::start(Job& job) {
    const size_t scheme = job.url.find("://");
    const std::string s = scheme == std::string::npos ? "" : to_lower(job.url.substr(0, scheme));
    if (s != "http" && s != "https")
        return finish(job, CheckOutcome::skipped, "only http and https are checked");
    const Resolved where = resolve(job.host, policy_.allow_private);
    if (where.error == "private")
        return finish(job, CheckOutcome::skipped,
                      job.host + " is a loopback or private address (--allow-private checks it)");
    if (where.error == "dns") {
        ++job.result.attempts;
        return finish(job, CheckOutcome::broken, "DNS failure: " + job.host + " does not exist");
    }
    if (where.error == "dns_unreachable") {
        ++job.result.attempts;
        job.result.network_failure = true;
        return finish(job, CheckOutcome::broken,
                      "DNS failure: no resolver answered for " + job.host);
    }
    job.body.clear();
    job.truncated = false;
    job.max_body = policy_.max_body;
    job.easy = request(job, where.address);
    curl_multi_add_handle(multi_.get(), job.easy.get());
    ++active_;
    ++per_host_[job.host];
    // The instant the interval is kept from is the instant reported.
    const auto started = Clock::now();
    last_start_[job.host] = started;
    job.result.requests.push_back(
        {job.url, job.host, std::chrono::duration<double, std::milli>(started - origin_).count()});
    ++job.result.attempts;
}

// One request of `job`, set up but not yet added to the multi handle.
EasyHandle Checker::request(Job& job, const std::string& address) {
    EasyHandle easy(curl_easy_init());
    CURL* e = easy.get();
    curl_easy_setopt(e, CURLOPT_URL, job.url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, &job);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // each hop is checked here
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(policy_.connect_timeout_ms));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(policy_.timeout_ms));
    curl_easy_setopt(e, CURLOPT_USERAGENT, policy_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &job);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &job);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    // Pin a name to the address just vetted; a literal address needs no pin.
    unsigned char literal[sizeof(in6_addr)];
    if (inet_pton(AF_INET, job.host.c_str(), literal) != 1 &&
        inet_pton(AF_INET6, job.host.c_str(), literal) != 1) {
        append(job.pin, job.host + ":" + job.port + ":" + address);
        curl_easy_setopt(e, CURLOPT_RESOLVE, job.pin.get());
    }
    if (job.conditional) {
        if (!job.target.etag.empty()) append(job.headers, "If-None-Match: " + job.target.etag);
        if (!job.target.last_modified.empty())
            append(job.headers, "If-Modified-Since: " + job.target.last_modified);
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, job.headers.get());
    }
    return easy;
}

void Checker::release(Job& job) {
    curl_multi_remove_handle(multi_.get(), job.easy.get());
    job.easy.reset();
    job.headers.reset();
    job.pin.reset();
    --active_;
    --per_host_[job.host];
}

// Schedules the same request again, or gives up with `result`.
void Checker::retry_or(Job& job, CheckOutcome result, const std::string& detail) {
    if (++job.retries >= policy_.attempts)
        return finish(job, result, detail + " after " + std::to_string(job.retries) + " attempts");
    long long wait_ms = static_cast<long long>(policy_.backoff_ms) << (job.retries - 1);
    if (!job.retry_after.empty()) {
        long long seconds = -1;
        if (all_digits(job.retry_after))  // too large to parse is past any cap
            seconds = parse_number(job.retry_after).value_or(policy_.retry_after_cap_s);
        else if (const time_t when = curl_getdate(job.retry_after.c_str(), nullptr); when > 0)
            seconds = std::max<long long>(0, when - time(nullptr) + 1);
        if (seconds >= 0) wait_ms = std::min<long long>(seconds, policy_.retry_after_cap_s) * 1000;
    }
    job.not_before = Clock::now() + milliseconds(wait_ms);
}

void Checker::complete(Job& job, CURLcode code) {
    long status = 0;
    curl_easy_getinfo(job.easy.get(), CURLINFO_RESPONSE_CODE, &status);
    char* location = nullptr;
    curl_easy_getinfo(job.easy.get(), CURLINFO_REDIRECT_URL, &location);
    const std::string next = location ? location : "";
    const char* error = curl_easy_strerror(code);
    long os_error = 0;
    curl_easy_getinfo(job.easy.get(), CURLINFO_OS_ERRNO, &os_error);
    release(job);
    job.result.http_status = static_cast<int>(status);

    if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && job.truncated))
        return classify_status(job, status, next);
    if (code == CURLE_OPERATION_TIMEDOUT)
        return retry_or(job, CheckOutcome::timeout, "no answer in time");
    if (code == CURLE_SSL_CONNECT_ERROR || code == CURLE_PEER_FAILED_VERIFICATION ||
        code == CURLE_SSL_CERTPROBLEM || code == CURLE_SSL_CIPHER ||
        code == CURLE_SSL_CACERT_BADFILE)
        return finish(job, CheckOutcome::tls_error, error);
    if (code == CURLE_COULDNT_RESOLVE_HOST) return finish(job, CheckOutcome::broken, "DNS failure");
    if (code == CURLE_COULDNT_CONNECT &&
        (os_error == ENETUNREACH || os_error == EHOSTUNREACH || os_error == ENETDOWN))
        job.result.network_failure = true;  // our route, not their server
    if (code == CURLE_GOT_NOTHING || code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR)
        return retry_or(job, CheckOutcome::server_error, error);
    finish(job, CheckOutcome::broken, error);
}

// What an HTTP answer means, from its status code (and, on an error page, a
// bot challenge in its body).
void Checker::classify_status(Job& job, long status, const std::string& next) {
    const std::string http = "HTTP " + std::to_string(status);
    if (status >= 300 && status < 400 && status != 304 && !next.empty())
        return redirect(job, static_cast<int>(status), next);
    if (status == 304 && job.conditional)
        return settle(job, CheckOutcome::not_modified, "unchanged since it was captured");
    if (status == 408) return retry_or(job, CheckOutcome::timeout, http);
    if (status == 429) return retry_or(job, CheckOutcome::rate_limited, http);
    if (status >= 500) {
        if (bot_challenge(job.body))
            return finish(job, CheckOutcome::blocked,
                          "a bot challenge (" + http + "): not verifiable, not broken");
        return retry_or(job, CheckOutcome::server_error, http);
    }
    if (status == 401 || status == 403)
        return finish(job, CheckOutcome::blocked,
                      bot_challenge(job.body)
                          ? "a bot challenge (" + http + "): not verifiable, not broken"
                          : http + ": access refused, not verifiable");
    if (status == 404) return finish(job, CheckOutcome::broken, http);
    if (status == 410) return finish(job, CheckOutcome::gone, http + ": removed for good");
    if (status < 200 || status >= 300) return finish(job, CheckOutcome::broken, http);
    classify_body(job);
}

// A URL libcurl cannot parse has no host, and fails the address check.
void set_endpoint(Job& job) {
    const auto e = curl_endpoint(job.url);
    job.host = e ? e->host : "";
    job.port = e ? e->port : "";
}

void Checker::redirect(Job& job, int status, const std::string& next) {
    job.hops.emplace_back(status, job.url);
    if (job.seen.contains(next)) {
        job.url = next;
        return finish(job, CheckOutcome::broken, "a redirect loop");
    }
    if (static_cast<int>(job.hops.size()) > policy_.max_redirects)
        return finish(job, CheckOutcome::broken,
                      "more than " + std::to_string(policy_.max_redirects) + " redirects");
    job.seen.insert(next);
    job.url = next;
    set_endpoint(job);
    job.retries = 0;
}

void Checker::classify_body(Job& job) {
    CheckResult& r = job.result;
    r.etag = job.etag;
    r.last_modified = job.last_modified;
    if (job.truncated) {
        r.sha256.clear();
        return settle(job, CheckOutcome::ok,
                      "the body is larger than " + std::to_string(policy_.max_body) +
                          " bytes: reachable, not hashed");
    }
    r.sha256 = sha256_hex(job.body);
    r.text_sha256 = sha256_hex(normalised_text(job.body, job.content_type));
    if (job.keep_copy) {
        r.body = job.body;
        r.content_type = job.content_type;
        r.headers = job.response_headers;
    }
    if (is_html(job.content_type, job.body) && says_not_found(job.body))
        return finish(job, CheckOutcome::soft_404, "HTTP 200, but the page says it was not found");
    if (!job.target.sha256.empty() && job.target.sha256 != r.sha256) {
        if (!job.target.text_sha256.empty() && job.target.text_sha256 == r.text_sha256)
            return settle(job, CheckOutcome::changed, "markup only: the text is unchanged");
        return settle(job, CheckOutcome::changed, "the content differs from what was captured");
    }
    settle(job, CheckOutcome::ok, job.target.sha256.empty() ? "" : "the content is unchanged");
}

// A working answer; redirects on the way decide the final class.
void Checker::settle(Job& job, CheckOutcome result, const std::string& detail) {
    if (job.hops.empty()) return finish(job, result, detail);
    const std::string first = job.hops.front().second;
    if (is_home_page(job.url) && !is_home_page(first))
        return finish(job, CheckOutcome::soft_404, "redirects to the site's home page " + job.url);
    const bool permanent = std::all_of(job.hops.begin(), job.hops.end(), [](const auto& h) {
        return h.first == 301 || h.first == 308;
    });
    std::string d = std::to_string(job.hops.size()) + " redirect" +
                    (job.hops.size() > 1 ? "s" : "") + " to " + job.url;
    if (url_host(first) != url_host(job.url))
        d += "; it leaves " + url_host(first) + " for " + url_host(job.url);
    if (result == CheckOutcome::changed) return finish(job, result, detail + "; " + d);
    finish(job, permanent ? CheckOutcome::redirected_permanent : CheckOutcome::redirected_temporary,
           d);
}

Job make_job(const CheckTarget& t, const CheckPolicy& policy) {
    Job job;
    job.target = t;
    job.result.evidence = t.evidence;
    job.result.url = t.url;
    job.url = t.url;
    set_endpoint(job);
    job.max_body = policy.max_body;
    return job;
}

// libcurl's global state, set up once for the process.
void global_init() {
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)done;
}

}  // namespace

std::vector<CheckResult> check_links(
    const std::vector<CheckTarget>& targets, const CheckPolicy& policy,
    const std::function<void(std::size_t, std::size_t)>& progress) {
    global_init();
    std::vector<Job> jobs;
    jobs.reserve(targets.size());
    for (const auto& t : targets) {
        // One GET per URL reads what every class needs (a soft 404 and a
        // changed page are in the body); with validators recorded it is
        // conditional, and a 304 answers without a body.
        jobs.push_back(make_job(t, policy));
        jobs.back().conditional = !t.etag.empty() || !t.last_modified.empty();
    }
    Checker(policy).run(jobs, progress);
    std::vector<CheckResult> out;
    for (auto& j : jobs) out.push_back(std::move(j.result));
    return out;
}

namespace {

// GET requests without validators: what each source serves now.
std::vector<Job> fetch(const std::vector<CheckTarget>& targets, const CheckPolicy& policy,
                       bool keep_copy,
                       const std::function<void(std::size_t, std::size_t)>& progress) {
    global_init();
    std::vector<Job> jobs;
    jobs.reserve(targets.size());
    for (const auto& t : targets) {
        CheckTarget fresh = t;
        fresh.sha256.clear();  // a capture records what is there, it does not compare
        fresh.text_sha256.clear();
        jobs.push_back(make_job(fresh, policy));
        jobs.back().keep_copy = keep_copy;
    }
    Checker(policy).run(jobs, progress);
    return jobs;
}

}  // namespace

CheckResult capture_source(const CheckTarget& target, const CheckPolicy& policy) {
    return fetch({target}, policy, false, {}).at(0).result;
}

std::vector<CheckResult> fetch_copies(
    const std::vector<CheckTarget>& targets, const CheckPolicy& policy,
    const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<CheckResult> out;
    for (auto& j : fetch(targets, policy, true, progress)) {
        if (j.truncated && info(j.result.result).seen_working) {
            j.result.result = CheckOutcome::skipped;
            j.result.detail = "larger than " + std::to_string(policy.max_body) +
                              " bytes, too large to keep (--max-body raises the cap)";
        }
        out.push_back(std::move(j.result));
    }
    return out;
}

}  // namespace rectrack
