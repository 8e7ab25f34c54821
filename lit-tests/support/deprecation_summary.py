"""deprecation_summary.py JSON: one line per file of `strata deprecations
--format json`: how many sites, their first and last columns, and how many
say each `since`."""
import collections
import json
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        sites = json.load(handle)["deprecations"]
    by_path = collections.defaultdict(list)
    for site in sites:
        by_path[site["path"]].append(site)
    for path in sorted(by_path):
        found = by_path[path]
        columns = [site["column"] for site in found]
        since = collections.Counter(site["since"] for site in found)
        dated = ", ".join(f"since {key}: {count}" for key, count in sorted(since.items(), key=str))
        print(f"{path} {len(found)} sites, columns {min(columns)} to {max(columns)}, {dated}")


if __name__ == "__main__":
    main()
