// The deprecation sites of one parsed file, as facts (docs/deprecations.md).
//
// A site is:
// - a call of warnings.warn whose category (second positional argument or
//   `category=`) is a name ending in DeprecationWarning or
//   PendingDeprecationWarning; or with any other category, or none, when its
//   message is a literal form (python_literal.h) that says "deprecat" in
//   any case. A message that is not a literal form with no deprecation
//   category is no site: nothing says it deprecates anything.
//   warnings.warn is written `warnings.warn`, `w.warn` after `import
//   warnings as w`, or `warn` / `x` after `from warnings import warn [as x]`.
//   Such an import anywhere in the file binds the name for the whole file:
//   strata does no scope analysis. The fact's kind is "warnings.warn".
// - a decorator `@deprecated`, `@typing_extensions.deprecated` or
//   `@warnings.deprecated` (PEP 702), called or bare, on anything; its kind
//   is what is written: "@deprecated", "@typing_extensions.deprecated",
//   "@warnings.deprecated".
// - a call or a decorator whose dotted name is one of the configured names
//   (deprecations.python_calls), always; its kind is the name, with "@"
//   before it for a decorator.
// The message is the first positional argument, else the keyword argument
// `message` (and for decorators and configured names `msg` or `reason`):
// its literal text, NULL when it is not a literal form (or when there is
// none but a `**` argument might hold it), "" when there is no argument.
#ifndef STRATA_PYTHON_DEPRECATIONS_H
#define STRATA_PYTHON_DEPRECATIONS_H

#include "facts.h"
#include "python_comments.h"
#include "python_grammar.h"
#include "python_hits.h"
#include "source.h"
#include "strbuf.h"

#include <stddef.h>

// Scratch space reused from file to file.
typedef struct python_deprecations {
  const python_grammar *grammar;
  char **extra_names; // the configured names, without a leading '@'
  size_t extra_count;
  python_comments comments; // of the last file extracted
  TSNode *candidates;       // calls and decorators, in file order
  size_t candidate_count;
  size_t candidate_capacity;
  char **module_aliases; // names bound to the warnings module
  size_t module_alias_count;
  size_t module_alias_capacity;
  char **warn_aliases; // names bound to warnings.warn
  size_t warn_alias_count;
  size_t warn_alias_capacity;
  python_hits hits; // where the words of what the walk wants start
  TSNode *parts;    // the parts of a dotted name, last first
  size_t part_capacity;
  strbuf name;
  strbuf text;
  source_columns columns; // of the file at hand
  // The last site recorded: a site on the same line shares its statement and
  // comments (facts.h), which depend on the line only.
  uint32_t last_line;
  char *last_statement;
  char *last_comments;
} python_deprecations;

// names[0..count) are the configured call and decorator names (copied).
void python_deprecations_init(python_deprecations *self, const python_grammar *grammar,
                              char *const *names, size_t count);
void python_deprecations_release(python_deprecations *self);

// Adds a fact for every deprecation site of tree, parsed from source, in
// file order, and leaves the file's comments in self->comments: those of
// the tree and the hidden ones (comments the parser was not given, see
// python_guard.h; may be NULL).
void python_deprecations_extract(python_deprecations *self, const TSTree *tree,
                                 const source_text *source, const python_comments *hidden,
                                 file_facts *facts);

#endif
