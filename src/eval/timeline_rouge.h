// Timeline ROUGE (Martschat & Markert 2017, as in the tilse package that news-tls evaluates with):
// a timeline is a map from day to summary; n-gram overlaps are counted per day and summed.
//
// Tokens: each summary is lower-cased and cut into runs of letters and digits (punctuation
// dropped, as ROUGE-1.5.5 does), so tokenised references ("`` dead ''") and raw text compare
// alike; optionally without stop words and Porter-stemmed (ROUGE-1.5.5 -s -m, the setting tilse
// runs ROUGE with; our stop list is the analysis stage's, not ROUGE's SMART list).
#ifndef NEWSLOOM_EVAL_TIMELINE_ROUGE_H_
#define NEWSLOOM_EVAL_TIMELINE_ROUGE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/date.h"

namespace newsloom::eval {

// Day -> summary text (sentences joined).
using DatedText = std::map<Date, std::string>;

struct RougeOptions {
  bool drop_stopwords = false;
  bool stem = false;
};

struct Prf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// F1 from precision and recall (0 when both are 0).
double F1(double precision, double recall);

// Lower-cased runs of ASCII letters and digits, and of non-ASCII bytes (kept whole).
std::vector<std::string> RougeTokens(std::string_view text, const RougeOptions& options = {});

// Date selection: precision, recall and F1 of the predicted days against the reference days.
Prf DateF1(const DatedText& predicted, const DatedText& reference);

// ROUGE-n of the two timelines' summaries concatenated ("concat").
Prf ConcatRouge(const DatedText& predicted, const DatedText& reference, int n,
                const RougeOptions& options = {});

// Overlaps of same-day summaries only, over all predicted / all reference n-grams ("agreement").
Prf AgreementRouge(const DatedText& predicted, const DatedText& reference, int n,
                   const RougeOptions& options = {});

// "align+ m:1": every predicted day is aligned to the reference day of least cost (for recall,
// every reference day to the predicted day of least cost), cost = (1 - 1/(|days apart| + 1)) *
// (1 - ROUGE-1 F1 of the two summaries), ties to the earlier day; the overlap of an aligned pair
// is weighted by 1/(|days apart| + 1). The variant news-tls reports.
Prf AlignManyToOneRouge(const DatedText& predicted, const DatedText& reference, int n,
                        const RougeOptions& options = {});

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_TIMELINE_ROUGE_H_
