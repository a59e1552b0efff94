// What extracting one page may cost. Pathological pages (megabytes of nested elements, tags with
// thousands of attributes) must not stall a run: a page past its budget is skipped with the
// reason, like any other bad input.
#ifndef NEWSLOOM_EXTRACT_BUDGET_H_
#define NEWSLOOM_EXTRACT_BUDGET_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::extract {

struct PageBudget {
  // Markup handed to the HTML parser (scripts and styles set aside), or plain text.
  size_t max_bytes = 8u << 20;
  // The parser compares each attribute of a start tag with the tag's earlier ones, so a tag costs
  // the square of its attribute count; this bounds the sum over the page. Real pages stay under
  // 2e7 (the largest of the development pages), a tag of 10,000 attributes costs 1e8.
  uint64_t max_attribute_work = 50'000'000;
  // CPU time of the extracting thread. Development pages take at most a few tens of
  // milliseconds; only a page that escapes the bounds above can reach this, and it alone makes
  // the outcome depend on the machine.
  double max_cpu_seconds = 2.0;
};

// The default budget of every page.
const PageBudget& DefaultBudget();

// The CPU time one page has spent, from construction, against its budget. Not thread-safe: one
// clock per page, read from the thread that extracts it.
class PageClock {
 public:
  explicit PageClock(const PageBudget& budget = DefaultBudget());
  // OverBudget("time") once the budget is spent. Cheap enough to call every few thousand nodes
  // or lines.
  Status Check() const;

 private:
  double start_ = 0;
  double limit_ = 0;
};

// The Status of a page past one of its budgets ("size", "attribute", "time"): kUnsupported,
// "page over its <what> budget".
Status OverBudget(std::string_view what);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_BUDGET_H_
