#include "compile_db.h"

#include "strbuf.h"
#include "xalloc.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *compile_db_absolute(const char *base, const char *path) {
  strbuf joined;
  strbuf_init(&joined);
  if (path[0] != '/') {
    strbuf_append_str(&joined, base);
    strbuf_append_char(&joined, '/');
  }
  strbuf_append_str(&joined, path);
  // Lexical: the file need not exist yet (a generated source), and a
  // symbolic link is left for the caller's realpath to see through.
  strbuf out;
  strbuf_init(&out);
  const char *segment = joined.data;
  while (*segment) {
    size_t length = strcspn(segment, "/");
    if (length == 2 && segment[0] == '.' && segment[1] == '.') {
      char *last = strrchr(out.data, '/');
      out.length = last ? (size_t)(last - out.data) : 0;
      out.data[out.length] = '\0';
    } else if (length > 0 && !(length == 1 && segment[0] == '.')) {
      strbuf_append_char(&out, '/');
      strbuf_append(&out, segment, length);
    }
    segment += length;
    segment += *segment == '/';
  }
  if (out.length == 0)
    strbuf_append_char(&out, '/');
  strbuf_release(&joined);
  return strbuf_detach(&out);
}

static void compile_db__push(char ***words, size_t *count, size_t *capacity, strbuf *word) {
  XGROW(*words, *capacity, *count + 2);
  (*words)[(*count)++] = strbuf_detach(word);
  (*words)[*count] = NULL;
}

char **compile_db_split_command(const char *command, size_t *count) {
  char **words = NULL;
  size_t capacity = 0;
  *count = 0;
  XGROW(words, capacity, 1);
  words[0] = NULL;
  strbuf word;
  strbuf_init(&word);
  bool in_word = false;
  for (const char *at = command; *at; at++) {
    char c = *at;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word)
        compile_db__push(&words, count, &capacity, &word);
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\' && at[1]) {
      strbuf_append_char(&word, *++at);
    } else if (c == '\'') {
      while (at[1] && at[1] != '\'')
        strbuf_append_char(&word, *++at);
      at += at[1] == '\'';
    } else if (c == '"') {
      while (at[1] && at[1] != '"') {
        at++;
        if (*at == '\\' && at[1] && strchr("\"\\$`", at[1]))
          at++;
        strbuf_append_char(&word, *at);
      }
      at += at[1] == '"';
    } else {
      strbuf_append_char(&word, c);
    }
  }
  if (in_word)
    compile_db__push(&words, count, &capacity, &word);
  strbuf_release(&word);
  return words;
}

static void compile_db__problem(compile_db *self, const char *format, size_t index,
                                const char *detail) {
  self->problems = xrealloc(self->problems, (self->problem_count + 1) * sizeof(char *));
  self->problems[self->problem_count++] = xasprintf(format, index, detail);
}

// The entry's argument list, from `arguments` or else `command`; NULL with
// *why set when it has neither.
static char **compile_db__arguments(json_t *item, size_t *count, const char **why) {
  json_t *arguments = json_object_get(item, "arguments");
  if (json_is_array(arguments) && json_array_size(arguments) > 0) {
    size_t size = json_array_size(arguments);
    char **words = xcalloc(size + 1, sizeof(char *));
    for (size_t i = 0; i < size; i++) {
      const char *text = json_string_value(json_array_get(arguments, i));
      if (!text) {
        for (size_t j = 0; j < i; j++)
          free(words[j]);
        free(words);
        *why = "an 'arguments' item that is not a string";
        return NULL;
      }
      words[i] = xstrdup(text);
    }
    *count = size;
    return words;
  }
  const char *command = json_string_value(json_object_get(item, "command"));
  if (command) {
    char **words = compile_db_split_command(command, count);
    if (*count > 0)
      return words;
    free(words);
    *why = "an empty 'command'";
    return NULL;
  }
  *why = "neither 'arguments' nor 'command'";
  return NULL;
}

static void compile_db__add(compile_db *self, json_t *item, size_t index, const char *db_folder,
                            size_t *capacity) {
  if (!json_is_object(item)) {
    compile_db__problem(self, "entry %zu is not an object%s", index, "");
    return;
  }
  const char *directory = json_string_value(json_object_get(item, "directory"));
  const char *file = json_string_value(json_object_get(item, "file"));
  if (!directory || !file || !file[0]) {
    compile_db__problem(self, "entry %zu has no %s", index, !directory ? "'directory'" : "'file'");
    return;
  }
  const char *why = NULL;
  size_t count = 0;
  char **arguments = compile_db__arguments(item, &count, &why);
  if (!arguments) {
    compile_db__problem(self, "entry %zu has %s", index, why);
    return;
  }
  XGROW(self->entries, *capacity, self->count + 1);
  compile_db_entry *entry = &self->entries[self->count++];
  entry->index = index;
  entry->directory = compile_db_absolute(db_folder, directory[0] ? directory : ".");
  entry->file = compile_db_absolute(entry->directory, file);
  entry->arguments = arguments;
  entry->argument_count = count;
}

compile_db *compile_db_load(const char *path, char **error) {
  struct stat info;
  char *file_path = stat(path, &info) == 0 && S_ISDIR(info.st_mode)
                        ? xasprintf("%s/compile_commands.json", path)
                        : xstrdup(path);
  if (stat(file_path, &info) != 0) {
    *error = xasprintf("cannot read '%s': %s", file_path, strerror(errno));
    free(file_path);
    return NULL;
  }
  json_error_t json_error;
  json_t *root = json_load_file(file_path, JSON_REJECT_DUPLICATES, &json_error);
  if (!root) {
    if (json_error.line <= 0)
      *error = xasprintf("cannot read '%s': %s", file_path, json_error.text);
    else
      *error =
          xasprintf("%s:%d:%d: %s", file_path, json_error.line, json_error.column, json_error.text);
    free(file_path);
    return NULL;
  }
  if (!json_is_array(root)) {
    *error = xasprintf("'%s' is not a compilation database: it holds no JSON array", file_path);
    json_decref(root);
    free(file_path);
    return NULL;
  }
  char cwd[PATH_MAX];
  char *absolute = compile_db_absolute(getcwd(cwd, sizeof(cwd)) ? cwd : "/", file_path);
  char *slash = strrchr(absolute, '/');
  char *db_folder = xstrndup(absolute, slash && slash != absolute ? (size_t)(slash - absolute) : 1);
  free(absolute);

  compile_db *self = xcalloc(1, sizeof(compile_db));
  self->path = file_path;
  size_t capacity = 0;
  for (size_t i = 0; i < json_array_size(root); i++)
    compile_db__add(self, json_array_get(root, i), i, db_folder, &capacity);
  free(db_folder);
  json_decref(root);
  return self;
}

void compile_db_delete(compile_db *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++) {
    compile_db_entry *entry = &self->entries[i];
    free(entry->directory);
    free(entry->file);
    for (size_t a = 0; a < entry->argument_count; a++)
      free(entry->arguments[a]);
    free(entry->arguments);
  }
  free(self->entries);
  for (size_t i = 0; i < self->problem_count; i++)
    free(self->problems[i]);
  free(self->problems);
  free(self->path);
  free(self);
}
