#include "extract/plain_text.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "extract/budget.h"
#include "extract/dates.h"
#include "extract/furniture.h"
#include "text/normalize.h"

namespace newsloom::extract {
namespace {

// jusText's classes of a line: bad, short, near-good, good.
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

struct Line : LineFeatures {
  int number = 0;         // 1-based input line
  bool repeated = false;  // seen on other pages of the batch
  Cls cls = Cls::kBad;
  Role role = Role::kUnset;
  std::string reason;
};

// Below this median function-word density of long lines, a page is judged by line length.
constexpr double kMinTypicalDensity = 0.15;
// What a line of furniture costs a stretch of body text that spans it, in characters.
constexpr long kRegionGapCost = 10;
// A subheading between paragraphs belongs to the text; a run of short lines between them is more
// often a menu or a link list (measured with `newsloom eval extraction-text`).
constexpr size_t kMaxShortRun = 1;
// Lines before this one may hold the masthead date and a subtitle with a glued byline.
constexpr size_t kHeaderLines = 12;
// A line on at least this many pages of a site, and on half of them, is the site's template.
constexpr int kMinSiteTemplatePages = 3;
// How often the steps look at the clock, in lines.
constexpr size_t kLinesPerClockCheck = 4096;

void SetRole(Line& l, Role role, std::string reason) {
  l.role = role;
  l.reason = std::move(reason);
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

// For each of `classes`, the class of the nearest entry before it (dir -1) or after it (+1) that
// `counts`, or nullopt. Linear.
template <typename Counts>
std::vector<std::optional<Cls>> Nearest(const std::vector<Cls>& classes, int dir, Counts counts) {
  std::vector<std::optional<Cls>> out(classes.size());
  std::optional<Cls> seen;
  for (size_t n = 0; n < classes.size(); ++n) {
    const size_t k = dir < 0 ? n : classes.size() - 1 - n;
    out[k] = seen;
    if (counts(classes[k])) seen = classes[k];
  }
  return out;
}

// jusText's context step over the unassigned lines `open`: near-good lines take the class of
// their nearest good or bad neighbours, then short lines between two good ones become good when
// they stand alone.
void Smooth(std::vector<Line>& lines, const std::vector<size_t>& open) {
  std::vector<Cls> cls(open.size());
  for (size_t k = 0; k < open.size(); ++k) cls[k] = lines[open[k]].cls;
  auto good_or_bad = [](Cls c) { return c == Cls::kGood || c == Cls::kBad; };
  const auto before = Nearest(cls, -1, good_or_bad);
  const auto after = Nearest(cls, +1, good_or_bad);
  for (size_t k = 0; k < open.size(); ++k) {
    if (cls[k] != Cls::kNearGood) continue;
    cls[k] = (before[k] == Cls::kGood || after[k] == Cls::kGood) ? Cls::kGood : Cls::kBad;
  }
  auto not_short = [](Cls c) { return c != Cls::kShort; };
  const auto prev = Nearest(cls, -1, not_short);
  const auto next = Nearest(cls, +1, not_short);
  std::vector<Cls> smoothed = cls;
  for (size_t k = 0; k < open.size();) {
    if (cls[k] != Cls::kShort) {
      ++k;
      continue;
    }
    size_t run_end = k;
    while (run_end < open.size() && cls[run_end] == Cls::kShort) ++run_end;
    for (size_t m = k; m < run_end; ++m) {
      smoothed[m] = (prev[m] == Cls::kGood && next[m] == Cls::kGood && run_end - k <= kMaxShortRun)
                        ? Cls::kGood
                        : Cls::kBad;
    }
    k = run_end;
  }
  for (size_t k = 0; k < open.size(); ++k) lines[open[k]].cls = smoothed[k];
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

// One page of plain text on its way to an Article; each step below is one pass over the lines.
class PlainTextPage {
 public:
  PlainTextPage(const LineStats* corpus, Article* article) : corpus_(corpus), article_(article) {}

  Status Run(std::string_view text) {
    NEWSLOOM_RETURN_IF_ERROR(SplitLines(text));
    if (lines_.empty()) return Status::Corrupt("page has no text");
    JudgeByLengthOnly();
    MarkRecognisedLines();
    MarkCaptionsPrintedTwice();
    MarkBylinesBeforeBios();
    MarkRepeatedLines();
    NEWSLOOM_RETURN_IF_ERROR(clock_.Check());
    ClassifyAndSmooth();
    NEWSLOOM_RETURN_IF_ERROR(FindFirstGoodLine());
    EndAtCommentForms();
    KeepMainStretch();
    PickHeader();
    AssignBody();
    Assemble();
    if (article_->paragraphs.empty()) return Status::Corrupt("no body text found");
    std::stable_sort(article_->removed.begin(), article_->removed.end(),
                     [](const RemovedLine& a, const RemovedLine& b) { return a.line < b.line; });
    DatePublication();
    return clock_.Check();
  }

 private:
  // Lines, numbered from 1; blank lines are kept only as numbers.
  Status SplitLines(std::string_view text) {
    int number = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      ++number;
      std::string_view raw = text::Trim(text.substr(pos, eol - pos));
      if (lines_.size() < kHeaderLines) raw = WithoutCrawlDate(raw, number);
      if (!raw.empty()) {
        Line line;
        static_cast<LineFeatures&>(line) = MeasureLine(CollapseSpace(raw));
        line.number = number;
        lines_.push_back(std::move(line));
        if (lines_.size() % kLinesPerClockCheck == 0) NEWSLOOM_RETURN_IF_ERROR(clock_.Check());
      }
      if (eol == text.size()) break;
      pos = eol + 1;
    }
    return Status::Ok();
  }

  // A crawl's date marker ("date 2024-02-12") opening one of the first lines, alone or glued to
  // the first paragraph, is the crawl's, not the page's: it is removed as a "date line" (which
  // the date signals read) and the rest of the line is returned. Like a template's "today"
  // date, it is the masthead date unless one came before it.
  std::string_view WithoutCrawlDate(std::string_view line, int number) {
    constexpr std::string_view kMarker = "date ";
    constexpr size_t kIsoDate = 10;  // YYYY-MM-DD
    if (!line.starts_with(kMarker) || line.size() < kMarker.size() + kIsoDate) return line;
    size_t end = kMarker.size() + kIsoDate;
    if (!Date::FromIso(line.substr(kMarker.size(), kIsoDate))) return line;
    // An ISO time may follow the date ("2024-02-12T08:30:00Z").
    if (end < line.size() && line[end] == 'T') end = std::min(line.find(' ', end), line.size());
    if (end < line.size() && line[end] != ' ') return line;
    article_->removed.push_back({number, std::string(line.substr(0, end)), "date line"});
    if (!masthead_) masthead_ = Date::FromIso(line.substr(kMarker.size(), kIsoDate));
    return text::Trim(line.substr(end));
  }

  // Pages in languages without function-word lists fall back to line length alone; so do pages
  // whose typical long line has few function words (languages the lists do not cover).
  void JudgeByLengthOnly() {
    int total_words = 0;
    int total_stop = 0;
    std::vector<double> long_line_density;
    for (const Line& l : lines_) {
      total_words += l.words;
      total_stop += l.stopwords;
      if (l.chars >= 150) long_line_density.push_back(l.stop_density);
    }
    length_only_ = total_words < 20 || total_stop < 0.08 * total_words;
    if (!long_line_density.empty()) {
      const auto mid = long_line_density.begin() + long_line_density.size() / 2;
      std::nth_element(long_line_density.begin(), mid, long_line_density.end());
      if (*mid < kMinTypicalDensity) length_only_ = true;
    }
  }

  // Step 1: lines recognised by what they say: publication and date lines, furniture, bylines,
  // captions, a subtitle with a glued byline.
  void MarkRecognisedLines() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      std::optional<Date> date;
      bool is_update = false;
      if (IsPublishedLine(l, &date, &is_update)) {
        if (!is_update && !published_line_) published_line_ = date;
        if (is_update && !updated_line_) updated_line_ = date;
        SetRole(l, Role::kPublished, is_update ? "updated-line" : "published-line");
        continue;
      }
      // A date line states its year in digits (at least four with day and month).
      if (auto d = DigitCount(l.text) >= 4 ? DateLine(l.text, 3, l.words) : std::nullopt) {
        if (!masthead_ && i < kHeaderLines) {
          masthead_ = d;
          SetRole(l, Role::kMasthead, "masthead-date");
        } else {
          SetRole(l, Role::kBoilerplate, "date");
        }
        continue;
      }
      std::string reason = LineFurnitureReason(l);
      if (!reason.empty()) {
        if (reason == "author-bio" && bio_outlet_.empty()) {
          // "Welcome to Name, where ..." names the site.
          std::string_view rest = std::string_view(l.text).substr(11);
          const size_t end = rest.find_first_of(",.!");
          if (end != std::string_view::npos && end <= 60)
            bio_outlet_ = std::string(text::Trim(rest.substr(0, end)));
        }
        SetRole(l, Role::kBoilerplate, reason);
        continue;
      }
      if (std::string name = BylineName(l); !name.empty()) {
        SetRole(l, Role::kByline, "byline");
        if (article_->byline.empty()) article_->byline = std::move(name);
        continue;
      }
      if (IsCaptionCue(l)) {
        SetRole(l, Role::kCaption, "caption");
        continue;
      }
      if (i < kHeaderLines && !l.ends_sentence && GluedByline(l.text) != std::string::npos) {
        SetRole(l, Role::kSubtitle, "subtitle");  // settled with the title
      }
    }
  }

  // Step 2: photo captions printed twice, the second time with the credit appended.
  void MarkCaptionsPrintedTwice() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      for (size_t j = i + 1; j < lines_.size() && j <= i + 2; ++j) {
        const Line& a = lines_[i];
        const Line& b = lines_[j];
        const Line& shorter = a.norm.size() <= b.norm.size() ? a : b;
        const Line& longer = a.norm.size() <= b.norm.size() ? b : a;
        if (shorter.norm.size() < 30 || longer.norm.size() <= shorter.norm.size() ||
            longer.norm.compare(0, shorter.norm.size(), shorter.norm) != 0) {
          continue;
        }
        for (size_t k : {i, j}) {
          if (lines_[k].role == Role::kUnset || lines_[k].role == Role::kCaption)
            SetRole(lines_[k], Role::kCaption, "caption");
        }
      }
    }
  }

  // Step 3: author bios: the name line just before "Welcome to ..." is the byline.
  void MarkBylinesBeforeBios() {
    for (size_t i = 1; i < lines_.size(); ++i) {
      if (lines_[i].reason == "author-bio" && lines_[i - 1].role == Role::kUnset &&
          LooksLikeName(lines_[i - 1])) {
        SetRole(lines_[i - 1], Role::kByline, "byline");
        if (article_->byline.empty()) article_->byline = lines_[i - 1].text;
      }
    }
  }

  // Step 4: template lines shared with other pages. Copies of one wire story share their
  // sentences too, so long sentence-like lines are not condemned by recurrence across the batch
  // alone; on the pages of one site, a line that most of them carry is the site's whatever it
  // says.
  void MarkRepeatedLines() {
    if (corpus_ == nullptr) return;
    const std::string site = LineStats::SiteOf(article_->url, article_->source);
    const int site_pages = corpus_->SitePages(site);
    for (Line& l : lines_) {
      const int on_site = site_pages >= 2 ? corpus_->SitePagesWithLine(site, l.text) : 0;
      const bool site_template = on_site >= kMinSiteTemplatePages && on_site * 2 >= site_pages;
      const bool across_batch = corpus_->pages() >= 3 && corpus_->PagesWithLine(l.text) >= 2;
      if (!across_batch && on_site < 2) continue;
      l.repeated = true;
      const bool sentence_like = l.words >= 12 && l.stop_density >= 0.2 && l.ends_sentence;
      if (l.role == Role::kUnset && (!sentence_like || site_template))
        SetRole(l, Role::kBoilerplate, "repeated-across-pages");
    }
  }

  // Step 5: jusText classification of the remaining lines, then context smoothing.
  void ClassifyAndSmooth() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].role != Role::kUnset) continue;
      Classify(lines_[i], length_only_);
      open_.push_back(i);
    }
    Smooth(lines_, open_);
  }

  // Step 6: the first good line. With no running text at all, the longest sentence-like line is
  // taken so that short notices still yield something; else the page is empty.
  Status FindFirstGoodLine() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      // A long headline reads as running text by its length; without final punctuation it opens
      // the header, not the body.
      if (l.role == Role::kUnset && l.cls == Cls::kGood &&
          !(IsHeadlineLike(l) && !l.ends_sentence)) {
        first_good_ = i;
        return Status::Ok();
      }
    }
    // A long line may have lost its full stop to truncation.
    size_t best = lines_.size();
    for (size_t i : open_) {
      if (lines_[i].words >= 8 && (lines_[i].ends_sentence || lines_[i].words >= 20) &&
          (best == lines_.size() || lines_[i].chars > lines_[best].chars)) {
        best = i;
      }
    }
    if (best == lines_.size()) {
      // An empty page still reports its headline, if it has one.
      for (const Line& l : lines_) {
        if (l.role == Role::kUnset && IsHeadlineLike(l)) {
          article_->title = l.text;
          break;
        }
      }
      return Status::Corrupt("no body text found");
    }
    lines_[best].cls = Cls::kGood;
    first_good_ = best;
    return Status::Ok();
  }

  // Step 7: a comment form, or a heading that ends articles ("About the author", "Comments"),
  // ends the article when at least as much running text comes before it as after: what follows
  // is readers' text or site furniture. (Before the article, or above a form label alone such
  // as "Name", it says nothing.)
  void EndAtCommentForms() {
    std::vector<long> good_after(lines_.size() + 1, 0);  // running text from each line on
    for (size_t i = lines_.size(); i-- > first_good_;) {
      const Line& l = lines_[i];
      good_after[i] =
          good_after[i + 1] + (l.role == Role::kUnset && l.cls == Cls::kGood ? l.chars : 0);
    }
    size_t end = lines_.size();
    for (size_t i = first_good_; i < lines_.size() && end == lines_.size(); ++i) {
      const Line& l = lines_[i];
      const bool form = l.reason == "comment-form" && l.words >= 2;
      const bool heading = l.role != Role::kBody && EndsArticle(l);
      const long before = good_after[first_good_] - good_after[i];
      if ((form || heading) && before > 0 && before >= good_after[i]) end = i;
    }
    for (size_t i = end; i < lines_.size(); ++i) {
      if (lines_[i].role == Role::kUnset) SetRole(lines_[i], Role::kBoilerplate, "after-comments");
    }
  }

  // Step 8: the article is one stretch of the page: the run of lines where running text
  // outweighs the furniture between it (a maximum-sum segment). Good text far below, such as a
  // site's self-description in the footer, stays out.
  void KeepMainStretch() {
    long best = 0, run = 0;
    size_t best_lo = first_good_, best_hi = first_good_, lo = first_good_;
    for (size_t i = first_good_; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
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
    for (size_t i = first_good_; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if ((i < best_lo || i > best_hi) && l.role == Role::kUnset && l.cls == Cls::kGood)
        SetRole(l, Role::kBoilerplate, "outside-main-text");
    }
    first_good_ = best_lo;
  }

  // A headline-like line that other pages of the batch print too is more likely the site's than
  // the article's; such lines are chosen only when nothing else qualifies.
  std::vector<size_t> HeadlineCandidates() const {
    std::vector<size_t> candidates, own;
    for (size_t i = 0; i < first_good_; ++i) {
      const Line& l = lines_[i];
      if (l.role == Role::kUnset || l.role == Role::kSubtitle ||
          (l.role == Role::kBoilerplate && l.reason == "repeated-across-pages")) {
        if (IsHeadlineLike(l) || GluedByline(l.text) != std::string::npos) {
          candidates.push_back(i);
          if (!l.repeated) own.push_back(i);
        }
      }
    }
    return own.empty() ? candidates : own;
  }

  // The text of a header line without a byline glued to its end, which becomes the byline when
  // none is known yet.
  std::string WithoutGluedByline(const std::string& text) {
    const size_t by = GluedByline(text);
    if (by == std::string::npos) return text;
    if (article_->byline.empty()) article_->byline = std::string(text::Trim(text.substr(by + 3)));
    return std::string(text::Trim(text.substr(0, by)));
  }

  // A date line right below the headline dates the article; one above it is the template's
  // ("today"). A byline may carry the date too ("By Jane Doe Published on June 28, 2024").
  void DateFromLinesBelow(size_t title) {
    for (size_t i = title + 1; i < std::min(first_good_, title + 4); ++i) {
      const Line& l = lines_[i];
      if (l.role == Role::kMasthead || (l.role == Role::kBoilerplate && l.reason == "date")) {
        published_line_ = DateLine(l.text, 3, l.words);
      } else if (l.role == Role::kByline) {
        const size_t at = l.norm.find("published ");
        if (at != std::string::npos)
          published_line_ = ParseDate(std::string_view(l.norm).substr(at));
      }
      if (published_line_) {
        if (l.role == Role::kMasthead) masthead_.reset();
        return;
      }
    }
  }

  // Step 9: the header: the title (and a subtitle right below it) among the lines before the
  // body; other glued-byline lines; the outlet's name.
  void PickHeader() {
    const std::vector<size_t> candidates = HeadlineCandidates();
    std::optional<size_t> title;
    std::optional<size_t> subtitle;
    if (!candidates.empty()) {
      title = candidates.back();
      // The headline a page's address spells out ("/storm-closes-the-harbour/") is its own.
      if (const std::optional<size_t> named = SpelledByUrl(lines_, candidates, article_->url)) {
        title = *named;
      }
      // Two headline lines in a row: headline and standfirst.
      if (candidates.size() >= 2 && candidates.back() == candidates[candidates.size() - 2] + 1) {
        title = candidates[candidates.size() - 2];
        subtitle = candidates.back();
      }
    }
    if (title) {
      Line& t = lines_[*title];
      // A lone glued line is still a headline; its byline is kept.
      if (!subtitle) t.text = WithoutGluedByline(t.text);
      article_->title = t.text;
      SetRole(t, Role::kTitle, "title");
    }
    if (subtitle) {
      Line& s = lines_[*subtitle];
      article_->subtitle = WithoutGluedByline(s.text);
      SetRole(s, Role::kSubtitle, "subtitle");
    }
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].role == Role::kSubtitle && subtitle != i) {
        WithoutGluedByline(lines_[i].text);
        SetRole(lines_[i], Role::kBoilerplate, "byline");
      }
    }
    if (title && !published_line_) DateFromLinesBelow(*title);
    // The outlet's name: the bio's "Welcome to X", else a short name line opening the page.
    const Line& first = lines_[0];
    if (!bio_outlet_.empty()) {
      article_->outlet = bio_outlet_;
    } else if (title && first.role == Role::kUnset && *title > 0 && first.words >= 1 &&
               first.words <= 3 && !HasDigit(first.text) && !first.ends_sentence &&
               StartsUpper(first.text) && first.stopwords == 0) {
      article_->outlet = first.text;
      SetRole(lines_[0], Role::kOutlet, "outlet");
    }
  }

  // Step 10: the body: good lines from the first good one on; other headlines inside it go.
  void AssignBody() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.role != Role::kUnset) continue;
      if (i < first_good_) {
        SetRole(l, Role::kBoilerplate, "header");
      } else if (IsTitleCaseHeadline(l)) {
        SetRole(l, Role::kBoilerplate, "other-headline");
      } else if (l.cls != Cls::kGood) {
        SetRole(l, Role::kBoilerplate, l.chars < 70 ? "short" : "not-running-text");
      } else {
        SetRole(l, Role::kBody, "");
      }
    }
  }

  // Step 11: paragraphs, captions and removed lines, in page order.
  void Assemble() {
    for (const Line& l : lines_) {
      switch (l.role) {
        case Role::kBody: {
          if (!article_->body.empty()) article_->body.push_back('\n');
          Paragraph p;
          p.text = l.text;
          p.line = l.number;
          p.span.begin = static_cast<uint32_t>(article_->body.size());
          article_->body += l.text;
          p.span.end = static_cast<uint32_t>(article_->body.size());
          article_->paragraphs.push_back(std::move(p));
          break;
        }
        case Role::kCaption: {
          Paragraph p;
          p.text = l.text;
          p.line = l.number;
          article_->captions.push_back(std::move(p));
          break;
        }
        case Role::kTitle:
        case Role::kSubtitle:
        case Role::kOutlet:
          break;
        default:
          article_->removed.push_back(
              {l.number, l.text, l.reason.empty() ? "boilerplate" : l.reason});
          break;
      }
    }
  }

  // Step 12: the publication date an explicit line states; the other signals are weighed
  // against it afterwards (ResolvePublication).
  void DatePublication() {
    article_->masthead_date = masthead_;
    if (published_line_) {
      article_->published = published_line_;
      article_->published_confidence = 0.95;
      article_->published_source = DateSource::kDateLine;
    } else if (updated_line_) {
      // Most updates come the day a story runs; alone, the stamp is a weak date line.
      article_->published = updated_line_;
      article_->published_confidence = 0.5;
      article_->published_source = DateSource::kDateLine;
    }
  }

  const LineStats* corpus_;
  Article* article_;
  const PageClock clock_;
  std::vector<Line> lines_;
  std::vector<size_t> open_;  // lines left to the jusText classifier
  bool length_only_ = false;
  size_t first_good_ = 0;
  std::optional<Date> masthead_;
  std::optional<Date> published_line_;
  std::optional<Date> updated_line_;  // an update's date: the article is no newer
  std::string bio_outlet_;
};

}  // namespace

std::string LineKey(std::string_view line) {
  std::string norm = text::NormalizeForCompare(line);
  for (char& c : norm) {
    if (c >= '0' && c <= '9') c = '0';
  }
  return norm;
}

Status ExtractPlainText(std::string_view text, const LineStats* corpus, Article* article) {
  if (text.size() > DefaultBudget().max_bytes) return OverBudget("size");
  return PlainTextPage(corpus, article).Run(text);
}

}  // namespace newsloom::extract
