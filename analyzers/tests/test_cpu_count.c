// Unit tests for cpu_count.c: the default thread count follows the CPU
// affinity mask and cgroup CPU quotas, not the machine's CPU count.
#define _GNU_SOURCE // sched_setaffinity, before any header
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cpu_count.h"

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *root, const char *relative, const char *text) {
  char path[1024];
  snprintf(path, sizeof(path), "%s/%s", root, relative);
  // Every folder on the way.
  for (char *slash = strchr(path + strlen(root) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    mkdir(path, 0755);
    *slash = '/';
  }
  FILE *file = fopen(path, "w");
  assert_non_null(file);
  fputs(text, file);
  fclose(file);
}

static char *make_root(void) {
  char *root = strdup("/tmp/strata-cpus-test-XXXXXX");
  assert_non_null(mkdtemp(root));
  return root;
}

static void remove_root(char *root) {
  char command[1100];
  snprintf(command, sizeof(command), "rm -rf '%s'", root);
  assert_int_equal(system(command), 0);
  free(root);
}

static unsigned quota_of(const char *root) {
  char proc[1024];
  snprintf(proc, sizeof(proc), "%s/proc", root);
  return cpu_count_quota(proc, root);
}

static const char v2_mounts[] = "30 22 0:27 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n";

// cgroup v2: the tightest cpu.max on the way up from the process's cgroup,
// rounded up; "max" is no limit.
static void test_v2_quota(void **state) {
  (void)state;
  char *root = make_root();
  write_file(root, "proc/mountinfo", v2_mounts);
  write_file(root, "proc/cgroup", "0::/ci.slice/job.scope\n");
  write_file(root, "sys/fs/cgroup/cpu.max", "max 100000\n");
  write_file(root, "sys/fs/cgroup/ci.slice/cpu.max", "150000 100000\n");
  write_file(root, "sys/fs/cgroup/ci.slice/job.scope/cpu.max", "max 100000\n");
  assert_int_equal(quota_of(root), 2);
  write_file(root, "sys/fs/cgroup/ci.slice/job.scope/cpu.max", "50000 100000\n");
  assert_int_equal(quota_of(root), 1);
  write_file(root, "sys/fs/cgroup/ci.slice/job.scope/cpu.max", "max 100000\n");
  write_file(root, "sys/fs/cgroup/ci.slice/cpu.max", "max 100000\n");
  assert_int_equal(quota_of(root), 0);
  remove_root(root);
}

// A container's own view: its cgroup is "/" and the limit sits at the top.
static void test_v2_container(void **state) {
  (void)state;
  char *root = make_root();
  write_file(root, "proc/mountinfo", v2_mounts);
  write_file(root, "proc/cgroup", "0::/\n");
  write_file(root, "sys/fs/cgroup/cpu.max", "400000 100000\n");
  assert_int_equal(quota_of(root), 4);
  remove_root(root);
}

// cgroup v1: cpu.cfs_quota_us over cpu.cfs_period_us of the hierarchy that
// has the cpu controller; -1 is no limit.
static void test_v1_quota(void **state) {
  (void)state;
  char *root = make_root();
  write_file(root, "proc/mountinfo",
             "31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n"
             "34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n");
  write_file(root, "proc/cgroup", "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n");
  write_file(root, "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
  write_file(root, "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
  write_file(root, "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "300000\n");
  write_file(root, "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
  assert_int_equal(quota_of(root), 3);
  write_file(root, "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "-1\n");
  assert_int_equal(quota_of(root), 0);
  remove_root(root);
}

// No cgroup files at all (not Linux, or /proc not mounted): no quota.
static void test_no_cgroups(void **state) {
  (void)state;
  char *root = make_root();
  assert_int_equal(quota_of(root), 0);
  remove_root(root);
}

// A process pinned to one CPU (taskset -c 0) gets one thread, however many
// CPUs are online.
static void test_affinity(void **state) {
  (void)state;
  cpu_set_t saved;
  assert_int_equal(sched_getaffinity(0, sizeof(saved), &saved), 0);
  cpu_set_t one;
  CPU_ZERO(&one);
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
    if (CPU_ISSET(cpu, &saved)) {
      CPU_SET(cpu, &one);
      break;
    }
  }
  assert_int_equal(sched_setaffinity(0, sizeof(one), &one), 0);
  unsigned pinned = cpu_count_available();
  assert_int_equal(sched_setaffinity(0, sizeof(saved), &saved), 0);
  assert_int_equal(pinned, 1);
  unsigned all = cpu_count_available();
  assert_true(all >= 1 && all <= (unsigned)CPU_COUNT(&saved));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_v2_quota), cmocka_unit_test(test_v2_container),
      cmocka_unit_test(test_v1_quota), cmocka_unit_test(test_no_cgroups),
      cmocka_unit_test(test_affinity),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
