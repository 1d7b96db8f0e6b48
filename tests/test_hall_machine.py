"""A Hypothesis state machine over a small hall on a real store: tickets issued at the desk and
moved by every window action (TicketDesk and Counter, the services the screens and the command
line use), with a fake clock.

After every step: every open ticket is in exactly one place (waiting and callable by some window;
called or serving at one window that has no other; suspended at a window), no window has two
current tickets, numbers are unique and gap-free per category, the board's rows agree with the
tickets, and each ticket is exactly where a small model of the rules says it is. Refused actions
raise HallError with the code the rules give, never anything else. A ``drain`` step reopens every
window and works the queue empty: every waiting ticket must get called.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import tempfile
from collections import Counter as Tally
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SECRET, FakeClock
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test

from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request, TicketDesk
from kiosk.domain.hall import Category, Hall, Window
from kiosk.domain.lifecycle import AT_WINDOW, OPEN_STATUSES, Code, HallError, Kind, PauseReason, Status
from kiosk.domain.lifecycle import recall_wait as lc_recall_wait
from kiosk.domain.personas import PERSONAS
from kiosk.domain.queue import QueuePolicy, eligible, green_run, pick_next
from kiosk.domain.tickets import format_number, green_reason
from kiosk.store.db import SqlStore

POLICY = QueuePolicy(appointment_grace_minutes=5, green_max_run=2, ordinary_wait_limit_minutes=3,
                     recall_interval_seconds=10, max_calls=2, reactivate_behind=1)
CATEGORIES = (("comprehensive", "A"), ("consult", "Z"), ("realty", "B"), ("police", "C"), ("cannot_do", "D"))
SERVED = ("comprehensive", "consult", "realty", "police")  # cannot_do: no window serves it
HALL = Hall(
    name="测试大厅", name_en="Test hall", hours=(),
    categories=tuple(Category(code, prefix, code, code, 5) for code, prefix in CATEGORIES),
    windows=(Window(1, "一", "one", ("comprehensive", "consult")),
             Window(2, "二", "two", ("consult", "realty")),
             Window(3, "三", "three", ("realty",)),
             Window(4, "四", "four", ("police", "comprehensive"))),
    policy=POLICY)
WINDOWS = tuple(w.number for w in HALL.windows)
CATS_OF = {w.number: w.categories for w in HALL.windows}
PREFIX = dict(CATEGORIES)
START = dt.datetime(2026, 11, 27, 9, 0)
DAY = START.date().isoformat()

windows_ = st.sampled_from(WINDOWS)
any_window = st.sampled_from(WINDOWS + (99,))
targets = st.sampled_from(tuple(c for c, _ in CATEGORIES) + ("nonesuch",))
picks = st.integers(0, 10**6)  # which of today's tickets an action names (modulo their count)
#: a window for an action: mostly one where it applies (an index among those), sometimes any window
aimed = st.one_of(st.integers(0, 10**6), windows_.map(lambda n: -n))


EITHER = object()  # an action the rules may refuse or allow


@dataclass
class Where:
    """The model: where a ticket must be."""

    status: Status
    window: int | None
    category: str
    target: int | None


class HallMachine(RuleBasedStateMachine):
    #: set by each test: () -> (store, cleanup), and the catalogue
    open_store = None
    catalogue = None

    def __init__(self):
        super().__init__()
        self.store, self._cleanup = type(self).open_store()
        self.clock = FakeClock(START)
        self.desk = TicketDesk(self.store, self.catalogue, HALL, self.clock, secret=SECRET)
        self.counters = {n: Counter(self.store, HALL, n, self.clock) for n in WINDOWS}
        self.model: dict[str, Where] = {}
        self.issued: Tally[str] = Tally()
        self.paused: set[int] = set()

    def teardown(self):
        self.store.close()
        self._cleanup()

    # --- helpers -----------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock().timestamp()

    def tickets(self):
        return {t.number: t for t in self.store.tickets_on(DAY)}

    def aim(self, choice: int, statuses) -> int:
        """``-n``: window n; else one of the windows whose current ticket is in ``statuses``
        (any window when none is)."""
        return self.among(choice, [n for n in WINDOWS if (c := self.current(n)) is not None
                                   and self.model[c].status in statuses])

    @staticmethod
    def among(choice: int, fit: list[int]) -> int:
        """``-n``: window n; else one of ``fit`` (any window when it is empty)."""
        if choice < 0:
            return -choice
        return (fit or list(WINDOWS))[choice % len(fit or WINDOWS)]

    def any_at(self, statuses) -> bool:
        return any(w.status in statuses for w in self.model.values())

    def pick(self, index: int, statuses=None):
        found = sorted(t for t, w in self.model.items() if statuses is None or w.status in statuses)
        return found[index % len(found)] if found else None

    def current(self, window: int) -> str | None:
        here = [n for n, w in self.model.items() if w.window == window and w.status in AT_WINDOW]
        assert len(here) <= 1
        return here[0] if here else None

    def attempt(self, action, refusal: Code | None | object):
        """Run ``action``; it must raise HallError(``refusal``) when a refusal is due, else succeed
        (``EITHER``: the rules leave it open; a refusal must still be a HallError)."""
        try:
            result = action()
        except HallError as exc:
            assert refusal is not None, f"refused ({exc}) but the rules allow it"
            assert refusal is EITHER or exc.code == refusal, f"refused with {exc.code}, the rules say {refusal}"
            return None
        assert refusal is None or refusal is EITHER, f"done, but the rules refuse it: {refusal}"
        return result

    def free_refusal(self, window: int) -> Code | None:
        if window in self.paused:
            return Code.WINDOW_PAUSED
        if self.current(window) is not None:
            return Code.WINDOW_BUSY
        return None

    def current_refusal(self, window: int, statuses) -> Code | None:
        number = self.current(window)
        if number is None:
            return Code.NO_CURRENT_TICKET
        if self.model[number].status not in statuses:
            return Code.WRONG_STATE
        return None

    def moved(self, ticket, status: Status, window: int | None, number: str | None = None):
        assert ticket is not None
        if number is not None:
            assert ticket.number == number
        assert ticket.status == status
        where = self.model[ticket.number]
        where.status, where.window = status, window
        if status in (Status.CALLED, Status.WAITING):
            where.target = None

    # --- the desk ----------------------------------------------------------------------------

    @initialize(first=st.lists(st.sampled_from(SERVED), min_size=1, max_size=8))
    def open_the_hall(self, first):
        for category in first:
            self.issue(category, None, False, None)

    @rule(category=st.sampled_from(SERVED), who=st.sampled_from((None,) + PERSONAS), green=st.booleans(),
          appointment=st.none() | st.integers(-20, 20))
    def issue(self, category, who, green, appointment):
        rid, tags = (who.resident_id, who.tags) if who else (None, ())
        held = None
        if who is not None:
            key = self.desk.person_key(rid)
            held = next((t for t in self.tickets().values() if t.person_key == key and t.is_open
                         and t.request_key == f"category:{category}"), None)
        slot = None if appointment is None else self.now() + appointment * 60
        slip = self.attempt(lambda: self.desk.issue(Request(category=category), rid, tags, green, slot),
                            Code.WRONG_STATE if held is not None else None)
        if slip is None:
            return
        t = slip.ticket
        self.issued[category] += 1
        assert t.number == format_number(PREFIX[category], self.issued[category])  # unique and gap-free
        assert t.number not in self.model
        assert t.status == Status.WAITING and t.category == category and t.window is None
        assert t.green == bool(green and green_reason(tags, rid, START.date()))
        assert t.appointment_at == (slot if appointment is not None and abs(appointment) <= 5 else None)
        self.model[t.number] = Where(Status.WAITING, None, category, None)

    @rule(index=picks)
    def cancel(self, index):
        number = self.pick(index)
        if number is None:
            return
        status = self.model[number].status
        t = self.tickets()[number]
        done = self.attempt(lambda: self.desk.cancel(t.id),
                            None if status in (Status.WAITING, Status.NO_SHOW) else Code.WRONG_STATE)
        if done is not None:
            self.moved(done, Status.CANCELLED, None, number)

    # --- the windows ---------------------------------------------------------------------------

    @rule(seconds=st.integers(1, 400))
    def tick(self, seconds):
        self.clock.advance(seconds=seconds)

    @rule(choice=aimed)
    def call_next(self, choice):
        """Mostly at an open, free window someone waits for."""
        fit = [n for n in WINDOWS if n not in self.paused and self.current(n) is None and any(
            w.status == Status.WAITING and w.category in CATS_OF[n] and w.target in (None, n)
            for w in self.model.values())]
        self.call_next_at(self.among(choice, fit))

    def call_next_at(self, window: int):
        refusal = self.free_refusal(window)
        expected = None
        if refusal is None:
            waiting = [t for t in self.tickets().values() if t.status == Status.WAITING]
            cats = CATS_OF[window]
            calls = [e for e in self.store.history(DAY) if e.kind == Kind.CALLED and e.data.category in cats]
            run = green_run([e.ticket.green for e in reversed(calls)][:POLICY.green_max_run])
            expected = pick_next(eligible(waiting, window, cats), self.now(), POLICY, run)
        t = self.attempt(self.counters[window].call_next, refusal)
        if refusal is None:
            assert (t and t.number) == (expected and expected.number), "call_next chose another ticket"
            if t is not None:
                self.moved(t, Status.CALLED, window)

    @rule(window=windows_, index=picks, who=st.sampled_from(("waiting", "waiting", "anyone", "unknown")))
    def call_number(self, window, index, who):
        number = "Q999" if who == "unknown" else (
            who == "waiting" and self.pick(index, {Status.WAITING}) or self.pick(index))
        if number is None:
            return
        refusal = self.free_refusal(window)
        if refusal is None:
            where = self.model.get(number)
            if where is None:
                refusal = Code.NO_SUCH_TICKET
            elif where.status == Status.WAITING and (
                    where.category not in CATS_OF[window] or where.target not in (None, window)):
                refusal = Code.NOT_SERVED_HERE
            elif where.status != Status.WAITING:
                refusal = Code.WRONG_STATE
        t = self.attempt(lambda: self.counters[window].call_number(number.lower()), refusal)
        if t is not None:
            self.moved(t, Status.CALLED, window, number)

    @precondition(lambda self: self.any_at({Status.CALLED}))
    @rule(choice=aimed, wait=st.booleans())
    def recall(self, choice, wait):
        window = self.aim(choice, {Status.CALLED})
        if wait:
            self.clock.advance(seconds=POLICY.recall_interval_seconds)
        refusal = self.current_refusal(window, {Status.CALLED})
        number = self.current(window)
        if refusal is None:
            t = self.tickets()[number]
            if lc_recall_wait(t, self.now(), POLICY.recall_interval_seconds):
                refusal = Code.TOO_SOON
        calls = self.tickets()[number].calls if number else 0
        t = self.attempt(self.counters[window].recall, refusal)
        if t is not None:
            if calls >= POLICY.max_calls:  # the call after the last one: a no-show
                self.moved(t, Status.NO_SHOW, None, number)
            else:
                self.moved(t, Status.CALLED, window, number)
                assert t.calls == calls + 1

    @precondition(lambda self: self.any_at({Status.CALLED}))
    @rule(choice=aimed)
    def start(self, choice):
        self.start_at(self.aim(choice, {Status.CALLED}))

    def start_at(self, window: int):
        number = self.current(window)
        t = self.attempt(self.counters[window].start, self.current_refusal(window, {Status.CALLED}))
        if t is not None:
            self.moved(t, Status.SERVING, window, number)

    @precondition(lambda self: self.any_at({Status.SERVING}))
    @rule(choice=aimed)
    def finish(self, choice):
        self.finish_at(self.aim(choice, {Status.SERVING}))

    def finish_at(self, window: int):
        number = self.current(window)
        t = self.attempt(self.counters[window].finish, self.current_refusal(window, {Status.SERVING}))
        if t is not None:
            self.moved(t, Status.DONE, window, number)

    @precondition(lambda self: self.any_at({Status.CALLED}))
    @rule(choice=aimed)
    def no_show(self, choice):
        window = self.aim(choice, {Status.CALLED})
        number = self.current(window)
        t = self.attempt(self.counters[window].no_show, self.current_refusal(window, {Status.CALLED}))
        if t is not None:
            self.moved(t, Status.NO_SHOW, None, number)

    @precondition(lambda self: self.any_at(AT_WINDOW))
    @rule(choice=aimed, category=targets, to_window=st.none() | any_window)
    def transfer(self, choice, category, to_window):
        window = self.aim(choice, AT_WINDOW)
        known = {c for c, _ in CATEGORIES}
        number = self.current(window)
        if category not in known:
            refusal = Code.NO_SUCH_CATEGORY
        elif to_window is not None and to_window not in WINDOWS:
            refusal = Code.NO_SUCH_WINDOW
        elif to_window is not None and category not in CATS_OF[to_window]:
            refusal = Code.WINDOW_WONT_SERVE
        elif to_window == window:
            refusal = Code.SAME_PLACE
        elif to_window is None and category not in SERVED:
            refusal = Code.NOBODY_SERVES
        else:
            refusal = self.current_refusal(window, AT_WINDOW)
            if refusal is None and to_window is None and category == self.model[number].category:
                refusal = Code.SAME_PLACE
        t = self.attempt(lambda: self.counters[window].transfer(category, to_window), refusal)
        if t is not None:
            self.moved(t, Status.WAITING, None, number)
            self.model[number].category, self.model[number].target = category, to_window
            assert (t.category, t.target_window) == (category, to_window)

    @precondition(lambda self: self.any_at(AT_WINDOW))
    @rule(choice=aimed, to_window=any_window)
    def transfer_to_window(self, choice, to_window):
        window = self.aim(choice, AT_WINDOW)
        number = self.current(window)
        if to_window not in WINDOWS:
            refusal = Code.NO_SUCH_WINDOW
        else:
            refusal = self.current_refusal(window, AT_WINDOW)
            if refusal is None and to_window == window:
                refusal = Code.SAME_PLACE
        t = self.attempt(lambda: self.counters[window].transfer_to_window(to_window), refusal)
        if t is not None:
            old = self.model[number].category
            category = old if old in CATS_OF[to_window] else CATS_OF[to_window][0]
            self.moved(t, Status.WAITING, None, number)
            self.model[number].category, self.model[number].target = category, to_window
            assert (t.category, t.target_window) == (category, to_window)

    @precondition(lambda self: self.any_at({Status.SERVING}))
    @rule(choice=aimed, reason=st.sampled_from(("awaiting_material", "copying", "back_office", "applicant_away")))
    def suspend(self, choice, reason):
        window = self.aim(choice, {Status.SERVING})
        number = self.current(window)
        t = self.attempt(lambda: self.counters[window].suspend(reason), self.current_refusal(window, {Status.SERVING}))
        if t is not None:
            self.moved(t, Status.SUSPENDED, window, number)

    @precondition(lambda self: self.any_at({Status.SUSPENDED}))
    @rule(window=windows_, index=picks, anyone=st.booleans())
    def resume(self, window, index, anyone):
        self.resume_at(window, self.pick(index, None if anyone else {Status.SUSPENDED}))

    def resume_at(self, window: int, number: str):
        where = self.model[number]
        refusal = self.free_refusal(window)
        if refusal is None and (where.status != Status.SUSPENDED or (
                where.window != window and where.category not in CATS_OF[window])):
            refusal = Code.NOT_SUSPENDED_HERE
        ticket_id = self.tickets()[number].id
        t = self.attempt(lambda: self.counters[window].resume(ticket_id), refusal)
        if t is not None:
            self.moved(t, Status.SERVING, window, number)

    @rule(window=windows_, index=picks, who=st.sampled_from(("no-show", "no-show", "anyone", "unknown")))
    def reactivate(self, window, index, who):
        number = "Q999" if who == "unknown" else (
            who == "no-show" and self.pick(index, {Status.NO_SHOW}) or self.pick(index))
        if number is None:
            return
        where = self.model.get(number)
        refusal = (Code.NO_SUCH_TICKET if where is None else
                   None if where.status == Status.NO_SHOW else Code.WRONG_STATE)
        if refusal is None:
            # the person took a new ticket for the same request after missing this one: two open
            # tickets would break the one-ticket rule; refusing (a HallError) or any other way out is fine
            tickets = self.tickets()
            t = tickets[number]
            if t.person_key and any(o.is_open and (o.person_key, o.request_key) == (t.person_key, t.request_key)
                                    for o in tickets.values()):
                refusal = EITHER
        t = self.attempt(lambda: self.counters[window].reactivate(number), refusal)
        if t is not None:
            self.moved(t, Status.WAITING, None, number)
            if refusal is EITHER:  # allowed: whatever became of the person's other ticket, the invariants judge
                for other in self.tickets().values():
                    if other.number != number and other.person_key == t.person_key:
                        where = self.model[other.number]
                        where.status, where.window, where.target = other.status, other.window, other.target_window

    @rule(window=windows_, reason=st.sampled_from(list(PauseReason)))
    def pause(self, window, reason):
        self.counters[window].pause(reason)
        self.paused.add(window)

    @rule(window=windows_)
    def reopen(self, window):
        self.counters[window].reopen()
        self.paused.discard(window)

    @precondition(lambda self: len(self.model) >= 4)
    @rule()
    def drain(self):
        """Every window opens and works until nobody waits: every waiting ticket gets called."""
        for n in WINDOWS:
            self.reopen(n)
        for number, where in list(self.model.items()):
            if where.status == Status.SUSPENDED and self.current(where.window) is None:
                self.resume_at(where.window, number)
        for _ in range(10 * len(self.model) + 10):
            progress = False
            for n in WINDOWS:
                number = self.current(n)
                if number is None:
                    self.call_next_at(n)
                    number = self.current(n)
                if number is not None:
                    progress = True
                    if self.model[number].status == Status.CALLED:
                        self.start_at(n)
                    self.finish_at(n)
            suspended = [n for n, w in self.model.items() if w.status == Status.SUSPENDED]
            for number in suspended:
                self.resume_at(self.model[number].window, number)
            if not progress and not suspended:
                break
        stuck = {n: w for n, w in self.model.items() if w.status in OPEN_STATUSES}
        assert not stuck, f"never called or finished: {stuck}"

    # --- invariants ------------------------------------------------------------------------------

    @invariant()
    def every_ticket_is_in_exactly_one_place(self):
        tickets = self.store.tickets_on(DAY)
        numbers = [t.number for t in tickets]
        assert len(numbers) == len(set(numbers)), "a number was given twice"
        assert set(numbers) == set(self.model)
        at_window: Tally[int] = Tally()
        for t in tickets:
            where = self.model[t.number]
            assert (t.status, t.category, t.target_window) == (where.status, where.category, where.target), t
            if t.status == Status.WAITING:
                assert t.window is None, t
                assert any(t.category in CATS_OF[n] and t.target_window in (None, n) for n in WINDOWS), \
                    f"{t.number} waits where no window can call it: {t.category} at {t.target_window}"
            elif t.status in AT_WINDOW:
                assert t.window in WINDOWS and t.window == where.window, t
                at_window[t.window] += 1
            elif t.status == Status.SUSPENDED:
                assert t.window in WINDOWS and t.window == where.window, t
            elif t.status in (Status.NO_SHOW, Status.CANCELLED):
                assert t.window is None, t
        assert all(n == 1 for n in at_window.values()), f"a window has two current tickets: {at_window}"
        held = Tally((t.person_key, t.request_key) for t in tickets if t.is_open and t.person_key)
        assert all(n == 1 for n in held.values()), "a person holds two open tickets for one request"

        rows = self.store.hall_rows(DAY)
        assert sorted(t.number for t in rows.at_windows) == sorted(
            t.number for t in tickets if t.status in (Status.CALLED, Status.SERVING, Status.SUSPENDED))
        waiting = Tally((t.category, t.target_window) for t in tickets if t.status == Status.WAITING)
        assert {k: v for k, v in rows.waiting.items() if v} == dict(waiting)
        assert set(rows.paused) == self.paused


def run_machine(open_store, catalogue, examples: int, steps: int):
    class Machine(HallMachine):
        pass

    Machine.open_store = staticmethod(open_store)
    Machine.catalogue = catalogue
    run_state_machine_as_test(Machine, settings=settings(
        max_examples=examples, stateful_step_count=steps, deadline=None, suppress_health_check=[HealthCheck.too_slow]))


def test_hall_machine_on_sqlite(tmp_path, catalogue):
    made = itertools.count()

    def open_store():
        folder = Path(tempfile.mkdtemp(prefix=f"ex{next(made)}-", dir=tmp_path))
        return SqlStore.open(folder), lambda: shutil.rmtree(folder, ignore_errors=True)

    run_machine(open_store, catalogue, examples=60, steps=40)


@pytest.mark.postgresql
def test_hall_machine_on_postgresql(pg_server, catalogue):
    if not pg_server.running:
        pg_server.restart()

    def open_store():
        name = pg_server.create_database()
        try:
            store = SqlStore(pg_server.url(name))
        except BaseException:
            pg_server.drop_database(name)
            raise

        def cleanup():
            assert pg_server.drop_database(name)
        return store, cleanup

    run_machine(open_store, catalogue, examples=12, steps=40)


def test_reactivating_a_no_show_whose_person_took_a_new_ticket(store, catalogue, clock):
    """Found by the machine: a person misses a call, takes a new ticket for the same request (the
    missed one is no longer open), then the old one is reactivated. Two open tickets for one person
    and request break the one-ticket rule, so the database's constraint stops it; the window must be
    told why (a HallError), not crash with the database's IntegrityError."""
    desk = TicketDesk(store, catalogue, HALL, clock, secret=SECRET)
    window = Counter(store, HALL, 4, clock)
    rid = PERSONAS[1].resident_id
    first = desk.issue(Request(category="police"), rid).ticket
    assert window.call_next().number == first.number
    window.no_show()
    clock.advance(minutes=2)
    second = desk.issue(Request(category="police"), rid).ticket
    assert second.number != first.number
    try:
        window.reactivate(first.number)
    except HallError:
        pass  # refused, with a reason the console and the command line can say
    held = [t.number for t in store.tickets_on(DAY) if t.is_open and t.person_key]
    assert len(held) == 1, held
