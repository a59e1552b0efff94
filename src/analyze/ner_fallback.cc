#include "analyze/ner_fallback.h"

#include <filesystem>
#include <fstream>
#include <mutex>

#include "analyze/model_files.h"
#include "analyze/ner.h"
#include "analyze/ner_conll.h"
#include "analyze/ner_features.h"
#include "analyze/ner_io.h"

namespace newsloom::analyze {
namespace {

constexpr std::string_view kNameListsMagic = "NLNAMES1";

bool Capitalised(std::string_view word) {
  const NerCasing c = NerCasingOf(word);
  return c == NerCasing::kInitCap || (c == NerCasing::kAllCaps && word.size() > 1);
}

// The type of a listed phrase: places first, else the corpus type seen most often; empty for a
// phrase not listed or listed only as a currency.
std::string ListedType(const std::array<uint16_t, Gazetteer::kNumLists>& counts) {
  if (counts[Gazetteer::kCountry] || counts[Gazetteer::kSubdivision] || counts[Gazetteer::kCity])
    return "LOC";
  int best = -1;
  for (int t = 0; t < kNumNerTypes; ++t) {
    const int list = Gazetteer::kTrainPer + t;
    if (counts[list] && (best < 0 || counts[list] > counts[Gazetteer::kTrainPer + best])) best = t;
  }
  return best < 0 ? std::string() : kNerTypes[best];
}

// Mentions of one sentence as token ranges with their types.
std::vector<Chunk> SentenceChunks(const std::vector<std::string_view>& words,
                                  const Gazetteer& names) {
  const int n = static_cast<int>(words.size());
  std::vector<uint64_t> keys(n);
  for (int i = 0; i < n; ++i) keys[i] = Gazetteer::TokenKey(words[i]);
  std::vector<Chunk> out;
  for (int i = 0; i < n;) {
    if (!Capitalised(words[i])) {
      ++i;
      continue;
    }
    // The longest listed phrase starting here.
    int listed_end = i;
    std::string listed_type;
    if (names.StartsPhrase(keys[i])) {
      for (int len = std::min(n - i, Gazetteer::kMaxPhraseTokens); len >= 1; --len) {
        std::string type = ListedType(names.Counts(&keys[i], len));
        if (!type.empty()) {
          listed_end = i + len;
          listed_type = std::move(type);
          break;
        }
      }
    }
    int run_end = i;
    while (run_end < n && Capitalised(words[run_end])) ++run_end;
    // A sentence's first word is capitalised whatever it is: only a listed name counts there.
    if (i == 0) run_end = std::min(run_end, listed_end);
    if (run_end <= i && listed_end <= i) {
      ++i;
      continue;
    }
    Chunk c;
    c.begin = i;
    c.end = std::max(run_end, listed_end);
    c.type = c.end == listed_end ? listed_type : "MISC";
    i = c.end;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<EntityMention> TagByCapitals(std::string_view body, const std::vector<Token>& tokens,
                                         const std::vector<Span>& sentences,
                                         const Gazetteer& names) {
  const NerTokens input = ReadNerTokens(body, tokens, sentences);
  std::vector<EntityMention> out;
  for (size_t s = 0; s < input.words.size(); ++s) {
    for (const Chunk& c : SentenceChunks(input.words[s], names)) {
      EntityMention e;
      e.span = {input.spans[s][c.begin].begin, input.spans[s][c.end - 1].end};
      e.text = std::string(body.substr(e.span.begin, e.span.size()));
      e.type = c.type;
      out.push_back(std::move(e));
    }
  }
  return out;
}

Result<std::vector<EntityMention>> TagEntities(std::string_view language, std::string_view body,
                                               const std::vector<Token>& tokens,
                                               const std::vector<Span>& sentences) {
  // English, the language of most news read here, must have its model.
  const bool english = language.empty() || language == "un" || language == "en";
  Result<const NerTagger*> tagger = SharedNerTagger(english ? "en" : language);
  if (tagger.ok()) return (*tagger)->Tag(body, tokens, sentences);
  const Status::Code code = tagger.status().code();
  if (english || (code != Status::Code::kNotFound && code != Status::Code::kInvalidArgument))
    return tagger.status();
  Result<const Gazetteer*> names = SharedNameLists();
  if (!names.ok()) return names.status();
  return TagByCapitals(body, tokens, sentences, **names);
}

std::string SerializeNameLists(const Gazetteer& names) {
  std::string out(kNameListsMagic);
  names.Serialize(&out);
  return out;
}

Result<Gazetteer> ParseNameLists(std::string_view bytes, const std::string& path) {
  if (!bytes.starts_with(kNameListsMagic)) return Status::Corrupt(path + ": not a name-list file");
  Gazetteer names;
  size_t pos = kNameListsMagic.size();
  Status read = names.Deserialize(bytes, &pos);
  if (!read.ok()) return Status::Corrupt(path + ": " + read.message());
  if (pos != bytes.size()) return Status::Corrupt(path + ": trailing bytes");
  return names;
}

Status SaveNameLists(const Gazetteer& names, const std::string& path) {
  return WriteFileBytes(path, SerializeNameLists(names));
}

Result<const Gazetteer*> SharedNameLists() {
  static std::mutex mu;
  static Result<Gazetteer>* names = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (!names) {
    Result<std::string> path = FindModelFile("ner-names.bin", "language-neutral name lists");
    if (!path.ok()) {
      names = new Result<Gazetteer>(path.status());
    } else {
      std::string bytes;
      Status read = ReadFileBytes(*path, &bytes);
      names =
          new Result<Gazetteer>(read.ok() ? ParseNameLists(bytes, *path) : Result<Gazetteer>(read));
    }
  }
  if (!names->ok()) return names->status();
  return &names->value();
}

std::string DefaultNameListsPath() {
  return (std::filesystem::path(NEWSLOOM_SOURCE_MODEL_DIR) / "ner-names.bin").string();
}

}  // namespace newsloom::analyze
