#include "deprecation_dates.h"

#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

typedef struct deprecation__pattern_set {
  pcre2_code **codes;
  size_t count;
} deprecation__pattern_set;

struct deprecation_dates {
  deprecation__pattern_set dated;
  deprecation__pattern_set removal;
  pcre2_match_data *match; // big enough for every pattern's groups
  // The sites of one line share their comments (facts.h): the comments read
  // last, and what they said, are read once for all of them.
  const char *last_comments;
  deprecation_dating comments_dating;
  // They share their statement too, and so their fingerprint.
  deprecation_fingerprint_memo memo;
};

// The options config_keys.c validates patterns with: UTF, so that a
// user's non-ASCII text is characters, with invalid UTF-8 in the subject
// matched as bytes instead of failing the match.
#define DEPRECATION__PATTERN_OPTIONS (PCRE2_UTF | PCRE2_MATCH_INVALID_UTF)

static bool deprecation__compile(deprecation__pattern_set *set, const char *const *patterns,
                                 size_t count, uint32_t *max_groups, char **error) {
  set->codes = xcalloc(count + 1, sizeof(*set->codes));
  for (size_t i = 0; i < count; i++) {
    int error_code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
                                     DEPRECATION__PATTERN_OPTIONS, &error_code, &offset, NULL);
    if (!code) {
      PCRE2_UCHAR message[256];
      if (pcre2_get_error_message(error_code, message, sizeof(message)) < 0)
        snprintf((char *)message, sizeof(message), "error %d", error_code);
      *error = xasprintf("invalid pattern '%s': %s, at offset %zu", patterns[i],
                         (const char *)message, (size_t)offset);
      return false;
    }
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // the interpreter is the fallback
    set->codes[set->count++] = code;
    uint32_t groups = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    if (groups > *max_groups)
      *max_groups = groups;
  }
  return true;
}

static void deprecation__release_set(deprecation__pattern_set *set) {
  for (size_t i = 0; i < set->count; i++)
    pcre2_code_free(set->codes[i]);
  free(set->codes);
}

static size_t deprecation__count(const char *const *list) {
  size_t count = 0;
  while (list[count])
    count++;
  return count;
}

deprecation_dates *deprecation_dates_new(const strata_config *config, char **error) {
  *error = NULL;
  deprecation_dates *self = xcalloc(1, sizeof(*self));
  const char *const *dated = config_default_dated_patterns;
  size_t dated_count = deprecation__count(config_default_dated_patterns);
  const char *const *removal = config_default_removal_patterns;
  size_t removal_count = deprecation__count(config_default_removal_patterns);
  if (config) {
    dated = (const char *const *)config->deprecations.dated_patterns;
    dated_count = config->deprecations.dated_pattern_count;
    removal = (const char *const *)config->deprecations.removal_patterns;
    removal_count = config->deprecations.removal_pattern_count;
  }
  uint32_t max_groups = 0;
  if (!deprecation__compile(&self->dated, dated, dated_count, &max_groups, error) ||
      !deprecation__compile(&self->removal, removal, removal_count, &max_groups, error)) {
    deprecation_dates_delete(self);
    return NULL;
  }
  self->match = pcre2_match_data_create(max_groups + 1, NULL);
  return self;
}

void deprecation_dates_delete(deprecation_dates *self) {
  if (!self)
    return;
  deprecation__release_set(&self->dated);
  deprecation__release_set(&self->removal);
  pcre2_match_data_free(self->match);
  deprecation_dating_release(&self->comments_dating);
  free(self->memo.kind);
  free(self->memo.fingerprint);
  free(self);
}

void deprecation_dating_release(deprecation_dating *dating) {
  free(dating->since);
  free(dating->removal);
  dating->since = NULL;
  dating->removal = NULL;
}

typedef struct deprecation__span {
  size_t begin;
  size_t end;
} deprecation__span;

// The next match of code in text at or after *offset: sets *whole and
// *value (the first group that took part, else the whole match) and moves
// *offset past it. False when there is none.
static bool deprecation__next(deprecation_dates *self, const pcre2_code *code, const char *text,
                              size_t length, size_t *offset, deprecation__span *whole,
                              deprecation__span *value) {
  if (*offset > length)
    return false;
  int rc = pcre2_match(code, (PCRE2_SPTR)text, length, *offset, 0, self->match, NULL);
  if (rc < 0)
    return false;
  PCRE2_SIZE *vector = pcre2_get_ovector_pointer(self->match);
  whole->begin = vector[0];
  whole->end = vector[1];
  *value = *whole;
  for (int group = 1; group < rc; group++) {
    if (vector[2 * group] != PCRE2_UNSET) {
      value->begin = vector[2 * group];
      value->end = vector[2 * group + 1];
      break;
    }
  }
  size_t next = whole->end;
  if (whole->end == whole->begin) { // an empty match: step over one character
    next++;
    while (next < length && ((unsigned char)text[next] & 0xc0) == 0x80)
      next++;
  }
  *offset = next;
  return true;
}

// Whether the word "after" (any case) stands in text[begin..end): the part
// of a removal phrase before its version.
static bool deprecation__says_after(const char *text, size_t begin, size_t end) {
  for (size_t i = begin; i + 5 <= end; i++) {
    if (strncasecmp(text + i, "after", 5) != 0)
      continue;
    bool starts = i == 0 || !isalnum((unsigned char)text[i - 1]);
    bool ends = i + 5 == end || !isalnum((unsigned char)text[i + 5]);
    if (starts && ends)
      return true;
  }
  return false;
}

static int deprecation__compare_spans(const void *left, const void *right) {
  const deprecation__span *a = left, *b = right;
  return a->begin < b->begin ? -1 : a->begin > b->begin;
}

// Whether span lies inside one of the removal phrases, sorted by where they
// begin, with reach[i] the furthest end of the first i + 1: the last phrase
// that begins at or before span does is the furthest any of them reaches.
static bool deprecation__in_removal(const deprecation__span *removals, const size_t *reach,
                                    size_t count, deprecation__span span) {
  size_t low = 0, high = count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (removals[middle].begin <= span.begin)
      low = middle + 1;
    else
      high = middle;
  }
  return low > 0 && reach[low - 1] >= span.end;
}

// Dates one text (a message or the comments) into out, where what the
// message said already stands. Each match is placed among the removal
// phrases by a binary search, so a text of many matches costs n log n.
static void deprecation__read_text(deprecation_dates *self, const char *text,
                                   deprecation_dating *out) {
  size_t length = strlen(text);
  deprecation__span *removals = NULL;
  size_t removal_count = 0, removal_capacity = 0;
  deprecation__span first_removal = {SIZE_MAX, 0}, first_removal_whole = {0, 0};
  for (size_t p = 0; p < self->removal.count; p++) {
    size_t offset = 0;
    deprecation__span whole, value;
    while (deprecation__next(self, self->removal.codes[p], text, length, &offset, &whole, &value)) {
      out->dated = true;
      XGROW(removals, removal_capacity, removal_count + 1);
      removals[removal_count++] = whole;
      if (value.begin < first_removal.begin) {
        first_removal = value;
        first_removal_whole = whole;
      }
    }
  }
  if (removal_count > 1)
    qsort(removals, removal_count, sizeof(*removals), deprecation__compare_spans);
  size_t *reach = xmalloc((removal_count + 1) * sizeof(size_t));
  for (size_t r = 0; r < removal_count; r++)
    reach[r] = r && reach[r - 1] > removals[r].end ? reach[r - 1] : removals[r].end;
  deprecation__span first_since = {SIZE_MAX, 0};
  for (size_t p = 0; p < self->dated.count; p++) {
    size_t offset = 0;
    deprecation__span whole, value;
    while (deprecation__next(self, self->dated.codes[p], text, length, &offset, &whole, &value)) {
      out->dated = true;
      bool in_removal = deprecation__in_removal(removals, reach, removal_count, value);
      // The earliest wins; at the same place, the longer ("2025-06-01"
      // over "2025-06").
      if (!in_removal && (value.begin < first_since.begin ||
                          (value.begin == first_since.begin && value.end > first_since.end)))
        first_since = value;
    }
  }
  if (!out->since && first_since.begin != SIZE_MAX)
    out->since = xstrndup(text + first_since.begin, first_since.end - first_since.begin);
  if (!out->removal && first_removal.begin != SIZE_MAX) {
    out->removal = xstrndup(text + first_removal.begin, first_removal.end - first_removal.begin);
    out->removal_after =
        deprecation__says_after(text, first_removal_whole.begin, first_removal.begin);
  }
  free(removals);
  free(reach);
}

void deprecation_dates_read(deprecation_dates *self, const fact_deprecation *site,
                            deprecation_dating *out) {
  *out = (deprecation_dating){.from = self};
  if (site->message)
    deprecation__read_text(self, site->message, out);
  if (!site->comments)
    return;
  // Reading the comments after the message only adds what the message did
  // not say, so what the comments say alone can be kept for the next site
  // of the line, which shares them.
  if (site->comments != self->last_comments) {
    deprecation_dating_release(&self->comments_dating);
    self->comments_dating = (deprecation_dating){0};
    deprecation__read_text(self, site->comments, &self->comments_dating);
    self->last_comments = site->comments;
  }
  const deprecation_dating *said = &self->comments_dating;
  out->dated = out->dated || said->dated;
  if (!out->since && said->since)
    out->since = xstrdup(said->since);
  if (!out->removal && said->removal)
    out->removal = xstrdup(said->removal);
}

// ---------------------------------------------------------------------------
// Versions and dates

static bool deprecation__digit(char c) {
  return c >= '0' && c <= '9';
}

static bool deprecation__parse_version(const char *text, deprecation_when *out) {
  text += *text == 'v' || *text == 'V';
  if (!deprecation__digit(*text))
    return false;
  size_t count = 0;
  for (;;) {
    unsigned long long number = 0;
    while (deprecation__digit(*text)) {
      if (number < UINT32_MAX)
        number = number * 10 + (unsigned)(*text - '0');
      text++;
    }
    if (count < DEPRECATION_VERSION_PARTS)
      out->parts[count++] = number < UINT32_MAX ? (uint32_t)number : UINT32_MAX;
    if (*text != '.' || !deprecation__digit(text[1]))
      break;
    text++;
  }
  // What may follow the numbers is a pre-release or local suffix: "a0",
  // "rc1", ".dev20240101", "-beta", "+cu121"; not "-13-01" (a bad date).
  if (*text) {
    bool letter_next = (text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z') ||
                       (strchr(".-_", text[0]) && ((text[1] >= 'a' && text[1] <= 'z') ||
                                                   (text[1] >= 'A' && text[1] <= 'Z'))) ||
                       (text[0] == '+' && text[1] != '\0');
    if (!letter_next || strspn(text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     "0123456789.+-_") != strlen(text))
      return false;
  }
  out->kind = DEPRECATION_WHEN_VERSION;
  out->part_count = count;
  return true;
}

// n digits at text, as a number; -1 when they are not all digits.
static int deprecation__number(const char *text, size_t n) {
  int value = 0;
  for (size_t i = 0; i < n; i++) {
    if (!deprecation__digit(text[i]))
      return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

static int deprecation__days_in(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

static bool deprecation__parse_iso(const char *text, deprecation_when *out) {
  size_t length = strlen(text);
  if ((length != 7 && length != 10) || text[4] != '-' || (length == 10 && text[7] != '-'))
    return false;
  int year = deprecation__number(text, 4), month = deprecation__number(text + 5, 2);
  int day = length == 10 ? deprecation__number(text + 8, 2) : 0;
  if (year < 0 || month < 1 || month > 12 || day < 0 ||
      (length == 10 && (day < 1 || day > deprecation__days_in(year, month))))
    return false;
  *out =
      (deprecation_when){.kind = DEPRECATION_WHEN_DATE, .year = year, .month = month, .day = day};
  return true;
}

// "June 2025", "jun 2025", "Sept. 2025".
static bool deprecation__parse_month_year(const char *text, deprecation_when *out) {
  static const char *const names[][3] = {
      {"jan", "january", NULL}, {"feb", "february", NULL}, {"mar", "march", NULL},
      {"apr", "april", NULL},   {"may", NULL, NULL},       {"jun", "june", NULL},
      {"jul", "july", NULL},    {"aug", "august", NULL},   {"sep", "sept", "september"},
      {"oct", "october", NULL}, {"nov", "november", NULL}, {"dec", "december", NULL},
  };
  size_t word = 0;
  while ((text[word] >= 'a' && text[word] <= 'z') || (text[word] >= 'A' && text[word] <= 'Z'))
    word++;
  int month = 0;
  for (int m = 0; m < 12 && !month; m++)
    for (int n = 0; n < 3 && names[m][n]; n++)
      if (strlen(names[m][n]) == word && strncasecmp(text, names[m][n], word) == 0)
        month = m + 1;
  if (!month)
    return false;
  const char *rest = text + word;
  rest += *rest == '.';
  size_t space = strspn(rest, " \t\n\r");
  if (space == 0 || strlen(rest + space) != 4)
    return false;
  int year = deprecation__number(rest + space, 4);
  if (year < 0)
    return false;
  *out = (deprecation_when){.kind = DEPRECATION_WHEN_DATE, .year = year, .month = month};
  return true;
}

bool deprecation_when_parse(const char *text, deprecation_when *out) {
  *out = (deprecation_when){.kind = DEPRECATION_WHEN_NONE};
  if (!text)
    return false;
  if (deprecation__parse_iso(text, out) || deprecation__parse_month_year(text, out) ||
      deprecation__parse_version(text, out))
    return true;
  *out = (deprecation_when){.kind = DEPRECATION_WHEN_NONE};
  return false;
}

static int deprecation__order(long long a, long long b) {
  return (a > b) - (a < b);
}

int deprecation_when_compare(const deprecation_when *a, const deprecation_when *b) {
  // Versions, then dates, then NONE: the enum's order but NONE moved last.
  int rank_a = a->kind == DEPRECATION_WHEN_NONE ? 3 : (int)a->kind;
  int rank_b = b->kind == DEPRECATION_WHEN_NONE ? 3 : (int)b->kind;
  if (rank_a != rank_b)
    return deprecation__order(rank_a, rank_b);
  if (a->kind == DEPRECATION_WHEN_VERSION) {
    size_t count = a->part_count > b->part_count ? a->part_count : b->part_count;
    for (size_t i = 0; i < count; i++) {
      uint32_t x = i < a->part_count ? a->parts[i] : 0;
      uint32_t y = i < b->part_count ? b->parts[i] : 0;
      if (x != y)
        return deprecation__order(x, y);
    }
    return 0;
  }
  if (a->kind == DEPRECATION_WHEN_DATE) {
    long long x = (long long)a->year * 10000 + a->month * 100 + (a->day ? a->day : 1);
    long long y = (long long)b->year * 10000 + b->month * 100 + (b->day ? b->day : 1);
    return deprecation__order(x, y);
  }
  return 0;
}

// ---------------------------------------------------------------------------
// The clock

// The first line of path that is not blank, white space trimmed, into
// buffer (of size bytes; a longer line is cut); false with errno set when
// the file cannot be read.
static bool deprecation__first_line(const char *path, char *buffer, size_t size) {
  FILE *file = fopen(path, "rb");
  if (!file)
    return false;
  bool ok = true;
  buffer[0] = '\0';
  char line[4096];
  while (fgets(line, sizeof(line), file)) {
    size_t start = strspn(line, " \t\r\n\v\f");
    size_t length = strcspn(line + start, "\r\n");
    while (length > 0 && (line[start + length - 1] == ' ' || line[start + length - 1] == '\t'))
      length--;
    if (length == 0)
      continue;
    snprintf(buffer, size, "%.*s", (int)length, line + start);
    break;
  }
  if (ferror(file))
    ok = false;
  int saved = errno;
  fclose(file);
  errno = saved;
  return ok;
}

static void deprecation__local_today(deprecation_clock *clock) {
  time_t now = time(NULL);
  struct tm local;
  localtime_r(&now, &local);
  clock->today = (deprecation_when){.kind = DEPRECATION_WHEN_DATE,
                                    .year = local.tm_year + 1900,
                                    .month = local.tm_mon + 1,
                                    .day = local.tm_mday};
  snprintf(clock->today_text, sizeof(clock->today_text), "%04d-%02d-%02d", clock->today.year,
           clock->today.month, clock->today.day);
}

static bool deprecation__set_version(deprecation_clock *clock, const char *text) {
  deprecation_when version;
  if (!deprecation_when_parse(text, &version) || version.kind != DEPRECATION_WHEN_VERSION)
    return false;
  clock->has_version = true;
  clock->version = version;
  snprintf(clock->version_text, sizeof(clock->version_text), "%s", text);
  return true;
}

bool deprecation_clock_init(deprecation_clock *clock, const strata_config *config, const char *root,
                            char **problem) {
  *clock = (deprecation_clock){0};
  *problem = NULL;
  const config_deprecations *settings = config ? &config->deprecations : NULL;
  const char *today = config ? config->today : NULL;
  deprecation__local_today(clock);
  if (today) {
    deprecation_when date;
    if (!deprecation__parse_iso(today, &date) || date.day == 0) {
      *problem = xasprintf("'%s' is not a date (YYYY-MM-DD); using today's date", today);
      return false;
    }
    clock->today = date;
    snprintf(clock->today_text, sizeof(clock->today_text), "%s", today);
  }
  if (!settings)
    return true;
  if (settings->current_version) {
    if (!deprecation__set_version(clock, settings->current_version)) {
      *problem = xasprintf("deprecations.current_version '%s' is not a version; removal versions "
                           "are not checked",
                           settings->current_version);
      return false;
    }
    return true;
  }
  if (!settings->version_file || !root)
    return true;
  char *path = settings->version_file[0] == '/' ? xstrdup(settings->version_file)
                                                : xasprintf("%s/%s", root, settings->version_file);
  char line[256];
  bool ok = true;
  if (!deprecation__first_line(path, line, sizeof(line))) {
    *problem = xasprintf("cannot read the version file '%s': %s; removal versions are not checked",
                         settings->version_file, strerror(errno));
    ok = false;
  } else if (line[0] == '\0') {
    *problem = xasprintf("the version file '%s' is empty; removal versions are not checked",
                         settings->version_file);
    ok = false;
  } else if (!deprecation__set_version(clock, line)) {
    *problem = xasprintf(
        "the version file '%s' starts with '%s', not a version; removal versions are not checked",
        settings->version_file, line);
    ok = false;
  }
  free(path);
  return ok;
}

bool deprecation_clock_passed(const deprecation_clock *clock, const deprecation_when *removal,
                              bool after) {
  switch (removal->kind) {
  case DEPRECATION_WHEN_VERSION:
    return clock->has_version &&
           deprecation_when_compare(&clock->version, removal) >= (after ? 1 : 0);
  case DEPRECATION_WHEN_DATE: {
    const deprecation_when *today = &clock->today;
    long long now = (long long)today->year * 100 + today->month;
    long long month = (long long)removal->year * 100 + removal->month;
    if (removal->day == 0)
      return now > month;
    return now > month || (now == month && today->day > removal->day);
  }
  case DEPRECATION_WHEN_NONE:
    break;
  }
  return false;
}

char *deprecation_text_start(const char *text, size_t max_chars) {
  strbuf out;
  strbuf_init(&out);
  size_t chars = 0;
  bool space = false;
  for (const char *c = text; *c; c++) {
    bool white = *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f' || *c == '\v';
    if (white) {
      space = out.length > 0;
      continue;
    }
    bool starts_char = ((unsigned char)*c & 0xc0) != 0x80;
    if (starts_char && chars + (space ? 1 : 0) >= max_chars) {
      strbuf_append_str(&out, "...");
      break;
    }
    if (space) {
      strbuf_append_char(&out, ' ');
      chars++;
      space = false;
    }
    strbuf_append_char(&out, *c);
    chars += starts_char;
  }
  return strbuf_detach(&out);
}

deprecation_fingerprint_memo *deprecation_dates_memo(deprecation_dates *self) {
  return self ? &self->memo : NULL;
}
