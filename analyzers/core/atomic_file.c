#include "atomic_file.h"

#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct atomic_file {
  char *path;
  char *temporary;
  FILE *stream;
};

atomic_file *atomic_file_open(const char *path, int *error_number) {
  atomic_file *self = xcalloc(1, sizeof(atomic_file));
  self->path = xstrdup(path);
  const char *slash = strrchr(path, '/');
  if (slash)
    self->temporary = xasprintf("%.*s/.%s.tmp-XXXXXX", (int)(slash - path), path, slash + 1);
  else
    self->temporary = xasprintf(".%s.tmp-XXXXXX", path);
  int fd = mkstemp(self->temporary);
  if (fd < 0)
    goto fail;
  // mkstemp makes the file 0600; an output file gets the usual 0666 & ~umask.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  self->stream = fdopen(fd, "w");
  if (!self->stream) {
    close(fd);
    unlink(self->temporary);
    goto fail;
  }
  return self;
fail:
  *error_number = errno;
  free(self->path);
  free(self->temporary);
  free(self);
  return NULL;
}

FILE *atomic_file_stream(atomic_file *self) {
  return self->stream;
}

static void atomic_file__free(atomic_file *self) {
  free(self->path);
  free(self->temporary);
  free(self);
}

bool atomic_file_commit(atomic_file *self, int *error_number) {
  bool ok = fflush(self->stream) == 0 && !ferror(self->stream);
  if (!ok)
    *error_number = errno ? errno : EIO;
  if (fclose(self->stream) != 0 && ok) {
    ok = false;
    *error_number = errno;
  }
  if (ok && rename(self->temporary, self->path) != 0) {
    ok = false;
    *error_number = errno;
  }
  if (!ok)
    unlink(self->temporary);
  atomic_file__free(self);
  return ok;
}

void atomic_file_abort(atomic_file *self) {
  if (!self)
    return;
  fclose(self->stream);
  unlink(self->temporary);
  atomic_file__free(self);
}
