#include "story/entity_resolution.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "story/country_names.h"
#include "text/chars.h"
#include "text/hash.h"
#include "text/union_find.h"

namespace newsloom::story {
namespace {

// Small tables of general English words; no names of particular people or places.
const std::unordered_set<std::string_view>& Honorifics() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx"};
  return *set;
}

// Words that end a title in front of a person's name ("Defense Minister", "spokesman").
const std::unordered_set<std::string_view>& RoleHeads() {
  static const auto* set =
      new std::unordered_set<std::string_view>{"president",     "minister",
                                               "secretary",     "leader",
                                               "chairman",      "chairwoman",
                                               "chair",         "spokesman",
                                               "spokeswoman",   "spokesperson",
                                               "general",       "ambassador",
                                               "director",      "chancellor",
                                               "premier",       "governor",
                                               "senator",       "king",
                                               "queen",         "prince",
                                               "princess",      "pope",
                                               "mayor",         "commander",
                                               "chief",         "envoy",
                                               "aide",          "adviser",
                                               "advisor",       "official",
                                               "lawmaker",      "congressman",
                                               "congresswoman", "representative",
                                               "diplomat",      "analyst",
                                               "fellow",        "researcher",
                                               "correspondent", "editor",
                                               "ceo",           "founder",
                                               "head",          "captain",
                                               "colonel",       "lieutenant",
                                               "marshal",       "admiral",
                                               "judge",         "justice",
                                               "attorney",      "gen",
                                               "col",           "lt",
                                               "sgt",           "gov",
                                               "sen",           "rep",
                                               "pres",          "deputy",
                                               "emperor",       "sultan",
                                               "sheikh",        "commissioner",
                                               "speaker"};
  return *set;
}

// Lower-case words that may sit inside a title ("foreign minister", "senior fellow").
const std::unordered_set<std::string_view>& RoleModifiers() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "foreign", "defense",  "defence",   "prime",     "vice",         "deputy",  "first",
      "chief",   "supreme",  "state",     "interior",  "finance",      "former",  "acting",
      "senior",  "national", "security",  "press",     "trade",        "economy", "assistant",
      "top",     "research", "associate", "executive", "presidential", "military"};
  return *set;
}

// Generic place-type words; a name ending in one is a place, and words of one synonym group
// compare equal in spelling variants.
const std::unordered_map<std::string_view, int>& PlaceTypes() {
  static const auto* map = new std::unordered_map<std::string_view, int>{
      {"spaceport", 1},  {"cosmodrome", 1},  {"airport", 2},   {"airfield", 2},  {"aerodrome", 2},
      {"airbase", 2},    {"port", 3},        {"harbour", 3},   {"harbor", 3},    {"seaport", 3},
      {"square", 4},     {"plaza", 4},       {"street", 5},    {"st", 5},        {"avenue", 6},
      {"ave", 6},        {"centre", 7},      {"center", 7},    {"mountain", 8},  {"mount", 8},
      {"mt", 8},         {"station", 9},     {"bridge", 10},   {"palace", 11},   {"stadium", 12},
      {"arena", 12},     {"university", 13}, {"hospital", 14}, {"park", 15},     {"museum", 16},
      {"tower", 17},     {"river", 18},      {"lake", 19},     {"island", 20},   {"isle", 20},
      {"boulevard", 21}, {"road", 22},       {"district", 23}, {"province", 24}, {"region", 25},
      {"base", 26},      {"cathedral", 27},  {"mosque", 28},   {"temple", 29},   {"bay", 30},
      {"sea", 31},       {"hall", 32}};
  return *map;
}

// Words naming a form of state, built on a place adjective ("Russian Federation").
const std::unordered_set<std::string_view>& StateForms() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "federation",    "republic",     "kingdom",   "empire",  "commonwealth",
      "confederation", "principality", "sultanate", "emirate", "state"};
  return *set;
}

// Common abbreviations inside names, expanded before comparing.
const std::unordered_map<std::string_view, std::string_view>& Abbreviations() {
  static const auto* map = new std::unordered_map<std::string_view, std::string_view>{
      {"un", "united nations"}, {"us", "united states"},  {"usa", "united states of america"},
      {"uk", "united kingdom"}, {"eu", "european union"}, {"intl", "international"},
      {"natl", "national"},     {"dept", "department"},   {"univ", "university"},
      {"assn", "association"},  {"corp", "corporation"},  {"govt", "government"}};
  return *map;
}

// Words that make a name an organisation's rather than a person's.
const std::unordered_set<std::string_view>& OrgWords() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "party",       "agency",    "council",   "ministry",   "corporation",  "corp",
      "news",        "institute", "committee", "union",      "organization", "organisation",
      "association", "company",   "group",     "bank",       "fund",         "army",
      "force",       "forces",    "office",    "department", "service",      "times",
      "post",        "press",     "inc",       "ltd",        "co",           "foundation",
      "commission",  "court",     "assembly"};
  return *set;
}

// Country names of the iso-codes list ("Korea, Republic of" read as "Republic of Korea"), key ->
// country number.
const std::unordered_map<std::string, int>& CountryAliases() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, int>;
    for (size_t i = 0; i < kCountryNameCount; ++i) {
      std::string name = kCountryNames[i].name;
      const size_t comma = name.find(", ");
      if (comma != std::string::npos) name = name.substr(comma + 2) + " " + name.substr(0, comma);
      m->emplace(EntityKey(name), kCountryNames[i].country);
    }
    return m;
  }();
  return *map;
}

// Words skipped when taking initials.
bool IsInitialsFiller(std::string_view w) {
  return w == "of" || w == "the" || w == "and" || w == "for" || w == "on" || w == "in" ||
         w == "de" || w == "&";
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out += ' ';
    out += words[i];
  }
  return out;
}

// Typographic apostrophes and dashes as ASCII, so that keys and word tests see one form.
std::string AsciiPunct(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto c = static_cast<unsigned char>(s[i + 2]);
      if (c == 0x98 || c == 0x99) {  // ‘ ’
        out += '\'';
        i += 2;
        continue;
      }
      if (c == 0x90 || c == 0x91 || c == 0x93) {  // hyphens, en dash
        out += '-';
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The folded form of one word: lower case, dots and trailing possessive dropped.
std::string WordKey(std::string_view w) {
  std::string out;
  for (char c : w) {
    if (c == '.') continue;
    out += text::AsciiLower(c);
  }
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
  while (!out.empty() && (out.back() == '\'' || out.back() == ',')) out.pop_back();
  return out;
}

bool IsHonorific(std::string_view w) { return Honorifics().count(WordKey(w)) > 0; }

std::vector<std::string> KeyWords(std::string_view key) { return SplitWords(key); }

// Title + name split inside a mention: the words up to the last role head (not the last word).
size_t RoleEnd(const std::vector<std::string>& words) {
  size_t end = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (RoleHeads().count(WordKey(words[i]))) end = i + 1;
  }
  return end;
}

struct Mention {
  size_t article;
  Span span;
  std::string text;     // as in the source
  std::string display;  // honorifics and title dropped
  std::string key;
  std::string type;
  std::string role;  // the title as written, empty when none
};

struct Node {
  std::string key;
  std::vector<std::string> words;
  std::map<std::string, int> types;
  std::vector<std::pair<std::string, int>> displays;  // first-seen order, with counts
  std::set<std::string> roles;
  std::set<size_t> articles;
  int count = 0;
  size_t first = 0;       // index of its first mention
  std::string type;       // majority
  bool attached = false;  // merged in as a short form or acronym: not a canonical candidate

  const std::string& Display() const {
    const std::pair<std::string, int>* best = &displays.front();
    for (const auto& d : displays) {
      if (d.second > best->second) best = &d;
    }
    return best->first;
  }
};

int TypeRank(const std::string& t) {
  if (t == "PER") return 0;
  if (t == "ORG") return 1;
  if (t == "LOC") return 2;
  return 3;
}

// A title just before the mention in the text: the run of capitalised words and title words
// ending at the mention, accepted when its last word is a role head. Stops at other mentions.
std::string RoleBefore(const std::string& body, Span span, const std::vector<Span>& others) {
  size_t pos = span.begin;
  std::vector<std::pair<size_t, size_t>> words;  // byte ranges, nearest first
  while (words.size() < 5) {
    if (pos == 0 || body[pos - 1] != ' ') break;
    size_t end = pos - 1;
    size_t begin = end;
    while (begin > 0) {
      const char c = body[begin - 1];
      if (c == ' ' || c == '\n' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
          c == '"') {
        break;
      }
      --begin;
    }
    if (begin == end) break;
    const std::string_view w(body.data() + begin, end - begin);
    const std::string k = WordKey(w);
    const bool capital = text::IsAsciiUpper(w.front());
    if (!capital && !RoleHeads().count(k) && !RoleModifiers().count(k)) break;
    bool in_mention = false;
    for (const Span& o : others) {
      if (o.begin < end && begin < o.end) in_mention = true;
    }
    if (in_mention) break;
    words.emplace_back(begin, end);
    pos = begin;
  }
  if (words.empty()) return "";
  const std::string_view nearest(body.data() + words.front().first,
                                 words.front().second - words.front().first);
  if (!RoleHeads().count(WordKey(nearest))) return "";
  // Drop articles at the far end ("The").
  while (!words.empty()) {
    const std::string k = WordKey(std::string_view(body.data() + words.back().first,
                                                   words.back().second - words.back().first));
    if (k != "the" && k != "a" && k != "an") break;
    words.pop_back();
  }
  if (words.empty()) return "";
  return std::string(body.substr(words.back().first, words.front().second - words.back().first));
}

std::string FoldRole(std::string_view role) {
  std::string out;
  for (const std::string& w : SplitWords(role)) {
    if (!out.empty()) out += ' ';
    out += WordKey(w);
  }
  return out;
}

// The last word of a folded role: "first deputy prime minister" and "deputy prime minister" agree.
std::string RoleHead(const std::string& role) {
  const size_t space = role.rfind(' ');
  return space == std::string::npos ? role : role.substr(space + 1);
}

std::string Initials(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (IsInitialsFiller(w) || w.empty()) continue;
    out += w[0];
  }
  return out;
}

std::string ExpandAbbreviations(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    auto it = Abbreviations().find(w);
    out += it == Abbreviations().end() ? w : std::string(it->second);
  }
  return out;
}

// An all-capital word of 2-6 letters, dots allowed ("DPRK", "U.S.").
bool LooksLikeAcronym(const Node& n) {
  if (n.words.size() != 1) return false;
  const std::string& d = n.Display();
  int letters = 0;
  for (char c : d) {
    if (c == '.') continue;
    if (!text::IsAsciiUpper(c)) return false;
    ++letters;
  }
  return letters >= 2 && letters <= 6;
}

bool CompatibleForAlias(const std::string& a, const std::string& b) {
  if (a == b) return true;
  // Countries and bodies are tagged now as places, now as organisations.
  return (a == "LOC" || a == "ORG") && (b == "LOC" || b == "ORG");
}

bool PlaceSynonyms(const std::string& a, const std::string& b) {
  auto ia = PlaceTypes().find(a), ib = PlaceTypes().find(b);
  return ia != PlaceTypes().end() && ib != PlaceTypes().end() && ia->second == ib->second;
}

size_t Letters(const std::vector<std::string>& words) {
  size_t n = 0;
  for (const auto& w : words) n += w.size();
  return n;
}

// Names that may be spelling variants of one another (see the header).
bool SpellingVariants(const Node& a, const Node& b) {
  if (a.words.size() != b.words.size() || a.words.size() < 2) return false;
  if (Letters(a.words) < 10 || Letters(b.words) < 10) return false;
  bool anchor = false, differ = false;
  for (size_t i = 0; i < a.words.size(); ++i) {
    const std::string& x = a.words[i];
    const std::string& y = b.words[i];
    if (x == y || PlaceSynonyms(x, y)) {
      anchor = true;
      if (x != y) differ = true;
      continue;
    }
    if (x.size() < 5 || y.size() < 5 || x[0] != y[0]) return false;
    if (EditDistance(x, y) > 2) return false;
    differ = true;
  }
  return anchor && differ;
}

// Repairs of tagger spans that resolution depends on, in text order:
//   - an honorific tagged alone ("Mr" of "Mr. Kim") joins the mention right after it, or is
//     dropped;
//   - a person's name cut at a hyphen ("Kim Jong" of "Kim Jong-un") takes the lower-case rest of
//     the word.
// Mentions with spans outside the body are dropped.
std::vector<EntityMention> FixMentions(const std::string& body,
                                       const std::vector<EntityMention>& in) {
  std::vector<EntityMention> mentions;
  for (const EntityMention& e : in) {
    if (e.span.end <= e.span.begin || e.span.end > body.size()) continue;
    mentions.push_back(e);
  }
  std::sort(mentions.begin(), mentions.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.begin < b.span.begin;
  });
  std::vector<EntityMention> out;
  for (size_t i = 0; i < mentions.size(); ++i) {
    EntityMention m = mentions[i];
    const std::string text = body.substr(m.span.begin, m.span.size());
    if (SplitWords(text).size() == 1 && IsHonorific(text)) {
      // Glue to the next mention when only a dot and spaces lie between.
      if (i + 1 < mentions.size()) {
        const EntityMention& next = mentions[i + 1];
        bool gap_ok = next.span.begin >= m.span.end && next.span.begin - m.span.end <= 3;
        for (uint32_t k = m.span.end; gap_ok && k < next.span.begin; ++k) {
          gap_ok = body[k] == '.' || body[k] == ' ';
        }
        if (gap_ok) {
          EntityMention joined = next;
          joined.span.begin = m.span.begin;
          joined.text = body.substr(joined.span.begin, joined.span.size());
          mentions[i + 1] = joined;
        }
      }
      continue;
    }
    uint32_t end = m.span.end;
    while (m.type == "PER" && end + 1 < body.size() && body[end] == '-' &&
           text::IsAsciiLower(body[end + 1])) {
      uint32_t k = end + 1;
      while (k < body.size() && text::IsAsciiLower(body[k])) ++k;
      end = k;
    }
    if (end != m.span.end && (i + 1 >= mentions.size() || mentions[i + 1].span.begin >= end)) {
      m.span.end = end;
      m.text = body.substr(m.span.begin, m.span.size());
    }
    out.push_back(std::move(m));
  }
  return out;
}

// An all-capital word of 2-6 letters, dots allowed ("DPRK", "U.S.").
bool IsAcronymWord(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c == '.') continue;
    if (!text::IsAsciiUpper(c)) return false;
    ++letters;
  }
  return letters >= 2 && letters <= 6;
}

// A known acronym tagged together with a person's name after it ("UN Hwang Joon-kook" in
// "Ambassador to UN Hwang Joon-kook"): the name alone, as a person. Names holding organisation or
// place words ("UN Security Council") stay whole.
std::vector<EntityMention> SplitLeadingAcronyms(const std::string& body,
                                                std::vector<EntityMention> mentions,
                                                const std::unordered_set<std::string>& acronyms) {
  for (EntityMention& m : mentions) {
    const std::string text = body.substr(m.span.begin, m.span.size());
    const std::vector<std::string> words = SplitWords(text);
    if (words.size() < 3 || !IsAcronymWord(words[0]) || !acronyms.count(WordKey(words[0])))
      continue;
    bool names = true, org = false;
    for (size_t i = 1; i < words.size(); ++i) {
      names = names && text::IsAsciiUpper(words[i][0]) && !IsAcronymWord(words[i]);
      const std::string k = WordKey(words[i]);
      org = org || OrgWords().count(k) || PlaceTypes().count(k);
    }
    if (!names || org) continue;
    const size_t skip = text.find_first_not_of(' ', words[0].size());
    m.span.begin += static_cast<uint32_t>(skip);
    m.text = body.substr(m.span.begin, m.span.size());
    m.type = "PER";
  }
  return mentions;
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string EntityKey(std::string_view name) {
  std::string ascii = AsciiPunct(name);
  for (char& c : ascii) {
    if (c == '-') c = ' ';
  }
  std::vector<std::string> words = SplitWords(ascii);
  size_t begin = 0;
  while (begin + 1 < words.size() && IsHonorific(words[begin])) ++begin;
  std::string out;
  for (size_t i = begin; i < words.size(); ++i) {
    std::string k = WordKey(words[i]);
    if (k.empty()) continue;
    if (!out.empty()) out += ' ';
    out += k;
  }
  return out;
}

std::string EntityId(std::string_view type, std::string_view name) {
  std::string s(type);
  s += '\t';
  s += EntityKey(name);
  return text::HexId(text::Hash64(s));
}

namespace {

// The cleaned mentions of a story's articles, in text order, honorifics and titles split off.
std::vector<Mention> CollectMentions(const std::vector<const AnalyzedArticle*>& articles) {
  std::vector<std::vector<EntityMention>> fixed_of(articles.size());
  std::unordered_set<std::string> acronyms;  // one-word all-capital mentions of the story
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    if (articles[ai] == nullptr) continue;
    fixed_of[ai] = FixMentions(articles[ai]->article.body, articles[ai]->entities);
    for (const EntityMention& e : fixed_of[ai]) {
      const std::string text = articles[ai]->article.body.substr(e.span.begin, e.span.size());
      if (IsAcronymWord(text)) acronyms.insert(WordKey(text));
    }
  }
  std::vector<Mention> mentions;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    if (articles[ai] == nullptr) continue;
    const std::string& body = articles[ai]->article.body;
    std::vector<EntityMention> fixed = SplitLeadingAcronyms(body, fixed_of[ai], acronyms);
    std::vector<Span> spans;
    for (const EntityMention& e : fixed) spans.push_back(e.span);
    for (const EntityMention& e : fixed) {
      if (e.span.end <= e.span.begin || e.span.end > body.size()) continue;
      Mention m;
      m.article = ai;
      m.span = e.span;
      m.text = body.substr(e.span.begin, e.span.size());
      m.type = e.type.empty() ? "MISC" : e.type;
      std::vector<std::string> words = SplitWords(AsciiPunct(m.text));
      size_t begin = 0;
      while (begin + 1 < words.size() && IsHonorific(words[begin])) ++begin;
      if (m.type == "PER") {
        const size_t role_end =
            RoleEnd(std::vector<std::string>(words.begin() + begin, words.end()));
        if (role_end > 0) {
          m.role = Join(words, begin, begin + role_end);
          begin += role_end;
        }
        if (m.role.empty()) {
          std::vector<Span> others;
          for (const Span& o : spans) {
            if (o.begin != e.span.begin) others.push_back(o);
          }
          m.role = RoleBefore(body, e.span, others);
        }
      }
      m.display = Join(words, begin, words.size());
      if (m.display.size() > 2 && m.display.compare(m.display.size() - 2, 2, "'s") == 0) {
        m.display.resize(m.display.size() - 2);
      }
      m.key = EntityKey(m.display);
      if (m.key.empty()) continue;
      // A "person" named after a place type is the place ("... Square").
      const std::vector<std::string> kw = KeyWords(m.key);
      if (m.type == "PER" && kw.size() > 1 && PlaceTypes().count(kw.back())) m.type = "LOC";
      mentions.push_back(std::move(m));
    }
  }
  return mentions;
}

// The most frequent of `types` (type -> count); ties go to the type of lower TypeRank.
std::string MajorityType(const std::map<std::string, int>& types) {
  std::string type;
  int best = -1;
  for (const auto& [t, c] : types) {
    if (c > best || (c == best && TypeRank(t) < TypeRank(type))) {
      best = c;
      type = t;
    }
  }
  return type;
}

// Entity resolution over one story: a node per distinct name key, joined by the merge rules in
// order; each rule names itself as the reason of the merges it makes.
class Resolver {
 public:
  Resolver(const std::vector<const AnalyzedArticle*>& articles, std::vector<Mention> mentions)
      : articles_(articles), mentions_(std::move(mentions)) {
    BuildNodes();
  }

  ResolvedEntities Run() {
    // Candidates come from lookups by key, so the cost stays near linear in the number of names
    // (large stories have thousands).
    MergeAcronyms();
    MergeCountryNames();
    MergeAbbreviations();
    MergeCountryAdjectives();
    MergeSpellingVariants();
    MergeShortForms();
    out_.entities = BuildEntities();
    return std::move(out_);
  }

 private:
  void BuildNodes() {
    std::unordered_map<std::string, size_t> node_of_key;
    node_of_.resize(mentions_.size());
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      auto [it, inserted] = node_of_key.emplace(m.key, nodes_.size());
      if (inserted) {
        Node n;
        n.key = m.key;
        n.words = KeyWords(m.key);
        n.first = i;
        nodes_.push_back(std::move(n));
      }
      Node& n = nodes_[it->second];
      node_of_[i] = it->second;
      ++n.count;
      ++n.types[m.type];
      if (!m.role.empty()) n.roles.insert(FoldRole(m.role));
      n.articles.insert(m.article);
      auto d = std::find_if(n.displays.begin(), n.displays.end(),
                            [&](const auto& p) { return p.first == m.display; });
      if (d == n.displays.end()) {
        n.displays.emplace_back(m.display, 1);
      } else {
        ++d->second;
      }
    }
    for (Node& n : nodes_) n.type = MajorityType(n.types);
    sets_ = text::UnionFind(nodes_.size());
  }

  void Merge(size_t a, size_t b, const char* reason) {
    if (sets_.Union(a, b)) {
      out_.merges.push_back(EntityMerge{nodes_[a].Display(), nodes_[b].Display(), reason});
    }
  }

  // Every pair (x < y) of each group of `groups` (key -> node indexes).
  template <typename Groups, typename Visit>
  static void ForPairs(const Groups& groups, Visit visit) {
    for (const auto& [key, members] : groups) {
      for (size_t x = 0; x < members.size(); ++x) {
        for (size_t y = x + 1; y < members.size(); ++y) visit(members[x], members[y]);
      }
    }
  }

  // "UN" and "United Nations": an acronym joins the names of its initials.
  void MergeAcronyms() {
    std::unordered_map<std::string, std::vector<size_t>> by_initials;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].words.size() >= 2) by_initials[Initials(nodes_[i].words)].push_back(i);
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& a = nodes_[i];
      if (!LooksLikeAcronym(a)) continue;
      auto it = by_initials.find(a.key);
      if (it == by_initials.end()) continue;
      for (size_t j : it->second) {
        const Node& b = nodes_[j];
        if (CompatibleForAlias(a.type, b.type) ||
            (a.type == "MISC" && (b.type == "LOC" || b.type == "ORG"))) {
          nodes_[i].attached = true;
          Merge(j, i, "acronym");
        }
      }
    }
  }

  // "Viet Nam" and "Socialist Republic of Viet Nam": names of one country of the iso-codes list.
  void MergeCountryNames() {
    std::map<int, std::vector<size_t>> by_country;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      auto c = CountryAliases().find(nodes_[i].key);
      if (c != CountryAliases().end()) by_country[c->second].push_back(i);
    }
    ForPairs(by_country, [&](size_t i, size_t j) {
      if (CompatibleForAlias(nodes_[i].type, nodes_[j].type)) Merge(i, j, "country name");
    });
  }

  // "Dept. of Justice" and "Department of Justice": the same name once abbreviations are expanded.
  void MergeAbbreviations() {
    std::map<std::string, std::vector<size_t>> by_expansion;  // iterated: ordered for the log
    std::vector<std::string> expansion(nodes_.size());
    for (size_t i = 0; i < nodes_.size(); ++i) {
      expansion[i] = ExpandAbbreviations(nodes_[i].words);
      by_expansion[expansion[i]].push_back(i);
    }
    ForPairs(by_expansion, [&](size_t i, size_t j) {
      if (!CompatibleForAlias(nodes_[i].type, nodes_[j].type)) return;
      const bool i_short = expansion[i] != nodes_[i].key;
      if (!i_short && expansion[j] == nodes_[j].key) return;
      (i_short ? nodes_[i] : nodes_[j]).attached = true;
      Merge(i_short ? j : i, i_short ? i : j, "abbreviation");
    });
  }

  // "Russian Federation" and "Russia": a state form named by its adjective joins the place.
  void MergeCountryAdjectives() {
    std::unordered_map<std::string, std::vector<size_t>> by_key1;  // one-word places
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].words.size() == 1 && nodes_[i].type == "LOC")
        by_key1[nodes_[i].key].push_back(i);
    }
    for (size_t j = 0; j < nodes_.size(); ++j) {
      const Node& b = nodes_[j];
      if (b.words.size() != 2 || !StateForms().count(b.words.back())) continue;
      if (!CompatibleForAlias("LOC", b.type)) continue;
      const std::string& adjective = b.words[0];
      for (size_t cut = 1; cut <= 3 && cut < adjective.size(); ++cut) {
        auto it = by_key1.find(adjective.substr(0, adjective.size() - cut));
        if (it == by_key1.end()) continue;
        for (size_t i : it->second) {
          nodes_[j].attached = true;
          Merge(i, j, "country name");
        }
      }
    }
  }

  // Spelling variants of one shape, only when their roles or their contexts agree.
  void MergeSpellingVariants() {
    std::vector<std::set<size_t>> nodes_in_article(articles_.size());
    for (size_t i = 0; i < mentions_.size(); ++i) {
      nodes_in_article[mentions_[i].article].insert(node_of_[i]);
    }
    auto context = [&](const Node& n) {
      std::set<size_t> c;
      for (size_t art : n.articles) {
        c.insert(nodes_in_article[art].begin(), nodes_in_article[art].end());
      }
      return c;
    };
    std::map<std::pair<std::string, size_t>, std::vector<size_t>> by_shape;  // (type, words)
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].words.size() >= 2 && Letters(nodes_[i].words) >= 10) {
        by_shape[{nodes_[i].type, nodes_[i].words.size()}].push_back(i);
      }
    }
    ForPairs(by_shape, [&](size_t i, size_t j) {
      const Node& a = nodes_[i];
      const Node& b = nodes_[j];
      if (!SpellingVariants(a, b)) return;
      bool same_role = false;
      for (const auto& r : a.roles) {
        for (const auto& q : b.roles) same_role |= RoleHead(r) == RoleHead(q);
      }
      if (!same_role && !a.roles.empty() && !b.roles.empty()) return;  // roles disagree
      if (same_role) return Merge(i, j, "spelling variant, same role");
      const std::set<size_t> ca = context(a), cb = context(b);
      int shared = 0;
      for (size_t k : ca) {
        if (k != i && k != j && cb.count(k) && sets_.Find(k) != sets_.Find(i) &&
            sets_.Find(k) != sets_.Find(j)) {
          ++shared;
        }
      }
      if (shared >= 2) Merge(i, j, "spelling variant, shared context");
    });
  }

  // A one-word person name joins the most mentioned compatible full name ("Kim", "Kim Jong Un").
  void MergeShortForms() {
    std::map<size_t, int> group_count;
    std::map<size_t, size_t> group_first;
    std::vector<bool> has_full(nodes_.size(), false);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const size_t r = sets_.Find(i);
      group_count[r] += nodes_[i].count;
      auto it = group_first.find(r);
      if (it == group_first.end() || nodes_[i].first < it->second) group_first[r] = nodes_[i].first;
      if (nodes_[i].words.size() >= 2) has_full[r] = true;
    }
    std::unordered_map<std::string, std::vector<size_t>> full_by_end_word;  // first or last word
    for (size_t j = 0; j < nodes_.size(); ++j) {
      const Node& f = nodes_[j];
      if (f.type != "PER" || f.words.size() < 2) continue;
      full_by_end_word[f.words.front()].push_back(j);
      if (f.words.back() != f.words.front()) full_by_end_word[f.words.back()].push_back(j);
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& s = nodes_[i];
      if (s.type != "PER" || s.words.size() != 1 || has_full[sets_.Find(i)]) continue;
      auto candidates = full_by_end_word.find(s.key);
      if (candidates == full_by_end_word.end()) continue;
      size_t best = nodes_.size();
      size_t best_root = 0;
      for (size_t j : candidates->second) {
        const size_t r = sets_.Find(j);
        if (best == nodes_.size() || group_count[r] > group_count[best_root] ||
            (group_count[r] == group_count[best_root] && group_first[r] < group_first[best_root])) {
          best = j;
          best_root = r;
        }
      }
      if (best != nodes_.size()) {
        nodes_[i].attached = true;
        Merge(best, i, "short form");
      }
    }
  }

  // The canonical node of a group: the most mentioned full form, then the longer, then the first.
  const Node& Canonical(const std::vector<size_t>& member_nodes) const {
    const Node* canon = nullptr;
    for (bool allow_attached : {false, true}) {
      for (size_t ni : member_nodes) {
        const Node& n = nodes_[ni];
        if (n.attached && !allow_attached) continue;
        if (canon == nullptr || n.count > canon->count ||
            (n.count == canon->count && n.words.size() > canon->words.size()) ||
            (n.count == canon->count && n.words.size() == canon->words.size() &&
             n.first < canon->first)) {
          canon = &n;
        }
      }
      if (canon != nullptr) break;
    }
    return *canon;
  }

  // One entity per group, the most mentioned first, then in text order.
  std::vector<StoryEntity> BuildEntities() {
    std::map<size_t, std::vector<size_t>> groups;  // root -> mention indexes, text order
    for (size_t i = 0; i < mentions_.size(); ++i) groups[sets_.Find(node_of_[i])].push_back(i);
    std::map<size_t, std::vector<size_t>> nodes_of_root;
    for (size_t i = 0; i < nodes_.size(); ++i) nodes_of_root[sets_.Find(i)].push_back(i);
    std::vector<std::pair<StoryEntity, size_t>> built;  // with its first mention
    for (const auto& [root, members] : groups) {
      std::map<std::string, int> types;
      for (size_t m : members) ++types[mentions_[m].type];
      StoryEntity e;
      e.name = Canonical(nodes_of_root[root]).Display();
      e.type = MajorityType(types);
      e.id = EntityId(e.type, e.name);
      std::set<std::string> seen_variants, seen_roles;
      for (size_t m : members) {
        const Mention& mm = mentions_[m];
        if (seen_variants.insert(mm.text).second) e.variants.push_back(mm.text);
        if (!mm.role.empty() && seen_roles.insert(FoldRole(mm.role)).second) {
          e.roles.push_back(mm.role);
        }
        e.mentions.push_back(Citation{articles_[mm.article]->article.id, mm.span, mm.text});
      }
      built.emplace_back(std::move(e), members.front());
    }
    std::sort(built.begin(), built.end(), [](const auto& a, const auto& b) {
      if (a.first.mentions.size() != b.first.mentions.size()) {
        return a.first.mentions.size() > b.first.mentions.size();
      }
      return a.second < b.second;
    });
    std::vector<StoryEntity> entities;
    for (auto& [e, first] : built) entities.push_back(std::move(e));
    return entities;
  }

  const std::vector<const AnalyzedArticle*>& articles_;
  const std::vector<Mention> mentions_;
  std::vector<Node> nodes_;
  std::vector<size_t> node_of_;  // mention -> node
  text::UnionFind sets_;
  ResolvedEntities out_;
};

}  // namespace

ResolvedEntities ResolveEntities(const std::vector<const AnalyzedArticle*>& articles) {
  std::vector<Mention> mentions = CollectMentions(articles);
  if (mentions.empty()) return {};
  return Resolver(articles, std::move(mentions)).Run();
}

}  // namespace newsloom::story
