// How many threads a run should use by default: the CPUs it may really run
// on, not the machine's. A process pinned with taskset, or in a container
// given a cpuset, may run on fewer CPUs than are online; one under a cgroup
// CPU quota (Docker's --cpus, a Kubernetes CPU limit, systemd's CPUQuota)
// gets the time of fewer CPUs than it may run on, and more threads than
// that only queue behind the quota.
#ifndef STRATA_CPU_COUNT_H
#define STRATA_CPU_COUNT_H

// The CPUs of the process's affinity mask, fewer when a cgroup quota allows
// less (rounded up: a quota of 1.5 CPUs is 2); at least 1.
unsigned cpu_count_available(void);

// The CPUs a cgroup CPU quota allows the process, rounded up, or 0 when no
// quota applies: the tightest of cgroup v2's cpu.max and v1's
// cpu.cfs_quota_us over cpu.cfs_period_us, in the process's cgroup and every
// cgroup above it. proc_self is the folder with the process's `cgroup` and
// `mountinfo` files ("/proc/self"); mount points are read under fs_root (""
// for the real file system; the tests give a fake one).
unsigned cpu_count_quota(const char *proc_self, const char *fs_root);

#endif
