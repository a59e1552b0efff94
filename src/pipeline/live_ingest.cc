#include <thread>
#include <utility>

#include "fetch/watcher.h"
#include "newsloom/watch.h"

namespace newsloom {

LiveIngest::LiveIngest(Store* store, fetch::WatchState* state, std::vector<std::string> sources,
                       fetch::WatchOptions options)
    : pipeline_(store, DefaultPageStages()),
      watcher_(std::make_unique<fetch::Watcher>(std::move(sources), std::move(options), state)) {}

LiveIngest::~LiveIngest() = default;

Result<LivePollReport> LiveIngest::PollOnce() {
  LivePollReport report;
  IngestOptions options;
  options.threads = 1;              // one page at a time: the fetching goes on meanwhile
  options.rebuild_stories = false;  // once, after the poll
  auto store_page = [&](RawPage&& page) -> Status {
    const std::string source = page.source;
    const std::string url = page.url;
    std::vector<RawPage> one;
    one.push_back(std::move(page));
    auto ingested = pipeline_.Ingest(std::move(one), options);
    if (!ingested.ok()) return ingested.status();
    report.articles_stored += ingested->articles_stored;
    report.already_stored += ingested->already_stored;
    for (const SkippedPage& s : ingested->skipped)
      report.skipped.push_back({source, url, s.reason});
    return Status::Ok();
  };
  auto polled = watcher_->PollOnce(store_page);
  if (!polled.ok()) return polled.status();
  report.poll = std::move(*polled);
  if (report.articles_stored > 0 || !stories_current_) {
    auto stories = pipeline_.UpdateStories();
    if (!stories.ok()) return stories.status();
    report.stories = *stories;
    stories_current_ = true;
  }
  return report;
}

Status RunLiveIngest(LiveIngest& watch, std::chrono::milliseconds interval,
                     const std::function<bool()>& stop,
                     const std::function<void(const LivePollReport&)>& on_poll) {
  while (!stop()) {
    const auto started = std::chrono::steady_clock::now();
    auto report = watch.PollOnce();
    if (!report.ok()) return report.status();
    if (on_poll) on_poll(*report);
    while (!stop() && std::chrono::steady_clock::now() - started < interval) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  return Status::Ok();
}

}  // namespace newsloom
