"""Seeded, realistic study directories for tests, the benchmark and the docs' example report.

:func:`write_study_dir` runs every participant's plan through the real :class:`Session` (so the
records have exactly the shape the kiosk writes) with a simulated participant: think times drawn
from a log-normal distribution, taps at the kiosk's real tile positions (1080×1920) with a finger's
scatter, a wrong turn now and then (a wrong tile, a look, 返回), misclicks beside a tile, rage taps
on a control that is not ready, a drag, typed digits on the keypad (masked: ``pad_#``), a fault
switched on during a task, failures and time-outs, SEQ after each task, SUS and UMUX-Lite after
each condition, and (optionally) sessions cut short. Each participant's kiosk leaves a small PNG
of every screen it showed (written with zlib + struct: no Qt), with the screen's tiles drawn
where the taps land, so heat maps line up.

Nothing here is real data; it is for exercising the report.
"""

from __future__ import annotations

import math
import random
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk import ASSETS
from kiosk.usability.events import AppEvent, Fault, Kind, Outcome, RecordWriter
from kiosk.usability.session import Session
from kiosk.usability.study import Criterion, Study, Task, load_study, plan_for

WIDTH, HEIGHT = 1080, 1920

#: a tile: centre x, y and width, height in kiosk pixels (normal mode)
Box = tuple[int, int, int, int]

#: the home screen's tiles where the kiosk draws them (docs/screenshots/normal/01-home.png)
HOME_TILES: dict[str, Box] = {
    "ticket_menu": (529, 402, 980, 175), "catalogue": (529, 604, 980, 175), "rate": (280, 805, 480, 175),
    "checkin": (776, 805, 480, 175), "officer": (280, 995, 480, 175), "report": (776, 995, 480, 175),
    "opinion": (529, 1186, 980, 175), "voice": (707, 56, 115, 76), "elder": (841, 56, 120, 76),
    "english": (985, 56, 135, 76)}
BACK: Box = (110, 56, 180, 76)
PRIMARY: Box = (540, 1790, 960, 130)
#: places on a screen that take no tap (text, headings, the gaps between tiles)
STILL: tuple[tuple[int, int], ...] = ((529, 180), (529, 262), (300, 1330), (700, 1450), (540, 1660))


def slot(k: int) -> Box:
    """The k-th row of a list screen (search results, a bundle's items, choices)."""
    return 540, 330 + (k % 7) * 190, 960, 160


def pad_key(k: int) -> Box:
    """Key k (0–11) of the on-screen keypad (3 × 4, lower half of the screen)."""
    return 300 + (k % 3) * 240, 1020 + (k // 3) * 150, 220, 130


def target(screen: str, nxt: str) -> tuple[Box, str]:
    """Where a participant taps on ``screen`` to go to ``nxt``, and that control's objectName."""
    if screen == "home" and nxt in HOME_TILES:
        return HOME_TILES[nxt], f"tile_{nxt}"
    if nxt in ("identity", "slip", "done"):
        return PRIMARY, "primary"
    return slot(sum(map(ord, screen + nxt)) % 5), f"row_{nxt}"


def tiles(screen: str) -> list[Box]:
    """The controls drawn on a screen's synthetic screenshot."""
    if screen == "home":
        return list(HOME_TILES.values())
    boxes = [BACK, PRIMARY] + [slot(k) for k in range(4)]
    if screen in ("identity", "rate", "checkin"):
        boxes += [pad_key(k) for k in range(12)]
    return boxes


def elder_box(box: Box) -> Box:
    """长辈版 draws the same tiles larger and lower (a taller header, bigger type)."""
    x, y, w, h = box
    return x, min(HEIGHT - h // 2, int(96 + (y - 56) * 1.12)) if y > 100 else y, w, int(h * 1.2)


# --- the example study -------------------------------------------------------------------------

EXAMPLE = ASSETS / "studies" / "zhangpu-kiosk.yaml"


def example_study() -> Study:
    """The shipped example study: six everyday tasks, 标准版 and 长辈版, within-subject."""
    return load_study(EXAMPLE)


#: a way some participants take instead of the ideal path to a ticket (still reaching the goal)
ALTERNATE_TICKET = ("home", "catalogue", "item", "identity")
#: the wrong tile people pick from home for a kind of task (a look, then 返回)
WRONG: dict[Criterion, str] = {Criterion.TICKET: "catalogue", Criterion.SCREEN: "ticket_menu",
                               Criterion.RATING: "opinion", Criterion.CASE: "opinion",
                               Criterion.CHECKIN: "ticket_menu", Criterion.OFFICER: "report",
                               Criterion.OPINION: "report", Criterion.SELF_SERVICE: "ticket_menu"}
#: the kiosk event that proves each criterion, with its codes
PROOF: dict[Criterion, tuple[AppEvent, dict[str, str | int | bool]]] = {
    Criterion.TICKET: (AppEvent.TICKET_ISSUED, {"category": "enterprise", "promise": ""}),
    Criterion.RATING: (AppEvent.RATING_GIVEN, {}),
    Criterion.CASE: (AppEvent.CASE_FILED, {"category": "enterprise"}),
    Criterion.OPINION: (AppEvent.OPINION_LEFT, {"topic": "service", "anonymous": True}),
    Criterion.CHECKIN: (AppEvent.CHECKED_IN, {"arrival": "on_time"}),
    Criterion.OFFICER: (AppEvent.OFFICER_REQUESTED, {"group": "elder"}),
    Criterion.SELF_SERVICE: (AppEvent.SELF_SERVED, {}),
}


# --- PNG ---------------------------------------------------------------------------------------

def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width: int, height: int, pixel: Callable[[int, int], tuple[int, int, int]]) -> bytes:
    """An RGB PNG of ``pixel(x, y)`` (filter 0 on every row)."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _chunk(b"IEND", b""))


def screen_png(screen: str, elder: bool, scale: int = 10) -> bytes:
    """A small (1/``scale``) picture of a screen: the header bar and its tiles as outlines."""
    w, h = WIDTH // scale, HEIGHT // scale
    boxes = [elder_box(b) if elder else b for b in tiles(screen)]
    rects = [((x - bw // 2) // scale, (y - bh // 2) // scale, (x + bw // 2) // scale, (y + bh // 2) // scale)
             for x, y, bw, bh in boxes]
    header = (96 if elder else 110) // scale

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        if y < header:
            return 13, 71, 161
        for x0, y0, x1, y1 in rects:
            if x0 <= x <= x1 and y0 <= y <= y1:
                return (13, 71, 161) if x in (x0, x1) or y in (y0, y1) else (255, 255, 255)
        return 227, 232, 240

    return png(w, h, pixel)


# --- a simulated participant ----------------------------------------------------------------------

@dataclass
class _Clock:
    now: float = 0.0

    def __call__(self) -> float:
        return self.now


class _Participant:
    def __init__(self, session: Session, rng: random.Random, clock: _Clock, skill: float, screens: Path | None,
                 cache: dict[tuple[str, bool], bytes]):
        self.s, self.rng, self.clock, self.skill, self.screens, self.cache = session, rng, clock, skill, screens, cache
        self.elder = False

    def wait(self, median: float, spread: float = 0.45) -> None:
        self.clock.now += median * self.skill * math.exp(self.rng.gauss(0, spread))

    def box(self, box: Box) -> Box:
        return elder_box(box) if self.elder else box

    def tap(self, box: Box, widget: str, interactive: bool = True, enabled: bool = True, scatter: float = 0.18,
            moved: int | None = None) -> None:
        x, y, w, h = self.box(box)
        px = int(min(WIDTH - 1, max(0, self.rng.gauss(x, w * scatter / 2))))
        py = int(min(HEIGHT - 1, max(0, self.rng.gauss(y, h * scatter))))
        self.s.record(Kind.PRESS, x=px, y=py, widget=widget, interactive=interactive, enabled=enabled)
        self.clock.now += self.rng.uniform(0.06, 0.16)
        dist = moved if moved is not None else int(abs(self.rng.gauss(0, 3)))
        self.s.record(Kind.RELEASE, {"moved": dist}, x=px + (dist if dist > 20 else 0), y=py, widget=widget,
                      interactive=interactive, enabled=enabled)

    def show(self, screen: str, how: str = "go", **info: str) -> None:
        self.clock.now += self.rng.uniform(0.05, 0.2)
        self.s.record(Kind.SCREEN, {"how": how, **info}, screen=screen)
        if self.screens is not None:
            language = (self.s.condition.language if self.s.condition else "") or "zh_CN"
            path = self.screens / f"{screen}__{'elder' if self.elder else 'normal'}__{language}.png"
            if not path.exists():
                key = (screen, self.elder)
                if key not in self.cache:
                    self.cache[key] = screen_png(screen, self.elder)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(self.cache[key])

    def misclick(self) -> None:
        x, y = self.rng.choice(STILL)
        self.tap((x, y, 200, 60), "", interactive=False, scatter=0.6)

    def go(self, screen: str, nxt: str, info: dict[str, str]) -> None:
        """Look, perhaps slip, then tap the control that opens ``nxt``."""
        self.wait(2.4 if screen == "home" else 3.2)
        if self.rng.random() < 0.09:
            self.misclick()
            self.wait(1.0)
        if self.rng.random() < 0.04:  # a drag while finding the place
            box, name = target(screen, nxt)
            self.tap(box, name, moved=self.rng.randint(30, 120))
            self.wait(0.8)
        box, name = target(screen, nxt)
        if self.rng.random() < 0.05:  # the control is not ready yet: tapped again and again
            for _ in range(self.rng.randint(3, 5)):
                self.tap(box, name, enabled=False, scatter=0.03)
                self.clock.now += self.rng.uniform(0.08, 0.2)
        self.tap(box, name)
        self.show(nxt, **info)

    def detour(self, screen: str, wrong: str) -> None:
        box, name = target(screen, wrong)
        self.wait(2.0)
        self.tap(box, name)
        self.show(wrong)
        self.wait(3.5)
        self.tap(BACK, "back")
        self.s.record(Kind.BACK)
        self.show(screen, how="back")

    def keypad(self, digits: int) -> None:
        self.wait(1.5)
        for _ in range(digits):
            self.tap(pad_key(self.rng.randrange(12)), "pad_#", scatter=0.25)
            self.clock.now += self.rng.uniform(0.25, 0.9) * self.skill

    def work(self, task: Task, fail: bool) -> None:
        alternate = task.success.kind is Criterion.TICKET and task.ideal[-2:] == ("item", "identity")
        path = ALTERNATE_TICKET if alternate and self.rng.random() < 0.25 else task.ideal
        path = path or ("home", task.success.screen or "home")
        if self.rng.random() < (0.45 if fail else 0.18):
            self.detour("home", WRONG.get(task.success.kind, "catalogue"))
        for i, (here, nxt) in enumerate(zip(path, path[1:], strict=False)):
            info: dict[str, str] = {}
            if nxt == "item":
                info = {"bundle": task.success.bundle} if task.success.bundle else \
                    {"item": task.success.item or "QYKB-001"}
            if fail and i == len(path) - 2:
                self.detour(here, WRONG.get(task.success.kind, "catalogue"))
                return
            if nxt == "identity" or here in ("rate", "checkin"):
                self.keypad(4)
            self.go(here, nxt, info)
            if self.s.task is None:  # a screen criterion met: the task is over
                return
        here = path[-1]
        if here in ("identity", "rate", "checkin"):
            self.keypad(18 if here == "identity" else 6)
        elif here in ("report", "officer"):
            self.wait(3.0)
            self.tap(slot(self.rng.randrange(4)), "row_choice")
        self.wait(2.5)
        self.tap(PRIMARY, "primary")
        what, codes = PROOF.get(task.success.kind, (AppEvent.SLIP_PRINTED, {}))
        codes = dict(codes)
        for key in ("item", "bundle", "category", "group"):
            if getattr(task.success, key):
                codes[key] = getattr(task.success, key)
        if task.success.kind is Criterion.RATING:
            codes["level"] = task.success.level or self.rng.choice([1, 1, 2, 2, 3])
        self.s.record(Kind.APP, {"what": what.value, **codes})


def _answers(rng: random.Random, good: float) -> list[int]:
    """SUS answers leaning positive by ``good`` (0–1): odd items agree, even items disagree."""
    out = []
    for i in range(10):
        lean = 1 + 4 * min(1.0, max(0.0, rng.gauss(good, 0.18)))
        r = int(round(lean))
        out.append(r if i % 2 == 0 else 6 - r)
    return out


def write_study_dir(root: Path, participants: int = 12, seed: int = 1, cut_short: int = 0,
                    screenshots: bool = True, study: Study | None = None) -> tuple[Path, Study]:
    """A study directory under ``root`` (``root/<study id>``) with ``participants`` records
    (P01 …); the last ``cut_short`` sessions stop in the middle of a task. Returns (dir, study)."""
    study = study or example_study()
    rng = random.Random(seed)
    study_dir = Path(root) / study.id
    if study.source is not None:  # the study as run, beside its records (the report reads it)
        study_dir.mkdir(parents=True, exist_ok=True)
        (study_dir / "study.yaml").write_bytes(Path(study.source).read_bytes())
    cache: dict[tuple[str, bool], bytes] = {}
    for n in range(1, participants + 1):
        code = f"P{n:02d}"
        folder = study_dir / "participants" / code
        clock = _Clock(rng.uniform(0, 5))
        plan = plan_for(study, code)
        writer = RecordWriter(folder / "events.jsonl", {"study": study.id, "participant": code,
                                                        "started": f"2026-12-01T{9 + n // 4:02d}:{n % 4 * 15:02d}:00"})
        session = Session(study, plan, writer, clock)
        who = _Participant(session, rng, clock, skill=math.exp(rng.gauss(0, 0.25)),
                           screens=folder / "screens" if screenshots else None, cache=cache)
        session.begin(synthetic=True)
        cut_at = len(plan.steps) // 2 if n > participants - cut_short else -1
        for step, (condition, task) in enumerate(plan.steps):
            if session.condition_changes:
                session.enter_condition()
                who.elder = condition.elder
                clock.now += rng.uniform(20, 40)  # the facilitator sets the kiosk up for the condition
            who.show("home", how="home")
            clock.now += rng.uniform(8, 20)  # the facilitator reads the task
            session.start_task()
            fault = task.success.kind is Criterion.TICKET and n % 4 == 2
            if fault:
                session.fault_on(Fault.PRINTER)
            if step == cut_at:
                who.go("home", task.ideal[1] if len(task.ideal) > 1 else "catalogue", {})
                writer.close()  # the kiosk was closed mid-task: no end in the record
                break
            p_fail = 0.08 + (0.06 if condition.elder else 0.0) + (0.1 if task.success.kind is Criterion.CASE else 0.0)
            fail = rng.random() < p_fail
            who.work(task, fail)
            if session.task is not None:
                if fail and rng.random() < 0.4:
                    clock.now += max(0.0, task.limit - session.elapsed()) + 0.5
                    session.tick()
                else:
                    clock.now += rng.uniform(3, 10)
                    session.end_task(Outcome.FAIL if fail else Outcome.SKIP if rng.random() < 0.5 else Outcome.FAIL)
            if fault:
                session.record(Kind.APP, {"what": AppEvent.SLIP_PRINTED.value, "printed": False})
                session.fault_off(Fault.PRINTER)
            run = session.outcomes.get(task.id)
            clock.now += rng.uniform(4, 9)
            if task.seq and run is not Outcome.SKIP:
                seq = 6 if run is Outcome.SUCCESS else 3
                session.answer("SEQ", 1, max(1, min(7, seq + rng.choice([-1, 0, 0, 1]))), task.id)
            nxt = session.next_step
            if nxt is None or nxt[0].id != condition.id:
                good = 0.72 - (0.08 if condition.elder else 0.0) + rng.gauss(0, 0.08)
                for i, value in enumerate(_answers(rng, good), start=1):
                    clock.now += rng.uniform(2, 6)
                    session.answer("SUS", i, value)
                if study.umux_lite:
                    for i in (1, 2):
                        clock.now += rng.uniform(2, 5)
                        session.answer("UMUX_LITE", i, max(1, min(7, int(round(1 + 6 * good + rng.gauss(0, 0.6))))))
        else:
            session.finish()
    return study_dir, study
