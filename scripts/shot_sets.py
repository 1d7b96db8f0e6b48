"""The command line the screenshot scripts share: ``--out DIR`` and ``--set NAME``; without a set,
every set is rendered, each in a process of its own (nothing one set switched on leaks into the
next: language, mode, fonts, caches)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path


def main(script: str, doc: str, sets: Iterable[str], render: Callable[[str, Path], None], default_out: Path,
         argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--out", type=Path, default=default_out)
    ap.add_argument("--set", choices=sorted(sets))
    args = ap.parse_args(argv)
    if args.set is None:
        for which in sets:
            done = subprocess.run([sys.executable, script, "--set", which, "--out", str(args.out)], check=False)
            if done.returncode != 0:
                return done.returncode
        print(f"wrote {args.out}")
        return 0
    render(args.set, args.out)
    return 0
