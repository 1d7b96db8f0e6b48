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

#: the controls of each screen where the kiosk draws them, (normal, 长辈版), measured on
#: docs/screenshots/{normal,elder}/*.png: the control that leads to the next screen (by its code),
#: the choice a form asks for, and the button that finishes it ("done")
LAYOUT: dict[str, tuple[dict[str, Box], dict[str, Box]]] = {
    "home": ({"ticket_menu": (529, 402, 980, 175), "catalogue": (529, 604, 980, 175),
              "rate": (280, 805, 480, 175), "checkin": (776, 805, 480, 175), "officer": (280, 995, 480, 175),
              "report": (776, 995, 480, 175), "opinion": (529, 1186, 980, 175)},
             {"ticket_menu": (526, 474, 970, 215), "catalogue": (526, 714, 970, 215),
              "rate": (280, 994, 480, 280), "checkin": (772, 994, 480, 280), "officer": (280, 1294, 480, 280),
              "report": (772, 1294, 480, 280), "opinion": (526, 1560, 970, 210)}),
    "ticket_menu": ({"item": (282, 594, 490, 75), "catalogue": (540, 320, 1000, 170)},
                    {"item": (282, 710, 490, 90), "catalogue": (540, 380, 1000, 200)}),
    "catalogue": ({"item": (540, 440, 900, 130), "search": (540, 175, 960, 80)},
                  {"item": (540, 498, 900, 150), "search": (540, 200, 960, 90)}),
    "item": ({"identity": (789, 1849, 500, 100)}, {"identity": (789, 1840, 500, 110)}),
    "identity": ({"choice": (291, 386, 480, 130), "done": (540, 1849, 960, 100)},
                 {"choice": (291, 457, 480, 150), "done": (540, 1840, 960, 110)}),
    "rate": ({"choice": (540, 370, 960, 70), "done": (540, 1856, 960, 100)},
             {"choice": (540, 436, 960, 85), "done": (540, 1844, 960, 110)}),
    "checkin": ({"done": (540, 1853, 960, 100)}, {"done": (540, 1844, 960, 110)}),
    "report": ({"choice": (270, 631, 480, 95), "done": (540, 1853, 960, 100)},
               {"choice": (270, 893, 480, 120), "done": (540, 1844, 960, 110)}),
    "officer": ({"choice": (789, 540, 480, 120), "done": (249, 1853, 480, 100)},
                {"choice": (789, 640, 480, 140), "done": (249, 1844, 480, 110)}),
    "opinion": ({"choice": (199, 532, 190, 70), "done": (540, 1853, 960, 100)},
                {"choice": (208, 644, 190, 85), "done": (540, 1844, 960, 110)}),
}
#: 返回 in the header, (normal, 长辈版)
BACK: tuple[Box, Box] = ((83, 54, 120, 70), (83, 66, 120, 90))
#: the keys people type on: (columns' x, rows' y, key width, key height), (normal, 长辈版)
KEYS: dict[str, tuple[tuple[tuple[int, ...], tuple[int, ...], int, int], ...]] = {
    "identity": (((706, 856, 1010), (835, 935, 1030, 1130), 130, 80),
                 ((706, 843, 980), (939, 1043, 1147, 1250), 120, 90)),
    "checkin": ((tuple(75 + 102 * i for i in range(10)), (777,), 90, 80),
                (tuple(75 + 102 * i for i in range(10)), (989,), 90, 85)),
    "catalogue": ((tuple(75 + 102 * i for i in range(10)), (1554, 1653), 90, 80),
                  (tuple(75 + 102 * i for i in range(10)), (1545, 1645), 90, 85)),
}
#: places that take no tap (headings, text, the gaps between controls)
STILL: tuple[tuple[int, int], ...] = ((529, 180), (529, 262), (300, 1330), (700, 1450), (540, 1660), (540, 300))


def slot(k: int) -> Box:
    """The k-th row of a list on a screen this module has not measured."""
    return 540, 330 + (k % 7) * 190, 960, 160


def target(screen: str, nxt: str, elder: bool = False) -> tuple[Box, str]:
    """Where a participant taps on ``screen`` to go to ``nxt`` (or ``choice``/``done``), and
    that control's objectName."""
    boxes = LAYOUT.get(screen, ({}, {}))[1 if elder else 0]
    if nxt in boxes:
        return boxes[nxt], ("primary" if nxt == "done" else f"{screen}_{nxt}")
    if nxt in ("done", "identity"):
        return (540, 1849, 960, 100), "primary"
    return slot(sum(map(ord, screen + nxt)) % 5), f"{screen}_{nxt}"


def key(screen: str, elder: bool, rng: random.Random) -> Box:
    """A key of the screen's keypad or keyboard, at random."""
    xs, ys, w, h = KEYS.get(screen, KEYS["identity"])[1 if elder else 0]
    return rng.choice(xs), rng.choice(ys), w, h


def tiles(screen: str, elder: bool) -> list[Box]:
    """The controls drawn on a screen's synthetic picture."""
    boxes = list(LAYOUT.get(screen, ({}, {}))[1 if elder else 0].values())
    if screen != "home":
        boxes.append(BACK[1 if elder else 0])
    if screen not in LAYOUT:
        boxes += [slot(k) for k in range(4)] + [(540, 1849, 960, 100)]
    if screen in KEYS:
        xs, ys, w, h = KEYS[screen][1 if elder else 0]
        boxes += [(x, y, w, h) for x in xs for y in ys]
    return boxes


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
    boxes = tiles(screen, elder)
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


#: the kiosk's own screenshots in docs/screenshots/<mode>/ that stand for each screen (sizes as real)
DOC_SHOTS = {"home": "01-home", "ticket_menu": "02-ticket-menu", "catalogue": "03-catalogue-browse",
             "item": "07-item-guidance", "identity": "08-identity", "slip": "11-slip", "rate": "16-rate-levels",
             "officer": "20-officer", "checkin": "24-checkin-early", "report": "30-report", "opinion": "35-opinion"}


def doc_shot(folder: Path, screen: str, elder: bool, language: str) -> bytes | None:
    """The docs' screenshot of ``screen`` (``folder`` is docs/screenshots), or None."""
    mode = ("en-elder" if elder else "en") if language == "en_US" else ("elder" if elder else "normal")
    path = folder / mode / f"{DOC_SHOTS.get(screen, '-')}.png"
    return path.read_bytes() if path.is_file() else None


# --- a simulated participant ----------------------------------------------------------------------

@dataclass
class _Clock:
    now: float = 0.0

    def __call__(self) -> float:
        return self.now


class _Participant:
    def __init__(self, session: Session, rng: random.Random, clock: _Clock, skill: float, screens: Path | None,
                 cache: dict[tuple[str, bool], bytes], real: Path | None):
        self.s, self.rng, self.clock, self.skill, self.screens, self.cache = session, rng, clock, skill, screens, cache
        self.real = real
        self.elder = False

    def wait(self, median: float, spread: float = 0.45) -> None:
        self.clock.now += median * self.skill * math.exp(self.rng.gauss(0, spread))

    def tap(self, box: Box, widget: str, interactive: bool = True, enabled: bool = True, scatter: float = 0.18,
            moved: int | None = None) -> None:
        x, y, w, h = box
        px = int(min(WIDTH - 1, max(0, self.rng.gauss(x, w * scatter / 2))))
        py = int(min(HEIGHT - 1, max(0, self.rng.gauss(y, h * scatter))))
        self.s.record(Kind.PRESS, x=px, y=py, widget=widget, interactive=interactive, enabled=enabled)
        self.clock.now += self.rng.uniform(0.06, 0.16)
        dist = moved if moved is not None else int(abs(self.rng.gauss(0, 3)))
        self.s.record(Kind.RELEASE, {"moved": dist}, x=px + (dist if dist > 20 else 0), y=py, widget=widget,
                      interactive=interactive, enabled=enabled)
        if interactive and enabled and widget:
            self.s.record(Kind.FOCUS, widget=widget)

    def show(self, screen: str, how: str = "go", **info: str) -> None:
        self.clock.now += self.rng.uniform(0.05, 0.2)
        self.s.record(Kind.SCREEN, {"how": how, **info}, screen=screen)
        if self.elder:  # 长辈版 reads each screen aloud
            self.s.record(Kind.VOICE, {"chars": self.rng.randint(20, 90), "language": "zh_CN"})
        if self.screens is not None:
            language = (self.s.condition.language if self.s.condition else "") or "zh_CN"
            path = self.screens / f"{screen}__{'elder' if self.elder else 'normal'}__{language}.png"
            if not path.exists():
                key = (screen, self.elder)
                if key not in self.cache:
                    real = doc_shot(self.real, screen, self.elder, language) if self.real is not None else None
                    self.cache[key] = real or screen_png(screen, self.elder)
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
            box, name = target(screen, nxt, self.elder)
            self.tap(box, name, moved=self.rng.randint(30, 120))
            self.wait(0.8)
        box, name = target(screen, nxt, self.elder)
        if self.rng.random() < 0.05:  # the control is not ready yet: tapped again and again
            for _ in range(self.rng.randint(3, 5)):
                self.tap(box, name, enabled=False, scatter=0.03)
                self.clock.now += self.rng.uniform(0.08, 0.2)
        self.tap(box, name)
        self.show(nxt, **info)

    def detour(self, screen: str, wrong: str) -> None:
        box, name = target(screen, wrong, self.elder)
        self.wait(2.0)
        self.tap(box, name)
        self.show(wrong)
        self.wait(3.5)
        self.tap(BACK[1 if self.elder else 0], "back")
        self.s.record(Kind.BACK)
        self.show(screen, how="back")

    def keypad(self, screen: str, digits: int) -> None:
        self.wait(1.5)
        for _ in range(digits):
            self.tap(key(screen, self.elder, self.rng), "pad_#" if screen == "identity" else "key_#", scatter=0.25)
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
            if here == "catalogue" and self.rng.random() < 0.5:  # a few letters in the search box first
                self.tap(target(here, "search", self.elder)[0], "catalogue_search")
                self.keypad(here, self.rng.randint(2, 5))
            self.go(here, nxt, info)
            if self.s.task is None:  # a screen criterion met: the task is over
                return
        here = path[-1]
        if here in ("identity", "checkin"):
            if here == "identity" and self.rng.random() < 0.6:  # the card on the reader (a persona card)
                self.wait(2.0)
                self.tap(target(here, "choice", self.elder)[0], "identity_card")
            else:
                self.keypad(here, 18 if here == "identity" else 6)
        level = self.rng.choice([1, 1, 1, 2, 2, 3, 4])
        if here in LAYOUT and "choice" in LAYOUT[here][0]:
            self.wait(3.0)
            (x, y, w, h), name = target(here, "choice", self.elder)
            if here == "rate":  # the five levels, 非常满意 first
                y += (level - 1) * (110 if self.elder else 87)
            self.tap((x, y, w, h), name)
        self.wait(2.5)
        box, name = target(here, "done", self.elder)
        self.tap(box, name)
        what, codes = PROOF.get(task.success.kind, (AppEvent.SLIP_PRINTED, {}))
        codes = dict(codes)
        for key in ("item", "bundle", "category", "group"):
            if getattr(task.success, key):
                codes[key] = getattr(task.success, key)
        if task.success.kind is Criterion.RATING:
            codes["level"] = task.success.level or level
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
                    screenshots: bool = True, study: Study | None = None,
                    real_screens: Path | None = None) -> tuple[Path, Study]:
    """A study directory under ``root`` (``root/<study id>``) with ``participants`` records
    (P01 …); the last ``cut_short`` sessions stop in the middle of a task. Each participant's
    screens are small drawings, or with ``real_screens`` (docs/screenshots) the kiosk's own
    screenshots where there is one. Returns (dir, study)."""
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
                           screens=folder / "screens" if screenshots else None, cache=cache, real=real_screens)
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
