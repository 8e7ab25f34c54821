#!/usr/bin/env python3
"""graph_svg.py SVG: checks that an SVG Graphviz wrote (`strata graph --format
svg`, or `dot -Tsvg` on strata's DOT) is well-formed XML, and prints what it
draws, one line each in document order, for FileCheck:

    cluster LABEL
    node NAME: TEXT
    edge FROM->TO STROKE

Exits 1 when the file is not well-formed XML or not an SVG document.
"""
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def texts(element):
    return " ".join(part.strip() for part in element.itertext() if part.strip())


def summary(path):
    root = ET.parse(path).getroot()
    if root.tag != SVG + "svg":
        raise ValueError(f"the root element is {root.tag}, not svg")
    lines = []
    for group in root.iter(SVG + "g"):
        kind = group.get("class")
        title = group.find(SVG + "title")
        if kind not in ("cluster", "node", "edge") or title is None:
            continue
        if kind == "cluster":
            label = group.find(SVG + "text")
            lines.append(f"cluster {texts(label) if label is not None else title.text}")
        elif kind == "node":
            label = " ".join(texts(text) for text in group.iter(SVG + "text"))
            lines.append(f"node {title.text}: {label}")
        else:
            path_element = group.find(SVG + "path")
            stroke = path_element.get("stroke") if path_element is not None else "none"
            lines.append(f"edge {title.text} {stroke}")
    return lines


def main():
    try:
        lines = summary(sys.argv[1])
    except (ET.ParseError, ValueError, OSError) as error:
        print(f"graph_svg.py: {sys.argv[1]}: {error}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    print(f"well-formed svg: {sum(l.startswith('node ') for l in lines)} nodes, "
          f"{sum(l.startswith('edge ') for l in lines)} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
