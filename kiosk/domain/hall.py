"""The hall: ticket categories, windows and opening hours (``assets/hall.yaml``), validated like
the catalogue."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk import ASSETS
from kiosk.domain.catalogue import WINDOWS, _int0, _num0, _Reporter, _text
from kiosk.domain.lifecycle import Code, HallError, Ticket
from kiosk.domain.officers import Community, Group, Officer
from kiosk.domain.queue import QueuePolicy
from kiosk.domain.workdays import Calendar
from kiosk.domain.yamlfile import LineDict, LineList, ValidationError, load

DEFAULT_FILE = ASSETS / "hall.yaml"
CATEGORY_CODES = WINDOWS + ("consult",)
LANGUAGES = ("zh_CN", "en_US")


@dataclass(frozen=True)
class Category:
    code: str
    prefix: str
    name: str
    name_en: str
    service_minutes: int


@dataclass(frozen=True)
class Window:
    number: int
    name: str
    name_en: str
    categories: tuple[str, ...]


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
DAY_MINUTES = 24 * 60


class HoursKind(StrEnum):
    """What one line of the hall's hours means for the queue."""

    WINDOWS = "windows"  # the windows call tickets (the default)
    LUNCH = "lunch"  # the windows keep calling over lunch (午间不打烊); a window paused for lunch is back at its end
    SELF_SERVICE = "self_service"  # the 24-hour self-service area: machines only, no window calls a ticket


@dataclass(frozen=True)
class Hours:
    """One line of the hall's hours: the words the screens show (``days``, ``days_en``, ``time``)
    and what they mean — on which weekdays (0 = Monday), from ``opens`` to ``closes`` (minutes after
    midnight; 24:00 is 1440), and whether the windows call tickets then (``kind``)."""

    days: str
    days_en: str
    time: str
    weekdays: frozenset[int] = frozenset(range(7))
    opens: int = 0
    closes: int = DAY_MINUTES
    kind: HoursKind = HoursKind.WINDOWS

    def on(self, day: _dt.date) -> tuple[_dt.datetime, _dt.datetime] | None:
        """This line's time on ``day`` (from, until), or None when it does not apply that day."""
        if day.weekday() not in self.weekdays:
            return None
        midnight = _dt.datetime.combine(day, _dt.time())
        return midnight + _dt.timedelta(minutes=self.opens), midnight + _dt.timedelta(minutes=self.closes)


_TIME_RANGE = re.compile(r"\s*(\d{1,2}):(\d{2})\s*[-–—~]\s*(\d{1,2}):(\d{2})\s*")


def parse_time_range(text: str) -> tuple[int, int] | None:
    """"08:30–17:00" → (510, 1020) minutes after midnight; None unless it is a range within one day
    (00:00 to 24:00) that opens before it closes."""
    m = _TIME_RANGE.fullmatch(text)
    if m is None:
        return None
    h1, m1, h2, m2 = map(int, m.groups())
    if h1 > 23 or m1 > 59 or m2 > 59 or h2 > 24 or (h2 == 24 and m2):
        return None
    opens, closes = h1 * 60 + m1, h2 * 60 + m2
    return (opens, closes) if opens < closes else None


def _time_range(v: Any) -> str | None:
    if isinstance(v, str) and parse_time_range(v):
        return None
    return ("must be a time range within one day, opening before closing, such as \"08:30–17:00\" "
            "(a range past midnight is two lines)")


def _pin(v: Any) -> str | None:
    if isinstance(v, bool) or not isinstance(v, (str, int)) or not re.fullmatch(r"\d{4,8}", str(v)):
        return "must be 4 to 8 digits, in quotes (\"2580\")"
    return None


def _weekdays(v: Any) -> str | None:
    if not isinstance(v, list) or not v or not all(isinstance(d, str) and d in WEEKDAYS for d in v):
        return "must be a non-empty list of " + ", ".join(WEEKDAYS)
    twice = sorted({d for d in v if v.count(d) > 1}, key=WEEKDAYS.index)
    return f"lists {', '.join(twice)} twice" if twice else None


@dataclass(frozen=True)
class Reception:
    """The 接待日 of the 人大代表社情民意联系点: the ``nth`` ``weekday`` of each month (0: every
    week), at ``time``, where."""

    weekday: int
    nth: int
    time: str
    place: str
    place_en: str

    def next_on_or_after(self, day: _dt.date) -> _dt.date:
        while True:
            if day.weekday() == self.weekday and (self.nth == 0 or (day.day - 1) // 7 + 1 == self.nth):
                return day
            day += _dt.timedelta(days=1)

    def next(self, now: _dt.datetime) -> _dt.datetime:
        """The next reception that has not ended at ``now``."""
        span = parse_time_range(self.time) or (9 * 60, 11 * 60)
        day = self.next_on_or_after(now.date())
        if now >= _dt.datetime.combine(day, _dt.time()) + _dt.timedelta(minutes=span[1]):
            day = self.next_on_or_after(day + _dt.timedelta(days=1))
        return _dt.datetime.combine(day, _dt.time()) + _dt.timedelta(minutes=span[0])


@dataclass(frozen=True)
class Promises:
    """The hall's promise settings (``promises:`` in hall.yaml)."""

    deferral_days: int = 5  # a 容缺 material is due this many working days after the ticket
    holidays: tuple[_dt.date, ...] = ()  # public holidays on weekdays (not working days)
    workdays: tuple[_dt.date, ...] = ()  # weekend days worked instead (调休)

    def calendar(self) -> Calendar:
        return Calendar(frozenset(self.holidays), frozenset(self.workdays))


@dataclass(frozen=True)
class Hall:
    name: str
    name_en: str
    hours: tuple[Hours, ...]
    categories: tuple[Category, ...]
    windows: tuple[Window, ...]
    policy: QueuePolicy = QueuePolicy()
    language: str = "zh_CN"  # the hall's language: terminals start in it, a kiosk returns to it after a visit
    staff_pin: str = ""  # staff leave full screen with it (a long press on the kiosk's title); "": no way out but the OS
    officers: tuple[Officer, ...] = ()  # 服务专员 (demo data)
    communities: tuple[Community, ...] = ()  # the town's villages and communities (移动办公桌 visits them)
    reception: Reception | None = None  # 接待日
    promises: Promises = Promises()
    #: tickets an item may have per day (``daily_quotas:`` in hall.yaml, item code → number): an
    #: item not listed has no limit
    daily_quotas: tuple[tuple[str, int], ...] = ()

    def daily_quota(self, item_code: str) -> int | None:
        return next((n for code, n in self.daily_quotas if code == item_code), None)

    def window(self, number: int) -> Window:
        for w in self.windows:
            if w.number == number:
                return w
        raise HallError(Code.NO_SUCH_WINDOW, window=number)

    def category(self, code: str) -> Category:
        for c in self.categories:
            if c.code == code:
                return c
        raise HallError(Code.NO_SUCH_CATEGORY, category=code)

    # --- when the windows call tickets -------------------------------------------------------------

    @property
    def has_schedule(self) -> bool:
        """Whether the hours say when the windows call (a hall without hours is taken as always open)."""
        return any(h.kind != HoursKind.SELF_SERVICE for h in self.hours)

    def calling_periods(self, day: _dt.date) -> list[tuple[_dt.datetime, _dt.datetime]]:
        """When the windows call tickets on ``day``, in order: the windows' and the lunchtime
        hours, overlapping or touching ones joined (the self-service area calls nobody)."""
        spans = sorted(span for h in self.hours if h.kind != HoursKind.SELF_SERVICE
                       if (span := h.on(day)) is not None)
        joined: list[tuple[_dt.datetime, _dt.datetime]] = []
        for start, end in spans:
            if joined and start <= joined[-1][1]:
                joined[-1] = (joined[-1][0], max(joined[-1][1], end))
            else:
                joined.append((start, end))
        return joined

    def calling_at(self, when: _dt.datetime) -> bool:
        """Whether the windows call tickets at ``when`` (each period from its start, until its end)."""
        if not self.has_schedule:
            return True
        return any(start <= when < end for start, end in self.calling_periods(when.date()))

    def next_calling(self, when: _dt.datetime) -> _dt.datetime | None:
        """When the windows next start calling after ``when`` (looking a week ahead), or None."""
        for offset in range(8):
            day = when.date() + _dt.timedelta(days=offset)
            for start, _end in self.calling_periods(day):
                if start > when:
                    return start
        return None

    def lunch_ends(self, when: _dt.datetime) -> _dt.datetime | None:
        """The end of ``when``'s day's lunchtime (kind ``lunch``) if it is still to come, else None."""
        ends = [span[1] for h in self.hours if h.kind == HoursKind.LUNCH
                if (span := h.on(when.date())) is not None and span[1] > when]
        return min(ends, default=None)

    def windows_for(self, category: str) -> list[Window]:
        return [w for w in self.windows if category in w.categories]

    def shared_categories(self, category: str) -> list[str]:
        """Every category that the windows serving ``category`` also call (they share the queue)."""
        windows = self.windows_for(category)
        return [c.code for c in self.categories if any(c.code in w.categories for w in windows)]

    def check_transfer(self, from_window: int, category: str, to_window: int | None) -> None:
        """A transfer must leave the ticket callable: a known category that some window serves,
        and, for a transfer to one window, a window of the hall that serves that category."""
        self.category(category)
        if to_window is not None:
            if category not in self.window(to_window).categories:
                raise HallError(Code.WINDOW_WONT_SERVE, window=to_window, category=category)
            if to_window == from_window:
                raise HallError(Code.SAME_PLACE, window=to_window)
        elif not self.windows_for(category):
            raise HallError(Code.NOBODY_SERVES, category=category)

    def check_callable(self, window: int, ticket: Ticket) -> None:
        """Window ``window`` may call ``ticket`` only if it serves its category and the ticket was
        not sent to another window."""
        if ticket.category not in self.window(window).categories or \
                ticket.target_window not in (None, window):
            raise HallError(Code.NOT_SERVED_HERE, number=ticket.number, window=window)


def window_span(numbers: list[int], separator: str) -> str:
    """"1–5" for a run of three or more consecutive windows, else "6、7" (with ``separator``)."""
    if len(numbers) > 2 and numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"{numbers[0]}–{numbers[-1]}"
    return separator.join(map(str, numbers))


def _check_list(data: LineDict, key: str, rep: _Reporter, spec: dict[str, Any]) -> list[tuple[dict[str, Any], LineDict]]:
    seq = data.get(key)
    if not isinstance(seq, LineList):
        rep.add(data.line_of(key), key, "must be a list")
        return []
    out = []
    for i, raw in enumerate(seq):
        before = len(rep.problems)
        rec = rep.record(raw, f"{key}[{i}]", seq.line_of(i), spec)
        if rec is not None and len(rep.problems) == before:
            out.append((rec, raw))
    return out


def _hours(rec: dict[str, Any]) -> Hours:
    opens, closes = parse_time_range(rec["time"]) or (0, DAY_MINUTES)
    return Hours(rec["days"], rec["days_en"], rec["time"], frozenset(WEEKDAYS.index(d) for d in rec["weekdays"]),
                 opens, closes, HoursKind(rec["kind"]))


def load_hall(path: Path = DEFAULT_FILE) -> Hall:
    data, problems = load(path)
    rep = _Reporter(str(path))
    rep.problems += problems
    if not isinstance(data, LineDict):
        if data is None and not problems:  # nothing but blanks, comments or "---"
            rep.add(1, "(file)", "the file is empty: it must define name, hours, categories and windows")
        elif data is not None:
            what = "a list" if isinstance(data, list) else "a single value"
            rep.add(getattr(data, "line", 1) or 1, "(file)",
                    f"must be a mapping with name, hours, categories and windows, not {what}")
        raise ValidationError(rep.problems)
    top = {"name": (True, _text, None), "name_en": (True, _text, None), "address": (False, _text, ""),
           "hours": (True, lambda v: None, None), "categories": (True, lambda v: None, None),
           "windows": (True, lambda v: None, None), "queue": (False, lambda v: None, None),
           "language": (False, lambda v: None if v in LANGUAGES else "must be one of " + ", ".join(LANGUAGES),
                        "zh_CN"),
           "staff_pin": (False, _pin, ""), "officers": (False, lambda v: None, None),
           "reception": (False, lambda v: None, None), "promises": (False, lambda v: None, None),
           "communities": (False, lambda v: None, None), "daily_quotas": (False, lambda v: None, None)}
    head = rep.record(data, "hall", data.line, top)
    hours = _check_list(data, "hours", rep, {
        "days": (True, _text, None), "days_en": (True, _text, None), "time": (True, _time_range, None),
        "weekdays": (True, _weekdays, None),
        "kind": (False, lambda v: None if v in tuple(HoursKind) else "must be one of " + ", ".join(HoursKind),
                 HoursKind.WINDOWS.value)})
    if isinstance(data.get("hours"), LineList) and len(hours) == len(data["hours"]) and \
            not any(rec["kind"] == HoursKind.WINDOWS for rec, _ in hours):
        rep.add(data.line_of("hours"), "hours", "no line says when the windows call tickets (kind: windows)")
    cats = _check_list(data, "categories", rep, {
        "code": (True, lambda v: None if v in CATEGORY_CODES else "must be one of " + ", ".join(CATEGORY_CODES), None),
        "prefix": (True, lambda v: None if isinstance(v, str) and re.fullmatch("[A-Z]", v)
                   else "must be one capital letter", None),
        "name": (True, _text, None), "name_en": (True, _text, None),
        "service_minutes": (True, lambda v: _int0(v) or (None if v > 0 else "must be > 0"), None)})
    codes = set()
    prefixes = set()
    for rec, raw in cats:
        if rec["code"] in codes:
            rep.add(raw.line_of("code"), "categories.code", f"'{rec['code']}' is used twice")
        if rec["prefix"] in prefixes:
            rep.add(raw.line_of("prefix"), "categories.prefix", f"'{rec['prefix']}' is used twice")
        codes.add(rec["code"])
        prefixes.add(rec["prefix"])
    wins = _check_list(data, "windows", rep, {
        "number": (True, lambda v: _int0(v) or (None if v > 0 else "must be > 0"), None),
        "name": (True, _text, None), "name_en": (True, _text, None),
        "categories": (True, lambda v: None if isinstance(v, list) and v else "must be a non-empty list", None)})
    numbers = set()
    for rec, raw in wins:
        if rec["number"] in numbers:
            rep.add(raw.line_of("number"), "windows.number", f"window {rec['number']} is listed twice")
        numbers.add(rec["number"])
        for j, c in enumerate(rec["categories"]):
            if c not in codes:
                rep.add(raw["categories"].line_of(j), f"windows[{rec['number']}].categories", f"unknown category '{c}'")
    for code in codes - {c for rec, _ in wins for c in rec["categories"]}:
        rep.add(data.line_of("windows"), "windows", f"no window serves category '{code}'")
    policy = QueuePolicy()
    if isinstance(data.get("queue"), LineDict):
        positive = lambda v: _num0(v) or (None if v > 0 else "must be > 0")
        whole = lambda v: _int0(v) or (None if v > 0 else "must be > 0")
        settings = rep.record(data["queue"], "queue", data.line_of("queue"), {
            "appointment_grace_minutes": (False, positive, policy.appointment_grace_minutes),
            "green_max_run": (False, whole, policy.green_max_run),
            "ordinary_wait_limit_minutes": (False, positive, policy.ordinary_wait_limit_minutes),
            "recall_interval_seconds": (False, _num0, policy.recall_interval_seconds),
            "max_calls": (False, whole, policy.max_calls),
            "reactivate_behind": (False, _int0, policy.reactivate_behind)})
        if settings is not None and not rep.problems:
            policy = QueuePolicy(**settings)
    elif "queue" in data:
        rep.add(data.line_of("queue"), "queue", "must be a mapping of policy settings")
    officers = _officers(data, rep)
    communities = _communities(data, rep)
    reception = _reception(data, rep)
    promises = _promises(data, rep)
    quotas = _quotas(data, rep)
    if rep.problems or head is None:
        raise ValidationError(rep.problems)
    return Hall(
        name=head["name"], name_en=head["name_en"],
        hours=tuple(_hours(r) for r, _ in hours),
        categories=tuple(Category(**r) for r, _ in cats),
        windows=tuple(Window(r["number"], r["name"], r["name_en"], tuple(r["categories"])) for r, _ in wins),
        policy=policy,
        language=head["language"],
        staff_pin=str(head["staff_pin"]),
        officers=officers, reception=reception, promises=promises, communities=communities, daily_quotas=quotas,
    )


def _phone(v: Any) -> str | None:
    return None if isinstance(v, str) and re.fullmatch(r"[0-9][0-9-]{6,15}", v) else "must be a phone number in quotes"


def _officers(data: LineDict, rep: _Reporter) -> tuple[Officer, ...]:
    if "officers" not in data:
        return ()
    found = _check_list(data, "officers", rep, {
        "id": (True, lambda v: None if isinstance(v, str) and re.fullmatch(r"[a-z0-9_-]{1,32}", v)
               else "must be a short code (a-z, 0-9, _ -)", None),
        "name": (True, _text, None), "name_en": (True, _text, None), "phone": (True, _phone, None),
        "groups": (True, lambda v: None if isinstance(v, list) and v and all(g in tuple(Group) for g in v)
                   else "must be a non-empty list of " + ", ".join(Group), None)})
    ids = [rec["id"] for rec, _ in found]
    for rec, raw in found:
        if ids.count(rec["id"]) > 1:
            rep.add(raw.line_of("id"), "officers.id", f"'{rec['id']}' is used twice")
    return tuple(Officer(r["id"], r["name"], r["name_en"], r["phone"], tuple(Group(g) for g in r["groups"]))
                 for r, _ in found)


def _communities(data: LineDict, rep: _Reporter) -> tuple[Community, ...]:
    if "communities" not in data:
        return ()
    found = _check_list(data, "communities", rep, {"name": (True, _text, None), "name_en": (True, _text, None)})
    names = [rec["name"] for rec, _ in found]
    for rec, raw in found:
        if names.count(rec["name"]) > 1:
            rep.add(raw.line_of("name"), "communities.name", f"'{rec['name']}' is listed twice")
    return tuple(Community(r["name"], r["name_en"]) for r, _ in found)


def _reception(data: LineDict, rep: _Reporter) -> Reception | None:
    if data.get("reception") is None:
        return None
    rec = rep.record(data["reception"], "reception", data.line_of("reception"), {
        "weekday": (True, lambda v: None if v in WEEKDAYS else "must be one of " + ", ".join(WEEKDAYS), None),
        "nth": (False, lambda v: _int0(v) or (None if v <= 5 else "must be 0 (every week) to 5"), 0),
        "time": (True, _time_range, None), "place": (True, _text, None), "place_en": (True, _text, None)})
    if rec is None or any(p.field.startswith("reception") for p in rep.problems):
        return None
    return Reception(WEEKDAYS.index(rec["weekday"]), rec["nth"], rec["time"], rec["place"], rec["place_en"])


def _dates(v: Any) -> str | None:
    if not isinstance(v, list) or not all(isinstance(d, _dt.date) for d in v):
        return "must be a list of dates like 2027-01-01"
    return None


def _quotas(data: LineDict, rep: _Reporter) -> tuple[tuple[str, int], ...]:
    """``daily_quotas:``: item code → tickets per day (a whole number ≥ 0)."""
    raw = data.get("daily_quotas")
    if raw is None:
        return ()
    if not isinstance(raw, LineDict):
        rep.add(data.line_of("daily_quotas"), "daily_quotas", "must be a mapping of item code to tickets per day")
        return ()
    found = []
    for code, n in raw.items():
        if not isinstance(code, str) or not code.strip():
            rep.add(raw.line_of(code), "daily_quotas", f"'{code}' is not an item code")
        elif isinstance(n, bool) or not isinstance(n, int) or n < 0:
            rep.add(raw.line_of(code), f"daily_quotas.{code}", "must be a whole number of tickets (0 or more)")
        else:
            found.append((code, n))
    return tuple(found)


def _promises(data: LineDict, rep: _Reporter) -> Promises:
    if data.get("promises") is None:
        return Promises()
    rec = rep.record(data["promises"], "promises", data.line_of("promises"), {
        "deferral_days": (False, lambda v: _int0(v) or (None if 1 <= v <= 60 else "must be 1 to 60"), 5),
        "holidays": (False, _dates, []), "workdays": (False, _dates, [])})
    if rec is None or any(p.field.startswith("promises") for p in rep.problems):
        return Promises()
    return Promises(rec["deferral_days"], tuple(rec["holidays"]), tuple(rec["workdays"]))
