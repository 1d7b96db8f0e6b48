"""Every character the kiosk can show is in the bundled font (no missing-glyph boxes)."""

import ast
from pathlib import Path

from fontTools.ttLib import TTFont

from kiosk import ASSETS
from kiosk.ui.shared.theme import FONT_DIR, FONT_FILES

ROOT = Path(__file__).resolve().parent.parent


#: sources whose text no terminal shows: the study report is an HTML page read in a browser, in its fonts
NOT_SHOWN = {ROOT / "kiosk" / "usability" / "report.py"}


def ui_strings() -> set[str]:
    """String literals in the UI layer and the domain data the UI shows."""
    chars = set()
    for path in sorted(set((ROOT / "kiosk").rglob("*.py")) - NOT_SHOWN):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                chars |= set(node.value)
    return chars


def shown_chars() -> set[str]:
    chars = ui_strings()
    for path in list((ASSETS / "catalogue").glob("*.yaml")) + [ASSETS / "hall.yaml"] + \
            list((ASSETS / "i18n").glob("*.ts")):
        chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() and not c.isspace()}


def test_every_shown_character_is_in_both_bundled_faces():
    needed = shown_chars()
    assert "营" in needed and "办" in needed  # the scan sees the catalogue and the UI
    for name in FONT_FILES:
        with TTFont(FONT_DIR / name, lazy=True) as font:
            cmap = font.getBestCmap()
        missing = sorted(c for c in needed if ord(c) not in cmap)
        assert not missing, f"{name} lacks {''.join(missing)!r}: run scripts/build_font.py"


def test_font_licence_is_shipped():
    text = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in text and "Noto Sans CJK" in text
