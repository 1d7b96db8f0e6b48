"""The measures of a study, from its participants' records (see events.py for the conventions).

Per participant × task: outcome, time, taps, misclicks, dead taps, rage-tap bursts, back-steps,
time to first action, the path of screens and where it left the task's ideal path, the faults on
during it and the SEQ answer. Per participant × condition: SUS and UMUX-Lite. Then the aggregates
per task × condition and per condition, and condition A against B.

Definitions (STUDY.md): a tap is a PRESS with its RELEASE moved ≤ 20 px, at the press's position,
on the press's screen and widget; a misclick is a tap on nothing interactive; a dead tap a tap on
a disabled control; a rage-tap burst ≥ 3 taps within 1 s and 30 px of the burst's first tap;
back-steps are 返回 presses (BACK) and screens opened by going back without one; time to first
action is from TASK_START to the first PRESS or KEY; the path is the screen at the start and every
screen opened during the task (repeats in a row collapsed); it left the ideal path at the first
step that differs from Task.ideal. A task without its TASK_END (a session cut short) counts as not
finished — a failure — and the report says so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.usability import stats
from kiosk.usability.events import Event, Kind, Outcome, Record, RecordError, read_record
from kiosk.usability.study import Design, Study

TAP_MOVE = 20  # px: a press released further away is a drag, not a tap
RAGE_TAPS, RAGE_SECONDS, RAGE_PX = 3, 1.0, 30
UNFINISHED = "unfinished"  # the outcome of a task whose end is not in the record
#: a 返回 (BACK) and the screen it opened are one back-step when they are this close (s), in either order
SAME_STEP_S = 0.05
DEFAULT_LANGUAGE = "zh_CN"


@dataclass(frozen=True)
class Tap:
    participant: str
    condition: str
    task: str  # "" between tasks (questionnaires, instructions)
    screen: str
    mode: str  # "normal" / "elder"
    language: str  # "zh_CN" / "en_US"
    t: float  # seconds since the session started
    x: int
    y: int
    widget: str
    interactive: bool | None
    enabled: bool | None

    @property
    def misclick(self) -> bool:
        return self.interactive is False

    @property
    def dead(self) -> bool:
        return self.interactive is True and self.enabled is False

    @property
    def view(self) -> tuple[str, str, str]:
        """(screen, mode, language): which screenshot the tap belongs on."""
        return self.screen, self.mode, self.language


@dataclass(frozen=True)
class Step:
    """One screen of a task's replay: when it opened (s from the task's start) and its taps."""

    screen: str
    mode: str
    language: str
    at: float
    taps: tuple[Tap, ...]


@dataclass(frozen=True)
class Departure:
    """Where a path left the ideal one: at step ``index`` (0 = the first screen) it showed
    ``actual`` where the ideal path has ``expected`` ("" when the ideal path had ended)."""

    index: int
    actual: str
    expected: str

    def __str__(self) -> str:
        return f"{self.actual} (ideal: {self.expected or 'end'})"


@dataclass(frozen=True)
class TaskRun:
    participant: str
    condition: str
    task: str
    order: int  # 1-based position in the participant's session
    outcome: str  # an Outcome value, or UNFINISHED
    seconds: float | None
    taps: tuple[Tap, ...]
    misclicks: int
    dead_taps: int
    rage_taps: int  # bursts
    back_steps: int
    first_action_s: float | None
    path: tuple[str, ...]
    departure: Departure | None
    faults: tuple[str, ...]
    seq: int | None
    steps: tuple[Step, ...]
    start: float  # session time of TASK_START

    @property
    def success(self) -> bool:
        return self.outcome == Outcome.SUCCESS.value

    @property
    def finished(self) -> bool:
        return self.outcome != UNFINISHED


@dataclass(frozen=True)
class Questionnaire:
    """One participant's SUS or UMUX-Lite after one condition: answers by item, and the score
    (None when items are missing)."""

    participant: str
    condition: str
    instrument: str
    answers: Mapping[int, int]
    score: float | None


@dataclass
class Participant:
    code: str
    path: Path
    runs: list[TaskRun] = field(default_factory=list)
    questionnaires: list[Questionnaire] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    cut_short: bool = False
    duration: float = 0.0
    started: str = ""
    notes: list[tuple[float, str]] = field(default_factory=list)
    taps: list[Tap] = field(default_factory=list)  # every tap, during the tasks or not

    def score(self, condition: str, instrument: str) -> float | None:
        return next((q.score for q in self.questionnaires
                     if q.condition == condition and q.instrument == instrument), None)

    def seq_mean(self, condition: str | None = None) -> float | None:
        return stats.seq_mean([r.seq for r in self.runs
                               if r.seq is not None and (condition is None or r.condition == condition)])


@dataclass(frozen=True)
class Cell:
    """Aggregates of one task under one condition (or of every task: task = "")."""

    task: str
    condition: str
    attempts: int
    successes: int
    unfinished: int
    success: stats.Interval | None  # adjusted Wald
    time: stats.Interval | None  # geometric mean of successful times
    times: tuple[float, ...]  # successful times
    misclicks: int
    dead_taps: int
    rage_taps: int
    back_steps: int
    taps: int
    first_action: float | None  # median seconds
    seq: float | None
    seq_n: int
    path: tuple[str, ...]  # the most common path
    path_count: int
    departure: Departure | None  # the most common departure from the ideal path
    departure_count: int
    departures: int  # attempts that left the ideal path


@dataclass(frozen=True)
class Comparison:
    """Condition a against b (a − b; times a / b)."""

    a: str
    b: str
    task: str  # "" for all tasks
    success: stats.Interval | None  # difference (Agresti–Caffo)
    time_ratio: stats.Interval | None  # ratio of geometric means (Welch on logs)
    seq: stats.Interval | None  # SEQ difference


@dataclass(frozen=True)
class ScoreComparison:
    a: str
    b: str
    instrument: str
    paired: bool
    difference: stats.Interval | None


@dataclass
class Analysis:
    study: Study
    participants: list[Participant]
    problems: list[str]  # what the report says about the data (sessions cut short …)

    @property
    def runs(self) -> list[TaskRun]:
        return [r for p in self.participants for r in p.runs]

    @property
    def taps(self) -> list[Tap]:
        return [t for p in self.participants for r in p.runs for t in r.taps]

    @property
    def condition_ids(self) -> list[str]:
        seen = [c.id for c in self.study.conditions]
        extra = sorted({r.condition for r in self.runs} - set(seen))
        return seen + extra

    @property
    def task_ids(self) -> list[str]:
        seen = [t.id for t in self.study.tasks]
        return seen + sorted({r.task for r in self.runs} - set(seen))

    def cell(self, task: str, condition: str) -> Cell:
        runs = [r for r in self.runs if (not task or r.task == task) and (not condition or r.condition == condition)]
        ideal = _ideal(self.study, task) if task else ()
        return aggregate(task, condition, runs, bool(ideal))

    def questionnaires(self, instrument: str, condition: str | None = None) -> list[Questionnaire]:
        return [q for p in self.participants for q in p.questionnaires
                if q.instrument == instrument and q.score is not None
                and (condition is None or q.condition == condition)]

    def score(self, instrument: str, condition: str | None = None) -> stats.Interval | None:
        scores = [q.score for q in self.questionnaires(instrument, condition) if q.score is not None]
        return stats.mean_interval(scores) if scores else None

    def compare(self, a: str, b: str, task: str = "") -> Comparison:
        ca, cb = self.cell(task, a), self.cell(task, b)
        success = stats.proportion_difference(ca.successes, ca.attempts, cb.successes, cb.attempts) \
            if ca.attempts and cb.attempts else None
        ratio = stats.ratio_of_geometric_means(ca.times, cb.times) if ca.times and cb.times else None
        seq_a = [r.seq for r in self.runs if r.condition == a and (not task or r.task == task) and r.seq is not None]
        seq_b = [r.seq for r in self.runs if r.condition == b and (not task or r.task == task) and r.seq is not None]
        seq = stats.mean_difference(seq_a, seq_b) if seq_a and seq_b else None
        return Comparison(a, b, task, success, ratio, seq)

    def compare_scores(self, a: str, b: str, instrument: str) -> ScoreComparison:
        """Within-subject: the paired difference of those who rated both; between: Welch's."""
        qa = {q.participant: q.score for q in self.questionnaires(instrument, a) if q.score is not None}
        qb = {q.participant: q.score for q in self.questionnaires(instrument, b) if q.score is not None}
        both = sorted(set(qa) & set(qb))
        if self.study.design is Design.WITHIN and both:
            return ScoreComparison(a, b, instrument, True, stats.mean_interval([qa[p] - qb[p] for p in both]))
        if qa and qb:
            return ScoreComparison(a, b, instrument, False,
                                   stats.mean_difference(list(qa.values()), list(qb.values())))
        return ScoreComparison(a, b, instrument, False, None)


def _ideal(study: Study, task_id: str) -> tuple[str, ...]:
    return next((t.ideal for t in study.tasks if t.id == task_id), ())


def aggregate(task: str, condition: str, runs: Sequence[TaskRun], has_ideal: bool = True) -> Cell:
    n = len(runs)
    ok = [r for r in runs if r.success]
    times = tuple(r.seconds for r in ok if r.seconds is not None and r.seconds > 0)
    firsts = sorted(r.first_action_s for r in runs if r.first_action_s is not None)
    seqs = [r.seq for r in runs if r.seq is not None]
    paths = Counter(r.path for r in runs)
    path, path_count = paths.most_common(1)[0] if paths else ((), 0)
    deps = Counter(r.departure for r in runs if r.departure is not None)
    dep, dep_count = deps.most_common(1)[0] if deps and has_ideal else (None, 0)
    return Cell(task, condition, n, len(ok), sum(not r.finished for r in runs),
                stats.adjusted_wald(len(ok), n) if n else None,
                stats.geometric_mean(times) if times else None, times,
                sum(r.misclicks for r in runs), sum(r.dead_taps for r in runs), sum(r.rage_taps for r in runs),
                sum(r.back_steps for r in runs), sum(len(r.taps) for r in runs),
                _median(firsts), stats.seq_mean(seqs), len(seqs), path, path_count, dep, dep_count,
                sum(deps.values()) if has_ideal else 0)


def _median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


# --- one record ------------------------------------------------------------------------------------

def taps_of(events: Iterable[Event], participant: str, modes: Mapping[int, tuple[str, str]]) -> list[Tap]:
    """The taps among ``events`` (PRESS + its RELEASE moved ≤ TAP_MOVE px). ``modes`` gives the
    (mode, language) in force at each event's index."""
    taps: list[Tap] = []
    press: tuple[int, Event] | None = None
    for i, e in enumerate(events):
        if e.kind is Kind.PRESS:
            press = (i, e)
        elif e.kind is Kind.RELEASE and press is not None:
            j, p = press
            press = None
            moved = e.info.get("moved", 0)
            if isinstance(moved, (int, float)) and moved > TAP_MOVE:
                continue
            x, y = p.x if p.x is not None else e.x, p.y if p.y is not None else e.y
            if x is None or y is None:
                continue
            mode, lang = modes.get(j, ("normal", DEFAULT_LANGUAGE))
            taps.append(Tap(participant, p.condition, p.task, p.screen, mode, lang, p.t, x, y, p.widget or e.widget,
                            p.interactive, p.enabled))
    return taps


def rage_bursts(taps: Sequence[Tap]) -> list[list[Tap]]:
    """Bursts of ≥ RAGE_TAPS taps, each within RAGE_SECONDS and RAGE_PX of the burst's first."""
    bursts: list[list[Tap]] = []
    i = 0
    while i < len(taps):
        first = taps[i]
        j = i + 1
        while j < len(taps) and taps[j].t - first.t <= RAGE_SECONDS \
                and math.hypot(taps[j].x - first.x, taps[j].y - first.y) <= RAGE_PX:
            j += 1
        if j - i >= RAGE_TAPS:
            bursts.append(list(taps[i:j]))
            i = j
        else:
            i += 1
    return bursts


def departure(path: Sequence[str], ideal: Sequence[str]) -> Departure | None:
    """The first step where ``path`` is not the ideal path (None: it kept to it)."""
    if not ideal:
        return None
    for i, screen in enumerate(path):
        if i >= len(ideal):
            return Departure(i, screen, "")
        if screen != ideal[i]:
            return Departure(i, screen, ideal[i])
    return None


def _collapse(screens: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for s in screens:
        if s and (not out or out[-1] != s):
            out.append(s)
    return tuple(out)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def analyse_record(record: Record, study: Study, path: Path | None = None) -> Participant:
    """One participant's measures from their record."""
    code = record.participant or (path.parent.name if path else "?")
    events = record.events
    p = Participant(code, path or Path(), started=str(record.header.get("started", "")))
    p.duration = events[-1].t if events else 0.0
    p.cut_short = not any(e.kind is Kind.SESSION_END for e in events)

    # the mode and language in force at each event: the condition's, changed by the participant's
    # toggles (APP mode_changed) until the kiosk returns to the condition's (a new task, an idle reset)
    conds = {c.id: c for c in study.conditions}
    modes: dict[int, tuple[str, str]] = {}
    # the hall's language, where a condition names none (the session's start may say which it was)
    hall_language = next((str(e.info["language"]) for e in events[:1] if e.kind is Kind.SESSION_START
                          and isinstance(e.info.get("language"), str) and e.info["language"]), DEFAULT_LANGUAGE)
    mode, lang = "normal", hall_language

    def condition_mode(cid: str) -> tuple[str, str]:
        c = conds.get(cid)
        if c is None:
            return "normal", hall_language
        return ("elder" if c.elder else "normal"), (c.language or hall_language)

    for i, e in enumerate(events):
        if e.kind in (Kind.CONDITION, Kind.TASK_START, Kind.IDLE_RESET, Kind.SESSION_START):
            mode, lang = condition_mode(e.condition)
        elif e.kind is Kind.APP and e.info.get("what") == "mode_changed":
            elder, language = e.info.get("elder"), e.info.get("language")
            if isinstance(elder, bool):
                mode = "elder" if elder else "normal"
            if isinstance(language, str) and language:
                lang = language
        modes[i] = (mode, lang)
        if e.kind is Kind.CONDITION and e.condition and e.condition not in p.conditions:
            p.conditions.append(e.condition)
        if e.kind is Kind.NOTE:
            p.notes.append((e.t, str(e.info.get("text", ""))))

    all_taps = taps_of(events, code, modes)
    p.taps = all_taps
    seq: dict[str, int] = {}
    answers: dict[tuple[str, str], dict[int, int]] = {}
    for e in events:
        if e.kind is not Kind.ANSWER:
            continue
        instrument, item, value = str(e.info.get("instrument", "")), _int(e.info.get("item")), _int(e.info.get("value"))
        if item is None or value is None:
            continue
        if instrument == "SEQ":
            seq[str(e.info.get("of_task", "") or e.task)] = value
        elif instrument in ("SUS", "UMUX_LITE"):
            answers.setdefault((e.condition, instrument), {})[item] = value
    for (cond, instrument), items in answers.items():
        p.questionnaires.append(Questionnaire(code, cond, instrument, items, _score(instrument, items)))

    # the tasks: from each TASK_START to its TASK_END (or the record's end)
    active: dict[str, None] = {}  # the faults on, in the order switched on
    start: int | None = None
    ran: dict[str, list[str]] = {}
    for i, e in enumerate(events):
        if e.kind is Kind.FAULT_ON:
            fault = str(e.info.get("fault", ""))
            active[fault] = None
            if start is not None:
                ran.setdefault(events[start].task, []).append(fault)
        elif e.kind is Kind.FAULT_OFF:
            active.pop(str(e.info.get("fault", "")), None)
        elif e.kind is Kind.TASK_START:
            if start is not None:  # a start without an end: the earlier task was cut short
                p.runs.append(_run(code, study, events, start, i, None, all_taps, ran, seq, modes))
            start = i
            ran[e.task] = list(active)
        elif e.kind is Kind.TASK_END and start is not None:
            p.runs.append(_run(code, study, events, start, i, e, all_taps, ran, seq, modes))
            start = None
    if start is not None:
        p.runs.append(_run(code, study, events, start, len(events), None, all_taps, ran, seq, modes))
    return p


def _score(instrument: str, items: Mapping[int, int]) -> float | None:
    try:
        if instrument == "SUS" and sorted(items) == list(range(1, 11)):
            return stats.sus_score([items[i] for i in range(1, 11)])
        if instrument == "UMUX_LITE" and sorted(items) == [1, 2]:
            return stats.umux_lite(items[1], items[2])
    except ValueError:
        return None
    return None


def _run(code: str, study: Study, events: Sequence[Event], start: int, stop: int, end: Event | None,
         all_taps: Sequence[Tap], faults: Mapping[str, list[str]], seq: Mapping[str, int],
         modes: Mapping[int, tuple[str, str]]) -> TaskRun:
    begin = events[start]
    task = begin.task
    span = events[start + 1:stop]
    t_end = end.t if end is not None else (span[-1].t if span else begin.t)
    taps = tuple(t for t in all_taps if t.task == task and begin.t <= t.t <= t_end)
    back, pending = 0, False
    back_screen: float | None = None  # when a screen opened by going back, not yet matched with its 返回
    first: float | None = None
    screens = [begin.screen]
    steps: list[tuple[str, float, int]] = [(begin.screen, 0.0, start)]
    for k, e in enumerate(span, start=start + 1):
        if first is None and e.kind in (Kind.PRESS, Kind.KEY):
            first = e.t - begin.t
        if e.kind is Kind.BACK:
            if back_screen is not None and e.t - back_screen <= SAME_STEP_S:
                back_screen = None  # the screen it opened came first (the kiosk moved before the recorder heard 返回)
            else:
                back += 1
                pending = True
        elif e.kind is Kind.SCREEN:
            back_screen = None
            if e.info.get("how") == "back":
                back += 0 if pending else 1
                back_screen = None if pending else e.t
            pending = False
            screens.append(e.screen)
            if e.screen != steps[-1][0]:
                steps.append((e.screen, e.t - begin.t, k))
    path = _collapse(screens)
    outcome = UNFINISHED
    seconds: float | None = None
    if end is not None:
        outcome = str(end.info.get("outcome", UNFINISHED))
        raw = end.info.get("seconds")
        seconds = float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else end.t - begin.t
    replay: list[Step] = []
    for n, (screen, at, k) in enumerate(steps):
        until = steps[n + 1][1] + begin.t if n + 1 < len(steps) else math.inf
        mine = tuple(t for t in taps if begin.t + at <= t.t < until)
        mode, lang = modes.get(k, ("normal", DEFAULT_LANGUAGE))
        replay.append(Step(screen, mode, lang, at, mine))
    order = _int(begin.info.get("order")) or 0
    bursts = rage_bursts(taps)
    return TaskRun(code, begin.condition, task, order, outcome, seconds, taps,
                   sum(t.misclick for t in taps), sum(t.dead for t in taps), len(bursts), back, first, path,
                   departure(path, _ideal(study, task)), tuple(dict.fromkeys(faults.get(task, []))),
                   seq.get(task), tuple(replay), begin.t)


# --- a study directory -----------------------------------------------------------------------------

class StudyDirError(Exception):
    """A study directory the report cannot read: says which file and why."""


def record_paths(study_dir: Path) -> list[Path]:
    root = Path(study_dir) / "participants"
    return sorted(p / "events.jsonl" for p in root.iterdir() if (p / "events.jsonl").is_file()) \
        if root.is_dir() else []


def analyse(study: Study, records: Iterable[tuple[Path, Record]]) -> Analysis:
    participants: list[Participant] = []
    problems: list[str] = []
    for path, record in records:
        p = analyse_record(record, study, path)
        participants.append(p)
        cut = [r.task for r in p.runs if not r.finished]
        if p.cut_short or cut:
            problems.append(f"{p.code}: the session was cut short after {p.duration:.0f} s"
                            + (f"; task(s) {', '.join(cut)} counted as not finished" if cut else ""))
        for q in p.questionnaires:
            if q.score is None:
                problems.append(f"{p.code}: {q.instrument} under {q.condition or '?'} is incomplete "
                                f"(items {', '.join(map(str, sorted(q.answers)))}): no score")
    participants.sort(key=lambda p: p.code)
    return Analysis(study, participants, problems)


def analyse_dir(study_dir: Path, study: Study) -> Analysis:
    """Read every participant's record under ``study_dir``; a broken record raises RecordError
    (naming file and line); no records at all raises StudyDirError."""
    paths = record_paths(study_dir)
    if not paths:
        raise StudyDirError(f"{study_dir}: no participant records (participants/*/events.jsonl)")
    return analyse(study, ((p, read_record(p)) for p in paths))


__all__ = ["Analysis", "Cell", "Comparison", "Departure", "Participant", "Questionnaire", "RecordError",
           "ScoreComparison", "Step", "Tap", "TaskRun", "UNFINISHED", "aggregate", "analyse", "analyse_dir",
           "analyse_record", "departure", "rage_bursts", "record_paths", "taps_of"]
