// The .gitignore files of a tree, as git reads them: a build output that git
// ignores is not the source tree. Each file's patterns apply to the folder
// that holds it and everything below; the last pattern that matches a path
// decides, `!` patterns re-including; a folder that is ignored is not
// entered, so nothing below it can be re-included (git's rule too).
//
// Patterns follow gitignore(5): `#` comments, `\` escapes, trailing blanks
// dropped, a leading `/` or a `/` inside anchors to the .gitignore's folder,
// a pattern without one matches a name at any depth, a trailing `/` matches
// folders only, `*`, `?`, `[...]` and `**` as in strata's globs. A pattern
// strata's globs cannot express is skipped.
#ifndef STRATA_GITIGNORE_H
#define STRATA_GITIGNORE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gitignore gitignore;

// An empty set of rules; the caller frees it with gitignore_delete.
gitignore *gitignore_new(void);
void gitignore_delete(gitignore *self);

// Adds the patterns of a .gitignore (text, length bytes) found in folder
// (relative to the root, "" for the root). Folders must be added before
// anything below them is asked about.
void gitignore_add(gitignore *self, const char *folder, const char *text, size_t length);

// Whether path (relative to the root) is ignored; is_folder says whether it
// names a folder.
bool gitignore_ignores(const gitignore *self, const char *path, bool is_folder);

// How many patterns were read (skipped ones left out).
size_t gitignore_pattern_count(const gitignore *self);

#endif
