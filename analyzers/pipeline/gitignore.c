#include "gitignore.h"

#include "glob.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct gitignore_rule {
  glob *pattern; // the whole path, the .gitignore's folder in front
  char *folder;  // the .gitignore's folder, "" for the root
  size_t folder_length;
  bool negated;      // `!pattern`: re-includes
  bool folders_only; // `pattern/`
  // A first test cheaper than the glob, from the pattern's last segment:
  // the name itself when it is literal, or the suffix of a `*SUFFIX`.
  char *name;
  char *suffix;
} gitignore_rule;

struct gitignore {
  gitignore_rule *rules;
  size_t count;
  size_t capacity;
};

gitignore *gitignore_new(void) {
  return xcalloc(1, sizeof(gitignore));
}

void gitignore_delete(gitignore *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++) {
    glob_delete(self->rules[i].pattern);
    free(self->rules[i].folder);
    free(self->rules[i].name);
    free(self->rules[i].suffix);
  }
  free(self->rules);
  free(self);
}

size_t gitignore_pattern_count(const gitignore *self) {
  return self->count;
}

static bool gitignore__wild(char c) {
  return c == '*' || c == '?' || c == '[' || c == '\\';
}

// Sets the rule's cheap first test from its last segment (raw text, before
// unescaping): a literal name, or `*` and a literal suffix.
static void gitignore__first_test(gitignore_rule *rule, const char *segment, size_t length) {
  bool literal = true;
  for (size_t i = 0; i < length && literal; i++)
    literal = !gitignore__wild(segment[i]);
  if (literal) {
    rule->name = xstrndup(segment, length);
    return;
  }
  if (length > 1 && segment[0] == '*') {
    for (size_t i = 1; i < length; i++)
      if (gitignore__wild(segment[i]))
        return;
    rule->suffix = xstrndup(segment + 1, length - 1);
  }
}

// One line of a .gitignore in folder; lines that say nothing, or that
// strata's globs cannot express, add no rule.
static void gitignore__line(gitignore *self, const char *folder, const char *line, size_t length) {
  if (length > 0 && line[length - 1] == '\r')
    length--;
  if (length == 0 || line[0] == '#')
    return;
  // Trailing blanks go, unless a backslash keeps the last one.
  while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t') &&
         !(length > 1 && line[length - 2] == '\\'))
    length--;
  gitignore_rule rule = {0};
  if (line[0] == '!') {
    rule.negated = true;
    line++;
    length--;
  } else if (length > 1 && line[0] == '\\' && (line[1] == '!' || line[1] == '#')) {
    line++; // an escaped leading ! or # is literal
    length--;
  }
  if (length > 0 && line[length - 1] == '/') {
    rule.folders_only = true;
    length--;
  }
  if (length == 0)
    return;
  bool anchored = memchr(line, '/', length) != NULL;
  if (line[0] == '/') {
    line++;
    length--;
  }
  const char *last = line + length;
  while (last > line && last[-1] != '/')
    last--;
  gitignore__first_test(&rule, last, (size_t)(line + length - last));

  strbuf pattern;
  strbuf_init(&pattern);
  if (folder[0])
    strbuf_printf(&pattern, "%s/", folder);
  if (!anchored)
    strbuf_append_str(&pattern, "**/");
  for (size_t i = 0; i < length; i++) {
    // strata's globs have no escape: an escaped character is a class of one.
    if (line[i] == '\\' && i + 1 < length) {
      char c = line[++i];
      if (c == '*' || c == '?' || c == '[')
        strbuf_printf(&pattern, "[%c]", c);
      else
        strbuf_append_char(&pattern, c);
    } else {
      strbuf_append_char(&pattern, line[i]);
    }
  }
  const char *message;
  size_t offset;
  rule.pattern = glob_new(pattern.data, &message, &offset);
  strbuf_release(&pattern);
  if (!rule.pattern) {
    free(rule.name);
    free(rule.suffix);
    return;
  }
  rule.folder = xstrdup(folder);
  rule.folder_length = strlen(folder);
  XGROW(self->rules, self->capacity, self->count + 1);
  self->rules[self->count++] = rule;
}

void gitignore_add(gitignore *self, const char *folder, const char *text, size_t length) {
  const char *end = text + length;
  while (text < end) {
    const char *newline = memchr(text, '\n', (size_t)(end - text));
    size_t line_length = newline ? (size_t)(newline - text) : (size_t)(end - text);
    gitignore__line(self, folder, text, line_length);
    text += line_length + (newline ? 1 : 0);
  }
}

static bool gitignore__matches(const gitignore_rule *rule, const char *path, const char *name,
                               size_t name_length, bool is_folder) {
  if (rule->folders_only && !is_folder)
    return false;
  if (rule->folder_length &&
      (strncmp(path, rule->folder, rule->folder_length) != 0 || path[rule->folder_length] != '/'))
    return false;
  if (rule->name && strcmp(rule->name, name) != 0)
    return false;
  if (rule->suffix) {
    size_t suffix_length = strlen(rule->suffix);
    if (name_length < suffix_length ||
        memcmp(name + name_length - suffix_length, rule->suffix, suffix_length) != 0)
      return false;
  }
  return glob_match(rule->pattern, path);
}

bool gitignore_ignores(const gitignore *self, const char *path, bool is_folder) {
  const char *slash = strrchr(path, '/');
  const char *name = slash ? slash + 1 : path;
  size_t name_length = strlen(name);
  // Rules are in the order their files were added (outer folders first)
  // and then in file order: the last that matches decides.
  for (size_t i = self->count; i-- > 0;) {
    const gitignore_rule *rule = &self->rules[i];
    if (gitignore__matches(rule, path, name, name_length, is_folder))
      return !rule->negated;
  }
  return false;
}
