#!/usr/bin/env python3
"""mermaid_render.py BUILD INPUT OUTPUT: renders Mermaid with the real
Mermaid CLI in a real browser (mmdc from BUILD/tools/mermaid, installed by
tools/mermaid/npm-tool.cmake, driving Debian's chromium as
tools/mermaid/puppeteer-config.json says), the way GitHub draws a mermaid
block. INPUT is a .mmd file and OUTPUT an .svg, or INPUT a .md file whose
mermaid blocks mmdc renders one by one (OUTPUT.md, OUTPUT-1.svg, ...).

Succeeds only when mmdc does and every SVG is well-formed and holds no
syntax-error picture. Prints what each SVG draws, for FileCheck:

    cluster TITLE
    node ID [CLASSES]: TEXT
    link FROM -> TO STROKE
"""
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONFIG = os.path.join(SOURCE_ROOT, "tools", "mermaid", "puppeteer-config.json")


def texts(element):
    return " ".join(part.strip() for part in element.itertext() if part.strip())


def summary(path):
    root = ET.parse(path).getroot()
    if texts(root).find("Syntax error") >= 0 or root.find(".//*[@class='error-icon']") is not None:
        raise ValueError("Mermaid drew a syntax error")
    lines = []
    for element in root.iter():
        classes = (element.get("class") or "").split()
        if "cluster" in classes and element.tag.endswith("}g"):
            label = element.find(".//*[@class='cluster-label']")
            lines.append(f"cluster {texts(label) if label is not None else element.get('id')}")
        elif "node" in classes and element.tag.endswith("}g"):
            node = re.sub(r"^.*flowchart-(.*)-\d+$", r"\1", element.get("id") or "")
            extra = [c for c in classes if c not in ("node", "default")]
            lines.append(f"node {node} [{' '.join(extra)}]: {texts(element)}")
        elif "flowchart-link" in classes:
            link = re.match(r"L_(.+)_(.+)_\d+$", element.get("data-id") or "")
            stroke = re.search(r"stroke:([^;]+)", element.get("style") or "")
            ends = f"{link.group(1)} -> {link.group(2)}" if link else element.get("id")
            lines.append(f"link {ends} {stroke.group(1) if stroke else 'default'}")
    return lines


def main():
    build, source, target = sys.argv[1:4]
    mmdc = os.path.join(build, "tools", "mermaid", "node_modules", ".bin", "mmdc")
    with open(CONFIG, encoding="utf-8") as handle:
        browser = re.search(r'"executablePath":\s*"([^"]+)"', handle.read()).group(1)
    for needed, why in ((mmdc, "build the mermaid_cli target"), (browser, "run tools/setup.sh")):
        if not os.path.exists(needed):
            print(f"mermaid_render.py: '{needed}' is missing ({why})", file=sys.stderr)
            return 1
    markdown = source.endswith(".md")
    if not target.endswith(".md" if markdown else ".svg"):
        print("mermaid_render.py: OUTPUT must end in .md for a .md INPUT, else in .svg",
              file=sys.stderr)
        return 1
    stem = target[:-3] if markdown else target[:-4]
    for old in glob.glob(glob.escape(stem) + "*.svg"):
        os.remove(old)
    run = subprocess.run([mmdc, "--quiet", "-p", CONFIG, "-i", source, "-o", target],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        print(f"mermaid_render.py: mmdc exited {run.returncode} on {source}:\n"
              f"{run.stdout}{run.stderr}", file=sys.stderr)
        return 1
    outputs = [target] if not markdown else sorted(
        glob.glob(glob.escape(stem) + "-*.svg"),
        key=lambda name: int(re.search(r"-(\d+)\.svg$", name).group(1)))
    outputs = [output for output in outputs if os.path.exists(output)]
    if not outputs:
        print(f"mermaid_render.py: mmdc wrote no SVG for {source}", file=sys.stderr)
        return 1
    for output in outputs:
        try:
            lines = summary(output)
        except (ET.ParseError, ValueError) as error:
            print(f"mermaid_render.py: {output}: {error}", file=sys.stderr)
            return 1
        for line in lines:
            print(line)
        print(f"rendered {os.path.basename(output)}: "
              f"{sum(l.startswith('node ') for l in lines)} nodes, "
              f"{sum(l.startswith('link ') for l in lines)} links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
