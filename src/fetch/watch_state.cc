#include "newsloom/watch_state.h"

namespace newsloom::fetch {

Result<std::optional<SourceState>> MemoryWatchState::GetSource(const std::string& url) {
  auto it = sources_.find(url);
  if (it == sources_.end()) return std::optional<SourceState>();
  return std::optional<SourceState>(it->second);
}

Status MemoryWatchState::PutSource(const SourceState& source) {
  if (source.url.empty()) return Status::InvalidArgument("source without a URL");
  sources_[source.url] = source;
  return Status::Ok();
}

Result<std::vector<SourceState>> MemoryWatchState::Sources() {
  std::vector<SourceState> out;
  out.reserve(sources_.size());
  for (const auto& [url, source] : sources_) out.push_back(source);
  return out;
}

Result<std::optional<SeenUrl>> MemoryWatchState::GetUrl(const std::string& url) {
  auto it = urls_.find(url);
  if (it == urls_.end()) return std::optional<SeenUrl>();
  return std::optional<SeenUrl>(it->second);
}

Status MemoryWatchState::PutUrl(const SeenUrl& url) {
  if (url.url.empty()) return Status::InvalidArgument("seen URL without a URL");
  urls_[url.url] = url;
  return Status::Ok();
}

Result<std::vector<SeenUrl>> MemoryWatchState::UrlsToFetch() {
  std::vector<SeenUrl> out;
  for (const auto& [key, url] : urls_) {
    if (url.state == UrlState::kPending || url.state == UrlState::kRetry) out.push_back(url);
  }
  return out;
}

}  // namespace newsloom::fetch
