// The import statements of one parsed file, as dependency facts.
#ifndef STRATA_PYTHON_IMPORTS_H
#define STRATA_PYTHON_IMPORTS_H

#include "facts.h"
#include "python_grammar.h"
#include "python_hits.h"
#include "source.h"
#include "strbuf.h"

#include <stddef.h>

// What the walk knows about the children of one open node.
typedef struct python_frame {
  fact_scope child_scope;
  bool type_checking_if; // an if/elif whose condition is TYPE_CHECKING
} python_frame;

// Scratch space reused from file to file, so that the walk allocates only
// for the facts it adds.
typedef struct python_imports {
  const python_grammar *grammar;
  python_frame *frames; // one per open level of the walk
  size_t frame_capacity;
  python_hits hits; // where "import" is spelled: no import statement is elsewhere
  // The file has its syntax-error notice: from the syntax check when
  // tree-sitter saw an error, else the first import that names no module.
  bool said_not_a_name;
  strbuf text;
  source_columns columns; // of the file at hand
} python_imports;

void python_imports_init(python_imports *self, const python_grammar *grammar);
void python_imports_release(python_imports *self);

// Adds one fact per imported module of every import statement in tree, which
// was parsed from source, in the order they appear. The walk is iterative,
// so nesting depth costs heap, never C stack.
void python_imports_extract(python_imports *self, const TSTree *tree, const source_text *source,
                            file_facts *facts);

#endif
