#include "python_syntax.h"

#include "python_text.h"

bool python_syntax_first_problem(const TSTree *tree, const char *bytes, uint32_t *line,
                                 uint32_t *column) {
  TSNode root = ts_tree_root_node(tree);
  if (!ts_node_has_error(root))
    return false;
  // Go down through the first child that holds an error at each level: a
  // node starts no later than its children and ends no later than its next
  // sibling starts, so the first problem in document order is on that path.
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  TSNode problem = root;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    problem = node;
    if (ts_node_symbol(node) == PYTHON_SYMBOL_ERROR || ts_node_is_missing(node))
      break;
    if (!ts_tree_cursor_goto_first_child(&cursor))
      break;
    bool found = false;
    do {
      if (ts_node_has_error(ts_tree_cursor_current_node(&cursor))) {
        found = true;
        break;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
    if (!found)
      break; // the error cost is this node's own; report it
  }
  ts_tree_cursor_delete(&cursor);
  TSPoint point = ts_node_start_point(problem);
  uint32_t start = ts_node_start_byte(problem);
  *line = point.row + 1;
  *column = python_text_column(bytes, point, start);
  return true;
}
