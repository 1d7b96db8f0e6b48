"""The look, in one place: bundled fonts, qt-material, and the kiosk's own size rules.

qt-material's ``apply_stylesheet`` takes ~0.1 s and rewrites its SVG icons under the home
directory each call, so each theme (normal and 长辈版) is exported once into a cache folder keyed
by a hash of everything that shapes it, written to a temporary folder and renamed into place (two
processes starting together cannot break each other's icons). Later starts only read the QSS.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import string
import tempfile
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import ASSETS, __version__

log = logging.getLogger(__name__)

FONT_DIR = ASSETS / "fonts"
FONT_FILES = ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf")
THEME_XML = ASSETS / "theme" / "kiosk.xml"
KIOSK_QSS = ASSETS / "theme" / "kiosk.qss"
QT_MATERIAL_VERSION = "2.17"

NORMAL, ELDER = "normal", "elder"

#: The call board (1920×1080, read from across the hall) has no 长辈版: the same sizes in both modes.
_BOARD = dict(board_head=40, board_title=44, board_number=170, board_window=108, board_other=36,
              board_row=50, board_text=30, board_small=26, board_caption=44, board_count=56)

#: Pixel sizes at the reference geometry. Touch targets ≥ 60 px (80 px 长辈版); body ≥ 24 px (32 px).
SIZES: dict[str, dict[str, int]] = {
    NORMAL: dict(body=26, field=30, h1=46, h2=32, big=36, tile=38, tile_h=170, target=72, primary=96,
                 key=84, key_w=84, key_font=34, persona=104, check=84, ticket=168, chip_r=36, scroll=22,
                 **_BOARD),
    ELDER: dict(body=34, field=38, h1=58, h2=42, big=46, tile=50, tile_h=210, target=92, primary=116,
                key=100, key_w=84, key_font=42, persona=128, check=104, ticket=200, chip_r=46, scroll=28,
                **_BOARD),
}

_font_family: str | None = None


def load_fonts() -> str:
    """Register the bundled CJK fonts (once) and return their family name."""
    global _font_family
    if _font_family is None:
        families = []
        for name in FONT_FILES:
            fid = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
            if fid < 0:
                log.error("cannot load bundled font %s", FONT_DIR / name)
                continue
            families += QFontDatabase.applicationFontFamilies(fid)
        _font_family = families[0] if families else "sans-serif"
    return _font_family


def _key(mode: str, family: str) -> str:
    h = hashlib.sha256()
    for part in (THEME_XML.read_bytes(), KIOSK_QSS.read_bytes(), repr(SIZES[mode]).encode(),
                 family.encode(), QT_MATERIAL_VERSION.encode(), __version__.encode(), mode.encode()):
        h.update(part)
    return f"{mode}-{h.hexdigest()[:16]}"


def _export_material(target: Path, mode: str, family: str) -> None:
    """Run qt-material once into ``target`` (QSS + its icons)."""
    import qt_material  # deferred: only needed when the cache is cold

    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        qss = qt_material.build_stylesheet(
            str(THEME_XML), extra={"font_family": f'"{family}"', "font_size": SIZES[mode]["body"],
                                   "density_scale": "0"},
            parent=str(tmp), export=True)
        (tmp / "material.qss").write_text(qss, encoding="utf-8")
        try:
            os.replace(tmp, target)
        except OSError:  # another process got there first: use theirs
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def stylesheet(mode: str, cache_dir: Path) -> str:
    """The full QSS for ``mode`` (qt-material + kiosk rules), exporting it on first use."""
    family = load_fonts()
    key = _key(mode, family)
    target = Path(cache_dir) / "theme" / key
    if not (target / "material.qss").exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _export_material(target, mode, family)
        except OSError as exc:  # unwritable data dir: export into a temporary folder instead
            log.warning("theme cache %s unwritable (%s); using a temporary folder", target, exc)
            fallback = Path(tempfile.gettempdir()) / "kiosk-theme"
            fallback.mkdir(exist_ok=True)
            target = fallback / key
            if not (target / "material.qss").exists():
                _export_material(target, mode, family)
    QDir.addSearchPath("icon", str(target))
    material = (target / "material.qss").read_text(encoding="utf-8")
    own = string.Template(KIOSK_QSS.read_text(encoding="utf-8")).substitute(SIZES[mode])
    return material + "\n" + own


class Theme:
    """Applies and switches the look; caches each mode's QSS string after the first build."""

    def __init__(self, app: QApplication, cache_dir: Path):
        self.app = app
        self.cache_dir = Path(cache_dir)
        self.mode = NORMAL
        self._qss: dict[str, str] = {}

    def apply(self, mode: str) -> None:
        if mode not in self._qss:
            self._qss[mode] = stylesheet(mode, self.cache_dir)
        self.mode = mode
        font = self.app.font()
        font.setFamily(load_fonts())
        font.setPixelSize(SIZES[mode]["body"])
        self.app.setFont(font)
        self.app.setStyleSheet(self._qss[mode])

    def size(self, name: str) -> int:
        return SIZES[self.mode][name]
