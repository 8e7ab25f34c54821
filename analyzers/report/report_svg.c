// The map as SVG, laid out in-process by Graphviz's own libraries (cgraph
// reads the DOT, gvc lays it out with dot and renders it), so no `dot`
// program is needed at run time.
#include "report_graphs.h"
#include "strmap.h"
#include "xalloc.h"

#include <gvc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Object IDs, in order of creation. cgraph's own discipline makes a name's
// ID the address of its copy of the string, and keeps subgraphs in ID
// order: clusters then come out of the SVG in an order that depends on the
// heap (and so on the threads that ran before). Sequential IDs keep the
// DOT's order. Named objects get even IDs, anonymous ones odd, as cgraph
// expects.
typedef struct svg_ids {
  char **names; // ID 2 * (i + 1) is names[i]
  size_t count;
  size_t capacity;
  strmap *index; // name -> i
  IDTYPE next_anonymous;
} svg_ids;

static void *report_svg__ids_open(Agraph_t *drawing, Agdisc_t *disc) {
  (void)drawing;
  (void)disc;
  svg_ids *self = xcalloc(1, sizeof(svg_ids));
  self->index = strmap_new();
  self->next_anonymous = 1;
  return self;
}

static long report_svg__ids_map(void *state, int kind, char *name, IDTYPE *id, int create) {
  (void)kind;
  svg_ids *self = state;
  if (!name) {
    *id = self->next_anonymous;
    self->next_anonymous += 2;
    return 1;
  }
  uint32_t slot;
  if (!strmap_get(self->index, name, strlen(name), &slot)) {
    if (!create)
      return 0;
    XGROW(self->names, self->capacity, self->count + 1);
    slot = (uint32_t)self->count;
    self->names[self->count++] = xstrdup(name);
    strmap_put(self->index, self->names[slot], strlen(name), slot);
  }
  *id = 2 * ((IDTYPE)slot + 1);
  return 1;
}

static long report_svg__ids_alloc(void *state, int kind, IDTYPE id) {
  (void)state;
  (void)kind;
  (void)id;
  return 0; // no object is created with an ID of the caller's choosing
}

static void report_svg__ids_free(void *state, int kind, IDTYPE id) {
  // Names live until the graph is closed.
  (void)state;
  (void)kind;
  (void)id;
}

static char *report_svg__ids_print(void *state, int kind, IDTYPE id) {
  (void)kind;
  svg_ids *self = state;
  if (id % 2 == 1 || id == 0 || id / 2 > self->count)
    return NULL;
  return self->names[id / 2 - 1];
}

static void report_svg__ids_close(void *state) {
  svg_ids *self = state;
  for (size_t i = 0; i < self->count; i++)
    free(self->names[i]);
  free(self->names);
  strmap_delete(self->index);
  free(self);
}

static void report_svg__ids_register(void *state, int kind, void *object) {
  (void)state;
  (void)kind;
  (void)object;
}

static Agiddisc_t report_svg__ids = {
    report_svg__ids_open,  report_svg__ids_map,   report_svg__ids_alloc,    report_svg__ids_free,
    report_svg__ids_print, report_svg__ids_close, report_svg__ids_register,
};

// Hands cgraph's reader the DOT text a line at a time, as its own string
// reader does.
typedef struct svg_reader {
  const char *next;
} svg_reader;

static int report_svg__read(void *channel, char *buffer, int size) {
  svg_reader *self = channel;
  int length = 0;
  while (length < size && *self->next) {
    char c = *self->next++;
    buffer[length++] = c;
    if (c == '\n')
      break;
  }
  return length;
}

// Graphviz reports problems through one process-wide handler; while a
// render runs, they are collected here instead of reaching stderr.
static strbuf *report_svg__messages;

static int report_svg__collect(char *message) {
  // Graphviz hands over "Error", ": " and the message as separate pieces.
  if (report_svg__messages)
    strbuf_append_str(report_svg__messages, message);
  return 0;
}

// "graphviz: " and the first message, trimmed, or fallback when Graphviz
// said nothing.
static char *report_svg__error(const strbuf *messages, const char *fallback) {
  const char *text = messages->data;
  if (strncmp(text, "Error: ", 7) == 0)
    text += 7;
  size_t length = strcspn(text, "\n");
  while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '.'))
    length--;
  if (length == 0)
    return xstrdup(fallback);
  return xasprintf("graphviz: %.*s", (int)length, text);
}

bool report_svg_text(strbuf *out, const graph_view *view, char **error) {
  *error = NULL;
  strbuf dot;
  strbuf_init(&dot);
  report_dot_text(&dot, view);
  strbuf messages;
  strbuf_init(&messages);
  report_svg__messages = &messages;
  agusererrf previous_handler = agseterrf(report_svg__collect);
  agerrlevel_t previous_level = agseterr(AGERR);

  bool ok = false;
  char *svg = NULL;
  unsigned int svg_length = 0;
  GVC_t *context = gvContext();
  svg_reader reader = {dot.data};
  Agiodisc_t input = {report_svg__read, AgIoDisc.putstr, AgIoDisc.flush};
  Agdisc_t discipline = {&AgMemDisc, &report_svg__ids, &input};
  Agraph_t *drawing = agread(&reader, &discipline);
  if (!drawing) {
    *error = report_svg__error(&messages, "graphviz could not read the graph");
    goto cleanup;
  }
  if (gvLayout(context, drawing, "dot") != 0) {
    *error = report_svg__error(&messages, "graphviz could not lay out the graph");
    goto cleanup;
  }
  if (gvRenderData(context, drawing, "svg", &svg, &svg_length) != 0 || !svg) {
    *error = report_svg__error(&messages, "graphviz could not render SVG");
    gvFreeLayout(context, drawing);
    goto cleanup;
  }
  strbuf_append(out, svg, svg_length);
  ok = true;
  gvFreeRenderData(svg);
  gvFreeLayout(context, drawing);
cleanup:
  if (drawing)
    agclose(drawing);
  gvFreeContext(context);
  agseterr(previous_level);
  agseterrf(previous_handler);
  report_svg__messages = NULL;
  strbuf_release(&messages);
  strbuf_release(&dot);
  return ok;
}
