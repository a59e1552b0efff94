// Stable 64-bit hashes (xxHash) and the hex ids derived from them.
#ifndef NEWSLOOM_TEXT_HASH_H_
#define NEWSLOOM_TEXT_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsloom::text {

// XXH3 64-bit; the same on every machine and run.
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

// 16 lower-case hex digits.
std::string HexId(uint64_t hash);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_HASH_H_
