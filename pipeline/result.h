// Result<T>: the value a library call produced, or why it could not.
//
// Every stage reports failure as a value at its edge, never by printing. An
// error says which of two things went wrong, because the caller must react
// differently (see xapian-omega's worker.h for the same split):
//   kInput  — this input is bad (a file that is not a PDF, an encrypted PDF,
//             an empty file). Record it, go on with the others; exit 1.
//   kConfig — the set-up is wrong (a dictionary line that does not parse, an
//             index that cannot be opened). Stop; exit 2.
// The message names the thing first, then the fault, then the fix:
//   "a.pdf: encrypted PDF; decrypt it (qpdf --decrypt) and ingest again".
#ifndef DIAR_PIPELINE_RESULT_H_
#define DIAR_PIPELINE_RESULT_H_

#include <string>
#include <utility>
#include <variant>

namespace diar {

enum class ErrorKind { kInput, kConfig };

struct Error {
  ErrorKind kind = ErrorKind::kInput;
  std::string message;
};

inline Error InputError(std::string message) {
  return Error{ErrorKind::kInput, std::move(message)};
}
inline Error ConfigError(std::string message) {
  return Error{ErrorKind::kConfig, std::move(message)};
}

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace diar

#endif  // DIAR_PIPELINE_RESULT_H_
