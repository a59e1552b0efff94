#include "analyze/ner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "analyze/ner_decoder.h"
#include "analyze/ner_features.h"
#include "analyze/ner_io.h"
#include "analyze/ner_model.h"
#include "train/ner_trainer.h"

namespace newsloom::analyze {
namespace {

const std::string kConllDir = std::string(NEWSLOOM_SHARED_DIR) + "/data/ner/conll2003";

std::vector<ConllDocument> ReadOrFail(const std::string& file, size_t max_docs) {
  auto docs = ReadConll(kConllDir + "/" + file);
  if (!docs.ok()) {
    ADD_FAILURE() << "CoNLL-2003 data is required for this test and is absent: "
                  << docs.status().ToString();
    return {};
  }
  if (docs->size() > max_docs) docs->resize(max_docs);
  return std::move(*docs);
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// A small hand-made training set: names after titles, places after "in".
std::vector<ConllDocument> ToyDocs() {
  std::vector<ConllDocument> docs;
  const char* people[] = {"Anna Kowalski", "Peter Brandt", "Maria Lopez", "John Carter"};
  const char* places[] = {"Oslo", "Lima", "Quito", "Hanoi"};
  for (int d = 0; d < 24; ++d) {
    ConllDocument doc;
    ConllSentence s;
    std::string person = people[d % 4];
    std::string first = person.substr(0, person.find(' ')),
                last = person.substr(person.find(' ') + 1);
    for (auto [w, t] :
         std::vector<std::pair<std::string, std::string>>{{"President", "O"},
                                                          {first, "I-PER"},
                                                          {last, "I-PER"},
                                                          {"arrived", "O"},
                                                          {"in", "O"},
                                                          {places[(d / 4) % 4], "I-LOC"},
                                                          {"on", "O"},
                                                          {"Monday", "O"},
                                                          {".", "O"}}) {
      s.words.push_back(w);
      s.tags.push_back(t);
    }
    doc.sentences.push_back(s);
    docs.push_back(doc);
  }
  return docs;
}

train::NerTrainOptions ToyOptions() {
  train::NerTrainOptions options;
  options.epochs = 5;
  options.hash_bits = 16;
  options.iso_codes_dir.clear();
  options.zone_tab.clear();
  return options;
}

TEST(NerTaggerTest, LearnsToyDataAndTagsTokensWithByteSpans) {
  auto tagger = train::TrainNerTagger(ToyDocs(), ToyOptions());
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();

  // Pipeline-style input: tokens with byte spans into a body, two sentences.
  std::string body =
      "President Maria Lopez arrived in Lima on Monday.  President John Carter arrived in Oslo.";
  std::vector<Token> tokens;
  for (size_t i = 0; i < body.size();) {
    if (body[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    if (body[i] == '.') {
      ++j;
    } else {
      while (j < body.size() && body[j] != ' ' && body[j] != '.') ++j;
    }
    tokens.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(j)}, "", true, false});
    i = j;
  }
  size_t split = body.find("  ");
  std::vector<Span> sentences = {
      {0, static_cast<uint32_t>(split)},
      {static_cast<uint32_t>(split + 2), static_cast<uint32_t>(body.size())}};
  std::vector<EntityMention> got = tagger->Tag(body, tokens, sentences);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].text, "Maria Lopez");
  EXPECT_EQ(got[0].type, "PER");
  EXPECT_EQ(body.substr(got[0].span.begin, got[0].span.size()), "Maria Lopez");
  EXPECT_EQ(got[1].text, "Lima");
  EXPECT_EQ(got[1].type, "LOC");
  EXPECT_EQ(got[2].text, "John Carter");
  EXPECT_EQ(got[3].text, "Oslo");

  // A possessive stays outside the mention, with either apostrophe.
  std::string possessive = "President Maria Lopez\xE2\x80\x99s plane arrived in Oslo's airport";
  std::vector<Token> words;
  for (size_t i = 0; i < possessive.size();) {
    size_t j = possessive.find(' ', i);
    if (j == std::string::npos) j = possessive.size();
    words.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(j)}, "", true, false});
    i = j + 1;
  }
  got = tagger->Tag(possessive, words, {});
  std::vector<std::string> texts;
  for (const EntityMention& e : got) {
    texts.push_back(e.text + "/" + e.type);
    EXPECT_EQ(e.text.find('\''), std::string::npos) << e.text;
    EXPECT_EQ(e.text.find("\xE2\x80\x99"), std::string::npos) << e.text;
  }
  EXPECT_THAT(texts, ::testing::IsSupersetOf({"Maria Lopez/PER", "Oslo/LOC"}));

  // Empty and out-of-range input is not a crash.
  EXPECT_TRUE(tagger->Tag("", {}, {}).empty());
  EXPECT_TRUE(tagger->Tag("ab", {{{1, 9}, "", true, false}}, {}).empty());
}

TEST(NerTaggerTest, DecodingProducesWellFormedBilou) {
  auto tagger = train::TrainNerTagger(ToyDocs(), ToyOptions());
  ASSERT_TRUE(tagger.ok());
  std::vector<std::vector<std::string_view>> doc = {{"President", "Peter", "Brandt", "in", "Hanoi"},
                                                    {"Anna"},
                                                    {},
                                                    {"in", "in", "Quito", "Quito"}};
  auto labels = tagger->TagDocument(doc);
  ASSERT_EQ(labels.size(), doc.size());
  for (size_t s = 0; s < doc.size(); ++s) {
    ASSERT_EQ(labels[s].size(), doc[s].size());
    int open = -1;  // type of an unfinished B/I chunk
    for (int label : labels[s]) {
      if (open >= 0) {
        ASSERT_GT(label, 0);
        EXPECT_EQ(NerLabelType(label), open);
        BilouPart part = NerLabelPart(label);
        ASSERT_TRUE(part == BilouPart::kI || part == BilouPart::kL);
        if (part == BilouPart::kL) open = -1;
      } else if (label > 0) {
        BilouPart part = NerLabelPart(label);
        ASSERT_TRUE(part == BilouPart::kB || part == BilouPart::kU);
        if (part == BilouPart::kB) open = NerLabelType(label);
      }
    }
    EXPECT_EQ(open, -1) << "chunk left open at the end of sentence " << s;
  }
}

TEST(NerTaggerTest, SaveLoadKeepsPredictionsAndRejectsBadFiles) {
  auto tagger = train::TrainNerTagger(ToyDocs(), ToyOptions());
  ASSERT_TRUE(tagger.ok());
  std::string path = ::testing::TempDir() + "/ner_toy.bin";
  ASSERT_TRUE(tagger->Save(path).ok());
  auto loaded = NerTagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<std::vector<std::string_view>> doc = {{"President", "Maria", "Lopez", "in", "Oslo"}};
  EXPECT_EQ(loaded->TagDocument(doc), tagger->TagDocument(doc));

  EXPECT_EQ(NerTagger::Load(path + ".missing").status().code(), Status::Code::kNotFound);
  std::string bytes = FileBytes(path);
  std::string truncated = path + ".truncated";
  std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  EXPECT_EQ(NerTagger::Load(truncated).status().code(), Status::Code::kCorrupt);
  std::string garbage = path + ".garbage";
  std::ofstream(garbage, std::ios::binary) << "not a model at all";
  EXPECT_EQ(NerTagger::Load(garbage).status().code(), Status::Code::kCorrupt);
}

// Bad input is routine: random bytes, random spans, unordered and overlapping tokens.
TEST(NerTaggerTest, ArbitraryTokensNeverBreakSpans) {
  auto tagger = train::TrainNerTagger(ToyDocs(), ToyOptions());
  ASSERT_TRUE(tagger.ok());
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  for (int round = 0; round < 200; ++round) {
    std::string body(next() % 300, ' ');
    for (char& c : body)
      c = static_cast<char>(next() % 4 == 0 ? ' ' : "AbZq\xC3\x89.,'-9"[next() % 12]);
    std::vector<Token> tokens(next() % 60);
    for (Token& t : tokens) {
      t.span.begin = next() % (body.size() + 5);
      t.span.end = t.span.begin + next() % 12;
    }
    if (round % 2)
      std::sort(tokens.begin(), tokens.end(),
                [](const Token& a, const Token& b) { return a.span < b.span; });
    std::vector<Span> sentences = {
        {0, static_cast<uint32_t>(body.size() / 2)},
        {static_cast<uint32_t>(body.size() / 3), static_cast<uint32_t>(body.size())}};
    for (const EntityMention& e : tagger->Tag(body, tokens, sentences)) {
      ASSERT_LT(e.span.begin, e.span.end);
      ASSERT_LE(e.span.end, body.size());
      EXPECT_EQ(e.text, body.substr(e.span.begin, e.span.size()));
      EXPECT_GE(NerTypeIndex(e.type), 0);
    }
  }
}

// The fast path against the exact one: tagging through the word cache (empty, filled, and so small
// that it keeps emptying) gives the labels of summing every feature row one by one, and so do
// threads sharing one tagger.
TEST(NerTaggerTest, WordCacheAndThreadsChangeNoLabel) {
  std::vector<ConllDocument> docs = ReadOrFail("eng.testa", 40);
  ASSERT_FALSE(docs.empty());
  std::string bytes;
  ASSERT_TRUE(ReadFileBytes(DefaultNerModelPath(), &bytes).ok());
  Result<NerModel> model = ParseNerModel(bytes, DefaultNerModelPath());
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  const NerModel& m = *model;
  std::vector<std::vector<std::vector<int>>> exact;
  for (const ConllDocument& doc : docs) {
    DocFeatures features = Featurize(m, SentenceWords(doc), nullptr, nullptr);
    EXPECT_TRUE(features.sentences.empty() || features.sentences[0].word_scores.empty());
    exact.push_back(DecodeDocument(m, features));
  }
  for (size_t capacity : {NerWordCache::kDefaultCapacity, size_t{50}}) {
    NerWordCache cache(capacity);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t d = 0; d < docs.size(); ++d) {
        DocFeatures features = Featurize(m, SentenceWords(docs[d]), nullptr, &cache);
        ASSERT_EQ(DecodeDocument(m, features), exact[d])
            << "document " << d << ", pass " << pass << ", cache of " << capacity;
      }
    }
  }

  auto tagger = NerTagger::Load(DefaultNerModelPath());
  ASSERT_TRUE(tagger.ok());
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t d = t; d < docs.size() + t; ++d) {
        const size_t k = d % docs.size();
        if (tagger->TagDocument(SentenceWords(docs[k])) != exact[k]) ++wrong;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(wrong, 0);
}

// Sets an environment variable for the life of the object, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(NerModelFilesTest, ModelDirFromTheEnvironmentIsTheOnlyPlaceLooked) {
  const std::string dir = ::testing::TempDir() + "/ner_model_dir";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/ner-en.bin";
  std::filesystem::remove(path);
  ScopedEnv env("NEWSLOOM_MODEL_DIR", dir.c_str());
  EXPECT_EQ(NerModelCandidates("en"), std::vector<std::string>{path});

  Result<NerTagger> missing = LoadNerModel("en");
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(missing.status().message(), ::testing::HasSubstr(path));

  std::ofstream(path, std::ios::binary) << "not a model at all";
  Result<NerTagger> garbage = LoadNerModel("en");
  EXPECT_EQ(garbage.status().code(), Status::Code::kCorrupt);
  EXPECT_THAT(garbage.status().message(), ::testing::HasSubstr(path));

  auto tagger = train::TrainNerTagger(ToyDocs(), ToyOptions());
  ASSERT_TRUE(tagger.ok());
  ASSERT_TRUE(tagger->Save(path).ok());
  EXPECT_TRUE(LoadNerModel("en").ok());
  std::string bytes = FileBytes(path);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 10);
  Result<NerTagger> truncated = LoadNerModel("en");
  EXPECT_EQ(truncated.status().code(), Status::Code::kCorrupt);
  EXPECT_THAT(truncated.status().message(), ::testing::HasSubstr(path));
}

TEST(NerModelFilesTest, BuildTreeBinaryFindsTheSourceModelLast) {
  ScopedEnv env("NEWSLOOM_MODEL_DIR", nullptr);
  std::vector<std::string> candidates = NerModelCandidates("en");
  ASSERT_GE(candidates.size(), 3u);
  EXPECT_EQ(candidates.back(), DefaultNerModelPath());
  // The first two are beside the running binary (this test's own).
  const std::string exe_dir =
      std::filesystem::read_symlink("/proc/self/exe").parent_path().string();
  EXPECT_THAT(candidates[1], ::testing::StartsWith(exe_dir));
  Result<std::string> found = FindNerModel("en");
  ASSERT_TRUE(found.ok()) << found.status().ToString();

  // A language without a model: every place tried is named.
  Result<std::string> none = FindNerModel("xx");
  EXPECT_EQ(none.status().code(), Status::Code::kNotFound);
  for (const std::string& path : NerModelCandidates("xx"))
    EXPECT_THAT(none.status().message(), ::testing::HasSubstr(path));
  EXPECT_TRUE(NerModelCandidates("../en").empty());
  EXPECT_EQ(FindNerModel("../en").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(SharedNerTagger("xx").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace newsloom::analyze
