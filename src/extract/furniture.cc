#include "extract/furniture.h"

#include <algorithm>
#include <set>

#include "extract/dates.h"
#include "extract/furniture_labels.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace newsloom::extract {
namespace {

int CodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  }
  return n;
}

bool EndsSentence(std::string_view s) {
  // Trailing closing quotes and brackets do not count: `... said.”` ends a sentence.
  while (!s.empty()) {
    const std::string_view tails[] = {"\"", "'", ")", "]", "\u201d", "\u2019", "\u00bb"};
    bool cut = false;
    for (std::string_view t : tails) {
      if (s.size() >= t.size() && s.substr(s.size() - t.size()) == t) {
        s.remove_suffix(t.size());
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  if (s.empty()) return false;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "...") return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ';';
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

// The line without trailing punctuation that UI labels carry ("Share:", "Latest News »").
std::string Label(std::string_view norm) {
  std::string s(norm);
  while (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == '!' || s.back() == ' ' ||
                        s.back() == '>' || s.back() == '|' || s.back() == '-')) {
    s.pop_back();
  }
  if (s.size() >= 2 && s.substr(s.size() - 2) == "\xc2\xbb") s.resize(s.size() - 2);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

constexpr int kMaxCallToActionWords = 15;
constexpr int kMaxNoticeWords = 60;

bool IsWeather(std::string_view norm) {
  // "26.2 C", "-3 °F", "18°c".
  size_t i = 0;
  if (i < norm.size() && (norm[i] == '-' || norm[i] == '+')) ++i;
  const size_t digits_from = i;
  while (i < norm.size() &&
         ((norm[i] >= '0' && norm[i] <= '9') || norm[i] == '.' || norm[i] == ','))
    ++i;
  if (i == digits_from) return false;
  std::string_view rest = text::Trim(norm.substr(i));
  if (StartsWith(rest, "\xc2\xb0")) rest = text::Trim(rest.substr(2));
  return rest == "c" || rest == "f";
}

// The length of the Unicode space character at s[i] (0 when there is none): U+00A0, U+1680,
// U+2000..U+200A, U+202F, U+205F, U+3000.
size_t UnicodeSpaceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const unsigned char b0 = byte(0);
  if (b0 == 0xc2) return byte(1) == 0xa0 ? 2 : 0;
  if (b0 == 0xe1) return byte(1) == 0x9a && byte(2) == 0x80 ? 3 : 0;
  if (b0 == 0xe2 && byte(1) == 0x80) {
    const unsigned char b2 = byte(2);
    return (b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xaf ? 3 : 0;
  }
  if (b0 == 0xe2 && byte(1) == 0x81) return byte(2) == 0x9f ? 3 : 0;
  if (b0 == 0xe3) return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0;
  return 0;
}

// Calls f(word) for each word of normalised text, as text::Words cuts them (runs of ASCII
// lower-case letters, digits, apostrophes and bytes of non-ASCII characters), without copies.
template <typename F>
void ForEachWord(std::string_view norm, F&& f) {
  size_t begin = 0;
  bool in_word = false;
  for (size_t i = 0; i <= norm.size(); ++i) {
    const bool word_char =
        i < norm.size() &&
        ((norm[i] >= 'a' && norm[i] <= 'z') || (norm[i] >= '0' && norm[i] <= '9') ||
         norm[i] == '\'' || static_cast<unsigned char>(norm[i]) >= 0x80);
    if (word_char && !in_word) begin = i;
    if (!word_char && in_word) f(norm.substr(begin, i - begin));
    in_word = word_char;
  }
}

// NormalizeForCompare folds ASCII only; labels such as "Ähnliche Beiträge" or "À lire aussi"
// need the capitals of Latin-1 (U+00C0..U+00DE but U+00D7) folded too.
std::string FoldLatin1Capitals(std::string s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (static_cast<unsigned char>(s[i]) == 0xc3 && b1 >= 0x80 && b1 <= 0x9e && b1 != 0x97) {
      s[i + 1] = static_cast<char>(b1 + 0x20);
    }
  }
  return s;
}

// "example.com", "news.example.co.uk": letters, digits and dashes in dot-separated labels, the
// last of two to six letters.
bool IsHostName(std::string_view s) {
  const size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view tld = s.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 6) return false;
  for (char c : tld) {
    if (c < 'a' || c > 'z') return false;
  }
  for (char c : s.substr(0, dot)) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return true;
}

// Does `norm` start with `lead` as a whole label: followed by its end, a colon, a guillemet, an
// arrow or a dash?
bool StartsWithLabel(std::string_view norm, std::string_view lead) {
  if (!StartsWith(norm, lead)) return false;
  const std::string_view rest = text::Trim(norm.substr(lead.size()));
  return rest.empty() || rest[0] == ':' || rest[0] == '>' || rest[0] == '-' ||
         StartsWith(rest, "\xc2\xbb") || StartsWith(rest, "\xe2\x80\xba") ||
         StartsWith(rest, "\xe2\x86\x92");
}

// Lines that send the reader to other articles ("Read more: ...", "Lesen Sie auch: ...") or on
// to the rest of this one ("... weiterlesen"), and the headings of such lists.
std::string CrossLinkReason(const LineFeatures& l) {
  if (l.words > 30) return "";
  static constexpr std::string_view kLeads[] = {
      "read more",
      "read also",
      "also read",
      "see also",
      "more",
      "related",
      "recommended",
      "lesen sie auch",
      "lesen sie mehr",
      "lesen sie hier",
      "mehr zum thema",
      "mehr dazu",
      "auch interessant",
      "das könnte sie auch interessieren",
      "schon gelesen?",
      "weitere themen",
      "weitere artikel",
      "ähnliche beiträge",
      "ähnliche artikel",
      "die meistgelesenen artikel",
      "lire aussi",
      "à lire aussi",
      "a lire aussi",
      "voir aussi",
      "lea también",
      "lee también",
      "lea más",
      "lea",
      "vea también",
      "ver también",
      "mira también",
      "leggi anche",
      "notas relacionadas",
      "noticias relacionadas",
      "contenido relacionado",
      "artículos relacionados",
      "lust auf mehr?",
      "want more?",
      "missed the main event?",
      "auch lesen",
      "mehr themen",
      "puedes ver",
      "te puede interesar",
      "veja também",
      "leia também",
      "leia mais",
  };
  for (std::string_view lead : kLeads) {
    if (StartsWithLabel(l.norm, lead)) return "related-links";
    // A heading of several words may run on with the site's name ("Most read on Example.com").
    if (lead.find(' ') != std::string_view::npos && StartsWith(l.norm, lead) &&
        l.words <= static_cast<int>(std::count(lead.begin(), lead.end(), ' ')) + 4) {
      return "related-links";
    }
  }
  if (l.words > 12) return "";
  static constexpr std::string_view kTails[] = {
      "weiterlesen", "read more",      "continue reading", "read the rest", "lire la suite",
      "leer más",    "seguir leyendo", "mehr lesen",       "zum artikel",   "en savoir plus",
      "learn more",  "mehr erfahren",  "hier weiterlesen", "leggi tutto",
  };
  const std::string label = Label(l.norm);
  for (std::string_view tail : kTails) {
    if (label.size() >= tail.size() &&
        label.compare(label.size() - tail.size(), tail.size(), tail) == 0) {
      return "read-more";
    }
  }
  return "";
}

// What pages print around every article rather than in it: paywall and sign-up prompts,
// JavaScript, video and cookie notices, advertising and affiliate disclosures, reading times and
// share bars.
std::string NoticeReason(const LineFeatures& l) {
  if (l.words > kMaxNoticeWords) return "";
  struct Phrase {
    std::string_view words;
    std::string_view reason;
  };
  static constexpr Phrase kPhrases[] = {
      {"to view the full story", "subscription"},
      {"subscribe to continue", "subscription"},
      {"already a subscriber", "subscription"},
      {"for immediate access", "subscription"},
      {"registrieren und weiterlesen", "subscription"},
      {"pour lire la suite", "subscription"},
      {"pour accéder en illimité", "subscription"},
      {"hazte miembro", "subscription"},
      {"become a member", "subscription"},
      {"sign up to get", "subscription"},
      {"get regular updates", "subscription"},
      {"melde dich jetzt an", "subscription"},
      {"in dein postfach", "subscription"},
      {"in ihr postfach", "subscription"},
      {"in deinen posteingang", "subscription"},
      {"straight to your inbox", "subscription"},
      {"war der artikel nützlich", "rating"},
      {"war dieser artikel hilfreich", "rating"},
      {"bewerten sie diesen", "rating"},
      {"noch keine bewertungen", "rating"},
      {"was this article helpful", "rating"},
      {"rate this article", "rating"},
      {"valora esta noticia", "rating"},
      {"bitte registrieren sie sich", "subscription"},
      {"this entry was posted", "post-meta"},
      {"this entry was filed", "post-meta"},
      {"filed under", "post-meta"},
      {"externer inhalt", "notice"},
      {"benachrichtigung aktivieren", "notice"},
      {"letter to the editor", "appeal"},
      {"suggested citation", "notice"},
      {"den artikel teilen", "share"},
      {"und abgelegt unter", "post-meta"},
      {"und wurde unter", "post-meta"},
      {"last modified:", "post-meta"},
      {"unter der lizenz", "license"},
      {"this work is licensed", "license"},
      {"licensed under a creative commons", "license"},
      {"inhalte dieser website", "license"},
      {"dieser beitrag stammt aus", "source-note"},
      {"this post originally appeared", "source-note"},
      {"straight to your phone", "call-to-action"},
      {"supporting our work", "appeal"},
      {"support our journalism", "appeal"},
      {"support our work", "appeal"},
      {"unterstütze uns", "appeal"},
      {"unterstützen sie uns", "appeal"},
      {"unterstützen sie diese form", "appeal"},
      {"sign me up", "subscription"},
      {"to their inboxes", "subscription"},
      {"to your inbox", "subscription"},
      {"alle angaben ohne gewähr", "disclaimer"},
      {"n'engagent que leurs auteurs", "disclaimer"},
      {"does not offer medical advice", "disclaimer"},
      {"gibt die meinung des autors wieder", "disclaimer"},
      {"external content", "notice"},
      {"enable javascript", "notice"},
      {"javascript is disabled", "notice"},
      {"browser does not support", "notice"},
      {"browser version", "notice"},
      {"upgrade your browser", "notice"},
      {"uses cookies", "notice"},
      {"use cookies", "notice"},
      {"verwendet cookies", "notice"},
      {"ad-blocker", "notice"},
      {"adblocker", "notice"},
      {"push notifications", "notice"},
      {"advertising disclosure", "advertisement"},
      {"affiliate link", "advertisement"},
      {"affiliate-link", "advertisement"},
      {"earn a commission", "advertisement"},
      {"receive compensation", "advertisement"},
      {"qualifying purchases", "advertisement"},
      {"amazon associate", "advertisement"},
      {"references to products from", "advertisement"},
      {"für links auf dieser seite", "advertisement"},
      {"bei den verlinkungen handelt es sich", "advertisement"},
  };
  for (const Phrase& p : kPhrases) {
    if (Contains(l.norm, p.words)) return std::string(p.reason);
  }
  static const auto* kNoComments =
      new std::set<std::string, std::less<>>{"keine kommentare",
                                             "no comments",
                                             "0 comments",
                                             "sin comentarios",
                                             "aucun commentaire",
                                             "no comments yet",
                                             "noch keine kommentare",
                                             "be the first to comment"};
  for (const std::string& none : *kNoComments) {
    if (l.words <= 12 && StartsWith(l.norm, none)) return "comments";
  }
  // App promotions: "Download the ... app", "Laden Sie die App herunter".
  bool app = false;
  if (Contains(l.norm, "app")) {
    ForEachWord(l.norm, [&](std::string_view w) { app = app || w == "app" || w == "apps"; });
  }
  if (app && (Contains(l.norm, "download") || Contains(l.norm, "herunterladen") ||
              Contains(l.norm, "descarga") || Contains(l.norm, "télécharg"))) {
    return "call-to-action";
  }
  // A line that is only a site's name as its address ("EXAMPLENEWS.COM").
  if (l.words <= 3 && l.text.find(' ') == std::string::npos && IsHostName(l.norm)) {
    return "source-note";
  }
  // Server errors printed into the page ("Warning: ... in /www/... on line 407").
  if ((StartsWith(l.norm, "warning:") || StartsWith(l.norm, "notice:") ||
       StartsWith(l.norm, "deprecated:")) &&
      Contains(l.norm, " on line ")) {
    return "notice";
  }
  if (l.words <= 6 && HasDigit(l.norm)) {
    static constexpr std::string_view kReading[] = {"read",    "lesezeit", "lesedauer", "lecture",
                                                    "lettura", "lectura",  "czytania",  "leestijd"};
    for (std::string_view r : kReading) {
      if (Contains(l.norm, r)) return "counter";
    }
  }
  // A share bar: two or more words, all of them names of networks or of sharing actions.
  static const auto* kShareWords = new std::set<std::string, std::less<>>{
      "facebook",  "twitter",  "x",         "whatsapp",  "e",        "email",     "mail",
      "pinterest", "linkedin", "xing",      "reddit",    "telegram", "flipboard", "messenger",
      "share",     "teilen",   "tweet",     "print",     "drucken",  "copy",      "link",
      "kopieren",  "partager", "compartir", "condividi", "threads",  "bluesky",   "mastodon",
  };
  if (l.words >= 2 && l.words <= 12) {
    bool all_share = true;
    for (const std::string& w : text::Words(l.norm)) all_share = all_share && kShareWords->count(w);
    if (all_share) return "share";
  }
  return "";
}

// `s` without times of day ("15:54", "8:30 Uhr", "10:15 am").
std::string WithoutTimes(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && j - i < 2 && s[j] >= '0' && s[j] <= '9') ++j;
    const bool time = j > i && j + 2 < s.size() && s[j] == ':' && s[j + 1] >= '0' &&
                      s[j + 1] <= '9' && s[j + 2] >= '0' && s[j + 2] <= '9' &&
                      (i == 0 || s[i - 1] == ' ' || s[i - 1] == ',');
    if (!time) {
      out.push_back(s[i++]);
      continue;
    }
    i = j + 3;
    while (i + 2 < s.size() && s[i] == ':' && s[i + 1] >= '0' && s[i + 1] <= '9') i += 3;
    const std::string_view rest = s.substr(i);
    for (std::string_view unit : {" Uhr", " uhr", " am", " pm", " AM", " PM", " h"}) {
      if (rest.starts_with(unit) &&
          (rest.size() == unit.size() || rest[unit.size()] == ' ' || rest[unit.size()] == ',')) {
        i += unit.size();
        break;
      }
    }
  }
  return out;
}

// The length of an invisible character at s[i] that text does without (0 when there is none):
// the soft hyphen U+00AD, zero-width space, non-joiner and joiner U+200B..U+200D, word joiner
// U+2060 and byte-order mark U+FEFF.
size_t InvisibleLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  if (byte(0) == 0xc2 && byte(1) == 0xad) return 2;
  if (byte(0) == 0xe2 && byte(1) == 0x80 && byte(2) >= 0x8b && byte(2) <= 0x8d) return 3;
  if (byte(0) == 0xe2 && byte(1) == 0x81 && byte(2) == 0xa0) return 3;
  if (byte(0) == 0xef && byte(1) == 0xbb && byte(2) == 0xbf) return 3;
  return 0;
}

}  // namespace

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    size_t unicode = 0;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      unicode = 1;
    } else if (static_cast<unsigned char>(c) >= 0xc2) {
      unicode = UnicodeSpaceLength(s, i);
    }
    if (unicode > 0) {
      space = true;
      i += unicode;
      continue;
    }
    if (const size_t invisible = InvisibleLength(s, i)) {
      i += invisible;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
    ++i;
  }
  return out;
}

bool StartsUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

std::vector<std::string_view> RawWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

int DigitCount(std::string_view s) {
  return static_cast<int>(
      std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

LineFeatures MeasureLine(std::string_view text, bool count_capitals) {
  LineFeatures l;
  l.text = std::string(text);
  const std::string norm = text::NormalizeForCompare(text);
  l.chars = CodePoints(text);
  ForEachWord(norm, [&](std::string_view w) {
    ++l.words;
    l.stopwords += text::IsStopword(w);
  });
  std::string raw_norm;
  for (std::string_view w : count_capitals ? RawWords(text) : std::vector<std::string_view>()) {
    while (!w.empty() && (w[0] == '"' || w[0] == '\'' || w[0] == '(')) w.remove_prefix(1);
    const bool upper = StartsUpper(w);
    if (upper) ++l.capitalized;
    // A content word: a raw word holding words that is not one function word alone.
    raw_norm = text::NormalizeForCompare(w);
    int count = 0;
    std::string_view only;
    ForEachWord(raw_norm, [&](std::string_view word) {
      ++count;
      only = word;
    });
    if (count > 0 && !(count == 1 && text::IsStopword(only))) {
      ++l.content_words;
      if (upper) ++l.content_capitalized;
    }
  }
  l.norm = FoldLatin1Capitals(norm);
  l.stop_density = l.words > 0 ? static_cast<double>(l.stopwords) / l.words : 0;
  l.ends_sentence = EndsSentence(text);
  return l;
}

std::string LineFurnitureReason(const LineFeatures& l) {
  const std::string label = Label(l.norm);
  if (label.empty()) return "punctuation";
  if (NavigationLabels().count(label)) return "navigation";
  if (RelatedLabels().count(label)) return "related-links";
  if (StartsWith(label, "read in ") && l.words <= 4) return "navigation";
  if (StartsWith(label, "related ") && l.words <= 4) return "related-links";
  static constexpr std::string_view kCommentForm[] = {
      "enter your comment",
      "enter your name",
      "leave a comment",
      "leave a reply",
      "your email address will not be published",
      "required fields are marked",
      "save my name, email",
      "post comment",
      "add comment",
      "notify me of",
      "write a comment",
      "join the discussion",
      "be the first to comment",
      "you must be logged in to post",
      "kommentar schreiben",
      "kommentar verfassen",
      "laisser un commentaire",
      "must be logged in",
      "nicht eingeloggt",
      "einloggen, um",
      "e-mail-adresse wird nicht veröffentlicht",
      "erforderliche felder sind mit",
      "pflichtfelder sind mit",
      "uses akismet to reduce spam",
      "verwendet akismet",
      "comments are moderated",
      "comments may be republished",
      "adresse e-mail ne sera pas publiée",
      "champs obligatoires sont indiqués",
      "correo electrónico no será publicada",
      "campos obligatorios están marcados",
  };
  // Forms, notices and copyright lines are short; a long line that names them is text.
  const bool short_line = l.words <= kMaxNoticeWords;
  for (std::string_view p : kCommentForm) {
    if (short_line && Contains(l.norm, p)) return "comment-form";
  }
  if (l.words <= 3 && (label == "name" || label == "email" || label == "website" ||
                       label == "comment" || label == "e-mail address")) {
    return "comment-form";
  }
  if (l.words <= 4 && (Contains(l.norm, "advertisement") || Contains(l.norm, "advertisment") ||
                       Contains(l.norm, "sponsored") || Contains(l.norm, "anzeige") ||
                       Contains(l.norm, "spot_img") || label == "ad" || label == "ads" ||
                       label == "werbung" || label == "publicité")) {
    return "advertisement";
  }
  if (std::string reason = CrossLinkReason(l); !reason.empty()) return reason;
  if (std::string reason = NoticeReason(l); !reason.empty()) return reason;
  if (l.words <= 5 && HasDigit(l.norm)) {
    static constexpr std::string_view kCounters[] = {
        "views",    "view",        "comments", "comment", "shares",    "likes",
        "min read", "minute read", "reads",    "aufrufe", "kommentare"};
    for (std::string_view c : kCounters) {
      if (Contains(l.norm, c)) return "counter";
    }
  }
  if (IsWeather(l.norm)) return "weather";
  // Calls to action in short lines: subscriptions, social accounts, cookie notices, apps.
  if (l.words <= kMaxCallToActionWords) {
    static constexpr std::string_view kCallsToAction[] = {
        "subscribe",    "newsletter",  "sign up",        "follow us",      "follow @",
        "on twitter",   "on facebook", "on instagram",   "cookies",        "download our app",
        "get the app",  "abonnieren",  "jetzt anmelden", "folgen sie uns", "suscríbete",
        "abonnez-vous", "share this",  "share on",       "teilen sie",     "rezept drucken",
        "print this",
    };
    for (std::string_view c : kCallsToAction) {
      if (Contains(l.norm, c)) return "call-to-action";
    }
  }
  if (StartsWith(l.norm, "\xc2\xa9") || StartsWith(l.norm, "copyright") ||
      (short_line &&
       (Contains(l.norm, "all rights reserved") || Contains(l.norm, "alle rechte vorbehalten")))) {
    return "copyright";
  }
  if (StartsWith(l.norm, "welcome to ")) return "author-bio";
  // Breadcrumbs: "HomeWorld News..." (crumbs glued by the crawl) or "Home > World > Asia".
  if (l.text.size() > 4 && StartsWith(l.text, "Home") && l.text[4] >= 'A' && l.text[4] <= 'Z') {
    return "breadcrumb";
  }
  int separators = 0;
  for (std::string_view sep : {" > ", " \xc2\xbb ", " / ", " | ", " \xe2\x80\xba "}) {
    for (size_t p = l.text.find(sep); p != std::string::npos; p = l.text.find(sep, p + 1))
      ++separators;
  }
  if (separators >= 2 && l.words <= 4 * (separators + 1) && !l.ends_sentence) return "navigation";
  return "";
}

bool EndsArticle(const LineFeatures& l) {
  if (l.words > 8) return false;
  const std::string label = Label(l.norm);
  static const auto* kEndings = new std::set<std::string, std::less<>>{
      "about the author",
      "über den autor",
      "über die autorin",
      "zum autor",
      "zur autorin",
      "à propos de l'auteur",
      "sobre el autor",
      "comments",
      "kommentare",
      "commentaires",
      "comentarios",
      "leave a reply",
      "leave a comment",
      "weitere beiträge",
      "das könnte dich auch interessieren",
      "das thema könnte dich auch interessieren",
      "the author",
      "die autorin",
      "der autor",
  };
  return kEndings->count(label) > 0;
}

std::string MetadataLineReason(const LineFeatures& l) {
  if (l.words == 0 || l.words > kMaxDateLineWords) return "";
  std::optional<Date> date;
  bool is_update = false;
  if (IsPublishedLine(l, &date, &is_update)) return is_update ? "updated-line" : "published-line";
  // A date line states its year in digits (at least four with day and month); a time of day may
  // follow the date.
  if (DigitCount(l.text) >= 4) {
    const std::string without_times = WithoutTimes(l.text);
    if (DateLine(without_times, 1, without_times.size() == l.text.size() ? l.words : -1)) {
      return "date";
    }
  }
  if (!BylineName(l).empty()) return "byline";
  static constexpr std::string_view kCredits[] = {
      "foto:",     "fotos:",     "photo:",   "photos:", "bild:",        "bilder:",
      "image:",    "credit:",    "credits:", "crédit",  "photo credit", "bildquelle",
      "titelbild", "symbolbild", "kuva:",    "quelle:", "source:",      "fuente:",
  };
  if (l.words <= 8) {
    for (std::string_view c : kCredits) {
      if (StartsWith(l.norm, c)) return "credit";
    }
  }
  return "";
}

bool IsCreditedCaption(const LineFeatures& l) {
  if (l.words > 80) return false;
  // An image's zoom button glued to its caption ("Vergrößern Die neue Kamera ...").
  for (std::string_view zoom : {"vergrößern ", "enlarge ", "zoom ", "agrandir ", "ampliar "}) {
    if (StartsWith(l.norm, zoom) && l.words >= 4) return true;
  }
  static constexpr std::string_view kFigureLeads[] = {"abbildung", "abb.",    "figure",    "fig.",
                                                      "bild ",     "grafik:", "screenshot"};
  for (std::string_view lead : kFigureLeads) {
    if (!StartsWith(l.norm, lead)) continue;
    // "Abbildung 4: ...", "Figure 2. ...", "Abbildung: ...": a number or a colon follows.
    const std::string_view rest = text::Trim(std::string_view(l.norm).substr(lead.size()));
    if (!rest.empty() && (rest[0] == ':' || (rest[0] >= '0' && rest[0] <= '9'))) return true;
    if (lead == "screenshot" || lead == "grafik:") return true;
  }
  // A credit closing the line: "(Credit: ...)", "(Foto: ...)", "© Agency", "/ (C) Name".
  static constexpr std::string_view kCredits[] = {
      "(credit:", "(credits:", "(foto:",  "(fotos:", "(photo:", "(bild:", "(crédito:",
      "(crédit:", "(quelle:",  "(image:", "/ (c) ",  "| (c) ",  "(c) ",
  };
  const size_t tail_from = l.norm.size() > 60 ? l.norm.size() - 60 : 0;
  const std::string_view tail = std::string_view(l.norm).substr(tail_from);
  for (std::string_view credit : kCredits) {
    if (tail.find(credit) != std::string_view::npos) return true;
  }
  const size_t copyright = l.norm.rfind("\xc2\xa9");
  return copyright != std::string::npos && l.norm.size() - copyright < 40 && copyright > 0;
}

bool IsCaptionCue(const LineFeatures& l) {
  if (IsCreditedCaption(l)) return true;
  if (l.words > 80) return false;
  static constexpr std::string_view kCues[] = {
      "photo credit", "photo:",       "image:",      "credit:",  "(photo",    "file photo",
      "(right)",      "(left)",       ", left,",     ", right,", "(l)",       "(r)",
      "| photo",      "getty images", "photograph:", "foto:",    "bild:",     "(center)",
      ", center,",    "pictured",     "/ afp",       "/afp",     "/ reuters", "/reuters",
      "/ ap",         "/ap photo",    "(ap photo",   "(reuters", "(afp",
  };
  for (std::string_view c : kCues) {
    if (Contains(l.norm, c)) return true;
  }
  return l.norm.size() > 6 && l.norm.substr(l.norm.size() - 6) == ". file";
}

size_t GluedByline(std::string_view s) {
  for (size_t p = s.find("By "); p != std::string_view::npos; p = s.find("By ", p + 1)) {
    if (p == 0 || !(s[p - 1] >= 'a' && s[p - 1] <= 'z')) continue;
    std::vector<std::string_view> name = RawWords(s.substr(p + 3));
    if (name.empty() || name.size() > 4) continue;
    if (std::all_of(name.begin(), name.end(), [](std::string_view w) { return StartsUpper(w); })) {
      return p;
    }
  }
  return std::string_view::npos;
}

std::string BylineName(const LineFeatures& l) {
  std::string_view t = l.text;
  std::string_view rest;
  if (StartsWith(t, "By ") || StartsWith(t, "BY ") || StartsWith(t, "by ")) {
    rest = t.substr(3);
  } else if (StartsWith(t, "Von ") || StartsWith(t, "Par ")) {
    rest = t.substr(4);
  } else if (StartsWith(l.norm, "author:") || StartsWith(l.norm, "autor:")) {
    rest = text::Trim(t.substr(t.find(':') + 1));
  } else {
    return "";
  }
  std::vector<std::string_view> words = RawWords(rest);
  if (words.empty() || words.size() > 10 || l.ends_sentence) return "";
  if (!StartsUpper(words[0])) return "";
  return std::string(text::Trim(rest));
}

bool LooksLikeName(const LineFeatures& l) {
  if (l.words < 2 || l.words > 4 || HasDigit(l.text) || l.ends_sentence) return false;
  for (std::string_view w : RawWords(l.text)) {
    if (!StartsUpper(w)) return false;
  }
  return true;
}

bool IsPublishedLine(const LineFeatures& l, std::optional<Date>* date, bool* is_update) {
  static constexpr std::string_view kPublished[] = {"published", "posted",    "veröffentlicht",
                                                    "publié",    "publicado", "pubblicato",
                                                    "date:",     "datum:",    "erschienen"};
  static constexpr std::string_view kUpdated[] = {"updated", "last updated", "aktualisiert",
                                                  "modified", "mis à jour"};
  if (l.words > 14) return false;
  // The word may follow one or two others: "Article posted on ...", "First published: ...".
  const std::vector<std::string> words = text::Words(l.norm);
  size_t lead = 0;
  for (size_t k = 0; k < std::min<size_t>(2, words.size()); ++k) lead += words[k].size() + 1;
  auto names = [&](std::string_view p) {
    for (size_t at = 0; at <= lead && at < l.norm.size(); at = l.norm.find(' ', at) + 1) {
      if (StartsWith(std::string_view(l.norm).substr(at), p)) return true;
      if (l.norm.find(' ', at) == std::string::npos) break;
    }
    return false;
  };
  bool pub = false;
  bool upd = false;
  for (std::string_view p : kPublished) pub = pub || names(p);
  for (std::string_view p : kUpdated) upd = upd || names(p);
  if (!pub && !upd) return false;
  *date = ParseDate(l.text);
  *is_update = upd && !pub;
  // A short stamp line is no headline even when its date cannot be read ("Last updated at 22:46").
  return date->has_value() || l.words <= 8;
}

bool IsHeadlineLike(const LineFeatures& l) {
  if (l.words < 3 || l.words > 30 || l.chars > 220) return false;
  if (!l.norm.empty() && (l.norm.back() == ':' || l.norm.back() == ',')) return false;
  if (l.text.size() >= 3 &&
      (l.text.substr(l.text.size() - 3) == "..." || l.text.substr(l.text.size() - 3) == "\u2026")) {
    return false;
  }
  return true;
}

bool IsTitleCaseHeadline(const LineFeatures& l) {
  if (l.words < 6 || l.ends_sentence || l.content_words == 0) return false;
  return l.content_capitalized >= 0.8 * l.content_words && l.capitalized >= 0.6 * l.words;
}

std::string FurnitureReason(std::string_view line) {
  std::string_view t = text::Trim(line);
  if (t.empty()) return "";
  std::string reason = LineFurnitureReason(MeasureLine(t));
  return reason == "punctuation" ? "" : reason;
}

}  // namespace newsloom::extract
