// accept_fault: an LD_PRELOAD library for the server tests that makes one
// accept() fail as the kernel fails it when a client resets a connection
// still waiting to be accepted: the connection is taken and closed, and
// accept() returns -1 with errno ECONNABORTED (accept(2) names it, with
// ENOBUFS, ENOMEM and the network errors Linux passes on, as failures a
// server must retry).
//
//   DIAR_ACCEPT_FAIL_AT=2 LD_PRELOAD=libaccept_fault.so diar serve ...
//
// fails the second accept() of the process; the others are the real call.
#include <dlfcn.h>
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

extern "C" int accept(int fd, sockaddr* address, socklen_t* length) {
  using Accept = int (*)(int, sockaddr*, socklen_t*);
  static const Accept real = reinterpret_cast<Accept>(dlsym(RTLD_NEXT, "accept"));
  static const long fail_at = [] {
    const char* at = std::getenv("DIAR_ACCEPT_FAIL_AT");
    return at == nullptr ? 0L : std::strtol(at, nullptr, 10);
  }();
  static std::atomic<long> calls{0};
  const int connection = real(fd, address, length);
  if (connection < 0 || ++calls != fail_at) return connection;
  close(connection);
  errno = ECONNABORTED;
  return -1;
}
