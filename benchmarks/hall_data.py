"""Realistic hall data for the benchmarks: a year of history and a busy today, through the real schema.

    python benchmarks/hall_data.py                 # build (or reuse) the cached SQLite file, print a summary
    python benchmarks/hall_data.py --force         # build it again
    python benchmarks/hall_data.py --out DIR       # ... and copy it into the data directory DIR
    python benchmarks/hall_data.py --pg URL        # ... and load it into the (empty) PostgreSQL database URL

What it holds (deterministic: one seed, the hall of ``assets/hall.yaml``, the real catalogue):

- **history**: the HISTORY_DAYS working days (Mon–Fri) before today, ~DAY_TICKETS tickets each
  (≈ 200,000 in all, busier on Mondays), every one closed the same day: issued, called (8 % also
  recalled), started and done; ~5 % no-shows after three calls (a third of them reactivated and
  served later), ~2 % transfers (to another category, a quarter of them to one window), ~3 %
  suspended and resumed (at the same window or another of the category), ~0.5 % cancelled while
  waiting; two windows a day pause for lunch. Identity hashes of past days are erased (day close).
- **today** (the real date of the run, so every terminal's wall clock sees it): TODAY_TICKETS
  tickets issued 08:30–15:30, a stress day (service times shortened so ten windows keep up), and the
  hall as it stands at 15:30: most done, ~60 waiting, a ticket called or being served at most
  windows, a few suspended, windows 5, 7 and 10 paused; ~30 % of today's tickets carry an identity
  hash (the one-open-ticket rule has something to check).

How: a small discrete-event simulation of the hall (arrivals by the simulation's hourly profile,
windows pick with the real queue rule ``kiosk.domain.queue.pick_next``) that moves every ticket
with the real lifecycle functions (``kiosk.domain.lifecycle``: call, recall, start, finish, no_show,
transfer, suspend, resume, reactivate, cancel), so each event row carries exactly the fields the
store would write: day, kind, at, window, category, to_category, to_window, other_window, reason,
duration (wait on called, walk-up on started, service on done, hold on resumed), ended_call,
green. Ids follow the events' times (commit order, as the change feed needs). The rows go into
the real tables (``kiosk.store.schema``) by SQLAlchemy Core executemany in large batches, on the
engine ``kiosk.store.db.SqlStore`` opens; ``counters`` continue today's numbering, ``meta`` has
the day close done, ``windows`` holds the paused ones.

The SQLite file is cached under ``benchmarks/.cache/`` keyed by VERSION, the seed and today's
date, and copied for each use. PostgreSQL gets the same rows by COPY from that file (the
benchmarks load it once per run into a template database and clone that per benchmark).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as _dt
import heapq
import json
import math
import os
import random
import shutil
import sqlite3
import sys
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

from kiosk.domain import lifecycle as lc
from kiosk.domain.lifecycle import Move, NewTicket, PauseReason, Status, SuspendReason, Ticket
from kiosk.domain.queue import eligible, green_run, pick_next
from kiosk.domain.tickets import format_number, request_key

VERSION = "hall-data-3"
SEED = 20261127
HISTORY_DAYS = 250
DAY_TICKETS = 800
TODAY_TICKETS = 3000
CACHE_DIR = common.BENCH_DIR / ".cache"
DB_NAME = "kiosk.sqlite3"
BATCH = 20_000

#: Arrivals per hour over a day (kiosk.sim's profile): morning peak, 午间 dip, afternoon, quiet end.
PROFILE = ((8.5, 36), (9.0, 58), (11.0, 42), (12.0, 16), (13.5, 46), (15.0, 40), (16.5, 20), (17.0, 0))
#: Share of tickets and mean service minutes per category, an ordinary day (~85 % load on 10 windows).
HISTORY_MIX = {"comprehensive": (0.50, 3.5), "consult": (0.15, 2.0), "realty": (0.1375, 6.5),
               "police": (0.106, 4.0), "cannot_do": (0.0375, 10.0), "assist": (0.0685, 6.0)}
#: Today: as many tickets per window everywhere, services under a minute (3,000 tickets on 10 windows).
TODAY_MIX = {"comprehensive": (0.38, 0.5), "consult": (0.12, 0.35), "realty": (0.20, 0.5),
             "police": (0.10, 0.5), "cannot_do": (0.10, 0.5), "assist": (0.10, 0.5)}
TODAY_OPEN, TODAY_STOP = 8.5, 15.5
#: Today's paused windows, with the minutes before TODAY_STOP they were asked to pause.
TODAY_PAUSES = ((5, PauseReason.TRAINING, 25), (7, PauseReason.AWAY, 10), (10, PauseReason.LUNCH, 15))
GREEN_REASONS = ("elder", "elder", "elder", "veteran", "disabled", "pregnant", "talent", "foreign_investor")
POPULAR = {"SHBX": 3, "YLBX": 3, "HJBL": 2.5, "BDCD": 2, "GJJF": 2, "QYKB": 2, "GTGS": 2, "JZZM": 1.5}

#: The event table's columns, in the store's order (kiosk.store.db._insert_event).
EVENT_KEYS = ("id", "ticket_id", "day", "kind", "at", "window", "category", "to_category", "to_window",
              "other_window", "reason", "duration", "ended_call", "green")


@dataclass
class Summary:
    version: str = VERSION
    seed: int = SEED
    today: str = ""
    days: int = 0
    first_day: str = ""
    tickets: int = 0
    events: int = 0
    window_events: int = 0
    today_tickets: int = 0
    today_events: int = 0
    waiting: int = 0
    at_windows: dict = field(default_factory=dict)  # window → status of its ticket
    suspended: int = 0
    paused: list = field(default_factory=list)
    generate_s: float = 0.0  # simulate + insert, when it was generated
    copy_s: float = 0.0  # copying the cached file (or loading PostgreSQL) for this use
    cached: bool = False
    size_mb: float = 0.0


def working_days(today: _dt.date, n: int) -> list[_dt.date]:
    out, d = [], today
    while len(out) < n:
        d -= _dt.timedelta(days=1)
        if d.weekday() < 5:
            out.append(d)
    return out[::-1]


@dataclass
class Plan:
    """What will happen to one visitor (drawn up front, in a fixed order, from the day's RNG)."""

    at: float
    category: str
    item_code: str | None
    bundle_code: str | None
    subject: str
    green_reason: str
    person: bool
    appointment: float | None
    no_show: bool
    reactivate_after: float | None
    recall: bool
    transfer: tuple[str, int | None] | None
    transfer_called: bool  # transferred while only called (before the service started)
    suspend: tuple[SuspendReason, float, float] | None  # reason, hold seconds, part of the service before
    walk: float  # seconds from the call to the start
    service: float  # seconds of service
    cancel_after: float | None
    came_back: bool = False


class Generator:
    """Simulates the days one after another and writes their rows (ids global, in time order)."""

    def __init__(self, conn, catalogue, hall, seed: int = SEED):
        from kiosk.store.schema import counters, meta, ticket_events, tickets, window_events, windows

        self.conn, self.catalogue, self.hall, self.seed = conn, catalogue, hall, seed
        self.t_tickets, self.t_events, self.t_counters = tickets, ticket_events, counters
        self.t_window_events, self.t_windows, self.t_meta = window_events, windows, meta
        self.next_ticket = 1
        self.next_event = 1
        self.pending_tickets: list[dict] = []
        self.pending_events: list[dict] = []
        self.window_event_rows: list[dict] = []
        self.window_rows: dict[int, dict] = {}
        self.counter_rows: list[dict] = []
        self.n_tickets = self.n_events = 0
        self.items_by_cat: dict[str, tuple[list, list[float]]] = {}
        for item in catalogue.items:
            items, weights = self.items_by_cat.setdefault(item.window, ([], []))
            items.append(item)
            weights.append(POPULAR.get(item.theme, 1.0) * (1.0 if item.visits <= 1 else 0.5))
        self.bundles_by_cat: dict[str, list] = {}
        for b in catalogue.bundles:
            self.bundles_by_cat.setdefault(b.window, []).append(b)
        self.prefix = {c.code: c.prefix for c in hall.categories}
        self.cat_name = {c.code: c.name for c in hall.categories}
        self.windows_for = {c.code: [w.number for w in hall.windows_for(c.code)] for c in hall.categories}
        self.shared = {c.code: hall.shared_categories(c.code) for c in hall.categories}

    # --- writing ---------------------------------------------------------------------------------

    def flush(self, force: bool = False) -> None:
        if not force and len(self.pending_events) < BATCH * 2:
            return
        for start in range(0, len(self.pending_tickets), BATCH):
            self.conn.execute(self.t_tickets.insert(), self.pending_tickets[start:start + BATCH])
        for start in range(0, len(self.pending_events), BATCH):
            self.conn.execute(self.t_events.insert(), self.pending_events[start:start + BATCH])
        self.n_tickets += len(self.pending_tickets)
        self.n_events += len(self.pending_events)
        self.pending_tickets, self.pending_events = [], []

    def finish(self, today: str) -> None:
        self.flush(force=True)
        if self.counter_rows:
            self.conn.execute(self.t_counters.insert(), self.counter_rows)
        self.window_event_rows.sort(key=lambda r: r["at"])
        for i, r in enumerate(self.window_event_rows, 1):
            r["id"] = i
        if self.window_event_rows:
            self.conn.execute(self.t_window_events.insert(), self.window_event_rows)
        if self.window_rows:
            self.conn.execute(self.t_windows.insert(), list(self.window_rows.values()))
        from kiosk.store.schema import set_meta

        set_meta(self.conn, "closed_before", today)  # day close done: earlier days' ID hashes are gone

    # --- a day -----------------------------------------------------------------------------------

    def day(self, day: _dt.date, n: int, mix: dict, today: bool) -> Day:
        sim = Day(self, day, n, mix, today)
        sim.run()
        # ids in commit order: the events by time (ties in the order they happened)
        sim.events.sort(key=lambda e: (e[0], e[1]))
        for _at, _seq, row in sim.events:
            row["id"] = self.next_event
            self.next_event += 1
            self.pending_events.append(row)
        for t in sim.tickets.values():
            row = dict(t.__dict__)
            row["status"] = t.status.value
            if not today:
                row["person_key"] = None  # erased at day close
            self.pending_tickets.append(row)
        for cat, seq in sim.seq.items():
            self.counter_rows.append(dict(day=day.isoformat(), category=cat, last_seq=seq))
        self.flush()
        return sim


class Day:
    """One day of the hall: a discrete-event simulation driven by the real lifecycle functions."""

    def __init__(self, gen: Generator, day: _dt.date, n: int, mix: dict, today: bool):
        self.gen, self.day, self.today = gen, day, today
        self.key = day.isoformat()
        self.rng = random.Random(f"{gen.seed}/{self.key}")
        self.hall, self.policy = gen.hall, gen.hall.policy
        midnight = _dt.datetime.combine(day, _dt.time()).timestamp()
        self.midnight = midnight
        self.stop = midnight + TODAY_STOP * 3600 if today else None
        self.tickets: dict[int, Ticket] = {}
        self.plans: dict[int, Plan] = {}  # ticket id → its plan
        self.arrivals: list[Plan] = []
        self.events: list[tuple[float, int, dict]] = []
        self.seq: dict[str, int] = {}
        self.waiting: dict[str, dict[int, Ticket]] = {c.code: {} for c in self.hall.categories}
        self.window_cats = {w.number: w.categories for w in self.hall.windows}
        self.busy = {w.number: False for w in self.hall.windows}
        self.paused: dict[int, bool] = {w.number: False for w in self.hall.windows}
        self.pause_pending: dict[int, tuple[PauseReason, float | None]] = {}
        self.ready: dict[str, list[tuple[int, int]]] = {c.code: [] for c in self.hall.categories}  # resumable
        self.remaining: dict[int, float] = {}
        self.greens: dict[tuple[str, ...], deque] = {cats: deque(maxlen=8) for cats in self.window_cats.values()}
        self.heap: list[tuple[float, int, object]] = []
        self._n = 0
        self.now = midnight
        self.plan_day(n, mix)

    # --- the plan --------------------------------------------------------------------------------

    def arrival_hours(self, n: int) -> list[float]:
        if self.today:  # a flat, busy day from opening to the stop (a little busier at the end)
            return sorted(TODAY_OPEN + (TODAY_STOP - TODAY_OPEN) * self.rng.random() ** 0.93 for _ in range(n))
        spans = [(a, b, r) for (a, r), (b, _) in zip(PROFILE, PROFILE[1:]) if r > 0]
        spans[-1] = (spans[-1][0], 16.75, spans[-1][2])  # the door closes at 16:45
        cum, total = [], 0.0
        for a, b, r in spans:
            total += (b - a) * r
            cum.append(total)
        out = []
        for _ in range(n):
            u = self.rng.random() * total
            i = bisect.bisect_left(cum, u)
            a, b, r = spans[i]
            before = cum[i - 1] if i else 0.0
            out.append(a + (u - before) / r)
        return sorted(out)

    def plan_day(self, n: int, mix: dict) -> None:
        rng, gen = self.rng, self.gen
        cats = list(mix)
        weights = [mix[c][0] for c in cats]
        hours = self.arrival_hours(n)
        for hour in hours:
            at = self.midnight + hour * 3600
            cat = rng.choices(cats, weights)[0]
            item_code = bundle_code = None
            base = mix[cat][1]
            if cat in gen.items_by_cat:
                if gen.bundles_by_cat.get(cat) and rng.random() < 0.05:
                    b = rng.choice(gen.bundles_by_cat[cat])
                    bundle_code, subject = b.code, b.name
                    base *= 1.6
                else:
                    items, w = gen.items_by_cat[cat]
                    item = rng.choices(items, w)[0]
                    item_code, subject = item.code, item.name
                    base *= 1.2 if item.kind == "承诺件" else 0.9
            else:
                subject = gen.cat_name[cat]
            green = rng.random() < 0.08
            person = green or rng.random() < 0.25
            appointment = at + rng.uniform(-600, 600) if rng.random() < 0.03 else None
            no_show = rng.random() < 0.05
            transfer = None
            if rng.random() < 0.02:
                target = rng.choice([c for c in cats if c != cat])
                to_window = rng.choice(gen.windows_for[target]) if rng.random() < 0.25 else None
                transfer = (target, to_window)
            suspend = None
            if not transfer and rng.random() < 0.03:
                suspend = (rng.choice(list(SuspendReason)), rng.uniform(4, 25) * 60,
                           rng.uniform(0.2, 0.7))
            sigma = 0.45
            service = max(20.0, rng.lognormvariate(math.log(base * 60) - sigma * sigma / 2, sigma))
            walk = rng.uniform(6, 25) if self.today else rng.uniform(15, 60)
            self.arrivals.append(Plan(
                at=at, category=cat, item_code=item_code, bundle_code=bundle_code, subject=subject,
                green_reason=rng.choice(GREEN_REASONS) if green else "", person=person, appointment=appointment,
                no_show=no_show, reactivate_after=rng.uniform(10, 50) * 60 if no_show and rng.random() < 0.35 else None,
                recall=rng.random() < 0.08, transfer=transfer, transfer_called=rng.random() < 0.2,
                suspend=suspend, walk=walk, service=service,
                cancel_after=rng.uniform(5, 30) * 60 if rng.random() < 0.005 else None))
        for i, p in enumerate(self.arrivals):
            self.push(p.at, ("arrive", i))
        if self.today:
            for w, reason, before in TODAY_PAUSES:
                self.push(self.stop - before * 60, ("pause", w, reason, None))
        else:
            for w in rng.sample(sorted(self.window_cats), 2):
                self.push(self.midnight + rng.uniform(11.9, 12.2) * 3600,
                          ("pause", w, PauseReason.LUNCH, self.midnight + rng.uniform(12.9, 13.2) * 3600))

    # --- the simulation ----------------------------------------------------------------------------

    def push(self, at: float, what: tuple) -> None:
        self._n += 1
        heapq.heappush(self.heap, (at, self._n, what))

    def run(self) -> None:
        while self.heap:
            at, _, what = heapq.heappop(self.heap)
            if self.stop is not None and at > self.stop:
                break
            self.now = at
            getattr(self, "on_" + what[0])(*what[1:])

    def record(self, move: Move) -> bool:
        """Apply one move (if it happens before the stop); False when the day stops first."""
        ev = move.event
        if self.stop is not None and ev.at > self.stop:
            return False
        after = move.after
        self.tickets[after.id] = after
        self._n += 1
        self.events.append((ev.at, self._n, dict(
            ticket_id=after.id, day=after.day, kind=ev.kind.value, at=ev.at, window=ev.window, category=ev.category,
            to_category=ev.to_category, to_window=ev.to_window, other_window=ev.other_window, reason=ev.reason,
            duration=ev.duration, ended_call=ev.ended_call, green=after.green)))
        return True

    def gap(self) -> float:
        return self.rng.uniform(2, 6) if self.today else self.rng.uniform(5, 25)

    def on_arrive(self, i: int) -> None:
        p = self.arrivals[i]
        gen = self.gen
        tid = gen.next_ticket
        gen.next_ticket += 1
        seq = self.seq[p.category] = self.seq.get(p.category, 0) + 1
        new = NewTicket(day=self.key, category=p.category, prefix=gen.prefix[p.category], subject=p.subject,
                        request_key=request_key(p.item_code, p.bundle_code, p.category), now=p.at,
                        item_code=p.item_code, bundle_code=p.bundle_code,
                        person_key=f"{self.rng.getrandbits(128):032x}" if p.person else None,
                        green=bool(p.green_reason), green_reason=p.green_reason,
                        appointment_at=lc.appointment_priority(p.appointment, p.at,
                                                               self.policy.appointment_grace_minutes))
        t = Ticket(id=tid, **new.values(seq, format_number(new.prefix, seq)))  # type: ignore[arg-type]
        self.tickets[tid] = t
        self.plans[tid] = p
        self._n += 1
        ev = new.event()
        self.events.append((ev.at, self._n, dict(
            ticket_id=tid, day=self.key, kind=ev.kind.value, at=ev.at, window=None, category=ev.category,
            to_category=None, to_window=None, other_window=None, reason=None, duration=None, ended_call=False,
            green=t.green)))
        self.waiting[t.category][tid] = t
        if p.cancel_after is not None:
            self.push(p.at + p.cancel_after, ("cancel", tid))
        self.wake(t.category)

    def wake(self, category: str) -> None:
        """A ticket joined the queue of ``category``: a free window that serves it calls."""
        for w in self.gen.windows_for[category]:
            if not self.busy[w] and not self.paused[w]:
                self.dispatch(w)

    def dispatch(self, w: int) -> None:
        if self.busy[w] or self.paused[w]:
            return
        cats = self.window_cats[w]
        for cat in cats:  # a suspended ticket that came back is taken up first
            if self.ready[cat]:
                tid, _ = self.ready[cat].pop(0)
                self.resume(w, tid)
                return
        candidates = eligible([t for c in cats for t in self.waiting[c].values()], w, cats)
        if not candidates:
            return
        chosen = pick_next(candidates, self.now, self.policy, green_run(self.greens[cats]))
        if chosen is None:
            return
        del self.waiting[chosen.category][chosen.id]
        self.greens[cats].appendleft(chosen.green)
        self.call(w, chosen)

    def free_at(self, w: int, at: float) -> None:
        self.push(at, ("free", w))

    def on_free(self, w: int) -> None:
        self.busy[w] = False
        pending = self.pause_pending.pop(w, None)
        if pending is not None:
            reason, until = pending
            if until is None or self.now < until:
                self.pause(w, reason, until)
                return
        self.dispatch(w)

    def on_pause(self, w: int, reason: PauseReason, until: float | None) -> None:
        if self.busy[w]:
            self.pause_pending[w] = (reason, until)
        else:
            self.pause(w, reason, until)

    def pause(self, w: int, reason: PauseReason, until: float | None) -> None:
        self.paused[w] = True
        self.gen.window_event_rows.append(dict(window=w, at=self.now, kind="paused", reason=reason.value))
        self.gen.window_rows[w] = dict(number=w, paused=True, reason=reason.value, updated_at=self.now)
        if until is not None:
            self.push(until, ("reopen", w))

    def on_reopen(self, w: int) -> None:
        self.paused[w] = False
        self.gen.window_event_rows.append(dict(window=w, at=self.now, kind="reopened", reason=None))
        self.gen.window_rows[w] = dict(number=w, paused=False, reason=None, updated_at=self.now)
        self.dispatch(w)

    def on_cancel(self, tid: int) -> None:
        t = self.tickets[tid]
        if t.status == Status.WAITING and tid in self.waiting[t.category]:
            del self.waiting[t.category][tid]
            self.record(lc.cancel(t, self.now))

    def on_reactivate(self, tid: int) -> None:
        t = self.tickets[tid]
        if t.status != Status.NO_SHOW:
            return
        serving = set(self.gen.windows_for[t.category])
        keys = [x.queue_key for c in self.gen.shared[t.category] for x in self.waiting[c].values()
                if x.target_window is None or x.target_window in serving]
        if not self.record(lc.reactivate(t, self.now, lc.rejoin_time(keys, tid, self.policy.reactivate_behind,
                                                                     self.now))):
            return
        self.plans[tid].came_back = True
        t = self.tickets[tid]
        self.waiting[t.category][tid] = t
        self.wake(t.category)

    def on_requeue(self, tid: int) -> None:
        t = self.tickets[tid]
        self.waiting[t.category][tid] = t
        self.wake(t.category)

    def on_resumable(self, tid: int, w0: int) -> None:
        t = self.tickets[tid]
        self.ready[t.category].append((tid, w0))
        for w in [w0] + [x for x in self.gen.windows_for[t.category] if x != w0]:
            if t.category in self.window_cats[w] and not self.busy[w] and not self.paused[w]:
                self.dispatch(w)
                return

    # --- what a window does with a ticket, scripted from the call on ------------------------------

    def call(self, w: int, t: Ticket) -> None:
        self.busy[w] = True
        p = self.plans[t.id]
        rng, tid = self.rng, t.id
        cursor = self.now
        if not self.record(lc.call(t, w, cursor)):
            return
        recall_s, max_calls = self.policy.recall_interval_seconds, self.policy.max_calls

        def t_() -> Ticket:
            return self.tickets[tid]

        if p.no_show and not p.came_back:
            for _ in range(max_calls):  # two recalls, then the call after the third is a no-show
                cursor += recall_s + rng.uniform(0, 30)
                if not self.record(lc.recall(t_(), cursor, recall_s, max_calls)):
                    return
            self.free_at(w, cursor + self.gap())
            if p.reactivate_after is not None:
                self.push(cursor + p.reactivate_after, ("reactivate", tid))
            return
        if p.recall:
            cursor += recall_s + rng.uniform(0, 40)
            if not self.record(lc.recall(t_(), cursor, recall_s, max_calls)):
                return
        cursor += p.walk
        if p.transfer and p.transfer_called:
            self.transfer(w, tid, cursor)
            return
        if not self.record(lc.start(t_(), cursor)):
            return
        if p.transfer:
            self.transfer(w, tid, cursor + rng.uniform(0.1, 0.5) * p.service)
            return
        if p.suspend:
            reason, hold, part = p.suspend
            cursor += part * p.service
            if not self.record(lc.suspend(t_(), cursor, reason)):
                return
            p.suspend = None
            self.remaining[tid] = (1 - part) * p.service
            self.free_at(w, cursor + self.gap())
            self.push(cursor + hold, ("resumable", tid, w))
            return
        cursor += p.service
        if self.record(lc.finish(t_(), cursor)):
            self.free_at(w, cursor + self.gap())

    def transfer(self, w: int, tid: int, at: float) -> None:
        p = self.plans[tid]
        category, to_window = p.transfer  # type: ignore[misc]
        if to_window == w:  # the window itself: a transfer within its other category
            to_window = None
        self.hall.check_transfer(w, category, to_window)
        if not self.record(lc.transfer(self.tickets[tid], at, category, to_window)):
            return
        p.transfer = None
        self.free_at(w, at + self.gap())
        self.push(at, ("requeue", tid))

    def resume(self, w: int, tid: int) -> None:
        self.busy[w] = True
        if not self.record(lc.resume(self.tickets[tid], self.now, w)):
            return
        end = self.now + self.remaining.pop(tid)
        if self.record(lc.finish(self.tickets[tid], end)):
            self.free_at(w, end + self.gap())


# --- building, caching, copying ----------------------------------------------------------------

def day_count(day: _dt.date, rng: random.Random) -> int:
    weekday = (1.15, 1.0, 0.95, 1.0, 0.9)[day.weekday()]
    return max(100, round(DAY_TICKETS * weekday * rng.uniform(0.9, 1.1)))


def generate(store, today: _dt.date, seed: int = SEED, days: int = HISTORY_DAYS,
             today_tickets: int = TODAY_TICKETS) -> Summary:
    """Fill ``store`` (an empty SqlStore) with the history and today. Returns what it wrote."""
    from kiosk.app import load_data

    catalogue, hall = load_data()
    t0 = time.perf_counter()
    summary = Summary(seed=seed, today=today.isoformat())
    history = working_days(today, days)
    rng = random.Random(f"{seed}/counts")
    with store.engine.begin() as conn:
        gen = Generator(conn, catalogue, hall, seed)
        for d in history:
            gen.day(d, day_count(d, rng), HISTORY_MIX, today=False)
        before = gen.next_event
        sim = gen.day(today, today_tickets, TODAY_MIX, today=True)
        gen.finish(today.isoformat())
    summary.days = len(history)
    summary.first_day = history[0].isoformat() if history else today.isoformat()
    summary.tickets, summary.events = gen.n_tickets, gen.n_events
    summary.window_events = len(gen.window_event_rows)
    summary.today_tickets = len(sim.tickets)
    summary.today_events = gen.next_event - before
    summary.waiting = sum(t.status == Status.WAITING for t in sim.tickets.values())
    summary.at_windows = {t.window: t.status.value for t in sim.tickets.values()
                          if t.status in (Status.CALLED, Status.SERVING)}
    summary.suspended = sum(t.status == Status.SUSPENDED for t in sim.tickets.values())
    summary.paused = sorted(w for w, p in sim.paused.items() if p)
    summary.generate_s = time.perf_counter() - t0
    return summary


def schema_fingerprint() -> str:
    """A hash of the schema's DDL (tables and indexes): a changed schema means new data."""
    import hashlib

    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from kiosk.store.schema import SCHEMA, TABLES

    ddl = [repr(SCHEMA)]
    for t in TABLES:
        ddl.append(str(CreateTable(t).compile(dialect=sqlite.dialect())))
        ddl += sorted(str(CreateIndex(ix).compile(dialect=sqlite.dialect())) for ix in t.indexes)
    return hashlib.sha1("\n".join(ddl).encode()).hexdigest()[:8]


def cache_key(today: _dt.date, seed: int = SEED) -> str:
    return f"{VERSION}-{seed}-{schema_fingerprint()}-{today.isoformat()}"


def cached_file(today: _dt.date | None = None, force: bool = False) -> tuple[Path, Summary]:
    """The cached SQLite database of the hall's data for ``today`` (built if missing)."""
    from kiosk.store.db import SqlStore

    today = today or _dt.date.today()
    key = cache_key(today)
    folder = CACHE_DIR / key
    path, info = folder / DB_NAME, folder / "summary.json"
    if path.is_file() and info.is_file() and not force:
        summary = Summary(**json.loads(info.read_text()))
        summary.cached = True
        return path, summary
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for old in CACHE_DIR.iterdir():  # other versions and days: not needed any more
        if old.is_dir() and old.name.startswith("hall-data-") and old.name != key:
            shutil.rmtree(old, ignore_errors=True)
    build = CACHE_DIR / f".build-{key}-{os.getpid()}"
    shutil.rmtree(build, ignore_errors=True)
    store = SqlStore.open(build)
    try:
        summary = generate(store, today)
    finally:
        store.close()
    for extra in ("-wal", "-shm"):  # closed: everything is in the main file
        (build / (DB_NAME + extra)).unlink(missing_ok=True)
    summary.size_mb = (build / DB_NAME).stat().st_size / 2**20
    (build / "summary.json").write_text(json.dumps(asdict(summary), indent=1))
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(build, folder)
    return path, summary


def sqlite_data_dir(dest: Path, today: _dt.date | None = None) -> Summary:
    """Copy the cached hall data into the data directory ``dest`` (created 0700)."""
    path, summary = cached_file(today)
    dest = Path(dest)
    dest.mkdir(mode=0o700, parents=True, exist_ok=True)
    t0 = time.perf_counter()
    shutil.copyfile(path, dest / DB_NAME)
    os.chmod(dest / DB_NAME, 0o600)
    summary.copy_s = time.perf_counter() - t0
    return summary


#: Tables in load order (foreign keys), with their id sequences on PostgreSQL.
LOAD_ORDER = ("meta", "counters", "tickets", "ticket_events", "windows", "window_events")
SERIALS = ("tickets", "ticket_events", "window_events")


def load_postgres(url: str, today: _dt.date | None = None) -> Summary:
    """Create the schema in the empty PostgreSQL database ``url`` (SqlStore does it) and COPY the
    cached hall data into it, then set the id sequences and ANALYZE (autovacuum would, soon)."""
    from kiosk.store.db import SqlStore
    from kiosk.store.schema import TABLES

    path, summary = cached_file(today)
    t0 = time.perf_counter()
    store = SqlStore(url)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        raw = store.engine.raw_connection()
        try:
            cur = raw.cursor()
            tables = {t.name: t for t in TABLES}
            cur.execute("DELETE FROM meta WHERE key = 'closed_before'")
            for name in LOAD_ORDER:
                table = tables[name]
                cols = [c.name for c in table.columns]
                bools = [i for i, c in enumerate(table.columns) if c.type.python_type is bool]
                quoted = ", ".join(f'"{c}"' for c in cols)
                rows = src.execute(f"SELECT {quoted} FROM {name} ORDER BY 1")
                if name == "meta":
                    rows = [r for r in rows if r[0] == "closed_before"]
                with cur.copy(f'COPY {name} ({quoted}) FROM STDIN') as copy:
                    for r in rows:
                        if bools:
                            r = list(r)
                            for i in bools:
                                r[i] = bool(r[i])
                        copy.write_row(r)
            for name in SERIALS:
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)")
            raw.commit()
            raw.driver_connection.autocommit = True
            cur.execute("VACUUM ANALYZE")
        finally:
            raw.close()
    finally:
        src.close()
        store.close()
    summary.copy_s = time.perf_counter() - t0
    return summary


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--force", action="store_true", help="generate again even if cached")
    ap.add_argument("--out", type=Path, help="copy into this data directory")
    ap.add_argument("--pg", metavar="URL", help="load into this empty PostgreSQL database")
    args = ap.parse_args(argv)
    path, summary = cached_file(force=args.force)
    print(f"{path} ({'cached' if summary.cached else 'generated'})")
    if args.out:
        summary = sqlite_data_dir(args.out)
        print(f"copied into {args.out} in {summary.copy_s:.2f} s")
    if args.pg:
        summary = load_postgres(args.pg)
        print(f"loaded into {args.pg} in {summary.copy_s:.1f} s")
    print(json.dumps(asdict(summary), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
