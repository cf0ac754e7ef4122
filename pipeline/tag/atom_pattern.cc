#include "pipeline/tag/atom_pattern.h"

#include <algorithm>
#include <cstdint>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

using Strings = std::vector<std::string>;

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Parser {
 public:
  Parser(std::string_view pattern, std::size_t limit) : p_(pattern), limit_(limit) {}

  bool Parse(Strings* out, std::string* error) {
    if (!Alternation(out)) {
      *error = error_;
      return false;
    }
    if (pos_ != p_.size()) {
      *error = "unexpected \")\" at offset " + std::to_string(pos_);
      return false;
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return true;
  }

 private:
  bool Fail(const std::string& message) {
    if (error_.empty()) error_ = message + " at offset " + std::to_string(pos_);
    return false;
  }

  bool Alternation(Strings* out) {
    out->clear();
    while (true) {
      Strings branch;
      if (!Sequence(&branch)) return false;
      out->insert(out->end(), branch.begin(), branch.end());
      if (out->size() > limit_) return Fail("more than " + std::to_string(limit_) + " atoms");
      if (pos_ < p_.size() && p_[pos_] == '|') {
        ++pos_;
        continue;
      }
      return true;
    }
  }

  bool Sequence(Strings* out) {
    *out = {""};
    while (pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      Strings item;
      bool space = false;
      if (!Primary(&item, &space)) return false;
      if (!Quantifier(&item, space)) return false;
      Strings product;
      if (out->size() * item.size() > limit_) {
        return Fail("more than " + std::to_string(limit_) + " atoms");
      }
      for (const std::string& head : *out) {
        for (const std::string& tail : item) product.push_back(head + tail);
      }
      *out = std::move(product);
    }
    return true;
  }

  // `space`: the item is white space (it may take + and *).
  bool Primary(Strings* out, bool* space) {
    const char c = p_[pos_];
    if (c == '(') {
      ++pos_;
      if (p_.substr(pos_, 2) == "?:") {
        pos_ += 2;
      } else if (p_.substr(pos_, 3) == "?i:") {
        pos_ += 3;
      } else if (pos_ < p_.size() && p_[pos_] == '?') {
        return Fail("only (?: and (?i: groups are allowed");
      }
      if (!Alternation(out)) return false;
      if (pos_ >= p_.size() || p_[pos_] != ')') return Fail("missing \")\"");
      ++pos_;
      return true;
    }
    if (c == '[') return Class(out, space);
    if (c == '.' || c == '*' || c == '+' || c == '?' || c == '{' || c == '^' || c == '$') {
      return Fail(std::string("\"") + c + "\" does not stand for a finite set of strings");
    }
    std::vector<char32_t> chars;
    if (!Char(&chars)) return false;
    OneCharacterEach(chars, out, space);
    return true;
  }

  // `chars` as one-character strings (white space as a space), sorted and
  // deduplicated; `space`: they are all white space.
  static void OneCharacterEach(const std::vector<char32_t>& chars, Strings* out, bool* space) {
    out->clear();
    *space = !chars.empty() && std::all_of(chars.begin(), chars.end(), IsSpace);
    for (char32_t c : chars) {
      std::string s;
      AppendUtf8(IsSpace(c) ? U' ' : c, &s);
      out->push_back(s);
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }

  // One character or escape at pos_; classes like \d give several.
  bool Char(std::vector<char32_t>* chars) {
    if (p_[pos_] == '\\') {
      if (pos_ + 1 >= p_.size()) return Fail("pattern ends in \"\\\"");
      const char e = p_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case 'd':
          for (char32_t d = '0'; d <= '9'; ++d) chars->push_back(d);
          return true;
        case 's':
        case 't':
        case 'n':
        case 'r':
        case 'f':
          chars->push_back(U' ');
          return true;
        case 'x': {
          if (pos_ >= p_.size() || p_[pos_] != '{') return Fail("write \\x{HHHH}");
          const std::size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return Fail("unclosed \\x{");
          const std::string hex(p_.substr(pos_ + 1, close - pos_ - 1));
          if (hex.empty() || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
            return Fail("bad hex in \\x{}");
          }
          chars->push_back(static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
          pos_ = close + 1;
          return true;
        }
        default:
          if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
            --pos_;
            return Fail(std::string("\\") + e + " does not stand for a finite set of strings");
          }
          chars->push_back(static_cast<unsigned char>(e));
          return true;
      }
    }
    // One UTF-8 sequence.
    const auto lead = static_cast<unsigned char>(p_[pos_]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (pos_ + length > p_.size()) return Fail("broken UTF-8");
    char32_t c = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(p_[pos_ + k]) & 0x3F);
    }
    pos_ += length;
    chars->push_back(c);
    return true;
  }

  bool Class(Strings* out, bool* space) {
    ++pos_;  // [
    if (pos_ < p_.size() && p_[pos_] == '^') return Fail("negated classes are not finite");
    std::vector<char32_t> chars;
    while (pos_ < p_.size() && p_[pos_] != ']') {
      std::vector<char32_t> first;
      if (!Char(&first)) return false;
      if (first.size() == 1 && pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        std::vector<char32_t> last;
        if (!Char(&last)) return false;
        if (last.size() != 1 || last[0] < first[0]) return Fail("bad range in class");
        if (last[0] - first[0] > 256) return Fail("class range too large");
        for (char32_t c = first[0]; c <= last[0]; ++c) chars.push_back(c);
      } else {
        chars.insert(chars.end(), first.begin(), first.end());
      }
    }
    if (pos_ >= p_.size()) return Fail("missing \"]\"");
    ++pos_;
    OneCharacterEach(chars, out, space);
    return true;
  }

  bool Quantifier(Strings* item, bool space) {
    if (pos_ >= p_.size()) return true;
    const char q = p_[pos_];
    if (q == '?') {
      ++pos_;
      item->push_back("");
      return true;
    }
    if (q == '+' || q == '*') {
      if (!space) return Fail(std::string("\"") + q + "\" is allowed only on white space");
      ++pos_;
      if (q == '*') item->push_back("");
      return true;
    }
    if (q == '{') {
      const std::size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) return Fail("unclosed {");
      const std::string count(p_.substr(pos_ + 1, close - pos_ - 1));
      if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos) {
        return Fail("only {N} repeats are finite here");
      }
      const unsigned long n = std::stoul(count);
      if (n == 0 || n > 16) return Fail("repeat count must be 1-16");
      pos_ = close + 1;
      Strings result = {""};
      for (unsigned long k = 0; k < n; ++k) {
        if (result.size() * item->size() > limit_) {
          return Fail("more than " + std::to_string(limit_) + " atoms");
        }
        Strings next;
        for (const std::string& head : result) {
          for (const std::string& tail : *item) next.push_back(head + tail);
        }
        result = std::move(next);
      }
      *item = std::move(result);
    }
    return true;
  }

  std::string_view p_;
  std::size_t limit_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

bool ExpandAtomPattern(std::string_view pattern, std::size_t limit,
                       std::vector<std::string>* strings, std::string* error) {
  Parser parser(pattern, limit);
  return parser.Parse(strings, error);
}

}  // namespace diar::tag_internal
