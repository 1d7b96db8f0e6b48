"""Composition root: build settings, store, services and windows, and hand each only what it needs."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.catalogue import DEFAULT_DIR, SHIPPED_CACHE, Catalogue, load_catalogue_cached
from kiosk.domain.hall import Hall, load_hall

if TYPE_CHECKING:  # built after home is painted: not imported before it
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
    voice: bool | None = None  # 语音播报 at the kiosk; None: on in 长辈版, off otherwise
    voice_engine: str | None = None  # a QtTextToSpeech plug-in; None: the first that works; "none": silent
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
    from kiosk.domain.search import Doc

    docs = [Doc(i.code, i.name, i.name_en, i.aliases, i.aliases_en) for i in catalogue.items]
    docs += [Doc(b.code, b.name, b.name_en, b.aliases) for b in catalogue.bundles]
    return docs


def pinyin_texts(catalogue: Catalogue) -> list[str]:
    """Every text the search index needs the pinyin of: names and aliases, and the everyday words
    (synonyms.yaml), which are found by their pinyin too."""
    texts = [t for d in search_docs(catalogue) for t in (d.name, *d.aliases)]
    return texts + [w for g in catalogue.synonyms.zh for w in g.words]


def build_index(catalogue: Catalogue, cache_dir: Path | None, shipped_pinyin: Path | None = None) -> SearchIndex:
    """The search index; pinyin from ``cache_dir``'s cache over ``shipped_pinyin`` (the shipped
    catalogue's: kiosk.domain.pinyin.SHIPPED), pypinyin for whatever neither has."""
    from kiosk.domain.pinyin import PinyinCache
    from kiosk.domain.search import SearchIndex

    cache = PinyinCache(cache_dir / "pinyin.json" if cache_dir else None, shipped=shipped_pinyin)
    cache.prepare(pinyin_texts(catalogue))
    return SearchIndex(search_docs(catalogue), cache.syllables, catalogue.synonyms)


class LazyIndex:
    """The search index, built on first use — or ahead, by :meth:`prepare` on a worker thread
    right after home is painted (plain Python, no Qt). Built once: a use while it is being built
    waits for that build."""

    def __init__(self, catalogue: Catalogue, cache_dir: Path | None):
        self.catalogue, self.cache_dir = catalogue, cache_dir
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def __call__(self) -> SearchIndex:
        index = self._index
        if index is None:
            from kiosk.domain.pinyin import SHIPPED

            with self._lock:
                if self._index is None:
                    self._index = build_index(self.catalogue, self.cache_dir, SHIPPED)
                index = self._index
        return index

    def prepare(self) -> None:
        self()

    @property
    def built(self) -> bool:
        return self._index is not None


class StoreOpener:
    """Opens the hall's store for the kiosk's LazyStore. :meth:`prepare` does the slow part of a
    first opening ahead, on a worker thread after home is painted: it imports the database
    modules (SQLAlchemy: ~0.2–0.5 s) and opens the store once — creating the database and its
    schema on a fresh install — then closes it again (nothing stays open on that thread), so the
    opening proper, on the GUI thread, takes milliseconds. An opening asked for meanwhile waits
    for it."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = threading.Lock()
        self._prepared = False

    def __call__(self):
        with self._lock:
            return open_store(self.settings)

    def prepare(self) -> None:
        from kiosk.store.errors import StoreError

        with self._lock:
            if self._prepared:
                return
            self._prepared = True
            try:
                open_store(self.settings).close()
            except StoreError as exc:  # said when the store is opened for real
                log.info("the store could not be opened ahead: %s", exc)


def load_data(catalogue_dir: Path | None = None, cache_dir: Path | None = None,
              hall_file: Path | None = None) -> tuple[Catalogue, Hall]:
    """The catalogue and hall files, validated (raises ValidationError with every problem).

    With ``cache_dir``, an unchanged catalogue is read from the validated copy kept there; the
    shipped catalogue, validated ahead, is read when it is the one in the folder."""
    return load_catalogue_cached(catalogue_dir or DEFAULT_DIR, cache_dir, SHIPPED_CACHE), \
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

    from kiosk.ui.shared.accessible import install_accessibility
    from kiosk.ui.shared.qtlog import install_qt_message_handler
    from kiosk.ui.shared.signals import QuitOnSignals

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("yichuang-kiosk")
    install_qt_message_handler()
    install_accessibility()  # headings are exposed as headings to screen readers
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
    from kiosk.ui.shared.accessible import install_accessibility
    from kiosk.ui.shared.i18n import Language
    from kiosk.ui.shared.theme import ELDER, NORMAL, Theme
    from kiosk.ui.shared.voice import Speaker

    install_accessibility()
    data_dir = Path(settings.data_dir)
    check_data_dir(data_dir)  # a bad data directory is said now; the database opens after home is painted
    opener = StoreOpener(settings) if store is None else None
    store = store if store is not None else LazyStore(opener)
    # this terminal's own look and language (never the application's: other terminals may share the process)
    theme = Theme(data_dir / "cache", ELDER if settings.elder else NORMAL)
    language = Language(settings.language or hall.language)
    desk = TicketDesk(store, catalogue, hall, clock or _dt.datetime.now, secret=load_secret(data_dir))
    idle = IdleWatcher(settings.idle_seconds, settings.warn_seconds, parent=app)
    speaker = Speaker(language, engine=settings.voice_engine,
                      enabled=settings.elder if settings.voice is None else settings.voice)
    index = LazyIndex(catalogue, data_dir / "cache")
    window = KioskWindow(catalogue=catalogue, desk=desk, theme=theme, language=language,
                         index=index, slips_dir=data_dir / "slips", idle=idle,
                         speaker=speaker, promises=make_promises(store, desk))
    # what the warm-up after the first paint does on a worker thread (plain Python, no Qt)
    window.background = (index.prepare,) + ((opener.prepare,) if opener is not None else ())
    speaker.setParent(window)
    idle.setParent(window)  # the watcher (and its application-wide event filter) goes with its kiosk
    idle.window = window  # only this kiosk's input keeps its visit (not a console's or a facilitator's in the process)
    theme.attach(window)
    language.attach(window)
    window.setWindowTitle(hall.name)
    window.resize(*REFERENCE_SIZE)
    app.installEventFilter(idle)
    idle.start()
    return window, store


def make_promises(store, desk):
    """The hall's promises (好差评, 办不成事, 意见建议, 容缺, 服务专员, 预约, 零材料) for a terminal:
    cheap to make (the credit list is read at its first use)."""
    from kiosk.domain.promises import Promises

    return Promises(store, desk)


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

def _services(app, settings: Settings, clock=None):
    """What the hall's terminals in one process share: the store, the change bridge, the clock.
    (Language and look are each terminal's own.)"""
    import datetime as _dt

    from kiosk.ui.shared.bridge import ChangeBridge

    store = open_store(settings, wait=True)
    clock = clock or _dt.datetime.now
    bridge = ChangeBridge(store, clock, app)
    bridge.start()
    return store, bridge, clock


def staff_language(settings: Settings, hall: Hall):
    """A board's or a console's own Language: ``--lang``, else the hall's."""
    from kiosk.ui.shared.i18n import Language

    return Language(settings.language or hall.language)


def normal_look(settings: Settings):
    """A Theme in the normal mode (board and consoles have no 长辈版), for windows to attach."""
    from kiosk.ui.shared.theme import Theme

    return Theme(Path(settings.data_dir) / "cache")


def build_console(catalogue: Catalogue, hall: Hall, number: int, store, bridge, clock, language, promises=None):
    """Window ``number``'s console, in its own ``language`` (its caller gives it a look); with
    ``promises`` (make_promises) it shows and closes the records of the hall's promises."""
    from kiosk.domain.counter import Counter
    from kiosk.ui.console.window import make_console
    from kiosk.ui.shared.accessible import install_accessibility

    install_accessibility()
    console = make_console(Counter(store, hall, number, clock), catalogue, bridge, language, clock, promises)
    language.attach(console)
    return console


def staff_desk(settings: Settings, catalogue: Catalogue, hall: Hall, store, clock):
    """A TicketDesk for a staff terminal's promises (with the hall's identity secret, as the kiosk's)."""
    from kiosk.domain.desk import TicketDesk
    from kiosk.store.secret import load_secret

    return TicketDesk(store, catalogue, hall, clock, secret=load_secret(Path(settings.data_dir)))


def build_board(hall: Hall, bridge, clock, language, engine: str = "auto"):
    """The call board, in its own ``language`` (its caller gives it a look)."""
    from kiosk.ui.board.window import BoardWindow
    from kiosk.ui.shared.accessible import install_accessibility
    from kiosk.ui.shared.voice import Announcer

    install_accessibility()
    board = BoardWindow(hall=hall, bridge=bridge, announcer=Announcer(engine=engine),
                        language=language, clock=clock)
    language.attach(board)
    board.resize(1920, 1080)
    return board


def build_pad(settings: Settings, catalogue: Catalogue, hall: Hall, number: int, promises, bridge, language,
              elder: bool = False):
    """Window ``number``'s rating pad, in its own ``language``, look and voice (800×1280)."""
    from kiosk.ui.pad.window import REFERENCE_SIZE, PadWindow
    from kiosk.ui.shared.accessible import install_accessibility
    from kiosk.ui.shared.theme import ELDER, NORMAL, Theme
    from kiosk.ui.shared.voice import Speaker

    install_accessibility()
    theme = Theme(Path(settings.data_dir) / "cache", ELDER if elder else NORMAL)
    speaker = Speaker(language, engine=settings.voice_engine,
                      enabled=elder if settings.voice is None else settings.voice)
    pad = PadWindow(number=number, hall=hall, catalogue=catalogue, promises=promises, bridge=bridge, theme=theme,
                    language=language, speaker=speaker)
    speaker.setParent(pad)
    theme.attach(pad)
    language.attach(pad)
    pad.resize(*REFERENCE_SIZE)
    return pad


def run_pad(settings: Settings, catalogue: Catalogue, hall: Hall, number: int, scale: float = 1.0) -> int:
    """``kiosk pad N``: window N's rating pad, a process of its own."""
    app = start_qt(scale)
    store, bridge, clock = _services(app, settings)
    pad = build_pad(settings, catalogue, hall, number,
                    make_promises(store, staff_desk(settings, catalogue, hall, store, clock)), bridge,
                    staff_language(settings, hall), settings.elder)
    install_excepthook(pad, "refresh")
    pad.setWindowTitle(f"{hall.name} · {number}")
    pad.showFullScreen() if settings.fullscreen else pad.show()
    return app.exec()


def run_counter(settings: Settings, catalogue: Catalogue, hall: Hall, number: int, scale: float = 1.0) -> int:
    """``kiosk counter N``: one window's console, a process of its own."""
    app = start_qt(scale)
    store, bridge, clock = _services(app, settings)
    console = build_console(catalogue, hall, number, store, bridge, clock, staff_language(settings, hall),
                            make_promises(store, staff_desk(settings, catalogue, hall, store, clock)))
    normal_look(settings).attach(console)
    install_excepthook(console, "refresh")
    console.setWindowTitle(f"{hall.name} · {number}")
    console.show()
    return app.exec()


def run_board(settings: Settings, hall: Hall, scale: float = 1.0) -> int:
    """``kiosk board``: the call board, a process of its own."""
    app = start_qt(scale)
    store, bridge, clock = _services(app, settings)
    board = build_board(hall, bridge, clock, staff_language(settings, hall))
    normal_look(settings).attach(board)
    install_excepthook(board, "refresh")
    board.setWindowTitle(hall.name)
    board.showFullScreen() if settings.fullscreen else board.show()
    return app.exec()


def build_hall(app, settings: Settings, catalogue: Catalogue, hall: Hall, simulate: bool = False,
               seed: int = 1, speed: float = 30.0, staffed: tuple[int, ...] | None = None, engine: str = "auto",
               scenario: str | None = None):
    """Kiosk, board and every window's console in one process on one store (``kiosk hall``).
    With ``simulate``, a seeded simulated day (``scenario``: kiosk.sim.scenarios, default the
    ordinary day) runs on a shared, time-compressed clock from the scenario's start (the morning
    before it is run at once); the windows in ``staffed`` (default: all but window 1) are worked
    by simulated staff, and every window's title names the scenario.
    Returns a dict of the parts (windows, store, bridge, sim, timer)."""
    import datetime as _dt

    from PySide6.QtCore import QTimer

    from kiosk.domain.counter import Counter
    from kiosk.sim.promises import SimulatedPromises
    from kiosk.sim.scenarios import DEFAULT, SCENARIOS
    from kiosk.sim.simulation import SimClock, Simulation, demo_day
    from kiosk.ui.console.tabs import ConsoleTabs

    clock = None
    plan = SCENARIOS[scenario or DEFAULT]
    if simulate:
        day = demo_day(hall, _dt.date.today())
        clock = SimClock(_dt.datetime.combine(day, _dt.time()) + _dt.timedelta(hours=plan.starts), speed)
    store, bridge, clock = _services(app, settings, clock)
    # every terminal its own language and look: the kiosk's visitor switching to English or
    # 长辈版 changes nothing on the board or at a window
    kiosk, _ = build_kiosk_window(app, settings, catalogue, hall, clock=clock, store=store)
    look = normal_look(settings)  # one mode for board and consoles, the kiosk's is its own
    board = build_board(hall, bridge, clock, staff_language(settings, hall), engine)
    look.attach(board)
    consoles = ConsoleTabs()  # one tab per window, every one on screen (windows 8–10 too)
    promises = kiosk.promises  # the kiosk's, shared by every console
    for w in hall.windows:
        consoles.add_console(build_console(catalogue, hall, w.number, store, bridge, clock,
                                           staff_language(settings, hall), promises))
    look.attach(consoles)
    consoles.resize(*consoles.reference_size())
    # the rating pad of window 1 (the presenter's window: the simulation's staff work the others)
    pad = build_pad(settings, catalogue, hall, hall.windows[0].number, promises, bridge,
                    staff_language(settings, hall))
    parts = dict(kiosk=kiosk, board=board, consoles=consoles, pad=pad, store=store, bridge=bridge, clock=clock,
                 promises=promises, sim=None, timer=None)
    if simulate:
        staffed = staffed if staffed is not None else tuple(w.number for w in hall.windows if w.number != 1)
        sim = Simulation(seed, clock().date(), catalogue, kiosk.desk,
                         {n: Counter(store, hall, n, clock) for n in staffed}, clock, plan)
        SimulatedPromises(promises).attach(sim)  # ratings, follow-ups, cases, officers, check-ins …
        sim.advance(clock.start)  # the day so far (a scenario that starts at 11:40 has had its morning)
        clock.restart(clock.start)  # and the demo's clock runs from its start once the windows are built
        timer = QTimer(app)
        timer.setInterval(250)
        timer.timeout.connect(lambda: sim.advance(clock()))
        parts.update(sim=sim, timer=timer)
        name_the_demo(hall, plan, consoles, kiosk, board, pad)
    return parts


def name_the_demo(hall: Hall, scenario, consoles, *terminals) -> None:
    """Each terminal's window title names the hall and the scenario running, in that terminal's
    language (the consoles': the console shown), and follows its language switches."""
    def name(window, language) -> None:
        en = language.english
        window.setWindowTitle(f"{hall.name_en if en else hall.name} · {scenario.title(en)}")

    def name_consoles(*_args) -> None:
        name(consoles, consoles.currentWidget().language)

    for window in terminals:
        name(window, window.language)
        window.language.changed.connect(lambda _lang, w=window: name(w, w.language))
    for i in range(consoles.count()):
        consoles.widget(i).language.changed.connect(name_consoles)
    consoles.currentChanged.connect(name_consoles)
    name_consoles()


def run_hall(settings: Settings, catalogue: Catalogue, hall: Hall, simulate: bool, seed: int, speed: float,
             scale: float = 0.5, scenario: str | None = None) -> int:
    """``kiosk hall``: the one-screen demo."""
    app = start_qt(scale)
    parts = build_hall(app, settings, catalogue, hall, simulate, seed, speed, scenario=scenario)
    kiosk, board, consoles = parts["kiosk"], parts["board"], parts["consoles"]
    install_excepthook(kiosk)
    sim = parts["sim"]
    if sim is not None:
        print(f"Simulating {sim.scenario.code} ({sim.scenario.name_en}), seed {seed}, on {sim.day} "
              f"from {parts['clock']():%H:%M}, {speed:g} simulated seconds a second.", file=sys.stderr)
    kiosk.move(0, 0)
    board.move(kiosk.frameGeometry().right() + 8, 0)
    consoles.move(board.x(), board.frameGeometry().bottom() + 8)
    pad = parts["pad"]
    pad.move(consoles.frameGeometry().right() + 8, consoles.y())
    for w in (kiosk, board, consoles, pad):
        w.show()
    if parts["timer"] is not None:
        parts["timer"].start()
    return app.exec()


# --- a usability study: the kiosk for each participant, and the facilitator's window ----------------

def study_clock(hall: Hall, today):
    """The clock of a study's halls: an hour into the windows' first calling period of a working
    day (today's, else the next), running in real time — every participant's session starts there,
    so a session held at 19:00 or on a Sunday meets the same open hall as one at 10:00 on a
    Tuesday (never "this ticket will not be called today"), and a late session is not cut by closing."""
    import datetime as _dt

    from kiosk.sim.simulation import SimClock, demo_day

    day = demo_day(hall, today)
    periods = hall.calling_periods(day)
    start = _dt.datetime.combine(day, _dt.time(10))
    if periods:
        first, end = periods[0]
        start = min(first + _dt.timedelta(hours=1), first + (end - first) / 2)
    return SimClock(start, speed=1.0)


def study_kiosks(app, settings: Settings, catalogue: Catalogue, hall: Hall, clock=None):
    """How a study builds a participant's kiosk: on their own hall directory (always SQLite there:
    a participant's hall is theirs alone), in a condition's language, mode, voice and catalogue.
    Without ``clock`` the halls run on :func:`study_clock`, from its start again for each
    participant. Returns ``make(hall_dir, condition) -> (window, store)`` for the StudyController."""
    import datetime as _dt
    from dataclasses import replace

    variants: dict[Path, Catalogue] = {}
    own_clock = clock is None
    clock = clock or study_clock(hall, _dt.date.today())
    halls: set[Path] = set()

    def make(hall_dir: Path, condition):
        if own_clock and Path(hall_dir) not in halls:  # a new participant: their session starts at the same hour
            halls.add(Path(hall_dir))
            clock.restart(clock.start)
        cat = catalogue
        if condition.catalogue is not None:
            folder = Path(condition.catalogue)
            if folder not in variants:
                variants[folder] = load_catalogue_cached(folder, Path(settings.data_dir) / "cache", SHIPPED_CACHE)
            cat = variants[folder]
        own = replace(settings, data_dir=Path(hall_dir), db=None, language=condition.language or None,
                      elder=condition.elder, voice=condition.voice)
        return build_kiosk_window(app, own, cat, hall, clock=clock)

    return make


def build_study(app, settings: Settings, study, catalogue: Catalogue, hall: Hall, participant: str,
                clock=None, session_clock=None, language: str | None = None):
    """The study's controller with ``participant``'s session open, and the facilitator's window
    (its own language and the normal look). Returns (controller, facilitator)."""
    import time

    from kiosk.ui.shared.accessible import install_accessibility
    from kiosk.ui.shared.i18n import Language
    from kiosk.ui.study.controller import StudyController, study_dir
    from kiosk.ui.study.facilitator import REFERENCE_SIZE, FacilitatorWindow

    install_accessibility()
    controller = StudyController(study, study_dir(settings.data_dir, study),
                                 study_kiosks(app, settings, catalogue, hall, clock),
                                 session_clock or time.monotonic, parent=app, language=hall.language)
    controller.open(participant)
    facilitator = FacilitatorWindow(controller, catalogue, hall, Language(language or hall.language))
    normal_look(settings).attach(facilitator)
    facilitator.language.attach(facilitator)
    facilitator.resize(*REFERENCE_SIZE)
    return controller, facilitator


def place_study(controller, facilitator, screens, fullscreen: bool = False) -> None:
    """The kiosk on the first screen (full screen when asked), each block's and participant's kiosk
    in its place as it is built; the facilitator's window on the second screen when there is one,
    else beside the kiosk. Shows both."""

    def present(kiosk) -> None:
        install_excepthook(kiosk)
        if screens:
            kiosk.move(screens[0].availableGeometry().topLeft())
        kiosk.showFullScreen() if fullscreen else kiosk.show()

    controller.kiosk_changed.connect(present)
    present(controller.kiosk)
    if len(screens) > 1:
        facilitator.setScreen(screens[1])
        facilitator.move(screens[1].availableGeometry().topLeft())
    elif controller.kiosk is not None:
        facilitator.move(controller.kiosk.frameGeometry().right() + 8, 0)
    facilitator.show()


def run_study(settings: Settings, study, catalogue: Catalogue, hall: Hall, participant: str,
              language: str | None = None) -> int:
    """``kiosk study STUDY.yaml --participant P07``: the participant's kiosk (the first screen, full
    screen with --fullscreen) and the facilitator's window (the second screen when there is one)."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.kiosk.window import REFERENCE_SIZE

    app = start_qt(preview_scale(settings.window, REFERENCE_SIZE))
    controller, facilitator = build_study(app, settings, study, catalogue, hall, participant, language=language)
    place_study(controller, facilitator, QGuiApplication.screens(), settings.fullscreen)
    app.aboutToQuit.connect(lambda: controller.close("closed"))
    facilitator.closed.connect(app.quit)  # without its window the session cannot go on: it ends, recorded
    return app.exec()
