"""A usability study: its tasks, questionnaires and conditions, and each participant's plan.

The file format (``assets/studies/*.yaml``) and its validation are :func:`load_study`; the model
here is what a session runs and the report reads. Counterbalancing is a Latin square: a balanced
(Williams) square for the task order, so each task follows each other task equally often over
every ``len(tasks)`` participants (over ``2 × len(tasks)`` when that is odd), and a cyclic square
for the order of the conditions (within-subject) or the condition itself (between-subject);
see :func:`plan_for`.
A participant's row is fixed by the number in their code (P07 → the 7th participant → row 6), so
the plan never depends on who came first on the day, and a rerun gives the same plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.domain.catalogue import BUNDLE_CODE, ITEM_CODE, Catalogue, Item, _bool, _one_of, _text, load_catalogue
from kiosk.domain.hall import CATEGORY_CODES, Hall
from kiosk.domain.officers import Group
from kiosk.domain.yamlfile import LineDict, LineList, Problem, ValidationError, load


class Design(StrEnum):
    WITHIN = "within"  # every participant works under every condition, in counterbalanced order
    BETWEEN = "between"  # each participant under one condition


class Criterion(StrEnum):
    """What the kiosk itself must report for a task to succeed (see events.AppEvent)."""

    SCREEN = "screen"  # a screen reached: screen (a Screen code), optional item (the item shown)
    TICKET = "ticket"  # a ticket issued: optional item, bundle, category
    RATING = "rating"  # a 好差评 rating given: optional level
    CASE = "case"  # a 办不成事 case filed
    OPINION = "opinion"  # an opinion left in the 意见箱
    CHECKIN = "checkin"  # an appointment checked in
    OFFICER = "officer"  # a 服务专员 asked for: optional group
    SELF_SERVICE = "self_service"  # a 零材料 self-service done: optional item


@dataclass(frozen=True)
class Success:
    kind: Criterion
    screen: str = ""
    item: str = ""
    bundle: str = ""
    category: str = ""
    group: str = ""
    level: int | None = None


class SetupKind(StrEnum):
    """What the study puts in the participant's hall before a task, so the task can be done:
    a service just finished (to rate), an appointment booked for now (to check in)."""

    SERVED = "served"  # a ticket for ``item`` issued, called and finished at ``window``: {ticket} in the text
    APPOINTMENT = "appointment"  # an appointment for ``item`` now: {code} in the text


@dataclass(frozen=True)
class Setup:
    kind: SetupKind
    item: str
    window: int = 1


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    title_en: str
    instructions: str  # what the participant is asked, 中文 (may hold {ticket} / {code} from the setup)
    instructions_en: str
    success: Success
    limit: float  # seconds
    setup: tuple[Setup, ...] = ()
    ideal: tuple[str, ...] = ()  # the shortest path, as Screen codes from home: where people leave it is reported
    seq: bool = True  # the post-task SEQ

    def text(self, english: bool) -> str:
        return self.instructions_en if english else self.instructions


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    name_en: str
    elder: bool = False
    language: str = ""  # "" = the hall's
    voice: bool | None = None  # None = as the mode has it (on in 长辈版)
    catalogue: Path | None = None  # a catalogue variant (a folder), None = the shipped one


@dataclass(frozen=True)
class Study:
    id: str
    title: str
    title_en: str
    tasks: tuple[Task, ...]
    conditions: tuple[Condition, ...]
    design: Design = Design.WITHIN
    sus: bool = True  # after each condition block (within) or the session (between)
    umux_lite: bool = False
    source: Path | None = None

    def task(self, task_id: str) -> Task:
        return next(t for t in self.tasks if t.id == task_id)

    def condition(self, condition_id: str) -> Condition:
        return next(c for c in self.conditions if c.id == condition_id)


@dataclass(frozen=True)
class Block:
    """Tasks worked under one condition, followed by the post-block questionnaires."""

    condition: Condition
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Plan:
    participant: str
    row: int  # the Latin-square row (0-based)
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def steps(self) -> list[tuple[Condition, Task]]:
        return [(b.condition, t) for b in self.blocks for t in b.tasks]


_CODE = re.compile(r"^[A-Za-z]{1,4}(\d{1,4})$")


def participant_number(code: str) -> int:
    """P07 → 7. A participant is a code (letters and a number), never a name."""
    m = _CODE.match(code)
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"participant code {code!r}: letters and a number from 1, such as P07")
    return int(m.group(1))


def williams_row(n: int, row: int) -> list[int]:
    """Row ``row`` of a balanced Latin square of order ``n`` (Williams 1949): 0, 1, n−1, 2, n−2 …
    shifted by the row. For odd ``n`` rows n … 2n−1 are the mirror images of rows 0 … n−1."""
    if n <= 0:
        return []
    first = [0]
    lo, hi = 1, n - 1
    take_lo = True
    while len(first) < n:
        first.append(lo if take_lo else hi)
        lo, hi = (lo + 1, hi) if take_lo else (lo, hi - 1)
        take_lo = not take_lo
    r = row % (n if n % 2 == 0 else 2 * n)
    seq = [(x + r) % n for x in first]
    return seq[::-1] if r >= n else seq


def cyclic_row(n: int, row: int) -> list[int]:
    """Row ``row`` of a cyclic Latin square of order ``n``: row, row+1, … (mod n)."""
    return [(row + i) % n for i in range(n)]


def plan_for(study: Study, participant: str) -> Plan:
    """The participant's plan: which condition(s), in what order, and the tasks in each.

    With k conditions, participants come in runs of k that share one task order (Williams row
    ``row // k``) and take the conditions in the k cyclic orders (row ``row % k``). Within-subject,
    the task order is cut into k consecutive blocks, one per condition: within each run every task
    is met under every condition exactly once, and P01/P02 of a two-condition study swap A and B.
    Between-subject: each participant works every task under the one condition of their row."""
    row = participant_number(participant) - 1
    k = max(1, len(study.conditions))
    order = [study.tasks[i] for i in williams_row(len(study.tasks), row // k)]
    conds = [study.conditions[i] for i in cyclic_row(k, row % k)]
    if study.design is Design.BETWEEN or k == 1:
        return Plan(participant, row, (Block(conds[0], tuple(order)),))
    size, extra = divmod(len(order), k)
    blocks, start = [], 0
    for i, cond in enumerate(conds):
        end = start + size + (1 if i < extra else 0)
        blocks.append(Block(cond, tuple(order[start:end])))
        start = end
    return Plan(participant, row, tuple(blocks))


# --- the study file ------------------------------------------------------------------------------

#: The kiosk's screens by code (``kiosk.ui.shared.navigator.Screen``'s values; a test keeps the two
#: equal): what a ``screen`` criterion and an ideal path name, without importing Qt.
SCREENS = frozenset({
    "home", "ticket_menu", "catalogue", "item", "identity", "slip", "rate", "officer", "home_visit", "checkin",
    "report", "opinion", "rongque", "rongque_applicant", "rongque_letter", "self_service", "self_confirm",
    "self_result"})
LANGUAGES = ("zh_CN", "en_US")
MAX_LIMIT = 1800.0  # seconds: a task longer than half an hour is not a kiosk task
PLACEHOLDERS = {"ticket": SetupKind.SERVED, "code": SetupKind.APPOINTMENT}  # {ticket}, {code} in instructions

#: the fields of ``success`` each criterion can narrow down (``kind`` aside)
CRITERION_FIELDS: dict[Criterion, tuple[str, ...]] = {
    Criterion.SCREEN: ("screen", "item", "bundle"), Criterion.TICKET: ("item", "bundle", "category"),
    Criterion.RATING: ("level",), Criterion.CASE: ("category",), Criterion.OPINION: (),
    Criterion.CHECKIN: (), Criterion.OFFICER: ("group",), Criterion.SELF_SERVICE: ("item",)}
#: a criterion that can only be met when the study put something in the hall first
NEEDS_SETUP = {Criterion.RATING: SetupKind.SERVED, Criterion.CHECKIN: SetupKind.APPOINTMENT}

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_LIMIT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|秒|min|mins|minutes?|分钟|分)\s*")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")

_Check = Callable[[Any], "str | None"]
_Spec = dict[str, tuple[bool, _Check, Any]]


def parse_limit(value: Any) -> float | None:
    """A task's time limit in seconds: a number of seconds, or "90 s", "3 min" (also 秒 / 分钟);
    None unless it is more than 0 and at most :data:`MAX_LIMIT`."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str) and (m := _LIMIT.fullmatch(value)):
        seconds = float(m.group(1)) * (1 if m.group(2)[0] in "s秒" else 60)
    else:
        return None
    return seconds if 0 < seconds <= MAX_LIMIT else None


def _limit(v: Any) -> str | None:
    if parse_limit(v) is None:
        return f'must be seconds (more than 0, at most {MAX_LIMIT:.0f}) such as 120, or "90 s", "3 min"'
    return None


def _slug(v: Any) -> str | None:
    return None if isinstance(v, str) and _SLUG.fullmatch(v) else "must be a short code: a-z, 0-9, _ and -"


def _any(v: Any) -> str | None:
    return None


def _level(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5
    return None if ok else "must be a whole number from 1 (非常满意) to 5 (非常不满意)"


def _window(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and v > 0
    return None if ok else "must be a window number (a whole number > 0)"


_TOP: _Spec = {
    "id": (True, _slug, None), "title": (True, _text, None), "title_en": (True, _text, None),
    "design": (False, _one_of(Design), Design.WITHIN.value), "sus": (False, _bool, True),
    "umux_lite": (False, _bool, False), "conditions": (True, _any, None), "tasks": (True, _any, None)}
_CONDITION: _Spec = {
    "id": (True, _slug, None), "name": (True, _text, None), "name_en": (True, _text, None),
    "elder": (False, _bool, False), "language": (False, _one_of(LANGUAGES), ""), "voice": (False, _bool, None),
    "catalogue": (False, _text, None)}
_TASK: _Spec = {
    "id": (True, _slug, None), "title": (True, _text, None), "title_en": (True, _text, None),
    "instructions": (True, _text, None), "instructions_en": (True, _text, None), "success": (True, _any, None),
    "limit": (True, _limit, None), "setup": (False, _any, None), "ideal": (False, _any, None),
    "seq": (False, _bool, True)}
_SUCCESS: _Spec = {
    "kind": (True, _one_of(Criterion), None), "screen": (False, _one_of(sorted(SCREENS)), ""),
    "item": (False, _text, ""), "bundle": (False, _text, ""), "category": (False, _text, ""),
    "group": (False, _text, ""), "level": (False, _level, None)}


class _Problems:
    """Every problem found, as ``file:line: field: message``."""

    def __init__(self, file: str, problems: Iterable[Problem] = ()):
        self.file = file
        self.problems = list(problems)

    def add(self, line: int, fld: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, fld, message))

    def fields(self, data: Any, where: str, line: int, spec: _Spec) -> dict[str, Any] | None:
        """Check one mapping against ``spec`` (required, check, default): the values (defaults for
        absent ones), or None when it is no mapping. Keys not in ``spec`` are problems."""
        prefix = f"{where}." if where else ""
        if not isinstance(data, LineDict):
            self.add(line, where or "(file)", "must be a mapping of fields (name: value)")
            return None
        out: dict[str, Any] = {}
        for name, (required, check, default) in spec.items():
            value = data.get(name)
            if value is None:
                if required:
                    self.add(data.line_of(name), prefix + name, "is missing" if name not in data else "is empty")
                out[name] = default
                continue
            message = check(value)
            if message:
                self.add(data.line_of(name), prefix + name, message)
            out[name] = default if message else value
        for name in data:
            if name not in spec:
                self.add(data.line_of(name), f"{prefix}{name}",
                         "unknown field (" + ", ".join(spec) + ")")
        return out


def check_study(path: Path, catalogue: Catalogue | None = None, hall: Hall | None = None) -> list[Problem]:
    """Every problem of the study file at ``path`` (none: it is valid), sorted by line.

    With ``catalogue``, task item and bundle codes must be in it, and a condition's catalogue
    variant (a folder) is loaded and must be valid and hold them too; with ``hall``, categories,
    windows and 服务专员 groups must be the hall's."""
    return sorted(_check(Path(path), catalogue, hall)[1])


def load_study(path: Path, catalogue: Catalogue | None = None, hall: Hall | None = None) -> Study:
    """The study in the file at ``path``; raises ValidationError with every problem (see check_study)."""
    study, problems = _check(Path(path), catalogue, hall)
    if problems or study is None:
        raise ValidationError(problems)
    return study


def _check(path: Path, catalogue: Catalogue | None, hall: Hall | None) -> tuple[Study | None, list[Problem]]:
    data, loaded = load(path)
    rep = _Problems(str(path), loaded)
    if not isinstance(data, LineDict):
        if data is None and not loaded:
            rep.add(1, "(file)", "the file is empty: a study needs id, title, title_en, conditions and tasks")
        elif data is not None:
            rep.add(getattr(data, "line", 1) or 1, "(file)",
                    "must be a mapping with id, title, title_en, conditions and tasks")
        return None, rep.problems
    head = rep.fields(data, "", data.line, _TOP)
    assert head is not None
    conditions = _conditions(data, path.parent, rep, catalogue is not None)
    tasks = _tasks(data, rep, catalogue, hall, conditions)
    design = Design(head["design"])
    listed = len(data["tasks"]) if isinstance(data.get("tasks"), LineList) else 0
    if design is Design.WITHIN and 0 < listed < len(conditions):
        rep.add(data.line_of("tasks"), "tasks",
                f"a within-subject study with {len(conditions)} conditions needs at least {len(conditions)} tasks "
                f"(one block of tasks per condition), not {listed}")
    if rep.problems or not conditions or not tasks:
        return None, rep.problems
    study = Study(head["id"], head["title"], head["title_en"], tuple(tasks),
                  tuple(c for c, _ in conditions), design, head["sus"], head["umux_lite"], path)
    return study, rep.problems


def _entries(data: LineDict, key: str, rep: _Problems) -> list[tuple[int, LineDict]]:
    """The mappings listed under ``key`` (at least one), with their index."""
    seq = data.get(key)
    if key not in data or seq is None:
        return []  # reported as missing
    if not isinstance(seq, LineList) or not seq:
        rep.add(data.line_of(key), key, "must be a list of one or more entries (each line starting with '- ')")
        return []
    out = []
    for i, raw in enumerate(seq):
        if isinstance(raw, LineDict):
            out.append((i, raw))
        else:
            rep.add(seq.line_of(i), f"{key}.{i}", "must be a mapping of fields (name: value)")
    return out


def _unique(found: list[tuple[int, LineDict, dict[str, Any]]], key: str, rep: _Problems) -> None:
    first: dict[str, int] = {}
    for i, raw, rec in found:
        ident = rec["id"]
        if ident is None:
            continue
        if ident in first:
            rep.add(raw.line_of("id"), f"{key}.{i}.id", f"'{ident}' is used twice (first at line {first[ident]})")
        else:
            first[ident] = raw.line_of("id")


def _conditions(data: LineDict, folder: Path, rep: _Problems,
                load_variants: bool) -> list[tuple[Condition, Catalogue | None]]:
    """The conditions, each with its catalogue variant (loaded when ``load_variants``)."""
    found = []
    for i, raw in _entries(data, "conditions", rep):
        rec = rep.fields(raw, f"conditions.{i}", raw.line, _CONDITION)
        if rec is not None:
            found.append((i, raw, rec))
    _unique(found, "conditions", rep)
    out: list[tuple[Condition, Catalogue | None]] = []
    for i, raw, rec in found:
        variant: Path | None = None
        loaded: Catalogue | None = None
        if rec["catalogue"] is not None:
            variant = (folder / rec["catalogue"]).resolve()
            where, line = f"conditions.{i}.catalogue", raw.line_of("catalogue")
            if not variant.is_dir():
                rep.add(line, where, f"no folder '{rec['catalogue']}' next to the study file ({variant})")
            elif load_variants:
                try:
                    loaded = load_catalogue(variant)
                except ValidationError as exc:
                    rep.add(line, where, f"'{rec['catalogue']}' is not a valid catalogue: {len(exc.problems)} "
                                         f"problem(s) (kiosk catalogue check --catalogue {variant} lists them), "
                                         f"the first: {exc.problems[0]}")
        if rec["id"] is not None and rec["name"] is not None and rec["name_en"] is not None:
            out.append((Condition(rec["id"], rec["name"], rec["name_en"], rec["elder"], rec["language"],
                                  rec["voice"], variant), loaded))
    return out


def _tasks(data: LineDict, rep: _Problems, catalogue: Catalogue | None, hall: Hall | None,
           conditions: list[tuple[Condition, Catalogue | None]]) -> list[Task]:
    """The tasks; complete only when no problem was found (the study is then built)."""
    # the catalogues task codes must be in: the given one, and each condition's variant
    catalogues: list[tuple[Condition | None, Catalogue]] = []
    if catalogue is not None:
        catalogues = [(c, variant or catalogue) for c, variant in conditions if c.catalogue is None or variant]
        if not catalogues:
            catalogues = [(None, catalogue)]
    found = []
    for i, raw in _entries(data, "tasks", rep):
        rec = rep.fields(raw, f"tasks.{i}", raw.line, _TASK)
        if rec is not None:
            found.append((i, raw, rec))
    _unique(found, "tasks", rep)
    out = []
    for i, raw, rec in found:
        where = f"tasks.{i}"
        codes = _Codes(rep, catalogues, hall)
        setups = _setups(raw, where, rep, codes)
        success = _success(raw, where, rep, codes)
        if success is not None and success.kind in NEEDS_SETUP \
                and not any(s.kind is NEEDS_SETUP[success.kind] for s in setups):
            need = NEEDS_SETUP[success.kind]
            what = "a service just finished, to rate" if need is SetupKind.SERVED else "an appointment now"
            rep.add(raw.line_of("success"), f"{where}.setup",
                    f"a '{success.kind.value}' task needs a setup '{need.value}: ITEM' ({what})")
        for key in ("instructions", "instructions_en"):
            if isinstance(rec[key], str):
                _placeholders(rec[key], raw.line_of(key), f"{where}.{key}", setups, rep)
        ideal = _ideal(raw, where, rep, success)
        limit = parse_limit(rec["limit"])
        if success is not None and ideal is not None and limit is not None \
                and all(rec[k] is not None for k in ("id", "title", "title_en", "instructions", "instructions_en")):
            out.append(Task(rec["id"], rec["title"], rec["title_en"], rec["instructions"],
                            rec["instructions_en"], success, limit, tuple(setups), ideal, rec["seq"]))
    return out


class _Codes:
    """Checks the codes a task names against the catalogue(s) and the hall, when given; without
    them, against the codes' form (an item is ABCD-123, a package YJS-01)."""

    def __init__(self, rep: _Problems, catalogues: list[tuple[Condition | None, Catalogue]], hall: Hall | None):
        self.rep, self.hall = rep, hall
        self.catalogues: list[tuple[str, Catalogue]] = []
        for cond, cat in catalogues:
            if all(cat is not seen for _, seen in self.catalogues):
                label = f"the catalogue of condition '{cond.id}'" if cond is not None and cond.catalogue else \
                    "the catalogue"
                self.catalogues.append((label, cat))

    def item(self, code: Any, line: int, where: str, self_service: bool = False) -> Item | None:
        """The item (from the first catalogue) or None; reports an unknown code."""
        if not isinstance(code, str):
            return None
        if not ITEM_CODE.fullmatch(code):
            self.rep.add(line, where, f"'{code}' is not an item code (four capital letters, a dash, three digits: "
                                      "GAHZ-001)")
            return None
        found = None
        for label, cat in self.catalogues:
            item = cat.by_code.get(code)
            if item is None:
                self.rep.add(line, where, f"no item '{code}' in {label}")
            elif self_service and not item.self_service:
                self.rep.add(line, where, f"'{code}' {item.name} has no 零材料 self-service in {label}")
            found = found or item
        return found

    def bundle(self, code: Any, line: int, where: str) -> None:
        if not isinstance(code, str):
            return
        if not BUNDLE_CODE.fullmatch(code):
            self.rep.add(line, where, f"'{code}' is not a package (一件事) code such as YJS-01")
            return
        for label, cat in self.catalogues:
            if code not in cat.bundle_by_code:
                self.rep.add(line, where, f"no package '{code}' in {label}")

    def category(self, code: Any, line: int, where: str) -> None:
        known = [c.code for c in self.hall.categories] if self.hall else list(CATEGORY_CODES)
        if isinstance(code, str) and code not in known:
            self.rep.add(line, where, f"'{code}' is not a category of the hall (" + ", ".join(known) + ")")

    def group(self, code: Any, line: int, where: str) -> None:
        known = [g.value for g in Group]
        if self.hall is not None:
            known = [g for g in known if any(g in o.groups for o in self.hall.officers)]
        if isinstance(code, str) and code not in known:
            self.rep.add(line, where, f"'{code}' is not a 服务专员 group of the hall ("
                         + (", ".join(known) or "the hall lists no officers") + ")")

    def window(self, number: int | None, item: Item | None, line: int, where: str) -> int:
        """The window a served setup's ticket is finished at: ``number``, or (none given) the first
        of the hall's windows that serves the item, else window 1."""
        if self.hall is None:
            return number or 1
        serving = [w.number for w in self.hall.windows if item is None or item.window in w.categories]
        if number is None:
            return serving[0] if serving else 1
        if number not in [w.number for w in self.hall.windows]:
            self.rep.add(line, where, f"the hall has no window {number}")
        elif item is not None and number not in serving:
            self.rep.add(line, where, f"window {number} does not serve '{item.code}' {item.name} ({item.window}: "
                                      + ("window " if len(serving) == 1 else "windows ") + ", ".join(map(str, serving))
                                      + ")")
        return number


_SETUP: _Spec = {"served": (False, _text, None), "appointment": (False, _text, None),
                 "window": (False, _window, None)}


def _setups(raw: LineDict, where: str, rep: _Problems, codes: _Codes) -> list[Setup]:
    """The task's setups ([] when none), as far as they could be read (the problems are reported)."""
    seq = raw.get("setup")
    if seq is None:
        return []
    if not isinstance(seq, LineList):
        rep.add(raw.line_of("setup"), f"{where}.setup",
                "must be a list such as [{served: HJBL-008, window: 8}] or [{appointment: BDCD-022}]")
        return []
    out: list[Setup] = []
    for j, entry in enumerate(seq):
        here = f"{where}.setup.{j}"
        rec = rep.fields(entry, here, seq.line_of(j), _SETUP)
        if rec is None:
            continue
        kinds = [k for k in SetupKind if k.value in entry]
        if len(kinds) != 1:
            rep.add(entry.line, here, "must be one of {served: ITEM, window: N} (a service just finished, "
                                      "to rate) or {appointment: ITEM} (an appointment for now, to check in)")
            continue
        kind = kinds[0]
        if kind is SetupKind.APPOINTMENT and "window" in entry:
            rep.add(entry.line_of("window"), f"{here}.window", "an appointment has no window (only 'served' has)")
        if any(s.kind is kind for s in out):
            rep.add(entry.line, here, f"a second '{kind.value}' setup: a task has at most one of each")
        item = codes.item(rec[kind.value], entry.line_of(kind.value), f"{here}.{kind.value}")
        window = 1
        if kind is SetupKind.SERVED:
            window = codes.window(rec["window"], item, entry.line_of("window"), f"{here}.window")
        if isinstance(rec[kind.value], str):
            out.append(Setup(kind, rec[kind.value], window))
    return out


def _success(raw: LineDict, where: str, rep: _Problems, codes: _Codes) -> Success | None:
    data = raw.get("success")
    if data is None:
        return None  # reported as missing
    here = f"{where}.success"
    rec = rep.fields(data, here, raw.line_of("success"), _SUCCESS)
    if rec is None or rec["kind"] is None:
        return None
    kind = Criterion(rec["kind"])
    allowed = CRITERION_FIELDS[kind]
    for name in ("screen", "item", "bundle", "category", "group", "level"):
        if name in data and name not in allowed:
            rep.add(data.line_of(name), f"{here}.{name}", f"does not apply to kind '{kind.value}'"
                    + (" (it can name " + ", ".join(allowed) + ")" if allowed else " (it names nothing more)"))
    line = data.line_of
    if kind is Criterion.SCREEN:
        if rec["screen"] == "" and "screen" not in data:
            rep.add(data.line, f"{here}.screen", "is missing: a 'screen' criterion names the screen to reach")
        elif (rec["item"] or rec["bundle"]) and rec["screen"] != "item":
            rep.add(data.line_of("screen"), f"{here}.screen",
                    "an item or package can only be named with screen: item (the 办事指南 screen)")
    if rec["item"] and rec["bundle"]:
        rep.add(data.line_of("bundle"), f"{here}.bundle", "name an item or a package, not both")
    if "item" in allowed and rec["item"]:
        codes.item(rec["item"], line("item"), f"{here}.item", self_service=kind is Criterion.SELF_SERVICE)
    if "bundle" in allowed and rec["bundle"]:
        codes.bundle(rec["bundle"], line("bundle"), f"{here}.bundle")
    if "category" in allowed and rec["category"]:
        codes.category(rec["category"], line("category"), f"{here}.category")
    if "group" in allowed and rec["group"]:
        codes.group(rec["group"], line("group"), f"{here}.group")
    return Success(kind, rec["screen"], rec["item"], rec["bundle"], rec["category"], rec["group"], rec["level"])


def _placeholders(text: str, line: int, where: str, setups: list[Setup], rep: _Problems) -> None:
    """{ticket} needs a served setup, {code} an appointment; other braces are typos."""
    for name in _PLACEHOLDER.findall(text):
        if name not in PLACEHOLDERS:
            rep.add(line, where, f"unknown placeholder {{{name}}} (" + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
                    + ")")
        elif not any(s.kind is PLACEHOLDERS[name] for s in setups):
            rep.add(line, where, f"{{{name}}} is filled in by a setup '{PLACEHOLDERS[name].value}: ITEM', "
                                 "and the task has none")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        rep.add(line, where, "a stray '{' or '}': placeholders are written {ticket} or {code}")


def _ideal(raw: LineDict, where: str, rep: _Problems, success: Success | None) -> tuple[str, ...] | None:
    seq = raw.get("ideal")
    if seq is None:
        return ()
    here = f"{where}.ideal"
    if not isinstance(seq, LineList) or not seq:
        rep.add(raw.line_of("ideal"), here, "must be a list of screens starting at home, such as [home, rate]")
        return None
    before = len(rep.problems)
    for j, code in enumerate(seq):
        if not isinstance(code, str) or code not in SCREENS:
            rep.add(seq.line_of(j), f"{here}.{j}", f"{code!r} is not a screen (" + ", ".join(sorted(SCREENS)) + ")")
    if seq[0] != "home":
        rep.add(seq.line_of(0), f"{here}.0", "the ideal path starts at home (the kiosk's first screen)")
    if success is not None and success.kind is Criterion.SCREEN and success.screen and seq[-1] != success.screen:
        rep.add(seq.line_of(len(seq) - 1), f"{here}.{len(seq) - 1}",
                f"the path must end at the screen the task is to reach ({success.screen})")
    return tuple(seq) if len(rep.problems) == before else None
