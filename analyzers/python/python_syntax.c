#include "python_syntax.h"

#include "python_text.h"

bool python_syntax_first_problem(const TSTree *tree, const char *bytes, uint32_t *line,
                                 uint32_t *column) {
  TSNode root = ts_tree_root_node(tree);
  if (!ts_node_has_error(root))
    return false;
  // Go down through the first child that holds an error at each level, to
  // the innermost problem: a node starts no later than its children, and
  // error recovery often wraps a long run of good code (even the whole file)
  // in an ERROR node whose start says nothing about where the problem is.
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  TSNode problem = root;
  for (;;) {
    problem = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_missing(problem) || !ts_tree_cursor_goto_first_child(&cursor))
      break;
    bool found = false;
    do {
      if (ts_node_has_error(ts_tree_cursor_current_node(&cursor))) {
        found = true;
        break;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
    if (!found)
      break; // no child holds it: the problem is this node (an ERROR of tokens)
  }
  ts_tree_cursor_delete(&cursor);
  TSPoint point = ts_node_start_point(problem);
  uint32_t start = ts_node_start_byte(problem);
  *line = point.row + 1;
  *column = python_text_column(NULL, bytes, point, start);
  return true;
}
