#include "exact_flags.h"

#include "strbuf.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *exact_dialect_name(exact_dialect dialect) {
  switch (dialect) {
  case EXACT_DIALECT_C:
    return "c";
  case EXACT_DIALECT_CXX:
    return "c++";
  case EXACT_DIALECT_CUDA:
    return "cuda";
  }
  return "c";
}

void exact_words_push(exact_words *self, const char *word) {
  XGROW(self->items, self->capacity, self->count + 2);
  self->items[self->count++] = xstrdup(word);
  self->items[self->count] = NULL;
}

void exact_words_release(exact_words *self) {
  for (size_t i = 0; i < self->count; i++)
    free(self->items[i]);
  free(self->items);
  *self = (exact_words){0};
}

bool exact_words_contains(const exact_words *self, const char *word) {
  for (size_t i = 0; i < self->count; i++)
    if (strcmp(self->items[i], word) == 0)
      return true;
  return false;
}

// How a flag takes its value.
typedef enum flags_form {
  FORM_FLAG,               // the word is the flag: -c
  FORM_PREFIX,             // the word starts with the name, value and all: -Wl,x -ferror-limit=3
  FORM_SEPARATE,           // the value is the next word: -Xlinker x
  FORM_JOINED_OR_SEPARATE, // -Idir or -I dir
  FORM_EQUALS_OR_SEPARATE, // nvcc: -arch=sm_80 or -arch sm_80
} flags_form;

typedef enum flags_action {
  ACTION_KEEP,           // passed on as written
  ACTION_DROP,           // says what to write or how to link: dropped quietly
  ACTION_DROP_NOTE,      // clang has no counterpart: dropped with the rule's reason
  ACTION_WARNING,        // -W...: never changes an include; kept aside for the probe
  ACTION_LANGUAGE,       // -x LANGUAGE
  ACTION_MACRO,          // nvcc option that defines a macro: -D(extra)
  ACTION_SPELL_SEPARATE, // another spelling of a flag: (extra) VALUE
  ACTION_SPELL_JOINED,   // another spelling of a flag: (extra)VALUE
  ACTION_GENCODE,        // nvcc -gencode arch=compute_80,code=sm_80
  ACTION_GPU_ARCH,       // nvcc -arch / -code, clang --cuda-gpu-arch / --offload-arch
  ACTION_HOST_COMPILER,  // nvcc -Xcompiler A,B,C
  ACTION_RESPONSE_FILE,  // nvcc --options-file FILE
  ACTION_XCLANG,         // -Xclang X
  ACTION_CUDA_PATH,      // clang --cuda-path=DIR
  ACTION_NO_CUDA_INC,    // clang -nocudainc: no toolkit headers
  ACTION_RDC,            // nvcc -rdc=true
} flags_action;

typedef struct flags_rule {
  const char *name;
  flags_form form;
  flags_action action;
  const char *extra; // the reason, the macro or the other spelling
} flags_rule;

#define NVCC_OWN "nvcc's own; clang has no such option"
#define PCH "a precompiled header of the build; the header is read as text instead"

// nvcc's options (nvcc --help), looked up before the common ones on an
// nvcc command line. Macros are those nvcc predefines for an option.
static const flags_rule flags__nvcc[] = {
    {"-x", FORM_EQUALS_OR_SEPARATE, ACTION_LANGUAGE, NULL},
    {"--x", FORM_EQUALS_OR_SEPARATE, ACTION_LANGUAGE, NULL},
    {"-gencode", FORM_EQUALS_OR_SEPARATE, ACTION_GENCODE, NULL},
    {"--generate-code", FORM_EQUALS_OR_SEPARATE, ACTION_GENCODE, NULL},
    {"-arch", FORM_EQUALS_OR_SEPARATE, ACTION_GPU_ARCH, NULL},
    {"--gpu-architecture", FORM_EQUALS_OR_SEPARATE, ACTION_GPU_ARCH, NULL},
    {"-code", FORM_EQUALS_OR_SEPARATE, ACTION_GPU_ARCH, NULL},
    {"--gpu-code", FORM_EQUALS_OR_SEPARATE, ACTION_GPU_ARCH, NULL},
    {"-Xcompiler", FORM_EQUALS_OR_SEPARATE, ACTION_HOST_COMPILER, NULL},
    {"--compiler-options", FORM_EQUALS_OR_SEPARATE, ACTION_HOST_COMPILER, NULL},
    {"-optf", FORM_EQUALS_OR_SEPARATE, ACTION_RESPONSE_FILE, NULL},
    {"--options-file", FORM_EQUALS_OR_SEPARATE, ACTION_RESPONSE_FILE, NULL},
    {"--define-macro", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_SEPARATE, "-D"},
    {"--undefine-macro", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_SEPARATE, "-U"},
    {"--include-path", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_SEPARATE, "-I"},
    {"--system-include", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_SEPARATE, "-isystem"},
    {"-isystem", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_SEPARATE, "-isystem"},
    {"--pre-include", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_SEPARATE, "-include"},
    {"-std", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_JOINED, "-std="},
    {"--std", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_JOINED, "-std="},
    {"--optimize", FORM_EQUALS_OR_SEPARATE, ACTION_SPELL_JOINED, "-O"},
    {"--expt-relaxed-constexpr", FORM_FLAG, ACTION_MACRO, "__CUDACC_RELAXED_CONSTEXPR__"},
    {"-expt-relaxed-constexpr", FORM_FLAG, ACTION_MACRO, "__CUDACC_RELAXED_CONSTEXPR__"},
    {"--expt-extended-lambda", FORM_FLAG, ACTION_MACRO, "__CUDACC_EXTENDED_LAMBDA__"},
    {"-expt-extended-lambda", FORM_FLAG, ACTION_MACRO, "__CUDACC_EXTENDED_LAMBDA__"},
    {"--extended-lambda", FORM_FLAG, ACTION_MACRO, "__CUDACC_EXTENDED_LAMBDA__"},
    {"-extended-lambda", FORM_FLAG, ACTION_MACRO, "__CUDACC_EXTENDED_LAMBDA__"},
    {"-G", FORM_FLAG, ACTION_MACRO, "__CUDACC_DEBUG__"},
    {"--device-debug", FORM_FLAG, ACTION_MACRO, "__CUDACC_DEBUG__"},
    {"-rdc", FORM_EQUALS_OR_SEPARATE, ACTION_RDC, NULL},
    {"--relocatable-device-code", FORM_EQUALS_OR_SEPARATE, ACTION_RDC, NULL},
    {"-dc", FORM_FLAG, ACTION_MACRO, "__CUDACC_RDC__"},
    {"--device-c", FORM_FLAG, ACTION_MACRO, "__CUDACC_RDC__"},
    {"-forward-unknown-to-host-compiler", FORM_FLAG, ACTION_DROP, NULL},
    {"--forward-unknown-to-host-compiler", FORM_FLAG, ACTION_DROP, NULL},
    {"-forward-unknown-to-host-linker", FORM_FLAG, ACTION_DROP, NULL},
    {"--forward-unknown-to-host-linker", FORM_FLAG, ACTION_DROP, NULL},
    {"-ccbin", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"--compiler-bindir", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"-odir", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"--output-directory", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"--output-file", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"-t", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"--threads", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"-keep", FORM_FLAG, ACTION_DROP, NULL},
    {"--keep", FORM_FLAG, ACTION_DROP, NULL},
    {"-keep-dir", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"--keep-dir", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"-lineinfo", FORM_FLAG, ACTION_DROP, NULL},
    {"--generate-line-info", FORM_FLAG, ACTION_DROP, NULL},
    {"-res-usage", FORM_FLAG, ACTION_DROP, NULL},
    {"--resource-usage", FORM_FLAG, ACTION_DROP, NULL},
    {"-cudart", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"--cudart", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"-cudadevrt", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"--cudadevrt", FORM_EQUALS_OR_SEPARATE, ACTION_DROP, NULL},
    {"-allow-unsupported-compiler", FORM_FLAG, ACTION_DROP, NULL},
    {"--allow-unsupported-compiler", FORM_FLAG, ACTION_DROP, NULL},
    {"--disable-warnings", FORM_FLAG, ACTION_DROP, NULL},
    {"--display-error-number", FORM_FLAG, ACTION_DROP, NULL},
    {"-Xptxas", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--ptxas-options", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-Xnvlink", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--nvlink-options", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-Xfatbin", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-Xcudafe", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-Xarchive", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-maxrregcount", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--maxrregcount", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-default-stream", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--default-stream", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-diag-suppress", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--diag-suppress", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-ftz", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--ftz", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-prec-div", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--prec-div", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-prec-sqrt", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--prec-sqrt", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-fmad", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"--fmad", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-use_fast_math", FORM_FLAG, ACTION_DROP_NOTE, NVCC_OWN},
    {"--use_fast_math", FORM_FLAG, ACTION_DROP_NOTE, NVCC_OWN},
    {"-src-in-ptx", FORM_FLAG, ACTION_DROP_NOTE, NVCC_OWN},
    {"--source-in-ptx", FORM_FLAG, ACTION_DROP_NOTE, NVCC_OWN},
    {"-Wno-deprecated-gpu-targets", FORM_FLAG, ACTION_DROP_NOTE, NVCC_OWN},
    {"-static-global-template-stub", FORM_EQUALS_OR_SEPARATE, ACTION_DROP_NOTE, NVCC_OWN},
    {"-dlink", FORM_FLAG, ACTION_DROP, NULL},
    {"--device-link", FORM_FLAG, ACTION_DROP, NULL},
    {"-dw", FORM_FLAG, ACTION_DROP, NULL},
};

// GCC's and Clang's options that matter here. A word no rule names and
// that starts with '-' is passed on: clang knows most of GCC's, and reports
// the rest (exact_parse.c turns that into a notice).
static const flags_rule flags__common[] = {
    // What to write, and linking: nothing the preprocessor reads.
    {"-o", FORM_JOINED_OR_SEPARATE, ACTION_DROP, NULL},
    {"-c", FORM_FLAG, ACTION_DROP, NULL},
    {"-S", FORM_FLAG, ACTION_DROP, NULL},
    {"-E", FORM_FLAG, ACTION_DROP, NULL},
    {"-P", FORM_FLAG, ACTION_DROP, NULL},
    {"-C", FORM_FLAG, ACTION_DROP, NULL},
    {"-CC", FORM_FLAG, ACTION_DROP, NULL},
    {"-H", FORM_FLAG, ACTION_DROP, NULL},
    {"-v", FORM_FLAG, ACTION_DROP, NULL},
    {"-###", FORM_FLAG, ACTION_DROP, NULL},
    {"-pipe", FORM_FLAG, ACTION_DROP, NULL},
    {"-fsyntax-only", FORM_FLAG, ACTION_DROP, NULL},
    {"-pedantic-errors", FORM_FLAG, ACTION_DROP, NULL},
    {"-M", FORM_FLAG, ACTION_DROP, NULL},
    {"-MM", FORM_FLAG, ACTION_DROP, NULL},
    {"-MD", FORM_FLAG, ACTION_DROP, NULL},
    {"-MMD", FORM_FLAG, ACTION_DROP, NULL},
    {"-MP", FORM_FLAG, ACTION_DROP, NULL},
    {"-MG", FORM_FLAG, ACTION_DROP, NULL},
    {"-MV", FORM_FLAG, ACTION_DROP, NULL},
    {"-MF", FORM_JOINED_OR_SEPARATE, ACTION_DROP, NULL},
    {"-MT", FORM_JOINED_OR_SEPARATE, ACTION_DROP, NULL},
    {"-MQ", FORM_JOINED_OR_SEPARATE, ACTION_DROP, NULL},
    {"-MJ", FORM_JOINED_OR_SEPARATE, ACTION_DROP, NULL},
    {"-save-temps", FORM_PREFIX, ACTION_DROP, NULL},
    {"-ferror-limit=", FORM_PREFIX, ACTION_DROP, NULL},
    {"-fmax-errors=", FORM_PREFIX, ACTION_DROP, NULL},
    {"-Xlinker", FORM_SEPARATE, ACTION_DROP, NULL},
    {"-Xassembler", FORM_SEPARATE, ACTION_DROP, NULL},
    {"-L", FORM_JOINED_OR_SEPARATE, ACTION_DROP, NULL},
    {"-l", FORM_JOINED_OR_SEPARATE, ACTION_DROP, NULL},
    {"-aux-info", FORM_SEPARATE, ACTION_DROP, NULL},
    {"-dumpbase", FORM_SEPARATE, ACTION_DROP, NULL},
    {"-dumpbase-ext", FORM_SEPARATE, ACTION_DROP, NULL},
    {"-dumpdir", FORM_SEPARATE, ACTION_DROP, NULL},
    {"--param", FORM_SEPARATE, ACTION_DROP, NULL},
    {"--serialize-diagnostics", FORM_SEPARATE, ACTION_DROP, NULL},
    {"-include-pch", FORM_SEPARATE, ACTION_DROP_NOTE, PCH},
    {"-Xclang", FORM_SEPARATE, ACTION_XCLANG, NULL},
    {"-Wp,", FORM_PREFIX, ACTION_KEEP, NULL},
    {"-Wa,", FORM_PREFIX, ACTION_DROP, NULL},
    {"-Wl,", FORM_PREFIX, ACTION_DROP, NULL},
    {"-W", FORM_PREFIX, ACTION_WARNING, NULL},
    {"-w", FORM_FLAG, ACTION_DROP, NULL},
    // How the preprocessor reads the unit.
    {"-x", FORM_JOINED_OR_SEPARATE, ACTION_LANGUAGE, NULL},
    {"-undef", FORM_FLAG, ACTION_KEEP, NULL},
    {"-include", FORM_SEPARATE, ACTION_KEEP, NULL},
    {"-imacros", FORM_SEPARATE, ACTION_KEEP, NULL},
    {"-isystem", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-iquote", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-idirafter", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-iprefix", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-iwithprefixbefore", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-iwithprefix", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-iwithsysroot", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-isysroot", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-ivfsoverlay", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-iframework", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-cxx-isystem", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"--sysroot", FORM_EQUALS_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-I", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-F", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-D", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-U", FORM_JOINED_OR_SEPARATE, ACTION_KEEP, NULL},
    {"-target", FORM_SEPARATE, ACTION_KEEP, NULL},
    {"-arch", FORM_SEPARATE, ACTION_KEEP, NULL},
    {"-Xpreprocessor", FORM_SEPARATE, ACTION_KEEP, NULL},
    // Clang's CUDA: which side and which GPUs is exact mode's to choose.
    {"--cuda-gpu-arch", FORM_EQUALS_OR_SEPARATE, ACTION_GPU_ARCH, NULL},
    {"--offload-arch", FORM_EQUALS_OR_SEPARATE, ACTION_GPU_ARCH, NULL},
    {"--no-cuda-gpu-arch=", FORM_PREFIX, ACTION_DROP, NULL},
    {"--no-offload-arch=", FORM_PREFIX, ACTION_DROP, NULL},
    {"--cuda-host-only", FORM_FLAG, ACTION_DROP, NULL},
    {"--cuda-device-only", FORM_FLAG, ACTION_DROP, NULL},
    {"--offload-host-only", FORM_FLAG, ACTION_DROP, NULL},
    {"--offload-device-only", FORM_FLAG, ACTION_DROP, NULL},
    {"--cuda-compile-host-device", FORM_FLAG, ACTION_DROP, NULL},
    {"--cuda-path", FORM_EQUALS_OR_SEPARATE, ACTION_CUDA_PATH, NULL},
    {"-nocudainc", FORM_FLAG, ACTION_NO_CUDA_INC, NULL},
    {"-nogpuinc", FORM_FLAG, ACTION_NO_CUDA_INC, NULL},
    {"-nocudalib", FORM_FLAG, ACTION_DROP, NULL},
    {"-nogpulib", FORM_FLAG, ACTION_DROP, NULL},
};

typedef struct flags_state {
  const compile_db_entry *entry;
  exact_command *out;
  bool nvcc;
  bool has_language;  // an -x was given
  bool skip_next_pch; // -Xclang -include-pch -Xclang FILE: FILE comes next
} flags_state;

static void flags__drop_note(flags_state *self, const char *flag, size_t length,
                             const char *reason) {
  exact_command *out = self->out;
  for (size_t i = 0; i < out->dropped_count; i++)
    if (strlen(out->dropped[i].flag) == length && strncmp(out->dropped[i].flag, flag, length) == 0)
      return;
  out->dropped = xrealloc(out->dropped, (out->dropped_count + 1) * sizeof(exact_dropped_flag));
  out->dropped[out->dropped_count++] =
      (exact_dropped_flag){xstrndup(flag, length), xstrdup(reason)};
}

// The rule that names word, and where its value is: *value points into
// word (joined) or is NULL when the value is the next word (*takes_next).
static const flags_rule *flags__match(const flags_rule *rules, size_t count, const char *word,
                                      const char **value, bool *takes_next) {
  *value = NULL;
  *takes_next = false;
  for (size_t i = 0; i < count; i++) {
    const flags_rule *rule = &rules[i];
    size_t length = strlen(rule->name);
    if (strncmp(word, rule->name, length) != 0)
      continue;
    const char *rest = word + length;
    switch (rule->form) {
    case FORM_FLAG:
      if (*rest)
        continue;
      return rule;
    case FORM_PREFIX:
      *value = rest;
      return rule;
    case FORM_SEPARATE:
      if (*rest)
        continue;
      *takes_next = true;
      return rule;
    case FORM_JOINED_OR_SEPARATE:
      if (*rest)
        *value = rest;
      else
        *takes_next = true;
      return rule;
    case FORM_EQUALS_OR_SEPARATE:
      if (*rest == '=')
        *value = rest + 1;
      else if (*rest == '\0')
        *takes_next = true;
      else
        continue;
      return rule;
    }
  }
  return NULL;
}

// "sm_80" for "sm_80", "compute_80" or "lto_80"; NULL for what names no
// one architecture ("native", "all").
static char *flags__sm_of(const char *name, size_t length) {
  static const char *const prefixes[] = {"sm_", "compute_", "lto_"};
  for (size_t p = 0; p < 3; p++) {
    size_t prefix = strlen(prefixes[p]);
    if (length > prefix && strncmp(name, prefixes[p], prefix) == 0)
      return xasprintf("sm_%.*s", (int)(length - prefix), name + prefix);
  }
  return NULL;
}

// Adds the architectures of a comma (or bracket) separated list.
static void flags__add_archs(flags_state *self, const char *list, size_t length) {
  const char *end = list + length;
  while (list < end) {
    size_t size = strcspn(list, ",[]\"'");
    if (list + size > end)
      size = (size_t)(end - list);
    char *sm = flags__sm_of(list, size);
    if (sm && !exact_words_contains(&self->out->gpu_archs, sm))
      exact_words_push(&self->out->gpu_archs, sm);
    free(sm);
    list += size + (list + size < end);
  }
}

// -gencode arch=compute_80,code=[sm_80,compute_80]: the code= list, or the
// arch= one when there is no code=.
static void flags__gencode(flags_state *self, const char *value) {
  const char *code = strstr(value, "code=");
  while (code && code != value && code[-1] != ',' && code[-1] != ' ')
    code = strstr(code + 1, "code=");
  if (code) {
    code += 5;
    const char *end = *code == '[' ? strchr(code, ']') : code + strcspn(code, ",");
    flags__add_archs(self, code, end ? (size_t)(end - code) : strlen(code));
    return;
  }
  const char *arch = strstr(value, "arch=");
  if (arch) {
    arch += 5;
    flags__add_archs(self, arch, strcspn(arch, ","));
  }
}

static void flags__language(flags_state *self, const char *value) {
  const char *spelled = strcmp(value, "cu") == 0 ? "cuda" : value;
  self->has_language = true;
  if (strcmp(spelled, "cuda") == 0)
    self->out->dialect = EXACT_DIALECT_CUDA;
  else if (strcmp(spelled, "c") == 0 || strcmp(spelled, "c-header") == 0)
    self->out->dialect = EXACT_DIALECT_C;
  else if (strncmp(spelled, "assembler", 9) == 0 && !self->out->skip_reason)
    self->out->skip_reason = xstrdup("an assembly file");
  else
    self->out->dialect = EXACT_DIALECT_CXX;
  exact_words_push(&self->out->common, "-x");
  exact_words_push(&self->out->common, spelled);
}

static void flags__words(flags_state *self, char **words, size_t count, bool host_only, int depth);

// @FILE and nvcc's --options-file FILE: the file's words, in place.
static void flags__response_file(flags_state *self, const char *name, bool host_only, int depth) {
  char *path = compile_db_absolute(self->entry->directory, name);
  FILE *file = depth < 8 ? fopen(path, "rb") : NULL;
  if (!file) {
    flags__drop_note(self, "@", 1, "a response file that cannot be read");
    free(path);
    return;
  }
  strbuf text;
  strbuf_init(&text);
  char chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof(chunk), file)) > 0)
    strbuf_append(&text, chunk, got);
  fclose(file);
  size_t count;
  char **words = compile_db_split_command(text.data, &count);
  flags__words(self, words, count, host_only, depth + 1);
  for (size_t i = 0; i < count; i++)
    free(words[i]);
  free(words);
  strbuf_release(&text);
  free(path);
}

// -Xcompiler A,B,C: nvcc hands each to the host compiler.
static void flags__host_compiler(flags_state *self, const char *value, int depth) {
  size_t count;
  char *list = xstrdup(value);
  for (char *comma = list; (comma = strchr(comma, ',')); comma++)
    *comma = ' ';
  char **words = compile_db_split_command(list, &count);
  bool nvcc = self->nvcc;
  self->nvcc = false; // host-compiler flags are GCC's, not nvcc's
  flags__words(self, words, count, true, depth + 1);
  self->nvcc = nvcc;
  for (size_t i = 0; i < count; i++)
    free(words[i]);
  free(words);
  free(list);
}

// Carries out rule for word; value is the flag's value, separate when it
// was the next word.
static void flags__apply(flags_state *self, const flags_rule *rule, const char *word,
                         const char *value, bool separate, bool host_only, int depth) {
  exact_command *out = self->out;
  exact_words *into = host_only ? &out->host_only : &out->common;
  switch (rule->action) {
  case ACTION_KEEP:
    exact_words_push(into, word);
    if (separate)
      exact_words_push(into, value);
    return;
  case ACTION_DROP:
    return;
  case ACTION_DROP_NOTE:
    flags__drop_note(self, rule->name, strlen(rule->name), rule->extra);
    return;
  case ACTION_WARNING:
    if (!exact_words_contains(&out->warnings, word))
      exact_words_push(&out->warnings, word);
    return;
  case ACTION_LANGUAGE:
    flags__language(self, value);
    return;
  case ACTION_MACRO: {
    char *define = xasprintf("-D%s=1", rule->extra);
    exact_words_push(into, define);
    free(define);
    return;
  }
  case ACTION_RDC:
    if (strcmp(value, "true") == 0)
      exact_words_push(into, "-D__CUDACC_RDC__=1");
    return;
  case ACTION_SPELL_SEPARATE:
    exact_words_push(into, rule->extra);
    exact_words_push(into, value);
    return;
  case ACTION_SPELL_JOINED: {
    char *joined = xasprintf("%s%s", rule->extra, value);
    exact_words_push(into, joined);
    free(joined);
    return;
  }
  case ACTION_GENCODE:
    flags__gencode(self, value);
    return;
  case ACTION_GPU_ARCH:
    flags__add_archs(self, value, strlen(value));
    return;
  case ACTION_HOST_COMPILER:
    flags__host_compiler(self, value, depth);
    return;
  case ACTION_RESPONSE_FILE:
    flags__response_file(self, value, host_only, depth);
    return;
  case ACTION_XCLANG:
    if (self->skip_next_pch) {
      self->skip_next_pch = false;
    } else if (strcmp(value, "-include-pch") == 0) {
      flags__drop_note(self, value, strlen(value), PCH);
      self->skip_next_pch = true;
    } else {
      exact_words_push(into, "-Xclang");
      exact_words_push(into, value);
    }
    return;
  case ACTION_CUDA_PATH:
    free(out->cuda_path);
    out->cuda_path = xstrdup(value);
    return;
  case ACTION_NO_CUDA_INC:
    out->no_cuda_inc = true;
    return;
  }
}

static void flags__words(flags_state *self, char **words, size_t count, bool host_only, int depth) {
  for (size_t i = 0; i < count; i++) {
    const char *word = words[i];
    if (word[0] == '@' && word[1]) {
      flags__response_file(self, word + 1, host_only, depth);
      continue;
    }
    if (word[0] != '-' || word[1] == '\0')
      continue; // an input: the unit itself is passed on by exact_parse.c
    const char *value = NULL;
    bool takes_next = false;
    const flags_rule *rule = NULL;
    if (self->nvcc)
      rule = flags__match(flags__nvcc, sizeof(flags__nvcc) / sizeof(flags__nvcc[0]), word, &value,
                          &takes_next);
    if (!rule)
      rule = flags__match(flags__common, sizeof(flags__common) / sizeof(flags__common[0]), word,
                          &value, &takes_next);
    if (!rule) {
      exact_words_push(host_only ? &self->out->host_only : &self->out->common, word);
      continue;
    }
    if (takes_next) {
      if (i + 1 >= count)
        continue; // a flag without its value: nothing to pass on
      value = words[++i];
    }
    flags__apply(self, rule, word, value, takes_next, host_only, depth);
  }
}

// The compiler's file name, past launchers (ccache gcc ...) and `env X=Y`.
static size_t flags__compiler_index(const compile_db_entry *entry) {
  static const char *const launchers[] = {"ccache", "sccache", "distcc", "icecc", "buildcache"};
  size_t i = 0;
  while (i + 1 < entry->argument_count) {
    const char *slash = strrchr(entry->arguments[i], '/');
    const char *name = slash ? slash + 1 : entry->arguments[i];
    bool launcher = strcmp(name, "env") == 0 || strchr(name, '=') != NULL;
    for (size_t l = 0; l < sizeof(launchers) / sizeof(launchers[0]); l++)
      launcher = launcher || strcmp(name, launchers[l]) == 0;
    if (!launcher)
      break;
    i++;
  }
  return i;
}

static exact_dialect flags__dialect_of(const char *file, bool cxx_driver, const char **skip) {
  const char *dot = strrchr(file, '.');
  const char *slash = strrchr(file, '/');
  const char *extension = dot && (!slash || dot > slash) ? dot + 1 : "";
  if (strcmp(extension, "cu") == 0)
    return EXACT_DIALECT_CUDA;
  if (strcmp(extension, "s") == 0 || strcmp(extension, "S") == 0 || strcmp(extension, "sx") == 0 ||
      strcmp(extension, "asm") == 0)
    *skip = "an assembly file";
  if (strcmp(extension, "c") == 0 || strcmp(extension, "m") == 0)
    return cxx_driver ? EXACT_DIALECT_CXX : EXACT_DIALECT_C;
  return EXACT_DIALECT_CXX;
}

void exact_command_translate(const compile_db_entry *entry, exact_command *out) {
  memset(out, 0, sizeof(*out));
  size_t first = flags__compiler_index(entry);
  const char *compiler = entry->arguments[first];
  const char *slash = strrchr(compiler, '/');
  const char *name = slash ? slash + 1 : compiler;
  flags_state state = {.entry = entry, .out = out};
  state.nvcc = strncmp(name, "nvcc", 4) == 0;
  if (strcmp(name, "cl") == 0 || strcasecmp(name, "cl.exe") == 0 ||
      strncmp(name, "clang-cl", 8) == 0) {
    out->skip_reason = xstrdup("an MSVC command line (exact mode reads GCC, Clang and nvcc ones)");
    return;
  }
  out->nvcc = state.nvcc;
  out->cxx_driver = state.nvcc || strstr(name, "++") != NULL;
  const char *skip = NULL;
  out->dialect = flags__dialect_of(entry->file, out->cxx_driver, &skip);
  flags__words(&state, entry->arguments + first + 1, entry->argument_count - first - 1, false, 0);
  if (!state.has_language && skip && !out->skip_reason)
    out->skip_reason = xstrdup(skip);
  if (out->dialect != EXACT_DIALECT_CUDA) {
    // Not CUDA after all (nvcc compiling a .cpp): host flags are the flags.
    for (size_t i = 0; i < out->host_only.count; i++)
      exact_words_push(&out->common, out->host_only.items[i]);
    exact_words_release(&out->host_only);
    exact_words_release(&out->gpu_archs);
  }
}

void exact_command_release(exact_command *self) {
  exact_words_release(&self->common);
  exact_words_release(&self->host_only);
  exact_words_release(&self->gpu_archs);
  exact_words_release(&self->warnings);
  for (size_t i = 0; i < self->dropped_count; i++) {
    free(self->dropped[i].flag);
    free(self->dropped[i].reason);
  }
  free(self->dropped);
  free(self->skip_reason);
  free(self->cuda_path);
  memset(self, 0, sizeof(*self));
}
