#include "story/claims.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "story/transitive_groups.h"
#include "text/chars.h"
#include "text/stopwords.h"

namespace newsloom::story {
namespace {

constexpr int kContextWords = 15;     // either side of the figure
constexpr size_t kSharedContext = 2;  // content words two figures' contexts must share
constexpr double kApproxTolerance = 0.05;

// The words of the tokens in [begin, end) (text::Segment's, in order), numbers left out, a plural
// "s" dropped, with their offsets.
std::vector<std::pair<uint32_t, std::string>> Words(const std::vector<Token>& tokens,
                                                    uint32_t begin, uint32_t end) {
  std::vector<std::pair<uint32_t, std::string>> out;
  auto it = std::lower_bound(tokens.begin(), tokens.end(), begin,
                             [](const Token& t, uint32_t pos) { return t.span.begin < pos; });
  for (; it != tokens.end() && it->span.end <= end; ++it) {
    if (!it->is_word || std::any_of(it->norm.begin(), it->norm.end(), text::IsAsciiDigit)) continue;
    std::string w = it->norm;
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    out.emplace_back(it->span.begin, std::move(w));
  }
  return out;
}

struct Item {
  size_t article;
  const Figure* figure;
  std::set<std::string> context;
};

int StatusRank(const std::string& s) { return s == "differ" ? 0 : s == "series" ? 1 : 2; }

}  // namespace

bool ValuesAgree(const ClaimValue& a, const ClaimValue& b) {
  if (a.value == b.value && a.value_high == b.value_high) return true;
  if (a.approx.empty() && b.approx.empty()) return false;
  const double scale = std::max(std::fabs(a.value), std::fabs(b.value));
  return std::fabs(a.value - b.value) <= kApproxTolerance * scale &&
         std::fabs(a.value_high - b.value_high) <= kApproxTolerance * scale;
}

std::vector<Claim> CompareClaims(const std::vector<const AnalyzedArticle*>& articles,
                                 const std::vector<std::string>& origin) {
  std::vector<Item> items;
  for (size_t a = 0; a < articles.size(); ++a) {
    const AnalyzedArticle& art = *articles[a];
    const std::string& body = art.article.body;
    for (const Figure& f : art.figures) {
      if (f.span.end > body.size() || f.sentence.end > body.size()) continue;
      Item it{a, &f, {}};
      // Context from the figure's paragraph, not only its sentence: sentence splitting is not
      // always right, and the words that say what a figure counts may stand a sentence before.
      const size_t para_begin = body.rfind('\n', f.span.begin);
      size_t para_end = body.find('\n', f.span.end);
      if (para_end == std::string::npos) para_end = body.size();
      const auto words = Words(
          art.tokens, para_begin == std::string::npos ? 0 : static_cast<uint32_t>(para_begin + 1),
          static_cast<uint32_t>(para_end));
      // The words nearest the figure, outside it: up to kContextWords before and after.
      int before = 0;
      for (const auto& [pos, w] : words) before += pos < f.span.begin;
      int after = 0;
      for (int k = 0; k < static_cast<int>(words.size()); ++k) {
        const auto& [pos, w] = words[k];
        if (pos < f.span.begin) {
          if (before - k > kContextWords) continue;
        } else if (pos < f.span.end) {
          continue;
        } else if (++after > kContextWords) {
          break;
        }
        if (w.size() > 1 && !text::IsStopword(w, text::StopList::kFigureContext)) {
          it.context.insert(w);
        }
      }
      items.push_back(std::move(it));
    }
  }
  // Figures of one unit and thing, from different sources, said with the same words around them.
  std::vector<std::pair<std::string, std::string>> unit_and_thing;
  for (const Item& it : items) unit_and_thing.emplace_back(it.figure->unit, it.figure->thing);
  const std::vector<std::vector<size_t>> groups =
      TransitiveGroupsWithin(unit_and_thing, [&](size_t i, size_t j) {
        if (origin[items[i].article] == origin[items[j].article]) return false;
        size_t shared = 0;
        for (const std::string& w : items[i].context) shared += items[j].context.count(w);
        return shared >= kSharedContext;
      });

  std::vector<std::pair<size_t, Claim>> claims;
  for (const std::vector<size_t>& members : groups) {
    std::set<std::string> origins;
    for (size_t m : members) origins.insert(origin[items[m].article]);
    if (origins.size() < 2) continue;
    Claim c;
    c.unit = items[members.front()].figure->unit;
    c.thing = items[members.front()].figure->thing;
    c.independent_sources = static_cast<int>(origins.size());
    std::vector<std::pair<size_t, ClaimValue>> values;  // with their article
    for (size_t m : members) {
      const Figure& f = *items[m].figure;
      const AnalyzedArticle& art = *articles[items[m].article];
      ClaimValue v;
      v.text = f.text;
      v.value = f.value;
      v.value_high = f.value_high;
      v.approx = f.approx;
      v.reference_date = f.reference_date;
      v.citation = Citation{art.article.id, f.sentence,
                            art.article.body.substr(f.sentence.begin, f.sentence.size())};
      values.emplace_back(items[m].article, std::move(v));
    }
    std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
      return a.second.reference_date < b.second.reference_date;
    });
    bool all_agree = true, conflict = false;
    for (size_t i = 0; i < values.size(); ++i) {
      for (size_t j = i + 1; j < values.size(); ++j) {
        if (ValuesAgree(values[i].second, values[j].second)) continue;
        all_agree = false;
        // A difference counts only between sources, for one reference date.
        if (origin[values[i].first] != origin[values[j].first] &&
            values[i].second.reference_date == values[j].second.reference_date)
          conflict = true;
      }
    }
    c.status = conflict ? "differ" : all_agree ? "agree" : "series";
    for (auto& [article, v] : values) c.values.push_back(std::move(v));
    claims.emplace_back(members.front(), std::move(c));
  }
  std::stable_sort(claims.begin(), claims.end(), [](const auto& a, const auto& b) {
    const int ra = StatusRank(a.second.status), rb = StatusRank(b.second.status);
    if (ra != rb) return ra < rb;
    return a.first < b.first;
  });
  std::vector<Claim> out;
  for (auto& [root, c] : claims) out.push_back(std::move(c));
  return out;
}

}  // namespace newsloom::story
