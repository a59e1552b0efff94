// The tasks of `newsloom train` (newsloom/train.h): read the data, train, write the model, and
// summarise; for the entity tagger also cross-validation and a development-set score.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analyze/ner.h"
#include "analyze/ner_fallback.h"
#include "eval/ner_score.h"
#include "newsloom/train.h"
#include "train/document_frequency_counter.h"
#include "train/gazetteer_builder.h"
#include "train/ner_trainer.h"

namespace newsloom::train {
namespace {

using nlohmann::json;

void Log(const TrainRequest& request, const std::string& line) {
  if (request.log) request.log(line);
}

// Unlabelled news text that sits beside the training data in the shared data folder
// (<data>/ner/conll2003/eng.train -> <data>/timeline, <data>/clustering, <data>/quotes): English
// news for English, the German, French and Spanish news pages for the other languages.
std::vector<std::string> DefaultUnlabelled(const std::string& train_file,
                                           const std::string& language) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(train_file).parent_path().parent_path().parent_path();
  std::vector<std::string> out;
  const std::vector<const char*> english = {"timeline/t17-dev", "clustering/ecbplus-dev.jsonl",
                                            "quotes/polnear/train/text"};
  const std::vector<const char*> other = {"clustering/news-dev-ml.jsonl"};
  for (const char* rel : language == "en" ? english : other) {
    std::error_code ec;
    if (fs::exists(root / rel, ec)) out.push_back((root / rel).string());
  }
  return out;
}

json CountsJson(const eval::ChunkCounts& c) {
  return {{"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()}};
}

json ScoreJson(const eval::NerScore& score) {
  json out = CountsJson(score.overall);
  for (const auto& [type, counts] : score.by_type) out["by_type"][type] = CountsJson(counts);
  return out;
}

// The tagger of GermEval's name forms (analyze::NameFormsAsEntityTypes), trained as the entity
// tagger is; only on data that marks them.
Result<analyze::NerTagger> TrainNameForms(const std::vector<analyze::ConllDocument>& docs,
                                          NerTrainOptions options) {
  options.progress = nullptr;
  return TrainNerTagger(analyze::NameFormsAsEntityTypes(docs), options);
}

// Where the name forms' tagger of a model is written: ner-de.bin -> ner-de-forms.bin.
std::string NameFormsModelPath(const std::string& model) {
  const std::string stem = model.ends_with(".bin") ? model.substr(0, model.size() - 4) : model;
  return stem + "-forms.bin";
}

// K-fold cross-validation: fold k is the k-th of K contiguous runs of documents; a model trained
// on the others tags it. Each fold's scores, their mean F1 and the scores of all folds pooled.
Result<json> CrossValidate(const TrainRequest& request,
                           const std::vector<analyze::ConllDocument>& docs,
                           const std::vector<analyze::ConllDocument>& extra,
                           const NerTrainOptions& options) {
  const size_t k = static_cast<size_t>(request.folds);
  if (docs.size() < k) {
    return Status::InvalidArgument(std::to_string(docs.size()) + " documents cannot make " +
                                   std::to_string(k) + " folds");
  }
  const bool germeval = analyze::IsGermEvalFile(request.data[0]);
  const eval::NerOutputStyle style = eval::OutputStyleOf(docs, germeval);
  json folds = json::array();
  eval::NerScore pooled;
  double f1_sum = 0;
  for (size_t fold = 0; fold < k; ++fold) {
    const size_t begin = docs.size() * fold / k, end = docs.size() * (fold + 1) / k;
    std::vector<analyze::ConllDocument> train_docs(docs.begin(), docs.begin() + begin);
    train_docs.insert(train_docs.end(), docs.begin() + end, docs.end());
    train_docs.insert(train_docs.end(), extra.begin(), extra.end());
    const std::vector<analyze::ConllDocument> test_docs(docs.begin() + begin, docs.begin() + end);
    NerTrainOptions fold_options = options;
    fold_options.progress = nullptr;
    Result<analyze::NerTagger> tagger = TrainNerTagger(train_docs, fold_options);
    if (!tagger.ok()) return tagger.status();
    std::optional<Result<analyze::NerTagger>> forms;
    if (analyze::HasNameForms(docs)) {
      std::vector<analyze::ConllDocument> own(docs.begin(), docs.begin() + begin);
      own.insert(own.end(), docs.begin() + end, docs.end());
      forms = TrainNameForms(own, fold_options);
      if (!forms->ok()) return forms->status();
    }
    eval::NerEvaluation scores =
        eval::EvaluateNer(*tagger, test_docs, nullptr, style, forms ? &forms->value() : nullptr);
    char line[64];
    std::snprintf(line, sizeof line, "fold %zu: F1 %.2f", fold + 1, scores.score.overall.F1());
    Log(request, line);
    f1_sum += scores.score.overall.F1();
    json fold_json = ScoreJson(scores.score);
    fold_json["documents"] = {begin, end};
    folds.push_back(fold_json);
    pooled.overall.gold += scores.score.overall.gold;
    pooled.overall.predicted += scores.score.overall.predicted;
    pooled.overall.correct += scores.score.overall.correct;
    for (const auto& [type, counts] : scores.score.by_type) {
      eval::ChunkCounts& sum = pooled.by_type[type];
      sum.gold += counts.gold;
      sum.predicted += counts.predicted;
      sum.correct += counts.correct;
    }
  }
  return json{{"data", request.data[0]},
              {"language", request.language},
              {"documents", docs.size()},
              {"folds", folds},
              {"extra", request.extra},
              {"mean_f1", f1_sum / static_cast<double>(k)},
              {"pooled", ScoreJson(pooled)},
              {"epochs", request.epochs},
              {"seed", request.seed},
              {"disabled", request.disable},
              {"unlabelled", options.unlabelled}};
}

}  // namespace

Result<json> TrainDocumentFrequencies(const TrainRequest& request) {
  DocumentFrequencyOptions options;
  options.language = request.language;
  Result<cluster::DocumentFrequencies> table = CountDocumentFrequencies(request.data, options);
  if (!table.ok()) return table.status();
  const std::string model =
      request.model.empty() ? (std::filesystem::path(analyze::DefaultNerModelPath()).parent_path() /
                               ("df-" + request.language + ".tsv"))
                                  .string()
                            : request.model;
  NEWSLOOM_RETURN_IF_ERROR(cluster::WriteDocumentFrequencies(*table, model));
  return json{{"model", model},
              {"language", request.language},
              {"inputs", request.data},
              {"documents", table->documents},
              {"terms", table->df.size()}};
}

Result<json> TrainNameLists(const TrainRequest& request) {
  NameListOptions options;
  options.corpora = request.data;
  Result<analyze::Gazetteer> names = BuildNameLists(options);
  if (!names.ok()) return names.status();
  const std::string model = request.model.empty() ? analyze::DefaultNameListsPath() : request.model;
  NEWSLOOM_RETURN_IF_ERROR(analyze::SaveNameLists(*names, model));
  std::error_code ec;
  return json{{"model", model},
              {"model_bytes", std::filesystem::file_size(model, ec)},
              {"corpora", request.data},
              {"languages", options.languages},
              {"phrases", names->size()}};
}

Result<json> TrainEntityTagger(const TrainRequest& request) {
  if (request.data.size() != 1) {
    return Status::InvalidArgument("--data takes one CoNLL file");
  }
  Result<analyze::NerFeatureGroups> groups = ParseDisabledNerGroups(request.disable);
  if (!groups.ok()) return Status::InvalidArgument(groups.status().message());
  int skipped = 0;
  Result<std::vector<analyze::ConllDocument>> docs =
      analyze::ReadNerData(request.data[0], &skipped);
  if (!docs.ok()) return docs.status();
  NerTrainOptions options;
  options.epochs = request.epochs;
  options.seed = request.seed;
  options.hash_bits = request.hash_bits;
  options.groups = *groups;
  options.language = request.language;
  options.unlabelled = request.unlabelled;
  if (options.unlabelled.empty()) {
    options.unlabelled = DefaultUnlabelled(request.data[0], request.language);
  }
  if (options.unlabelled.size() == 1 && options.unlabelled[0] == "none") options.unlabelled.clear();
  options.progress = [&request](int epoch, double accuracy) {
    char line[80];
    std::snprintf(line, sizeof line, "epoch %d: training label accuracy %.4f", epoch, accuracy);
    Log(request, line);
  };
  // Labelled data from other corpora joins every training run (never the folds scored).
  std::vector<analyze::ConllDocument> extra;
  for (const std::string& path : request.extra) {
    Result<std::vector<analyze::ConllDocument>> more = analyze::ReadNerData(path);
    if (!more.ok()) return more.status();
    extra.insert(extra.end(), more->begin(), more->end());
  }
  if (request.folds > 1) return CrossValidate(request, *docs, extra, options);
  std::optional<Result<analyze::NerTagger>> forms;
  if (analyze::HasNameForms(*docs)) forms = TrainNameForms(*docs, options);
  docs->insert(docs->end(), extra.begin(), extra.end());
  const auto start = std::chrono::steady_clock::now();
  Result<analyze::NerTagger> tagger = TrainNerTagger(*docs, options);
  if (!tagger.ok()) return tagger.status();
  const double train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string model =
      request.model.empty() ? analyze::DefaultNerModelPath(request.language) : request.model;
  NEWSLOOM_RETURN_IF_ERROR(tagger->Save(model));
  if (forms) {
    NEWSLOOM_RETURN_IF_ERROR(forms->ok() ? (*forms)->Save(NameFormsModelPath(model))
                                         : forms->status());
  }
  std::error_code ec;
  json summary = {
      {"model", model},
      {"name_forms_model", forms ? NameFormsModelPath(model) : ""},
      {"model_bytes", std::filesystem::file_size(model, ec)},
      {"documents", docs->size()},
      {"skipped_lines", skipped},
      {"epochs", request.epochs},
      {"seed", request.seed},
      {"hash_bits", request.hash_bits},
      {"disabled", request.disable},
      {"extra", request.extra},
      {"unlabelled", options.unlabelled},
      {"weight_rows", tagger->weight_rows()},
      {"gazetteer_phrases", tagger->gazetteer_size()},
      {"cluster_words", tagger->cluster_words()},
      {"train_seconds", train_seconds},
  };
  if (!request.dev.empty()) {
    Result<std::vector<analyze::ConllDocument>> dev = analyze::ReadNerData(request.dev);
    if (!dev.ok()) return dev.status();
    eval::NerEvaluation scores = eval::EvaluateNer(
        *tagger, *dev, nullptr, eval::OutputStyleOf(*dev, analyze::IsGermEvalFile(request.dev)),
        forms ? &forms->value() : nullptr);
    json dev_json = ScoreJson(scores.score);
    dev_json["data"] = request.dev;
    summary["dev"] = dev_json;
  }
  return summary;
}

}  // namespace newsloom::train
