// A web site for tests: cpp-httplib's server on 127.0.0.1 (a free port), answering per host name
// and path with programmed responses (statuses in turn, validators, delays, stalls), and logging
// every request with its timestamps so that tests can check politeness from the server's side.
#ifndef NEWSLOOM_TESTING_TEST_SITE_H_
#define NEWSLOOM_TESTING_TEST_SITE_H_

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsloom::testing {

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // sent as well
  // When set, sent; a request whose If-None-Match / If-Modified-Since equals it gets a 304.
  std::string etag;
  std::string last_modified;
  std::chrono::milliseconds delay{0};  // before anything is sent
  std::chrono::milliseconds stall{0};  // after the first bytes of the body, before the rest
};

struct LoggedRequest {
  std::string host;    // the Host header without its port
  std::string target;  // path and query as requested
  std::string user_agent;
  std::string accept_encoding;
  std::string if_none_match;
  std::string if_modified_since;
  int status = 0;
  std::string content_encoding;  // of the response ("gzip" when the server compressed it)
  std::chrono::steady_clock::time_point start;  // the request arrived
  // The response was ready to send (the client cannot have it earlier): delays that the client
  // keeps after a response are at least `next.start - answered`.
  std::chrono::steady_clock::time_point answered;
  std::chrono::steady_clock::time_point end;  // the response was written
};

class TestSite {
 public:
  // Starts serving; the port is free and on 127.0.0.1 only.
  TestSite();
  ~TestSite();
  TestSite(const TestSite&) = delete;
  TestSite& operator=(const TestSite&) = delete;

  int port() const { return port_; }
  // "http://HOST:PORT/path".
  std::string Url(std::string_view host, std::string_view target) const;
  // "HOST:PORT:127.0.0.1", for libcurl's resolve option: the name reaches this server, no DNS.
  std::string ResolveEntry(std::string_view host) const;

  // `target` (path and query) on `host` answers with `response`; with several, one per request in
  // turn, the last one repeating. Unknown targets get a 404.
  void Set(std::string_view host, std::string_view target, Response response);
  void SetSequence(std::string_view host, std::string_view target, std::vector<Response> responses);

  std::vector<LoggedRequest> Log() const;
  // Requests for `target` on `host` so far.
  size_t Count(std::string_view host, std::string_view target) const;
  // The most requests to one host that were being answered at the same moment.
  int MaxConcurrent(std::string_view host) const;

 private:
  struct Route {
    std::vector<Response> responses;
    size_t served = 0;
  };
  struct State;

  std::shared_ptr<State> state_;
  int port_ = 0;
};

}  // namespace newsloom::testing

#endif  // NEWSLOOM_TESTING_TEST_SITE_H_
