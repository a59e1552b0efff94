// Article text that a page carries in script JSON rather than in its markup: the articleBody of
// its JSON-LD, or the text fields of the state object a page rendered by script starts from
// (`__NEXT_DATA__`, `window.__INITIAL_STATE__` and the like). Read when the DOM holds no article.
#ifndef NEWSLOOM_EXTRACT_SCRIPT_TEXT_H_
#define NEWSLOOM_EXTRACT_SCRIPT_TEXT_H_

#include <string>
#include <vector>

#include "extract/budget.h"
#include "newsloom/status.h"

namespace newsloom::extract {

// The paragraphs of the longest text found, in order: from JSON-LD articleBody when there is one,
// else from the page-state objects (strings under text keys that read as running text; HTML in
// them is parsed and cut into blocks). Empty when there is none. Fails only on the clock.
Result<std::vector<std::string>> ScriptArticleText(const std::vector<std::string>& json_ld,
                                                   const std::vector<std::string>& page_state,
                                                   const PageClock& clock);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_SCRIPT_TEXT_H_
