// The tagger over the TempEval-3 training files, through the TimeML reader.
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

// A floor under the TempEval-3 training figures (relaxed extent F1 and value accuracy), so that
// a rule change that breaks a common form fails here; `newsloom eval timex` gives the figures.
TEST(TimexEvalTest, TempEval3Floor) {
  const std::filesystem::path root =
      std::filesystem::path(NEWSLOOM_SHARED_DIR) / "data/timex/te3-train";
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".tml") files.push_back(it->path());
  }
  ASSERT_FALSE(files.empty()) << "missing TempEval-3 data under " << root;
  long gold = 0, system = 0, matched = 0, value_ok = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    auto doc = ParseTimeml(buf.str());
    ASSERT_TRUE(doc.ok()) << path;
    const auto tags = timex::TagTemporalExpressions(doc->text, doc->dct, "en");
    gold += static_cast<long>(doc->timexes.size());
    system += static_cast<long>(tags.size());
    uint32_t last_end = 0;
    for (const TemporalExpression& e : tags) {
      ASSERT_GE(e.span.begin, last_end) << path << ": overlapping or unordered spans";
      ASSERT_LE(e.span.end, doc->text.size());
      last_end = e.span.end;
      for (const TimemlExpression& g : doc->timexes) {
        if (g.span.end <= e.span.begin || g.span.begin >= e.span.end) continue;
        ++matched;
        if (g.value == e.value) ++value_ok;
        break;
      }
    }
  }
  const double p = static_cast<double>(matched) / system, r = static_cast<double>(matched) / gold;
  EXPECT_GT(2 * p * r / (p + r), 0.92);
  EXPECT_GT(static_cast<double>(value_ok) / matched, 0.83);
}

}  // namespace
}  // namespace newsloom::eval
