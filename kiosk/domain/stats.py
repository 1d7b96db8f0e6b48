"""A day's queue statistics from its ticket events (Qt-free, no database).

Input: the events of one day in order, as :meth:`kiosk.store.db.Store.day_events` returns them —
``(event_id, at, event, window, detail, ticket)`` with ``at`` in epoch seconds. Output:
:class:`DayStats` with the same :class:`Figures` for the whole day, per ticket category and per
window, and :meth:`DayStats.rows` for a CSV file. All times are in minutes.

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
  than 10 samples it is the largest). A figure without samples is ``None``.
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
- **Category**: the category the ticket was in at the moment of the event. A transfer changes a
  ticket's category (the store keeps only the final one; the category before each transfer is
  read from the transfer's detail, ``"old->new"`` or ``"old->new@window"``). So a transferred
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
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from kiosk.domain.tickets import Ticket

if TYPE_CHECKING:
    from kiosk.domain.hall import Hall

#: One event as Store.day_events returns it: (event_id, at, event, window, detail, ticket).
Event = tuple[int, float, str, Optional[int], str, Ticket]

#: The CSV columns, in order (the last four add counts that the table shows too).
ROW_FIELDS = ("scope", "key", "name", "tickets", "served", "no_shows", "no_show_rate",
              "mean_wait_min", "p90_wait_min", "mean_service_min", "p90_service_min",
              "mean_walkup_min", "hold_min", "calls", "cancelled", "transferred_out", "transferred_in")


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def p90(values: Sequence[float]) -> float | None:
    """The 90th percentile by nearest rank: the ceil(0.9·n)-th smallest value."""
    return percentile(values, 90)


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (``pct`` in 0–100]; ``None`` for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Figures:
    """The figures of one scope: the whole day, one category or one window."""

    scope: str  # "day", "category" or "window"
    key: str  # the day (YYYY-MM-DD), the category code or the window number
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
    waits: list[float] = field(default_factory=list)  # minutes, one per waiting stretch
    walkups: list[float] = field(default_factory=list)
    services: list[float] = field(default_factory=list)
    hold_min: float = 0.0

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows / self.calls_ended if self.calls_ended else None

    @property
    def mean_wait_min(self) -> float | None:
        return mean(self.waits)

    @property
    def p90_wait_min(self) -> float | None:
        return p90(self.waits)

    @property
    def mean_walkup_min(self) -> float | None:
        return mean(self.walkups)

    @property
    def mean_service_min(self) -> float | None:
        return mean(self.services)

    @property
    def p90_service_min(self) -> float | None:
        return p90(self.services)

    @property
    def active(self) -> bool:
        return bool(self.tickets or self.calls or self.served or self.no_shows or self.cancelled
                    or self.transferred_out or self.transferred_in or self.waits or self.hold_min)

    def row(self) -> dict:
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
        }


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class DayStats:
    day: str
    overall: Figures
    by_category: dict[str, Figures]  # category code → figures, the hall's order first
    by_window: dict[int, Figures]  # window number → figures, ascending

    @property
    def empty(self) -> bool:
        return not self.overall.active

    def rows(self) -> list[dict]:
        """Flat rows for a CSV file: the categories, then the windows, then the whole day."""
        return ([f.row() for f in self.by_category.values()] + [f.row() for f in self.by_window.values()]
                + [self.overall.row()])


@dataclass
class _Track:
    """One ticket's state while its events are replayed."""

    category: str
    wait_from: float | None = None
    called_at: float | None = None  # an open call (called, not yet started / no-show / transferred)
    started_at: float | None = None
    held: float = 0.0  # seconds suspended during the current service
    suspended_at: float | None = None
    suspended_window: int | None = None


def day_stats(day: str, events: Iterable[Event], hall: Hall | None = None) -> DayStats:
    """The statistics of ``day`` from its events in order (see the module docstring).

    ``hall`` gives the categories' and windows' names and the order of the categories; without
    it (or for a code the hall does not know) the code is the name. Only categories and windows
    that appear in the events are listed."""
    events = list(events)
    overall = Figures("day", day, "全天", "Whole day")
    cats: dict[str, Figures] = {}
    wins: dict[int, Figures] = {}
    window_tickets: dict[int, set[int]] = {}

    def cat(code: str) -> Figures:
        if code not in cats:
            name, name_en = code, code
            if hall is not None:
                found = next((c for c in hall.categories if c.code == code), None)
                if found is not None:
                    name, name_en = found.name, found.name_en
            cats[code] = Figures("category", code, name, name_en)
        return cats[code]

    def win(number: int | None) -> list[Figures]:
        if number is None:
            return []
        if number not in wins:
            name, name_en = f"{number}号窗口", f"Window {number}"
            if hall is not None:
                found = next((w for w in hall.windows if w.number == number), None)
                if found is not None:
                    name, name_en = found.name, found.name_en
            wins[number] = Figures("window", str(number), name, name_en)
        return [wins[number]]

    tracks: dict[int, _Track] = {}
    first_category = _first_categories(events)
    for _eid, at, event, window, detail, ticket in events:
        tr = tracks.get(ticket.id)
        if tr is None:
            tr = tracks[ticket.id] = _Track(first_category[ticket.id])
        here = [overall, cat(tr.category)]
        at_window = here + win(window)
        if event == "issued":
            for f in here:
                f.tickets += 1
            tr.wait_from = at
        elif event == "called":
            if tr.wait_from is not None:
                _add(at_window, "waits", _minutes(at - tr.wait_from))
                tr.wait_from = None
            for f in at_window:
                f.calls += 1
            if window is not None:
                window_tickets.setdefault(window, set()).add(ticket.id)
            tr.called_at = at
        elif event == "started":
            if tr.called_at is not None:
                _add(at_window, "walkups", _minutes(at - tr.called_at))
                _count(at_window, "calls_ended")
                tr.called_at = None
            tr.started_at, tr.held = at, 0.0
        elif event == "done":
            _count(at_window, "served")
            if tr.started_at is not None:
                _add(at_window, "services", _minutes(at - tr.started_at - tr.held))
            tr.started_at, tr.held = None, 0.0
        elif event == "no_show":
            _count(at_window, "no_shows")
            if tr.called_at is not None:
                _count(at_window, "calls_ended")
            tr.called_at = None
        elif event == "transferred":
            if tr.called_at is not None:  # transferred before the service started: the person came
                _count(at_window, "calls_ended")
            _count(at_window, "transferred_out")
            tr.category = _transferred_to(detail) or tr.category
            for f in (overall, cat(tr.category)):
                f.transferred_in += 1
            tr.called_at, tr.started_at, tr.held = None, None, 0.0
            tr.wait_from = at
        elif event == "suspended":
            tr.suspended_at, tr.suspended_window = at, window
        elif event == "resumed":
            if tr.suspended_at is not None:
                held = max(0.0, at - tr.suspended_at)
                tr.held += held
                for f in here + win(tr.suspended_window):
                    f.hold_min += held / 60
            tr.suspended_at = None
        elif event == "reactivated":
            tr.wait_from = at
            tr.called_at = None
        elif event == "cancelled":
            _count(here, "cancelled")
            tr.wait_from = tr.called_at = None
        # "recalled" and unknown events change no figure
    for number, ids in window_tickets.items():
        wins[number].tickets = len(ids)
    order = [c.code for c in hall.categories] if hall is not None else []
    by_category = {code: cats[code] for code in sorted(cats, key=lambda c: (c not in order,
                                                                            order.index(c) if c in order else 0, c))}
    return DayStats(day, overall, by_category, {n: wins[n] for n in sorted(wins)})


def _first_categories(events: list[Event]) -> dict[int, str]:
    """Each ticket's category before its first transfer (the store keeps the final one)."""
    first: dict[int, str] = {}
    for _eid, _at, event, _window, detail, ticket in events:
        if ticket.id in first:
            continue
        if event == "transferred":
            first[ticket.id] = _transferred_from(detail) or ticket.category
    for *_, ticket in events:
        first.setdefault(ticket.id, ticket.category)
    return first


def _transferred_from(detail: str) -> str | None:
    if "->" not in detail:
        return None
    return detail.split("->", 1)[0].strip() or None


def _transferred_to(detail: str) -> str | None:
    if "->" not in detail:
        return None
    return detail.split("->", 1)[1].split("@", 1)[0].strip() or None


def _minutes(seconds: float) -> float:
    return max(0.0, seconds) / 60  # clocks of two hosts may disagree by a little


def _add(figures: list[Figures], attr: str, value: float) -> None:
    for f in figures:
        getattr(f, attr).append(value)


def _count(figures: list[Figures], attr: str) -> None:
    for f in figures:
        setattr(f, attr, getattr(f, attr) + 1)
