#include "eval/timeline_rouge.h"

#include <algorithm>
#include <cstdlib>

#include "text/stemmer.h"
#include "text/stopwords.h"

namespace newsloom::eval {
namespace {

using Counts = std::map<std::string, int>;

Counts NGrams(std::string_view text, int n, const RougeOptions& options) {
  const std::vector<std::string> tokens = RougeTokens(text, options);
  Counts out;
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    std::string gram = tokens[i];
    for (int k = 1; k < n; ++k) gram += ' ' + tokens[i + k];
    ++out[gram];
  }
  return out;
}

// ROUGE-1.5.5's -m stems with Porter's original English stemmer, which libstemmer has as
// "porter". ROUGE's Perl port follows Porter's own C code in two rules that the paper and Snowball
// lack ("-bli" -> "-ble", "-logi" -> "-log"), so "possibly" and "ecology" stem to "possibli" and
// "ecologi" here and "possibl" and "ecolog" in ROUGE-1.5.5: 3 of the 16,040 words of the
// Timeline17 dev references. Porter2 ("english") departs further ("generously": "generous", not
// "gener"), so ROUGE stays on classic Porter.
std::string RougeStem(const std::string& word) {
  // libstemmer always has "porter"; it is compiled in.
  thread_local text::Stemmer stemmer = text::Stemmer::Create("porter").value();
  // ROUGE stems only words of three letters or more ("is" stays "is"); numbers and other scripts
  // are kept.
  if (word.size() <= 2 ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return word;
  }
  return stemmer.Stem(word);
}

int Total(const Counts& c) {
  int total = 0;
  for (const auto& [g, k] : c) total += k;
  return total;
}

int Overlap(const Counts& a, const Counts& b) {
  int hits = 0;
  for (const auto& [g, k] : a) {
    auto it = b.find(g);
    if (it != b.end()) hits += std::min(k, it->second);
  }
  return hits;
}

Prf FromCounts(double precision_hits, double precision_total, double recall_hits,
               double recall_total) {
  Prf p;
  p.precision = precision_total > 0 ? precision_hits / precision_total : 0;
  p.recall = recall_total > 0 ? recall_hits / recall_total : 0;
  p.f1 = F1(p.precision, p.recall);
  return p;
}

}  // namespace

double F1(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}

std::vector<std::string> RougeTokens(std::string_view text, const RougeOptions& options) {
  std::vector<std::string> out;
  std::string cur;
  auto emit = [&] {
    if (cur.empty()) return;
    if (!(options.drop_stopwords && text::IsStopword(cur, text::StopList::kEnglish))) {
      out.push_back(options.stem ? RougeStem(cur) : cur);
    }
    cur.clear();
  };
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      cur += ch;
    } else if (c >= 'A' && c <= 'Z') {
      cur += static_cast<char>(c - 'A' + 'a');
    } else {
      emit();
    }
  }
  emit();
  return out;
}

Prf DateF1(const DatedText& predicted, const DatedText& reference) {
  int shared = 0;
  for (const auto& [d, t] : predicted) shared += reference.count(d) ? 1 : 0;
  return FromCounts(shared, static_cast<double>(predicted.size()), shared,
                    static_cast<double>(reference.size()));
}

Prf ConcatRouge(const DatedText& predicted, const DatedText& reference, int n,
                const RougeOptions& options) {
  // Each day's summary gives its own n-grams: none span two days.
  Counts p, r;
  for (const auto& [d, t] : predicted) {
    for (const auto& [g, k] : NGrams(t, n, options)) p[g] += k;
  }
  for (const auto& [d, t] : reference) {
    for (const auto& [g, k] : NGrams(t, n, options)) r[g] += k;
  }
  const int hits = Overlap(p, r);
  return FromCounts(hits, Total(p), hits, Total(r));
}

Prf AgreementRouge(const DatedText& predicted, const DatedText& reference, int n,
                   const RougeOptions& options) {
  double hits = 0, p_total = 0, r_total = 0;
  for (const auto& [d, t] : predicted) {
    const Counts p = NGrams(t, n, options);
    p_total += Total(p);
    auto it = reference.find(d);
    if (it != reference.end()) hits += Overlap(p, NGrams(it->second, n, options));
  }
  for (const auto& [d, t] : reference) r_total += Total(NGrams(t, n, options));
  return FromCounts(hits, p_total, hits, r_total);
}

Prf AlignManyToOneRouge(const DatedText& predicted, const DatedText& reference, int n,
                        const RougeOptions& options) {
  std::vector<Date> pd, rd;
  std::vector<Counts> p1, r1, pn, rn;
  for (const auto& [d, t] : predicted) {
    pd.push_back(d);
    p1.push_back(NGrams(t, 1, options));
    pn.push_back(NGrams(t, n, options));
  }
  for (const auto& [d, t] : reference) {
    rd.push_back(d);
    r1.push_back(NGrams(t, 1, options));
    rn.push_back(NGrams(t, n, options));
  }
  auto distance_weight = [](const Date& a, const Date& b) {
    return 1.0 / (std::labs(a.DaysSinceEpoch() - b.DaysSinceEpoch()) + 1);
  };
  // tilse's approximation of ROUGE-1 F1 between a predicted and a reference summary.
  auto content = [&](size_t i, size_t j) {
    const double hits = Overlap(p1[i], r1[j]);
    const double p_total = Total(p1[i]), r_total = Total(r1[j]);
    return F1(p_total > 0 ? hits / p_total : 0, r_total > 0 ? hits / r_total : 0);
  };
  auto cost = [&](size_t i, size_t j) {
    return (1 - distance_weight(pd[i], rd[j])) * (1 - content(i, j));
  };

  double p_hits = 0, p_total = 0, r_hits = 0, r_total = 0;
  for (size_t i = 0; i < pd.size(); ++i) {
    p_total += Total(pn[i]);
    if (rd.empty()) continue;
    size_t best = 0;
    double best_cost = cost(i, 0);
    for (size_t j = 1; j < rd.size(); ++j) {
      const double c = cost(i, j);
      if (c < best_cost) {
        best_cost = c;
        best = j;
      }
    }
    p_hits += distance_weight(pd[i], rd[best]) * Overlap(pn[i], rn[best]);
  }
  for (size_t j = 0; j < rd.size(); ++j) {
    r_total += Total(rn[j]);
    if (pd.empty()) continue;
    size_t best = 0;
    double best_cost = cost(0, j);
    for (size_t i = 1; i < pd.size(); ++i) {
      const double c = cost(i, j);
      if (c < best_cost) {
        best_cost = c;
        best = i;
      }
    }
    r_hits += distance_weight(pd[best], rd[j]) * Overlap(pn[best], rn[j]);
  }
  return FromCounts(p_hits, p_total, r_hits, r_total);
}

}  // namespace newsloom::eval
