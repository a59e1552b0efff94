// The tense of the clause around an expression, from the verb cues nearest to it: it decides
// which way a relative date points ("on Friday" after "visited" or after "will visit").
#ifndef NEWSLOOM_TIMEX_TENSE_H_
#define NEWSLOOM_TIMEX_TENSE_H_

#include "timex/token_view.h"

namespace newsloom::timex {

// -1 past, +1 future, 0 when the clause around token `at` holds no cue. The clause ends at
// sentence punctuation (not the period of "Mr." or "Sept.") and at blank lines, and reaches at
// most 60 tokens either way. Of several cues the nearest wins; cues after `at` count as twice as
// far, because the governing verb mostly comes first.
int ClauseTense(const TokenView& v, int at);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_TENSE_H_
