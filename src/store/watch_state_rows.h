// The rows of watch_sources and watch_urls as text, in column order, shared by both backends:
// every value is bound and read as text (the databases convert the numbers).
#ifndef NEWSLOOM_STORE_WATCH_STATE_ROWS_H_
#define NEWSLOOM_STORE_WATCH_STATE_ROWS_H_

#include <string>
#include <vector>

#include "newsloom/watch_state.h"

namespace newsloom::store {

using TextRow = std::vector<std::string>;

// The columns of watch_sources, in order, joined by ", "; the first is the key.
extern const char* const kSourceColumns;
inline constexpr int kSourceColumnCount = 15;
TextRow SourceToRow(const fetch::SourceState& source);
fetch::SourceState SourceFromRow(const TextRow& row);

// The columns of watch_urls, in order, joined by ", "; the first is the key.
extern const char* const kUrlColumns;
inline constexpr int kUrlColumnCount = 16;
TextRow UrlToRow(const fetch::SeenUrl& url);
fetch::SeenUrl UrlFromRow(const TextRow& row);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_WATCH_STATE_ROWS_H_
