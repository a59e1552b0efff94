// Training the models newsloom ships (models/README.md): the entity tagger of a language, the name
// lists of the language-neutral fallback tagger, and a language's background document
// frequencies. Each writes its model and returns the summary `newsloom train` prints.
#ifndef NEWSLOOM_TRAIN_H_
#define NEWSLOOM_TRAIN_H_

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::train {

struct TrainRequest {
  // ner: one CoNLL-2003/2002 or GermEval 2014 file; names: such files; df: CoNLL files, JSONL of
  // {text} and folders of .txt files.
  std::vector<std::string> data;
  std::string language = "en";
  std::string model;  // where to write the model; empty: models/ beside the shipped ones
  // ner only:
  std::string dev;      // also score the trained model on this file
  std::string disable;  // feature groups switched off, comma-separated ("gazetteer,clusters")
  // Unlabelled text for the word clusters; empty: the news text beside the training data in the
  // shared data folder; {"none"}: none.
  std::vector<std::string> unlabelled;
  std::vector<std::string> extra;  // more labelled files, joined to every training run
  uint64_t seed = 1;               // the document order
  int epochs = 10;
  int hash_bits = 20;  // log2 of the weight rows, 10..26
  int folds = 0;       // > 1: cross-validate on `data` instead of writing a model
  std::function<void(const std::string& line)> log;  // progress: epochs, folds
};

// Each fails with kInvalidArgument for a request that cannot run (wrong data count, unknown
// feature groups, fewer documents than folds), and with the reader's or writer's error otherwise.
Result<nlohmann::json> TrainEntityTagger(const TrainRequest& request);
Result<nlohmann::json> TrainNameLists(const TrainRequest& request);
Result<nlohmann::json> TrainDocumentFrequencies(const TrainRequest& request);

}  // namespace newsloom::train

#endif  // NEWSLOOM_TRAIN_H_
