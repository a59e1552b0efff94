// Training the entity tagger: name lists and word clusters first, then an averaged perceptron
// (Collins 2002) over the BILOU labels, decoded as the tagger decodes.
#ifndef NEWSLOOM_TRAIN_NER_TRAINER_H_
#define NEWSLOOM_TRAIN_NER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner.h"
#include "analyze/ner_conll.h"
#include "analyze/ner_model.h"
#include "newsloom/status.h"

namespace newsloom::train {

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;   // document order in each epoch
  int hash_bits = 20;  // 2^hash_bits weight rows of kNumNerLabels weights each
  analyze::NerFeatureGroups groups;
  // Unlabelled text for word clusters: .jsonl files (the "text" field of each line), other files
  // as plain text, folders searched recursively. The training words are always added.
  std::vector<std::string> unlabelled;
  std::string iso_codes_dir = "/usr/share/iso-codes/json";    // empty: no iso-codes lists
  std::string zone_tab = "/usr/share/zoneinfo/zone1970.tab";  // empty: no tzdata cities
  // The language of the training data: for languages other than English, the iso-codes names are
  // added in that language too (translations under locale_dir; empty: none).
  std::string language = "en";
  std::string locale_dir = "/usr/share/locale";
  // Called after each epoch with the epoch (1-based) and the label accuracy on the training data.
  std::function<void(int epoch, double accuracy)> progress;
};

// Parses a comma-separated list of group names to switch off ("gazetteer,clusters"); "" = none.
Result<analyze::NerFeatureGroups> ParseDisabledNerGroups(std::string_view names);

// Trains on documents of gold-tagged sentences (any tag scheme ChunksFromTags reads).
// Deterministic for given documents and options. Fails when hash_bits is outside 10..26 or the
// name lists or unlabelled inputs cannot be read.
Result<analyze::NerTagger> TrainNerTagger(const std::vector<analyze::ConllDocument>& docs,
                                          const NerTrainOptions& options);

}  // namespace newsloom::train

#endif  // NEWSLOOM_TRAIN_NER_TRAINER_H_
