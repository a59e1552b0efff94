// Whole-line labels of site chrome, lower-case and without trailing punctuation, in the
// languages of the pages newsloom reads: navigation, sharing and account links, and the headings
// of related-content blocks.
#ifndef NEWSLOOM_EXTRACT_FURNITURE_LABELS_H_
#define NEWSLOOM_EXTRACT_FURNITURE_LABELS_H_

#include <functional>
#include <set>
#include <string>

namespace newsloom::extract {

const std::set<std::string, std::less<>>& NavigationLabels();
const std::set<std::string, std::less<>>& RelatedLabels();

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_FURNITURE_LABELS_H_
