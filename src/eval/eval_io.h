// File reading shared by the evaluation tasks and the extract command.
#ifndef NEWSLOOM_EVAL_EVAL_IO_H_
#define NEWSLOOM_EVAL_EVAL_IO_H_

#include <string>

#include "newsloom/raw_page.h"
#include "newsloom/status.h"

namespace newsloom::eval {

// The bytes of `path`, gunzipped when they start with the gzip magic. kNotFound when the file
// cannot be opened, kCorrupt when the gzip stream is damaged.
Result<std::string> ReadFileMaybeGzip(const std::string& path);

// A RawPage for a local file: source = path, content type from the name (".html", ".htm",
// with or without ".gz"), else left for extraction to sniff.
Result<RawPage> ReadPageFile(const std::string& path);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_EVAL_IO_H_
