// Shared by the test_report_*.c unit tests: run a reporter into memory and
// build findings by hand. Header-only: each test is its own executable.
#ifndef STRATA_TEST_REPORT_FIXTURE_H
#define STRATA_TEST_REPORT_FIXTURE_H

#include "report.h"
#include "rule.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

typedef bool report_function(FILE *out, const report_context *context);

// Runs report into a memory buffer; the caller frees the text. *ok is what
// the reporter returned.
static inline char *fixture_capture(report_function *report, const report_context *context,
                                    bool *ok) {
  char *text = NULL;
  size_t length = 0;
  FILE *out = open_memstream(&text, &length);
  if (!out)
    abort();
  *ok = report(out, context);
  fclose(out);
  return text;
}

// Runs report into /dev/full, where every write fails: a reporter must say so.
static inline bool fixture_report_to_full_disk(report_function *report,
                                               const report_context *context) {
  FILE *out = fopen("/dev/full", "w");
  if (!out)
    abort();
  bool ok = report(out, context);
  fclose(out);
  return ok;
}

static inline const rule_doc *fixture_rule(const char *id) {
  const rule_doc *rule = rule_find(id);
  if (!rule)
    abort();
  return rule;
}

// An import cycle a -> b -> a, as the import-cycle check would report it.
static inline finding *fixture_add_cycle(finding_list *findings) {
  finding *cycle = finding_list_add(findings, fixture_rule("import-cycle"), "pkg/a.py", 3, 1,
                                    "import cycle: pkg.a -> pkg.b -> pkg.a");
  finding_add_related(cycle, "pkg/a.py", 3, 1, "pkg.a imports pkg.b");
  finding_add_related(cycle, "pkg/b.py", 7, 5, "pkg.b imports pkg.a");
  const char *parts[] = {"pkg/a.py", "import pkg.b", "pkg/b.py", "import pkg.a"};
  finding_set_fingerprint(cycle, parts, 4);
  cycle->properties = json_pack("{s:[s,s]}", "members", "pkg.a", "pkg.b");
  return cycle;
}

#endif
