#include <openssl/evp.h>

#include <array>
#include <memory>
#include <string>

#include "pipeline/extract/extract.h"
#include "pipeline/extract/open_file.h"

namespace diar {
namespace {

std::string Hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(const std::string& bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(),
             nullptr);
  return Hex(digest.data(), length);
}

Result<std::string> HashFile(const std::string& path) {
  Result<extract_internal::RegularFile> file = extract_internal::RegularFile::Open(path);
  if (!file) return file.error();
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                               EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  std::array<char, 1 << 16> buffer;
  for (;;) {
    Result<std::size_t> got = file->Read(buffer.data(), buffer.size());
    if (!got) return got.error();
    if (*got == 0) break;
    EVP_DigestUpdate(ctx.get(), buffer.data(), *got);
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest.data(), &length);
  return Hex(digest.data(), length);
}

}  // namespace diar
