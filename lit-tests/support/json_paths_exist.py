"""json_paths_exist.py findings|graph ROOT JSON: reads strata's JSON
the way a script would (json.load, os.fsencode) and says, for every path in
it, whether a file of that name exists under ROOT."""
import json
import os
import sys


def exists(root, path):
    name = os.fsencode(path)
    shown = name.decode("ascii", "backslashreplace")
    state = "exists" if os.path.exists(os.fsencode(root) + b"/" + name) else "DOES NOT EXIST"
    return f"{shown} {state}"


def main():
    kind, root, document = sys.argv[1:]
    with open(document, encoding="utf-8") as handle:
        data = json.load(handle)
    if kind == "findings":
        for finding in data:
            print(exists(root, finding["path"]))
            for end in ("from", "to"):
                print(exists(root, finding["properties"][end]["path"]))
    else:
        for entry in data["files"]:
            print(exists(root, entry["path"]))
        for edge in data["edges"]:
            source = os.fsencode(edge["from"]).decode("ascii", "backslashreplace")
            target = os.fsencode(edge["to"]).decode("ascii", "backslashreplace")
            print(f"edge {source} -> {target}")


if __name__ == "__main__":
    main()
