#include "analyze/quote_marks.h"

#include "text/chars.h"

namespace newsloom::analyze {
namespace {

// Letters for the apostrophe test: ASCII letters and digits, and any non-ASCII byte that does not
// start a quotation mark or dash (E2 80 xx).
bool IsLetterAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const unsigned char c = s[i];
  if (c < 0x80) return text::IsAsciiAlnum(static_cast<char>(c));
  if (c == 0xE2) return false;
  if (c == 0xC2) return false;  // guillemets, no-break space
  return true;
}
bool IsSpaceBefore(std::string_view s, size_t i) {
  if (i == 0) return true;
  const unsigned char c = s[i - 1];
  return c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '[' || c == '\r' ||
         c == 0x94 /* end of an em dash */ || c == 0xA0 || c == '"';
}

bool Closes(Mark open, Mark m) {
  switch (open) {
    case Mark::kDouble:
      return m == Mark::kDouble || m == Mark::kCurlyClose;
    case Mark::kCurlyOpen:
      return m == Mark::kCurlyClose || m == Mark::kDouble;
    case Mark::kLowOpen:
      return m == Mark::kCurlyOpen || m == Mark::kCurlyClose;
    case Mark::kGuilOpen:
      return m == Mark::kGuilClose;
    case Mark::kSingle:
      return m == Mark::kSingle || m == Mark::kSingleClose;
    case Mark::kSingleOpen:
      return m == Mark::kSingleClose;
    default:
      return false;
  }
}

bool IsSingle(Mark m) {
  return m == Mark::kSingle || m == Mark::kSingleOpen || m == Mark::kSingleClose;
}

// Whether the mark at i can open a quote: double marks always; single ones only before a letter
// and after a space, so that apostrophes ("don't", "the '90s") are not taken for quotes.
bool CanOpen(std::string_view s, size_t i, size_t len, Mark m) {
  if (m == Mark::kDouble || m == Mark::kCurlyOpen || m == Mark::kLowOpen || m == Mark::kGuilOpen)
    return true;
  if (m == Mark::kSingle || m == Mark::kSingleOpen) {
    if (!IsSpaceBefore(s, i) || !IsLetterAt(s, i + len)) return false;
    return !(s[i + len] >= '0' && s[i + len] <= '9');
  }
  return false;
}

size_t ParagraphEnd(std::string_view s, size_t i) {
  size_t p = s.find('\n', i);
  return p == std::string_view::npos ? s.size() : p;
}

}  // namespace

Mark MarkAt(std::string_view s, size_t i, size_t* len) {
  const unsigned char c = s[i];
  *len = 1;
  if (c == '"') return Mark::kDouble;
  if (c == '\'') {
    // Two apostrophes stand for a double mark in some archives.
    if (i + 1 < s.size() && s[i + 1] == '\'') {
      *len = 2;
      return Mark::kDouble;
    }
    return Mark::kSingle;
  }
  if (c == 0xC2 && i + 1 < s.size()) {
    *len = 2;
    if (static_cast<unsigned char>(s[i + 1]) == 0xAB) return Mark::kGuilOpen;
    if (static_cast<unsigned char>(s[i + 1]) == 0xBB) return Mark::kGuilClose;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    *len = 3;
    switch (static_cast<unsigned char>(s[i + 2])) {
      case 0x9C:
        return Mark::kCurlyOpen;
      case 0x9D:
        return Mark::kCurlyClose;
      case 0x9E:
        return Mark::kLowOpen;
      case 0x98:
        return Mark::kSingleOpen;
      case 0x99:
        return Mark::kSingleClose;
    }
  }
  *len = 1;
  return Mark::kNone;
}

std::vector<RawQuote> FindQuoteMarks(std::string_view s) {
  std::vector<RawQuote> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    const Mark m = MarkAt(s, i, &len);
    if (m == Mark::kNone || !CanOpen(s, i, len, m)) {
      i += len;
      continue;
    }
    RawQuote q{static_cast<uint32_t>(i), 0, static_cast<uint32_t>(i + len), 0, m};
    size_t j = i + len;
    size_t para_end = ParagraphEnd(s, j);
    bool done = false;
    while (!done) {
      size_t k = j;
      bool closed = false;
      while (k < para_end) {
        size_t cl;
        const Mark c = MarkAt(s, k, &cl);
        if (c != Mark::kNone && Closes(m, c) &&
            (!IsSingle(m) || (!IsLetterAt(s, k + cl) && k > 0 && s[k - 1] != ' '))) {
          q.inner_end = static_cast<uint32_t>(k);
          q.outer_end = static_cast<uint32_t>(k + cl);
          closed = true;
          break;
        }
        k += cl;
      }
      if (closed) break;
      // Unclosed: the quote runs to the paragraph end, and on into the next paragraph when that
      // one opens with a quotation mark (the convention for quotes over several paragraphs).
      size_t next = para_end;
      while (next < s.size() && (s[next] == '\n' || s[next] == ' ' || s[next] == '\r')) ++next;
      size_t nl;
      const Mark nm = next < s.size() ? MarkAt(s, next, &nl) : Mark::kNone;
      if (!IsSingle(m) && nm != Mark::kNone && CanOpen(s, next, nl, nm) && !IsSingle(nm)) {
        j = next + nl;
        para_end = ParagraphEnd(s, j);
        continue;
      }
      if (IsSingle(m)) {
        q.outer_end = 0;  // an apostrophe after all
      } else {
        q.inner_end = q.outer_end = static_cast<uint32_t>(para_end);
      }
      done = true;
    }
    if (q.outer_end == 0) {
      i += len;
      continue;
    }
    while (q.inner_end > q.inner_begin &&
           (s[q.inner_end - 1] == ' ' || s[q.inner_end - 1] == '\n' || s[q.inner_end - 1] == '\r'))
      --q.inner_end;
    if (q.inner_end > q.inner_begin) out.push_back(q);
    i = q.outer_end;
  }
  return out;
}

}  // namespace newsloom::analyze
