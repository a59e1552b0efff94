#include "extract/html.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "extract/budget.h"
#include "extract/furniture.h"
#include "extract/html_blocks.h"
#include "extract/html_dom.h"
#include "extract/html_meta.h"
#include "extract/html_source.h"
#include "extract/script_text.h"
#include "text/normalize.h"

namespace newsloom::extract {
namespace {

// Blocks outside the main region shorter than this are not taken in as running text.
constexpr size_t kMinRunningTextBytes = 100;
constexpr size_t kMinSentenceBytes = 60;
constexpr size_t kMaxTrailingLineBytes = 40;
constexpr size_t kMaxIntroducingLineBytes = 150;
// Longer blocks are not taken for captions by their wording.
constexpr size_t kMaxCaptionBytes = 400;
// The share of the page's running-text score that the region must hold.
constexpr double kMinRegionShare = 0.5;
// A DOM body shorter than this may be the stub of a page rendered by script.
constexpr size_t kMaxStubBodyBytes = 500;
// Script text replaces such a stub when it is at least this long and twice the stub's length.
constexpr size_t kMinScriptBodyBytes = 200;

double LinkDensity(const Block& b) {
  return static_cast<double>(b.link_chars) /
         static_cast<double>(std::max<size_t>(1, b.text.size()));
}

// A block's running-text score (Readability's): commas and length, less its share of link
// text; 0 for blocks too short or too link-heavy to count, and with `use_hints` for blocks under
// furniture hints.
double BlockScore(const Block& b, bool use_hints) {
  if (b.holder == nullptr || (use_hints && !b.hint.empty())) return 0;
  const double link_density = LinkDensity(b);
  if (b.text.size() < 25 || link_density > 0.5) return 0;
  const double commas = static_cast<double>(std::count(b.text.begin(), b.text.end(), ','));
  return (1 + commas + std::min(static_cast<double>(b.text.size()) / 100.0, 3.0)) *
         (1 - link_density);
}

// Readability's content score of each element (indexed by ElementInfo::order): the running text
// its blocks hold, shared with the two nearest ancestors.
std::vector<double> ScoreElements(const PageBlocks& page, bool use_hints) {
  std::vector<double> score(page.elements().size(), 0.0);
  for (const Block& b : page.blocks()) {
    const double s = BlockScore(b, use_hints);
    if (s == 0) continue;
    // Text held directly by a paragraph-like element counts for the element around it.
    const xmlNode* start = b.holder;
    const Tag tag = page.Info(start)->tag;
    if ((tag == Tag::kP || tag == Tag::kLi || IsHeading(tag) || tag == Tag::kBlockquote ||
         tag == Tag::kPre || tag == Tag::kTd) &&
        IsElement(start->parent)) {
      start = start->parent;
    }
    double share = s;
    for (const xmlNode* n = start; n != nullptr && IsElement(n) && share >= s / 4; n = n->parent) {
      score[page.Info(n)->order] += share;
      share /= 2;
    }
  }
  return score;
}

// The block scores summed over each element's whole subtree (indexed by ElementInfo::order), and
// over the page in `total`. Linear: children come after their parents in document order.
std::vector<double> SubtreeScores(const PageBlocks& page, bool use_hints, double* total) {
  std::vector<double> sum(page.elements().size(), 0.0);
  *total = 0;
  for (const Block& b : page.blocks()) {
    const double s = BlockScore(b, use_hints);
    if (s == 0) continue;
    sum[page.Info(b.holder)->order] += s;
    *total += s;
  }
  for (size_t k = sum.size(); k-- > 0;) {
    if (const ElementInfo* parent = page.Info(page.elements()[k]->parent))
      sum[parent->order] += sum[k];
  }
  return sum;
}

// The element with the best score, a bonus for tag and class words that mark article containers;
// ties go to the first in document order. Null when no block scored.
const xmlNode* TopElement(const PageBlocks& page, const std::vector<double>& score,
                          double* top_score) {
  const xmlNode* top = nullptr;
  *top_score = 0;
  for (size_t k = 0; k < score.size(); ++k) {
    if (score[k] <= 0) continue;
    const xmlNode* node = page.elements()[k];
    const double s = score[k] + PositiveHint(node) * 0.1 * std::min(score[k], 10.0) / 10.0;
    if (s > *top_score) {
      *top_score = s;
      top = node;
    }
  }
  return top;
}

// Step 1: the element that holds the article. When furniture hints leave no text at all (an
// article inside a "sharing container"), the hints are wrong for this page and the scoring runs
// again without them. Siblings of the top element that also hold running text belong to the
// article (split bodies): the parent is taken when together they hold a good share of the score.
// Likewise an <article> around the region when the region holds less than half its text. Last,
// a region holding less than half of the page's running text (product pages, recipes: text
// spread over many containers) widens to the nearest ancestor that holds that much.
const xmlNode* MainRegion(const PageBlocks& page) {
  std::vector<double> score;
  const xmlNode* top = nullptr;
  double top_score = 0;
  bool use_hints = true;
  for (bool hints : {true, false}) {
    use_hints = hints;
    score = ScoreElements(page, use_hints);
    top = TopElement(page, score, &top_score);
    if (top != nullptr) break;
  }
  if (top == nullptr || !IsElement(top->parent)) return top;
  double sibling_score = 0;
  for (const xmlNode* c = top->parent->children; c != nullptr; c = c->next) {
    const ElementInfo* info = page.Info(c);
    if (c == top || info == nullptr) continue;
    if (score[info->order] >= std::max(2.0, top_score * 0.2)) sibling_score += score[info->order];
  }
  const xmlNode* region = top;
  if (sibling_score >= top_score * 0.3 && page.Hint(top->parent).empty()) region = top->parent;
  // Whether widening the region from `region` to `outer` would put a furniture hint above the
  // region's own text: the region, or an element between it and `outer`, carries one.
  auto hint_below = [&](const xmlNode* outer) {
    for (const xmlNode* n = region; n != outer; n = n->parent) {
      if (!page.Info(n)->hint.empty()) return true;
    }
    return false;
  };
  for (const xmlNode* n = region->parent; IsElement(n); n = n->parent) {
    const ElementInfo* info = page.Info(n);
    if (info->tag == Tag::kBody) break;
    if (info->tag != Tag::kArticle) continue;
    if (info->hint.empty() && page.Info(region)->text_bytes * 2 < info->text_bytes &&
        !hint_below(n)) {
      region = n;
    }
    break;
  }
  double total = 0;
  const std::vector<double> subtree = SubtreeScores(page, use_hints, &total);
  while (subtree[page.Info(region)->order] < kMinRegionShare * total &&
         !hint_below(region->parent)) {
    const ElementInfo* parent = page.Info(region->parent);
    if (parent == nullptr || parent->tag == Tag::kBody || !parent->hint.empty()) break;
    region = region->parent;
  }
  return region;
}

// `line` holds the block's features, measured on first use.
bool ReadsAsRunningText(const Block& b, std::optional<LineFeatures>* line) {
  if (b.caption) return false;
  // A whole sentence may be shorter than the usual minimum.
  const char last = b.text.empty() ? ' ' : b.text.back();
  const size_t min_bytes =
      (last == '.' || last == '!' || last == '?') ? kMinSentenceBytes : kMinRunningTextBytes;
  if (b.text.size() < min_bytes || b.link_chars * 4 > b.text.size()) return false;
  if (!*line) *line = MeasureLine(b.text, /*count_capitals=*/false);
  return (*line)->words > 0 && (*line)->stopwords >= 0.2 * (*line)->words;
}

// Why a block is not article text, "" when it is. Running text outside the region (a lead
// paragraph in a header box, a body split over sibling containers) is taken in as well, unless
// furniture hints mark it; a page header's lead and text under a loosely used "related" or
// "teaser" class count too, text in navigation, asides and comments does not.
std::string RemovalReason(const PageBlocks& page, const xmlNode* region, const Block& b) {
  std::optional<LineFeatures> line;
  const bool in_region = b.holder != nullptr && page.Contains(region, b.holder);
  if (!in_region) {
    const bool elsewhere = (b.hint.empty() || b.hint == "header" || b.hint == "related-links") &&
                           ReadsAsRunningText(b, &line);
    if (!elsewhere) return b.hint.empty() ? "outside-main-content" : std::string(b.hint);
  } else if (!b.hint.empty()) {
    // A hint on an element inside the region, e.g. a share bar within the article. Share widgets
    // wrap whole articles ("social-ready" on the text column); running text under them is the
    // article's. Other furniture words inside the article are believed.
    const bool inner = b.inner_hinted != region && page.Contains(region, b.inner_hinted);
    if (inner && (b.hint != "share" || !ReadsAsRunningText(b, &line))) {
      return std::string(b.hint);
    }
  }
  if (LinkDensity(b) > 0.5) return "links";
  if (!line) line = MeasureLine(b.text, /*count_capitals=*/false);
  std::string reason = LineFurnitureReason(*line);
  if (reason.empty()) reason = MetadataLineReason(*line);
  return reason;
}

void AppendParagraph(const std::string& text, Article* article) {
  if (!article->body.empty()) article->body.push_back('\n');
  Paragraph p;
  p.text = text;
  p.span.begin = static_cast<uint32_t>(article->body.size());
  article->body += text;
  p.span.end = static_cast<uint32_t>(article->body.size());
  article->paragraphs.push_back(std::move(p));
}

// Step 2: the region's blocks that read as text become paragraphs (captions apart); everything
// else is removed with a reason. `kept_numbers` receives the block number of each paragraph.
void SelectBlocks(const PageBlocks& page, const xmlNode* region, const HtmlMeta& meta,
                  Article* article, std::vector<int>* kept_numbers) {
  int number = 0;
  const std::string h1 = text::NormalizeForCompare(meta.h1);
  for (const Block& b : page.blocks()) {
    ++number;
    std::string reason = RemovalReason(page, region, b);
    if (reason.empty() && !b.caption && b.text.size() < kMaxCaptionBytes &&
        IsCreditedCaption(MeasureLine(b.text, /*count_capitals=*/false))) {
      reason = "caption";  // a caption outside <figure>: not body, kept as a caption
    }
    if (reason == "caption" || (reason.empty() && b.caption)) {
      Paragraph p;
      p.text = b.text;
      article->captions.push_back(std::move(p));
      continue;
    }
    if (reason.empty() && b.tag == Tag::kH1 && text::NormalizeForCompare(b.text) == h1) {
      reason = "title";
    }
    if (!reason.empty()) {
      article->removed.push_back({number, b.text, std::move(reason)});
      continue;
    }
    AppendParagraph(b.text, article);
    kept_numbers->push_back(number);
  }
}

// Step 3: a heading that ends articles ("About the author", "Related articles") inside the
// region, with most of the body before it: what follows it is not the article.
void CutAtEndingHeading(const PageBlocks& page, const xmlNode* region,
                        std::vector<int>* kept_numbers, Article* article) {
  size_t total = 0;
  for (const Paragraph& p : article->paragraphs) total += p.text.size();
  int number = 0;
  size_t kept = 0;    // paragraphs before the heading
  size_t before = 0;  // their bytes
  for (const Block& b : page.blocks()) {
    ++number;
    while (kept < kept_numbers->size() && (*kept_numbers)[kept] < number) {
      before += article->paragraphs[kept++].text.size();
    }
    if (b.holder == nullptr || !page.Contains(region, b.holder) || b.text.size() > 80) continue;
    if (!EndsArticle(MeasureLine(b.text, /*count_capitals=*/false)) ||
        before < 2 * (total - before))
      continue;
    for (size_t k = kept; k < article->paragraphs.size(); ++k) {
      article->removed.push_back(
          {(*kept_numbers)[k], article->paragraphs[k].text, "after-article"});
    }
    article->paragraphs.resize(kept);
    kept_numbers->resize(kept);
    article->body.resize(kept == 0 ? 0 : article->paragraphs.back().span.end);
    return;
  }
}

// Step 4: a short line without a sentence end closing the body ("Further information", "Read
// more") introduces what follows the article, which was removed: it goes with it; so does a line
// ending in a colon.
void DropTrailingHeadings(std::vector<int>* kept_numbers, Article* article) {
  while (article->paragraphs.size() > 1) {
    const std::string& last = article->paragraphs.back().text;
    const char end = last.empty() ? '.' : last.back();
    const bool introduces = end == ':' && last.size() < kMaxIntroducingLineBytes;
    if (!introduces && (last.size() >= kMaxTrailingLineBytes || end == '.' || end == '!' ||
                        end == '?' || end == '"' || end == ')')) {
      break;
    }
    article->removed.push_back({kept_numbers->back(), last, "trailing-heading"});
    kept_numbers->pop_back();
    article->paragraphs.pop_back();
    article->body.resize(article->paragraphs.back().span.end);
  }
}

// Step 5: a page rendered by script carries its article in JSON and its DOM a stub at most. When
// the DOM body is short and the script text at least twice as long, the script text is the body
// and the stub's paragraphs are removed.
Status PreferScriptTextToStub(const HtmlSource& source, const PageBlocks& page,
                              const PageClock& clock, const std::vector<int>& kept_numbers,
                              Article* article) {
  if (article->body.size() >= kMaxStubBodyBytes) return Status::Ok();
  // Components rendered by script also take their state from an attribute
  // (<div data-react-props="{...}">).
  std::vector<std::string> page_state = source.page_state;
  for (const xmlNode* element : page.elements()) {
    for (const char* name : {"data-react-props", "data-props", "data-page", "data-state"}) {
      const char* value = Attr(element, name);
      if (value != nullptr && value[0] == '{') page_state.emplace_back(value);
    }
  }
  if (source.json_ld.empty() && page_state.empty()) return Status::Ok();
  Result<std::vector<std::string>> script = ScriptArticleText(source.json_ld, page_state, clock);
  if (!script.ok()) return script.status();
  size_t bytes = 0;
  for (const std::string& p : *script) bytes += p.size();
  if (bytes < std::max(kMinScriptBodyBytes, 2 * article->body.size())) return Status::Ok();
  for (size_t k = 0; k < article->paragraphs.size(); ++k) {
    article->removed.push_back(
        {kept_numbers[k], article->paragraphs[k].text, "stub-of-script-text"});
  }
  article->paragraphs.clear();
  article->body.clear();
  for (const std::string& p : *script) AppendParagraph(p, article);
  return Status::Ok();
}

}  // namespace

Status ExtractHtml(std::string_view html, std::string_view /*url*/, Article* article) {
  const PageBudget& budget = DefaultBudget();
  const PageClock clock(budget);
  const HtmlSource source = PrepareHtml(html);
  if (source.markup.size() > budget.max_bytes) return OverBudget("size");
  if (source.attribute_work > budget.max_attribute_work) return OverBudget("attribute");
  const HtmlDoc doc = ParseHtml(source.markup);
  if (doc == nullptr) return Status::Corrupt("HTML could not be parsed");
  NEWSLOOM_RETURN_IF_ERROR(clock.Check());

  PageBlocks page;
  NEWSLOOM_RETURN_IF_ERROR(page.Build(doc.get(), clock));
  const HtmlMeta meta = CollectMeta(doc.get(), source.json_ld);
  std::vector<int> kept_numbers;
  if (const xmlNode* region = MainRegion(page)) {
    SelectBlocks(page, region, meta, article, &kept_numbers);
    CutAtEndingHeading(page, region, &kept_numbers, article);
    DropTrailingHeadings(&kept_numbers, article);
  }
  NEWSLOOM_RETURN_IF_ERROR(PreferScriptTextToStub(source, page, clock, kept_numbers, article));
  std::stable_sort(article->removed.begin(), article->removed.end(),
                   [](const RemovedLine& a, const RemovedLine& b) { return a.line < b.line; });
  if (article->paragraphs.empty()) return Status::Corrupt("no main text found");
  NEWSLOOM_RETURN_IF_ERROR(clock.Check());
  DecideMetadata(meta, article);
  return Status::Ok();
}

}  // namespace newsloom::extract
