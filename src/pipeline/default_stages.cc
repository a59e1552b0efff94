// The production stages: extraction with cross-page line evidence, then analysis.
#include "analyze/analyze.h"
#include "extract/extract.h"
#include "newsloom/pipeline.h"

namespace newsloom {

namespace {

class DefaultStages : public PageStages {
 public:
  void AddToCorpus(const RawPage& page) override { corpus_.AddPage(page); }
  Result<Article> Extract(const RawPage& page) const override {
    return extract::Extract(page, &corpus_);
  }
  Result<AnalyzedArticle> Analyze(Article article) const override {
    return analyze::Analyze(std::move(article));
  }

 private:
  extract::LineStats corpus_;
};

}  // namespace

std::unique_ptr<PageStages> DefaultPageStages() { return std::make_unique<DefaultStages>(); }

}  // namespace newsloom
