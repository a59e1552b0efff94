// Extracts one page, ingests a folder of pages into a store, and prints the stories it holds,
// through the installed library alone.
//   folder_stories PAGE FOLDER STORE.db
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "newsloom/pipeline.h"
#include "newsloom/store.h"

namespace {

int Fail(const newsloom::Status& status) {
  std::cerr << "error: " << status.ToString() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: folder_stories PAGE FOLDER STORE.db\n";
    return 2;
  }
  const std::string page_path = argv[1], folder = argv[2], store_path = argv[3];

  // One page through extraction: its bytes, and whether they are HTML or plain text.
  std::ifstream in(page_path, std::ios::binary);
  if (!in) {
    std::cerr << "error: cannot read " << page_path << "\n";
    return 1;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  newsloom::RawPage page;
  page.source = page_path;
  page.bytes = bytes.str();
  page.content_type = page_path.ends_with(".html") ? "text/html" : "text/plain";
  const auto stages = newsloom::DefaultPageStages();
  const newsloom::Result<newsloom::Article> article = stages->Extract(page);
  if (!article.ok()) return Fail(article.status());
  std::cout << "page: " << article->title << " | "
            << (article->published ? article->published->ToIso() : "undated") << " | "
            << article->paragraphs.size() << " paragraphs\n";

  // The folder into a store, and the stories that ingest leaves there.
  auto store = newsloom::Store::Open(store_path);
  if (!store.ok()) return Fail(store.status());
  newsloom::Pipeline pipeline(store->get(), newsloom::DefaultPageStages());
  const auto report = pipeline.Ingest(std::vector<std::string>{folder}, newsloom::IngestOptions{});
  if (!report.ok()) return Fail(report.status());
  std::cout << "ingested: " << report->pages_read << " pages read, " << report->articles_stored
            << " articles stored, " << report->skipped.size() << " skipped\n";

  const auto stories = (*store)->ListStories();
  if (!stories.ok()) return Fail(stories.status());
  for (const newsloom::StorySummary& story : *stories) {
    std::cout << "story " << story.id << ": " << story.articles.size() << " articles | "
              << story.title << "\n";
  }
  return 0;
}
