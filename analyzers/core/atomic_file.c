// O_TMPFILE and linkat's use of /proc/self/fd are Linux's.
#define _GNU_SOURCE
#include "atomic_file.h"

#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct atomic_file {
  char *path;
  char *folder; // the folder of path ("." for a bare name)
  char *base;   // the last part of path
  // The named temporary file beside path; NULL while the file has no name
  // (O_TMPFILE), which is what it has until it is complete.
  char *temporary;
  int fd;
  FILE *stream;
};

static void atomic_file__free(atomic_file *self) {
  free(self->path);
  free(self->folder);
  free(self->base);
  free(self->temporary);
  free(self);
}

// A name for the temporary file beside path that no other writer uses now:
// the process, a counter and the clock keep concurrent runs apart.
static char *atomic_file__temporary_name(const atomic_file *self) {
  static _Atomic unsigned counter;
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  unsigned count = counter++;
  return xasprintf("%s/.%s.tmp-%ld-%u-%lx", self->folder, self->base, (long)getpid(), count,
                   (unsigned long)now.tv_nsec);
}

// An unnamed file in the folder: a process killed before the commit leaves
// nothing behind, since the file gets its name only once it is complete.
// Returns -1 where the kernel or the file system cannot make one, or where
// /proc is not there to name it by.
static int atomic_file__open_unnamed(const atomic_file *self) {
#ifdef O_TMPFILE
  if (access("/proc/self/fd", X_OK) != 0)
    return -1;
  // The mode goes through the umask, as for any new file.
  return open(self->folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#else
  (void)self;
  return -1;
#endif
}

atomic_file *atomic_file_open(const char *path, int *error_number) {
  atomic_file *self = xcalloc(1, sizeof(atomic_file));
  self->path = xstrdup(path);
  const char *slash = strrchr(path, '/');
  self->folder = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path)))
                       : xstrdup(".");
  self->base = xstrdup(slash ? slash + 1 : path);
  self->fd = atomic_file__open_unnamed(self);
  if (self->fd < 0) {
    // No unnamed files here: a named one, which a kill -9 before the commit
    // leaves behind.
    self->temporary = xasprintf("%s/.%s.tmp-XXXXXX", self->folder, self->base);
    self->fd = mkstemp(self->temporary);
    if (self->fd < 0)
      goto fail;
    // mkstemp makes the file 0600; an output file gets the usual 0666 & ~umask.
    mode_t mask = umask(0);
    umask(mask);
    fchmod(self->fd, 0666 & ~mask);
  }
  self->stream = fdopen(self->fd, "w");
  if (!self->stream) {
    int saved = errno;
    close(self->fd);
    if (self->temporary)
      unlink(self->temporary);
    errno = saved;
    goto fail;
  }
  return self;
fail:
  *error_number = errno;
  atomic_file__free(self);
  return NULL;
}

FILE *atomic_file_stream(atomic_file *self) {
  return self->stream;
}

// Gives the complete unnamed file a temporary name beside path, which the
// rename then moves over path (linkat cannot replace a file).
static bool atomic_file__name(atomic_file *self) {
  char *proc = xasprintf("/proc/self/fd/%d", self->fd);
  bool ok = false;
  for (int attempt = 0; attempt < 100 && !ok; attempt++) {
    free(self->temporary);
    self->temporary = atomic_file__temporary_name(self);
    ok = linkat(AT_FDCWD, proc, AT_FDCWD, self->temporary, AT_SYMLINK_FOLLOW) == 0;
    if (!ok && errno != EEXIST)
      break;
  }
  free(proc);
  if (!ok) {
    free(self->temporary);
    self->temporary = NULL;
  }
  return ok;
}

bool atomic_file_commit(atomic_file *self, int *error_number) {
  bool ok = fflush(self->stream) == 0 && !ferror(self->stream);
  if (!ok)
    *error_number = errno ? errno : EIO;
  bool named_before = self->temporary != NULL;
  if (ok && !named_before && !atomic_file__name(self)) {
    ok = false;
    *error_number = errno;
  }
  if (fclose(self->stream) != 0 && ok) {
    ok = false;
    *error_number = errno;
  }
  if (ok && rename(self->temporary, self->path) != 0) {
    ok = false;
    *error_number = errno;
  }
  if (!ok && self->temporary)
    unlink(self->temporary);
  atomic_file__free(self);
  return ok;
}

void atomic_file_abort(atomic_file *self) {
  if (!self)
    return;
  fclose(self->stream);
  if (self->temporary)
    unlink(self->temporary);
  atomic_file__free(self);
}
