#include "extract/plain_text.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <vector>

#include "extract/dates.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace newsloom::extract {
namespace {

enum class Cls { kBad, kShort, kNearGood, kGood };

enum class Role {
  kUnset,
  kBody,
  kBoilerplate,
  kCaption,
  kTitle,
  kSubtitle,
  kByline,
  kMasthead,
  kPublished,
  kOutlet,
};

struct Line {
  int number = 0;    // 1-based input line
  std::string text;  // trimmed
  std::string norm;  // NormalizeForCompare(text)
  int chars = 0;     // code points
  int words = 0;
  int stopwords = 0;
  int capitalized = 0;    // words starting with an upper-case ASCII letter
  int content_words = 0;  // words that are not function words
  int content_capitalized = 0;
  double stop_density = 0;
  bool ends_sentence = false;
  bool repeated = false;  // seen on other pages of the batch
  Cls cls = Cls::kBad;
  Role role = Role::kUnset;
  std::string reason;
};

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

bool StartsUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// Words as written (case kept), split on whitespace, for capitalisation checks.
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

Line MakeLine(int number, std::string_view text) {
  Line l;
  l.number = number;
  l.text = std::string(text);
  l.norm = text::NormalizeForCompare(text);
  l.chars = CodePoints(text);
  std::vector<std::string> words = text::Words(text);
  l.words = static_cast<int>(words.size());
  for (const std::string& w : words) {
    if (text::IsStopword(w)) ++l.stopwords;
  }
  std::vector<std::string_view> raw = RawWords(text);
  for (std::string_view w : raw) {
    while (!w.empty() && (w[0] == '"' || w[0] == '\'' || w[0] == '(')) w.remove_prefix(1);
    const bool upper = StartsUpper(w);
    if (upper) ++l.capitalized;
    std::vector<std::string> ws = text::Words(w);
    const bool stop = ws.size() == 1 && text::IsStopword(ws[0]);
    if (!stop && !ws.empty()) {
      ++l.content_words;
      if (upper) ++l.content_capitalized;
    }
  }
  l.stop_density = l.words > 0 ? static_cast<double>(l.stopwords) / l.words : 0;
  l.ends_sentence = EndsSentence(text);
  return l;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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

// Labels of site chrome in the languages of the evaluation pages: navigation, related-content
// blocks, sharing, account links. Matched against the whole line only.
const std::set<std::string, std::less<>>& NavigationLabels() {
  static const auto* labels = new std::set<std::string, std::less<>>{
      "home",
      "menu",
      "search",
      "skip to content",
      "skip to main content",
      "scroll to top",
      "back to top",
      "read more",
      "more",
      "share",
      "share this",
      "share this article",
      "share on facebook",
      "share on twitter",
      "tweet",
      "print",
      "email",
      "e-mail",
      "subscribe",
      "sign in",
      "log in",
      "login",
      "log out",
      "register",
      "sign up",
      "download the app",
      "next",
      "previous",
      "next post",
      "previous post",
      "next article",
      "previous article",
      "tags",
      "categories",
      "category",
      "reply",
      "cancel reply",
      "follow us",
      "stay connected",
      "connect with us",
      "newsletter",
      "contact",
      "contact us",
      "about us",
      "privacy policy",
      "privacy",
      "terms of use",
      "terms of service",
      "terms and conditions",
      "cookie policy",
      "imprint",
      "impressum",
      "datenschutz",
      "kontakt",
      "suche",
      "startseite",
      "anmelden",
      "weiterlesen",
      "mehr",
      "teilen",
      "drucken",
      "zurück",
      "nach oben",
      "accueil",
      "rechercher",
      "partager",
      "inicio",
      "buscar",
      "compartir",
      "facebook",
      "twitter",
      "instagram",
      "youtube",
      "linkedin",
      "whatsapp",
      "pinterest",
      "telegram",
      "reddit",
      "rss",
      "sitemap",
      "archive",
      "archives",
      "advertise",
      "careers",
      "faq",
      "help",
      "top",
      "close",
      "toggle navigation",
      "open menu",
      "main menu",
      "navigation",
      "loading",
      "follow",
      "like",
      "comments",
  };
  return *labels;
}

const std::set<std::string, std::less<>>& RelatedLabels() {
  static const auto* labels = new std::set<std::string, std::less<>>{
      "related",
      "related articles",
      "related posts",
      "related stories",
      "related news",
      "related content",
      "related topics",
      "more articles",
      "more stories",
      "more news",
      "latest articles",
      "latest news",
      "latest posts",
      "latest stories",
      "latest",
      "most popular",
      "most read",
      "most viewed",
      "popular posts",
      "popular",
      "trending",
      "trending now",
      "must read",
      "editor's picks",
      "editors' picks",
      "recommended",
      "recommended for you",
      "you may also like",
      "you might also like",
      "don't miss",
      "recent posts",
      "recent articles",
      "top stories",
      "also read",
      "read also",
      "see also",
      "further reading",
      "more from",
      "in other news",
      "what to read next",
      "read next",
      "weitere artikel",
      "das könnte sie auch interessieren",
      "meistgelesen",
      "mehr zum thema",
      "ähnliche artikel",
      "à lire aussi",
      "lire aussi",
  };
  return *labels;
}

constexpr int kMaxCallToActionWords = 15;

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

// A line of a site template recognised by what it says. Returns the reason, or "".
std::string PatternReason(const Line& l) {
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
  };
  for (std::string_view p : kCommentForm) {
    if (Contains(l.norm, p)) return "comment-form";
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
      Contains(l.norm, "all rights reserved") || Contains(l.norm, "alle rechte vorbehalten")) {
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

bool IsCaptionCue(const Line& l) {
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

// "... a visit in 24 yearsBy Jane Doe": a subtitle with the byline glued on by the crawl.
// Returns the position of "By" or npos.
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

// "By Jane Doe", "By Jane Doe and John Roe, Reuters". Returns the name or "".
std::string BylineName(const Line& l) {
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

// A bare personal name: two to four capitalised words, no digits or sentence punctuation.
bool LooksLikeName(const Line& l) {
  if (l.words < 2 || l.words > 4 || HasDigit(l.text) || l.ends_sentence) return false;
  for (std::string_view w : RawWords(l.text)) {
    if (!StartsUpper(w)) return false;
  }
  return true;
}

// Publication and update lines: "Published : June 19, 2024 - 15:57", "Updated: ...".
bool IsPublishedLine(const Line& l, std::optional<Date>* date, bool* is_update) {
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

// Of the candidate headlines, the one whose words the URL's path spells out (at least three of
// them, and most of its words), if any.
std::optional<size_t> SpelledByUrl(const std::vector<Line>& lines,
                                   const std::vector<size_t>& candidates, std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  const size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  const std::vector<std::string> slug = text::Words(url.substr(path));
  const std::set<std::string> slug_words(slug.begin(), slug.end());
  std::optional<size_t> best;
  double best_share = 0.6;
  for (size_t i : candidates) {
    const std::vector<std::string> words = text::Words(lines[i].text);
    int spelled = 0;
    for (const std::string& w : words) spelled += slug_words.count(w) > 0;
    const double share = words.empty() ? 0 : static_cast<double>(spelled) / words.size();
    if (spelled >= 3 && share > best_share) {
      best_share = share;
      best = i;
    }
  }
  return best;
}

bool IsHeadlineLike(const Line& l) {
  if (l.words < 3 || l.words > 30 || l.chars > 220) return false;
  if (!l.norm.empty() && (l.norm.back() == ':' || l.norm.back() == ',')) return false;
  if (l.text.size() >= 3 &&
      (l.text.substr(l.text.size() - 3) == "..." || l.text.substr(l.text.size() - 3) == "\u2026")) {
    return false;
  }
  return true;
}

// Another article's headline sitting inside the body: title case, no final punctuation.
bool IsTitleCaseHeadline(const Line& l) {
  if (l.words < 6 || l.ends_sentence || l.content_words == 0) return false;
  return l.content_capitalized >= 0.8 * l.content_words && l.capitalized >= 0.6 * l.words;
}

void Classify(Line& l, bool length_only) {
  if (length_only) {
    l.cls = l.chars >= 100 ? Cls::kGood : (l.chars >= 50 ? Cls::kNearGood : Cls::kShort);
    return;
  }
  if (l.chars < 70) {
    l.cls =
        (l.ends_sentence && l.words >= 8 && l.stop_density >= 0.3) ? Cls::kNearGood : Cls::kShort;
  } else if (l.stop_density >= 0.3) {
    l.cls = (l.chars > 200 || l.ends_sentence) ? Cls::kGood : Cls::kNearGood;
  } else if (l.stop_density >= 0.2) {
    l.cls = (l.ends_sentence && l.chars > 150) ? Cls::kGood : Cls::kNearGood;
  } else if (l.ends_sentence && l.chars >= 100 && l.stop_density >= 0.1) {
    // Name-heavy sentences (lists of officials, agencies) are still running text in context.
    l.cls = Cls::kNearGood;
  } else {
    l.cls = Cls::kBad;
  }
}

constexpr size_t kMaxShortRun = 1;

// jusText's context step: short and near-good lines take the class of their neighbours.
void Smooth(std::vector<Line>& lines, const std::vector<size_t>& open) {
  auto neighbour = [&](size_t k, int dir, bool skip_near_good) -> std::optional<Cls> {
    for (long i = static_cast<long>(k) + dir; i >= 0 && i < static_cast<long>(open.size());
         i += dir) {
      const Cls c = lines[open[i]].cls;
      if (c == Cls::kShort) continue;
      if (skip_near_good && c == Cls::kNearGood) continue;
      return c;
    }
    return std::nullopt;
  };
  std::vector<Cls> next(open.size());
  for (size_t k = 0; k < open.size(); ++k) {
    const Cls c = lines[open[k]].cls;
    next[k] = c;
    if (c == Cls::kNearGood) {
      const auto prev = neighbour(k, -1, true);
      const auto after = neighbour(k, +1, true);
      next[k] = (prev == Cls::kGood || after == Cls::kGood) ? Cls::kGood : Cls::kBad;
    }
  }
  for (size_t k = 0; k < open.size(); ++k) lines[open[k]].cls = next[k];
  for (size_t k = 0; k < open.size(); ++k) {
    if (lines[open[k]].cls != Cls::kShort) continue;
    // A subheading between paragraphs belongs to the text; a run of short lines between them is
    // more often a menu or a link list (measured with `newsloom eval extraction-text`).
    size_t run_begin = k, run_end = k;
    while (run_begin > 0 && lines[open[run_begin - 1]].cls == Cls::kShort) --run_begin;
    while (run_end + 1 < open.size() && lines[open[run_end + 1]].cls == Cls::kShort) ++run_end;
    const auto prev = neighbour(k, -1, false);
    const auto after = neighbour(k, +1, false);
    next[k] = (prev == Cls::kGood && after == Cls::kGood && run_end - run_begin + 1 <= kMaxShortRun)
                  ? Cls::kGood
                  : Cls::kBad;
  }
  for (size_t k = 0; k < open.size(); ++k) lines[open[k]].cls = next[k];
}

// Below this median function-word density of long lines, a page is judged by line length.
constexpr double kMinTypicalDensity = 0.15;

// What a line of furniture costs a stretch of body text that spans it, in characters.
constexpr long kRegionGapCost = 10;

void SetRole(Line& l, Role role, std::string reason) {
  l.role = role;
  l.reason = std::move(reason);
}

}  // namespace

std::string FurnitureReason(std::string_view line) {
  std::string_view t = text::Trim(line);
  if (t.empty()) return "";
  std::string reason = PatternReason(MakeLine(0, t));
  return reason == "punctuation" ? "" : reason;
}

std::string LineKey(std::string_view line) {
  std::string norm = text::NormalizeForCompare(line);
  for (char& c : norm) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return norm;
}

Status ExtractPlainText(std::string_view text, const LineStats* corpus, Article* article) {
  // Lines, numbered from 1; blank lines are kept only as numbers.
  std::vector<Line> lines;
  int number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    ++number;
    std::string_view raw = text::Trim(text.substr(pos, eol - pos));
    if (!raw.empty()) lines.push_back(MakeLine(number, raw));
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  if (lines.empty()) return Status::Corrupt("page has no text");

  // Pages in languages without function-word lists fall back to line length alone.
  int total_words = 0;
  int total_stop = 0;
  for (const Line& l : lines) {
    total_words += l.words;
    total_stop += l.stopwords;
  }
  bool length_only = total_words < 20 || total_stop < 0.08 * total_words;
  // Languages our function-word lists do not cover show low densities even in running text:
  // when the typical long line has few function words, judge lines by length.
  std::vector<double> long_line_density;
  for (const Line& l : lines) {
    if (l.chars >= 150) long_line_density.push_back(l.stop_density);
  }
  if (!long_line_density.empty()) {
    std::sort(long_line_density.begin(), long_line_density.end());
    if (long_line_density[long_line_density.size() / 2] < kMinTypicalDensity) length_only = true;
  }

  // 1. Lines recognised by what they say.
  std::optional<Date> masthead;
  std::optional<Date> published_line;
  std::optional<Date> updated_line;  // an update's date: the article is no newer
  std::string bio_outlet;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    std::optional<Date> date;
    bool is_update = false;
    if (IsPublishedLine(l, &date, &is_update)) {
      if (!is_update && !published_line) published_line = date;
      if (is_update && !updated_line) updated_line = date;
      SetRole(l, Role::kPublished, is_update ? "updated-line" : "published-line");
      continue;
    }
    if (auto d = DateLine(l.text, 3, l.words)) {
      if (!masthead && i < 12) {
        masthead = d;
        SetRole(l, Role::kMasthead, "masthead-date");
      } else {
        SetRole(l, Role::kBoilerplate, "date");
      }
      continue;
    }
    std::string reason = PatternReason(l);
    if (!reason.empty()) {
      if (reason == "author-bio" && bio_outlet.empty()) {
        // "Welcome to Name, where ..." names the site.
        std::string_view rest = std::string_view(l.text).substr(11);
        const size_t end = rest.find_first_of(",.!");
        if (end != std::string_view::npos && end <= 60)
          bio_outlet = std::string(text::Trim(rest.substr(0, end)));
      }
      SetRole(l, Role::kBoilerplate, reason);
      continue;
    }
    if (!BylineName(l).empty()) {
      SetRole(l, Role::kByline, "byline");
      if (article->byline.empty()) article->byline = BylineName(l);
      continue;
    }
    if (IsCaptionCue(l)) {
      SetRole(l, Role::kCaption, "caption");
      continue;
    }
    if (i < 12 && !l.ends_sentence && GluedByline(l.text) != std::string::npos) {
      SetRole(l, Role::kSubtitle, "subtitle");  // settled with the title below
      continue;
    }
  }
  // Photo captions printed twice, the second time with the credit appended.
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = i + 1; j < lines.size() && j <= i + 2; ++j) {
      const Line& a = lines[i];
      const Line& b = lines[j];
      const Line& shorter = a.norm.size() <= b.norm.size() ? a : b;
      const Line& longer = a.norm.size() <= b.norm.size() ? b : a;
      if (shorter.norm.size() >= 30 && longer.norm.size() > shorter.norm.size() &&
          StartsWith(longer.norm, shorter.norm)) {
        for (size_t k : {i, j}) {
          if (lines[k].role == Role::kUnset || lines[k].role == Role::kCaption) {
            SetRole(lines[k], Role::kCaption, "caption");
          }
        }
      }
    }
  }
  // Author bios: the name line just before "Welcome to ..." is the byline.
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].reason == "author-bio" && lines[i - 1].role == Role::kUnset &&
        LooksLikeName(lines[i - 1])) {
      SetRole(lines[i - 1], Role::kByline, "byline");
      if (article->byline.empty()) article->byline = lines[i - 1].text;
    }
  }
  // Template lines shared with other pages of the batch. Copies of one wire story share their
  // sentences too, so long sentence-like lines are not condemned by recurrence alone.
  if (corpus != nullptr && corpus->pages() >= 3) {
    for (Line& l : lines) {
      if (corpus->PagesWithLine(l.text) < 2) continue;
      l.repeated = true;
      const bool sentence_like = l.words >= 12 && l.stop_density >= 0.2 && l.ends_sentence;
      if (l.role == Role::kUnset && !sentence_like)
        SetRole(l, Role::kBoilerplate, "repeated-across-pages");
    }
  }

  // 2. jusText classification of the remaining lines, then context smoothing.
  std::vector<size_t> open;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].role != Role::kUnset) continue;
    Classify(lines[i], length_only);
    open.push_back(i);
  }
  Smooth(lines, open);

  // Comment forms end the article: what follows is readers' text or site furniture.
  // A long headline at the top reads as running text by its length; without final punctuation
  // it opens the header, not the body.
  size_t first_good = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.role == Role::kUnset && l.cls == Cls::kGood && !(IsHeadlineLike(l) && !l.ends_sentence)) {
      first_good = i;
      break;
    }
  }
  if (first_good == lines.size()) {
    // No running text at all: accept the longest sentence-like line (a long one may have lost
    // its full stop to truncation) so that short notices still yield something, else report the
    // page as empty, with its headline when it has one.
    size_t best = lines.size();
    for (size_t i : open) {
      if (lines[i].words >= 8 && (lines[i].ends_sentence || lines[i].words >= 20) &&
          (best == lines.size() || lines[i].chars > lines[best].chars)) {
        best = i;
      }
    }
    if (best == lines.size()) {
      for (const Line& l : lines) {
        if (l.role == Role::kUnset && IsHeadlineLike(l)) {
          article->title = l.text;
          break;
        }
      }
      return Status::Corrupt("no body text found");
    }
    lines[best].cls = Cls::kGood;
    first_good = best;
  }
  bool ended = false;
  for (size_t i = first_good; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.reason == "comment-form") ended = true;
    if (ended && l.role == Role::kUnset) SetRole(l, Role::kBoilerplate, "after-comments");
  }
  // The article is one stretch of the page: the run of lines where running text outweighs the
  // furniture between it (a maximum-sum segment). Good text far below, such as a site's
  // self-description in the footer, stays out.
  {
    long best = 0, run = 0;
    size_t best_lo = first_good, best_hi = first_good, lo = first_good;
    for (size_t i = first_good; i < lines.size(); ++i) {
      const Line& l = lines[i];
      long gain = 0;
      if (l.role == Role::kUnset) {
        gain = l.cls == Cls::kGood ? l.chars : -(kRegionGapCost + std::min(l.chars, 200) / 2);
      } else if (l.role == Role::kBoilerplate) {
        gain = -kRegionGapCost;
      }
      if (run <= 0) {
        run = 0;
        lo = i;
      }
      run += gain;
      if (run > best) {
        best = run;
        best_lo = lo;
        best_hi = i;
      }
    }
    for (size_t i = first_good; i < lines.size(); ++i) {
      Line& l = lines[i];
      if ((i < best_lo || i > best_hi) && l.role == Role::kUnset && l.cls == Cls::kGood) {
        SetRole(l, Role::kBoilerplate, "outside-main-text");
      }
    }
    first_good = best_lo;
  }

  // 3. Header: title (and a subtitle right below it) among the lines before the body.
  std::vector<size_t> candidates;
  for (size_t i = 0; i < first_good; ++i) {
    Line& l = lines[i];
    if (l.role == Role::kUnset || l.role == Role::kSubtitle ||
        (l.role == Role::kBoilerplate && l.reason == "repeated-across-pages")) {
      if (IsHeadlineLike(l) || GluedByline(l.text) != std::string::npos) candidates.push_back(i);
    }
  }
  // A headline-like line that other pages of the batch print too is more likely the site's
  // than the article's; such lines are chosen only when nothing else qualifies.
  std::vector<size_t> own;
  for (size_t i : candidates) {
    if (!lines[i].repeated) own.push_back(i);
  }
  if (!own.empty()) candidates = std::move(own);
  std::optional<size_t> title;
  std::optional<size_t> subtitle;
  if (!candidates.empty()) {
    title = candidates.back();
    // The headline a page's address spells out ("/storm-closes-the-harbour/") is its own.
    if (const std::optional<size_t> named = SpelledByUrl(lines, candidates, article->url)) {
      title = *named;
    }
    // Two headline lines in a row: headline and standfirst.
    if (candidates.size() >= 2) {
      const size_t a = candidates[candidates.size() - 2];
      const size_t b = candidates.back();
      bool adjacent = true;
      for (size_t k = a + 1; k < b; ++k) {
        if (lines[k].role != Role::kCaption) adjacent = false;
      }
      if (adjacent && b == a + 1) {
        title = a;
        subtitle = b;
      }
    }
  }
  if (title) {
    Line& t = lines[*title];
    const size_t by = GluedByline(t.text);
    if (by != std::string::npos && !subtitle) {
      // A lone glued line is still a headline; keep its byline.
      article->byline = article->byline.empty() ? std::string(text::Trim(t.text.substr(by + 3)))
                                                : article->byline;
      t.text = std::string(text::Trim(t.text.substr(0, by)));
    }
    article->title = t.text;
    SetRole(t, Role::kTitle, "title");
  }
  if (subtitle) {
    Line& s = lines[*subtitle];
    std::string sub = s.text;
    const size_t by = GluedByline(sub);
    if (by != std::string::npos) {
      if (article->byline.empty()) article->byline = std::string(text::Trim(sub.substr(by + 3)));
      sub = std::string(text::Trim(sub.substr(0, by)));
    }
    article->subtitle = sub;
    SetRole(s, Role::kSubtitle, "subtitle");
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].role == Role::kSubtitle && subtitle != i) {
      const size_t by = GluedByline(lines[i].text);
      if (article->byline.empty() && by != std::string::npos) {
        article->byline = std::string(text::Trim(lines[i].text.substr(by + 3)));
      }
      SetRole(lines[i], Role::kBoilerplate, "byline");
    }
  }
  // A date line right below the headline dates the article; one above it is the template's
  // ("today"). A byline may carry the date too ("By Jane Doe Published on June 28, 2024").
  if (title && !published_line) {
    for (size_t i = *title + 1; i < std::min(first_good, *title + 4); ++i) {
      const Line& l = lines[i];
      if (l.role == Role::kMasthead || (l.role == Role::kBoilerplate && l.reason == "date")) {
        published_line = DateLine(l.text, 3, l.words);
      } else if (l.role == Role::kByline) {
        const size_t at = l.norm.find("published ");
        if (at != std::string::npos)
          published_line = ParseDate(std::string_view(l.norm).substr(at));
      }
      if (published_line) {
        if (l.role == Role::kMasthead) masthead.reset();
        break;
      }
    }
  }
  // The outlet's name: the bio's "Welcome to X", else a short name line opening the page.
  if (!bio_outlet.empty()) {
    article->outlet = bio_outlet;
  } else if (title && lines[0].role == Role::kUnset && *title > 0 && lines[0].words >= 1 &&
             lines[0].words <= 3 && !HasDigit(lines[0].text) && !lines[0].ends_sentence &&
             StartsUpper(lines[0].text) && lines[0].stopwords == 0) {
    article->outlet = lines[0].text;
    SetRole(lines[0], Role::kOutlet, "outlet");
  }

  // 4. Body: good lines from the first good one on; other headlines inside the body go.
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.role != Role::kUnset) continue;
    if (i < first_good) {
      SetRole(l, Role::kBoilerplate, "header");
      continue;
    }
    if (IsTitleCaseHeadline(l)) {
      SetRole(l, Role::kBoilerplate, "other-headline");
      continue;
    }
    if (l.cls != Cls::kGood) {
      SetRole(l, Role::kBoilerplate, l.chars < 70 ? "short" : "not-running-text");
      continue;
    }
    SetRole(l, Role::kBody, "");
  }

  // 5. Assemble.
  std::set<std::string> caption_seen;
  for (const Line& l : lines) {
    switch (l.role) {
      case Role::kBody: {
        if (!article->body.empty()) article->body.push_back('\n');
        Paragraph p;
        p.text = l.text;
        p.line = l.number;
        p.span.begin = static_cast<uint32_t>(article->body.size());
        article->body += l.text;
        p.span.end = static_cast<uint32_t>(article->body.size());
        article->paragraphs.push_back(std::move(p));
        break;
      }
      case Role::kCaption: {
        Paragraph p;
        p.text = l.text;
        p.line = l.number;
        article->captions.push_back(std::move(p));
        break;
      }
      case Role::kTitle:
      case Role::kSubtitle:
      case Role::kOutlet:
        break;
      default:
        article->removed.push_back({l.number, l.text, l.reason.empty() ? "boilerplate" : l.reason});
        break;
    }
  }
  if (article->paragraphs.empty()) return Status::Corrupt("no body text found");

  // 6. Publication date: an explicit line; the other signals are weighed against it afterwards
  // (ResolvePublication).
  article->masthead_date = masthead;
  if (published_line) {
    article->published = published_line;
    article->published_confidence = 0.95;
    article->published_source = DateSource::kDateLine;
  } else if (updated_line) {
    // Most updates come the day a story runs; alone, the stamp is a weak date line.
    article->published = updated_line;
    article->published_confidence = 0.5;
    article->published_source = DateSource::kDateLine;
  }
  return Status::Ok();
}

}  // namespace newsloom::extract
