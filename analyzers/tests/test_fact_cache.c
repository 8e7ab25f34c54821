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
#include <sys/stat.h>
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
  dependency->statement = strdup("#include <c10/core/Device.h>");
  dependency->condition = strdup("defined(USE_CUDA)");
  file_facts_add_notice(facts, 4, 2, "not valid UTF-8 (caf\xc3\xa9)");
  fact_deprecation *deprecation = file_facts_add_deprecation(facts);
  deprecation->line = 9;
  deprecation->column = 1;
  deprecation->kind = strdup("warnings.warn");
  deprecation->message = strdup("old() is deprecated since 2.1");
  deprecation->statement = strdup("warnings.warn(\"old() is deprecated since 2.1\")");
  fact_suppression *suppression = file_facts_add_suppression(facts);
  suppression->line = 12;
  suppression->column = 30;
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
  assert_string_equal(decoded->dependencies[1].statement, "#include <c10/core/Device.h>");
  assert_string_equal(decoded->dependencies[1].condition, "defined(USE_CUDA)");
  assert_null(decoded->dependencies[0].condition);
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

// Facts one after the other may share a string (facts.h): written once,
// read back shared, freed once.
static void test_shared_strings(void **state) {
  (void)state;
  file_facts *facts = file_facts_new();
  for (int i = 0; i < 3; i++) {
    fact_dependency *dependency = file_facts_add_dependency(facts);
    dependency->kind = FACT_DEP_IMPORT;
    dependency->line = 1;
    dependency->column = 1 + 7 * (uint32_t)i;
    dependency->target = strdup(i == 0 ? "a" : i == 1 ? "b" : "c");
    dependency->statement = i == 0 ? strdup("import a, b, c") : facts->dependencies[0].statement;
  }
  for (int i = 0; i < 2; i++) {
    fact_deprecation *site = file_facts_add_deprecation(facts);
    site->line = 4;
    site->column = 1 + 20 * (uint32_t)i;
    site->kind = strdup("warnings.warn");
    site->comments = i == 0 ? strdup("# since 2.1") : facts->deprecations[0].comments;
    site->statement = i == 0 ? strdup("warn(a); warn(b)") : facts->deprecations[0].statement;
  }
  strbuf encoded;
  strbuf_init(&encoded);
  facts_encode(facts, &encoded);
  // The statement is written once.
  size_t copies = 0;
  for (size_t at = 0; at + 14 <= encoded.length; at++)
    copies += memcmp(encoded.data + at, "import a, b, c", 14) == 0;
  assert_int_equal(copies, 1);
  file_facts *decoded = facts_decode(encoded.data, encoded.length);
  assert_non_null(decoded);
  assert_int_equal(decoded->dependency_count, 3);
  assert_string_equal(decoded->dependencies[2].statement, "import a, b, c");
  assert_ptr_equal(decoded->dependencies[1].statement, decoded->dependencies[0].statement);
  assert_ptr_equal(decoded->dependencies[2].statement, decoded->dependencies[0].statement);
  assert_ptr_equal(decoded->deprecations[1].comments, decoded->deprecations[0].comments);
  assert_string_equal(decoded->deprecations[1].statement, "warn(a); warn(b)");
  file_facts_delete(decoded);
  // A first fact cannot share: there is nothing before it.
  strbuf_clear(&encoded);
  facts_encode(facts, &encoded);
  size_t at = 0;
  while (memcmp(encoded.data + at, "import a, b, c", 14) != 0)
    at++;
  // The first statement's length becomes the marker, and its text goes.
  memcpy(encoded.data + at - 4, "\xfe\xff\xff\xff", 4);
  memmove(encoded.data + at, encoded.data + at + 14, encoded.length - at - 14);
  assert_null(facts_decode(encoded.data, encoded.length - 14));
  strbuf_release(&encoded);
  file_facts_delete(facts);
}

// Encodes facts, which file_facts_check refuses, and decodes them again.
static file_facts *round_trip(const file_facts *facts) {
  strbuf encoded;
  strbuf_init(&encoded);
  facts_encode(facts, &encoded);
  file_facts *decoded = facts_decode(encoded.data, encoded.length);
  strbuf_release(&encoded);
  return decoded;
}

// One change to one field of the sample facts that no front end would make.
typedef void (*facts_damage)(file_facts *facts);

static void damage_level(file_facts *facts) {
  facts->dependencies[0].level = 0xFF000000u; // what made a run grow past 3.9 GB
}
static void damage_level_past_dots(file_facts *facts) {
  facts->dependencies[0].level = (uint32_t)strlen(facts->dependencies[0].statement) + 1;
}
static void damage_kind(file_facts *facts) {
  facts->dependencies[0].kind = (fact_dep_kind)7;
}
static void damage_scope(file_facts *facts) {
  facts->dependencies[0].scope = (fact_scope)9;
}
static void damage_line(file_facts *facts) {
  facts->dependencies[0].line = 0;
}
static void damage_column(file_facts *facts) {
  facts->dependencies[1].column = 0;
}
static void damage_target(file_facts *facts) {
  free(facts->dependencies[0].target);
  facts->dependencies[0].target = strdup("pkg..mod");
}
static void damage_missing_target(file_facts *facts) {
  free(facts->dependencies[1].target);
  facts->dependencies[1].target = NULL;
}
// Found by fuzz_facts: an extension module with no name at all.
static void damage_bridge_without_name(file_facts *facts) {
  fact_bridge *bridge = file_facts_add_bridge(facts);
  bridge->kind = FACT_BRIDGE_MODULE;
  bridge->scope = FACT_SCOPE_MODULE;
  bridge->line = 1;
  bridge->column = 1;
}
static void damage_empty_name(file_facts *facts) {
  facts->dependencies[0].names[1][0] = '\0';
}
static void damage_name(file_facts *facts) {
  facts->dependencies[0].names[1][0] = '9';
}
static void damage_missing_statement(file_facts *facts) {
  free(facts->dependencies[1].statement);
  facts->dependencies[1].statement = NULL;
}
static void damage_import_condition(file_facts *facts) {
  facts->dependencies[0].condition = strdup("defined(X)");
}
static void damage_empty_condition(file_facts *facts) {
  facts->dependencies[1].condition[0] = '\0';
}
static void damage_include_level(file_facts *facts) {
  facts->dependencies[1].level = 1;
}
static void damage_include_scope(file_facts *facts) {
  facts->dependencies[1].scope = FACT_SCOPE_FUNCTION;
}
static void damage_include_from(file_facts *facts) {
  facts->dependencies[1].is_from = true;
}
static void damage_import_angled(file_facts *facts) {
  facts->dependencies[0].angled = true;
}
static void damage_computed_angled(file_facts *facts) {
  facts->dependencies[1].computed = true;
}
static void damage_plain_import_names(file_facts *facts) {
  facts->dependencies[0].is_from = false;
}
static void damage_deprecation_line(file_facts *facts) {
  facts->deprecations[0].line = 0;
}
static void damage_deprecation_kind(file_facts *facts) {
  free(facts->deprecations[0].kind);
  facts->deprecations[0].kind = strdup("");
}
static void damage_deprecation_statement(file_facts *facts) {
  free(facts->deprecations[0].statement);
  facts->deprecations[0].statement = NULL;
}
static void damage_suppression_column(file_facts *facts) {
  facts->suppressions[0].column = 0;
}
static void damage_suppression_rule(file_facts *facts) {
  facts->suppressions[0].rules[0][0] = '\0';
}
static void damage_suppression_reason(file_facts *facts) {
  facts->suppressions[0].reason = strdup("");
}
static void damage_notice_message(file_facts *facts) {
  facts->notices[0].message[0] = '\0';
}
static void damage_notice_column(file_facts *facts) {
  facts->notices[0].line = 0;
}

// A cache entry whose bytes are whole but whose facts no front end could
// have made is refused like a damaged one: every field is checked.
static void test_nonsense_refused(void **state) {
  (void)state;
  file_facts *good = sample_facts();
  const char *problem = NULL;
  assert_true(file_facts_check(good, &problem));
  file_facts_delete(good);
  static const facts_damage damages[] = {
      damage_level,
      damage_level_past_dots,
      damage_kind,
      damage_scope,
      damage_line,
      damage_column,
      damage_target,
      damage_missing_target,
      damage_empty_name,
      damage_name,
      damage_missing_statement,
      damage_import_condition,
      damage_empty_condition,
      damage_include_level,
      damage_include_scope,
      damage_include_from,
      damage_import_angled,
      damage_computed_angled,
      damage_plain_import_names,
      damage_deprecation_line,
      damage_deprecation_kind,
      damage_deprecation_statement,
      damage_suppression_column,
      damage_suppression_rule,
      damage_suppression_reason,
      damage_notice_message,
      damage_notice_column,
      damage_bridge_without_name,
  };
  for (size_t i = 0; i < sizeof(damages) / sizeof(*damages); i++) {
    file_facts *facts = sample_facts();
    damages[i](facts);
    problem = NULL;
    assert_false(file_facts_check(facts, &problem));
    assert_non_null(problem);
    file_facts *decoded = round_trip(facts);
    if (decoded)
      fail_msg("damage %zu decoded, not refused", i);
    file_facts_delete(facts);
  }
  // A string holding a NUL byte (which no fact's C string can) is refused.
  file_facts *facts = sample_facts();
  strbuf encoded;
  strbuf_init(&encoded);
  facts_encode(facts, &encoded);
  size_t at = 0;
  while (at + 7 <= encoded.length && memcmp(encoded.data + at, "pkg.mod", 7) != 0)
    at++;
  assert_true(at + 7 <= encoded.length);
  encoded.data[at + 3] = '\0';
  assert_null(facts_decode(encoded.data, encoded.length));
  // So is a flag bit that no version of the encoder sets.
  strbuf_clear(&encoded);
  facts_encode(facts, &encoded);
  encoded.data[7] = (char)0x80;
  assert_null(facts_decode(encoded.data, encoded.length));
  strbuf_release(&encoded);
  file_facts_delete(facts);
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

// The cache hands out no facts of an entry whose checksum holds but whose
// payload is nonsense: the file is extracted again.
static void test_nonsense_entry_not_used(void **state) {
  (void)state;
  char *folder = make_folder();
  fact_cache *cache = fact_cache_open(folder, 0x55);
  file_facts *facts = sample_facts();
  damage_level(facts);
  strbuf encoded;
  strbuf_init(&encoded);
  facts_encode(facts, &encoded);
  fact_cache_record record = {.valid = true,
                              .stamp = {100, 7, 1000, 5},
                              .hash = {42, 43},
                              .payload = encoded.data,
                              .payload_length = encoded.length};
  const char *paths[1] = {"a.py"};
  assert_true(fact_cache_write(cache, paths, &record, 1, 2000));
  fact_cache_delete(cache);
  cache = fact_cache_open(folder, 0x55);
  fact_cache_record found_record = {0};
  fact_cache_stamp stamp = {100, 7, 1000, 5};
  file_facts *found = fact_cache_find_by_stamp(cache, "a.py", &stamp, &found_record);
  file_facts_delete(found);
  assert_null(found);
  fact_cache_hash hash = {42, 43};
  found = fact_cache_find_by_hash(cache, &hash, &found_record);
  file_facts_delete(found);
  assert_null(found);
  assert_false(found_record.valid);
  fact_cache_delete(cache);
  strbuf_release(&encoded);
  file_facts_delete(facts);
  free(folder);
}

// A cache a team shares (a CI user and a developer) is readable by each of
// them as the umask allows: the pack is not private to its writer.
static void test_pack_mode_follows_umask(void **state) {
  (void)state;
  char *folder = make_folder();
  mode_t old_mask = umask(022);
  write_pack(folder, 0x66, 2000);
  umask(old_mask);
  char *path = pack_path(folder, 0x66);
  struct stat info;
  assert_int_equal(stat(path, &info), 0);
  assert_int_equal(info.st_mode & 0777, 0644);
  unlink(path);
  free(path);
  free(folder);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_shared_strings),
      cmocka_unit_test(test_nonsense_refused),
      cmocka_unit_test(test_nonsense_entry_not_used),
      cmocka_unit_test(test_pack_lookups),
      cmocka_unit_test(test_damaged_packs),
      cmocka_unit_test(test_pack_mode_follows_umask),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
