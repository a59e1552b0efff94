// A rule grammar over a hand-written tokenizer: each token is looked up once in the word tables
// of its language (lexicon), then the rule families (rules_*.cc) try to match at each token and
// the longest match wins. Relative expressions are resolved against the anchor with the tense of
// the clause, or in a history against the last date it named (HeidelTime's news and narrative
// documents). No regular expressions: they are far too slow for the volumes ingest sees.
#include "timex/timex.h"

#include <cstdlib>
#include <string>

#include "timex/anchor.h"
#include "timex/readers.h"
#include "timex/rules.h"
#include "timex/tense.h"
#include "timex/tokens.h"

namespace newsloom::timex {

int Scan::Tense() {
  if (!tense_known_) {
    tense_ = ClauseTense(*this, start_);
    tense_known_ = true;
  }
  return tense_;
}

namespace {

// After "in the" or "of the" at j ("in the", "des", "de l'"): the token after the article, or 0.
int ArticleAfter(const Scan& s, int j) {
  if (!s.W(j, "in") && !s.W(j, "of")) return 0;
  if (s.W(j, "the")) return j + 1;  // one word: "des", "im", "del"
  return s.W(j + 1, "the") ? j + 2 : 0;
}

}  // namespace

bool MatchAt(Scan& s, int i, Cand* best) {
  // Modifiers kept inside the extent, as TimeML does: "early 1991", "late May", "mid-1990s".
  if (s.T(i).kind == Kind::kWord) {
    const bool earlier = s.Any(i, {"earlier", "later"});
    if (earlier || s.Any(i, {"early", "late", "mid"})) {
      int j = i + 1;
      if (s.IsHyphen(j) && s.Adjacent(j)) ++j;
      // "early in the year", "Ende des Jahres", "fin de l'année", "Ende des vorigen Jahres".
      if (const int k = ArticleAfter(s, j); k > 0) {
        int dir = 0;
        int u_at = k;
        if (s.Any(k, {"previous", "last"})) {
          dir = -1;
          ++u_at;
        } else if (s.Any(k, {"next", "following", "coming"})) {
          dir = 1;
          ++u_at;
        } else if (s.Any(k, {"this", "same"})) {
          ++u_at;
        }
        if (s.Any(u_at, {"year", "week", "month", "day"})) {
          SetDate(best, u_at + 1, s.anchor().Shift(s.UnitAt(u_at), dir), true);
          return true;
        }
      }
      // TimeBank leaves "earlier"/"later" out before a day or a week ("earlier Friday",
      // "earlier this week") and keeps them before a month or a year ("earlier this year").
      const bool day_or_week =
          (s.Lex(j) && s.Lex(j)->weekday >= 0) || (s.Lex(j) && s.Lex(j)->day != LexEntry::kNoDay) ||
          s.W(j, "tonight") || (s.W(j, "this") && (s.W(j + 1, "week") || s.W(j + 1, "weekend")));
      Cand inner;
      if (!(earlier && day_or_week) && MatchCore(s, j, &inner) && inner.type != "DURATION" &&
          inner.type != "SET" && inner.value.find("_REF") == std::string::npos) {
        *best = inner;
        return true;
      }
    }
    if (s.W(i, "the") &&
        s.Any(i + 1,
              {"end", "beginning", "start", "middle", "turn", "rest", "remainder", "close"}) &&
        s.W(i + 2, "of")) {
      const int j = i + 3;
      if (s.W(j, "the") &&
          (s.UnitAt(j + 1) == Unit::kYear || s.UnitAt(j + 1) == Unit::kMonth ||
           s.UnitAt(j + 1) == Unit::kWeek || s.UnitAt(j + 1) == Unit::kDecade ||
           s.UnitAt(j + 1) == Unit::kCentury || s.UnitAt(j + 1) == Unit::kQuarter) &&
          !s.T(j + 1).lex->plural) {
        // "la fin de l'année dernière": a direction after the unit.
        const int dir = DirectionAfter(s, j + 2);
        SetDate(best, dir == kNoDirection ? j + 2 : j + 3,
                s.anchor().Shift(s.UnitAt(j + 1), dir == kNoDirection ? 0 : dir), true);
        return true;
      }
      Cand inner;
      if (MatchCore(s, j, &inner) && inner.type != "DURATION" && inner.type != "SET") {
        *best = inner;
        return true;
      }
    }
    // "the first half of 1990", "the second half"
    if ((s.W(i, "the") || s.W(i, "first") || s.W(i, "second"))) {
      int j = s.W(i, "the") ? i + 1 : i;
      if ((s.W(j, "first") || s.W(j, "second")) && s.W(j + 1, "half")) {
        DateValue v = s.anchor().Shift(Unit::kYear, 0);
        int end = j + 2;
        const int half = s.W(j, "first") ? 1 : 2;
        if (s.W(end, "of")) {
          Cand inner;
          if (MatchCore(s, end + 1, &inner) && inner.type == "DATE" && inner.value.size() == 4) {
            v.year = std::atoi(inner.value.c_str());
            end = inner.end;
          } else {
            int off;
            if (RelativeYear(s, end + 1, &off)) {
              v = s.anchor().Shift(Unit::kYear, off);
              end = end + 3;
            }
          }
        }
        v.half = half;
        SetDate(best, end, v, true);
        return true;
      }
    }
    // TimeBank keeps "nearly", "more than", "at least" inside the extent but mostly leaves
    // "about" and "almost" out.
    const bool two_words = (s.Any(i, {"more", "less", "fewer"}) && s.W(i + 1, "than")) ||
                           (s.W(i, "at") && s.Any(i + 1, {"least", "most"})) ||
                           (s.W(i, "up") && s.W(i + 1, "to"));
    const bool loose = s.Any(i, {"some", "over"});  // "some two years", "over two years": outside
    if (two_words || loose || s.Any(i, {"around", "approximately", "nearly", "roughly"})) {
      Cand inner;
      if (MatchCore(s, two_words ? i + 2 : i + 1, &inner) &&
          (inner.type == "DURATION" || inner.type == "TIME" || s.W(inner.end - 1, "ago")) &&
          !loose) {
        *best = inner;
        return true;
      }
      if (loose) return false;
    }
  }
  return MatchCore(s, i, best);
}

bool MatchCore(Scan& s, int i, Cand* best) {
  Cand c;
  auto consider = [&](bool ok) {
    if (ok && c.end > best->end) *best = std::move(c);
    // Reset field by field: the strings keep their buffers for the next rule.
    c.end = -1;
    c.type = {};
    c.value.clear();
    c.relative = false;
  };
  const Tok& t = s.T(i);
  if (t.kind == Kind::kNumber) {
    consider(NumericDate(s, i, &c));
    consider(Deictic(s, i, &c));
    consider(DayMonth(s, i, &c));
    consider(Year(s, i, &c));
    consider(ClockTime(s, i, &c));
    consider(CountUnit(s, i, &c));
    consider(QuarterPhrase(s, i, &c));
  } else if (t.kind == Kind::kWord) {
    consider(Anaphoric(s, i, &c));
    consider(MonthDate(s, i, &c));
    consider(Weekday(s, i, &c));
    consider(Deictic(s, i, &c));
    consider(DeterminedUnit(s, i, &c));
    consider(QuarterPhrase(s, i, &c));
    consider(CountUnit(s, i, &c));
    consider(CountedFromAnchor(s, i, &c));
    consider(CompoundWordDuration(s, i, &c));
    consider(SetPhrase(s, i, &c));
    consider(DayOfMonth(s, i, &c));
    consider(DecadeNumber(s, i, &c));
    consider(Century(s, i, &c));
    consider(PartOfDay(s, i, &c));
    consider(DayMonth(s, i, &c));
    consider(Holiday(s, i, &c));
    consider(ClockTime(s, i, &c));
    consider(FiscalYear(s, i, &c));
    consider(WordYear(s, i, &c));
    consider(BarePlural(s, i, &c));
    consider(CompactPeriod(s, i, &c));
  } else if (s.P(i, "'")) {
    consider(ApostropheDecade(s, i, &c));
  }
  return best->end > i;
}

namespace {

// A history rather than news: it names ten years or more, and nearly all of them lie more than
// ten years before its anchor (or before Christ). Its relative expressions follow the narrative.
bool IsNarrative(const TokenView& v, const std::optional<Date>& anchor) {
  if (!anchor) return false;
  int named = 0, old = 0;
  for (int i = 0; i < v.size(); ++i) {
    if (v.T(i).kind != Kind::kNumber) continue;
    if (v.W(i + 1, "bc")) {
      ++named;
      ++old;
    } else if (const int y = YearAt(v, i); y > 0 && !v.P(i + 1, "%") && !v.P(i - 1, "$")) {
      ++named;
      if (y < anchor->year - 10) ++old;
    }
  }
  return named >= 10 && old * 100 >= named * 85;
}

}  // namespace

std::vector<TemporalExpression> TagTemporalExpressions(std::string_view text,
                                                       std::optional<Date> anchor,
                                                       std::string_view language) {
  if (text.size() > (1u << 31)) return {};  // spans are 32-bit
  // No language at all is English, as it was before the tagger took one: articles built by hand,
  // without the extraction that detects it. A detected unknown language ("un") has no table.
  const Lexicon& lexicon = LexiconFor(language.empty() ? "en" : language);
  const std::vector<Tok> toks = Tokenize(text, lexicon);
  Anchor resolver(anchor);
  Scan s(toks, lexicon, resolver);
  resolver.set_narrative(IsNarrative(s, anchor));
  std::vector<TemporalExpression> out;
  for (int i = 0; i < s.size(); ++i) {
    if (toks[i].kind == Kind::kPunct && !LowIs(toks[i], "'")) continue;
    Cand c;
    s.StartAt(i);
    if (!MatchAt(s, i, &c) || c.end <= i) continue;
    // A preposition with its article in one word ("im", "vom", "du", "al") stays out of the
    // extent, as prepositions do.
    const int first =
        c.end > i + 1 && Is(toks[i], "the") && s.Any(i, {"in", "on", "at", "of", "from", "to"})
            ? i + 1
            : i;
    TemporalExpression e;
    e.span = {toks[first].begin, toks[c.end - 1].end};
    e.text.assign(text.substr(e.span.begin, e.span.end - e.span.begin));
    e.type = std::string(c.type);
    e.value = std::move(c.value);
    e.relative = c.relative;
    e.tense = s.Tense();
    // In a history "until 1881" names an end, not the time being told.
    resolver.Note(e.value, e.relative, !resolver.narrative() || !s.Any(i - 1, {"until", "since"}));
    out.push_back(std::move(e));
    i = c.end - 1;
  }
  return out;
}

}  // namespace newsloom::timex
