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

// GermEval 2014: a '#' line before each sentence, tab-separated "index token outer inner"; the
// outer column is the tag, each sentence its own document, OTH the tagger's MISC.
TEST(NerConllTest, ReadsGermEvalOuterTagsOneDocumentPerSentence) {
  const std::string path = ::testing::TempDir() + "/ner_germeval_test.tsv";
  std::ofstream(path) << "#\thttp://example.org/a\t[2010-01-01]\n"
                         "1\tDie\tO\tO\n2\tdeutsche\tB-LOCderiv\tO\n3\tBahn\tO\tO\n\n"
                         "#\thttp://example.org/b\n1\tEcce\tB-OTH\tO\n2\thomo\tI-OTH\tO\n"
                         "broken\n3\tin\tO\tO\n4\tBerlin\tB-LOC\tB-LOC\n\n";
  ASSERT_TRUE(IsGermEvalFile(path));
  int skipped = 0;
  auto docs = ReadNerData(path, &skipped);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].sentences[0].tags, (std::vector<std::string>{"O", "B-LOCderiv", "O"}));
  EXPECT_EQ((*docs)[1].sentences[0].words,
            (std::vector<std::string>{"Ecce", "homo", "in", "Berlin"}));
  EXPECT_EQ(skipped, 1);
  std::vector<int> labels = BilouFromChunks(ChunksFromTags((*docs)[1].sentences[0].tags), 4);
  EXPECT_EQ(NerLabelName(labels[0]), "B-MISC");
  EXPECT_EQ(NerLabelName(labels[3]), "U-LOC");
  // Types the tagger does not have ("LOCderiv") stay outside its labels.
  EXPECT_EQ(BilouFromChunks(ChunksFromTags((*docs)[0].sentences[0].tags), 3),
            (std::vector<int>{0, 0, 0}));
  EXPECT_EQ(CorpusTypeName("MISC", true), "OTH");
  EXPECT_EQ(CorpusTypeName("MISC", false), "MISC");
}

// CoNLL-2002 Spanish has no document marks: it is cut into article-sized documents. A line that is
// not UTF-8 is read as Latin-1.
TEST(NerConllTest, CutsUnmarkedFilesAndReadsLatin1) {
  const std::string path = ::testing::TempDir() + "/ner_conll2002_test.txt";
  {
    std::ofstream out(path, std::ios::binary);
    for (size_t s = 0; s < kSentencesPerUnmarkedDocument + 1; ++s)
      out << "Espa\xf1"
             "a NP B-LOC\n. Fp O\n\n";
  }
  auto docs = ReadNerData(path);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].sentences.size(), kSentencesPerUnmarkedDocument);
  EXPECT_EQ((*docs)[1].sentences.size(), 1u);
  EXPECT_EQ((*docs)[1].sentences[0].words[0],
            "Espa\xc3\xb1"
            "a");
  EXPECT_FALSE(IsGermEvalFile(path));
}

// The name forms' tagger learns LOCderiv, ORGpart, ... in the places of the entity types.
TEST(NerConllTest, NameFormsTakeThePlacesOfEntityTypes) {
  ConllDocument doc;
  doc.sentences.push_back({{"Die", "deutsche", "EU-Kommission", "in", "Berlin"},
                           {"O", "B-LOCderiv", "B-ORGpart", "O", "B-LOC"}});
  const std::vector<ConllDocument> docs = {doc};
  EXPECT_TRUE(HasNameForms(docs));
  std::vector<ConllDocument> forms = NameFormsAsEntityTypes(docs);
  EXPECT_EQ(forms[0].sentences[0].tags,
            (std::vector<std::string>{"O", "B-PER", "B-ORG", "O", "O"}));
  EXPECT_EQ(NameFormOf("PER"), "LOCderiv");
  EXPECT_EQ(NameFormOf("ORG"), "ORGpart");
  EXPECT_FALSE(HasNameForms(forms));
}

TEST(NerConllTest, Iob2OpensEveryChunkWithB) {
  EXPECT_EQ(Iob2FromChunks({{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}}, 5),
            (std::vector<std::string>{"B-PER", "I-PER", "B-PER", "O", "B-LOC"}));
}

}  // namespace
}  // namespace newsloom::analyze
