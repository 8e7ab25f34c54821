// Notices: problems with the input that the run reports once and goes past
// (an unreadable file, a binary .py, a file that does not parse cleanly).
// They reach stderr and SARIF toolExecutionNotifications, and never change
// the exit status.
#ifndef STRATA_NOTICE_H
#define STRATA_NOTICE_H

#include <stddef.h>
#include <stdint.h>

typedef struct notice {
  char *path; // relative to the root; NULL for the run as a whole
  uint32_t line;
  uint32_t column;
  char *message;
} notice;

typedef struct notice_list {
  notice *items;
  size_t count;
  size_t capacity;
  // Private: the notices added so far, as keys of a hash map, so that a run
  // with thousands of notices does not compare each new one with all of them.
  struct strmap *seen;
  char **seen_keys; // the map borrows its keys; they live here
  size_t seen_count;
  size_t seen_capacity;
} notice_list;

notice_list *notice_list_new(void);
void notice_list_delete(notice_list *self);
// Copies path and message; a notice equal to one already present is dropped,
// so each problem is reported once.
void notice_list_add(notice_list *self, const char *path, uint32_t line, uint32_t column,
                     const char *message);
// Sorts by path, line, column, message.
void notice_list_sort(notice_list *self);

#endif
