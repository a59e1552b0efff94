// `newsloom train ner --data eng.train [--model FILE] [--seed N] [--epochs N] [--disable GROUPS]
//  [--unlabelled PATH...] [--dev FILE]`: trains the entity tagger and writes the model; prints a
// JSON summary (and the development-set scores with --dev).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyze/ner.h"
#include "commands.h"
#include "eval/ner_score.h"
#include "train/document_frequency_counter.h"
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
  uint64_t seed = 1;
  int epochs = train::NerTrainOptions{}.epochs;
  int hash_bits = train::NerTrainOptions{}.hash_bits;
};

// Unlabelled news text that sits beside CoNLL-2003 in the shared data folder
// (<data>/ner/conll2003/eng.train -> <data>/timeline, <data>/clustering, <data>/quotes).
std::vector<std::string> DefaultUnlabelled(const std::string& train_file) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(train_file).parent_path().parent_path().parent_path();
  std::vector<std::string> out;
  for (const char* rel :
       {"timeline/t17-dev", "clustering/ecbplus-dev.jsonl", "quotes/polnear/train/text"}) {
    std::error_code ec;
    if (fs::exists(root / rel, ec)) out.push_back((root / rel).string());
  }
  return out;
}

nlohmann::json CountsJson(const eval::ChunkCounts& c) {
  return {{"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()}};
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

int RunTrain(const TrainFlags& flags) {
  if (flags.task == "df") return RunTrainDocumentFrequencies(flags);
  if (flags.task != "ner") {
    std::fprintf(stderr, "newsloom train: unknown model '%s' (ner or df)\n", flags.task.c_str());
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
  Result<std::vector<analyze::ConllDocument>> docs = analyze::ReadConll(flags.data[0], &skipped);
  if (!docs.ok()) {
    std::fprintf(stderr, "newsloom train ner: %s\n", docs.status().ToString().c_str());
    return 1;
  }
  train::NerTrainOptions options;
  options.epochs = flags.epochs;
  options.seed = flags.seed;
  options.hash_bits = flags.hash_bits;
  options.groups = *groups;
  options.unlabelled = flags.unlabelled;
  if (options.unlabelled.empty()) options.unlabelled = DefaultUnlabelled(flags.data[0]);
  if (options.unlabelled.size() == 1 && options.unlabelled[0] == "none") options.unlabelled.clear();
  options.progress = [](int epoch, double accuracy) {
    std::fprintf(stderr, "epoch %d: training label accuracy %.4f\n", epoch, accuracy);
  };
  auto start = std::chrono::steady_clock::now();
  Result<analyze::NerTagger> tagger = train::TrainNerTagger(*docs, options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "newsloom train ner: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  double train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string model = flags.model.empty() ? analyze::DefaultNerModelPath() : flags.model;
  Status saved = tagger->Save(model);
  if (!saved.ok()) {
    std::fprintf(stderr, "newsloom train ner: %s\n", saved.ToString().c_str());
    return 1;
  }
  std::error_code ec;
  nlohmann::json summary = {
      {"model", model},
      {"model_bytes", std::filesystem::file_size(model, ec)},
      {"documents", docs->size()},
      {"skipped_lines", skipped},
      {"epochs", flags.epochs},
      {"seed", flags.seed},
      {"hash_bits", flags.hash_bits},
      {"disabled", flags.disable},
      {"unlabelled", options.unlabelled},
      {"weight_rows", tagger->weight_rows()},
      {"gazetteer_phrases", tagger->gazetteer_size()},
      {"cluster_words", tagger->cluster_words()},
      {"train_seconds", train_seconds},
  };
  if (!flags.dev.empty()) {
    Result<std::vector<analyze::ConllDocument>> dev = analyze::ReadConll(flags.dev);
    if (!dev.ok()) {
      std::fprintf(stderr, "newsloom train ner: %s\n", dev.status().ToString().c_str());
      return 1;
    }
    eval::NerEvaluation scores = eval::EvaluateNer(*tagger, *dev);
    nlohmann::json dev_json = CountsJson(scores.score.overall);
    for (const auto& [type, counts] : scores.score.by_type)
      dev_json["by_type"][type] = CountsJson(counts);
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
                  "What to train: ner (the entity tagger), df (background document frequencies)")
      ->required();
  cmd->add_option("--data", flags.data,
                  "Training data: one CoNLL-2003 file for ner; for df, CoNLL files, JSONL of "
                  "{text} and folders of .txt files")
      ->required();
  cmd->add_option("--lang", flags.language, "The language of a df table")->capture_default_str();
  cmd->add_option("--model", flags.model,
                  "Where to write the model (default: the source tree's models/ner-en.bin or "
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
  cmd->add_option("--dev", flags.dev, "Score the trained model on this CoNLL file too");
  cmd->callback([&run] { run = [] { return RunTrain(flags); }; });
}

}  // namespace newsloom::cli
