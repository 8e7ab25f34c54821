// Unit tests for facts_codec.c and fact_cache.c: facts survive a round trip,
// and a damaged, truncated or foreign cache is never trusted.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fact_cache.h"
#include "facts_codec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static file_facts *sample_facts(void) {
  file_facts *facts = file_facts_new();
  fact_dependency *dependency = file_facts_add_dependency(facts);
  dependency->kind = FACT_DEP_IMPORT;
  dependency->scope = FACT_SCOPE_TYPE_CHECKING;
  dependency->line = 12;
  dependency->column = 5;
  dependency->level = 2;
  dependency->is_from = true;
  dependency->target = strdup("pkg.mod");
  dependency->statement = strdup("from ..pkg.mod import a, b");
  fact_dependency_add_name(dependency, "a", 1);
  fact_dependency_add_name(dependency, "b", 1);
  dependency = file_facts_add_dependency(facts);
  dependency->kind = FACT_DEP_INCLUDE;
  dependency->angled = true;
  dependency->line = 3;
  dependency->column = 1;
  dependency->target = strdup("c10/core/Device.h");
  file_facts_add_notice(facts, 4, 2, "not valid UTF-8 (caf\xc3\xa9)");
  fact_deprecation *deprecation = file_facts_add_deprecation(facts);
  deprecation->line = 9;
  deprecation->kind = strdup("warnings.warn");
  deprecation->message = strdup("old() is deprecated since 2.1");
  deprecation->statement = strdup("warnings.warn(\"old() is deprecated since 2.1\")");
  fact_suppression *suppression = file_facts_add_suppression(facts);
  suppression->line = 12;
  fact_suppression_add_rule(suppression, "layer-violation", 15);
  fact_suppression_add_rule(suppression, "import-cycle", 12);
  return facts;
}

static void test_round_trip(void **state) {
  (void)state;
  file_facts *facts = sample_facts();
  strbuf encoded;
  strbuf_init(&encoded);
  facts_encode(facts, &encoded);
  file_facts *decoded = facts_decode(encoded.data, encoded.length);
  assert_non_null(decoded);
  assert_int_equal(decoded->dependency_count, 2);
  assert_string_equal(decoded->dependencies[0].target, "pkg.mod");
  assert_string_equal(decoded->dependencies[0].statement, "from ..pkg.mod import a, b");
  assert_int_equal(decoded->dependencies[0].scope, FACT_SCOPE_TYPE_CHECKING);
  assert_int_equal(decoded->dependencies[0].level, 2);
  assert_true(decoded->dependencies[0].is_from);
  assert_int_equal(decoded->dependencies[0].name_count, 2);
  assert_string_equal(decoded->dependencies[0].names[1], "b");
  assert_null(decoded->dependencies[1].statement);
  assert_true(decoded->dependencies[1].angled);
  assert_int_equal(decoded->notice_count, 1);
  assert_string_equal(decoded->notices[0].message, "not valid UTF-8 (caf\xc3\xa9)");
  assert_int_equal(decoded->deprecation_count, 1);
  assert_string_equal(decoded->deprecations[0].message, "old() is deprecated since 2.1");
  assert_null(decoded->deprecations[0].comments);
  assert_int_equal(decoded->suppression_count, 1);
  assert_null(decoded->suppressions[0].reason);
  assert_string_equal(decoded->suppressions[0].rules[1], "import-cycle");
  // Every truncation, and trailing garbage, is refused.
  for (size_t cut = 0; cut < encoded.length; cut++)
    assert_null(facts_decode(encoded.data, cut));
  strbuf_append_char(&encoded, 'x');
  assert_null(facts_decode(encoded.data, encoded.length));
  file_facts_delete(decoded);
  file_facts_delete(facts);
  strbuf_release(&encoded);
}

static char *make_folder(void) {
  char *folder = strdup("/tmp/strata-cache-test-XXXXXX");
  assert_non_null(mkdtemp(folder));
  return folder;
}

static void write_pack(const char *folder, uint64_t key, int64_t run_start) {
  fact_cache *cache = fact_cache_open(folder, key);
  file_facts *facts = sample_facts();
  strbuf encoded;
  strbuf_init(&encoded);
  facts_encode(facts, &encoded);
  fact_cache_record records[2] = {{0}, {0}};
  const char *paths[2] = {"a.py", "b.py"};
  for (int i = 0; i < 2; i++) {
    records[i].valid = true;
    records[i].stamp = (fact_cache_stamp){100 + i, 7 + i, 1000, 5};
    records[i].hash = (fact_cache_hash){42 + (uint64_t)i, 43};
    records[i].payload = encoded.data;
    records[i].payload_length = encoded.length;
  }
  assert_true(fact_cache_write(cache, paths, records, 2, run_start));
  fact_cache_delete(cache);
  file_facts_delete(facts);
  strbuf_release(&encoded);
}

static char *pack_path(const char *folder, uint64_t key) {
  char *path = malloc(strlen(folder) + 64);
  sprintf(path, "%s/facts-%016llx.pack", folder, (unsigned long long)key);
  return path;
}

static void test_pack_lookups(void **state) {
  (void)state;
  char *folder = make_folder();
  write_pack(folder, 0x1234, 2000);
  fact_cache *cache = fact_cache_open(folder, 0x1234);
  fact_cache_record record = {0};
  fact_cache_stamp stamp = {100, 7, 1000, 5};
  file_facts *found = fact_cache_find_by_stamp(cache, "a.py", &stamp, &record);
  assert_non_null(found);
  assert_true(record.reused_by_stamp);
  file_facts_delete(found);
  // Another stamp: not trusted by path, but found by the hash of the bytes.
  stamp.mtime_nsec = 6;
  memset(&record, 0, sizeof(record));
  assert_null(fact_cache_find_by_stamp(cache, "a.py", &stamp, &record));
  fact_cache_hash hash = {43, 43};
  found = fact_cache_find_by_hash(cache, &hash, &record);
  assert_non_null(found);
  file_facts_delete(found);
  fact_cache_delete(cache);
  // A pack written by a run that began before the file's time: the stamp is
  // not trusted (the file may have changed in that same second).
  write_pack(folder, 0x1234, 1000);
  cache = fact_cache_open(folder, 0x1234);
  stamp.mtime_nsec = 5;
  assert_null(fact_cache_find_by_stamp(cache, "a.py", &stamp, &record));
  fact_cache_delete(cache);
  // Another options key never reads this pack.
  cache = fact_cache_open(folder, 0x9999);
  assert_null(fact_cache_find_by_hash(cache, &hash, &record));
  fact_cache_delete(cache);
  free(folder);
}

static void test_damaged_packs(void **state) {
  (void)state;
  char *folder = make_folder();
  write_pack(folder, 0x77, 2000);
  char *path = pack_path(folder, 0x77);
  FILE *file = fopen(path, "rb");
  assert_non_null(file);
  char bytes[4096];
  size_t length = fread(bytes, 1, sizeof(bytes), file);
  fclose(file);
  fact_cache_hash first = {42, 43}, second = {43, 43};
  fact_cache_record record = {0};
  // Truncated inside the second entry: the first is still good.
  file = fopen(path, "wb");
  fwrite(bytes, 1, length - 10, file);
  fclose(file);
  fact_cache *cache = fact_cache_open(folder, 0x77);
  file_facts *found = fact_cache_find_by_hash(cache, &first, &record);
  assert_non_null(found);
  file_facts_delete(found);
  assert_null(fact_cache_find_by_hash(cache, &second, &record));
  fact_cache_delete(cache);
  // One flipped byte anywhere: nothing from that entry on is trusted.
  for (size_t at = 0; at < length; at += 7) {
    char damaged[4096];
    memcpy(damaged, bytes, length);
    damaged[at] ^= 0x40;
    file = fopen(path, "wb");
    fwrite(damaged, 1, length, file);
    fclose(file);
    cache = fact_cache_open(folder, 0x77);
    found = fact_cache_find_by_hash(cache, &second, &record);
    file_facts_delete(found);
    fact_cache_delete(cache);
    assert_null(found);
  }
  // Not a pack at all.
  file = fopen(path, "wb");
  fputs("garbage", file);
  fclose(file);
  cache = fact_cache_open(folder, 0x77);
  assert_null(fact_cache_find_by_hash(cache, &first, &record));
  fact_cache_delete(cache);
  unlink(path);
  free(path);
  free(folder);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_pack_lookups),
      cmocka_unit_test(test_damaged_packs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
