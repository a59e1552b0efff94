// A small live news world on the TestSite for end-to-end tests of watching: two outlets, each
// with an RSS feed (a new ETag whenever it changes) and a robots.txt, publishing reports about two
// unrelated events, a river flood and an interest-rate decision, so that stories can be checked.
#ifndef NEWSLOOM_TESTING_NEWS_SITE_H_
#define NEWSLOOM_TESTING_NEWS_SITE_H_

#include <map>
#include <string>
#include <vector>

#include "testing/test_site.h"

namespace newsloom::testing {

struct Report {
  std::string host;
  std::string path;
  std::string event;  // "flood" or "rates": which story it belongs to
  std::string title;
  std::string published;  // ISO 8601
  std::string body;       // paragraphs separated by blank lines
};

class NewsSite {
 public:
  static constexpr const char* kHosts[] = {"river-post.test", "city-ledger.test"};

  explicit NewsSite(TestSite* site);

  // The first reports (round 0) or the later ones (round 1) of both events on both outlets.
  static std::vector<Report> Reports(int round);

  // Serves the report's page and lists it first in its outlet's feed.
  void Publish(const Report& report);
  // Lists an item in the host's feed whose page answers with `response` (a fault).
  void PublishFault(const std::string& host, const std::string& path, const std::string& title,
                    Response response);

  std::string FeedUrl(const std::string& host) const { return site_->Url(host, "/feed.xml"); }
  std::string Url(const std::string& host, const std::string& path) const {
    return site_->Url(host, path);
  }
  // libcurl resolve entries reaching every outlet on 127.0.0.1.
  std::vector<std::string> ResolveEntries() const;

 private:
  struct Item {
    std::string path, title, published;
  };
  void ServeFeed(const std::string& host);

  TestSite* site_;
  std::map<std::string, std::vector<Item>> feeds_;  // by host, newest first
  std::map<std::string, int> versions_;
};

}  // namespace newsloom::testing

#endif  // NEWSLOOM_TESTING_NEWS_SITE_H_
