#include "pipeline/tag/factored_alternation.h"

#include <algorithm>
#include <string_view>

#include "pipeline/tag/text_util.h"

namespace diar::tag_internal {
namespace {

using Pieces = std::vector<std::string_view>;

// Bytes of the piece `pattern` begins with, its quantifier included.
std::size_t PieceLength(std::string_view pattern) {
  std::size_t length = 0;
  if (pattern.starts_with("(?:")) {
    const std::size_t close = pattern.find(')');
    length = close == std::string_view::npos ? pattern.size() : close + 1;
  } else if (pattern.starts_with("\\x")) {
    length = 4;  // QuoteMeta's \x00
  } else if (pattern[0] == '\\') {
    length = 2;
  } else {
    DecodeAt(pattern, 0, &length);
  }
  if (length < pattern.size() && (pattern[length] == '?' || pattern[length] == '+')) ++length;
  // At least one byte, so a malformed pattern still ends.
  return std::clamp<std::size_t>(length, 1, pattern.size());
}

Pieces Split(std::string_view pattern) {
  Pieces pieces;
  while (!pattern.empty()) {
    const std::size_t length = PieceLength(pattern);
    pieces.push_back(pattern.substr(0, length));
    pattern.remove_prefix(length);
  }
  return pieces;
}

// Appends the alternation of rows [begin, end), which share their first
// `depth` pieces and are sorted piece by piece (so rows that share a next
// piece are adjacent, and a row that ends at `depth` comes first).
void AppendFactored(const std::vector<const Pieces*>& rows, std::size_t begin, std::size_t end,
                    std::size_t depth, std::string* out) {
  const bool empty = rows[begin]->size() == depth;
  if (empty) ++begin;
  if (begin == end) return;
  const auto piece = [&](std::size_t row) { return (*rows[row])[depth]; };
  std::size_t groups = 1;
  for (std::size_t row = begin + 1; row < end; ++row) groups += piece(row) != piece(row - 1);
  if (groups == 1 && !empty && end - begin == 1) {
    for (std::size_t i = depth; i < rows[begin]->size(); ++i) out->append((*rows[begin])[i]);
    return;
  }
  const bool group = groups > 1 || empty;
  if (group) out->append("(?:");
  for (std::size_t first = begin; first < end;) {
    std::size_t last = first + 1;
    while (last < end && piece(last) == piece(first)) ++last;
    if (first > begin) out->push_back('|');
    out->append(piece(first));
    AppendFactored(rows, first, last, depth + 1, out);
    first = last;
  }
  if (group) out->append(empty ? ")?" : ")");
}

}  // namespace

std::string FactoredAlternation(const std::vector<std::string>& alternatives) {
  // Sorted piece by piece, not byte by byte: "s" sorts before "s?" either
  // way, but a byte order could put "sa" between them. The key, each piece
  // followed by a NUL (which no piece holds), sorts by bytes as the pieces
  // do, and compares faster than the pieces one by one.
  struct Row {
    std::string key;
    Pieces pieces;
  };
  std::vector<Row> split;
  split.reserve(alternatives.size());
  for (const std::string& alternative : alternatives) {
    Row row{{}, Split(alternative)};
    row.key.reserve(alternative.size() + row.pieces.size());
    for (const std::string_view piece : row.pieces) row.key.append(piece).push_back('\0');
    split.push_back(std::move(row));
  }
  std::vector<const Row*> order;
  order.reserve(split.size());
  for (const Row& row : split) order.push_back(&row);
  std::sort(order.begin(), order.end(), [](const Row* a, const Row* b) { return a->key < b->key; });
  order.erase(std::unique(order.begin(), order.end(),
                          [](const Row* a, const Row* b) { return a->key == b->key; }),
              order.end());
  std::vector<const Pieces*> rows;
  rows.reserve(order.size());
  for (const Row* row : order) rows.push_back(&row->pieces);
  std::string out = "(?:";
  if (!rows.empty()) AppendFactored(rows, 0, rows.size(), 0, &out);
  return out + ")";
}

}  // namespace diar::tag_internal
