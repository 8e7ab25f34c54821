// Reporters for the tools strata runs inside of: lintrunner (PyTorch's lint
// runner) and GitHub Actions workflow commands. Like every reporter they
// print each finding they are given, in order, and decide nothing.
#ifndef STRATA_REPORT_WORKFLOW_H
#define STRATA_REPORT_WORKFLOW_H

#include "report.h"

#include <stdbool.h>
#include <stdio.h>

// The `code` of lintrunner messages unless the command line names the
// linter's code (--lintrunner-code): the [[linter]] code in .lintrunner.toml
// (tools/lintrunner/), which lintrunner matches.
#define REPORT_LINTRUNNER_CODE "STRATA"

// One lintrunner LintMessage per finding, one JSON object per line and
// nothing else: {"path", "line", "char", "code" (context->lintrunner_code),
// "severity", "name",
// "description", "original", "replacement"}. Levels map error -> "error",
// warning -> "warning", note -> "advice"; a line or column of 0 (unknown) is
// null. Only ASCII is written (other characters as \u escapes). Returns false
// when writing failed.
bool report_lintrunner(FILE *out, const report_context *context);

// The one message of a run that could not report findings (a bad config, an
// unreadable paths file): path null, severity "error", the given name and
// description. lintrunner shows it, where a non-zero exit would only say
// "Linter failed".
// code NULL means REPORT_LINTRUNNER_CODE.
bool report_lintrunner_failure(FILE *out, const char *code, const char *name,
                               const char *description);

// One GitHub Actions workflow command per finding, so it shows as an
// annotation on the pull request:
//   ::error file=PATH,line=N,col=N,title=RULE::MESSAGE
// (::warning for warnings, ::notice for notes). Property values escape '%',
// CR, LF, ':' and ','; the message escapes '%', CR and LF, as the Actions
// runner unescapes them. Returns false when writing failed.
bool report_github(FILE *out, const report_context *context);

#endif
