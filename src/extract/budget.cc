#include "extract/budget.h"

#include <ctime>
#include <string>

namespace newsloom::extract {
namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

const PageBudget& DefaultBudget() {
  static const PageBudget budget;
  return budget;
}

PageClock::PageClock(const PageBudget& budget)
    : start_(ThreadCpuSeconds()), limit_(budget.max_cpu_seconds) {}

Status PageClock::Check() const {
  if (ThreadCpuSeconds() - start_ <= limit_) return Status::Ok();
  return OverBudget("time");
}

Status OverBudget(std::string_view what) {
  return Status::Unsupported("page over its " + std::string(what) + " budget");
}

}  // namespace newsloom::extract
