#include "newsloom/quotes.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyze/quote_marks.h"
#include "text/chars.h"
#include "text/segment.h"

namespace newsloom::analyze {
namespace {

// ---- tokens ----

enum class TokKind { kWord, kPunct, kNewline };

struct Tok {
  uint32_t begin, end;
  TokKind kind;
  std::string lower;  // ASCII-lowered text
  bool cap = false;
  int quote = -1;   // index of the raw quote that holds it
  uint8_t lex = 0;  // LexFlags of `lower`, looked up once
};

const std::unordered_set<std::string>& Abbreviations() {
  static const auto* set = new std::unordered_set<std::string>{
      "mr",   "mrs", "ms",  "dr",   "sen",  "rep",  "gov",  "gen",  "col", "lt",
      "sgt",  "st",  "jr",  "sr",   "prof", "rev",  "capt", "cmdr", "adm", "maj",
      "pres", "no",  "inc", "corp", "co",   "ltd",  "u.s",  "u.n",  "u.k", "e.u",
      "d.c",  "vs",  "fr",  "hon",  "amb",  "supt", "insp", "gens"};
  return *set;
}

// The tokens as the rules read them, with a newline token at each paragraph break. A dot after an
// abbreviation or a capital initial, or before a comma or parenthesis ("R-Ky., said", "(D-Md.)
// said"), joins its word: it ends no sentence.
std::vector<Tok> FromTokens(std::string_view s, const std::vector<Token>& tokens) {
  std::vector<Tok> toks;
  toks.reserve(tokens.size() + tokens.size() / 8);
  uint32_t pos = 0;
  auto newlines_before = [&](uint32_t end) {
    for (; pos < end; ++pos) {
      if (s[pos] == '\n') toks.push_back({pos, pos + 1, TokKind::kNewline, {}});
    }
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    newlines_before(token.span.begin);
    Tok t{token.span.begin, token.span.end, token.is_word ? TokKind::kWord : TokKind::kPunct,
          token.norm};
    t.cap = token.capitalized;
    if (t.kind == TokKind::kWord && k + 1 < tokens.size() && tokens[k + 1].norm == "." &&
        tokens[k + 1].span.begin == t.end) {
      const uint32_t after = tokens[k + 1].span.end;
      const bool initial = t.end - t.begin == 1 && text::IsAsciiUpper(s[t.begin]);
      if (Abbreviations().count(t.lower) || initial ||
          (after < s.size() && (s[after] == ',' || s[after] == ')'))) {
        t.end = after;
        ++k;
      }
    }
    pos = t.end;
    toks.push_back(std::move(t));
  }
  newlines_before(static_cast<uint32_t>(s.size()));
  return toks;
}

// ---- lexicon ----

const std::unordered_set<std::string>& CueVerbs() {
  static const auto* set = new std::unordered_set<std::string>{
      "said",       "says",         "say",          "told",        "tells",      "added",
      "adds",       "noted",        "notes",        "stated",      "states",     "warned",
      "warns",      "argued",       "argues",       "claimed",     "claims",     "explained",
      "explains",   "insisted",     "insists",      "announced",   "announces",  "reported",
      "reports",    "acknowledged", "acknowledges", "asked",       "asks",       "wrote",
      "writes",     "declared",     "declares",     "replied",     "replies",    "responded",
      "responds",   "recalled",     "recalls",      "suggested",   "suggests",   "tweeted",
      "tweets",     "quipped",      "conceded",     "concedes",    "admitted",   "admits",
      "emphasized", "emphasised",   "stressed",     "stresses",    "urged",      "urges",
      "predicted",  "predicts",     "observed",     "remarked",    "asserted",   "asserts",
      "maintained", "maintains",    "contended",    "contends",    "countered",  "joked",
      "cautioned",  "complained",   "boasted",      "vowed",       "promised",   "continued",
      "continues",  "exclaimed",    "whispered",    "shouted",     "mused",      "wondered",
      "agreed",     "charged",      "alleged",      "alleges",     "testified",  "confirmed",
      "confirms",   "denied",       "denies",       "saying",      "telling",    "adding",
      "noting",     "warning",      "arguing",      "writing",     "declaring",  "explaining",
      "insisting",  "called",       "calls",        "described",   "describes",  "dubbed",
      "labeled",    "labelled",     "concluded",    "concludes",   "conclude",   "retaliated",
      "recounted",  "elaborated",   "chanted",      "yelled",      "answered",   "offered",
      "opined",     "lamented",     "reasoned",     "scoffed",     "snapped",    "pledged",
      "proclaimed", "proclaims",    "began",        "wrote",       "read",       "reads",
      "posted",     "observes",     "remarks",      "thundered",   "laughed",    "sighed",
      "quoted",     "quipped",      "explains",     "pleaded",     "demanded",   "questioned",
      "tweeted",    "announced",    "summed",       "told",        "recalls",    "worried",
      "reaffirmed", "reaffirms",    "underscored",  "underscores", "reiterated", "reiterates",
      "affirmed",   "highlighted",  "calling",      "describing",  "dubbing",    "labeling",
      "branding",   "branded",      "assured",      "commented",   "remarked",   "responded",
      "cautioned",  "stated"};
  return *set;
}
// Cues that name what something was called rather than report speech: good for a short direct
// quote in the same sentence, not for indirect speech.
bool IsNamingCue(const std::string& w) {
  return w == "called" || w == "calls" || w == "described" || w == "describes" || w == "dubbed" ||
         w == "labeled" || w == "labelled" || w == "calling" || w == "describing" ||
         w == "dubbing" || w == "labeling" || w == "branding" || w == "branded";
}
// Cues whose object is not the speaker ("told reporters", "called him"): the speaker may only
// come before them.
bool Invertible(const std::string& w) {
  return !(IsNamingCue(w) || w == "told" || w == "tells" || w == "urged" || w == "urges" ||
           w == "promised" || w == "quoted");
}
bool IsParticipleCue(const std::string& w) {
  return w != "according" && w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
}

const std::unordered_set<std::string>& Boundary() {
  static const auto* set = new std::unordered_set<std::string>{
      "that",  "and",     "but",   "or",     "as",     "when",    "while",   "which",    "who",
      "whom",  "because", "if",    "so",     "than",   "after",   "before",  "since",    "where",
      "what",  "how",     "in",    "on",     "at",     "to",      "for",     "with",     "from",
      "by",    "said",    "says",  "told",   "is",     "was",     "were",    "are",      "be",
      "been",  "it",      "this",  "there",  "not",    "also",    "has",     "had",      "have",
      "would", "will",    "could", "should", "may",    "might",   "can",     "did",      "does",
      "do",    "about",   "into",  "over",   "under",  "during",  "without", "although", "though",
      "yet",   "then",    "once",  "until",  "unless", "whether", "why",     "those",    "these",
      "its",   "here"};
  return *set;
}
const std::unordered_set<std::string>& SkipBeforeCue() {
  static const auto* set = new std::unordered_set<std::string>{
      "also",       "later",   "then",     "has",          "had",        "have",      "was",
      "is",         "would",   "will",     "reportedly",   "previously", "once",      "further",
      "repeatedly", "again",   "recently", "subsequently", "first",      "initially", "often",
      "never",      "already", "just",     "has",          "simply",     "only",      "privately",
      "publicly",   "even",    "still",    "now",          "had",        "did",       "does",
      "do",         "not"};
  return *set;
}
const std::unordered_set<std::string>& Determiners() {
  static const auto* set = new std::unordered_set<std::string>{
      "the",  "a",    "an",    "another", "his",  "her",     "their", "our",
      "one",  "two",  "three", "some",    "many", "several", "both",  "other",
      "most", "each", "every", "few",     "no",   "my",      "your"};
  return *set;
}
// Lower-case heads that name a speaker on their own ("sources said", "officials say").
const std::unordered_set<std::string>& SpeakerNouns() {
  static const auto* set = new std::unordered_set<std::string>{
      "sources",    "source",      "officials",   "official",      "police",      "experts",
      "analysts",   "critics",     "aides",       "spokesman",     "spokeswoman", "spokesperson",
      "residents",  "witnesses",   "lawmakers",   "democrats",     "republicans", "observers",
      "people",     "voters",      "authorities", "investigators", "prosecutors", "diplomats",
      "scientists", "researchers", "economists",  "reports",       "polls",       "supporters",
      "opponents",  "insiders",    "others",      "doctors",       "statement",   "media",
      "reporters",  "organizers",  "organisers",  "leaders",       "members"};
  return *set;
}

enum LexFlag : uint8_t {
  kCue = 1,
  kBoundary = 2,
  kSkip = 4,
  kDet = 8,
  kPronoun = 16,
  kSpeakerNoun = 32
};

using LexTable = std::unordered_map<std::string, uint8_t>;

// English: one lookup per word instead of one per set and test.
const LexTable& EnglishLexicon() {
  static const auto* table = [] {
    auto* t = new LexTable;
    for (const std::string& x : CueVerbs()) (*t)[x] |= kCue;
    for (const std::string& x : Boundary()) (*t)[x] |= kBoundary;
    for (const std::string& x : SkipBeforeCue()) (*t)[x] |= kSkip;
    for (const std::string& x : Determiners()) (*t)[x] |= kDet;
    for (const char* x : {"he", "she", "they", "i", "we", "you", "him", "it"}) (*t)[x] |= kPronoun;
    for (const std::string& x : SpeakerNouns()) (*t)[x] |= kSpeakerNoun;
    return t;
  }();
  return *table;
}

// The words of one language in each role, as the rules read them (normalised as the analysis
// normalises tokens: "äußerte" is "äusserte").
struct LanguageWords {
  std::vector<const char*> cues, boundaries, skip_before_cue, determiners, pronouns, speaker_nouns;
};

// The English words stay: pages mix languages (an English report opening with a French tweet is
// detected as French), and English speech verbs are rarely words of another language.
LexTable BuildLexicon(const LanguageWords& words) {
  LexTable t = EnglishLexicon();
  const auto add = [&t](const std::vector<const char*>& list, uint8_t flag) {
    for (const char* w : list) t[text::NormalizeWord(w)] |= flag;
  };
  add(words.cues, kCue);
  add(words.boundaries, kBoundary);
  add(words.skip_before_cue, kSkip);
  add(words.determiners, kDet);
  add(words.pronouns, kPronoun);
  add(words.speaker_nouns, kSpeakerNoun);
  return t;
}

// Speech verbs ("sagte", "a déclaré", "dijo"), "according to" words ("laut", "selon", "según"),
// and the function words the speaker rules stop at, for the languages with their own, added to the
// English words; other languages are read with the English words alone.
const LexTable& LexiconFor(std::string_view language) {
  static const auto* german = new LexTable(BuildLexicon(
      {.cues = {"sagte",       "sagten",      "sagt",        "sagen",      "erklärte",
                "erklärten",   "erklärt",     "betonte",     "betont",     "meinte",
                "meint",       "warnte",      "warnt",       "ergänzte",   "fügte",
                "schrieb",     "schreibt",    "berichtete",  "kündigte",   "teilte",
                "verkündete",  "bestätigte",  "bekräftigte", "forderte",   "kritisierte",
                "unterstrich", "versicherte", "äußerte",     "antwortete", "entgegnete",
                "räumte",      "laut",        "zufolge"},
       .boundaries = {"dass",    "und",      "aber",     "oder",       "als",     "wenn",
                      "weil",    "ob",       "nachdem",  "bevor",      "seit",    "wo",
                      "was",     "wie",      "in",       "im",         "am",      "auf",
                      "zu",      "für",      "mit",      "von",        "vom",     "bei",
                      "ist",     "war",      "sei",      "es",         "dies",    "nicht",
                      "montag",  "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                      "sonntag", "gestern",  "heute"},
       .skip_before_cue = {"hat", "habe", "hatte", "auch", "zudem", "zuvor", "noch", "später",
                           "bereits", "nun", "jetzt", "dann", "erneut"},
       .determiners = {"der",   "die",    "das",   "den",     "dem",   "des",   "ein",  "eine",
                       "einen", "einem",  "einer", "sein",    "seine", "ihr",   "ihre", "zwei",
                       "drei",  "einige", "viele", "mehrere", "beide", "andere"},
       .pronouns = {"er", "sie", "ich", "wir", "man"},
       .speaker_nouns = {"sprecher", "sprecherin", "polizei", "experten", "beamte", "behörden",
                         "ermittler", "staatsanwaltschaft", "regierung", "ministerium", "zeugen",
                         "augenzeugen", "kritiker", "quellen", "analysten", "medien"}}));
  static const auto* french = new LexTable(BuildLexicon(
      {.cues = {"déclaré",  "déclare",  "affirmé",  "affirme", "dit",      "expliqué", "explique",
                "souligné", "souligne", "ajouté",   "ajoute",  "indiqué",  "indique",  "annoncé",
                "précisé",  "précise",  "assuré",   "assure",  "estimé",   "estime",   "averti",
                "insisté",  "rappelé",  "rappelle", "confié",  "martelé",  "répondu",  "répond",
                "écrit",    "dit-il",   "dit-elle", "a-t-il",  "a-t-elle", "selon",    "d'après"},
       .boundaries = {"que",   "qu",         "et",       "mais",  "ou",       "quand",  "lorsque",
                      "parce", "si",         "où",       "qui",   "dans",     "en",     "au",
                      "aux",   "à",          "pour",     "avec",  "de",       "du",     "par",
                      "est",   "était",      "sera",     "ce",    "cette",    "ne",     "pas",
                      "lundi", "mardi",      "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                      "hier",  "aujourd'hui"},
       .skip_before_cue = {"a", "avait", "aurait", "ont", "également", "aussi", "encore", "déjà",
                           "ensuite", "notamment", "alors"},
       .determiners = {"le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur",
                       "leurs", "deux", "trois", "plusieurs", "certains"},
       .pronouns = {"il", "elle", "ils", "elles", "je", "nous", "on"},
       .speaker_nouns = {"porte-parole", "police", "experts", "responsables", "autorités",
                         "enquêteurs", "témoins", "sources", "analystes", "ministère",
                         "gouvernement", "médias", "communiqué", "parquet"}}));
  static const auto* spanish = new LexTable(BuildLexicon(
      {.cues = {"dijo",    "dice",    "afirmó",    "afirma",   "declaró",  "declara",   "explicó",
                "explica", "aseguró", "asegura",   "señaló",   "señala",   "indicó",    "indica",
                "añadió",  "agregó",  "advirtió",  "advierte", "anunció",  "sostuvo",   "manifestó",
                "subrayó", "destacó", "insistió",  "recordó",  "escribió", "respondió", "comentó",
                "apuntó",  "precisó", "reconoció", "según"},
       .boundaries = {"que",    "y",       "pero",  "o",      "cuando",    "porque", "si",
                      "donde",  "quien",   "en",    "a",      "al",        "para",   "con",
                      "de",     "del",     "por",   "es",     "era",       "fue",    "no",
                      "lo",     "se",      "lunes", "martes", "miércoles", "jueves", "viernes",
                      "sábado", "domingo", "ayer",  "hoy"},
       .skip_before_cue = {"ha", "había", "habría", "han", "también", "además", "ya", "luego",
                           "después"},
       .determiners = {"el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "dos",
                       "tres", "varios", "varias", "algunos"},
       .pronouns = {"él", "ella", "ellos", "ellas", "yo", "nosotros"},
       .speaker_nouns = {"portavoz", "policía", "expertos", "autoridades", "fuentes", "testigos",
                         "investigadores", "analistas", "fiscalía", "gobierno", "ministerio",
                         "medios", "comunicado", "funcionarios"}}));
  if (language == "de") return *german;
  if (language == "fr") return *french;
  if (language == "es") return *spanish;
  return EnglishLexicon();
}

uint8_t LexFlags(const std::string& w, const LexTable& table) {
  auto it = table.find(w);
  return it == table.end() ? 0 : it->second;
}

bool IsDash(const Tok& t) {
  return t.kind == TokKind::kPunct &&
         (t.lower == "-" || t.lower == "\xE2\x80\x94" || t.lower == "\xE2\x80\x95" ||
          t.lower == "\xE2\x80\x93");  // -, em dash, horizontal bar, en dash
}

bool IsSentenceEnd(const Tok& t) {
  return t.kind == TokKind::kNewline ||
         (t.kind == TokKind::kPunct && (t.lower == "." || t.lower == "!" || t.lower == "?"));
}

struct Np {
  int first = -1, last = -1;  // token indices, inclusive
  bool ok() const { return first >= 0; }
};

// A speaker must start with a capitalised word, a determiner or a pronoun, or be a lone speaker
// noun ("sources"); leading lower-case words are dropped until one of those starts it.
Np TrimNp(const std::vector<Tok>& toks, int first, int last) {
  while (first <= last) {
    const Tok& t = toks[first];
    if (t.cap || (t.lex & kDet) || (t.lex & kPronoun) || (t.lex & kSpeakerNoun)) break;
    ++first;
  }
  if (first > last) return {};
  // A pronoun stands alone.
  if ((toks[first].lex & kPronoun) && first != last) {
    if ((toks[last].lex & kPronoun)) return {last, last};
    return {};
  }
  return {first, last};
}

// The noun phrase ending right before token `cue` (adverbs and auxiliaries in between skipped),
// not reaching below `lo`.
bool IsTimeWord(const Tok& t) {
  static const std::unordered_set<std::string> kTime = {
      "monday",    "tuesday",   "wednesday", "thursday", "friday",    "saturday", "sunday", "today",
      "yesterday", "tonight",   "last",      "this",     "next",      "local",    "time",   "week",
      "weekend",   "month",     "year",      "morning",  "afternoon", "evening",  "night",  "day",
      "earlier",   "later",     "january",   "february", "march",     "april",    "may",    "june",
      "july",      "august",    "september", "october",  "november",  "december", "the",    "a",
      "recent",    "interview", "statement", "separate"};
  if (t.kind != TokKind::kWord) return false;
  if (t.lower[0] >= '0' && t.lower[0] <= '9') return true;
  return kTime.count(t.lower) > 0;
}

Np NpBefore(const std::vector<Tok>& toks, int cue, int lo) {
  int j = cue - 1;
  // "Rep. Elijah E. Cummings (D-Md.) said": a parenthesis between name and cue is passed over.
  if (j > lo && toks[j].lower == ")") {
    int k = j - 1;
    while (k >= lo && k > j - 8 && toks[k].lower != "(" && toks[k].kind != TokKind::kNewline) --k;
    if (k > lo && toks[k].lower == "(") j = k - 1;
  }
  while (j >= lo && toks[j].kind == TokKind::kWord && (toks[j].lex & kSkip)) --j;
  // "Okafor on Tuesday reaffirmed", "the minister in a statement said": a time or manner phrase
  // between the speaker and the cue is passed over.
  {
    int k = j;
    while (k >= lo && IsTimeWord(toks[k])) --k;
    if (k < j && k >= lo &&
        (toks[k].lower == "on" || toks[k].lower == "in" || toks[k].lower == "at" ||
         toks[k].lower == "during")) {
      j = k - 1;
    } else if (k < j && k >= lo && toks[j].lower != "the" && toks[j].lower != "a" &&
               !IsTimeWord(toks[k]) && toks[k + 1].lower != "the" && toks[k + 1].lower != "a" &&
               toks[k].cap &&
               (toks[k + 1].lower == "last" || toks[k + 1].lower == "this" ||
                toks[k + 1].lower == "on" || k + 1 == j)) {
      // "Smith last week said", "Smith Tuesday said"
      j = k;
    }
    while (j >= lo && toks[j].kind == TokKind::kWord && (toks[j].lex & kSkip)) --j;
  }
  while (j >= lo && toks[j].kind == TokKind::kWord && !toks[j].cap && toks[j].lower.size() > 3 &&
         toks[j].lower.compare(toks[j].lower.size() - 2, 2, "ly") == 0)
    --j;
  const int last = j;
  int n = 0;
  while (j >= lo && toks[j].kind == TokKind::kWord && n < 7 &&
         (!(toks[j].lex & kBoundary) || (toks[j].lower == "of" && j > lo))) {
    if ((toks[j].lex & kPronoun) && j != last) break;
    --j;
    ++n;
  }
  if (last < lo || j == last) return {};
  return TrimNp(toks, j + 1, last);
}

// The noun phrase starting at token `from` ("said Mr. Okafor, who ...").
Np NpAfter(const std::vector<Tok>& toks, int from, int hi) {
  int j = from;
  int n = 0;
  while (j < hi && toks[j].kind == TokKind::kWord && n < 7 &&
         (!(toks[j].lex & kBoundary) || toks[j].lower == "of") && toks[j].quote < 0) {
    if ((toks[j].lex & kPronoun) && j != from) break;
    ++j;
    ++n;
  }
  // "dijo Pedro Sánchez el lunes": a determiner before the word that ended the phrase is not part
  // of it.
  while (j - 1 > from && (toks[j - 1].lex & kDet)) --j;
  if (j == from) return {};
  Np np{from, j - 1};
  const Tok& t = toks[from];
  if (!(t.cap || (t.lex & kDet) || (t.lex & kPronoun) || (t.lex & kSpeakerNoun))) {
    // "said former Gov. Jim Hodges": lower-case words may lead into a name.
    bool named = false;
    for (int k = from; k < j; ++k) named |= toks[k].cap;
    if (!named) return {};
  }
  // "said Tuesday" is a date, not a speaker.
  static const std::unordered_set<std::string> kDays = {
      "monday",   "tuesday", "wednesday", "thursday",  "friday",
      "saturday", "sunday",  "today",     "yesterday", "tonight"};
  if (kDays.count(t.lower)) return {};
  if ((t.lex & kPronoun)) return {from, from};
  return np;
}

struct Cue {
  int first = -1, last = -1;
};

// The cue at token i: a speech verb or "according to".
Cue CueAt(const std::vector<Tok>& toks, int i, int hi) {
  const Tok& t = toks[i];
  if (t.kind != TokKind::kWord || t.quote >= 0) return {};
  if (t.lower == "according" && i + 1 < hi && toks[i + 1].lower == "to") return {i, i + 1};
  if (t.lower == "pointed" && i + 1 < hi && toks[i + 1].lower == "out") return {i, i + 1};
  if ((t.lex & kCue)) return {i, i};
  return {};
}

class Finder {
 public:
  Finder(std::string_view body, const std::vector<Token>& tokens, const QuoteOptions& options)
      : s_(body), options_(options), raw_(FindQuoteMarks(body)), toks_(FromTokens(body, tokens)) {
    const LexTable& lexicon = LexiconFor(options.language);
    for (Tok& t : toks_)
      if (t.kind == TokKind::kWord) t.lex = LexFlags(t.lower, lexicon);
    // Mark the tokens inside each quote; quotes and tokens are both in order.
    size_t q = 0;
    for (Tok& t : toks_) {
      while (q < raw_.size() && raw_[q].outer_end <= t.begin) ++q;
      if (q < raw_.size() && t.begin >= raw_[q].outer_begin) t.quote = static_cast<int>(q);
    }
    // Paragraph index of each token.
    para_.resize(toks_.size());
    int p = 0;
    for (size_t i = 0; i < toks_.size(); ++i) {
      para_[i] = p;
      if (toks_[i].kind == TokKind::kNewline) ++p;
    }
  }

  std::vector<Quote> Run() {
    std::vector<Quote> out;
    DirectQuotes(out);
    if (options_.indirect) IndirectQuotes(out);
    std::sort(out.begin(), out.end(),
              [](const Quote& a, const Quote& b) { return a.span < b.span; });
    return out;
  }

 private:
  int FirstTokAt(uint32_t pos) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), pos,
                               [](const Tok& t, uint32_t p) { return t.begin < p; });
    return static_cast<int>(it - toks_.begin());
  }

  std::string Text(uint32_t b, uint32_t e) const { return std::string(s_.substr(b, e - b)); }

  void SetSpeaker(Quote& q, Np np, Cue cue, int at_tok) {
    q.cue_span = {toks_[cue.first].begin, toks_[cue.last].end};
    q.cue = Text(q.cue_span.begin, q.cue_span.end);
    if (!np.ok()) return;
    q.speaker_span = {toks_[np.first].begin, toks_[np.last].end};
    q.speaker = Text(q.speaker_span.begin, q.speaker_span.end);
    const std::string& w = toks_[np.first].lower;
    if (np.first == np.last && (w == "he" || w == "she" || w == "him")) {
      q.speaker = ResolvePronoun(at_tok);
      if (q.speaker.empty()) q.speaker = Text(q.speaker_span.begin, q.speaker_span.end);
    } else if (toks_[np.first].cap && !(toks_[np.first].lex & kDet)) {
      last_name_ = q.speaker;
      last_name_tok_ = np.last;
    }
  }

  // The most recent person-like name before token `at`: the last named speaker, or a later run of
  // two or more capitalised words outside quotes.
  std::string ResolvePronoun(int at) const {
    for (int j = at - 1; j > last_name_tok_ && j > at - 400; --j) {
      if (toks_[j].kind != TokKind::kWord || !toks_[j].cap || toks_[j].quote >= 0) continue;
      int k = j;
      while (k - 1 >= 0 && toks_[k - 1].kind == TokKind::kWord && toks_[k - 1].cap &&
             toks_[k - 1].quote < 0)
        --k;
      if (j - k >= 1 && !(k > 0 && IsSentenceEnd(toks_[k - 1]) && j - k < 1))
        return Text(toks_[k].begin, toks_[j].end);
      j = k;
    }
    return last_name_;
  }

  // The last run of capitalised words outside quotes before token `at` that is not merely a
  // sentence's first word.
  Np LastName(int at) const {
    for (int j = at - 1; j >= 0 && j > at - 300; --j) {
      if (toks_[j].kind != TokKind::kWord || !toks_[j].cap || toks_[j].quote >= 0) continue;
      int k = j;
      while (k - 1 >= 0 && toks_[k - 1].kind == TokKind::kWord && toks_[k - 1].cap &&
             toks_[k - 1].quote < 0)
        --k;
      const bool sentence_first = k == 0 || IsSentenceEnd(toks_[k - 1]);
      if (j > k || !sentence_first) return {k, j};
      j = k;
    }
    return {};
  }

  // "Jean-Marc Ayrault, the foreign minister of France, said ...": a sentence that opens with a
  // name and an apposition closed by a comma right before the cue has that name for speaker.
  Np SubjectBeforeApposition(int lo, int cue) const {
    if (cue - 1 <= lo || toks_[cue - 1].lower != "," || !toks_[lo].cap ||
        toks_[lo].kind != TokKind::kWord || (toks_[lo].lex & kPronoun))
      return {};
    Np np = NpAfter(toks_, lo, cue);
    if (np.ok() && np.last + 1 < cue - 1 && toks_[np.last + 1].lower == ",") return np;
    return {};
  }

  // A quoted fragment inside reported speech ("X says the tweets were “unhinged.”"): the span
  // becomes the reported clause, from token `from` (after the cue and its "that") to the quote's
  // end, when words stand between them.
  void ExtendToClause(Quote& q, int from, int quote_first) const {
    while (from < quote_first &&
           (toks_[from].lower == "that" || toks_[from].lower == "," || toks_[from].lower == ":"))
      ++from;
    int words = 0;
    for (int k = from; k < quote_first; ++k) {
      if (toks_[k].quote >= 0 || toks_[k].kind == TokKind::kNewline) return;
      words += toks_[k].kind == TokKind::kWord;
    }
    if (words == 0) return;
    q.span.begin = toks_[from].begin;
    q.text = Text(q.span.begin, q.span.end);
  }

  // A cue right before the quote ("X reaffirmed that “...”", "X said: “...”") wins.
  bool SpeakerFromCueBefore(Quote& q, int first) {
    int k = first - 1;
    while (k >= 0 && toks_[k].quote < 0 &&
           (toks_[k].lower == "that" || toks_[k].lower == ":" || toks_[k].lower == ","))
      --k;
    if (k >= 0 && toks_[k].quote < 0 && k < first - 1 + 1) {
      int c0 = k;
      if (toks_[k].lower == "out" || toks_[k].lower == "to") --c0;
      Cue c = c0 >= 0 ? CueAt(toks_, c0, first) : Cue{};
      if (c.first >= 0 && c.last == k) {
        int lo = c.first;
        while (lo > 0 && toks_[lo - 1].quote < 0 && !IsSentenceEnd(toks_[lo - 1])) --lo;
        Np np = NpBefore(toks_, c.first, lo);
        if (!np.ok() && Invertible(toks_[c.first].lower)) np = NpAfter(toks_, c.last + 1, first);
        if (np.ok()) {
          SetSpeaker(q, np, c, first);
          return true;
        }
      }
    }
    return false;
  }

  // A quote signed with a dash and a name closing the paragraph: "..." ― Jane Doe
  bool SpeakerFromSignature(Quote& q, int after) {
    const int n = static_cast<int>(toks_.size());
    if (after + 1 < n && IsDash(toks_[after]) && toks_[after + 1].cap &&
        toks_[after + 1].quote < 0) {
      int end = after + 1;
      while (end < n && toks_[end].kind != TokKind::kNewline) ++end;
      if (end - after <= 8) {
        Np np = NpAfter(toks_, after + 1, end);
        // Only punctuation (a full stop, a no-break space) may follow the name.
        bool name_ends = np.ok();
        for (int k = np.ok() ? np.last + 1 : end; k < end; ++k)
          name_ends &= toks_[k].kind == TokKind::kPunct;
        if (name_ends) {
          q.speaker_span = {toks_[np.first].begin, toks_[np.last].end};
          q.speaker = Text(q.speaker_span.begin, q.speaker_span.end);
          return true;
        }
      }
    }
    return false;
  }

  // After the quote, in the same sentence: "...," Okafor said / "...," said Mr. Okafor.
  bool SpeakerFromCueAfter(Quote& q, int first, int after) {
    const int n = static_cast<int>(toks_.size());
    int i = after;
    int seen = 0;
    // "...," Leonard Burman, director of the centre and a professor at ..., said: a name
    // right after the quote may be followed by a long apposition before its cue.
    const int name_at = after < n && toks_[after].lower == "," ? after + 1 : after;
    const bool name_first = name_at < n && toks_[name_at].kind == TokKind::kWord &&
                            toks_[name_at].cap && toks_[name_at].quote < 0 &&
                            !(toks_[name_at].lex & kPronoun);
    while (i < n && seen < (name_first ? 30 : 10) && toks_[i].quote < 0 &&
           !IsSentenceEnd(toks_[i])) {
      Cue c = CueAt(toks_, i, n);
      if (c.first >= 0 && seen >= 10 && toks_[c.first - 1].lower != ",") c = Cue{};
      if (c.first >= 0) {
        int hi = i;
        while (hi < n && toks_[hi].quote < 0 && !IsSentenceEnd(toks_[hi])) ++hi;
        Np np;
        if (name_first && c.first - 1 > name_at && toks_[c.first - 1].lower == ",") {
          np = NpAfter(toks_, name_at, c.first);
        }
        if (!np.ok()) np = NpBefore(toks_, c.first, after);
        if (!np.ok() && Invertible(toks_[c.first].lower)) np = NpAfter(toks_, c.last + 1, hi);
        if (np.ok() || c.first == after) {
          SetSpeaker(q, np, c, first);
          return true;
        }
        return false;
      }
      if (toks_[i].kind == TokKind::kWord) ++seen;
      ++i;
    }
    return false;
  }

  // Before the quote, back to the sentence start or the previous quote: Okafor said: "..."
  bool SpeakerFromCueInSentenceBefore(Quote& q, int first) {
    bool found = false;
    int lo = first;
    while (lo > 0 && toks_[lo - 1].quote < 0 && !IsSentenceEnd(toks_[lo - 1])) --lo;
    // A paragraph opening with the quote may take its speaker from a paragraph before that
    // ends with a colon.
    if (lo == first && first >= 2 && toks_[first - 1].kind == TokKind::kNewline) {
      int k = first - 1;
      while (k >= 0 && toks_[k].kind == TokKind::kNewline) --k;
      if (k >= 0 && toks_[k].lower == ":" && toks_[k].quote < 0) {
        int hi2 = k;
        lo = k;
        while (lo > 0 && toks_[lo - 1].quote < 0 && !IsSentenceEnd(toks_[lo - 1])) --lo;
        for (int i = hi2 - 1; i >= lo && !found; --i) {
          Cue c = CueAt(toks_, i, hi2);
          if (c.first < 0) continue;
          Np np = NpBefore(toks_, c.first, lo);
          if (!np.ok()) np = NpAfter(toks_, c.last + 1, hi2);
          if (np.ok()) {
            SetSpeaker(q, np, c, first);
            found = true;
          }
        }
        lo = first;
      }
    }
    // The first cue of the sentence with a speaker wins: later cue words ("said" of an
    // embedded clause, "tweets" as a noun) rarely introduce the quote.
    for (int i = lo; i < first && !found; ++i) {
      Cue c = CueAt(toks_, i, first);
      if (c.first < 0) continue;
      Np np = SubjectBeforeApposition(lo, c.first);
      if (!np.ok()) np = NpBefore(toks_, c.first, lo);
      // Before the quote, words after a cue are mostly its object ("asked the crowd",
      // "telling O'Reilly that"): only a name there is the speaker ("said Mr. Okafor: ...").
      if (!np.ok() && Invertible(toks_[c.first].lower) && !IsParticipleCue(toks_[c.first].lower)) {
        Np after_np = NpAfter(toks_, c.last + 1, first);
        if (after_np.ok() && toks_[after_np.first].cap) np = after_np;
      }
      if (!np.ok() && IsParticipleCue(toks_[c.first].lower)) {
        // "..., saying" refers to the subject of the sentence.
        np = NpAfter(toks_, lo, c.first);
      }
      if (np.ok()) {
        SetSpeaker(q, np, c, first);
        found = true;
        if (options_.clause_spans) ExtendToClause(q, std::max(c.last, np.last) + 1, first);
      }
    }
    return found;
  }

  void DirectQuotes(std::vector<Quote>& out) {
    const int n = static_cast<int>(toks_.size());
    Quote prev;
    int prev_para = -10;
    for (size_t qi = 0; qi < raw_.size(); ++qi) {
      const RawQuote& r = raw_[qi];
      Quote q;
      q.kind = "direct";
      q.span = {r.inner_begin, r.inner_end};
      q.text = Text(r.inner_begin, r.inner_end);
      const int first = FirstTokAt(r.outer_begin);
      const int after = FirstTokAt(r.outer_end);
      int words = 0;
      for (int i = first; i < after; ++i) words += toks_[i].kind == TokKind::kWord;
      const int para = first < n ? para_[first] : prev_para;
      bool found = SpeakerFromCueBefore(q, first) || SpeakerFromSignature(q, after) ||
                   SpeakerFromCueAfter(q, first, after) || SpeakerFromCueInSentenceBefore(q, first);
      // Consecutive quotes keep the speaker of the quote before.
      if (!found && !prev.speaker.empty() && para - prev_para <= 1 && words >= 3) {
        q.speaker = prev.speaker;
        q.speaker_span = prev.speaker_span;
        q.cue = prev.cue;
        q.cue_span = prev.cue_span;
        found = true;
      }
      if (!found && words < options_.min_unattributed_words) continue;
      if (!found && words < 8) continue;  // a phrase in marks with no one saying it
      if (!found) {
        // A longer quote with no cue near it: most often the speaker of the story's last quote,
        // else the last name before it.
        if (!prev.speaker.empty() && para - prev_para <= 3) {
          q.speaker = prev.speaker;
          q.speaker_span = prev.speaker_span;
        } else {
          Np np = LastName(first);
          if (np.ok()) {
            q.speaker_span = {toks_[np.first].begin, toks_[np.last].end};
            q.speaker = Text(q.speaker_span.begin, q.speaker_span.end);
          }
        }
      }
      out.push_back(q);
      if (!q.speaker.empty()) {
        prev = q;
        prev_para = first < n ? para_[std::max(first, after - 1)] : prev_para;
      }
    }
  }

  void IndirectQuotes(std::vector<Quote>& out) {
    const int n = static_cast<int>(toks_.size());
    int start = 0;
    while (start < n) {
      int end = start;
      bool has_quote = false;
      while (end < n && !IsSentenceEnd(toks_[end])) {
        has_quote |= toks_[end].quote >= 0;
        ++end;
      }
      if (!has_quote && end - start >= 5) Indirect(start, end, out);
      start = end + 1;
    }
  }

  // One sentence, tokens [lo, hi).
  void Indirect(int lo, int hi, std::vector<Quote>& out) {
    auto emit = [&](int b, int e, Np np, Cue c) {
      while (b < e && toks_[b].kind == TokKind::kPunct) ++b;
      while (e > b && toks_[e - 1].kind == TokKind::kPunct) --e;
      int words = 0;
      for (int i = b; i < e; ++i) words += toks_[i].kind == TokKind::kWord;
      if (words < 3) return false;
      Quote q;
      q.kind = "indirect";
      q.span = {toks_[b].begin, toks_[e - 1].end};
      q.text = Text(q.span.begin, q.span.end);
      SetSpeaker(q, np, c, lo);
      out.push_back(std::move(q));
      return true;
    };
    for (int i = lo; i < hi; ++i) {
      Cue c = CueAt(toks_, i, hi);
      if (c.first < 0 || IsNamingCue(toks_[i].lower) || IsParticipleCue(toks_[i].lower)) continue;
      if (toks_[i].lower == "according") {
        Np np = NpAfter(toks_, c.last + 1, hi);
        if (!np.ok()) continue;
        int k = np.last + 1;
        while (k < hi && toks_[k].lower != ",") ++k;
        if (c.first == lo || (c.first > lo && toks_[c.first - 1].kind == TokKind::kPunct &&
                              toks_[c.first - 1].lower != ",")) {
          if (emit(k + 1, hi, np, c)) return;
        } else {
          int e = c.first;
          if (emit(lo, e, np, c)) return;
        }
        continue;
      }
      // "..., X said." / "..., said X."
      if (i > lo + 3) {
        Np np = NpBefore(toks_, c.first, lo);
        int comma = np.ok() ? np.first - 1 : c.first - 1;
        Np after_np;
        if (!np.ok()) after_np = NpAfter(toks_, c.last + 1, hi);
        int tail = (np.ok() ? c.last + 1 : (after_np.ok() ? after_np.last + 1 : hi));
        bool short_tail = true;
        for (int k = tail; k < hi; ++k)
          if (toks_[k].lower == "that") short_tail = false;
        if (comma > lo && toks_[comma].lower == "," && short_tail && (np.ok() || after_np.ok())) {
          if (emit(lo, comma, np.ok() ? np : after_np, c)) return;
        }
      }
      // "X said (that) ..." / "X told reporters (that) ..."
      Np np = NpBefore(toks_, c.first, lo);
      if (!np.ok()) continue;
      int b = c.last + 1;
      if (toks_[i].lower == "told" || toks_[i].lower == "tells") {
        int k = b;
        while (k < hi && k < b + 6 && toks_[k].lower != "that") ++k;
        b = (k < hi && toks_[k].lower == "that") ? k : std::min(b + 1, hi);
      }
      if (b < hi && toks_[b].lower == ",") continue;  // "he said, ..." belongs to another pattern
      if (b < hi && (toks_[b].lower == "on" || toks_[b].lower == "in")) {
        int k = b;
        while (k < hi && k < b + 8 && toks_[k].lower != "that") ++k;
        if (k < hi && toks_[k].lower == "that") b = k;
      }
      if (emit(b, hi, np, c)) return;
    }
  }

  std::string_view s_;
  const QuoteOptions& options_;
  std::vector<RawQuote> raw_;
  std::vector<Tok> toks_;
  std::vector<int> para_;
  std::string last_name_;
  int last_name_tok_ = -1;
};

}  // namespace

std::vector<Quote> FindQuotes(std::string_view body, const std::vector<Token>& tokens,
                              const QuoteOptions& options) {
  return Finder(body, tokens, options).Run();
}

std::vector<Quote> FindQuotes(std::string_view body, const QuoteOptions& options) {
  Result<text::Segmentation> seg = text::Segment(body);
  return seg.ok() ? FindQuotes(body, text::JoinHyphenated(std::move(seg->tokens)), options)
                  : std::vector<Quote>{};
}

}  // namespace newsloom::analyze
