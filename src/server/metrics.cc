#include "server/metrics.h"

#include <fmt/format.h>

namespace newsloom::server {

void Metrics::Record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::SetGauge(const std::string& name, double value) {
  std::lock_guard<std::mutex> lock(mu_);
  gauges_[name] = value;
}

std::string Metrics::Render() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  out += "# HELP newsloom_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE newsloom_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += fmt::format("newsloom_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first,
                       key.second, count);
  }
  out += "# HELP newsloom_http_request_duration_seconds Time from request read to response.\n";
  out += "# TYPE newsloom_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out += fmt::format(
          "newsloom_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
          kBuckets[i], cumulative);
    }
    out += fmt::format(
        "newsloom_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route,
        h.count);
    out += fmt::format("newsloom_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route,
                       h.sum);
    out += fmt::format("newsloom_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       h.count);
  }
  for (const auto& [name, value] : gauges_) {
    out += fmt::format("# TYPE newsloom_{} gauge\nnewsloom_{} {}\n", name, name, value);
  }
  return out;
}

}  // namespace newsloom::server
