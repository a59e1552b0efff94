#include "fetch/watcher.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "fetch/html_links.h"
#include "fetch/url.h"
#include "text/chars.h"
#include "text/charset.h"

namespace newsloom::fetch {

struct Watcher::SourceTask {
  std::string fetch_url;
  std::string key;     // canonical URL
  std::string parent;  // canonical URL of the source that named it
  int depth = 0;
  bool expect_feed = false;  // an HTML page here is an error, not a front page
  std::string etag;
  std::string last_modified;
};

struct Watcher::PollContext {
  TimePoint now;
  std::string now_iso;
  PollReport report;
  std::set<std::string> polled;  // sources polled in this poll
  std::set<std::string> listed;  // URLs listed in this poll
  uint64_t next_position = 0;
  std::map<std::string, uint64_t> pages_per_source;
};

namespace {

// URLs that name a feed by their look: an HTML page there is a broken feed, not a front page.
bool UrlLooksLikeFeed(std::string_view url) {
  std::string path = text::AsciiLower(PathAndQueryOf(url));
  if (path.find("feed=") != std::string::npos) return true;  // "?feed=rss2"
  path = path.substr(0, path.find('?'));
  for (std::string_view ext : {".xml", ".rss", ".atom", ".rdf", ".xml.gz"}) {
    if (path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment = std::string_view(path).substr(start, end - start);
    if (segment == "feed" || segment == "feeds" || segment == "rss" || segment == "atom") {
      return true;
    }
    start = end + 1;
  }
  return false;
}

bool Due(const SourceState& source, TimePoint now, std::chrono::seconds interval) {
  const std::optional<TimePoint> last = ParseTimestamp(source.last_poll);
  return !last || now - *last >= interval;
}

// The page as handed on, or why the body is not a page.
Result<RawPage> MakePage(const SeenUrl& url, const FetchResult& result, std::string fetched_at) {
  const std::string type = text::AsciiLower(result.content_type);
  std::string mime = type.substr(0, type.find(';'));
  while (!mime.empty() && mime.back() == ' ') mime.pop_back();
  if (result.body.empty()) return Status::Corrupt("empty body");
  const std::string charset = CharsetOf(type);
  if (LooksBinary(result.body) && charset.rfind("utf-16", 0) != 0) {
    return Status::Corrupt("binary body (" + (type.empty() ? "no Content-Type" : type) + ")");
  }
  bool html = mime == "text/html" || mime == "application/xhtml+xml";
  if (mime.empty()) {
    const std::string head = text::AsciiLower(std::string_view(result.body).substr(0, 4096));
    html = head.find("<html") != std::string::npos || head.find("<body") != std::string::npos;
  } else if (!html && mime != "text/plain") {
    return Status::Unsupported("not a web page (Content-Type: " + type + ")");
  }
  RawPage page;
  page.source = url.source;
  page.fetched_at = std::move(fetched_at);
  page.content_type = html ? "text/html" : "text/plain";
  page.bytes = text::ToUtf8(result.body,
                            charset.empty() && html ? text::DeclaredCharset(result.body) : charset);
  // The page's own canonical URL when it names one on its own site and not the site's root (some
  // templates name the home page on every article).
  page.url = url.url;
  if (Result<std::string> fetched = CanonicalUrl(result.final_url); fetched.ok()) {
    page.url = *fetched;
  }
  if (html) {
    const Result<std::string> declared =
        CanonicalUrl(CanonicalLinkOf(page.bytes, result.final_url));
    if (declared.ok() && SameSite(HostOf(*declared), HostOf(result.final_url)) &&
        PathAndQueryOf(*declared) != "/") {
      page.url = *declared;
    }
  }
  if (!url.title.empty()) page.given_title = url.title;
  if (!url.published.empty()) page.given_published = url.published;
  if (!url.summary.empty()) page.given_summary = url.summary;
  return page;
}

// A stopped poll starts no more transfers.
FetchOptions FetchOptionsOf(const WatchOptions& options) {
  FetchOptions fetch = options.fetch;
  if (options.stop) fetch.cancelled = options.stop;
  return fetch;
}

}  // namespace

Watcher::Watcher(std::vector<std::string> sources, WatchOptions options, WatchState* state)
    : sources_(std::move(sources)),
      options_(std::move(options)),
      state_(state),
      fetcher_(FetchOptionsOf(options_)) {}

TimePoint Watcher::Now() const {
  return options_.clock ? options_.clock() : std::chrono::system_clock::now();
}

Result<PollReport> Watcher::PollOnce(const std::function<Status(RawPage&&)>& sink) {
  PollContext poll;
  poll.now = Now();
  poll.now_iso = FormatUtc(poll.now);
  NEWSLOOM_RETURN_IF_ERROR(PollSources(poll));
  if (!Stopping()) NEWSLOOM_RETURN_IF_ERROR(FetchArticles(poll, sink));
  for (const auto& [key, pages] : poll.pages_per_source) {
    Result<std::optional<SourceState>> source = state_->GetSource(key);
    if (!source.ok()) return source.status();
    if (!source->has_value()) continue;
    (*source)->articles_fetched += pages;
    NEWSLOOM_RETURN_IF_ERROR(state_->PutSource(**source));
  }
  return std::move(poll.report);
}

Status Watcher::PollSources(PollContext& poll) {
  std::vector<SourceTask> tasks;
  for (const std::string& given : sources_) {
    const Result<std::string> key = CanonicalUrl(given);
    if (!key.ok()) {
      poll.report.problems.push_back({given, given, key.status().message()});
      continue;
    }
    if (!poll.polled.insert(*key).second) continue;
    Result<std::optional<SourceState>> known = state_->GetSource(*key);
    if (!known.ok()) return known.status();
    if (known->has_value() && !Due(**known, poll.now, options_.interval)) continue;
    SourceTask task{given, *key, "", 0, UrlLooksLikeFeed(given), "", ""};
    if (known->has_value()) {
      task.etag = (*known)->etag;
      task.last_modified = (*known)->last_modified;
    }
    tasks.push_back(std::move(task));
  }
  // Round by round: the sources named in one round are fetched in the next.
  while (!tasks.empty()) {
    std::vector<FetchRequest> requests;
    for (const SourceTask& task : tasks) {
      requests.push_back({task.fetch_url, task.etag, task.last_modified});
    }
    std::vector<std::optional<FetchResult>> results(tasks.size());
    NEWSLOOM_RETURN_IF_ERROR(fetcher_.FetchAll(
        requests, [&](size_t i, FetchResult&& result) { results[i] = std::move(result); }));
    std::vector<SourceTask> next;
    for (size_t i = 0; i < tasks.size(); ++i) {
      if (!results[i]) continue;  // not fetched: the poll was stopped
      // A source's state and the URLs it lists are written together or not at all.
      NEWSLOOM_RETURN_IF_ERROR(state_->Atomically(
          [&] { return HandleSource(tasks[i], std::move(*results[i]), poll, &next); }));
    }
    if (Stopping()) break;
    tasks = std::move(next);
  }
  return Status::Ok();
}

Status Watcher::HandleSource(const SourceTask& task, FetchResult&& result, PollContext& poll,
                             std::vector<SourceTask>* next) {
  Result<std::optional<SourceState>> known = state_->GetSource(task.key);
  if (!known.ok()) return known.status();
  SourceState source = known->value_or(SourceState{});
  source.url = task.key;
  source.fetch_url = task.fetch_url;
  if (!task.parent.empty()) source.parent = task.parent;
  source.last_poll = poll.now_iso;
  ++source.polls;
  ++poll.report.sources_polled;
  auto fail = [&](const std::string& reason) {
    // A lasting failure is reported when it starts (or changes), not at every poll.
    if (source.status != "error" || source.last_error != reason) {
      poll.report.problems.push_back({task.key, task.fetch_url, reason});
    }
    source.status = "error";
    source.last_error = reason;
    ++source.errors;
    ++poll.report.sources_failed;
  };
  const bool expect_feed = task.expect_feed || (!source.kind.empty() && source.kind != "html");
  std::vector<std::string> children;
  if (result.outcome == FetchOutcome::kNotModified) {
    // Unchanged: what it named is polled again; an error of the document itself still stands.
    ++source.not_modified;
    ++poll.report.sources_not_modified;
    if (source.status != "error") source.status = "not-modified";
    children = source.children;
  } else if (!result.ok()) {
    fail(result.error);
  } else {
    // Validators are kept even for a document that cannot be read, so that the same broken
    // document is not fetched and reported again until it changes.
    source.etag = result.etag;
    source.last_modified = result.last_modified;
    source.children.clear();
    Result<ParsedDocument> doc =
        ParseDocument(result.body, result.content_type, result.final_url, options_.parse);
    if (!doc.ok()) {
      fail(doc.status().message());
    } else if (doc->kind == DocumentKind::kHtml && expect_feed) {
      fail("an HTML page where a feed was expected");
    } else {
      source.kind = std::string(KindName(doc->kind));
      source.status = "ok";
      source.last_error.clear();
      source.children = doc->children;
      children = doc->children;
      NEWSLOOM_RETURN_IF_ERROR(ListItems(task, *doc, &source, poll));
    }
  }
  for (const std::string& child : children) {
    const Result<std::string> key = CanonicalUrl(child);
    if (!key.ok() || poll.polled.count(*key) > 0) continue;
    if (task.depth + 1 > options_.max_depth) {
      poll.report.problems.push_back(
          {task.key, child, "not followed: deeper than " + std::to_string(options_.max_depth)});
      continue;
    }
    poll.polled.insert(*key);
    Result<std::optional<SourceState>> child_state = state_->GetSource(*key);
    if (!child_state.ok()) return child_state.status();
    SourceTask child_task{child, *key, task.key, task.depth + 1, true, "", ""};
    if (child_state->has_value()) {
      child_task.etag = (*child_state)->etag;
      child_task.last_modified = (*child_state)->last_modified;
    }
    next->push_back(std::move(child_task));
  }
  return state_->PutSource(source);
}

Status Watcher::ListItems(const SourceTask& task, const ParsedDocument& doc, SourceState* source,
                          PollContext& poll) {
  PollReport& report = poll.report;
  report.items += doc.items.size();
  size_t unusable = 0;
  for (const FeedItem& item : doc.items) {
    const Result<std::string> key = CanonicalUrl(item.url);
    if (item.url.empty() || !key.ok()) {
      ++unusable;
      continue;
    }
    if (!poll.listed.insert(*key).second) continue;
    Result<std::optional<SeenUrl>> known = state_->GetUrl(*key);
    if (!known.ok()) return known.status();
    if (known->has_value()) continue;
    SeenUrl url;
    url.url = *key;
    url.listed_url = item.url;
    url.source = task.key;
    url.first_seen = poll.now_iso;
    url.position = poll.next_position++;
    url.title = item.title;
    url.published = item.published;
    url.summary = item.summary;
    NEWSLOOM_RETURN_IF_ERROR(state_->PutUrl(url));
    ++report.new_urls;
    ++source->items_new;
  }
  if (doc.total_items > doc.items.size()) {
    report.problems.push_back({task.key, task.fetch_url,
                               std::to_string(doc.total_items) + " items; only the first " +
                                   std::to_string(doc.items.size()) + " were read"});
  }
  if (unusable > 0) {
    report.problems.push_back(
        {task.key, task.fetch_url, std::to_string(unusable) + " items without a usable link"});
  }
  if (doc.total_children > doc.children.size()) {
    report.problems.push_back({task.key, task.fetch_url,
                               std::to_string(doc.total_children) +
                                   " sources named; only the first " +
                                   std::to_string(doc.children.size()) + " are followed"});
  }
  return Status::Ok();
}

Status Watcher::FetchArticles(PollContext& poll, const std::function<Status(RawPage&&)>& sink) {
  Result<std::vector<SeenUrl>> listed = state_->UrlsToFetch();
  if (!listed.ok()) return listed.status();
  std::vector<SeenUrl> todo;
  for (SeenUrl& url : *listed) {
    if (url.state == UrlState::kRetry) {
      const std::optional<TimePoint> after = ParseTimestamp(url.retry_after);
      if (url.attempts >= options_.max_article_attempts || (after && *after > poll.now)) continue;
    }
    todo.push_back(std::move(url));
  }
  std::sort(todo.begin(), todo.end(), [](const SeenUrl& a, const SeenUrl& b) {
    return std::tie(a.first_seen, a.position, a.url) < std::tie(b.first_seen, b.position, b.url);
  });
  std::vector<FetchRequest> requests;
  for (const SeenUrl& url : todo) requests.push_back({url.listed_url, "", ""});

  // Pages finish in any order; they are handed on in the order of `todo`.
  std::vector<std::optional<FetchResult>> finished(todo.size());
  size_t next = 0;
  Status status;
  NEWSLOOM_RETURN_IF_ERROR(fetcher_.FetchAll(requests, [&](size_t i, FetchResult&& result) {
    finished[i] = std::move(result);
    while (status.ok() && next < todo.size() && finished[next]) {
      status = HandleArticle(std::move(todo[next]), std::move(*finished[next]), poll, sink);
      finished[next].reset();
      ++next;
    }
  }));
  return status;
}

Status Watcher::HandleArticle(SeenUrl url, FetchResult&& result, PollContext& poll,
                              const std::function<Status(RawPage&&)>& sink) {
  const std::string now_iso = FormatUtc(Now());
  ++url.attempts;
  url.last_attempt = now_iso;
  url.http_status = result.http_status;
  url.fetched_url = result.final_url;
  std::string reason = result.error;
  bool transient = result.Transient();
  if (result.ok()) {
    Result<RawPage> page = MakePage(url, result, now_iso);
    if (page.ok()) {
      url.state = UrlState::kFetched;
      url.error.clear();
      url.retry_after.clear();
      // Whatever else this page is known as is known from now on too.
      std::vector<std::string> aliases = {page->url};
      if (Result<std::string> final_key = CanonicalUrl(result.final_url); final_key.ok()) {
        aliases.push_back(*final_key);
      }
      for (const std::string& alias : aliases) {
        if (alias == url.url) continue;
        Result<std::optional<SeenUrl>> known = state_->GetUrl(alias);
        if (!known.ok()) return known.status();
        if (known->has_value()) continue;
        SeenUrl entry;
        entry.url = alias;
        entry.listed_url = alias;
        entry.source = url.source;
        entry.first_seen = now_iso;
        entry.state = UrlState::kFetched;
        entry.alias_of = url.url;
        NEWSLOOM_RETURN_IF_ERROR(state_->PutUrl(entry));
      }
      // Handed on before it is marked fetched: a crash in between fetches it again rather than
      // losing it, and storing the same page twice adds nothing.
      NEWSLOOM_RETURN_IF_ERROR(sink(std::move(*page)));
      ++poll.report.pages;
      ++poll.pages_per_source[url.source];
      return state_->PutUrl(url);
    }
    reason = page.status().message();
    transient = false;
  }
  if (reason.empty()) reason = std::string(OutcomeName(result.outcome));
  // A page failing again for the same reason at a later attempt is not reported again.
  if (url.attempts == 1 || url.error != reason) {
    poll.report.problems.push_back({url.source, url.listed_url, reason});
  }
  url.error = reason;
  ++poll.report.fetch_failures;
  if (transient && url.attempts < options_.max_article_attempts) {
    url.state = UrlState::kRetry;
    url.retry_after = FormatUtc(Now() + options_.retry_delay);
  } else {
    url.state = UrlState::kFailed;
  }
  return state_->PutUrl(url);
}

}  // namespace newsloom::fetch
