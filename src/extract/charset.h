// Extraction reads page bytes as UTF-8 through text/charset.h; these names keep its code as it is.
#ifndef NEWSLOOM_EXTRACT_CHARSET_H_
#define NEWSLOOM_EXTRACT_CHARSET_H_

#include "text/charset.h"

namespace newsloom::extract {

using text::DeclaredCharset;
using text::RepairMojibake;
using text::ToUtf8;

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_CHARSET_H_
