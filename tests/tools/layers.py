#!/usr/bin/env python3
"""layers.py: the engine's modules depend only downwards (ARCHITECTURE.md, "Which way
dependencies go"): core <- {lua, out} <- ui <- tools <- main.

Two checks:
  1. includes: every #include "x/..." in engine/MODULE/ names a module MODULE may use;
  2. calls: the symbols each module's library leaves undefined (nm) are defined only in the
     libraries below it, never in its own dependants, so no call goes up or round in a circle.

usage: layers.py SOURCE_DIR core=LIB lua=LIB out=LIB ui=LIB
"""
import os
import re
import subprocess
import sys

# What each module may include and call, besides itself.
ALLOWED = {
    "core": set(),
    "lua": {"core"},
    "out": {"core"},
    "ui": {"core", "out"},
    "tools": {"core", "out", "ui"},
    "main.c": {"core", "lua", "out", "ui", "tools"},
}


def check_includes(src):
    problems = []
    engine = os.path.join(src, "engine")
    for root, _, files in os.walk(engine):
        for f in sorted(files):
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, engine)
            module = rel.split(os.sep)[0] if os.sep in rel else rel
            allowed = ALLOWED.get(module)
            if allowed is None:
                problems.append(f"engine/{rel}: a file outside the known modules")
                continue
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    m = re.match(r'\s*#\s*include\s+"([a-z]+)/', line)
                    if m and m.group(1) != module and m.group(1) not in allowed:
                        problems.append(f"engine/{rel}:{n}: {module} includes {m.group(1)}/")
    return problems


def symbols(lib):
    out = subprocess.run(["nm", "--defined-only", "-g", lib], capture_output=True, text=True,
                         check=True).stdout
    defined = {l.split()[-1] for l in out.splitlines() if len(l.split()) == 3}
    out = subprocess.run(["nm", "-u", lib], capture_output=True, text=True, check=True).stdout
    undefined = {l.split()[-1] for l in out.splitlines() if l.strip() and ":" not in l}
    return defined, undefined


def check_calls(libs):
    problems = []
    table = {name: symbols(path) for name, path in libs.items()}
    for name, (_, undefined) in table.items():
        for other, (defined, _) in table.items():
            if other == name or other in ALLOWED[name]:
                continue
            for sym in sorted(undefined & defined):
                problems.append(f"{name} calls {sym}, defined in {other}")
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    libs = dict(a.split("=", 1) for a in sys.argv[2:])
    problems = check_includes(sys.argv[1]) + check_calls(libs)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} dependencies against the layering")
        return 1
    print(f"layers: includes and calls of {', '.join(libs)} go only downwards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
