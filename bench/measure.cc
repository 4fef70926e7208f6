// missive_measure: runs one command and reports its wall time, CPU time and
// peak RSS, for bench/bench.py.
//
//   missive_measure REPORT_FILE COMMAND [ARGS...]
//
// Writes "wall_s cpu_s maxrss_kib exit_code" to REPORT_FILE. A separate
// program because Linux carries a process's peak RSS across exec: a child
// spawned straight from the Python driver would report at least the
// interpreter's own RSS. Forked from this small process, it reports its own.
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: missive_measure REPORT_FILE COMMAND [ARGS...]\n", stderr);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("missive_measure: fork");
    return 2;
  }
  if (pid == 0) {
    execv(argv[2], argv + 2);
    std::perror("missive_measure: exec");
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("missive_measure: wait4");
    return 2;
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::FILE* report = std::fopen(argv[1], "w");
  if (report == nullptr) {
    std::perror("missive_measure: report file");
    return 2;
  }
  std::fprintf(report, "%.6f %.6f %ld %d\n", wall,
               seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss, code);
  std::fclose(report);
  return 0;
}
