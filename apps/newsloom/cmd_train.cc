// `newsloom train ner --data FILE [--lang L] [--model FILE] [--seed N] [--epochs N]
//  [--disable GROUPS] [--unlabelled PATH...] [--dev FILE] [--folds K]`: trains the entity tagger of
// a language on CoNLL or GermEval data and writes models/ner-L.bin; prints a JSON summary (and the
// development-set scores with --dev). With --folds, trains K times on all but one K-th of the data
// and scores the K-th left out, instead of writing a model.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "newsloom/train.h"

namespace newsloom::cli {
namespace {

struct TrainFlags {
  std::string task;
  train::TrainRequest request;
};

int RunTrain(TrainFlags& flags) {
  train::TrainRequest& request = flags.request;
  request.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  Result<nlohmann::json> summary =
      Status::InvalidArgument("unknown model '" + flags.task + "' (ner, names or df)");
  if (flags.task == "ner") summary = train::TrainEntityTagger(request);
  if (flags.task == "names") summary = train::TrainNameLists(request);
  if (flags.task == "df") summary = train::TrainDocumentFrequencies(request);
  if (!summary.ok()) {
    std::fprintf(stderr, "newsloom train %s: %s\n", flags.task.c_str(),
                 summary.status().ToString().c_str());
    return summary.status().code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  PrintJson(*summary);
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
  cmd->add_option("--data", flags.request.data,
                  "Training data: one CoNLL-2003/2002 or GermEval 2014 file for ner; such files "
                  "for names; for df, CoNLL files, JSONL of "
                  "{text} and folders of .txt files")
      ->required();
  cmd->add_option("--lang", flags.request.language,
                  "The language of the model (ISO 639-1): ner writes models/ner-LANG.bin")
      ->capture_default_str();
  cmd->add_option("--model", flags.request.model,
                  "Where to write the model (default: the source tree's models/ner-LANG.bin or "
                  "models/df-LANG.tsv)");
  cmd->add_option("--seed", flags.request.seed, "Seed for the document order");
  cmd->add_option("--epochs", flags.request.epochs, "Passes over the training data")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--hash-bits", flags.request.hash_bits, "log2 of the weight rows")
      ->check(CLI::Range(10, 26));
  cmd->add_option("--disable", flags.request.disable,
                  "Feature groups to switch off, comma-separated: shape, affix, context, tags, "
                  "gazetteer, clusters, nonlocal");
  cmd->add_option(
      "--unlabelled", flags.request.unlabelled,
      "Unlabelled text for word clusters (files or folders; 'none'); default: news text "
      "beside the training data");
  cmd->add_option("--extra", flags.request.extra,
                  "More labelled files (CoNLL or GermEval, any language) to train on; with "
                  "--folds they join every fold's training data");
  cmd->add_option("--dev", flags.request.dev,
                  "Score the trained model on this CoNLL or GermEval file too");
  cmd->add_option("--folds", flags.request.folds,
                  "Cross-validate on --data instead of writing a model: train on all folds but "
                  "one, score that one, for each fold")
      ->check(CLI::Range(2, 20));
  cmd->callback([&run] { run = [] { return RunTrain(flags); }; });
}

}  // namespace newsloom::cli
