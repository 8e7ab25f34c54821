// Unit tests for report_util.c: URI encoding and JSON strings from any bytes.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report_util.h"

#include <stdlib.h>

static char *encode(const char *path) {
  strbuf out;
  strbuf_init(&out);
  report_uri_append_path(&out, path);
  return strbuf_detach(&out);
}

static void assert_encodes(const char *path, const char *expected) {
  char *uri = encode(path);
  assert_string_equal(uri, expected);
  free(uri);
}

static void test_uri_path_encoding(void **state) {
  (void)state;
  assert_encodes("torch/nn/modules/linear.py", "torch/nn/modules/linear.py");
  assert_encodes("c10/util/C++17.h", "c10/util/C++17.h");
  assert_encodes("a b/100%.py", "a%20b/100%25.py");
  assert_encodes("na\xc3\xafve/\xe2\x82\xac.py", "na%C3%AFve/%E2%82%AC.py");
  // ':' would read as a scheme, '#' and '?' as fragment and query.
  assert_encodes("c:x/a#b?c.h", "c%3Ax/a%23b%3Fc.h");
  assert_encodes("q\"<>\\^`{|}.h", "q%22%3C%3E%5C%5E%60%7B%7C%7D.h");
  assert_encodes("tab\tnl\n\xff", "tab%09nl%0A%FF");
  assert_encodes("-._~!$&'()*+,;=@", "-._~!$&'()*+,;=@");
}

static void test_file_uri_of_root(void **state) {
  (void)state;
  char *uri = report_file_uri("/home/me/my tree");
  assert_string_equal(uri, "file:///home/me/my%20tree/");
  free(uri);
  uri = report_file_uri("/home/me/pytorch/");
  assert_string_equal(uri, "file:///home/me/pytorch/");
  free(uri);
  uri = report_file_uri("/");
  assert_string_equal(uri, "file:///");
  free(uri);
}

// What json_text_string makes of text, written by json_text_dumps as
// the JSON formats for scripts write it (exact) and as the others do.
static void assert_json_string(const char *text, const char *exact, const char *lossy) {
  json_t *value = json_text_string(text);
  assert_non_null(value);
  char *written = json_text_dumps(value, JSON_ENCODE_ANY, true);
  assert_string_equal(written, exact);
  free(written);
  written = json_text_dumps(value, JSON_ENCODE_ANY | JSON_ENSURE_ASCII, false);
  assert_string_equal(written, lossy);
  free(written);
  assert_true(json_text_string_is(value, text));
  json_decref(value);
}

// A byte that is not UTF-8 is written as the lone surrogate that Python's
// surrogateescape makes of it (exact), or as U+FFFD; U+0001, which stands
// for such bytes inside the string, is itself again; every other character
// as jansson writes it.
static void test_json_string_survives_bad_bytes(void **state) {
  (void)state;
  assert_json_string("caf\xc3\xa9", "\"caf\xc3\xa9\"", "\"caf\\u00E9\"");
  assert_json_string("a\xff"
                     "b",
                     "\"a\\udcffb\"", "\"a\\uFFFDb\"");
  assert_json_string("\xc3", "\"\\udcc3\"", "\"\\uFFFD\"");         // truncated
  assert_json_string("\xed\xa0\x80x", "\"\\udced\\udca0\\udc80x\"", // surrogate
                     "\"\\uFFFD\\uFFFD\\uFFFDx\"");
  assert_json_string("\x01 \x01"
                     "01 \\u0001 \xfe",
                     "\"\\u0001 \\u000101 \\\\u0001 \\udcfe\"",
                     "\"\\u0001 \\u000101 \\\\u0001 \\uFFFD\"");
  assert_json_string("", "\"\"", "\"\"");
  json_t *null_value = json_text_string(NULL);
  assert_true(json_is_null(null_value));
  json_decref(null_value);
  // Without ENSURE_ASCII, U+FFFD is written as such.
  json_t *value = json_text_string("x\xff");
  char *written = json_text_dumps(value, JSON_ENCODE_ANY, false);
  assert_string_equal(written, "\"x\xef\xbf\xbd\"");
  free(written);
  json_decref(value);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_uri_path_encoding),
      cmocka_unit_test(test_file_uri_of_root),
      cmocka_unit_test(test_json_string_survives_bad_bytes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
