#include "train/gazetteer_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace newsloom::train {
namespace {

using analyze::Gazetteer;

std::vector<uint32_t> MatchBits(const Gazetteer& gaz, const std::vector<std::string>& words,
                                const analyze::GazetteerExclusions* excluded = nullptr) {
  std::vector<uint64_t> keys;
  for (const auto& w : words) keys.push_back(Gazetteer::TokenKey(w));
  std::vector<uint32_t> bits;
  gaz.Match(keys, excluded, &bits);
  return bits;
}

uint32_t Bit(int list, int part) { return 1u << (list * 4 + part); }

TEST(GazetteerBuilderTest, NamesSplitLikeNewsText) {
  Gazetteer gaz;
  AddName("Buenos_Aires", Gazetteer::kCity, &gaz);
  AddName("Korea, Republic of", Gazetteer::kCountry, &gaz);
  EXPECT_EQ(MatchBits(gaz, {"Buenos", "Aires"}),
            (std::vector<uint32_t>{Bit(Gazetteer::kCity, 0), Bit(Gazetteer::kCity, 2)}));
  std::vector<uint32_t> korea = MatchBits(gaz, {"Korea", ",", "Republic", "of"});
  EXPECT_EQ(korea[0], Bit(Gazetteer::kCountry, 0));
  EXPECT_EQ(korea[1], Bit(Gazetteer::kCountry, 1));
  EXPECT_EQ(korea[3], Bit(Gazetteer::kCountry, 2));
}

TEST(GazetteerBuilderTest, ReadsZoneTabCities) {
  const std::string path = ::testing::TempDir() + "/zone_test.tab";
  std::ofstream(path) << "# comment\nFR\t+4852+00220\tEurope/Paris\n"
                         "AR\t-3436-05827\tAmerica/Argentina/Buenos_Aires\nbroken line\n";
  Gazetteer gaz;
  ASSERT_TRUE(AddZoneTab(path, &gaz).ok());
  EXPECT_EQ(gaz.size(), 2u);
  EXPECT_EQ(MatchBits(gaz, {"Paris"})[0], Bit(Gazetteer::kCity, 3));
  EXPECT_EQ(MatchBits(gaz, {"Buenos", "Aires"})[1], Bit(Gazetteer::kCity, 2));

  Status missing = AddZoneTab(path + ".missing", &gaz);
  EXPECT_EQ(missing.code(), Status::Code::kNotFound);
  EXPECT_NE(missing.message().find(path + ".missing"), std::string::npos);
  Status no_iso = AddIsoCodes(::testing::TempDir() + "/no_iso_codes", &gaz);
  EXPECT_EQ(no_iso.code(), Status::Code::kNotFound);
  EXPECT_NE(no_iso.message().find("iso_3166-1.json"), std::string::npos);
}

TEST(GazetteerBuilderTest, TrainingNamesCountDocumentsAndExcludeTheirOwn) {
  auto doc = [](std::vector<std::string> words, std::vector<std::string> tags) {
    analyze::ConllDocument d;
    d.sentences.push_back({std::move(words), std::move(tags)});
    return d;
  };
  std::vector<analyze::ConllDocument> docs = {
      doc({"in", "New", "York", "and", "New", "York"},
          {"O", "I-LOC", "I-LOC", "O", "I-LOC", "I-LOC"}),
      doc({"New", "York", "said"}, {"I-ORG", "I-ORG", "O"}),
  };
  Gazetteer gaz;
  std::vector<analyze::GazetteerExclusions> excluded = AddTrainingNames(docs, &gaz);
  ASSERT_EQ(excluded.size(), 2u);
  const std::vector<std::string> new_york = {"New", "York"};
  EXPECT_EQ(MatchBits(gaz, new_york)[0],
            Bit(Gazetteer::kTrainLoc, 0) | Bit(Gazetteer::kTrainOrg, 0));
  // Seen once per document: each document's own sighting is left out of its lookups.
  EXPECT_EQ(MatchBits(gaz, new_york, &excluded[0])[0], Bit(Gazetteer::kTrainOrg, 0));
  EXPECT_EQ(MatchBits(gaz, new_york, &excluded[1])[0], Bit(Gazetteer::kTrainLoc, 0));

  std::vector<analyze::GazetteerExclusions> only = AddTrainingNames(docs, nullptr);
  EXPECT_EQ(only[0], excluded[0]);
}

// A gettext catalogue of two entries (header, one name), little-endian, as msgfmt writes it.
std::string MoFile(const std::string& msgid, const std::string& msgstr) {
  const std::vector<std::string> ids = {"", msgid};
  const std::vector<std::string> strs = {"Content-Type: text/plain; charset=UTF-8\n", msgstr};
  std::string out;
  auto u32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  const uint32_t originals = 28, translations = originals + 16;
  uint32_t data = translations + 16;
  u32(0x950412de);
  u32(0);
  u32(2);
  u32(originals);
  u32(translations);
  u32(0);
  u32(0);
  std::string strings;
  for (const auto* table : {&ids, &strs}) {
    for (const std::string& text : *table) {
      u32(static_cast<uint32_t>(text.size()));
      u32(data + static_cast<uint32_t>(strings.size()));
      strings += text;
      strings += '\0';
    }
  }
  return out + strings;
}

TEST(GazetteerBuilderTest, ReadsCountryNamesFromGettextCatalogues) {
  const std::string dir = ::testing::TempDir() + "/locale_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/xx/LC_MESSAGES");
  std::ofstream(dir + "/xx/LC_MESSAGES/iso_3166-1.mo", std::ios::binary)
      << MoFile("Germany", "Deutsches Land");
  Result<std::vector<std::string>> names =
      ReadMoTranslations(dir + "/xx/LC_MESSAGES/iso_3166-1.mo");
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(*names, (std::vector<std::string>{"Deutsches Land"}));  // the header is not a name
  Gazetteer gaz;
  ASSERT_TRUE(AddIsoCodeTranslations(dir, "xx", &gaz).ok());
  EXPECT_EQ(MatchBits(gaz, {"Deutsches", "Land"}),
            (std::vector<uint32_t>{Bit(Gazetteer::kCountry, 0), Bit(Gazetteer::kCountry, 2)}));
  EXPECT_EQ(AddIsoCodeTranslations(dir, "yy", &gaz).code(), Status::Code::kNotFound);
  std::ofstream(dir + "/xx/LC_MESSAGES/iso_3166-2.mo", std::ios::binary) << "not a catalogue";
  EXPECT_EQ(AddIsoCodeTranslations(dir, "xx", &gaz).code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace newsloom::train
