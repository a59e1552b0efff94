// Prometheus text metrics of the HTTP server: requests by route and status, a latency histogram
// per route, and gauges set by the caller (articles, stories).
#ifndef NEWSLOOM_SERVER_METRICS_H_
#define NEWSLOOM_SERVER_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace newsloom::server {

// Thread-safe.
class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (the last, +Inf, is implied).
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  1.0,  5.0};

  // One finished request: `route` is the route pattern ("/api/stories/{id}"), not the path, so
  // that the number of series stays bounded.
  void Record(const std::string& route, int status, double seconds);
  void SetGauge(const std::string& name, double value);

  // The exposition text (text/plain; version=0.0.4), series in sorted order.
  std::string Render() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};  // cumulative at render time, not here
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::string, double> gauges_;
};

}  // namespace newsloom::server

#endif  // NEWSLOOM_SERVER_METRICS_H_
