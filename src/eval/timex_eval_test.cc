// The tagger over the development TimeML sets of every language, through the TimeML reader.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eval/timex_tml.h"
#include "timex/timex.h"

namespace newsloom::eval {
namespace {

struct Figures {
  double relaxed_f1 = 0;  // extents overlapping a gold one
  double value_f1 = 0;    // of those, with the gold value
};

// The tagger over every .tml file of a development set, in `language`, scored as `newsloom eval
// timex` scores it (roughly: the first overlapping gold expression pairs up).
void Score(const std::string& set, const char* language, Figures* figures) {
  const std::filesystem::path root =
      std::filesystem::path(NEWSLOOM_SHARED_DIR) / "data/timex" / set;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".tml") files.push_back(it->path());
  }
  ASSERT_FALSE(files.empty()) << "missing TimeML data under " << root;
  long gold = 0, system = 0, matched = 0, value_ok = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    auto doc = ParseTimeml(buf.str());
    ASSERT_TRUE(doc.ok()) << path;
    const auto tags = timex::TagTemporalExpressions(doc->text, doc->dct, language);
    gold += static_cast<long>(doc->timexes.size());
    system += static_cast<long>(tags.size());
    uint32_t last_end = 0;
    std::vector<bool> used(doc->timexes.size(), false);
    for (const TemporalExpression& e : tags) {
      ASSERT_GE(e.span.begin, last_end) << path << ": overlapping or unordered spans";
      ASSERT_LE(e.span.end, doc->text.size());
      last_end = e.span.end;
      for (size_t g = 0; g < doc->timexes.size(); ++g) {
        const TimemlExpression& t = doc->timexes[g];
        if (used[g] || t.span.end <= e.span.begin || t.span.begin >= e.span.end) continue;
        used[g] = true;
        ++matched;
        if (t.value == e.value) ++value_ok;
        break;
      }
    }
  }
  auto f1 = [&](long tp) {
    const double p = static_cast<double>(tp) / system, r = static_cast<double>(tp) / gold;
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  };
  figures->relaxed_f1 = f1(matched);
  figures->value_f1 = f1(value_ok);
}

// Floors under the development figures, so that a rule or table change that breaks a common form
// fails here; `newsloom eval timex` gives the figures themselves.
TEST(TimexEvalTest, TempEval3Floor) {
  Figures f;
  ASSERT_NO_FATAL_FAILURE(Score("te3-train", "en", &f));
  EXPECT_GT(f.relaxed_f1, 0.93);
  EXPECT_GT(f.value_f1, 0.80);
}

TEST(TimexEvalTest, FrenchTimeBankFloor) {
  Figures f;
  ASSERT_NO_FATAL_FAILURE(Score("ftib-dev", "fr", &f));
  EXPECT_GT(f.relaxed_f1, 0.90);
  EXPECT_GT(f.value_f1, 0.80);
}

TEST(TimexEvalTest, SpanishTimeBankFloor) {
  Figures f;
  ASSERT_NO_FATAL_FAILURE(Score("es-timebank-train", "es", &f));
  EXPECT_GT(f.relaxed_f1, 0.90);
  EXPECT_GT(f.value_f1, 0.84);
}

TEST(TimexEvalTest, WikiWarsGermanFloor) {
  Figures f;
  ASSERT_NO_FATAL_FAILURE(Score("wikiwars-de-dev", "de", &f));
  EXPECT_GT(f.relaxed_f1, 0.95);
  EXPECT_GT(f.value_f1, 0.87);
}

}  // namespace
}  // namespace newsloom::eval
