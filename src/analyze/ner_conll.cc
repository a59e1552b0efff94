#include "analyze/ner_conll.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "text/utf8.h"

namespace newsloom::analyze {
namespace {

// A tag split as conlleval splits it: the part before '-' and the type after it.
struct SplitTag {
  char part = 'O';
  std::string type;
};

SplitTag Split(const std::string& tag) {
  SplitTag out;
  if (tag.empty() || tag == "O") return out;
  size_t dash = tag.find('-');
  if (dash == std::string::npos) {
    out.part = 'I';
    out.type = tag;
    return out;
  }
  out.part = tag[0];
  // BILOU spelling of the same parts.
  if (out.part == 'U') out.part = 'S';
  if (out.part == 'L') out.part = 'E';
  out.type = tag.substr(dash + 1);
  return out;
}

// conlleval's endOfChunk, plus S (single) which conlleval leaves to the type rule.
bool EndOfChunk(const SplitTag& prev, const SplitTag& cur) {
  char p = prev.part, t = cur.part;
  if (p == 'S' || p == 'E') return true;
  if ((p == 'B' || p == 'I') && (t == 'B' || t == 'S' || t == 'O')) return true;
  return p != 'O' && prev.type != cur.type;
}

// conlleval's startOfChunk, plus S.
bool StartOfChunk(const SplitTag& prev, const SplitTag& cur) {
  char p = prev.part, t = cur.part;
  if (t == 'B' || t == 'S') return true;
  if ((p == 'O' || p == 'E' || p == 'S') && (t == 'I' || t == 'E')) return true;
  return t != 'O' && prev.type != cur.type;
}

// `line` as UTF-8: unchanged when it is valid UTF-8, else read as Latin-1.
void AsUtf8(std::string* line) {
  if (text::FirstInvalidUtf8(*line) == std::string_view::npos) return;
  std::string out;
  out.reserve(line->size() * 2);
  for (unsigned char c : *line) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xc0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3f));
    }
  }
  *line = std::move(out);
}

// Splits each tab-separated line of a GermEval file into its fields.
std::vector<std::string> TabFields(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<ConllDocument>> ReadGermEval(const std::string& path, int* skipped) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open GermEval file " + path);
  std::vector<ConllDocument> docs;
  ConllSentence sentence;
  auto flush = [&] {
    if (!sentence.words.empty()) docs.emplace_back().sentences.push_back(std::move(sentence));
    sentence = {};
  };
  int bad = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    AsUtf8(&line);
    if (line.empty() || line[0] == '#') {
      flush();
      continue;
    }
    std::vector<std::string> fields = TabFields(line);
    if (fields.size() < 3 || fields[1].empty()) {
      ++bad;
      continue;
    }
    sentence.words.push_back(fields[1]);
    sentence.tags.push_back(fields[2]);
  }
  if (in.bad()) return Status::IoError("error reading " + path);
  flush();
  if (skipped) *skipped = bad;
  return docs;
}

bool IsGermEvalFile(const std::string& path) {
  std::ifstream in(path);
  std::string first_line;
  std::getline(in, first_line);
  return first_line.starts_with("#") && first_line.find('\t') != std::string::npos;
}

Result<std::vector<ConllDocument>> ReadNerData(const std::string& path, int* skipped) {
  if (IsGermEvalFile(path)) return ReadGermEval(path, skipped);
  Result<std::vector<ConllDocument>> docs = ReadConll(path, skipped);
  if (!docs.ok() || docs->size() != 1) return docs;
  std::vector<ConllSentence>& all = docs->front().sentences;
  std::vector<ConllDocument> out;
  for (size_t s = 0; s < all.size(); ++s) {
    if (s % kSentencesPerUnmarkedDocument == 0) out.emplace_back();
    out.back().sentences.push_back(std::move(all[s]));
  }
  return out;
}

bool HasNameForms(const std::vector<ConllDocument>& docs) {
  for (const ConllDocument& doc : docs) {
    for (const ConllSentence& s : doc.sentences) {
      for (const Chunk& c : ChunksFromTags(s.tags)) {
        if (std::find(std::begin(kNameFormTypes), std::end(kNameFormTypes), c.type) !=
            std::end(kNameFormTypes))
          return true;
      }
    }
  }
  return false;
}

std::vector<ConllDocument> NameFormsAsEntityTypes(const std::vector<ConllDocument>& docs) {
  std::vector<ConllDocument> out = docs;
  for (ConllDocument& doc : out) {
    for (ConllSentence& s : doc.sentences) {
      std::vector<Chunk> forms;
      for (Chunk& c : ChunksFromTags(s.tags)) {
        for (int t = 0; t < kNumNerTypes; ++t) {
          if (c.type == kNameFormTypes[t]) forms.push_back({c.begin, c.end, kNerTypes[t]});
        }
      }
      s.tags = Iob2FromChunks(forms, static_cast<int>(s.words.size()));
    }
  }
  return out;
}

std::string NameFormOf(std::string_view entity_type) {
  const int t = NerTypeIndex(entity_type);
  return t < 0 ? std::string(entity_type) : kNameFormTypes[t];
}

std::string CorpusTypeName(std::string_view type, bool germeval) {
  if (germeval && type == "MISC") return "OTH";
  return std::string(type);
}

Result<std::vector<ConllDocument>> ReadConll(const std::string& path, int* skipped) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open CoNLL file " + path);
  std::vector<ConllDocument> docs(1);
  ConllSentence sentence;
  auto flush = [&] {
    if (!sentence.words.empty()) docs.back().sentences.push_back(std::move(sentence));
    sentence = {};
  };
  int bad = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    AsUtf8(&line);
    std::istringstream fields(line);
    std::vector<std::string> cols;
    for (std::string col; fields >> col;) cols.push_back(std::move(col));
    if (cols.empty()) {
      flush();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      flush();
      if (!docs.back().sentences.empty()) docs.emplace_back();
      continue;
    }
    if (cols.size() < 2) {
      ++bad;
      continue;
    }
    sentence.words.push_back(cols.front());
    sentence.tags.push_back(cols.back());
  }
  if (in.bad()) return Status::IoError("error reading " + path);
  flush();
  if (docs.back().sentences.empty()) docs.pop_back();
  if (skipped) *skipped = bad;
  return docs;
}

std::vector<std::vector<std::string_view>> SentenceWords(const ConllDocument& doc) {
  std::vector<std::vector<std::string_view>> out;
  out.reserve(doc.sentences.size());
  for (const ConllSentence& s : doc.sentences) out.emplace_back(s.words.begin(), s.words.end());
  return out;
}

std::vector<Chunk> ChunksFromTags(const std::vector<std::string>& tags) {
  std::vector<Chunk> chunks;
  SplitTag prev;
  int start = -1;
  for (int i = 0; i <= static_cast<int>(tags.size()); ++i) {
    SplitTag cur = i < static_cast<int>(tags.size()) ? Split(tags[i]) : SplitTag{};
    if (start >= 0 && EndOfChunk(prev, cur)) {
      chunks.push_back({start, i, prev.type});
      start = -1;
    }
    if (StartOfChunk(prev, cur)) start = i;
    prev = cur;
  }
  return chunks;
}

std::vector<std::string> Iob1FromChunks(const std::vector<Chunk>& chunks, int length) {
  std::vector<std::string> tags(length, "O");
  int prev_end = -1;
  std::string prev_type;
  for (const Chunk& c : chunks) {
    for (int i = c.begin; i < c.end && i < length; ++i) {
      bool b = i == c.begin && prev_end == c.begin && prev_type == c.type;
      tags[i] = (b ? "B-" : "I-") + c.type;
    }
    prev_end = c.end;
    prev_type = c.type;
  }
  return tags;
}

std::vector<std::string> Iob2FromChunks(const std::vector<Chunk>& chunks, int length) {
  std::vector<std::string> tags(length, "O");
  for (const Chunk& c : chunks) {
    for (int i = c.begin; i < c.end && i < length; ++i)
      tags[i] = (i == c.begin ? "B-" : "I-") + c.type;
  }
  return tags;
}

int NerTypeIndex(std::string_view type) {
  if (type == "OTH") return 3;  // GermEval's name of MISC
  for (int t = 0; t < kNumNerTypes; ++t) {
    if (type == kNerTypes[t]) return t;
  }
  return -1;
}

std::string NerLabelName(int label) {
  if (label <= 0 || label >= kNumNerLabels) return "O";
  static constexpr char kParts[] = {'B', 'I', 'L', 'U'};
  return std::string(1, kParts[static_cast<int>(NerLabelPart(label))]) + "-" +
         kNerTypes[NerLabelType(label)];
}

std::vector<int> BilouFromChunks(const std::vector<Chunk>& chunks, int length) {
  std::vector<int> labels(length, 0);
  for (const Chunk& c : chunks) {
    int t = NerTypeIndex(c.type);
    if (t < 0 || c.begin < 0 || c.end > length || c.begin >= c.end) continue;
    if (c.end - c.begin == 1) {
      labels[c.begin] = NerLabel(t, BilouPart::kU);
      continue;
    }
    labels[c.begin] = NerLabel(t, BilouPart::kB);
    for (int i = c.begin + 1; i < c.end - 1; ++i) labels[i] = NerLabel(t, BilouPart::kI);
    labels[c.end - 1] = NerLabel(t, BilouPart::kL);
  }
  return labels;
}

std::vector<Chunk> ChunksFromBilou(const std::vector<int>& labels) {
  std::vector<std::string> tags;
  tags.reserve(labels.size());
  for (int l : labels) tags.push_back(NerLabelName(l));
  return ChunksFromTags(tags);
}

}  // namespace newsloom::analyze
