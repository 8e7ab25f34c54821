// A fuzz target for one front end: the input is the bytes of a file whose
// name the front end claims (fuzz_frontend_path, defined by the target).
// The facts must pass fuzz_check_facts; a crash, a leak or an input that
// takes longer than libFuzzer's -timeout is a finding.
#ifndef STRATA_FUZZ_FRONTEND_H
#define STRATA_FUZZ_FRONTEND_H

#include "fuzz_common.h"

#include "frontend.h"
#include "source.h"

#include <stdint.h>

static const frontend *fuzz_frontend;
static frontend_worker *fuzz_worker;
static strata_language fuzz_language;

static int fuzz_frontend_run(const char *path, const uint8_t *data, size_t size) {
  if (!fuzz_worker) {
    // One worker for the process, as one thread of a run keeps one.
    fuzz_frontend = frontend_for_path(path, &fuzz_language);
    if (!fuzz_frontend || !(fuzz_worker = fuzz_frontend->worker_new(NULL)))
      fuzz_fail("the front end does not start", path);
  }
  char *text = fuzz_text(data, size);
  if (!text)
    return -1; // not a text file: keep it out of the corpus
  source_text source = {path, path, fuzz_language,
                        text, size, utf8_first_invalid(text, size) == SIZE_MAX};
  file_facts *facts = file_facts_new();
  fuzz_frontend->extract(fuzz_worker, &source, facts);
  fuzz_check_facts(facts);
  file_facts_delete(facts);
  free(text);
  return 0;
}

#endif
