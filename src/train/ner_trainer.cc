#include "train/ner_trainer.h"

#include <memory>
#include <random>
#include <utility>

#include "analyze/ner_decoder.h"
#include "analyze/ner_features.h"
#include "train/gazetteer_builder.h"
#include "train/word_cluster_learner.h"

namespace newsloom::train {
namespace {

using analyze::ConllDocument;
using analyze::ConllSentence;
using analyze::DocFeatures;
using analyze::SentenceFeatures;

constexpr int L = analyze::kNumNerLabels;

// The name lists and word clusters of the model, as its feature groups ask. Returns each training
// document's own names, to leave out of its gazetteer lookups.
Result<std::vector<analyze::GazetteerExclusions>> BuildLexicon(
    const std::vector<ConllDocument>& docs, const NerTrainOptions& options, analyze::NerModel* m) {
  // Training-data name lists count documents, so that each training document can be left out of
  // its own lookups.
  std::vector<analyze::GazetteerExclusions> excluded =
      AddTrainingNames(docs, m->groups.gazetteer ? &m->gazetteer : nullptr);
  if (m->groups.gazetteer) {
    if (!options.iso_codes_dir.empty())
      NEWSLOOM_RETURN_IF_ERROR(AddIsoCodes(options.iso_codes_dir, &m->gazetteer));
    if (!options.locale_dir.empty() && options.language != "en")
      NEWSLOOM_RETURN_IF_ERROR(
          AddIsoCodeTranslations(options.locale_dir, options.language, &m->gazetteer));
    if (!options.zone_tab.empty())
      NEWSLOOM_RETURN_IF_ERROR(AddZoneTab(options.zone_tab, &m->gazetteer));
  }
  if (m->groups.clusters) {
    std::vector<std::string> texts;
    for (const ConllDocument& doc : docs) {
      std::string text;
      for (const ConllSentence& s : doc.sentences) {
        for (const auto& w : s.words) text += w + " ";
        text += "\n";
      }
      texts.push_back(std::move(text));
    }
    for (const std::string& path : options.unlabelled)
      NEWSLOOM_RETURN_IF_ERROR(CollectUnlabelledTexts(path, &texts));
    m->clusters = LearnWordClusters(texts, WordClusterOptions{});
  }
  return excluded;
}

// The averaged perceptron over featurised documents with gold BILOU labels: returns the dense
// averaged weights, 2^hash_bits rows of L.
std::vector<float> TrainWeights(const analyze::NerModel& m,
                                const std::vector<DocFeatures>& features,
                                const std::vector<std::vector<std::vector<int>>>& gold_labels,
                                const NerTrainOptions& options) {
  // w holds the current weights, acc the updates weighted by the step they were made at, so the
  // average over all steps is w - acc / steps.
  const size_t rows = size_t{1} << m.hash_bits;
  std::vector<float> w(rows * L, 0.0f);
  std::vector<double> acc(rows * L, 0.0);
  double step = 1;
  std::vector<size_t> order(features.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with the raw generator: the same order on every standard library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    long tokens = 0, correct = 0;
    for (size_t d : order) {
      analyze::SentenceDecoded update = [&](size_t s,
                                            const std::vector<std::vector<uint32_t>>& token_rows,
                                            const std::vector<int>& guess) {
        const std::vector<int>& truth = gold_labels[d][s];
        const SentenceFeatures& sf = features[d].sentences[s];
        auto add = [&](uint32_t r, int label, float delta) {
          size_t k = static_cast<size_t>(r) * L + label;
          w[k] += delta;
          acc[k] += delta * step;
        };
        uint32_t trans[3];
        for (int i = 0; i < sf.n; ++i) {
          ++tokens;
          correct += guess[i] == truth[i];
          int gp = i ? truth[i - 1] : -1, pp = i ? guess[i - 1] : -1;
          if (guess[i] == truth[i] && gp == pp) continue;
          if (guess[i] != truth[i]) {
            for (uint32_t r : token_rows[i]) {
              add(r, truth[i], 1);
              add(r, guess[i], -1);
            }
          }
          if (m.groups.tags) {
            analyze::TransitionRows(sf, i, gp, m.mask, trans);
            for (uint32_t r : trans) add(r, truth[i], 1);
            analyze::TransitionRows(sf, i, pp, m.mask, trans);
            for (uint32_t r : trans) add(r, guess[i], -1);
          }
        }
        step += 1;
      };
      analyze::DecodeDocument(analyze::DenseWeights{w.data()}, m, features[d], &update);
    }
    if (options.progress)
      options.progress(epoch, tokens ? static_cast<double>(correct) / tokens : 0);
  }
  for (size_t k = 0; k < w.size(); ++k) w[k] = static_cast<float>(w[k] - acc[k] / step);
  return w;
}

}  // namespace

Result<analyze::NerFeatureGroups> ParseDisabledNerGroups(std::string_view names) {
  analyze::NerFeatureGroups g;
  while (!names.empty()) {
    size_t comma = names.find(',');
    std::string_view name = names.substr(0, comma);
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    if (name.empty()) continue;
    if (name == "shape")
      g.shape = false;
    else if (name == "affix")
      g.affix = false;
    else if (name == "context")
      g.context = false;
    else if (name == "tags")
      g.tags = false;
    else if (name == "gazetteer")
      g.gazetteer = false;
    else if (name == "clusters")
      g.clusters = false;
    else if (name == "nonlocal")
      g.nonlocal = false;
    else
      return Status::InvalidArgument(
          "unknown feature group '" + std::string(name) +
          "' (shape, affix, context, tags, gazetteer, clusters, nonlocal)");
  }
  return g;
}

Result<analyze::NerTagger> TrainNerTagger(const std::vector<ConllDocument>& docs,
                                          const NerTrainOptions& options) {
  if (options.hash_bits < 10 || options.hash_bits > 26) {
    return Status::InvalidArgument("hash_bits must be in 10..26");
  }
  analyze::NerModel m;
  m.groups = options.groups;
  m.hash_bits = options.hash_bits;
  m.mask = (1ULL << options.hash_bits) - 1;
  Result<std::vector<analyze::GazetteerExclusions>> excluded = BuildLexicon(docs, options, &m);
  if (!excluded.ok()) return excluded.status();

  std::vector<DocFeatures> features;
  features.reserve(docs.size());
  std::vector<std::vector<std::vector<int>>> gold_labels(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    features.push_back(
        analyze::Featurize(m, analyze::SentenceWords(docs[d]), &(*excluded)[d], nullptr));
    for (const ConllSentence& s : docs[d].sentences) {
      gold_labels[d].push_back(analyze::BilouFromChunks(analyze::ChunksFromTags(s.tags),
                                                        static_cast<int>(s.words.size())));
    }
  }
  m.SetWeights(TrainWeights(m, features, gold_labels, options));
  return analyze::NerTagger(std::move(m));
}

}  // namespace newsloom::train
