"""Usability-study recording overhead (issue 9).

1. Tap → target screen painted with the study recorder on vs off, in the same kiosk and the same
   run: tours through the kiosk (the navigation benchmark's taps), the recorder attached and
   detached between taps — on, off, on … — so both see the same machine load and the same taps.
   "On" is what a study runs: kiosk/ui/study/recorder.py looking at every event of the application
   (through the kiosk's own application filter), the navigator / header / idle / voice / focus /
   happened hooks, a Session writing every event to a real JSON Lines file (RecordWriter, flushed
   line by line) and the screenshot on arrival (taken in a warm-up tour first: a participant's
   first arrival at a screen grabs it once; a separate row says what that costs). Median and p90;
   target ≤ 1.1×.
2. Events per second Session.record + RecordWriter sustain to a real file (a PRESS with position,
   widget and flags, as the recorder writes it), and the same for RecordWriter alone.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import common
from common import Row, click, info_row, median, ms

TOURS = 24  # each tap on and off in turn: every kind of tap is timed both ways
LIMIT = 1.1
EVENTS = 20000


def _session(folder: Path):
    from kiosk.usability.events import RecordWriter
    from kiosk.usability.session import Session
    from kiosk.usability.study import load_study, plan_for

    study = load_study(Path(__file__).parents[1] / "tests" / "data" / "study-two-tasks.yaml")
    writer = RecordWriter(folder / "events.jsonl", {"study": study.id, "participant": "B01"})
    session = Session(study, plan_for(study, "B01"), writer)
    session.begin()
    return session, writer


def measure_taps() -> tuple[list[float], list[float], list[float], int]:
    """(tap times with the recorder on, off, the screenshot grabs, events recorded)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.shared.navigator import Screen
    from kiosk.ui.study.recorder import Recorder

    app, w, store = common.build_kiosk(common.data_dir_with_warm_cache("recording"))
    w.warm_up()
    watcher = common.PaintWatcher()
    folder = Path(tempfile.mkdtemp(prefix="study-recording-"))
    session, writer = _session(folder)
    grabs: list[float] = []
    shots: set[str] = set()

    state = {"recorder": None, "k": 0}

    def tour(on: list[float] | None, off: list[float] | None, n: int, recording: bool | None = None) -> None:
        """One tour; each tap is timed with the recorder on or off in turn (``recording``: all
        on or all off, untimed)."""
        h = w.header

        def tap(widget_fn, expect: Screen, row: int | None = None) -> None:
            state["k"] += 1
            want = recording if recording is not None else state["k"] % 2 == 0
            if want and state["recorder"] is None:
                state["recorder"] = attach()
            elif not want and state["recorder"] is not None:
                state["recorder"].detach()
                state["recorder"] = None
            target = w.nav.widget(expect)
            pos, widget = None, None
            if row is not None:
                view = w.catalogue_screen.view
                index = view.model().index(row, 0)
                view.scrollTo(index)
                QApplication.processEvents()
                pos, widget = view.visualRect(index).center(), view.viewport()
            else:
                widget = widget_fn()
            watcher.arm(target)
            t0 = time.perf_counter()
            click(widget, pos)
            t1 = watcher.wait()
            assert w.nav.current == expect, (w.nav.current, expect)
            into = on if want else off
            if into is not None:
                into.append(t1 - t0)
            QApplication.processEvents()  # what follows the frame (a screenshot's deferred grab) is not the tap's

        tap(lambda: w.home.ticket_tile, Screen.TICKET_MENU)
        tap(lambda: h.home_button, Screen.HOME)
        tap(lambda: w.home.browse_tile, Screen.CATALOGUE)
        tap(None, Screen.ITEM, row=n * 3)
        tap(lambda: h.back_button, Screen.CATALOGUE)
        tap(None, Screen.ITEM, row=n * 3 + 13)
        tap(lambda: w.item.ticket_button, Screen.IDENTITY)
        tap(lambda: h.back_button, Screen.ITEM)
        tap(lambda: h.home_button, Screen.HOME)
        tap(lambda: w.home.ticket_tile, Screen.TICKET_MENU)
        tap(lambda: w.menu.bundle_buttons[n % len(w.menu.bundle_buttons)][0], Screen.ITEM)
        tap(lambda: h.back_button, Screen.TICKET_MENU)
        tap(lambda: w.menu.by_item, Screen.CATALOGUE)
        tap(lambda: h.home_button, Screen.HOME)

    def attach() -> Recorder:
        r = Recorder(w, session, folder / "screens")
        r.shot = shots  # one participant: a screen's screenshot is taken once, whichever recorder saw it
        grab = r._grab

        def timed_grab() -> None:
            t = time.perf_counter()
            new = r._pending is not None and r._pending not in r.shot
            grab()
            if new:
                grabs.append(time.perf_counter() - t)

        r._grab = timed_grab  # type: ignore[method-assign]
        return r

    tour(None, None, 0, recording=True)  # warm-up with the recorder: each screen's screenshot is taken here
    tour(None, None, 1, recording=False)  # warm-up without
    on: list[float] = []
    off: list[float] = []
    for n in range(TOURS):
        tour(on, off, n + 2)  # tap by tap: on, off, on … (the next tour starts with the other)
        state["k"] += 1
    if state["recorder"] is not None:
        state["recorder"].detach()
    watcher.disarm()
    session.finish()
    writer.close()
    from kiosk.usability.events import read_record

    recorded = len(read_record(folder / "events.jsonl").events)
    common.dispose_kiosk(app, w, store)
    return on, off, grabs, recorded


def measure_events(n: int = EVENTS) -> tuple[float, float]:
    """(events/s through Session.record + RecordWriter, through RecordWriter alone), to real files."""
    from kiosk.usability.events import Event, Kind

    folder = Path(tempfile.mkdtemp(prefix="study-events-"))
    session, writer = _session(folder)
    t0 = time.perf_counter()
    for i in range(n):
        session.record(Kind.PRESS, x=i % 1080, y=i % 1920, widget="pad_#", interactive=True, enabled=True,
                       screen="identity")
    per_session = n / (time.perf_counter() - t0)
    writer.close()
    from kiosk.usability.events import RecordWriter

    plain = RecordWriter(folder / "plain.jsonl", {"study": "b", "participant": "B02"})
    event = Event(1.0, Kind.RELEASE, "t1", "standard", "identity", 540, 960, "pad_#", True, True, {"moved": 0})
    t0 = time.perf_counter()
    for _ in range(n):
        plain.write(event)
    per_writer = n / (time.perf_counter() - t0)
    plain.close()
    return per_session, per_writer


def run() -> list[Row]:
    on, off, grabs, recorded = measure_taps()
    m_on, m_off = median(on), median(off)
    p_on, p_off = common.p90(on), common.p90(off)
    r_med, r_p90 = m_on / m_off, p_on / p_off
    per_session, per_writer = measure_events()
    return [
        Row(f"9. tap → target screen painted, study recorder ON (filter, hooks, Session + RecordWriter to a file) "
            f"vs off, same kiosk, tap by tap in turn; median of {len(on)} taps each", ms(m_on), ms(m_off),
            f"{r_med:.2f}× (target ≤ {LIMIT:g}×)", common.verdict(r_med <= LIMIT)),
        Row("  ↳ p90 of the same taps", ms(p_on), ms(p_off), f"{r_p90:.2f}× (target ≤ {LIMIT:g}×)",
            common.verdict(r_p90 <= LIMIT)),
        info_row(f"  ↳ screenshot on a screen's first arrival (grab + PNG, once per screen, mode and language; "
                 f"{len(grabs)} taken), after the frame", ms(median(grabs)) if grabs else "—", "—",
                 f"max {ms(max(grabs))}" if grabs else "—"),
        info_row("  ↳ events recorded (the warm-up tour and the timed taps with the recorder on)", str(recorded)),
        info_row(f"9. events/s sustained: Session.record + RecordWriter to a real file ({EVENTS} PRESS events)",
                 f"{per_session:,.0f}/s", f"{per_writer:,.0f}/s (RecordWriter.write alone)",
                 f"{per_session / 40:,.0f}× the ~40 events/s of a participant tapping 10 times a second"),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
