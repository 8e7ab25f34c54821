#include "exact_probe.h"

#include "xalloc.h"

#include "clang_library.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef STRATA_LLVM_BINDIR
#define STRATA_LLVM_BINDIR "/usr/lib/llvm-19/bin"
#endif

const char *exact_probe_driver(bool cxx) {
  return cxx ? STRATA_LLVM_BINDIR "/clang++" : STRATA_LLVM_BINDIR "/clang";
}

// Whether clang, parsing an empty file of dialect with flag, says it does
// not know the flag (or fails on it).
static bool exact_probe__unknown(CXIndex index, const char *flag, exact_dialect dialect) {
  static const char *const files[] = {"/strata-exact/probe.c", "/strata-exact/probe.cpp",
                                      "/strata-exact/probe.cu"};
  const char *file = files[dialect];
  struct CXUnsavedFile empty = {file, "", 0};
  const char *argv[] = {exact_probe_driver(dialect != EXACT_DIALECT_C),
                        flag,
                        "-fsyntax-only",
                        "-nocudainc",
                        "-nocudalib",
                        "--cuda-host-only",
                        file};
  size_t argc = sizeof(argv) / sizeof(argv[0]);
  if (dialect != EXACT_DIALECT_CUDA) {
    argv[3] = file;
    argc = 4;
  }
  CXTranslationUnit unit = NULL;
  if (clang_parseTranslationUnit2FullArgv(index, NULL, argv, (int)argc, &empty, 1,
                                          CXTranslationUnit_Incomplete, &unit) != CXError_Success ||
      !unit)
    return true;
  bool unknown = false;
  for (unsigned i = 0; i < clang_getNumDiagnostics(unit) && !unknown; i++) {
    CXDiagnostic diagnostic = clang_getDiagnostic(unit, i);
    CXString option = clang_getDiagnosticOption(diagnostic, NULL);
    unknown = clang_getDiagnosticSeverity(diagnostic) >= CXDiagnostic_Error ||
              strcmp(clang_getCString(option), "-Wunknown-warning-option") == 0;
    clang_disposeString(option);
    clang_disposeDiagnostic(diagnostic);
  }
  clang_disposeTranslationUnit(unit);
  return unknown;
}

// The child: stderr to nowhere, one byte per verdict down the pipe.
static void exact_probe__child(int out, const char *const *flags, const exact_dialect *dialects,
                               size_t count) {
  int null = open("/dev/null", O_WRONLY);
  if (null >= 0)
    dup2(null, STDERR_FILENO);
  CXIndex index = clang_createIndex(1, 0);
  for (size_t i = 0; i < count; i++) {
    char verdict = index && exact_probe__unknown(index, flags[i], dialects[i]) ? '1' : '0';
    if (write(out, &verdict, 1) != 1)
      break;
  }
  _exit(0); // no atexit handlers, no stdio buffers of the parent flushed twice
}

void exact_probe_warnings(const char *const *flags, const exact_dialect *dialects, size_t count,
                          bool *unknown) {
  memset(unknown, 0, count * sizeof(bool));
  if (count == 0)
    return;
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0)
    return;
  fflush(NULL);
  pid_t child = fork();
  if (child == 0) {
    close(pipe_ends[0]);
    exact_probe__child(pipe_ends[1], flags, dialects, count);
  }
  close(pipe_ends[1]);
  if (child < 0) {
    close(pipe_ends[0]);
    return;
  }
  char *verdicts = xcalloc(count, 1);
  size_t got = 0;
  while (got < count) {
    ssize_t n = read(pipe_ends[0], verdicts + got, count - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  close(pipe_ends[0]);
  while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {
  }
  // A child that died part way gives verdicts for what it did.
  for (size_t i = 0; i < got; i++)
    unknown[i] = verdicts[i] == '1';
  free(verdicts);
}
