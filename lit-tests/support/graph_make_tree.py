#!/usr/bin/env python3
"""graph_make_tree.py DIR fan PACKAGES MODULES | DIR chain MODULES NAME_LENGTH [components]

Writes a Python tree too large for one Mermaid graph, with a strata.yaml of
no components:

  fan:   packages p0..pN-1 of MODULES modules each; every module of p<i>
         imports every module of p<i+1> (MODULES^2 * (PACKAGES-1) edges)
  chain: one package p0 of MODULES modules with names NAME_LENGTH long, each
         importing the next (few edges, much text); with `components`, each
         module is a component of its own
"""
import os
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    root, mode = sys.argv[1], sys.argv[2]
    write(os.path.join(root, "strata.yaml"), "version: 1\n")
    if mode == "fan":
        packages, modules = int(sys.argv[3]), int(sys.argv[4])
        for p in range(packages):
            write(os.path.join(root, f"p{p}", "__init__.py"), "")
            for m in range(modules):
                imports = "" if p + 1 == packages else "".join(
                    f"import p{p + 1}.m{n}\n" for n in range(modules))
                write(os.path.join(root, f"p{p}", f"m{m}.py"), imports)
    else:
        modules, length = int(sys.argv[3]), int(sys.argv[4])
        names = [f"m{m}_".ljust(length, "x") for m in range(modules)]
        write(os.path.join(root, "p0", "__init__.py"), "")
        if sys.argv[5:] == ["components"]:
            write(os.path.join(root, "strata.yaml"), "version: 1\ncomponents:\n" + "".join(
                f"  {name}: [\"p0/{name}.py\"]\n" for name in names))
        for m, name in enumerate(names):
            imports = f"import p0.{names[m + 1]}\n" if m + 1 < modules else ""
            write(os.path.join(root, "p0", f"{name}.py"), imports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
