#include "timex/lexicon.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>

#include "text/chars.h"
#include "text/lines.h"
#include "timex/embedded_languages.h"

namespace newsloom::timex {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits on runs of `sep` (spaces and tabs count as one), dropping empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at <= s.size()) {
    size_t next = s.find(sep, at);
    if (next == std::string_view::npos) next = s.size();
    const std::string_view piece = Trim(s.substr(at, next - at));
    if (!piece.empty()) out.push_back(piece);
    at = next + 1;
  }
  return out;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view piece : Split(s, ' ')) {
    for (std::string_view w : Split(piece, '\t')) out.push_back(w);
  }
  return out;
}

bool ParseInt(std::string_view s, int lo, int hi, int* out) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi) return false;
  *out = v;
  return true;
}

// The pieces a phrase is matched by, as the tokenizer cuts text: runs of letters (any non-ASCII
// byte joins a word), runs of digits, and single punctuation bytes; an elided word keeps its
// apostrophe ("l'"); spaces only separate.
std::vector<std::string> Pieces(std::string_view lower, const std::vector<std::string>& elisions) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < lower.size()) {
    const unsigned char c = lower[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (c >= '0' && c <= '9') {
      while (j < lower.size() && lower[j] >= '0' && lower[j] <= '9') ++j;
    } else if (c >= 0x80 || text::IsAsciiAlnum(static_cast<char>(c))) {
      while (j < lower.size() &&
             (static_cast<unsigned char>(lower[j]) >= 0x80 ||
              (text::IsAsciiAlnum(lower[j]) && !(lower[j] >= '0' && lower[j] <= '9')))) {
        ++j;
      }
    }
    std::string piece(lower.substr(i, j - i));
    if (j < lower.size() && lower[j] == '\'' &&
        std::find(elisions.begin(), elisions.end(), piece) != elisions.end()) {
      piece += '\'';
      ++j;
    }
    out.push_back(std::move(piece));
    i = j;
  }
  return out;
}

const char* Unique(std::string_view code, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (code == a) return a;
  }
  return nullptr;
}

bool ParseUnit(std::string_view name, Unit* unit) {
  static constexpr std::pair<std::string_view, Unit> kUnits[] = {
      {"second", Unit::kSecond}, {"minute", Unit::kMinute},   {"hour", Unit::kHour},
      {"day", Unit::kDay},       {"week", Unit::kWeek},       {"weekend", Unit::kWeekend},
      {"month", Unit::kMonth},   {"quarter", Unit::kQuarter}, {"year", Unit::kYear},
      {"decade", Unit::kDecade}, {"century", Unit::kCentury},
  };
  for (const auto& [n, u] : kUnits) {
    if (n == name) {
      *unit = u;
      return true;
    }
  }
  return false;
}

// "12-25" (a date) or "11-4#4" (month, ISO weekday, n-th; n = -1 the last).
bool ParseHoliday(std::string_view v, LexEntry* e) {
  const size_t dash = v.find('-');
  int month, day;
  if (dash == std::string_view::npos || !ParseInt(v.substr(0, dash), 1, 12, &month)) return false;
  const std::string_view rest = v.substr(dash + 1);
  if (const size_t hash = rest.find('#'); hash != std::string_view::npos) {
    int weekday, nth;
    if (!ParseInt(rest.substr(0, hash), 1, 7, &weekday) ||
        !ParseInt(rest.substr(hash + 1), -5, 5, &nth) || nth == 0) {
      return false;
    }
    e->holiday_weekday = static_cast<int8_t>(weekday - 1);
    e->holiday_nth = static_cast<int8_t>(nth);
  } else if (!ParseInt(rest, 1, 31, &day)) {
    return false;
  } else {
    e->holiday_day = static_cast<int8_t>(day);
  }
  e->holiday_month = static_cast<int8_t>(month);
  return true;
}

}  // namespace

LexEntry* Lexicon::Add(const std::string& form) {
  Word& w = words_[form];
  w.known = true;
  return &w.entry;
}

Status Lexicon::AddConcept(std::string_view name, LexEntry* e) {
  const Concept c = Concept::Named(name);
  if (e->Is(c)) return Status::Ok();
  if (e->concept_count == LexEntry::kMaxConcepts) return Status::Corrupt("too many concepts");
  e->concepts[e->concept_count++] = c;
  return Status::Ok();
}

Status Lexicon::ReadTags(std::string_view tags, const std::vector<std::string>& forms,
                         const std::vector<LexEntry*>& entries) {
  for (std::string_view tag : Words(tags)) {
    const size_t eq = tag.find('=');
    const std::string_view key = tag.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? "" : tag.substr(eq + 1);
    int n = 0;
    bool ok = true;
    for (size_t k = 0; k < entries.size(); ++k) {
      LexEntry* e = entries[k];
      if (eq == std::string_view::npos && key.front() == '+') {
        if (key == "+plural") {
          e->plural = true;
        } else if (key == "+abbrev") {
          e->abbrev = true;
        } else if (key == "+timezone") {
          e->timezone = true;
        } else if (key == "+same-plural") {
          e->same_plural = true;
        } else {
          ok = false;
        }
      } else if (eq == std::string_view::npos) {
        // "_": each word names itself ("the : _" is the concept "the").
        NEWSLOOM_RETURN_IF_ERROR(AddConcept(key == "_" ? std::string_view(forms[k]) : key, e));
      } else if (key == "month" && (ok = ParseInt(value, 1, 12, &n))) {
        e->month = static_cast<int8_t>(n);
      } else if (key == "weekday" && (ok = ParseInt(value, 1, 7, &n))) {
        e->weekday = static_cast<int8_t>(n - 1);
      } else if (key == "number" && (ok = ParseInt(value, 0, 100, &n))) {
        e->number = static_cast<int8_t>(n);
      } else if (key == "ordinal" && (ok = ParseInt(value, 1, 100, &n))) {
        e->ordinal = static_cast<int8_t>(n);
      } else if (key == "day" && (ok = ParseInt(value, -9, 9, &n))) {
        e->day = static_cast<int8_t>(n);
      } else if (key == "decade" && (ok = ParseInt(value, 0, 9, &n))) {
        e->decade = static_cast<int8_t>(n);
      } else if (key == "unit") {
        ok = ParseUnit(value, &e->unit);
      } else if (key == "part") {
        ok = (e->part = Unique(value, {"MO", "AF", "EV", "NI", "MI", "DT"})) != nullptr;
      } else if (key == "season") {
        ok = (e->season = Unique(value, {"SP", "SU", "FA", "WI"})) != nullptr;
      } else if (key == "ref") {
        ok = (e->ref = Unique(value, {"PRESENT_REF", "PAST_REF", "FUTURE_REF"})) != nullptr;
      } else if (key == "set" && value.size() >= 3 && value.front() == 'P') {
        strings_.emplace_back(value);
        e->set = strings_.back().c_str();
      } else if (key == "holiday") {
        ok = ParseHoliday(value, e);
      } else {
        ok = false;
      }
      if (!ok) return Status::Corrupt("cannot read \"" + std::string(tag) + "\"");
    }
  }
  return Status::Ok();
}

Status Lexicon::ReadDirective(std::string_view line) {
  const std::vector<std::string_view> words = Words(line);
  const std::string_view directive = words[0];
  std::vector<std::string> args;
  for (size_t k = 1; k < words.size(); ++k) args.push_back(text::LowerAsciiAndLatin1(words[k]));
  if (directive == "@names-in-lower-case") {
    names_in_lower_case_ = true;
  } else if (directive == "@ordinal-dot") {
    ordinal_dot_ = true;
  } else if (directive == "@time-dot") {
    time_dot_ = true;
  } else if (directive == "@weekday-parts-in-value") {
    weekday_parts_in_value_ = true;
  } else if (directive == "@parts-of-day-with-article") {
    parts_of_day_with_article_ = true;
  } else if (directive == "@ages-are-not-durations") {
    ages_are_not_durations_ = true;
  } else if (directive == "@ordinal-suffixes") {
    ordinal_suffixes_ = std::move(args);
  } else if (directive == "@elisions") {
    elisions_ = std::move(args);
  } else if (directive == "@past-suffixes") {
    past_suffixes_ = std::move(args);
  } else if (directive == "@future-suffixes") {
    future_suffixes_ = std::move(args);
  } else if (directive == "@duration-compounds") {
    for (const std::string& arg : args) {
      const size_t eq = arg.find('=');
      Unit unit;
      if (eq == std::string::npos || eq == 0 || !ParseUnit(arg.substr(eq + 1), &unit)) {
        return Status::Corrupt("cannot read \"" + arg + "\"");
      }
      duration_compounds_.emplace_back(arg.substr(0, eq), unit);
    }
  } else {
    return Status::Corrupt("unknown directive " + std::string(directive));
  }
  return Status::Ok();
}

Status Lexicon::ReadEntry(std::string_view line,
                          std::map<std::string, std::vector<Phrase>>* phrases) {
  const size_t colon = line.find(" : ");
  if (colon == std::string_view::npos) return Status::Corrupt("no \" : \" between words and tags");
  std::vector<LexEntry*> entries;
  std::vector<std::string> forms;
  for (std::string_view form : Split(line.substr(0, colon), ',')) {
    const std::string lower = text::LowerAsciiAndLatin1(form);
    std::vector<std::string> pieces = Pieces(lower, elisions_);
    if (pieces.empty()) return Status::Corrupt("empty word");
    std::string key = pieces[0];
    for (size_t k = 1; k < pieces.size(); ++k) key += " " + pieces[k];
    // Several pieces make a phrase ("il y a", "après-midi", "v. Chr.", "jusqu'à"), except forms
    // the tokenizer reads as one word: "o'clock", "aujourd'hui", "a.m.", "l'".
    const bool elided = std::any_of(pieces.begin(), pieces.end() - 1, [](const std::string& p) {
      return p.size() > 1 && p.back() == '\'';
    });
    const bool one_word = lower.find(' ') == std::string::npos &&
                          lower.find_first_of("'.") != std::string::npos && !elided;
    if (pieces.size() > 1 && !one_word) {
      auto& list = (*phrases)[pieces[0]];
      if (std::none_of(list.begin(), list.end(), [&](const Phrase& p) { return p.text == key; })) {
        list.push_back({pieces, key});
      }
      entries.push_back(Add(key));
      forms.push_back(key);
    } else {
      entries.push_back(Add(lower));
      forms.push_back(lower);
    }
  }
  return ReadTags(line.substr(colon + 3), forms, entries);
}

Result<Lexicon> Lexicon::Parse(std::string_view text) {
  Lexicon lex;
  std::map<std::string, std::vector<Phrase>> phrases;
  int line_number = 0;
  for (std::string_view line : text::SplitLines(text)) {
    ++line_number;
    // A comment starts with "#" at the start of the line or after a space ("holiday=11-4#4" is
    // no comment).
    for (size_t hash = line.find('#'); hash != std::string_view::npos;
         hash = line.find('#', hash + 1)) {
      if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
        line = line.substr(0, hash);
        break;
      }
    }
    line = Trim(line);
    if (line.empty()) continue;
    const Status s = line[0] == '@' ? lex.ReadDirective(line) : lex.ReadEntry(line, &phrases);
    if (!s.ok()) return Status::Corrupt("line " + std::to_string(line_number) + ": " + s.message());
  }
  for (auto& [first, list] : phrases) {
    std::sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
      return a.pieces.size() != b.pieces.size() ? a.pieces.size() > b.pieces.size()
                                                : a.text < b.text;
    });
    lex.words_[first].phrases = std::move(list);
  }
  return lex;
}

const LexEntry* Lexicon::Find(std::string_view lower) const {
  const Word* w = Lookup(lower);
  return w != nullptr && w->known ? &w->entry : nullptr;
}

const std::vector<Lexicon::Phrase>* Lexicon::PhrasesStartingWith(std::string_view first) const {
  const Word* w = Lookup(first);
  return w != nullptr && !w->phrases.empty() ? &w->phrases : nullptr;
}

const Lexicon::Word* Lexicon::Lookup(std::string_view lower) const {
  if (words_.empty()) return nullptr;
  auto it = words_.find(lower);
  return it == words_.end() ? nullptr : &it->second;
}

namespace {

struct Tables {
  std::map<std::string, Lexicon, std::less<>> by_code;
  Lexicon empty;
};

const Tables& AllTables() {
  static const Tables* const tables = [] {
    auto* t = new Tables;
    for (size_t k = 0; k < kEmbeddedLanguageCount; ++k) {
      Result<Lexicon> lex = Lexicon::Parse(kEmbeddedLanguages[k].table);
      // The tables are part of the program and checked by the tests; a table that cannot be
      // read leaves its language to the rules that need no words.
      if (lex.ok()) t->by_code.emplace(kEmbeddedLanguages[k].code, std::move(lex).value());
    }
    return t;
  }();
  return *tables;
}

}  // namespace

const Lexicon& LexiconFor(std::string_view language) {
  const Tables& t = AllTables();
  auto it = t.by_code.find(language);
  return it == t.by_code.end() ? t.empty : it->second;
}

std::vector<std::string> LanguagesWithTables() {
  std::vector<std::string> out;
  for (size_t k = 0; k < kEmbeddedLanguageCount; ++k) out.emplace_back(kEmbeddedLanguages[k].code);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace newsloom::timex
