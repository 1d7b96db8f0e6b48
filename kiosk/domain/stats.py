"""Queue statistics for a day or a period (Qt-free), summed in SQL from the events' own figures.

Every event carries the figure it closes (kiosk.domain.lifecycle: the wait on ``called``, the
walk-up on ``started``, the service on ``done``, the hold on ``resumed``, and whether it ended a
call), and the category and window it counts for, so a day or a year is a handful of GROUP BY
queries (:meth:`HallStore.stats_rows`), never a replay of events in Python. Output:
:class:`PeriodStats` with the same :class:`Figures` for the whole period, per ticket category
and per window, per day, and :meth:`PeriodStats.rows` for a CSV file. All times are in minutes.

What is measured
----------------
- **Waiting time**: from ``issued`` — or ``reactivated`` (a no-show that came back), or
  ``transferred`` (see below) — to the next ``called``. Repeat calls (``recalled``) do not end or
  start a wait. A ticket still waiting, or cancelled while waiting, gives no wait sample. Each such
  stretch is one sample, so a ticket that waited twice (after a reactivation or a transfer) gives
  two samples, in every scope.
- **Walk-up time**: from ``called`` (the first call, not a recall) to ``started``.
- **Service time**: from ``started`` to ``done``, minus the periods the ticket spent suspended
  (``suspended`` → ``resumed``, 挂起 for a 容缺 material ...).
- **Hold time**: the total minutes of closed suspensions (``suspended`` → ``resumed``). A ticket
  still suspended when the events end adds nothing (the period has no end yet).
- **Means** are arithmetic means; **p90** is the 90th percentile by the *nearest-rank* method:
  the ``ceil(0.9 · n)``-th smallest of the ``n`` samples (so always one of the samples; with fewer
  than 10 samples it is the largest), computed in SQL with a window function. A figure without
  samples is ``None``.
- **No-show rate**: no-shows ÷ calls that ended, where a call (``called``; recalls are the same
  call) ends when the person came (service ``started``, or the window ``transferred`` the ticket
  while it was still only called) or did not (``no_show``). A call still open when the events end
  is left out, so mid-day figures are not diluted by people walking up right now. ``None`` when
  no call has ended.

Counts: ``tickets`` — for the day and a category, the tickets *issued* (in the category they were
issued in); for a window, the distinct tickets it called. ``served`` — ``done`` events.
``no_shows`` — ``no_show`` events (a reactivated ticket that misses again counts again).
``calls`` — ``called`` events. ``cancelled`` — ``cancelled`` events (a cancel is not done at a
window, so windows always show 0). ``transferred_out`` / ``transferred_in`` — transfers away from /
into a category; for a window, the transfers it made (``transferred_out``) and 0 in; for the day,
both are the number of transfers. A transfer to another window within the same category counts
as out of and into that category.

Attribution
-----------
- **Category**: the category the ticket was in at the moment of the event (each event row keeps
  it; a transfer records the old one and ``to_category``). So a transferred
  ticket counts as issued in its first category and as ``transferred_out`` there; its waiting
  after the transfer (transferred → called) is a wait sample of the *new* category, and its
  service, walk-up and outcome count where it was finally served. The part of a service cut off
  by the transfer (started → transferred) is **not** a service sample anywhere: it did not end
  in ``done``.
- **Window**: the ``window`` of the event that closes the sample — the calling window for a wait
  and a call, the starting window for a walk-up, the window of ``done`` for a service (a ticket
  suspended at one window and resumed at another is served where it was finished), the window of
  ``suspended`` for hold time, the window of ``no_show`` / ``transferred`` for those counts.
  Events without a window (issued, reactivated, cancelled) count for no window.

The day's figures are always the union of the categories' samples; the windows' samples are a
subset of them (everything except waits and counts of events without a window).

Satisfaction (好差评)
--------------------
From the ratings (:meth:`RecordStore.rating_groups`: one GROUP BY day, window, category, item and
level) and their follow-ups (:meth:`RecordStore.follow_up_groups`: one GROUP BY with each 差评's
state), per day, category, window and item (an item has no queue figures: its other columns are
empty), and for the period. A rating counts on the day, at the window and in the category of the
service rated (the ticket's when it was served), whenever and wherever it was given.

- **Counts per level** (``level_5_very_satisfied`` … ``level_1_very_dissatisfied``) and ``rated``.
- **Satisfaction** (满意率): the share of ratings 基本满意 or better (levels 3–5); ``None`` without ratings.
- **差评** (``bad``): 不满意 and 非常不满意; each opens one follow-up.
- **Followed up on time**: of the 差评 whose follow-up is settled — closed, or already late — the share
  called back by the end of the 1st working day *and* put right by the end of the 15th
  (kiosk.domain.feedback). A follow-up still within its time and not done (``follow_pending``) is
  left out, as an open call is left out of the no-show rate. ``follow_late``: called or fixed after
  its due; ``follow_overdue``: the step due now is late (counted as of the moment the figures are made).
"""

from __future__ import annotations

import datetime as _dt
import math
import time as _time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.domain.lifecycle import Kind

if TYPE_CHECKING:
    from kiosk.domain.hall import Hall
    from kiosk.domain.ports import HallStore, StatsRows

#: 好差评's levels, best first, as the CSV names their counts.
LEVEL_FIELDS = {5: "level_5_very_satisfied", 4: "level_4_satisfied", 3: "level_3_fair", 2: "level_2_dissatisfied",
                1: "level_1_very_dissatisfied"}
#: A 差评 follow-up's state (RecordStore.follow_up_groups).
FOLLOW_STATES = ("on_time", "late", "overdue", "pending")

#: The CSV columns, in order (the last four queue columns add counts that the table shows too; then
#: satisfaction and the 差评 follow-ups).
ROW_FIELDS = ("scope", "key", "name", "tickets", "served", "no_shows", "no_show_rate",
              "mean_wait_min", "p90_wait_min", "mean_service_min", "p90_service_min",
              "mean_walkup_min", "hold_min", "calls", "cancelled", "transferred_out", "transferred_in",
              "rated", "satisfaction_rate", *LEVEL_FIELDS.values(), "bad", "follow_on_time", "follow_late",
              "follow_overdue", "follow_pending", "follow_on_time_rate")
#: The queue's columns (empty on an item's row: the queue is counted per category and window).
QUEUE_FIELDS = ROW_FIELDS[3:17]


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (``pct`` in 0–100]; ``None`` for no values (the rule the SQL uses)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def p90(values: Sequence[float]) -> float | None:
    return percentile(values, 90)


@dataclass(eq=False)  # one scope is one object: kept in dicts by identity
class Figures:
    """The figures of one scope: the period, one day, one category or one window."""

    scope: str  # "day" (the whole day or period), "category" or "window"
    key: str  # the day or period, the category code or the window number
    name: str = ""
    name_en: str = ""
    tickets: int = 0
    served: int = 0
    no_shows: int = 0
    calls: int = 0
    calls_ended: int = 0  # calls that ended in a service, a transfer or a no-show
    cancelled: int = 0
    transferred_out: int = 0
    transferred_in: int = 0
    wait_n: int = 0  # samples and their sums, in seconds
    wait_sum: float = 0.0
    wait_p90: float | None = None
    walkup_n: int = 0
    walkup_sum: float = 0.0
    service_n: int = 0
    service_sum: float = 0.0
    service_p90: float | None = None
    hold_sec: float = 0.0
    levels: dict[int, int] = field(default_factory=dict)  # 好差评 level → ratings
    follow: dict[str, int] = field(default_factory=dict)  # 差评 follow-up state → follow-ups

    @property
    def rated(self) -> int:
        return sum(self.levels.values())

    @property
    def satisfaction(self) -> float | None:
        """满意率: the share of ratings 基本满意 or better; None without ratings."""
        return sum(n for lv, n in self.levels.items() if lv >= 3) / self.rated if self.rated else None

    @property
    def bad(self) -> int:
        """差评: 不满意 and 非常不满意."""
        return sum(n for lv, n in self.levels.items() if lv <= 2)

    @property
    def follow_on_time_rate(self) -> float | None:
        """Of the follow-ups settled (closed, or already late), the share done on time."""
        settled = sum(self.follow.get(k, 0) for k in ("on_time", "late", "overdue"))
        return self.follow.get("on_time", 0) / settled if settled else None

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows / self.calls_ended if self.calls_ended else None

    @property
    def mean_wait_min(self) -> float | None:
        return self.wait_sum / self.wait_n / 60 if self.wait_n else None

    @property
    def p90_wait_min(self) -> float | None:
        return None if self.wait_p90 is None else self.wait_p90 / 60

    @property
    def mean_walkup_min(self) -> float | None:
        return self.walkup_sum / self.walkup_n / 60 if self.walkup_n else None

    @property
    def mean_service_min(self) -> float | None:
        return self.service_sum / self.service_n / 60 if self.service_n else None

    @property
    def p90_service_min(self) -> float | None:
        return None if self.service_p90 is None else self.service_p90 / 60

    @property
    def hold_min(self) -> float:
        return self.hold_sec / 60

    @property
    def active(self) -> bool:
        return bool(self.tickets or self.calls or self.served or self.no_shows or self.cancelled
                    or self.transferred_out or self.transferred_in or self.wait_n or self.hold_sec or self.rated)

    def add(self, kind: str, count: int, ended: int, n: int, total: float) -> None:
        """One (kind, count, calls ended, duration samples, their sum) group from the store."""
        self.calls_ended += ended
        if kind == Kind.ISSUED:
            self.tickets += count
        elif kind == Kind.CALLED:
            self.calls += count
            self.wait_n, self.wait_sum = self.wait_n + n, self.wait_sum + total
        elif kind == Kind.STARTED:
            self.walkup_n, self.walkup_sum = self.walkup_n + n, self.walkup_sum + total
        elif kind == Kind.DONE:
            self.served += count
            self.service_n, self.service_sum = self.service_n + n, self.service_sum + total
        elif kind == Kind.NO_SHOW:
            self.no_shows += count
        elif kind == Kind.CANCELLED:
            self.cancelled += count
        elif kind == Kind.TRANSFERRED:
            self.transferred_out += count
        elif kind == Kind.RESUMED and self.scope != "window":  # a window's holds come by other_window
            self.hold_sec += total

    def row(self) -> dict[str, Any]:
        """One flat CSV row (see ROW_FIELDS): minutes rounded to 0.01, the rate to 0.001,
        ``None`` where there is no sample."""
        return {
            "scope": self.scope, "key": self.key, "name": self.name, "tickets": self.tickets,
            "served": self.served, "no_shows": self.no_shows, "no_show_rate": _round(self.no_show_rate, 3),
            "mean_wait_min": _round(self.mean_wait_min), "p90_wait_min": _round(self.p90_wait_min),
            "mean_service_min": _round(self.mean_service_min), "p90_service_min": _round(self.p90_service_min),
            "mean_walkup_min": _round(self.mean_walkup_min), "hold_min": _round(self.hold_min),
            "calls": self.calls, "cancelled": self.cancelled, "transferred_out": self.transferred_out,
            "transferred_in": self.transferred_in,
            "rated": self.rated, "satisfaction_rate": _round(self.satisfaction, 3),
            **{name: self.levels.get(lv, 0) for lv, name in LEVEL_FIELDS.items()},
            "bad": self.bad, **{f"follow_{k}": self.follow.get(k, 0) for k in FOLLOW_STATES},
            "follow_on_time_rate": _round(self.follow_on_time_rate, 3),
        } | ({k: None for k in QUEUE_FIELDS} if self.scope == "item" else {})


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class PeriodStats:
    first: str
    last: str
    overall: Figures
    by_category: dict[str, Figures]  # category code → figures, the hall's order first
    by_window: dict[int, Figures]  # window number → figures, ascending
    by_day: dict[str, Figures] = field(default_factory=dict)  # each day with events, ascending
    by_item: dict[str, Figures] = field(default_factory=dict)  # item code → its ratings, most rated first

    @property
    def day(self) -> str:
        return self.first if self.first == self.last else f"{self.first}..{self.last}"

    @property
    def empty(self) -> bool:
        return not self.overall.active

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows for a CSV file: the categories, then the windows, then the rated items, then
        (for a period of several days) each day, then the whole period."""
        days = list(self.by_day.values()) if self.first != self.last else []
        return ([f.row() for f in self.by_category.values()] + [f.row() for f in self.by_window.values()]
                + [f.row() for f in self.by_item.values()] + [f.row() for f in days] + [self.overall.row()])


#: A day's statistics are a period of one day.
DayStats = PeriodStats


def period_stats(store: HallStore, first: str, last: str | None = None, hall: Hall | None = None,
                 items: Mapping[str, tuple[str, str]] | None = None, now: float | None = None) -> PeriodStats:
    """The statistics of the days ``first``..``last`` (inclusive; one day when ``last`` is None).

    ``hall`` gives the categories' and windows' names and the order of the categories; without
    it (or for a code the hall does not know) the code is the name; ``items`` gives the rated
    items' names (code → (name, name_en)). Only categories and windows that appear in the events
    (or the ratings) are listed. A store that keeps the hall's promises adds their satisfaction
    and follow-ups, the follow-ups' states as of ``now`` (default: the present moment)."""
    last = last or first
    ratings = follow = None
    if hasattr(store, "rating_groups"):  # a store with the promises' records (kiosk.domain.ports.RecordStore)
        ratings = store.rating_groups(first, last)
        follow = store.follow_up_groups(first, last, _time.time() if now is None else now)  # type: ignore[attr-defined]
    return build_stats(first, last, store.stats_rows(first, last), hall, ratings, follow, items)


def day_stats(store: HallStore, day: str, hall: Hall | None = None) -> PeriodStats:
    return period_stats(store, day, day, hall)


def build_stats(first: str, last: str, rows: StatsRows, hall: Hall | None = None,
                ratings: Sequence[tuple[str, int | None, str, str | None, int, int]] | None = None,
                follow: Sequence[tuple[str, int | None, str, str | None, str, int]] | None = None,
                items: Mapping[str, tuple[str, str]] | None = None) -> PeriodStats:
    key = first if first == last else f"{first}..{last}"
    overall = Figures("day", key, "全天" if first == last else "全期", "Whole day" if first == last else "Whole period")
    cats: dict[str, Figures] = {}
    wins: dict[int, Figures] = {}
    days: dict[str, Figures] = {}

    def cat(code: str) -> Figures:
        if code not in cats:
            name, name_en = code, code
            if hall is not None:
                found = next((c for c in hall.categories if c.code == code), None)
                if found is not None:
                    name, name_en = found.name, found.name_en
            cats[code] = Figures("category", code, name, name_en)
        return cats[code]

    def win(number: int) -> Figures:
        if number not in wins:
            name, name_en = f"{number}号窗口", f"Window {number}"
            if hall is not None:
                found = next((w for w in hall.windows if w.number == number), None)
                if found is not None:
                    name, name_en = found.name, found.name_en
            wins[number] = Figures("window", str(number), name, name_en)
        return wins[number]

    def day(d: str) -> Figures:
        if d not in days:
            days[d] = Figures("day", d, _dt.date.fromisoformat(d).strftime("%m-%d"), d)
        return days[d]

    for code, kind, count, ended, n, total in rows.by_category:
        cat(code).add(kind, count, ended, n, total)
        overall.add(kind, count, ended, n, total)
    for number, kind, count, ended, n, total in rows.by_window:
        win(number).add(kind, count, ended, n, total)
    for d, kind, count, ended, n, total in rows.by_day:
        day(d).add(kind, count, ended, n, total)
    for code, n in rows.transferred_in:
        cat(code).transferred_in += n
        overall.transferred_in += n
    for number, total in rows.window_holds:
        win(number).hold_sec += total
    for number, n in rows.window_tickets:
        win(number).tickets = n
    for f in days.values():  # a transfer leaves one category for another within the day
        f.transferred_in = f.transferred_out
    # the 90th percentiles: every wait (on ``called``) and service (on ``done``) sample of each scope
    waits: dict[Figures, list[float]] = {}
    services: dict[Figures, list[float]] = {}
    for category, window, kind, seconds in rows.samples:
        into = waits if kind == Kind.CALLED else services
        for f in (overall, cat(category), *((win(window),) if window is not None else ())):
            into.setdefault(f, []).append(seconds)
    for f, values in waits.items():
        f.wait_p90 = p90(values)
    for f, values in services.items():
        f.service_p90 = p90(values)
    # 好差评: the ratings' groups and their 差评's follow-ups, summed into every scope they belong to
    by_item: dict[str, Figures] = {}

    def scopes(d: str, window: int | None, category: str, item: str | None) -> list[Figures]:
        found = [overall, cat(category), day(d), *((win(window),) if window is not None else ())]
        if item:
            if item not in by_item:
                name, name_en = (items or {}).get(item, (item, item))
                by_item[item] = Figures("item", item, name, name_en)
            found.append(by_item[item])
        return found

    for d, window, category, item, level, n in ratings or ():
        for f in scopes(d, window, category, item):
            f.levels[level] = f.levels.get(level, 0) + n
    for d, window, category, item, state, n in follow or ():
        for f in scopes(d, window, category, item):
            f.follow[state] = f.follow.get(state, 0) + n
    order = [c.code for c in hall.categories] if hall is not None else []
    by_category = {code: cats[code] for code in sorted(cats, key=lambda c: (c not in order,
                                                                            order.index(c) if c in order else 0, c))}
    return PeriodStats(first, last, overall, by_category, {n: wins[n] for n in sorted(wins)},
                       {d: days[d] for d in sorted(days)},
                       {code: by_item[code] for code in sorted(by_item, key=lambda c: (-by_item[c].rated, c))})
