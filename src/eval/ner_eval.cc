// `newsloom eval ner [--lang L]`: entity-level precision, recall and F1 (conlleval rules) of the
// tagger of a language (the model FindNerModel finds; English by default) on a CoNLL-2003/2002 or
// GermEval 2014 file, tagging speed and model load time.
#include <chrono>
#include <fstream>
#include <optional>

#include "analyze/model_files.h"
#include "analyze/ner.h"
#include "eval/ner_score.h"
#include "newsloom/eval.h"

namespace newsloom::eval {
namespace {

nlohmann::json CountsJson(const ChunkCounts& c) {
  return {{"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()}, {"gold", c.gold},
          {"predicted", c.predicted},   {"correct", c.correct}};
}

}  // namespace

Result<nlohmann::json> RunNerEval(const EvalOptions& options) {
  // The model a user's run would load.
  const std::string language = options.lang.empty() ? "en" : options.lang;
  Result<std::string> model_path = analyze::FindNerModel(language);
  if (!model_path.ok()) return model_path.status();
  auto load_start = std::chrono::steady_clock::now();
  Result<analyze::NerTagger> tagger = analyze::NerTagger::Load(*model_path);
  if (!tagger.ok()) return tagger.status();
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
          .count();

  int skipped = 0;
  Result<std::vector<analyze::ConllDocument>> docs = analyze::ReadNerData(options.data, &skipped);
  if (!docs.ok()) return docs.status();

  std::ofstream out;
  if (!options.output.empty()) {
    out.open(options.output, std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + options.output);
  }
  // GermEval's name forms ("deutschen" LOCderiv) come from a tagger of their own, when there is
  // one.
  const bool germeval = analyze::IsGermEvalFile(options.data);
  std::optional<Result<analyze::NerTagger>> forms;
  if (germeval) {
    Result<std::string> forms_path =
        analyze::FindModelFile("ner-" + language + "-forms.bin", "name-form model");
    if (forms_path.ok()) {
      forms = analyze::NerTagger::Load(*forms_path);
      if (!forms->ok()) return forms->status();
    }
  }
  NerEvaluation eval =
      EvaluateNer(*tagger, *docs, out.is_open() ? &out : nullptr, OutputStyleOf(*docs, germeval),
                  forms ? &forms->value() : nullptr);
  if (out.is_open()) {
    out.close();
    if (!out) return Status::IoError("error writing " + options.output);
  }

  const NerScore& score = eval.score;
  nlohmann::json by_type = nlohmann::json::object();
  for (const auto& [type, counts] : score.by_type) by_type[type] = CountsJson(counts);
  nlohmann::json result = CountsJson(score.overall);
  result["task"] = "ner";
  result["data"] = options.data;
  result["language"] = language;
  result["model"] = *model_path;
  result["name_forms"] = forms.has_value();
  result["by_type"] = by_type;
  result["documents"] = eval.documents;
  result["sentences"] = eval.sentences;
  result["tokens"] = score.tokens;
  result["skipped_lines"] = skipped;
  result["token_accuracy"] = score.tokens ? 100.0 * score.tokens_correct / score.tokens : 0.0;
  result["tag_seconds"] = eval.tag_seconds;
  result["tokens_per_second"] = eval.tag_seconds > 0 ? score.tokens / eval.tag_seconds : 0.0;
  // On a busy machine wall time includes waiting for a core; CPU time is what tagging costs.
  result["tag_cpu_seconds"] = eval.tag_cpu_seconds;
  result["tokens_per_cpu_second"] =
      eval.tag_cpu_seconds > 0 ? score.tokens / eval.tag_cpu_seconds : 0.0;
  result["model_load_ms"] = load_ms;
  return result;
}

}  // namespace newsloom::eval
