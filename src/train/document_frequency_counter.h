// Counts the background document frequencies of a language (cluster/document_frequencies.h) over
// a corpus of news text, with the terms analysis gives each document.
#ifndef NEWSLOOM_TRAIN_DOCUMENT_FREQUENCY_COUNTER_H_
#define NEWSLOOM_TRAIN_DOCUMENT_FREQUENCY_COUNTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cluster/document_frequencies.h"
#include "newsloom/status.h"

namespace newsloom::train {

struct DocumentFrequencyOptions {
  std::string language = "en";  // the articles' language as analysis sees it
  int min_documents = 2;        // terms in fewer documents are left out: absent counts as rare
};

// `inputs` are CoNLL files (documents between -DOCSTART- lines; the first column is the text),
// JSONL files of {"text": ...} records, or folders of .txt files (one document each). kNotFound
// naming an input that does not exist; kInvalidArgument when no document is found.
Result<cluster::DocumentFrequencies> CountDocumentFrequencies(
    const std::vector<std::string>& inputs, const DocumentFrequencyOptions& options);

}  // namespace newsloom::train

#endif  // NEWSLOOM_TRAIN_DOCUMENT_FREQUENCY_COUNTER_H_
