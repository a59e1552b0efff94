// Entities in a language that has no trained tagger: names by their capital letters and by the
// language-neutral name lists (models/ner-names.bin: countries, subdivisions and cities in several
// languages, and names seen in the tagged corpora), never a model of another language.
//
//   Result<const Gazetteer*> names = SharedNameLists();
//   std::vector<EntityMention> entities = TagByCapitals(body, tokens, sentences, **names);
#ifndef NEWSLOOM_ANALYZE_NER_FALLBACK_H_
#define NEWSLOOM_ANALYZE_NER_FALLBACK_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/gazetteer.h"
#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

// The entities of a text in `language` (a CLD2 code, as Article::language): the language's
// tagger (SharedNerTagger) when it has a model, else TagByCapitals with SharedNameLists. Unknown
// ("un") and empty languages are read as English. Fails when the English model is missing, when
// a model or the name lists cannot be read, or when the fallback's name lists are missing.
Result<std::vector<EntityMention>> TagEntities(std::string_view language, std::string_view body,
                                               const std::vector<Token>& tokens,
                                               const std::vector<Span>& sentences);

// Mentions in text order: every run of capitalised words that does not open its sentence, and
// every name-list phrase whose first word is capitalised (also at a sentence start); where the
// two overlap, the longer. A mention that is exactly a listed phrase takes its list's type
// (countries, subdivisions and cities are LOC; for the corpus names, the type seen most often);
// other runs are MISC (a name listed only as a currency counts as unlisted). Tokens are read as
// NerTagger::Tag reads them.
std::vector<EntityMention> TagByCapitals(std::string_view body, const std::vector<Token>& tokens,
                                         const std::vector<Span>& sentences,
                                         const Gazetteer& names);

// The name lists' file: a header and a serialised Gazetteer. Equal lists give equal bytes.
std::string SerializeNameLists(const Gazetteer& names);
Result<Gazetteer> ParseNameLists(std::string_view bytes, const std::string& path);
Status SaveNameLists(const Gazetteer& names, const std::string& path);

// ner-names.bin found as the taggers are (FindModelFile) and loaded once per process; a failure is
// kept and returned to every later call.
Result<const Gazetteer*> SharedNameLists();
// The source tree's models/ner-names.bin, where `newsloom train names` writes by default.
std::string DefaultNameListsPath();

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_FALLBACK_H_
