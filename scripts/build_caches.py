"""Build what the kiosk ships ready-made, so that no start — not even the first on a fresh install —
builds it (issue 7: first start ≤ 2.5× a bare PySide6 window):

- ``assets/cache/catalogue.pickle``  the catalogue, validated (kiosk.domain.catalogue.write_shipped),
  keyed by the content of assets/catalogue/*.yaml and the data classes' fields;
- ``assets/cache/pinyin.json``       the pinyin of every text the search index needs (names,
  aliases, everyday words), computed with pypinyin (kiosk.domain.pinyin.write_shipped);
- ``assets/theme/material/``         qt-material's export of both looks (normal, 长辈版): their QSS,
  the icons they name, their keys (kiosk.ui.shared.theme.write_shipped).

    python scripts/build_caches.py           # build them again (after editing the catalogue, the
                                             # theme file or the body text sizes)
    python scripts/build_caches.py --check   # exit 1 and say what is out of date; change nothing

Each is only ever used when it is exactly what the kiosk would build now (its key), otherwise the
kiosk builds its own into the data directory's cache as before — so an out-of-date one costs start-up
time, never correctness. ``tests/test_shipped_caches.py`` runs the check.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def stale() -> list[str]:
    """What is out of date, one line each (empty: everything is current)."""
    from kiosk.app import pinyin_texts
    from kiosk.domain import pinyin
    from kiosk.domain.catalogue import DEFAULT_DIR, SHIPPED_CACHE, load_catalogue, read_shipped

    out = []
    catalogue = load_catalogue(DEFAULT_DIR)
    shipped = read_shipped(DEFAULT_DIR, SHIPPED_CACHE)
    if shipped is None:
        out.append(f"{SHIPPED_CACHE.relative_to(ROOT)}: missing, or not the catalogue in "
                   f"{DEFAULT_DIR.relative_to(ROOT)} as it is now")
    elif shipped != catalogue:
        out.append(f"{SHIPPED_CACHE.relative_to(ROOT)}: differs from the catalogue validated now")
    have = pinyin.read_map(pinyin.SHIPPED)
    texts = sorted(set(pinyin_texts(catalogue)))
    missing = [t for t in texts if t not in have]
    if missing:
        out.append(f"{pinyin.SHIPPED.relative_to(ROOT)}: lacks {len(missing)} text(s), e.g. {missing[:3]}")
    else:
        wrong = [t for t, syl in pinyin._compute(texts).items() if have[t] != syl]
        if wrong:
            out.append(f"{pinyin.SHIPPED.relative_to(ROOT)}: pypinyin now says otherwise for {wrong[:3]}")
    out += theme_stale()
    return out


def theme_stale() -> list[str]:
    import tempfile

    from PySide6.QtWidgets import QApplication

    from kiosk.ui.shared import theme

    _app = QApplication.instance() or QApplication([])  # the fonts need one
    here = theme.SHIPPED_THEME
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "material"
        theme.write_shipped(fresh)
        ours = {p.relative_to(here): p.read_bytes() for p in here.rglob("*") if p.is_file()} if here.is_dir() else {}
        now = {p.relative_to(fresh): p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    if ours == now:
        return []
    differ = sorted(str(p) for p in set(ours) | set(now) if ours.get(p) != now.get(p))
    return [f"{here.relative_to(ROOT)}: {len(differ)} file(s) differ from qt-material's export now, e.g. {differ[:3]}"]


def build() -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import pinyin_texts
    from kiosk.domain import pinyin
    from kiosk.domain.catalogue import DEFAULT_DIR, SHIPPED_CACHE, write_shipped
    from kiosk.ui.shared import theme

    catalogue = write_shipped(DEFAULT_DIR, SHIPPED_CACHE)
    print(f"{SHIPPED_CACHE.relative_to(ROOT)}: {len(catalogue.items)} items, {len(catalogue.bundles)} bundles")
    got = pinyin.write_shipped(pinyin_texts(catalogue))
    print(f"{pinyin.SHIPPED.relative_to(ROOT)}: {len(got)} texts")
    _app = QApplication.instance() or QApplication([])  # the fonts need one
    keys = theme.write_shipped()
    print(f"{theme.SHIPPED_THEME.relative_to(ROOT)}: {', '.join(f'{m} {k}' for m, k in keys.items())}, "
          f"{sum(1 for _ in theme.SHIPPED_THEME.rglob('*.svg'))} icons")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only say what is out of date (exit 1 if anything is)")
    args = ap.parse_args(argv)
    if args.check:
        problems = stale()
        for p in problems:
            print(p)
        if problems:
            print("run: python scripts/build_caches.py")
        return 1 if problems else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
