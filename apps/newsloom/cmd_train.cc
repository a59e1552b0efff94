// `newsloom train ner --data FILE [--lang L] [--model FILE] [--seed N] [--epochs N]
//  [--disable GROUPS] [--unlabelled PATH...] [--dev FILE] [--folds K]`: trains the entity tagger of
// a language on CoNLL or GermEval data and writes models/ner-L.bin; prints a JSON summary (and the
// development-set scores with --dev). With --folds, trains K times on all but one K-th of the data
// and scores the K-th left out, instead of writing a model.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analyze/ner.h"
#include "analyze/ner_fallback.h"
#include "commands.h"
#include "eval/ner_score.h"
#include "train/document_frequency_counter.h"
#include "train/gazetteer_builder.h"
#include "train/ner_trainer.h"

namespace newsloom::cli {
namespace {

struct TrainFlags {
  std::string task;
  std::vector<std::string> data;
  std::string language = "en";
  std::string model;
  std::string dev;
  std::string disable;
  std::vector<std::string> unlabelled;
  std::vector<std::string> extra;
  uint64_t seed = 1;
  int epochs = train::NerTrainOptions{}.epochs;
  int hash_bits = train::NerTrainOptions{}.hash_bits;
  int folds = 0;
};

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

nlohmann::json CountsJson(const eval::ChunkCounts& c) {
  return {{"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()}};
}

nlohmann::json ScoreJson(const eval::NerScore& score) {
  nlohmann::json out = CountsJson(score.overall);
  for (const auto& [type, counts] : score.by_type) out["by_type"][type] = CountsJson(counts);
  return out;
}

// The tagger of GermEval's name forms (analyze::NameFormsAsEntityTypes), trained as the entity
// tagger is; only on data that marks them.
Result<analyze::NerTagger> TrainNameForms(const std::vector<analyze::ConllDocument>& docs,
                                          train::NerTrainOptions options) {
  options.progress = nullptr;
  return train::TrainNerTagger(analyze::NameFormsAsEntityTypes(docs), options);
}

// Where the name forms' tagger of a model is written: ner-de.bin -> ner-de-forms.bin.
std::string NameFormsModelPath(const std::string& model) {
  const std::string stem = model.ends_with(".bin") ? model.substr(0, model.size() - 4) : model;
  return stem + "-forms.bin";
}

// K-fold cross-validation: fold k is the k-th of K contiguous runs of documents; a model trained
// on the others tags it. Prints each fold's scores, their mean F1 and the scores of all folds
// pooled.
int RunCrossValidation(const TrainFlags& flags, const std::vector<analyze::ConllDocument>& docs,
                       const std::vector<analyze::ConllDocument>& extra,
                       const train::NerTrainOptions& options) {
  const size_t k = static_cast<size_t>(flags.folds);
  if (docs.size() < k) {
    std::fprintf(stderr, "newsloom train ner: %zu documents cannot make %zu folds\n", docs.size(),
                 k);
    return 2;
  }
  const bool germeval = analyze::IsGermEvalFile(flags.data[0]);
  const eval::NerOutputStyle style = eval::OutputStyleOf(docs, germeval);
  nlohmann::json folds = nlohmann::json::array();
  eval::NerScore pooled;
  double f1_sum = 0;
  for (size_t fold = 0; fold < k; ++fold) {
    const size_t begin = docs.size() * fold / k, end = docs.size() * (fold + 1) / k;
    std::vector<analyze::ConllDocument> train_docs(docs.begin(), docs.begin() + begin);
    train_docs.insert(train_docs.end(), docs.begin() + end, docs.end());
    train_docs.insert(train_docs.end(), extra.begin(), extra.end());
    const std::vector<analyze::ConllDocument> test_docs(docs.begin() + begin, docs.begin() + end);
    train::NerTrainOptions fold_options = options;
    fold_options.progress = nullptr;
    Result<analyze::NerTagger> tagger = train::TrainNerTagger(train_docs, fold_options);
    if (!tagger.ok()) {
      std::fprintf(stderr, "newsloom train ner: %s\n", tagger.status().ToString().c_str());
      return 1;
    }
    std::optional<Result<analyze::NerTagger>> forms;
    if (analyze::HasNameForms(docs)) {
      std::vector<analyze::ConllDocument> own(docs.begin(), docs.begin() + begin);
      own.insert(own.end(), docs.begin() + end, docs.end());
      forms = TrainNameForms(own, fold_options);
      if (!forms->ok()) {
        std::fprintf(stderr, "newsloom train ner: %s\n", forms->status().ToString().c_str());
        return 1;
      }
    }
    eval::NerEvaluation scores =
        eval::EvaluateNer(*tagger, test_docs, nullptr, style, forms ? &forms->value() : nullptr);
    std::fprintf(stderr, "fold %zu: F1 %.2f\n", fold + 1, scores.score.overall.F1());
    f1_sum += scores.score.overall.F1();
    nlohmann::json fold_json = ScoreJson(scores.score);
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
  nlohmann::json summary = {{"data", flags.data[0]},
                            {"language", flags.language},
                            {"documents", docs.size()},
                            {"folds", folds},
                            {"extra", flags.extra},
                            {"mean_f1", f1_sum / static_cast<double>(k)},
                            {"pooled", ScoreJson(pooled)},
                            {"epochs", flags.epochs},
                            {"seed", flags.seed},
                            {"disabled", flags.disable},
                            {"unlabelled", options.unlabelled}};
  std::printf("%s\n", summary.dump(2).c_str());
  return 0;
}

// `newsloom train df`: the background document frequencies of a language, from news text.
int RunTrainDocumentFrequencies(const TrainFlags& flags) {
  train::DocumentFrequencyOptions options;
  options.language = flags.language;
  Result<cluster::DocumentFrequencies> table = train::CountDocumentFrequencies(flags.data, options);
  if (!table.ok()) {
    std::fprintf(stderr, "newsloom train df: %s\n", table.status().ToString().c_str());
    return 1;
  }
  const std::string model =
      flags.model.empty() ? (std::filesystem::path(analyze::DefaultNerModelPath()).parent_path() /
                             ("df-" + flags.language + ".tsv"))
                                .string()
                          : flags.model;
  Status written = cluster::WriteDocumentFrequencies(*table, model);
  if (!written.ok()) {
    std::fprintf(stderr, "newsloom train df: %s\n", written.ToString().c_str());
    return 1;
  }
  nlohmann::json summary = {{"model", model},
                            {"language", flags.language},
                            {"inputs", flags.data},
                            {"documents", table->documents},
                            {"terms", table->df.size()}};
  std::printf("%s\n", summary.dump(2).c_str());
  return 0;
}

// `newsloom train names`: the language-neutral name lists of the fallback tagger.
int RunTrainNameLists(const TrainFlags& flags) {
  train::NameListOptions options;
  options.corpora = flags.data;
  Result<analyze::Gazetteer> names = train::BuildNameLists(options);
  if (!names.ok()) {
    std::fprintf(stderr, "newsloom train names: %s\n", names.status().ToString().c_str());
    return 1;
  }
  const std::string model = flags.model.empty() ? analyze::DefaultNameListsPath() : flags.model;
  Status saved = analyze::SaveNameLists(*names, model);
  if (!saved.ok()) {
    std::fprintf(stderr, "newsloom train names: %s\n", saved.ToString().c_str());
    return 1;
  }
  std::error_code ec;
  nlohmann::json summary = {{"model", model},
                            {"model_bytes", std::filesystem::file_size(model, ec)},
                            {"corpora", flags.data},
                            {"languages", options.languages},
                            {"phrases", names->size()}};
  std::printf("%s\n", summary.dump(2).c_str());
  return 0;
}

int RunTrain(const TrainFlags& flags) {
  if (flags.task == "df") return RunTrainDocumentFrequencies(flags);
  if (flags.task == "names") return RunTrainNameLists(flags);
  if (flags.task != "ner") {
    std::fprintf(stderr, "newsloom train: unknown model '%s' (ner, names or df)\n",
                 flags.task.c_str());
    return 2;
  }
  if (flags.data.size() != 1) {
    std::fprintf(stderr, "newsloom train ner: --data takes one CoNLL file\n");
    return 2;
  }
  Result<analyze::NerFeatureGroups> groups = train::ParseDisabledNerGroups(flags.disable);
  if (!groups.ok()) {
    std::fprintf(stderr, "newsloom train ner: %s\n", groups.status().ToString().c_str());
    return 2;
  }
  int skipped = 0;
  Result<std::vector<analyze::ConllDocument>> docs = analyze::ReadNerData(flags.data[0], &skipped);
  if (!docs.ok()) {
    std::fprintf(stderr, "newsloom train ner: %s\n", docs.status().ToString().c_str());
    return 1;
  }
  train::NerTrainOptions options;
  options.epochs = flags.epochs;
  options.seed = flags.seed;
  options.hash_bits = flags.hash_bits;
  options.groups = *groups;
  options.language = flags.language;
  options.unlabelled = flags.unlabelled;
  if (options.unlabelled.empty())
    options.unlabelled = DefaultUnlabelled(flags.data[0], flags.language);
  if (options.unlabelled.size() == 1 && options.unlabelled[0] == "none") options.unlabelled.clear();
  options.progress = [](int epoch, double accuracy) {
    std::fprintf(stderr, "epoch %d: training label accuracy %.4f\n", epoch, accuracy);
  };
  // Labelled data from other corpora joins every training run (never the folds scored).
  std::vector<analyze::ConllDocument> extra;
  for (const std::string& path : flags.extra) {
    Result<std::vector<analyze::ConllDocument>> more = analyze::ReadNerData(path);
    if (!more.ok()) {
      std::fprintf(stderr, "newsloom train ner: %s\n", more.status().ToString().c_str());
      return 1;
    }
    extra.insert(extra.end(), more->begin(), more->end());
  }
  if (flags.folds > 1) return RunCrossValidation(flags, *docs, extra, options);
  std::optional<Result<analyze::NerTagger>> forms;
  if (analyze::HasNameForms(*docs)) forms = TrainNameForms(*docs, options);
  docs->insert(docs->end(), extra.begin(), extra.end());
  auto start = std::chrono::steady_clock::now();
  Result<analyze::NerTagger> tagger = train::TrainNerTagger(*docs, options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "newsloom train ner: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  double train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string model =
      flags.model.empty() ? analyze::DefaultNerModelPath(flags.language) : flags.model;
  Status saved = tagger->Save(model);
  if (!saved.ok()) {
    std::fprintf(stderr, "newsloom train ner: %s\n", saved.ToString().c_str());
    return 1;
  }
  if (forms) {
    saved = forms->ok() ? (*forms)->Save(NameFormsModelPath(model)) : forms->status();
    if (!saved.ok()) {
      std::fprintf(stderr, "newsloom train ner: %s\n", saved.ToString().c_str());
      return 1;
    }
  }
  std::error_code ec;
  nlohmann::json summary = {
      {"model", model},
      {"name_forms_model", forms ? NameFormsModelPath(model) : ""},
      {"model_bytes", std::filesystem::file_size(model, ec)},
      {"documents", docs->size()},
      {"skipped_lines", skipped},
      {"epochs", flags.epochs},
      {"seed", flags.seed},
      {"hash_bits", flags.hash_bits},
      {"disabled", flags.disable},
      {"extra", flags.extra},
      {"unlabelled", options.unlabelled},
      {"weight_rows", tagger->weight_rows()},
      {"gazetteer_phrases", tagger->gazetteer_size()},
      {"cluster_words", tagger->cluster_words()},
      {"train_seconds", train_seconds},
  };
  if (!flags.dev.empty()) {
    Result<std::vector<analyze::ConllDocument>> dev = analyze::ReadNerData(flags.dev);
    if (!dev.ok()) {
      std::fprintf(stderr, "newsloom train ner: %s\n", dev.status().ToString().c_str());
      return 1;
    }
    eval::NerEvaluation scores = eval::EvaluateNer(
        *tagger, *dev, nullptr, eval::OutputStyleOf(*dev, analyze::IsGermEvalFile(flags.dev)),
        forms ? &forms->value() : nullptr);
    nlohmann::json dev_json = ScoreJson(scores.score);
    dev_json["data"] = flags.dev;
    summary["dev"] = dev_json;
  }
  std::printf("%s\n", summary.dump(2).c_str());
  return 0;
}

}  // namespace

void AddTrainCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("train", "Train a model from labelled data and write it");
  static TrainFlags flags;
  cmd->add_option("model_kind", flags.task,
                  "What to train: ner (the entity tagger of a language), names (the name lists of "
                  "languages without one), df (background document frequencies)")
      ->required();
  cmd->add_option("--data", flags.data,
                  "Training data: one CoNLL-2003/2002 or GermEval 2014 file for ner; such files "
                  "for names; for df, CoNLL files, JSONL of "
                  "{text} and folders of .txt files")
      ->required();
  cmd->add_option("--lang", flags.language,
                  "The language of the model (ISO 639-1): ner writes models/ner-LANG.bin")
      ->capture_default_str();
  cmd->add_option("--model", flags.model,
                  "Where to write the model (default: the source tree's models/ner-LANG.bin or "
                  "models/df-LANG.tsv)");
  cmd->add_option("--seed", flags.seed, "Seed for the document order");
  cmd->add_option("--epochs", flags.epochs, "Passes over the training data")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--hash-bits", flags.hash_bits, "log2 of the weight rows")
      ->check(CLI::Range(10, 26));
  cmd->add_option("--disable", flags.disable,
                  "Feature groups to switch off, comma-separated: shape, affix, context, tags, "
                  "gazetteer, clusters, nonlocal");
  cmd->add_option(
      "--unlabelled", flags.unlabelled,
      "Unlabelled text for word clusters (files or folders; 'none'); default: news text "
      "beside the training data");
  cmd->add_option("--extra", flags.extra,
                  "More labelled files (CoNLL or GermEval, any language) to train on; with "
                  "--folds they join every fold's training data");
  cmd->add_option("--dev", flags.dev, "Score the trained model on this CoNLL or GermEval file too");
  cmd->add_option("--folds", flags.folds,
                  "Cross-validate on --data instead of writing a model: train on all folds but "
                  "one, score that one, for each fold")
      ->check(CLI::Range(2, 20));
  cmd->callback([&run] { run = [] { return RunTrain(flags); }; });
}

}  // namespace newsloom::cli
