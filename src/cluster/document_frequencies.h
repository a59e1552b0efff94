// Background document frequencies: in how many documents of a large news corpus each term occurs.
// A stream's own counts are too few at its start to tell a common word from a rare one; adding
// these to them does ("said", "people" and "president" weigh little from the first article on).
// Built by `newsloom train df`, one table per language, shipped as models/df-<lang>.tsv.
#ifndef NEWSLOOM_CLUSTER_DOCUMENT_FREQUENCIES_H_
#define NEWSLOOM_CLUSTER_DOCUMENT_FREQUENCIES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "newsloom/status.h"

namespace newsloom::cluster {

struct DocumentFrequencies {
  int64_t documents = 0;
  std::unordered_map<std::string, int32_t> df;  // term (as in AnalyzedArticle::terms) -> documents

  // The documents holding `term`; a headline or lead term ("t:x", "l:x") counts as its word.
  int32_t Of(std::string_view term) const;
};

// The file format: a first line "documents<TAB>N", then one "term<TAB>df" line per term, sorted
// by term. kNotFound / kIoError naming the path when it cannot be read, kCorrupt naming the path
// and line when a line is malformed.
Result<DocumentFrequencies> ReadDocumentFrequencies(const std::string& path);
Status WriteDocumentFrequencies(const DocumentFrequencies& table, const std::string& path);

// The tables of every language shipped, by ISO 639 code, loaded on first use and shared by the
// process (thread-safe). kNotFound when the English table, which every install has, is missing
// (the message names the paths tried); a table that exists but cannot be read is an error too.
Result<const std::map<std::string, DocumentFrequencies, std::less<>>*> SharedDocumentFrequencies();

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_DOCUMENT_FREQUENCIES_H_
