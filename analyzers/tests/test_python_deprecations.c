// Unit tests for the Python front end's deprecation sites and suppression
// comments: every site form, every message form, categories, aliases,
// decorators, configured names, the comments that may date a site, and
// `strata: ignore[...]` comments.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "config.h"
#include "frontend.h"
#include "python_literal.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

extern const frontend python_frontend;

typedef struct fixture {
  strata_config *config;
  frontend_worker *worker;
  file_facts *facts;
} fixture;

static int teardown(void **state) {
  fixture *self = *state;
  file_facts_delete(self->facts);
  python_frontend.worker_delete(self->worker);
  config_delete(self->config);
  free(self);
  return 0;
}

static int setup_with(void **state, const char *text) {
  fixture *self = calloc(1, sizeof(*self));
  *state = self;
  config_error error;
  self->config = config_load_text(text, strlen(text), "<test>", &error);
  if (!self->config) {
    print_error("config: %s\n", error.message);
    config_error_release(&error);
    return -1;
  }
  self->worker = python_frontend.worker_new(self->config);
  return self->worker ? 0 : -1;
}

static int setup(void **state) {
  return setup_with(state, "version: 1\n");
}

static int setup_python_calls(void **state) {
  return setup_with(state,
                    "version: 1\n"
                    "deprecations:\n"
                    "  python_calls: [warn_deprecated, torch.utils.deprecate, warnings.warn]\n");
}

static const file_facts *extract(void **state, const char *text) {
  fixture *self = *state;
  file_facts_delete(self->facts);
  self->facts = file_facts_new();
  source_text source = {"t.py", "/tmp/t.py", STRATA_LANG_PYTHON, text, strlen(text), true};
  assert_true(python_frontend.extract(self->worker, &source, self->facts));
  return self->facts;
}

// The site on line (the only one), or a test failure.
static const fact_deprecation *site_at(const file_facts *facts, uint32_t line) {
  const fact_deprecation *found = NULL;
  for (size_t i = 0; i < facts->deprecation_count; i++) {
    if (facts->deprecations[i].line != line)
      continue;
    if (found)
      fail_msg("two sites on line %u", line);
    found = &facts->deprecations[i];
  }
  if (!found)
    fail_msg("no site on line %u", line);
  return found;
}

static void assert_no_site_at(const file_facts *facts, uint32_t line) {
  for (size_t i = 0; i < facts->deprecation_count; i++)
    if (facts->deprecations[i].line == line)
      fail_msg("a site on line %u: %s", line, facts->deprecations[i].statement);
}

// The message of the site on line: NULL when not statically known.
static const char *message_at(const file_facts *facts, uint32_t line) {
  return site_at(facts, line)->message;
}

static void test_warn_categories(void **state) {
  const file_facts *facts = extract(state, "import warnings\n"
                                           "warnings.warn('old', DeprecationWarning)\n"
                                           "warnings.warn('old', PendingDeprecationWarning)\n"
                                           "warnings.warn('old', category=DeprecationWarning)\n"
                                           "warnings.warn('old', builtins.DeprecationWarning)\n"
                                           "warnings.warn('old', (DeprecationWarning))\n"
                                           "warnings.warn('old', UserWarning)\n"
                                           "warnings.warn('old')\n"
                                           "warnings.warn('x is deprecated', UserWarning)\n"
                                           "warnings.warn('Deprecation: x', FutureWarning)\n"
                                           "warnings.warn('x IS DEPRECATED')\n"
                                           "warnings.warn(message='deprecated x')\n"
                                           "warnings.warn('old', category=FutureWarning)\n"
                                           "warnings.warn()\n"
                                           "warnings.warn('old', stacklevel=2)\n"
                                           "warnings.warn_explicit('deprecated', None, 'f', 1)\n");
  for (uint32_t line = 2; line <= 6; line++)
    assert_string_equal(message_at(facts, line), "old");
  assert_no_site_at(facts, 7);
  assert_no_site_at(facts, 8);
  assert_string_equal(message_at(facts, 9), "x is deprecated");
  assert_string_equal(message_at(facts, 10), "Deprecation: x");
  assert_string_equal(message_at(facts, 11), "x IS DEPRECATED");
  assert_string_equal(message_at(facts, 12), "deprecated x");
  for (uint32_t line = 13; line <= 16; line++)
    assert_no_site_at(facts, line);
  assert_int_equal(facts->deprecation_count, 9);
  assert_string_equal(site_at(facts, 2)->kind, "warnings.warn");
}

static void test_warn_non_literal_messages(void **state) {
  // With a deprecation category the site is known and its message is not;
  // without one nothing says the call deprecates anything.
  const file_facts *facts = extract(state, "warnings.warn(msg, DeprecationWarning)\n"
                                           "warnings.warn(make(), DeprecationWarning)\n"
                                           "warnings.warn(*args, DeprecationWarning)\n"
                                           "warnings.warn(msg)\n"
                                           "warnings.warn(msg, FutureWarning)\n"
                                           "warnings.warn(*args)\n"
                                           "warnings.warn(**kwargs)\n"
                                           "warnings.warn('deprecated', *rest)\n"
                                           "warnings.warn(x for x in 'deprecated')\n");
  assert_null(message_at(facts, 1));
  assert_null(message_at(facts, 2));
  assert_null(message_at(facts, 3));
  for (uint32_t line = 4; line <= 7; line++)
    assert_no_site_at(facts, line);
  assert_string_equal(message_at(facts, 8), "deprecated");
  assert_no_site_at(facts, 9);
  assert_int_equal(facts->deprecation_count, 4);
}

static void test_warn_aliases(void **state) {
  const file_facts *facts = extract(state, "import warnings as w\n"
                                           "from warnings import warn\n"
                                           "from warnings import (catch_warnings, warn as _warn)\n"
                                           "w.warn('a', DeprecationWarning)\n"
                                           "warn('b', DeprecationWarning)\n"
                                           "_warn('c', DeprecationWarning)\n"
                                           "def f():\n"
                                           "    from warnings import warn as late\n"
                                           "late('d', DeprecationWarning)\n"
                                           "x.warn('e', DeprecationWarning)\n"
                                           "w.warnings.warn('f', DeprecationWarning)\n"
                                           "catch_warnings('g', DeprecationWarning)\n"
                                           "(warnings . warn)('h', DeprecationWarning)\n");
  assert_string_equal(message_at(facts, 4), "a");
  assert_string_equal(site_at(facts, 4)->kind, "warnings.warn");
  assert_string_equal(message_at(facts, 5), "b");
  assert_string_equal(site_at(facts, 5)->kind, "warnings.warn");
  assert_string_equal(message_at(facts, 6), "c");
  // An import anywhere binds the name for the whole file.
  assert_string_equal(message_at(facts, 9), "d");
  assert_no_site_at(facts, 10);
  assert_no_site_at(facts, 11);
  assert_no_site_at(facts, 12);
  assert_string_equal(message_at(facts, 13), "h");
  assert_int_equal(facts->deprecation_count, 5);
}

static void test_relative_warnings_is_not_warnings(void **state) {
  const file_facts *facts = extract(state, "from .warnings import warn\n"
                                           "import mywarnings as w\n"
                                           "warn('a', DeprecationWarning)\n"
                                           "w.warn('b', DeprecationWarning)\n"
                                           "warn('c is deprecated')\n");
  assert_int_equal(facts->deprecation_count, 0);
}

static void test_message_forms(void **state) {
  const file_facts *facts = extract(
      state, "W = DeprecationWarning\n"
             "warnings.warn('a' \"b\" '''c''', W)\n"
             "warnings.warn('a' + 'b' + 'c', DeprecationWarning)\n"
             "warnings.warn('a' + name + 'b', DeprecationWarning)\n"
             "warnings.warn(name + other, DeprecationWarning)\n"
             "warnings.warn(f'{name} is deprecated {{since}} {v:>{w}}!', DeprecationWarning)\n"
             "warnings.warn('%s is deprecated' % name, DeprecationWarning)\n"
             "warnings.warn('{} is deprecated'.format(name), DeprecationWarning)\n"
             "warnings.warn(('a' 'b').format(1) % 2, DeprecationWarning)\n"
             "warnings.warn(('in ' + 'parens'), DeprecationWarning)\n"
             "warnings.warn(f'x' 'y' f'{z}', DeprecationWarning)\n"
             "warnings.warn('', DeprecationWarning)\n"
             "warnings.warn(1 + 2, DeprecationWarning)\n"
             "warnings.warn(name.format(1), DeprecationWarning)\n"
             "warnings.warn(\"it's\" + ('x' % 1 + \"y\").format(), DeprecationWarning)\n");
  // `W` is no category strata can know: line 2 is no site, and says so.
  assert_no_site_at(facts, 2);
  assert_string_equal(message_at(facts, 3), "abc");
  assert_string_equal(message_at(facts, 4), "ab");
  assert_null(message_at(facts, 5));
  assert_string_equal(message_at(facts, 6), " is deprecated {since} !");
  assert_string_equal(message_at(facts, 7), "%s is deprecated");
  assert_string_equal(message_at(facts, 8), "{} is deprecated");
  assert_string_equal(message_at(facts, 9), "ab");
  assert_string_equal(message_at(facts, 10), "in parens");
  assert_string_equal(message_at(facts, 11), "xy");
  assert_string_equal(message_at(facts, 12), "");
  assert_null(message_at(facts, 13));
  assert_null(message_at(facts, 14));
  assert_string_equal(message_at(facts, 15), "it'sxy");
}

static void test_implicit_concatenation_is_one_message(void **state) {
  const file_facts *facts = extract(state, "warnings.warn(\n"
                                           "    'x is deprecated since '\n"
                                           "    '2.1; use y',\n"
                                           "    DeprecationWarning,\n"
                                           ")\n");
  assert_int_equal(facts->deprecation_count, 1);
  const fact_deprecation *site = site_at(facts, 1);
  assert_string_equal(site->message, "x is deprecated since 2.1; use y");
  assert_int_equal(site->column, 1);
  assert_string_equal(site->statement, "warnings.warn(");
}

static void test_escapes(void **state) {
  const file_facts *facts =
      extract(state, "warnings.warn('a\\tb\\nc\\\\d\\'e\\x41\\101\\u00e9\\U0001F600', W)\n"
                     "warnings.warn(r'\\d\\n deprecated', W)\n"
                     "warnings.warn(b'\\xe9 deprecated', W)\n"
                     "warnings.warn('\\q\\N{DASH}\\0\\ud800 deprecated', W)\n"
                     "warnings.warn('deprecated \\\n"
                     "continued', W)\n"
                     "warnings.warn(f'\\{{x}} {{ }} deprecated', W)\n"
                     "warnings.warn(rf'\\{{ deprecated', W)\n"
                     "warnings.warn('''deprecated\r\n"
                     "crlf''', W)\n");
  assert_no_site_at(facts, 1); // no "deprecat", no category
  assert_int_equal(facts->deprecation_count, 7);
  assert_string_equal(message_at(facts, 2), "\\d\\n deprecated");
  assert_string_equal(message_at(facts, 3), "\xc3\xa9 deprecated"); // bytes read as Latin-1
  // Kept as written: an unknown escape, \N{...}, NUL, a surrogate.
  assert_string_equal(message_at(facts, 4), "\\q\\N{DASH}\\0\\ud800 deprecated");
  assert_string_equal(message_at(facts, 5), "deprecated continued");
  assert_string_equal(message_at(facts, 7), "\\{x} { } deprecated");
  assert_string_equal(message_at(facts, 8), "\\{ deprecated");
  assert_string_equal(message_at(facts, 9), "deprecated\ncrlf");
}

static void test_escapes_decoded(void **state) {
  const file_facts *facts =
      extract(state, "warnings.warn('a\\tb\\nc\\\\d\\'e\\x41\\101\\u00e9\\U0001F600\\a',"
                     " DeprecationWarning)\n");
  assert_string_equal(message_at(facts, 1), "a\tb\nc\\d'eAA\xc3\xa9\xf0\x9f\x98\x80\a");
}

static void test_decorators(void **state) {
  const file_facts *facts = extract(state, "@deprecated('use g')\n"
                                           "def f(): pass\n"
                                           "@typing_extensions.deprecated('async')\n"
                                           "async def g(): pass\n"
                                           "@other\n"
                                           "@warnings.deprecated('class')\n"
                                           "class C:\n"
                                           "    @deprecated\n"
                                           "    def m(self): pass\n"
                                           "    @ deprecated (message='kw')\n"
                                           "    @staticmethod\n"
                                           "    def s(): pass\n"
                                           "@deprecated(msg)\n"
                                           "def h(): pass\n"
                                           "@deprecated()\n"
                                           "def i(): pass\n"
                                           "@deprecated(**options)\n"
                                           "def j(): pass\n"
                                           "@undeprecated('x')\n"
                                           "@typing.deprecated('x')\n"
                                           "def k(): pass\n"
                                           "x = deprecated('not a decorator')\n");
  const fact_deprecation *site = site_at(facts, 1);
  assert_string_equal(site->kind, "@deprecated");
  assert_string_equal(site->message, "use g");
  assert_int_equal(site->column, 1);
  assert_string_equal(site->statement, "@deprecated('use g')");
  assert_string_equal(site_at(facts, 3)->kind, "@typing_extensions.deprecated");
  assert_string_equal(site_at(facts, 3)->message, "async");
  assert_string_equal(site_at(facts, 6)->kind, "@warnings.deprecated");
  assert_string_equal(site_at(facts, 6)->message, "class");
  site = site_at(facts, 8); // bare: no message
  assert_string_equal(site->kind, "@deprecated");
  assert_string_equal(site->message, "");
  assert_int_equal(site->column, 5);
  assert_string_equal(message_at(facts, 10), "kw");
  assert_string_equal(site_at(facts, 10)->statement, "@ deprecated (message='kw')");
  assert_null(message_at(facts, 13));
  assert_string_equal(message_at(facts, 15), "");
  assert_null(message_at(facts, 17)); // ** may hold it
  assert_no_site_at(facts, 19);
  assert_no_site_at(facts, 20);
  assert_no_site_at(facts, 22);
  assert_int_equal(facts->deprecation_count, 8);
}

static void test_decorator_call_is_one_site(void **state) {
  // The call in `@deprecated(...)` is the decorator's, and a call of
  // warnings.warn inside a decorator's arguments is its own site.
  const file_facts *facts = extract(state, "@deprecated(warnings.warn('x is deprecated'))\n"
                                           "def f(): pass\n");
  assert_int_equal(facts->deprecation_count, 2);
  assert_string_equal(facts->deprecations[0].kind, "@deprecated");
  assert_int_equal(facts->deprecations[0].column, 1);
  assert_null(facts->deprecations[0].message);
  assert_string_equal(facts->deprecations[1].kind, "warnings.warn");
  assert_int_equal(facts->deprecations[1].column, 13);
}

static void test_sites_anywhere(void **state) {
  // Calls count wherever they are: in functions, lambdas, defaults,
  // comprehensions, class bodies, conditionals.
  const file_facts *facts =
      extract(state, "def f(x=warnings.warn('a', DeprecationWarning)):\n"
                     "    g = lambda: warnings.warn('b is deprecated')\n"
                     "    [warnings.warn('c', DeprecationWarning) for _ in x]\n"
                     "class C:\n"
                     "    if x:\n"
                     "        y = 1 if z else warnings.warn('deprecated')\n");
  assert_int_equal(facts->deprecation_count, 4);
  assert_int_equal(site_at(facts, 1)->column, 9);
  assert_int_equal(site_at(facts, 2)->column, 17);
  assert_int_equal(site_at(facts, 3)->column, 6);
  assert_int_equal(site_at(facts, 6)->column, 25);
}

static void test_sites_the_words_do_not_spell(void **state) {
  // The walk only goes into code that spells '#', "warn", "deprecat" or a
  // configured name's last part. An alias of warn spelled otherwise makes it
  // look again with the alias; comments anywhere still count.
  const file_facts *facts =
      extract(state, "def early():\n"
                     "    # old\n"
                     "    return say('a', DeprecationWarning)\n"
                     "from warnings import warn as say\n"
                     "class C:\n"
                     "    def m(self, x=(1, 2)):\n"
                     "        return [say('b', PendingDeprecationWarning) for y in x]\n"
                     "value = f(g(h(1)))  # strata: ignore[layer-violation]\n");
  assert_int_equal(facts->deprecation_count, 2);
  assert_string_equal(message_at(facts, 3), "a");
  assert_string_equal(site_at(facts, 3)->comments, "# old");
  assert_string_equal(message_at(facts, 7), "b");
  assert_int_equal(facts->suppression_count, 1);
  assert_int_equal(facts->suppressions[0].line, 8);
}

static void test_columns_count_code_points(void **state) {
  const file_facts *facts = extract(state, "x = 'é→'; warnings.warn('ü deprecated')\n");
  assert_int_equal(site_at(facts, 1)->column, 11);
  assert_string_equal(message_at(facts, 1), "ü deprecated");
}

static void test_comments(void **state) {
  const file_facts *facts =
      extract(state, "# not directly above: a blank line follows\n"
                     "\n"
                     "# deprecated in 2.1\n"
                     "#   remove in 2.3\n"
                     "warnings.warn('a', DeprecationWarning)  # since 2.1  \n"
                     "x = 1  # a trailing comment is no block line\n"
                     "warnings.warn('b', DeprecationWarning)\n"
                     "# above\n"
                     "\n"
                     "warnings.warn('c', DeprecationWarning)\n"
                     "def f():\n"
                     "        # indented\n"
                     "    warnings.warn(  # first line\n"
                     "        'd',  # not the first line\n"
                     "        DeprecationWarning)\n"
                     "s = '''\n"
                     "# in a string\n"
                     "'''\n"
                     "warnings.warn('e #not a comment', DeprecationWarning)\n");
  assert_string_equal(site_at(facts, 5)->comments,
                      "# deprecated in 2.1\n#   remove in 2.3\n# since 2.1");
  assert_string_equal(site_at(facts, 5)->statement, "warnings.warn('a', DeprecationWarning)");
  assert_null(site_at(facts, 7)->comments);
  assert_null(site_at(facts, 10)->comments);
  assert_string_equal(site_at(facts, 13)->comments, "# indented\n# first line");
  assert_string_equal(site_at(facts, 13)->statement, "warnings.warn(");
  assert_null(site_at(facts, 19)->comments);
  assert_string_equal(site_at(facts, 19)->statement,
                      "warnings.warn('e #not a comment', DeprecationWarning)");
}

static void test_decorator_comments(void **state) {
  const file_facts *facts = extract(state, "class C:\n"
                                           "    # deprecated in 2.1\n"
                                           "    @deprecated('use n')  # remove in 2.4\n"
                                           "    def m(self): pass\n"
                                           "    # above another decorator\n"
                                           "    @other\n"
                                           "    @deprecated('use p')\n"
                                           "    def o(self): pass\n");
  assert_string_equal(site_at(facts, 3)->comments, "# deprecated in 2.1\n# remove in 2.4");
  assert_null(site_at(facts, 7)->comments);
}

static void test_crlf(void **state) {
  const file_facts *facts = extract(state, "# since 2.1\r\n"
                                           "warnings.warn('a',\r\n"
                                           "  DeprecationWarning)  # x \r\n");
  const fact_deprecation *site = site_at(facts, 2);
  assert_string_equal(site->comments, "# since 2.1");
  assert_string_equal(site->statement, "warnings.warn('a',");
}

static void test_python_calls(void **state) {
  const file_facts *facts = extract(state, "warn_deprecated('a')\n"
                                           "torch.utils.deprecate(msg)\n"
                                           "@torch.utils.deprecate\n"
                                           "def f(): pass\n"
                                           "@warn_deprecated(reason='r')\n"
                                           "def g(): pass\n"
                                           "utils.deprecate('no')\n"
                                           "warnings.warn('any category', UserWarning)\n"
                                           "warnings.warn('deprecated', UserWarning)\n"
                                           "warn_deprecated()\n");
  assert_string_equal(site_at(facts, 1)->kind, "warn_deprecated");
  assert_string_equal(message_at(facts, 1), "a");
  assert_string_equal(site_at(facts, 2)->kind, "torch.utils.deprecate");
  assert_null(message_at(facts, 2));
  assert_string_equal(site_at(facts, 3)->kind, "@torch.utils.deprecate");
  assert_string_equal(message_at(facts, 3), "");
  assert_string_equal(site_at(facts, 5)->kind, "@warn_deprecated");
  assert_string_equal(message_at(facts, 5), "r");
  assert_no_site_at(facts, 7);
  // A configured name makes every call a site; one that is a deprecation
  // anyway keeps its own kind.
  assert_string_equal(site_at(facts, 8)->kind, "warnings.warn");
  assert_string_equal(message_at(facts, 8), "any category");
  assert_string_equal(site_at(facts, 9)->kind, "warnings.warn");
  assert_string_equal(message_at(facts, 10), "");
  assert_int_equal(facts->deprecation_count, 7);
}

static void test_no_python_calls_by_default(void **state) {
  const file_facts *facts = extract(state, "warn_deprecated('a')\n");
  assert_int_equal(facts->deprecation_count, 0);
}

static void test_long_and_deep_messages(void **state) {
  // A 50,000-term sum is walked with a heap stack. Literal forms nested
  // through different operators past PYTHON_LITERAL_MAX_DEPTH are left out
  // like operands that are no literal: `('x' + ('x' + (...) % 1) % 1)`.
  strbuf text;
  strbuf_init(&text);
  strbuf_append_str(&text, "warnings.warn('a'");
  for (int i = 0; i < 50000; i++)
    strbuf_append_str(&text, " + 'b'");
  strbuf_append_str(&text, ", DeprecationWarning)\nwarnings.warn(");
  for (int i = 0; i < 300; i++)
    strbuf_append_str(&text, "('x' + ");
  strbuf_append_str(&text, "'y'");
  for (int i = 0; i < 300; i++)
    strbuf_append_str(&text, ") % 1");
  strbuf_append_str(&text, ", DeprecationWarning)\n");
  const file_facts *facts = extract(state, text.data);
  assert_int_equal(facts->notice_count, 0);
  assert_int_equal(strlen(message_at(facts, 1)), 50001);
  const char *deep = message_at(facts, 2);
  assert_int_equal(strspn(deep, "x"), PYTHON_LITERAL_MAX_DEPTH);
  assert_int_equal(strlen(deep), PYTHON_LITERAL_MAX_DEPTH);
  strbuf_release(&text);
}

static void test_broken_file_keeps_sites(void **state) {
  const file_facts *facts = extract(state, "warnings.warn('a', DeprecationWarning)\n"
                                           "x = = 1\n"
                                           "warnings.warn('b is deprecated')\n");
  assert_true(facts->notice_count > 0);
  assert_string_equal(message_at(facts, 1), "a");
  assert_string_equal(message_at(facts, 3), "b is deprecated");
}

static void assert_rules(const fact_suppression *suppression, const char *joined) {
  strbuf rules;
  strbuf_init(&rules);
  for (uint32_t i = 0; i < suppression->rule_count; i++)
    strbuf_printf(&rules, "%s%s", i ? "," : "", suppression->rules[i]);
  assert_string_equal(rules.data, joined);
  strbuf_release(&rules);
}

static void test_suppressions(void **state) {
  const file_facts *facts =
      extract(state, "import a  # strata: ignore[layer-violation] the old API needs it\n"
                     "# strata: ignore[ undated-deprecation ,import-cycle,, ]\n"
                     "x = 1  #strata:ignore[a]   two   spaces  \n"
                     "y = 2  # type: ignore[attr]  # strata: ignore[b] after another tool\n"
                     "    # strata: ignore\n"
                     "# strata: ignore[] why\n"
                     "# strata: ignore no brackets\n"
                     "# strata: ignore[unclosed\n"
                     "# strata: ignored is prose\n"
                     "# not strata: ignore[c]\n"
                     "# Strata: ignore[d]\n"
                     "s = '# strata: ignore[in-a-string]'\n");
  assert_int_equal(facts->suppression_count, 8);
  const fact_suppression *suppression = &facts->suppressions[0];
  assert_int_equal(suppression->line, 1);
  assert_int_equal(suppression->column, 11);
  assert_rules(suppression, "layer-violation");
  assert_string_equal(suppression->reason, "the old API needs it");
  suppression = &facts->suppressions[1];
  assert_int_equal(suppression->line, 2);
  assert_int_equal(suppression->column, 1);
  assert_rules(suppression, "undated-deprecation,import-cycle");
  assert_null(suppression->reason);
  suppression = &facts->suppressions[2];
  assert_rules(suppression, "a");
  assert_string_equal(suppression->reason, "two spaces");
  suppression = &facts->suppressions[3];
  assert_int_equal(suppression->line, 4);
  assert_int_equal(suppression->column, 8);
  assert_rules(suppression, "b");
  assert_string_equal(suppression->reason, "after another tool");
  // Malformed: recorded with no rules, so a check can point at them.
  suppression = &facts->suppressions[4];
  assert_int_equal(suppression->line, 5);
  assert_int_equal(suppression->column, 5);
  assert_int_equal(suppression->rule_count, 0);
  assert_null(suppression->reason);
  assert_int_equal(facts->suppressions[5].rule_count, 0);
  assert_string_equal(facts->suppressions[5].reason, "why");
  assert_int_equal(facts->suppressions[6].rule_count, 0);
  assert_string_equal(facts->suppressions[6].reason, "no brackets");
  assert_int_equal(facts->suppressions[7].line, 8);
  assert_int_equal(facts->suppressions[7].rule_count, 0);
  assert_null(facts->suppressions[7].reason);
}

static void test_suppression_column_counts_code_points(void **state) {
  const file_facts *facts = extract(state, "s = 'ééé'  # strata: ignore[x] ü\n");
  assert_int_equal(facts->suppression_count, 1);
  assert_int_equal(facts->suppressions[0].column, 12);
  assert_string_equal(facts->suppressions[0].reason, "ü");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_warn_categories, setup, teardown),
      cmocka_unit_test_setup_teardown(test_warn_non_literal_messages, setup, teardown),
      cmocka_unit_test_setup_teardown(test_warn_aliases, setup, teardown),
      cmocka_unit_test_setup_teardown(test_relative_warnings_is_not_warnings, setup, teardown),
      cmocka_unit_test_setup_teardown(test_message_forms, setup, teardown),
      cmocka_unit_test_setup_teardown(test_implicit_concatenation_is_one_message, setup, teardown),
      cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_escapes_decoded, setup, teardown),
      cmocka_unit_test_setup_teardown(test_decorators, setup, teardown),
      cmocka_unit_test_setup_teardown(test_decorator_call_is_one_site, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sites_anywhere, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sites_the_words_do_not_spell, setup, teardown),
      cmocka_unit_test_setup_teardown(test_columns_count_code_points, setup, teardown),
      cmocka_unit_test_setup_teardown(test_comments, setup, teardown),
      cmocka_unit_test_setup_teardown(test_decorator_comments, setup, teardown),
      cmocka_unit_test_setup_teardown(test_crlf, setup, teardown),
      cmocka_unit_test_setup_teardown(test_python_calls, setup_python_calls, teardown),
      cmocka_unit_test_setup_teardown(test_no_python_calls_by_default, setup, teardown),
      cmocka_unit_test_setup_teardown(test_long_and_deep_messages, setup, teardown),
      cmocka_unit_test_setup_teardown(test_broken_file_keeps_sites, setup, teardown),
      cmocka_unit_test_setup_teardown(test_suppressions, setup, teardown),
      cmocka_unit_test_setup_teardown(test_suppression_column_counts_code_points, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
