// `newsloom eval TASK --data PATH`: each task reads a development set and returns one JSON object
// of figures. A task fails with kNotFound, naming the path, when its data is absent.
#ifndef NEWSLOOM_EVAL_H_
#define NEWSLOOM_EVAL_H_

#include <nlohmann/json.hpp>
#include <string>

#include "newsloom/status.h"

namespace newsloom::eval {

struct EvalOptions {
  std::string data;    // --data: the set's folder or file
  std::string output;  // --output: where to write predictions, when the task supports it
  std::string lang;    // --lang: the language of the set (ISO 639-1), for tasks that read it
};

// One function per task, each in its own <task>_eval.cc.
Result<nlohmann::json> RunSeedsEval(const EvalOptions& options);
// Entity tagger on a CoNLL-2003/2002 or GermEval 2014 file (the model of options.lang, English when
// empty, found as ingest finds it); --output writes "token gold predicted" in the file's tag
// scheme.
Result<nlohmann::json> RunNerEval(const EvalOptions& options);
// Main-text extraction scored on snippets that must / must not appear (trafilatura's evaluation
// pages): `extraction` reads the HTML pages, `extraction-text` their crawl-style plain text.
// options.data is the folder holding trafilatura-eval/ and trafilatura-eval-text/. Figures are
// given for all pages and per detected page language (`by_language`); --output writes
// page-errors.jsonl, the snippets missed and wrongly kept on each page.
Result<nlohmann::json> RunExtractionEval(const EvalOptions& options);
Result<nlohmann::json> RunExtractionTextEval(const EvalOptions& options);
// Publication dates estimated from article text (Timeline17 articles.jsonl with `published`).
Result<nlohmann::json> RunPubdateEval(const EvalOptions& options);
// TimeML files (TempEval-3): extent, type and value scores of the temporal-expression tagger. The
// language is options.lang, or else detected from each document's text as ingest does.
Result<nlohmann::json> RunTimexEval(const EvalOptions& options);

// Timeline summarisation on topic folders (articles.jsonl of {id, published, text};
// timelines/*.json of [{date, text}]): one DATEWISE timeline per reference, as many days as the
// reference and about as many sentences per day; date F1 and ROUGE-1/2 ("align+ m:1",
// "agreement", "concat"). With `output`, writes OUTPUT/<topic>/<reference file> as [{date, text}].
Result<nlohmann::json> RunTimelineEval(const EvalOptions& options);

// Stories on a JSONL file of pages with gold labels ({id, url, event, topic, event_date, text,
// ...}): the file goes through `newsloom ingest` into a temporary store, and the stories that
// `newsloom stories` would list are scored, by B-cubed precision, recall and F1 against `event`
// (and `topic`, with threads, when given), with the confusions between events, and, when
// `event_date` is given, the fit of the stored publication dates. With --output, one JSON line
// per article: {id, story, thread, event, topic}.
Result<nlohmann::json> RunClusteringEval(const EvalOptions& options);

// Quote attribution on brat standoff (PolNeAR: text/*.txt, attributions/*.ann with Source, Cue
// and Content): precision, recall and F1 of attributions and speaker accuracy on those found,
// for direct quotes (content opening or closing with a quotation mark) and for all; articles per
// second of quote finding. A prediction matches a gold attribution when it covers at least half
// of the gold Content; its speaker is right when it overlaps the gold Source.
Result<nlohmann::json> RunQuotesEval(const EvalOptions& options);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_H_
