#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace newsloom::text {
namespace {

// ICU iterators are not thread-safe and are costly to build, so each thread builds its own once.
struct Iterators {
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;
  UErrorCode status = U_ZERO_ERROR;

  Iterators() {
    const icu::Locale& english = icu::Locale::getEnglish();
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(english, status));
    if (U_FAILURE(status)) return;
    icu::BreakIterator* plain = icu::BreakIterator::createSentenceInstance(english, status);
    if (U_FAILURE(status)) {
      delete plain;
      return;
    }
    // Takes ownership of `plain`, also on failure.
    sentence.reset(builder->wrapIteratorWithFilter(plain, status));
    if (U_FAILURE(status)) return;
    word.reset(icu::BreakIterator::createWordInstance(english, status));
  }
};

Iterators& ThreadIterators() {
  thread_local Iterators iterators;
  return iterators;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// True when every code point of `s` is white space (ASCII or Unicode, e.g. no-break space).
bool AllSpace(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 ||
        !(u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))) {
      return false;
    }
  }
  return true;
}

// Trims ASCII white space and no-break spaces (U+00A0, "\xC2\xA0") from both ends of [b, e).
void Trim(std::string_view text, uint32_t& b, uint32_t& e) {
  while (b < e) {
    if (IsAsciiSpace(text[b])) {
      ++b;
    } else if (e - b >= 2 && text[b] == '\xC2' && text[b + 1] == '\xA0') {
      b += 2;
    } else {
      break;
    }
  }
  while (e > b) {
    if (IsAsciiSpace(text[e - 1])) {
      --e;
    } else if (e - b >= 2 && text[e - 2] == '\xC2' && text[e - 1] == '\xA0') {
      e -= 2;
    } else {
      break;
    }
  }
}

bool StartsCapitalized(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, n, c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

void SegmentParagraph(std::string_view text, uint32_t begin, uint32_t end, Iterators& it,
                      Segmentation& out) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  if (U_FAILURE(status)) return;

  // With a UTF-8 UText, ICU's native indexes are byte offsets into the paragraph.
  it.sentence->setText(&ut, status);
  if (U_SUCCESS(status)) {
    int32_t prev = it.sentence->first();
    for (int32_t cur = it.sentence->next(); cur != icu::BreakIterator::DONE;
         prev = cur, cur = it.sentence->next()) {
      uint32_t b = begin + static_cast<uint32_t>(prev);
      uint32_t e = begin + static_cast<uint32_t>(cur);
      Trim(text, b, e);
      if (b < e) out.sentences.push_back(Span{b, e});
    }
  }

  status = U_ZERO_ERROR;
  it.word->setText(&ut, status);
  if (U_SUCCESS(status)) {
    int32_t prev = it.word->first();
    for (int32_t cur = it.word->next(); cur != icu::BreakIterator::DONE;
         prev = cur, cur = it.word->next()) {
      const int32_t rule = it.word->getRuleStatus();
      const uint32_t b = begin + static_cast<uint32_t>(prev);
      const uint32_t e = begin + static_cast<uint32_t>(cur);
      std::string_view piece = text.substr(b, e - b);
      const bool is_word = rule >= UBRK_WORD_NUMBER;
      if (!is_word && AllSpace(piece)) continue;
      Token token;
      token.span = Span{b, e};
      token.is_word = is_word;
      token.capitalized = is_word && StartsCapitalized(piece);
      token.norm = NormalizeWord(piece);
      out.tokens.push_back(std::move(token));
    }
  }
  utext_close(&ut);
}

}  // namespace

std::string NormalizeWord(std::string_view word) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    out.resize(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    out.assign(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString folded = nfkc_cf->normalize(source, status);
  if (U_FAILURE(status)) folded = source;
  // Typographic apostrophes and quotes fold to ASCII so "Korea’s" and "Korea's" are one word.
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"));
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), icu::UnicodeString("'"));
  folded.toUTF8String(out);
  return out;
}

std::vector<Token> JoinHyphenated(std::vector<Token> tokens) {
  size_t out = 0;
  for (size_t i = 0; i < tokens.size(); ++out) {
    Token joined = std::move(tokens[i]);
    ++i;
    while (joined.is_word && i + 1 < tokens.size() && tokens[i].norm == "-" &&
           tokens[i + 1].is_word && tokens[i].span.begin == joined.span.end &&
           tokens[i + 1].span.begin == tokens[i].span.end) {
      joined.norm += '-';
      joined.norm += tokens[i + 1].norm;
      joined.span.end = tokens[i + 1].span.end;
      i += 2;
    }
    tokens[out] = std::move(joined);
  }
  tokens.resize(out);
  return tokens;
}

Result<Segmentation> Segment(std::string_view text) {
  Iterators& it = ThreadIterators();
  if (U_FAILURE(it.status) || !it.sentence || !it.word) {
    return Status::Internal(std::string("ICU break iterators: ") + u_errorName(it.status));
  }
  Segmentation out;
  out.tokens.reserve(text.size() / 5);
  uint32_t begin = 0;
  const uint32_t size = static_cast<uint32_t>(text.size());
  while (begin <= size) {
    size_t newline = text.find('\n', begin);
    const uint32_t end = newline == std::string_view::npos ? size : static_cast<uint32_t>(newline);
    if (end > begin) SegmentParagraph(text, begin, end, it, out);
    begin = end + 1;
  }
  return out;
}

}  // namespace newsloom::text
