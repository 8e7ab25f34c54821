#!/usr/bin/env python3
"""docs_stanza.py DOCS.md STANZA.toml: whether the .lintrunner.toml stanza
docs/integrations.md shows (the ```toml block after `<!-- lintrunner
stanza: ... -->`) is the stanza of STANZA.toml, key for key, so the docs
show what the tests run."""
import re
import sys
import tomllib

docs = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"<!-- lintrunner stanza: \S+ -->\n```toml\n(.*?)```", docs, re.S)
if not block:
    sys.exit("docs_stanza.py: no lintrunner stanza in the docs")
shown = tomllib.loads(block.group(1))
with open(sys.argv[2], "rb") as handle:
    tested = tomllib.load(handle)
print("the docs' stanza is the tested one" if shown == tested else
      f"the docs' stanza differs:\n{shown}\n{tested}")
