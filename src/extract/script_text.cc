#include "extract/script_text.h"

#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_set>

#include "extract/furniture.h"
#include "extract/html_blocks.h"
#include "extract/html_dom.h"

namespace newsloom::extract {
namespace {

// Nesting deeper than this is not searched (state objects nest a handful of levels).
constexpr int kMaxJsonDepth = 48;
// A text field shorter than this (in bytes, markup removed) is a label, not article text.
constexpr size_t kMinFieldBytes = 80;

bool IsTextKey(std::string_view key) {
  std::string k(key);
  for (char& c : k) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return k == "articlebody" || k == "body" || k == "html" || k == "content" || k == "text" ||
         k == "bodyhtml" || k == "contenthtml";
}

// The paragraphs of one text field: HTML cut into blocks, plain text cut at line breaks.
Status ParagraphsOf(std::string_view value, const PageClock& clock, std::vector<std::string>* out) {
  if (value.find('<') == std::string_view::npos) {
    size_t pos = 0;
    while (pos < value.size()) {
      size_t eol = value.find('\n', pos);
      if (eol == std::string_view::npos) eol = value.size();
      std::string line = CollapseSpace(value.substr(pos, eol - pos));
      if (!line.empty()) out->push_back(std::move(line));
      pos = eol + 1;
    }
    return Status::Ok();
  }
  const HtmlDoc doc = ParseHtml(value);
  if (doc == nullptr) return Status::Ok();
  PageBlocks blocks;
  NEWSLOOM_RETURN_IF_ERROR(blocks.Build(doc.get(), clock));
  for (const Block& b : blocks.blocks()) out->push_back(b.text);
  return Status::Ok();
}

size_t Bytes(const std::vector<std::string>& paragraphs) {
  size_t n = 0;
  for (const std::string& p : paragraphs) n += p.size();
  return n;
}

// Whether the paragraphs of a field read as article text: long enough, with a sentence end (in
// a paragraph or at its end).
bool ReadsAsArticleText(const std::vector<std::string>& paragraphs) {
  if (Bytes(paragraphs) < kMinFieldBytes) return false;
  for (const std::string& p : paragraphs) {
    if (MeasureLine(p).ends_sentence || p.find(". ") != std::string::npos ||
        p.find("? ") != std::string::npos || p.find("! ") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// Text fields of a JSON value in document order (ordered_json keeps the keys' order).
void CollectTextFields(const nlohmann::ordered_json& j, int depth, bool text_key,
                       std::vector<const std::string*>* out) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_string()) {
    if (text_key) out->push_back(j.get_ptr<const std::string*>());
  } else if (j.is_array()) {
    for (const auto& e : j) CollectTextFields(e, depth + 1, text_key, out);
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      CollectTextFields(it.value(), depth + 1, IsTextKey(it.key()), out);
    }
  }
}

void FindArticleBodies(const nlohmann::json& j, int depth, std::vector<std::string>* out) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_array()) {
    for (const auto& e : j) FindArticleBodies(e, depth + 1, out);
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "articleBody" && it.value().is_string()) {
        out->push_back(it.value().get<std::string>());
      } else {
        FindArticleBodies(it.value(), depth + 1, out);
      }
    }
  }
}

}  // namespace

Result<std::vector<std::string>> ScriptArticleText(const std::vector<std::string>& json_ld,
                                                   const std::vector<std::string>& page_state,
                                                   const PageClock& clock) {
  std::vector<std::string> best;
  for (const std::string& raw : json_ld) {
    const nlohmann::json j = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    std::vector<std::string> bodies;
    FindArticleBodies(j, 0, &bodies);
    for (const std::string& body : bodies) {
      std::vector<std::string> paragraphs;
      NEWSLOOM_RETURN_IF_ERROR(ParagraphsOf(body, clock, &paragraphs));
      if (ReadsAsArticleText(paragraphs) && Bytes(paragraphs) > Bytes(best)) best = paragraphs;
    }
  }
  if (!best.empty()) return best;
  for (const std::string& raw : page_state) {
    const nlohmann::ordered_json j =
        nlohmann::ordered_json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    std::vector<const std::string*> fields;
    CollectTextFields(j, 0, false, &fields);
    std::vector<std::string> paragraphs;
    std::unordered_set<std::string> seen;
    for (const std::string* field : fields) {
      std::vector<std::string> field_paragraphs;
      NEWSLOOM_RETURN_IF_ERROR(ParagraphsOf(*field, clock, &field_paragraphs));
      if (!ReadsAsArticleText(field_paragraphs)) continue;
      for (std::string& p : field_paragraphs) {
        if (seen.insert(p).second) paragraphs.push_back(std::move(p));
      }
    }
    if (Bytes(paragraphs) > Bytes(best)) best = std::move(paragraphs);
  }
  return best;
}

}  // namespace newsloom::extract
