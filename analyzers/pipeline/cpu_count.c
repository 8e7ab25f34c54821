// sched_getaffinity and the CPU_* macros are GNU extensions (in glibc and
// musl alike).
#define _GNU_SOURCE
#include "cpu_count.h"

#include "strbuf.h"
#include "xalloc.h"

#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// The whole of a small file, NUL-terminated, or NULL; the caller frees it.
static char *cpu_count__read(const char *path) {
  FILE *file = fopen(path, "r");
  if (!file)
    return NULL;
  strbuf text;
  strbuf_init(&text);
  char chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof(chunk), file)) > 0 && text.length < (1u << 20))
    strbuf_append(&text, chunk, got);
  fclose(file);
  return strbuf_detach(&text);
}

// Whether the comma-separated list holds word.
static bool cpu_count__has_option(const char *list, size_t length, const char *word) {
  size_t word_length = strlen(word);
  for (size_t start = 0; start <= length;) {
    const char *comma = memchr(list + start, ',', length - start);
    size_t end = comma ? (size_t)(comma - list) : length;
    if (end - start == word_length && memcmp(list + start, word, word_length) == 0)
      return true;
    start = end + 1;
  }
  return false;
}

// The quota of a cgroup folder in CPUs (rounded up), or 0 for none.
static unsigned cpu_count__folder_quota(const char *folder, bool v2) {
  unsigned long long quota = 0, period = 0;
  bool limited = false;
  if (v2) {
    char *path = xasprintf("%s/cpu.max", folder);
    char *text = cpu_count__read(path);
    free(path);
    limited = text && sscanf(text, "%llu %llu", &quota, &period) == 2; // "max 100000": none
    free(text);
  } else {
    char *path = xasprintf("%s/cpu.cfs_quota_us", folder);
    char *text = cpu_count__read(path);
    free(path);
    long long signed_quota = -1;
    limited = text && sscanf(text, "%lld", &signed_quota) == 1 && signed_quota > 0;
    free(text);
    quota = limited ? (unsigned long long)signed_quota : 0;
    path = xasprintf("%s/cpu.cfs_period_us", folder);
    text = cpu_count__read(path);
    free(path);
    limited = limited && text && sscanf(text, "%llu", &period) == 1;
    free(text);
  }
  if (!limited || period == 0 || quota == 0)
    return 0;
  unsigned long long cpus = (quota + period - 1) / period;
  return cpus > UINT_MAX ? UINT_MAX : (unsigned)cpus;
}

// The tightest quota of the cgroup at cgroup_path (as /proc/self/cgroup
// names it) and of those above it, in the hierarchy mounted at mount_point
// whose root is mount_root.
static unsigned cpu_count__hierarchy_quota(const char *fs_root, const char *mount_point,
                                           const char *mount_root, const char *cgroup_path,
                                           bool v2) {
  size_t root_length = strcmp(mount_root, "/") == 0 ? 0 : strlen(mount_root);
  const char *inside = cgroup_path;
  if (root_length && strncmp(cgroup_path, mount_root, root_length) == 0 &&
      (cgroup_path[root_length] == '/' || cgroup_path[root_length] == '\0'))
    inside = cgroup_path + root_length;
  else if (root_length)
    inside = ""; // the process's cgroup is outside what is mounted: the mount's root
  char *folder = xasprintf("%s%s%s", fs_root, mount_point, inside);
  size_t floor = strlen(fs_root) + strlen(mount_point);
  unsigned tightest = 0;
  for (;;) {
    unsigned quota = cpu_count__folder_quota(folder, v2);
    if (quota && (!tightest || quota < tightest))
      tightest = quota;
    char *slash = strrchr(folder, '/');
    if (!slash || (size_t)(slash - folder) < floor)
      break;
    *slash = '\0';
    if (strlen(folder) < floor)
      break;
  }
  free(folder);
  return tightest;
}

unsigned cpu_count_quota(const char *proc_self, const char *fs_root) {
  char *path = xasprintf("%s/mountinfo", proc_self);
  char *mounts = cpu_count__read(path);
  free(path);
  path = xasprintf("%s/cgroup", proc_self);
  char *cgroups = cpu_count__read(path);
  free(path);
  unsigned tightest = 0;
  if (!mounts || !cgroups)
    goto cleanup;
  // /proc/self/cgroup: "0::/path" (v2), "4:cpu,cpuacct:/path" (v1).
  for (char *line = strtok(cgroups, "\n"); line; line = strtok(NULL, "\n")) {
    char *first = strchr(line, ':');
    char *second = first ? strchr(first + 1, ':') : NULL;
    if (!second)
      continue;
    bool v2 = second == first + 1 && strncmp(line, "0:", 2) == 0;
    if (!v2 && !cpu_count__has_option(first + 1, (size_t)(second - first - 1), "cpu"))
      continue;
    const char *cgroup_path = second + 1;
    // /proc/self/mountinfo: "ID PARENT MAJ:MIN ROOT POINT OPTIONS [TAGS] - TYPE SOURCE SUPER".
    for (const char *mount = mounts; *mount;) {
      const char *end = strchr(mount, '\n');
      size_t length = end ? (size_t)(end - mount) : strlen(mount);
      char *entry = xstrndup(mount, length);
      mount = end ? end + 1 : mount + length;
      char root[PATH_MAX], point[PATH_MAX], type[64], super[1024];
      char *dash = strstr(entry, " - ");
      if (dash && sscanf(entry, "%*s %*s %*s %4095s %4095s", root, point) == 2 &&
          sscanf(dash + 3, "%63s %*s %1023s", type, super) == 2 &&
          (v2 ? strcmp(type, "cgroup2") == 0
              : strcmp(type, "cgroup") == 0 &&
                    cpu_count__has_option(super, strlen(super), "cpu"))) {
        unsigned quota = cpu_count__hierarchy_quota(fs_root, point, root, cgroup_path, v2);
        if (quota && (!tightest || quota < tightest))
          tightest = quota;
      }
      free(entry);
    }
  }
cleanup:
  free(mounts);
  free(cgroups);
  return tightest;
}

// The CPUs of the affinity mask, or 0 when it cannot be read.
static unsigned cpu_count__affinity(void) {
  for (int cpus = 1024; cpus <= 1 << 20; cpus *= 4) {
    cpu_set_t *set = CPU_ALLOC(cpus);
    if (!set)
      return 0;
    size_t size = CPU_ALLOC_SIZE(cpus);
    CPU_ZERO_S(size, set);
    int got = sched_getaffinity(0, size, set);
    unsigned count = got == 0 ? (unsigned)CPU_COUNT_S(size, set) : 0;
    CPU_FREE(set);
    if (got == 0)
      return count;
  }
  return 0;
}

unsigned cpu_count_available(void) {
  unsigned count = cpu_count__affinity();
  if (count == 0) {
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    count = online > 0 ? (unsigned)online : 1;
  }
  unsigned quota = cpu_count_quota("/proc/self", "");
  if (quota && quota < count)
    count = quota;
  return count ? count : 1;
}
