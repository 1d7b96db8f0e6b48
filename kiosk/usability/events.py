"""The study record: one stream of typed events per participant, as JSON Lines.

A participant's record is ``<study dir>/participants/<code>/events.jsonl``: a header line
(``{"record": RECORD_VERSION, "study": ..., "participant": ..., "started": ISO time}``) and then one
:class:`Event` per line. Times are seconds since the session started (a monotonic clock), so a
record holds no wall-clock time of anyone's actions beyond the session's start. Positions are in
the kiosk window's own (logical, reference-geometry) pixels.

No typed personal data is ever in it: the recorder masks keypad and keyboard digits and letters
(``pad_#``, ``key_#``), and free text is never recorded — only that a field was typed in.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

RECORD_VERSION = 1

#: a value in an event's ``info``: plain JSON scalars only (codes, counts, flags)
Scalar = str | int | float | bool | None


class Kind(StrEnum):
    """What happened. Session structure first, then the participant's input, then the kiosk."""

    SESSION_START = "session_start"  # info: design, row (the participant's Latin-square row)
    SESSION_END = "session_end"  # info: reason ("done", "next", "closed")
    CONDITION = "condition"  # a condition block begins: condition = its id
    TASK_START = "task_start"  # task = its id; info: limit (s), order (1-based)
    TASK_END = "task_end"  # info: outcome (Outcome), by ("app", "facilitator", "clock")
    NOTE = "note"  # the facilitator's note: info: text (the facilitator's words, no participant data)
    FAULT_ON = "fault_on"  # info: fault (Fault), and its parameter (item, category, seconds)
    FAULT_OFF = "fault_off"  # info: fault
    ANSWER = "answer"  # a questionnaire answer: info: instrument (SEQ/SUS/UMUX_LITE), item (1-based), value
    PRESS = "press"  # a touch or mouse press: x, y, widget, interactive, enabled
    RELEASE = "release"  # its release: x, y, widget, interactive, enabled, moved (px from the press)
    KEY = "key"  # a key typed on a physical keyboard: info: key (masked: "#" for any character typed)
    SCREEN = "screen"  # a screen opened: screen = Screen code; info: how ("go", "back", "home", "replace")
    BACK = "back"  # 返回 (the header's, or Escape)
    HOME = "home"  # 首页
    IDLE_WARNING = "idle_warning"  # the idle countdown began
    IDLE_RESET = "idle_reset"  # the idle timeout ended the visit
    VALIDATION = "validation"  # a screen showed an error: widget = the error's objectName
    VOICE = "voice"  # the kiosk spoke: info: chars, language (never the words: they may hold a typed number)
    FOCUS = "focus"  # the keyboard focus moved: widget
    APP = "app"  # the kiosk did something a task can ask for: info: what (AppEvent) and its codes


class Outcome(StrEnum):
    SUCCESS = "success"
    FAIL = "fail"
    SKIP = "skip"
    TIMEOUT = "timeout"  # the task's time limit passed: counted as a failure


class AppEvent(StrEnum):
    """What the kiosk reports it did (``Kind.APP``'s ``info["what"]``), with codes only."""

    TICKET_ISSUED = "ticket_issued"  # item, bundle, category, green, promise ("", "case", "officer", "checkin", "rongque")
    RATING_GIVEN = "rating_given"  # level (1–5, 1 = 非常满意)
    CASE_FILED = "case_filed"  # 办不成事: category
    OPINION_LEFT = "opinion_left"  # topic, anonymous
    CHECKED_IN = "checked_in"  # arrival (on_time, early, late)
    OFFICER_REQUESTED = "officer_requested"  # group
    HOME_VISIT_BOOKED = "home_visit_booked"  # group
    SELF_SERVED = "self_served"  # item
    SLIP_PRINTED = "slip_printed"  # printed (bool): False when the printer failed
    MODE_CHANGED = "mode_changed"  # elder (bool), language, voice (bool): the participant used a toggle


class Fault(StrEnum):
    """What a facilitator can break on purpose (kiosk/ui/study and the kiosk's error paths)."""

    PRINTER = "printer"  # out of paper: no slip or result is printed
    CARD_READER = "card_reader"  # the ID-card reader fails to read
    QUOTA = "quota"  # an item's tickets for today are used up: info item
    PAUSED = "paused"  # every window of a category is paused: info category
    SLOW_STORE = "slow_store"  # every write to the hall's store takes seconds: info seconds
    VOICE = "voice"  # the voice engine is gone


@dataclass(frozen=True)
class Event:
    t: float  # seconds since the session started
    kind: Kind
    task: str = ""  # the task running ("" between tasks)
    condition: str = ""  # the condition in force
    screen: str = ""  # the kiosk screen shown (a Screen code)
    x: int | None = None
    y: int | None = None
    widget: str = ""  # objectName of the widget (masked for keys that would spell typed data)
    interactive: bool | None = None  # PRESS/RELEASE: on something that takes a tap
    enabled: bool | None = None  # PRESS/RELEASE: …and was it enabled
    info: Mapping[str, Scalar] = field(default_factory=dict)

    def to_json(self) -> str:
        d: dict[str, Any] = {"t": round(self.t, 4), "kind": self.kind.value}
        for key, value in asdict(self).items():
            if key in ("t", "kind") or value in ("", None) or (key == "info" and not value):
                continue
            d[key] = dict(value) if key == "info" else value
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str) -> Event:
        d = json.loads(line)
        return cls(t=float(d["t"]), kind=Kind(d["kind"]), task=d.get("task", ""), condition=d.get("condition", ""),
                   screen=d.get("screen", ""), x=d.get("x"), y=d.get("y"), widget=d.get("widget", ""),
                   interactive=d.get("interactive"), enabled=d.get("enabled"), info=d.get("info", {}))

    @property
    def is_tap_release(self) -> bool:
        return self.kind is Kind.RELEASE


class RecordError(Exception):
    """A record that cannot be written (a full or unwritable disk) or read (a broken line): says which."""


class RecordWriter:
    """Appends events to a participant's record, one line each, flushed as written (a crash loses
    nothing already recorded). Created 0600 in a 0700 folder, as every file the kiosk writes."""

    def __init__(self, path: Path, header: Mapping[str, Scalar]):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fresh = not self.path.exists()
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            self._file: IO[str] | None = os.fdopen(fd, "a", encoding="utf-8", buffering=1)
            if fresh:
                self._file.write(json.dumps({"record": RECORD_VERSION, **header}, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise RecordError(f"cannot write the study record {self.path}: {exc.strerror or exc}") from exc

    def write(self, event: Event) -> None:
        if self._file is None:
            return
        try:
            self._file.write(event.to_json() + "\n")
        except OSError as exc:
            raise RecordError(f"cannot write the study record {self.path}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


@dataclass(frozen=True)
class Record:
    """A participant's record read back: its header and its events in order."""

    header: Mapping[str, Any]
    events: tuple[Event, ...]

    @property
    def participant(self) -> str:
        return str(self.header.get("participant", ""))


def read_record(path: Path) -> Record:
    """Read a record; a line that is not a valid event raises RecordError naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RecordError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not lines:
        raise RecordError(f"{path}:1: empty record")
    try:
        header = json.loads(lines[0])
    except json.JSONDecodeError as exc:
        raise RecordError(f"{path}:1: header: not JSON ({exc.msg})") from exc
    if not isinstance(header, dict) or header.get("record") != RECORD_VERSION:
        raise RecordError(f"{path}:1: header: not a study record of version {RECORD_VERSION}")
    return Record(header, tuple(_events(path, lines[1:])))


def _events(path: Path, lines: Iterable[str]) -> Iterator[Event]:
    for n, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        try:
            yield Event.from_json(line)
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as exc:
            raise RecordError(f"{path}:{n}: event: {exc}") from exc
