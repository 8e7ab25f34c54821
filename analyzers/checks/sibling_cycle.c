// sibling-cycle: see rules/sibling-cycle.md.
//
// Each dependency between two files is judged in exactly one folder: the
// deepest folder holding both, where the files lie in two different
// children (a child is a folder or module right below it, with everything
// below it). So one pass over the edges gives, for every folder, the graph
// of its children; a strongly connected component of two or more children
// is a cycle between siblings.
#include "check.h"
#include "contracts.h"
#include "edge_finding.h"
#include "json_text.h"
#include "layered.h"
#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct sibling_link {
  uint32_t from_child, to_child;
  uint32_t edge;         // the graph edge that makes it
  const char *from_path; // its file and line, to choose a link's witness
  uint32_t line;
} sibling_link;

// One folder whose children depend on each other.
typedef struct sibling_folder {
  char *path;
  strmap *child_index;
  char **children;
  size_t child_count;
  sibling_link *links;
  size_t link_count, link_capacity;
} sibling_folder;

typedef struct sibling_folders {
  strmap *index;
  sibling_folder *items;
  size_t count, capacity;
} sibling_folders;

// The length of the deepest folder holding both paths ("" is the root).
static size_t sibling__common_folder(const char *a, const char *b) {
  size_t common = 0;
  for (size_t i = 0; a[i] && a[i] == b[i]; i++)
    if (a[i] == '/')
      common = i;
  return common;
}

static bool sibling__below(const char *folder, const char *path, size_t path_length) {
  size_t length = strlen(folder);
  return path_length == length
             ? strncmp(folder, path, length) == 0
             : path_length > length && strncmp(folder, path, length) == 0 && path[length] == '/';
}

// How many folders below ancestor the folder is (0: the ancestor itself),
// or -1 when it is not below it.
static long sibling__generation(const char *ancestor, const char *folder, size_t length) {
  if (!sibling__below(ancestor, folder, length))
    return -1;
  long generation = 0;
  for (size_t i = strlen(ancestor); i < length; i++)
    generation += folder[i] == '/';
  return generation;
}

static bool sibling__judged(const config_acyclic_siblings *entry, const char *folder,
                            size_t length) {
  for (size_t i = 0; i < entry->skip_count; i++)
    if (sibling__below(entry->skip_descendants[i], folder, length))
      return false;
  for (size_t i = 0; i < entry->ancestor_count; i++) {
    long generation = sibling__generation(entry->ancestors[i], folder, length);
    if (generation >= 0 && (uint32_t)generation <= entry->depth)
      return true;
  }
  return false;
}

static uint32_t sibling__child(sibling_folder *folder, const char *name, size_t length) {
  uint32_t index;
  if (strmap_get(folder->child_index, name, length, &index))
    return index;
  folder->children = xrealloc(folder->children, (folder->child_count + 1) * sizeof(char *));
  folder->children[folder->child_count] = xstrndup(name, length);
  index = (uint32_t)folder->child_count++;
  strmap_put(folder->child_index, folder->children[index], length, index);
  return index;
}

static sibling_folder *sibling__folder(sibling_folders *self, const char *path, size_t length) {
  uint32_t index;
  if (strmap_get(self->index, path, length, &index))
    return &self->items[index];
  if (self->count == self->capacity) {
    self->capacity = self->capacity ? self->capacity * 2 : 16;
    self->items = xrealloc(self->items, self->capacity * sizeof(sibling_folder));
  }
  sibling_folder *folder = &self->items[self->count];
  *folder = (sibling_folder){.path = xstrndup(path, length), .child_index = strmap_new()};
  strmap_put(self->index, folder->path, length, (uint32_t)self->count++);
  return folder;
}

static void sibling__folders_release(sibling_folders *self) {
  for (size_t i = 0; i < self->count; i++) {
    sibling_folder *folder = &self->items[i];
    for (size_t c = 0; c < folder->child_count; c++)
      free(folder->children[c]);
    free(folder->children);
    strmap_delete(folder->child_index);
    free(folder->links);
    free(folder->path);
  }
  free(self->items);
  strmap_delete(self->index);
}

static void sibling__gather(const check_context *context, const config_acyclic_siblings *entry,
                            sibling_folders *folders) {
  const graph *g = context->graph;
  for (size_t e = 0; e < g->edge_count; e++) {
    const graph_edge *edge = &g->edges[e];
    if (!(entry->scopes & (1u << edge->scope)) || edge->taken == GRAPH_TAKEN_NO ||
        contracts_edge_ignored(context->contracts, e))
      continue;
    const char *from = g->files[edge->from].path, *to = g->files[edge->to].path;
    size_t length = sibling__common_folder(from, to);
    if (length == 0 || !sibling__judged(entry, from, length))
      continue; // the root is no ancestor: a folder has a name
    char *folder_path = xstrndup(from, length);
    size_t from_length, to_length;
    const char *from_name = layered_member_name(folder_path, from, &from_length);
    const char *to_name = layered_member_name(folder_path, to, &to_length);
    // `x.py` and `x/` are one child; the folder's own __init__ is none.
    bool same = from_length == to_length && strncmp(from_name, to_name, to_length) == 0;
    bool own = (from_length == 8 && strncmp(from_name, "__init__", 8) == 0) ||
               (to_length == 8 && strncmp(to_name, "__init__", 8) == 0);
    if (same || own ||
        (context->waivers && waivers_excuse_edge(context->waivers, edge, context->rule->id))) {
      free(folder_path);
      continue;
    }
    sibling_folder *folder = sibling__folder(folders, folder_path, length);
    free(folder_path);
    uint32_t a = sibling__child(folder, from_name, from_length);
    uint32_t b = sibling__child(folder, to_name, to_length);
    if (folder->link_count == folder->link_capacity) {
      folder->link_capacity = folder->link_capacity ? folder->link_capacity * 2 : 8;
      folder->links = xrealloc(folder->links, folder->link_capacity * sizeof(sibling_link));
    }
    folder->links[folder->link_count++] = (sibling_link){a, b, (uint32_t)e, from, edge->line};
  }
}

// Tarjan's strongly connected components over a folder's children.
typedef struct sibling_tarjan {
  const sibling_folder *folder;
  const uint32_t *first_link; // links sorted by from_child: [first_link[c], first_link[c+1])
  const sibling_link *links;
  int32_t *order, *low;
  uint32_t *stack, *component;
  bool *on_stack;
  size_t stack_count;
  int32_t counter;
  uint32_t component_count;
} sibling_tarjan;

static void sibling__visit(sibling_tarjan *self, uint32_t child) {
  self->order[child] = self->low[child] = self->counter++;
  self->stack[self->stack_count++] = child;
  self->on_stack[child] = true;
  for (uint32_t l = self->first_link[child]; l < self->first_link[child + 1]; l++) {
    uint32_t next = self->links[l].to_child;
    if (self->order[next] < 0) {
      sibling__visit(self, next);
      if (self->low[next] < self->low[child])
        self->low[child] = self->low[next];
    } else if (self->on_stack[next] && self->order[next] < self->low[child]) {
      self->low[child] = self->order[next];
    }
  }
  if (self->low[child] == self->order[child]) {
    uint32_t member;
    do {
      member = self->stack[--self->stack_count];
      self->on_stack[member] = false;
      self->component[member] = self->component_count;
    } while (member != child);
    self->component_count++;
  }
}

static int sibling__compare_links(const void *left, const void *right) {
  const sibling_link *a = left, *b = right;
  if (a->from_child != b->from_child)
    return a->from_child < b->from_child ? -1 : 1;
  if (a->to_child != b->to_child)
    return a->to_child < b->to_child ? -1 : 1;
  // The witness of a link between two children: the first import by path
  // and line, so the finding does not depend on the order of the edges.
  int by_path = strcmp(a->from_path, b->from_path);
  if (by_path)
    return by_path;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return a->edge < b->edge ? -1 : a->edge > b->edge;
}

static int sibling__compare_names(const void *left, const void *right) {
  return strcmp(*(char *const *)left, *(char *const *)right);
}

static void sibling__report(const check_context *context, const config_acyclic_siblings *entry,
                            const sibling_folder *folder, const uint32_t *first_link,
                            const uint32_t *component, uint32_t id) {
  const graph *g = context->graph;
  size_t n = folder->child_count;
  // The cycle starts at the member first by name, and is a shortest one
  // through it: a breadth-first search inside the component.
  uint32_t start = UINT32_MAX;
  size_t member_count = 0;
  for (uint32_t c = 0; c < n; c++)
    if (component[c] == id) {
      member_count++;
      if (start == UINT32_MAX || strcmp(folder->children[c], folder->children[start]) < 0)
        start = c;
    }
  uint32_t *via = xcalloc(n + 1, sizeof(uint32_t)); // the link that reached each child
  bool *seen = xcalloc(n + 1, sizeof(bool));
  uint32_t *queue = xcalloc(n + 1, sizeof(uint32_t));
  size_t head = 0, tail = 0;
  uint32_t closing = UINT32_MAX; // the link back to start
  queue[tail++] = start;
  seen[start] = true;
  while (head < tail && closing == UINT32_MAX) {
    uint32_t child = queue[head++];
    for (uint32_t l = first_link[child]; l < first_link[child + 1]; l++) {
      uint32_t next = folder->links[l].to_child;
      if (component[next] != id)
        continue;
      if (next == start) {
        closing = l;
        break;
      }
      if (!seen[next]) {
        seen[next] = true;
        via[next] = l;
        queue[tail++] = next;
      }
    }
  }
  // Walk back from the closing link to start.
  size_t hop_count = 0;
  uint32_t *hops = xcalloc(n + 1, sizeof(uint32_t));
  hops[hop_count++] = closing;
  for (uint32_t child = folder->links[closing].from_child; child != start;
       child = folder->links[via[child]].from_child)
    hops[hop_count++] = via[child];
  for (size_t i = 0; i < hop_count / 2; i++) {
    uint32_t swap = hops[i];
    hops[i] = hops[hop_count - 1 - i];
    hops[hop_count - 1 - i] = swap;
  }

  strbuf message;
  strbuf_init(&message);
  strbuf_printf(&message, "the children of '%s' depend on each other in a cycle: %s", folder->path,
                folder->children[start]);
  for (size_t h = 0; h < hop_count; h++)
    strbuf_printf(&message, " -> %s", folder->children[folder->links[hops[h]].to_child]);
  strbuf_append_str(&message, " (");
  json_t *chain = json_array();
  json_t *cycle = json_array();
  json_array_append_new(cycle, json_text_string(folder->children[start]));
  for (size_t h = 0; h < hop_count; h++) {
    const graph_edge *edge = &g->edges[folder->links[hops[h]].edge];
    strbuf_printf(&message, "%s%s:%u %s %s", h ? "; " : "", g->files[edge->from].path, edge->line,
                  edge_verb(edge), g->files[edge->to].path);
    json_array_append_new(chain, json_pack("{s:o,s:o,s:I}", "from",
                                           json_text_string(g->files[edge->from].path), "to",
                                           json_text_string(g->files[edge->to].path), "line",
                                           (json_int_t)edge->line));
    json_array_append_new(cycle,
                          json_text_string(folder->children[folder->links[hops[h]].to_child]));
  }
  strbuf_append_str(&message, "), which the acyclic_siblings entry forbids");
  if (entry->why)
    strbuf_printf(&message, ": \"%s\"", entry->why);
  const graph_edge *first = &g->edges[folder->links[hops[0]].edge];
  finding *item = finding_list_add(context->findings, context->rule, g->files[first->from].path,
                                   first->line, first->column, "%s", message.data);
  strbuf hop;
  strbuf_init(&hop);
  for (size_t h = 0; h < hop_count; h++) {
    const graph_edge *edge = &g->edges[folder->links[hops[h]].edge];
    strbuf_clear(&hop);
    strbuf_printf(&hop, "'%s' %s '%s'", g->files[edge->from].path, edge_verb(edge),
                  g->files[edge->to].path);
    finding_add_related(item, g->files[edge->from].path, edge->line, edge->column, hop.data);
    finding_add_involved(item, g->files[edge->from].path);
  }
  strbuf_release(&hop);

  // Its identity: the folder and its members, not the files that join them.
  char **members = xcalloc(member_count + 1, sizeof(char *));
  size_t count = 0;
  for (uint32_t c = 0; c < n; c++)
    if (component[c] == id)
      members[count++] = folder->children[c];
  qsort(members, count, sizeof(char *), sibling__compare_names);
  const char **parts = xcalloc(count + 2, sizeof(char *));
  parts[0] = folder->path;
  json_t *member_array = json_array();
  for (size_t i = 0; i < count; i++) {
    parts[i + 1] = members[i];
    json_array_append_new(member_array, json_text_string(members[i]));
  }
  finding_set_fingerprint(item, parts, count + 1);
  item->properties = json_object();
  json_object_set_new(item->properties, "folder", json_text_string(folder->path));
  json_object_set_new(item->properties, "members", member_array);
  json_object_set_new(item->properties, "cycle", cycle);
  json_object_set_new(item->properties, "chain", chain);
  json_object_set_new(item->properties, "why",
                      entry->why ? json_text_string(entry->why) : json_null());
  free(parts);
  free(members);
  strbuf_release(&message);
  free(hops);
  free(queue);
  free(seen);
  free(via);
}

static void sibling__judge(const check_context *context, const config_acyclic_siblings *entry,
                           sibling_folder *folder) {
  size_t n = folder->child_count;
  qsort(folder->links, folder->link_count, sizeof(sibling_link), sibling__compare_links);
  uint32_t *first_link = xcalloc(n + 2, sizeof(uint32_t));
  for (size_t l = 0; l < folder->link_count; l++)
    first_link[folder->links[l].from_child + 1]++;
  for (size_t c = 0; c < n; c++)
    first_link[c + 1] += first_link[c];
  sibling_tarjan tarjan = {
      .folder = folder,
      .first_link = first_link,
      .links = folder->links,
      .order = xcalloc(n + 1, sizeof(int32_t)),
      .low = xcalloc(n + 1, sizeof(int32_t)),
      .stack = xcalloc(n + 1, sizeof(uint32_t)),
      .component = xcalloc(n + 1, sizeof(uint32_t)),
      .on_stack = xcalloc(n + 1, sizeof(bool)),
  };
  for (size_t c = 0; c < n; c++)
    tarjan.order[c] = -1;
  for (uint32_t c = 0; c < n; c++)
    if (tarjan.order[c] < 0)
      sibling__visit(&tarjan, c);
  uint32_t *sizes = xcalloc(tarjan.component_count + 1, sizeof(uint32_t));
  for (size_t c = 0; c < n; c++)
    sizes[tarjan.component[c]]++;
  for (uint32_t id = 0; id < tarjan.component_count; id++)
    if (sizes[id] > 1)
      sibling__report(context, entry, folder, first_link, tarjan.component, id);
  free(sizes);
  free(tarjan.order);
  free(tarjan.low);
  free(tarjan.stack);
  free(tarjan.component);
  free(tarjan.on_stack);
  free(first_link);
}

void check_sibling_cycle(const check_context *context) {
  const strata_config *config = context->config;
  if (!config || config->acyclic_siblings_count == 0)
    return;
  check_context local = *context;
  contracts *own = NULL;
  if (!local.contracts)
    local.contracts = own = contracts_new(context->graph, config);
  for (size_t i = 0; i < config->acyclic_siblings_count; i++) {
    const config_acyclic_siblings *entry = &config->acyclic_siblings[i];
    sibling_folders folders = {.index = strmap_new()};
    sibling__gather(&local, entry, &folders);
    for (size_t f = 0; f < folders.count; f++)
      sibling__judge(&local, entry, &folders.items[f]);
    sibling__folders_release(&folders);
  }
  contracts_delete(own);
}
