"""The look, in one place: bundled fonts, qt-material, and the kiosk's own size rules.

qt-material's ``apply_stylesheet`` takes ~0.1 s and rewrites its SVG icons under the home
directory each call, so each theme (normal and 长辈版) is exported once into a cache folder keyed
by a hash of everything that shapes it, written to a temporary folder and renamed into place (two
processes starting together cannot break each other's icons). Later starts only read the QSS.
A broken export is replaced; a cache that cannot be written falls back to a folder private to the
process (never a fixed folder in the shared temporary directory).

Both exports are also shipped, built ahead (``assets/theme/material/``: each mode's QSS and the
icons they name, with their keys; ``scripts/build_caches.py`` writes it and
``tests/test_shipped_caches.py`` fails when it is not what qt-material exports now): a terminal's
look (:class:`Theme`) uses it whenever its key is the one it needs, so no start — not even the
first on a fresh install, nor the first 长辈版 switch — runs qt-material.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import re
import shutil
import string
import tempfile
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QWidget

from kiosk import ASSETS

log = logging.getLogger(__name__)

FONT_DIR = ASSETS / "fonts"
FONT_FILES = ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf")
THEME_XML = ASSETS / "theme" / "kiosk.xml"
KIOSK_QSS = ASSETS / "theme" / "kiosk.qss"
QT_MATERIAL_VERSION = "2.17"
#: qt-material's exports built ahead: ``<mode>.qss``, the icons they name, ``keys.json``
SHIPPED_THEME = ASSETS / "theme" / "material"

NORMAL, ELDER = "normal", "elder"

#: The call board (1920×1080, read from across the hall) has no 长辈版: the same sizes in both modes.
_BOARD = dict(board_head=40, board_title=44, board_number=170, board_window=108, board_other=36,
              board_row=50, board_text=30, board_small=26, board_caption=44, board_count=56)

#: Pixel sizes at the reference geometry. Touch targets ≥ 60 px (80 px 长辈版); body ≥ 24 px (32 px).
SIZES: dict[str, dict[str, int]] = {
    NORMAL: dict(body=26, field=30, h1=46, h2=32, big=36, tile=38, tile_h=170, target=72, primary=96,
                 key=84, key_w=84, key_font=34, persona=104, check=84, ticket=168, chip_r=36, scroll=22,
                 **_BOARD),
    ELDER: dict(body=34, field=36, h1=58, h2=42, big=46, tile=50, tile_h=210, target=92, primary=116,
                key=86, key_w=84, key_font=42, persona=108, check=104, ticket=200, chip_r=46, scroll=28,
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
    """What qt-material's export for ``mode`` depends on: the theme file, the font, the body size
    (the kiosk's own rules and the other sizes are added when the QSS is read, never exported)."""
    h = hashlib.sha256()
    for part in (THEME_XML.read_bytes(), str(SIZES[mode]["body"]).encode(), family.encode(),
                 QT_MATERIAL_VERSION.encode(), mode.encode()):
        h.update(part + b"\0")
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


def _read_material(folder: Path) -> str:
    """The QSS exported into ``folder``. Raises FileNotFoundError when there is no export, and
    OSError or ValueError when it is broken: a directory or unreadable, not UTF-8, or empty."""
    return _read_qss(folder / "material.qss")


def _read_qss(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        raise ValueError(f"{path.name} is empty")
    return text


def _set_aside(target: Path) -> None:
    """Rename a broken export out of the way, then delete it, so a fresh one can take its name.

    (Were two processes to find the same broken export at the same instant, the slower one could
    set aside the other's fresh copy; both then still end up with a complete export.)"""
    aside = target.with_name(f"{target.name}.broken-{os.getpid()}-{os.urandom(4).hex()}")
    os.rename(target, aside)
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.unlink(missing_ok=True)


_private: Path | None = None


def private_cache_dir() -> Path:
    """A folder for this process alone (mode 0700, deleted at exit): the theme's home when the
    configured cache cannot be used. Never a fixed name in the shared temporary folder, where
    another user could plant a stylesheet or icons."""
    global _private
    if _private is None or not _private.is_dir():
        _private = Path(tempfile.mkdtemp(prefix="kiosk-theme-"))  # mkdtemp: owner-only, unique
        atexit.register(shutil.rmtree, _private, True)
    return _private


def material(mode: str, family: str, cache_dir: Path, shipped: Path | None = None) -> tuple[Path, str]:
    """The folder holding qt-material's export for ``mode`` (QSS and icons) and its QSS.

    The ``shipped`` export (:data:`SHIPPED_THEME`) when it is the one needed; else the cache's.
    A broken export in the cache (``material.qss`` a directory, unreadable or empty) is replaced
    by a fresh one; a cache that cannot be written falls back to :func:`private_cache_dir`."""
    key = _key(mode, family)
    if shipped is not None:
        found = read_shipped(mode, key, shipped)
        if found is not None:
            return shipped, found
    target = Path(cache_dir) / "theme" / key
    try:
        return target, _read_material(target)
    except FileNotFoundError:
        pass  # not exported yet
    except (OSError, ValueError) as exc:
        log.warning("theme cache %s is broken (%s); exporting it again", target, exc)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(target):
            _set_aside(target)
        _export_material(target, mode, family)
        return target, _read_material(target)
    except (OSError, ValueError) as exc:
        log.warning("theme cache %s unusable (%s); exporting into a private temporary folder", target, exc)
    target = private_cache_dir() / key
    if not (target / "material.qss").is_file():
        _export_material(target, mode, family)
    return target, _read_material(target)


def read_shipped(mode: str, key: str, shipped: Path = SHIPPED_THEME) -> str | None:
    """The shipped QSS for ``mode`` if it was exported under ``key``; else None (logged)."""
    try:
        keys = json.loads((shipped / "keys.json").read_text(encoding="utf-8"))
        if not isinstance(keys, dict) or keys.get(mode) != key:
            log.info("the shipped %s theme is not the one needed (%s); using the cache", mode, key)
            return None
        return _read_qss(shipped / f"{mode}.qss")
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring the shipped %s theme in %s: %s", mode, shipped, exc)
        return None


ICON_REF = re.compile(r"icon:/([\w./-]+\.svg)")


def write_shipped(target: Path = SHIPPED_THEME) -> dict[str, str]:
    """Export both modes with qt-material and ship them into ``target``: ``<mode>.qss``, every
    icon they name (the same for both modes), ``keys.json``. Returns the keys."""
    family = load_fonts()
    keys: dict[str, str] = {}
    qss: dict[str, str] = {}
    icons: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in (NORMAL, ELDER):
            folder = Path(tmp) / mode
            _export_material(folder, mode, family)
            qss[mode] = _read_material(folder)
            keys[mode] = _key(mode, family)
            for name in sorted(set(ICON_REF.findall(qss[mode]))):
                data = (folder / name).read_bytes()
                if icons.setdefault(name, data) != data:
                    raise ValueError(f"icon {name} differs between the modes")
    if target.exists():
        shutil.rmtree(target)
    for name, data in icons.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    for mode, text in qss.items():
        (target / f"{mode}.qss").write_text(text, encoding="utf-8")
    (target / "keys.json").write_text(json.dumps(keys, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return keys


def stylesheet(mode: str, cache_dir: Path, shipped: Path | None = None) -> str:
    """The full QSS for ``mode`` (qt-material + kiosk rules): the ``shipped`` export when it is
    the one needed, else the cache's, exported on first use."""
    folder, qss = material(mode, load_fonts(), cache_dir, shipped)
    QDir.addSearchPath("icon", str(folder))
    own = string.Template(KIOSK_QSS.read_text(encoding="utf-8")).substitute(SIZES[mode])
    return qss + "\n" + own


_qss: dict[tuple[str, str], str] = {}


def cached_stylesheet(mode: str, cache_dir: Path) -> str:
    """:func:`stylesheet` with the shipped export, built once per process for each mode and cache
    folder (read-only, shared by every terminal that uses that mode)."""
    key = (mode, str(cache_dir))
    if key not in _qss:
        _qss[key] = stylesheet(mode, cache_dir, SHIPPED_THEME)
    return _qss[key]


class Theme:
    """One terminal's look: its mode (normal or 长辈版), applied to that terminal's windows only
    (the style sheet and base font are set on the terminal's top-level widgets, never on the
    application, so a kiosk in 长辈版 leaves the board and the consoles as they are)."""

    def __init__(self, cache_dir: Path, mode: str = NORMAL):
        self.cache_dir = Path(cache_dir)
        self.mode = mode
        self._roots: list[QWidget] = []

    def attach(self, root: QWidget) -> None:
        """``root`` (a terminal's top-level window) takes this look now and on every switch."""
        if root not in self._roots:
            self._roots.append(root)
            root.destroyed.connect(lambda *_: self._roots.remove(root) if root in self._roots else None)
        self._style(root)

    def apply(self, mode: str) -> None:
        self.mode = mode
        for root in list(self._roots):
            self._style(root)

    def _style(self, root: QWidget) -> None:
        qss = cached_stylesheet(self.mode, self.cache_dir)
        font = root.font()
        font.setFamily(load_fonts())
        font.setPixelSize(SIZES[self.mode]["body"])
        root.setFont(font)
        root.setStyleSheet(qss)

    @property
    def elder(self) -> bool:
        return self.mode == ELDER

    def size(self, name: str) -> int:
        return SIZES[self.mode][name]
