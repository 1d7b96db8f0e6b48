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
    language: str | None = None  # None: the hall's language (hall.yaml)
    elder: bool = False
    db: str | None = None  # a PostgreSQL URL for a hall on several PCs; None: SQLite in data_dir


def open_store(settings: Settings, wait: bool = False):
    """The hall's store: PostgreSQL at ``settings.db``, else SQLite in the data directory. With
    ``wait``, a database server that cannot be reached is tried again every 2 s (a board or a
    console started before the server comes up), saying so once."""
    import time

    from kiosk.store.db import open_store as open_hall_store
    from kiosk.store.errors import StoreError

    said = False
    while True:
        try:
            return open_hall_store(settings.db, settings.data_dir)
        except StoreError as exc:
            if not (wait and exc.retry):
                raise
            if not said:
                log.warning("waiting for the hall's database: %s", exc)
                print(f"Waiting for the hall's database ({exc}); trying again every 2 s, Ctrl+C to stop.",
                      file=sys.stderr)
                said = True
            time.sleep(2)


def search_docs(catalogue: Catalogue) -> list[Doc]:
    docs = [Doc(i.code, i.name, i.name_en, i.aliases, i.aliases_en) for i in catalogue.items]
    docs += [Doc(b.code, b.name, b.name_en, b.aliases) for b in catalogue.bundles]
    return docs


def build_index(catalogue: Catalogue, cache_dir: Path | None) -> SearchIndex:
    docs = search_docs(catalogue)
    cache = PinyinCache(cache_dir / "pinyin.json" if cache_dir else None)
    words = [w for g in catalogue.synonyms.zh for w in g.words]  # everyday words are found by their pinyin too
    cache.prepare([t for d in docs for t in (d.name, *d.aliases)] + words)
    return SearchIndex(docs, cache.syllables, catalogue.synonyms)


class LazyIndex:
    """The search index, built on first use (or ahead of time, right after home is painted)."""

    def __init__(self, catalogue: Catalogue, cache_dir: Path | None):
        self.catalogue, self.cache_dir = catalogue, cache_dir
        self._index: SearchIndex | None = None

    def __call__(self) -> SearchIndex:
        if self._index is None:
            self._index = build_index(self.catalogue, self.cache_dir)
        return self._index


def load_data(catalogue_dir: Path | None = None, cache_dir: Path | None = None,
              hall_file: Path | None = None) -> tuple[Catalogue, Hall]:
    """The catalogue and hall files, validated (raises ValidationError with every problem).

    With ``cache_dir``, an unchanged catalogue is read from the validated copy kept there."""
    return load_catalogue_cached(catalogue_dir or DEFAULT_DIR, cache_dir), \
        (load_hall(hall_file) if hall_file else load_hall())


def preview_scale(window: tuple[int, int] | None, reference: tuple[int, int]) -> float:
    if not window:
        return 1.0
    return min(window[0] / reference[0], window[1] / reference[1])


def start_qt(scale: float = 1.0):
    """The QApplication, with the preview scale (same layout, scaled: set before it exists)."""
    if scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = f"{scale:.4f}"
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.shared.qtlog import install_qt_message_handler
    from kiosk.ui.shared.signals import QuitOnSignals

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("yichuang-kiosk")
    install_qt_message_handler()
    if app.findChild(QuitOnSignals) is None:
        QuitOnSignals(app)  # Ctrl+C and SIGTERM close the terminal cleanly
    return app


def run_kiosk(settings: Settings, catalogue: Catalogue, hall: Hall) -> int:
    """Open the citizen kiosk and run the event loop."""
    from kiosk.ui.kiosk.window import REFERENCE_SIZE

    app = start_qt(preview_scale(settings.window, REFERENCE_SIZE))
    window, _ = build_kiosk_window(app, settings, catalogue, hall)
    install_excepthook(window)
    if settings.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()


def build_kiosk_window(app, settings: Settings, catalogue: Catalogue, hall: Hall, clock=None, store=None):
    """Build the kiosk and its services on ``app``. Returns (window, store). Without ``store``
    the database is opened lazily, after home is painted."""
    import datetime as _dt

    from kiosk.domain.desk import TicketDesk
    from kiosk.store.lazy import LazyStore, check_data_dir
    from kiosk.store.secret import load_secret
    from kiosk.ui.kiosk.idle import IdleWatcher
    from kiosk.ui.kiosk.window import REFERENCE_SIZE, KioskWindow
    from kiosk.ui.shared.i18n import Language
    from kiosk.ui.shared.theme import ELDER, NORMAL, Theme

    data_dir = Path(settings.data_dir)
    check_data_dir(data_dir)  # a bad data directory is said now; the database opens after home is painted
    store = store if store is not None else LazyStore(lambda: open_store(settings))
    theme = Theme(app, data_dir / "cache")
    theme.apply(ELDER if settings.elder else NORMAL)
    language = Language(app)
    language.set(settings.language or hall.language)
    desk = TicketDesk(store, catalogue, hall, clock or _dt.datetime.now, secret=load_secret(data_dir))
    idle = IdleWatcher(settings.idle_seconds, settings.warn_seconds, parent=app)
    window = KioskWindow(catalogue=catalogue, desk=desk, theme=theme, language=language,
                         index=LazyIndex(catalogue, data_dir / "cache"), slips_dir=data_dir / "slips", idle=idle)
    window.setWindowTitle(hall.name)
    window.resize(*REFERENCE_SIZE)
    app.installEventFilter(idle)
    idle.start()
    return window, store


def install_excepthook(window, recover: str = "go_home") -> None:
    """An unexpected error is logged and the terminal recovers (the kiosk goes home, a console or
    board refreshes): never a traceback on screen."""

    def hook(exc_type, exc, tb):
        log.error("unexpected error, recovering:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        try:
            getattr(window, recover)()
        except Exception:
            log.exception("could not recover after an error")

    sys.excepthook = hook


# --- the hall's other terminals ----------------------------------------------------------------

def _services(app, settings: Settings, clock=None, hall: Hall | None = None):
    """What every hall terminal shares: the store, the change bridge, the look, the language."""
    import datetime as _dt

    from kiosk.ui.shared.bridge import ChangeBridge
    from kiosk.ui.shared.i18n import Language
    from kiosk.ui.shared.theme import NORMAL, Theme

    data_dir = Path(settings.data_dir)
    store = open_store(settings, wait=True)
    Theme(app, data_dir / "cache").apply(NORMAL)
    language = Language(app)
    language.set(settings.language or (hall.language if hall is not None else "zh_CN"))
    clock = clock or _dt.datetime.now
    bridge = ChangeBridge(store, clock, app)
    bridge.start()
    return store, bridge, language, clock


def build_console(catalogue: Catalogue, hall: Hall, number: int, store, bridge, language, clock):
    from kiosk.domain.counter import Counter
    from kiosk.ui.console.window import make_console

    return make_console(Counter(store, hall, number, clock), catalogue, bridge, language, clock)


def build_board(hall: Hall, bridge, language, clock, engine: str = "auto"):
    from kiosk.ui.board.window import BoardWindow
    from kiosk.ui.shared.voice import Announcer

    board = BoardWindow(hall=hall, bridge=bridge, announcer=Announcer(engine=engine),
                        language=language, clock=clock)
    board.resize(1920, 1080)
    return board


def run_counter(settings: Settings, catalogue: Catalogue, hall: Hall, number: int, scale: float = 1.0) -> int:
    """``kiosk counter N``: one window's console, a process of its own."""
    app = start_qt(scale)
    store, bridge, language, clock = _services(app, settings, hall=hall)
    console = build_console(catalogue, hall, number, store, bridge, language, clock)
    install_excepthook(console, "refresh")
    console.setWindowTitle(f"{hall.name} · {number}")
    console.show()
    return app.exec()


def run_board(settings: Settings, hall: Hall, scale: float = 1.0) -> int:
    """``kiosk board``: the call board, a process of its own."""
    app = start_qt(scale)
    store, bridge, language, clock = _services(app, settings, hall=hall)
    board = build_board(hall, bridge, language, clock)
    install_excepthook(board, "refresh")
    board.setWindowTitle(hall.name)
    board.showFullScreen() if settings.fullscreen else board.show()
    return app.exec()


def build_hall(app, settings: Settings, catalogue: Catalogue, hall: Hall, simulate: bool = False,
               seed: int = 1, speed: float = 30.0, staffed: tuple[int, ...] | None = None, engine: str = "auto"):
    """Kiosk, board and every window's console in one process on one store (``kiosk hall``).
    With ``simulate``, a seeded simulated day runs on a shared, time-compressed clock; the
    windows in ``staffed`` (default: all but window 1) are worked by simulated staff.
    Returns a dict of the parts (windows, store, bridge, sim, timer)."""
    import datetime as _dt

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTabWidget

    from kiosk.domain.counter import Counter
    from kiosk.sim.simulation import OPEN_HOUR, SimClock, Simulation

    clock = None
    if simulate:
        today = _dt.date.today()
        clock = SimClock(_dt.datetime.combine(today, _dt.time()) + _dt.timedelta(hours=OPEN_HOUR), speed)
    store, bridge, language, clock = _services(app, settings, clock, hall)
    kiosk, _ = build_kiosk_window(app, settings, catalogue, hall, clock=clock, store=store)
    board = build_board(hall, bridge, language, clock, engine)
    consoles = QTabWidget()
    consoles.setObjectName("hall_consoles")
    for w in hall.windows:
        consoles.addTab(build_console(catalogue, hall, w.number, store, bridge, language, clock),
                        f"{w.number} {w.name}")
    consoles.resize(1280, 880)
    parts = dict(kiosk=kiosk, board=board, consoles=consoles, store=store, bridge=bridge, clock=clock,
                 sim=None, timer=None)
    if simulate:
        staffed = staffed if staffed is not None else tuple(w.number for w in hall.windows if w.number != 1)
        sim = Simulation(seed, clock().date(), catalogue, kiosk.desk,
                         {n: Counter(store, hall, n, clock) for n in staffed}, clock)
        timer = QTimer(app)
        timer.setInterval(250)
        timer.timeout.connect(lambda: sim.advance(clock()))
        parts.update(sim=sim, timer=timer)
    return parts


def run_hall(settings: Settings, catalogue: Catalogue, hall: Hall, simulate: bool, seed: int, speed: float,
             scale: float = 0.5) -> int:
    """``kiosk hall``: the one-screen demo."""
    app = start_qt(scale)
    parts = build_hall(app, settings, catalogue, hall, simulate, seed, speed)
    kiosk, board, consoles = parts["kiosk"], parts["board"], parts["consoles"]
    install_excepthook(kiosk)
    kiosk.move(0, 0)
    board.move(kiosk.frameGeometry().right() + 8, 0)
    consoles.move(board.x(), board.frameGeometry().bottom() + 8)
    for w in (kiosk, board, consoles):
        w.show()
    if parts["timer"] is not None:
        parts["timer"].start()
    return app.exec()
