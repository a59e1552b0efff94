#include "testing/test_site.h"

#include <httplib.h>

#include <atomic>
#include <thread>

namespace newsloom::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr char kRequestIdHeader[] = "X-Test-Request";

std::string HostWithoutPort(const std::string& host) { return host.substr(0, host.rfind(':')); }

}  // namespace

struct TestSite::State {
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> stopping{false};
  mutable std::mutex mutex;
  std::map<std::pair<std::string, std::string>, Route> routes;
  std::vector<LoggedRequest> log;
  std::map<std::string, int> active;  // per host
  std::map<std::string, int> max_active;

  // Sleeps up to `d`, waking early when the site stops (or the client has gone, when asked).
  void Sleep(std::chrono::milliseconds d, httplib::DataSink* sink = nullptr) const {
    const auto until = Clock::now() + d;
    while (Clock::now() < until && !stopping && (sink == nullptr || sink->is_writable())) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    const size_t id = Answer(req, res);
    std::lock_guard<std::mutex> lock(mutex);
    log[id].answered = Clock::now();
    // Here, not once written: the client can read the log before the server's logger has run.
    log[id].status = res.status;
  }

  // Fills the response; returns the request's index in the log.
  size_t Answer(const httplib::Request& req, httplib::Response& res) {
    LoggedRequest entry;
    entry.start = Clock::now();
    entry.host = HostWithoutPort(req.get_header_value("Host"));
    entry.target = req.target;
    entry.user_agent = req.get_header_value("User-Agent");
    entry.accept_encoding = req.get_header_value("Accept-Encoding");
    entry.if_none_match = req.get_header_value("If-None-Match");
    entry.if_modified_since = req.get_header_value("If-Modified-Since");
    Response response;
    bool found = false;
    size_t id = 0;
    {
      std::lock_guard<std::mutex> lock(mutex);
      const int now_active = ++active[entry.host];
      max_active[entry.host] = std::max(max_active[entry.host], now_active);
      id = log.size();
      res.set_header(kRequestIdHeader, std::to_string(id));
      log.push_back(entry);
      auto it = routes.find({entry.host, entry.target});
      if (it != routes.end() && !it->second.responses.empty()) {
        Route& route = it->second;
        response = route.responses[std::min(route.served, route.responses.size() - 1)];
        ++route.served;
        found = true;
      }
    }
    if (!found) {
      res.status = 404;
      res.set_content("not found", "text/plain");
      return id;
    }
    Sleep(response.delay);
    for (const auto& [name, value] : response.headers) res.set_header(name, value);
    if (!response.etag.empty()) res.set_header("ETag", response.etag);
    if (!response.last_modified.empty()) res.set_header("Last-Modified", response.last_modified);
    if ((!response.etag.empty() && entry.if_none_match == response.etag) ||
        (!response.last_modified.empty() && entry.if_modified_since == response.last_modified)) {
      res.status = 304;
      return id;
    }
    res.status = response.status;
    if (response.stall.count() == 0) {
      res.set_content(response.body, response.content_type);
      return id;
    }
    const std::string body = response.body;
    const auto stall = response.stall;
    res.set_chunked_content_provider(
        response.content_type, [this, body, stall](size_t, httplib::DataSink& sink) {
          sink.write(body.data(), body.size() / 2);
          Sleep(stall, &sink);
          sink.write(body.data() + body.size() / 2, body.size() - body.size() / 2);
          sink.done();
          return true;
        });
    return id;
  }

  // Called once the response is written: the end of the request.
  void Written(const httplib::Request&, const httplib::Response& res) {
    const auto end = Clock::now();
    std::lock_guard<std::mutex> lock(mutex);
    const std::string id = res.get_header_value(kRequestIdHeader);
    if (id.empty()) return;
    LoggedRequest& entry = log[std::stoul(id)];
    entry.end = end;
    entry.content_encoding = res.get_header_value("Content-Encoding");
    --active[entry.host];
  }
};

TestSite::TestSite() : state_(std::make_shared<State>()) {
  State* state = state_.get();
  state->server.Get(".*", [state](const httplib::Request& req, httplib::Response& res) {
    state->Handle(req, res);
  });
  state->server.set_logger([state](const httplib::Request& req, const httplib::Response& res) {
    state->Written(req, res);
  });
  state->server.set_keep_alive_timeout(2);
  port_ = state->server.bind_to_any_port("127.0.0.1");
  state->thread = std::thread([state] { state->server.listen_after_bind(); });
  while (!state->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestSite::~TestSite() {
  state_->stopping = true;
  state_->server.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

std::string TestSite::Url(std::string_view host, std::string_view target) const {
  return "http://" + std::string(host) + ":" + std::to_string(port_) + std::string(target);
}

std::string TestSite::ResolveEntry(std::string_view host) const {
  return std::string(host) + ":" + std::to_string(port_) + ":127.0.0.1";
}

void TestSite::Set(std::string_view host, std::string_view target, Response response) {
  SetSequence(host, target, {std::move(response)});
}

void TestSite::SetSequence(std::string_view host, std::string_view target,
                           std::vector<Response> responses) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->routes[{std::string(host), std::string(target)}] = Route{std::move(responses), 0};
}

std::vector<LoggedRequest> TestSite::Log() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->log;
}

size_t TestSite::Count(std::string_view host, std::string_view target) const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  size_t n = 0;
  for (const LoggedRequest& r : state_->log) n += r.host == host && r.target == target;
  return n;
}

int TestSite::MaxConcurrent(std::string_view host) const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  auto it = state_->max_active.find(std::string(host));
  return it == state_->max_active.end() ? 0 : it->second;
}

}  // namespace newsloom::testing
