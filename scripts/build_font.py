"""Build the bundled CJK font subset (assets/fonts/) from Debian's fonts-noto-cjk package.

    python scripts/build_font.py [--ttc-dir DIR]

Without --ttc-dir it fetches the .deb with `apt-get download` (no install) and unpacks it in a
temporary folder. The subset keeps GB 2312 (all 6 763 common hanzi and its symbols), ASCII,
Latin-1, CJK and full-width punctuation, and every character used by the catalogue, the hall
file, the translations and the kiosk's source, so the UI never shows a missing-glyph box.
Rerun it after adding text with new characters; tests/test_font.py tells you when it is needed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "fonts"
FACES = {"Regular": "KioskSansSC-Regular.otf", "Bold": "KioskSansSC-Bold.otf"}
SC_FAMILY = "Noto Sans CJK SC"


def text_sources() -> list[Path]:
    files = list((ROOT / "assets").rglob("*.yaml")) + list((ROOT / "assets" / "i18n").glob("*.ts"))
    files += list((ROOT / "kiosk").rglob("*.py"))
    return files


def wanted_chars() -> set[str]:
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    for lo, hi in ((0x2000, 0x206F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF),
                   (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3000, 0x303F), (0xFF00, 0xFFEF)):
        chars |= {chr(c) for c in range(lo, hi + 1)}
    for hi_byte in range(0xA1, 0xF8):  # every GB 2312 code point
        for lo_byte in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi_byte, lo_byte)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for path in text_sources():
        chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() or c == " "}


def fetch_ttc_dir(tmp: Path) -> Path:
    subprocess.run(["apt-get", "download", "fonts-noto-cjk"], cwd=tmp, check=True)
    deb = next(tmp.glob("fonts-noto-cjk_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "x")], check=True)
    return tmp / "x" / "usr" / "share" / "fonts" / "opentype" / "noto"


def build(ttc_dir: Path) -> None:
    chars = wanted_chars()
    OUT.mkdir(parents=True, exist_ok=True)
    for weight, out_name in FACES.items():
        collection = TTCollection(str(ttc_dir / f"NotoSansCJK-{weight}.ttc"))
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == SC_FAMILY)
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        sub = subset.Subsetter(options)
        sub.populate(unicodes=[ord(c) for c in chars])
        sub.subset(font)
        font.save(str(OUT / out_name))
        print(f"{out_name}: {len(font.getBestCmap())} characters, {(OUT / out_name).stat().st_size // 1024} KiB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ttc-dir", type=Path, help="folder holding NotoSansCJK-Regular.ttc and -Bold.ttc")
    args = ap.parse_args(argv)
    if args.ttc_dir:
        build(args.ttc_dir)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(fetch_ttc_dir(Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
