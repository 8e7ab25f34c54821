// When a deprecation started and when it ends, read from its text.
//
// A site is dated when one of deprecations.dated_patterns or
// .removal_patterns (PCRE2) matches its message or its comments. The first
// capturing group that took part in a match is the version or date the
// match names (the whole match when no group did). Removal patterns say
// when the deprecation ends; whether that has passed is a question for a
// deprecation_clock. Everything here is a pure function of the text and the
// config, shared by the deprecation checks, the graph JSON and
// `strata deprecations` (docs/deprecations.md); it sits below the front ends
// and the checks, and knows neither the graph nor findings (those are
// checks/deprecation_sites.h).
#ifndef STRATA_DEPRECATION_DATES_H
#define STRATA_DEPRECATION_DATES_H

#include "config.h"
#include "facts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct deprecation_dates deprecation_dates;

// Compiles config's patterns (the defaults when config is NULL). Returns
// NULL and sets *error (the caller frees it) when one does not compile. The
// caller frees the result with deprecation_dates_delete. Not for use by two
// threads at once (it keeps its match data).
deprecation_dates *deprecation_dates_new(const strata_config *config, char **error);
void deprecation_dates_delete(deprecation_dates *self);

typedef struct deprecation_dating {
  bool dated; // a pattern matched the message or a comment
  // The first version or date named (the message before the comments) that
  // is not part of a removal phrase: "deprecated in 2.1" gives "2.1",
  // "removed in 2.5" alone gives none. NULL when there is none.
  char *since;
  // The version or date of the first removal phrase; NULL when none.
  char *removal;
  // The phrase says "after" ("removed after PyTorch 1.13"): the removal is
  // due once the version is past it, not when it is reached.
  bool removal_after;
  // 1 for the first site of its file with its kind and line of code, 2 for
  // the next such, ...: what keeps the fingerprints of look-alike sites of
  // one file apart (set by deprecation_dates_each).
  uint32_t occurrence;
  // The reader that dated it (NULL if none), which remembers what the sites
  // of one line share (their comments, their fingerprint).
  deprecation_dates *from;
} deprecation_dating;

// The fingerprint the sites of one line share (they share their statement,
// facts.h): the last one made, and what it was made of, kept by the reader
// that dated them for checks/deprecation_sites.c. rule is a rule_doc, kept
// only to compare.
typedef struct deprecation_fingerprint_memo {
  const void *rule;
  const char *path;
  const char *statement;
  char *kind;
  char *fingerprint;
} deprecation_fingerprint_memo;

// self's memo (NULL when self is NULL), owned by self.
deprecation_fingerprint_memo *deprecation_dates_memo(deprecation_dates *self);

// Dates site into *out; release it with deprecation_dating_release.
void deprecation_dates_read(deprecation_dates *self, const fact_deprecation *site,
                            deprecation_dating *out);
void deprecation_dating_release(deprecation_dating *dating);

typedef enum deprecation_when_kind {
  DEPRECATION_WHEN_NONE,
  DEPRECATION_WHEN_VERSION,
  DEPRECATION_WHEN_DATE,
} deprecation_when_kind;

#define DEPRECATION_VERSION_PARTS 8

// A version or a date, parsed to compare.
typedef struct deprecation_when {
  deprecation_when_kind kind;
  uint32_t parts[DEPRECATION_VERSION_PARTS]; // a version's numbers, leftmost first
  size_t part_count;
  int year, month, day; // a date; day 0 for a whole month
} deprecation_when;

// Parses a version ("2.5", "v2.10.1", "2.6.0a0": a pre-release or local
// suffix is kept out of the numbers) or a date ("2025-06-01", "2025-06",
// "June 2025", "Jun. 2025"). Returns false, with kind NONE, for anything
// else.
bool deprecation_when_parse(const char *text, deprecation_when *out);
// Orders versions numerically (2.10 after 2.9; 2.5 equals 2.5.0), dates by
// day (a whole month as its first day), every version before every date,
// and NONE last.
int deprecation_when_compare(const deprecation_when *a, const deprecation_when *b);

// What "now" is: the current version and today's date.
typedef struct deprecation_clock {
  bool has_version;
  deprecation_when version;
  char version_text[64];
  deprecation_when today;
  char today_text[40]; // "YYYY-MM-DD"
} deprecation_clock;

// The current version is deprecations.current_version, or else the first
// non-blank line of deprecations.version_file (relative to root unless
// absolute; not read when root is NULL); today is config->today, or else the
// local date. Returns false and sets *problem (the caller frees it) when the
// version file cannot be read or holds no version, or today is not a date:
// the clock then has no version (or the local date) and still works.
bool deprecation_clock_init(deprecation_clock *clock, const strata_config *config, const char *root,
                            char **problem);

// Whether removal has passed: a version once the current version reaches it
// (suffixes aside: 2.6.0a0, the development of 2.6, has reached 2.6), or
// once it is past it when after is set ("removed after 2.6": 2.7.0a0), a
// day once it is over, a whole month once it is over. False when it cannot
// tell: a version with no current version known, or kind NONE.
bool deprecation_clock_passed(const deprecation_clock *clock, const deprecation_when *removal,
                              bool after);

// The start of text for a message: white space folded, cut after max_chars
// code points with "...". The caller frees it.
char *deprecation_text_start(const char *text, size_t max_chars);

#endif
