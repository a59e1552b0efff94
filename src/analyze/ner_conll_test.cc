#include "analyze/ner_conll.h"

#include <gtest/gtest.h>

#include <fstream>

namespace newsloom::analyze {
namespace {

struct ChunkCase {
  std::vector<std::string> tags;
  std::vector<Chunk> chunks;
};

TEST(NerConllTest, ChunksFollowConllevalRules) {
  const ChunkCase cases[] = {
      {{"O", "I-PER", "I-PER", "O"}, {{1, 3, "PER"}}},
      {{"I-PER", "B-PER", "O"}, {{0, 1, "PER"}, {1, 2, "PER"}}},             // IOB1: B- splits
      {{"I-ORG", "I-LOC"}, {{0, 1, "ORG"}, {1, 2, "LOC"}}},                  // type change splits
      {{"B-LOC", "I-LOC", "O", "B-MISC"}, {{0, 2, "LOC"}, {3, 4, "MISC"}}},  // IOB2
      {{"U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG"},
       {{0, 1, "PER"}, {1, 4, "ORG"}, {4, 5, "ORG"}}},  // BILOU
      {{"O", "O"}, {}},
      {{}, {}},
  };
  for (const ChunkCase& c : cases) {
    EXPECT_EQ(ChunksFromTags(c.tags), c.chunks) << ::testing::PrintToString(c.tags);
  }
}

TEST(NerConllTest, Iob1AndBilouRoundTrip) {
  std::vector<Chunk> chunks = {{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}, {5, 8, "ORG"}};
  std::vector<std::string> iob1 = Iob1FromChunks(chunks, 8);
  EXPECT_EQ(iob1, (std::vector<std::string>{"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG",
                                            "I-ORG", "I-ORG"}));
  EXPECT_EQ(ChunksFromTags(iob1), chunks);
  std::vector<int> bilou = BilouFromChunks(chunks, 8);
  EXPECT_EQ(NerLabelName(bilou[0]), "B-PER");
  EXPECT_EQ(NerLabelName(bilou[1]), "L-PER");
  EXPECT_EQ(NerLabelName(bilou[2]), "U-PER");
  EXPECT_EQ(NerLabelName(bilou[3]), "O");
  EXPECT_EQ(NerLabelName(bilou[6]), "I-ORG");
  EXPECT_EQ(ChunksFromBilou(bilou), chunks);
}

TEST(NerConllTest, ReadsDocumentsAndSkipsBadLines) {
  std::string path = ::testing::TempDir() + "/ner_conll_test.txt";
  {
    std::ofstream out(path);
    out << "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nbroken\nPeter NNP I-NP "
           "I-PER\n\n-DOCSTART- -X- O O\n\nParis NNP I-NP I-LOC\n";
  }
  int skipped = 0;
  auto docs = ReadConll(path, &skipped);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  ASSERT_EQ((*docs)[0].sentences.size(), 2u);
  EXPECT_EQ((*docs)[0].sentences[0].words, (std::vector<std::string>{"EU", "rejects"}));
  EXPECT_EQ((*docs)[0].sentences[0].tags, (std::vector<std::string>{"I-ORG", "O"}));
  EXPECT_EQ((*docs)[1].sentences[0].words, (std::vector<std::string>{"Paris"}));
  EXPECT_EQ(skipped, 1);
  EXPECT_EQ(ReadConll(path + ".missing").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace newsloom::analyze
