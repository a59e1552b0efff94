// Compact binary encodings for the analysis blobs of the store (tokens, terms, MinHash) and zstd
// for raw pages. Little-endian, varint lengths; the same bytes on every machine.
#ifndef NEWSLOOM_STORE_CODEC_H_
#define NEWSLOOM_STORE_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom::store {

std::string EncodeTokens(const std::vector<Token>& tokens);
Result<std::vector<Token>> DecodeTokens(std::string_view blob);

std::string EncodeTerms(const std::vector<Term>& terms);
Result<std::vector<Term>> DecodeTerms(std::string_view blob);

std::string EncodeMinhash(const std::vector<uint32_t>& minhash);
Result<std::vector<uint32_t>> DecodeMinhash(std::string_view blob);

std::string Compress(std::string_view bytes);
// kCorrupt when `blob` is not a zstd frame of known size.
Result<std::string> Decompress(std::string_view blob);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_CODEC_H_
