"""Composition root: build settings, store, services and windows, and hand each only what it needs."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.catalogue import DEFAULT_DIR, Catalogue, load_catalogue_cached
from kiosk.domain.hall import Hall, load_hall
from kiosk.domain.pinyin import PinyinCache
from kiosk.domain.search import Doc, SearchIndex

log = logging.getLogger(__name__)


@dataclass
class Settings:
    data_dir: Path
    window: tuple[int, int] | None = None  # preview size; None = reference geometry
    fullscreen: bool = False
    idle_seconds: float = 60
    warn_seconds: float = 30
    language: str = "zh_CN"
    elder: bool = False


def search_docs(catalogue: Catalogue) -> list[Doc]:
    docs = [Doc(i.code, i.name, i.name_en, i.aliases, i.aliases_en) for i in catalogue.items]
    docs += [Doc(b.code, b.name, b.name_en, b.aliases) for b in catalogue.bundles]
    return docs


def build_index(catalogue: Catalogue, cache_dir: Path | None) -> SearchIndex:
    docs = search_docs(catalogue)
    cache = PinyinCache(cache_dir / "pinyin.json" if cache_dir else None)
    cache.prepare([t for d in docs for t in (d.name, *d.aliases)])
    return SearchIndex(docs, cache.syllables)


class LazyIndex:
    """The search index, built on first use (or ahead of time, right after home is painted)."""

    def __init__(self, catalogue: Catalogue, cache_dir: Path | None):
        self.catalogue, self.cache_dir = catalogue, cache_dir
        self._index: SearchIndex | None = None

    def __call__(self) -> SearchIndex:
        if self._index is None:
            self._index = build_index(self.catalogue, self.cache_dir)
        return self._index


def load_data(catalogue_dir: Path | None = None, cache_dir: Path | None = None) -> tuple[Catalogue, Hall]:
    """The catalogue and hall files, validated (raises ValidationError with every problem).

    With ``cache_dir``, an unchanged catalogue is read from the validated copy kept there."""
    return load_catalogue_cached(catalogue_dir or DEFAULT_DIR, cache_dir), load_hall()


def preview_scale(window: tuple[int, int] | None, reference: tuple[int, int]) -> float:
    if not window:
        return 1.0
    return min(window[0] / reference[0], window[1] / reference[1])


def run_kiosk(settings: Settings, catalogue: Catalogue, hall: Hall) -> int:
    """Open the citizen kiosk and run the event loop."""
    from kiosk.ui.kiosk import REFERENCE_SIZE

    scale = preview_scale(settings.window, REFERENCE_SIZE)
    if scale != 1.0:  # same layout, scaled: must be set before the QApplication exists
        os.environ["QT_SCALE_FACTOR"] = f"{scale:.4f}"
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.qtlog import install_qt_message_handler

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("yichuang-kiosk")
    install_qt_message_handler()
    window, _ = build_kiosk_window(app, settings, catalogue, hall)
    install_excepthook(window)
    if settings.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()


def build_kiosk_window(app, settings: Settings, catalogue: Catalogue, hall: Hall, clock=None):
    """Build the kiosk and its services on ``app``. Returns (window, store)."""
    import datetime as _dt

    from kiosk.domain.desk import TicketDesk
    from kiosk.store.lazy import LazyStore, check_data_dir
    from kiosk.ui.i18n import Language
    from kiosk.ui.idle import IdleWatcher
    from kiosk.ui.kiosk import REFERENCE_SIZE, KioskWindow
    from kiosk.ui.theme import ELDER, NORMAL, Theme

    data_dir = Path(settings.data_dir)
    check_data_dir(data_dir)  # a bad data directory is said now; the database opens after home is painted
    store = LazyStore(data_dir)
    theme = Theme(app, data_dir / "cache")
    theme.apply(ELDER if settings.elder else NORMAL)
    language = Language(app)
    language.set(settings.language)
    desk = TicketDesk(store, catalogue, hall, clock or _dt.datetime.now)
    idle = IdleWatcher(settings.idle_seconds, settings.warn_seconds, parent=app)
    window = KioskWindow(catalogue=catalogue, desk=desk, theme=theme, language=language,
                         index=LazyIndex(catalogue, data_dir / "cache"), slips_dir=data_dir / "slips", idle=idle)
    window.setWindowTitle(hall.name)
    window.resize(*REFERENCE_SIZE)
    app.installEventFilter(idle)
    idle.start()
    return window, store


def install_excepthook(window) -> None:
    """An unexpected error is logged and the kiosk goes home: never a traceback on screen."""

    def hook(exc_type, exc, tb):
        log.error("unexpected error, returning home:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        try:
            window.go_home()
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.exception("could not return home after an error")

    sys.excepthook = hook
