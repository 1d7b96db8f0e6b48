"""Unit tests of the hall's queue rules (kiosk/domain/queue.py): who is called next, the green
run cap, eligibility, rejoining after a no-show, and the wait-estimate arithmetic."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain import queue
from kiosk.domain.lifecycle import appointment_priority, rejoin_time
from kiosk.domain.queue import QueuePolicy
from kiosk.domain.tickets import Ticket, format_number

NOW = 10 * 3600.0  # 10:00 as seconds of the day; every time below is in seconds
MIN = 60.0
POLICY = QueuePolicy()  # grace 15 min, green run cap 3, ordinary wait limit 20 min


def tk(id: int, queued_at: float = NOW - 5 * MIN, *, green: bool = False, appointment_at: float | None = None,
       status: str = "waiting", category: str = "comprehensive", target_window: int | None = None) -> Ticket:
    return Ticket(id=id, day="2026-11-27", category=category, seq=id, number=format_number("A", id),
                  item_code=None, bundle_code=None, subject="x", green=green,
                  green_reason="elder" if green else "", status=status, issued_at=queued_at,
                  queued_at=queued_at, appointment_at=appointment_at, target_window=target_window)


def pick(candidates, run: int = 0, policy: QueuePolicy = POLICY, now: float = NOW) -> int | None:
    chosen = queue.pick_next(candidates, now, policy, run)
    return None if chosen is None else chosen.id


# --- pick_next: appointments --------------------------------------------------------------------

def test_no_candidates_gives_none():
    assert queue.pick_next([], NOW, POLICY, 0) is None


def test_due_appointment_goes_before_green_and_older_tickets():
    tickets = [tk(1, NOW - 60 * MIN), tk(2, NOW - 50 * MIN, green=True),
               tk(3, NOW - 1 * MIN, appointment_at=NOW + 10 * MIN)]
    assert pick(tickets) == 3
    # ... even when green has the run and the oldest ordinary ticket is starving
    assert pick(tickets, run=POLICY.green_max_run) == 3


def test_due_appointments_earliest_slot_first():
    tickets = [tk(1, NOW - 30 * MIN, appointment_at=NOW + 5 * MIN),   # queued first, later slot
               tk(2, NOW - 1 * MIN, appointment_at=NOW - 10 * MIN),   # queued last, earliest slot
               tk(3, NOW - 20 * MIN, appointment_at=NOW)]
    assert pick(tickets) == 2
    assert pick(tickets[::-1]) == 2


def test_due_appointments_with_the_same_slot_go_in_arrival_order():
    slot = NOW + 5 * MIN
    assert pick([tk(7, NOW - 2 * MIN, appointment_at=slot), tk(8, NOW - 9 * MIN, appointment_at=slot)]) == 8
    assert pick([tk(9, NOW - 2 * MIN, appointment_at=slot), tk(4, NOW - 2 * MIN, appointment_at=slot)]) == 4


@pytest.mark.parametrize("offset_min", [-15, 0, 15])
def test_checked_in_within_the_grace_keeps_the_slot(offset_min):
    slot = NOW + 30 * MIN
    assert appointment_priority(slot, slot + offset_min * MIN, 15) == slot


@pytest.mark.parametrize("offset_min", [-16, 16, -120, 120])
def test_checked_in_outside_the_grace_is_an_ordinary_ticket(offset_min):
    slot = NOW + 30 * MIN
    assert appointment_priority(slot, slot + offset_min * MIN, 15) is None
    assert appointment_priority(None, NOW, 15) is None
    # an ordinary ticket keeps its own place in the queue, and green goes before it
    assert pick([tk(1, NOW - 10 * MIN), tk(2, NOW - 5 * MIN)]) == 1
    assert pick([tk(2, NOW - 10 * MIN), tk(3, NOW - 1 * MIN, green=True)]) == 3


def test_the_grace_is_configurable():
    slot = NOW + 10 * MIN
    assert appointment_priority(slot, NOW, 15) == slot
    assert appointment_priority(slot, NOW, 5) is None


@pytest.mark.parametrize("late_min", [0, 16, 120])
def test_priority_fixed_at_check_in_survives_a_late_call(late_min):
    """Checked in on time for a 10:10 slot: called at 10:10, 10:26 or 12:10, it still goes first."""
    tickets = [tk(1, NOW - 60 * MIN), tk(2, NOW - 50 * MIN, green=True), tk(3, NOW, appointment_at=NOW + 10 * MIN)]
    assert pick(tickets, now=NOW + (10 + late_min) * MIN) == 3


# --- pick_next: green channel and the run cap ---------------------------------------------------

def test_green_goes_before_an_older_ordinary_ticket():
    assert pick([tk(1, NOW - 10 * MIN), tk(2, NOW - 1 * MIN, green=True)]) == 2


def test_greens_among_themselves_go_in_arrival_order():
    tickets = [tk(1, NOW - 2 * MIN, green=True), tk(2, NOW - 8 * MIN, green=True), tk(3, NOW - 30 * MIN)]
    assert pick(tickets) == 2


def test_run_cap_reached_and_ordinary_starving_calls_the_longest_waiting_ordinary():
    tickets = [tk(1, NOW - 21 * MIN), tk(2, NOW - 25 * MIN), tk(3, NOW - 1 * MIN),
               tk(4, NOW - 40 * MIN, green=True)]
    assert pick(tickets, run=POLICY.green_max_run) == 2
    assert pick(tickets, run=POLICY.green_max_run + 2) == 2  # beyond the cap too


def test_run_cap_reached_but_nobody_starving_still_calls_green():
    tickets = [tk(1, NOW - 19 * MIN), tk(2, NOW - 1 * MIN, green=True)]
    assert pick(tickets, run=POLICY.green_max_run) == 2
    # exactly at the limit is not "longer than" the limit
    assert pick([tk(1, NOW - 20 * MIN), tk(2, NOW, green=True)], run=POLICY.green_max_run) == 2


def test_starving_but_run_below_cap_still_calls_green():
    tickets = [tk(1, NOW - 60 * MIN), tk(2, NOW - 1 * MIN, green=True)]
    for run in range(POLICY.green_max_run):
        assert pick(tickets, run=run) == 2


def test_only_ordinary_tickets_are_called_in_arrival_order_whatever_the_run():
    tickets = [tk(1, NOW - 1 * MIN), tk(2, NOW - 3 * MIN)]
    assert pick(tickets, run=0) == 2 and pick(tickets, run=10) == 2


def test_run_cap_and_wait_limit_are_configurable():
    policy = QueuePolicy(green_max_run=1, ordinary_wait_limit_minutes=5)
    tickets = [tk(1, NOW - 6 * MIN), tk(2, NOW - 1 * MIN, green=True)]
    assert pick(tickets, run=0, policy=policy) == 2
    assert pick(tickets, run=1, policy=policy) == 1
    assert pick(tickets, run=1) == 2  # the default policy: run 1 < 3, 6 min < 20 min


# --- pick_next: arrival order -------------------------------------------------------------------

def test_arrival_order_is_queued_at_not_the_ticket_id():
    # ticket 1 was transferred or reactivated: its queued_at, not its id or issue time, counts
    moved = dataclasses.replace(tk(1, NOW - 30 * MIN), queued_at=NOW - 2 * MIN)
    tickets = [moved, tk(2, NOW - 5 * MIN), tk(3, NOW - 4 * MIN)]
    assert pick(tickets) == 2
    assert pick([moved, tk(3, NOW - 1 * MIN)]) == 1


def test_arrival_order_ties_are_broken_by_id():
    assert pick([tk(5, NOW - 3 * MIN), tk(2, NOW - 3 * MIN), tk(9, NOW - 3 * MIN)]) == 2


def test_candidate_order_does_not_matter():
    tickets = [tk(i, NOW - (i % 4) * MIN, green=i % 3 == 0) for i in range(1, 13)]
    first = pick(tickets)
    assert pick(tickets[::-1]) == first and pick(sorted(tickets, key=lambda t: -t.id)) == first


# --- eligible and green_run ---------------------------------------------------------------------

def test_eligible_keeps_only_waiting_tickets():
    statuses = ["waiting", "called", "serving", "suspended", "done", "no_show", "cancelled"]
    tickets = [tk(i, status=s) for i, s in enumerate(statuses, 1)]
    assert [t.id for t in queue.eligible(tickets, 1, ["comprehensive"])] == [1]


def test_eligible_keeps_only_the_windows_categories():
    tickets = [tk(1, category="comprehensive"), tk(2, category="police"), tk(3, category="realty"),
               tk(4, category="consult")]
    assert [t.id for t in queue.eligible(tickets, 5, ["comprehensive", "consult"])] == [1, 4]
    assert queue.eligible(tickets, 5, []) == []


def test_eligible_respects_a_transfer_to_another_window():
    tickets = [tk(1), tk(2, target_window=5), tk(3, target_window=6)]
    assert [t.id for t in queue.eligible(tickets, 5, ["comprehensive"])] == [1, 2]
    assert [t.id for t in queue.eligible(tickets, 6, ["comprehensive"])] == [1, 3]
    assert [t.id for t in queue.eligible(tickets, 4, ["comprehensive"])] == [1]


def test_eligible_accepts_any_iterable():
    assert [t.id for t in queue.eligible(iter([tk(1), tk(2, status="done")]), 1, ("comprehensive",))] == [1]


@pytest.mark.parametrize("recent, run", [
    ([], 0), ([False], 0), ([True], 1), ([True, True, True], 3),
    ([True, True, False, True, True, True], 2), ([False, True, True], 0),
])
def test_green_run_counts_only_the_leading_greens(recent, run):
    assert queue.green_run(recent) == run


# --- rejoin_time (kiosk.domain.lifecycle) -------------------------------------------------------

def keys(*times: float) -> list[tuple[float, int]]:
    return [(t, 100 + i) for i, t in enumerate(times)]


def ahead_of(r: float, tid: int, ks) -> int:
    return sum(k < (r, tid) for k in ks)


def test_rejoin_behind_n_people():
    waiting = keys(500.0, 100.0, 400.0, 200.0, 300.0)  # any order
    r = rejoin_time(waiting, 7, 3, now=1000.0)
    assert 300.0 < r < 400.0 and ahead_of(r, 7, waiting) == 3


def test_rejoin_behind_exactly_n_waiting_is_behind_the_last():
    assert rejoin_time(keys(100.0, 200.0, 300.0), 7, 3, now=1000.0) >= 1000.0


def test_rejoin_with_fewer_than_n_waiting_goes_to_the_end():
    r = rejoin_time(keys(100.0, 200.0), 7, 3, now=1000.0)
    assert r >= 1000.0


def test_rejoin_with_nobody_waiting_is_now():
    assert rejoin_time([], 7, 3, now=1000.0) == 1000.0


def test_rejoin_behind_zero_goes_to_the_front():
    waiting = keys(100.0, 200.0, 300.0)
    r = rejoin_time(waiting, 7, 0, now=1000.0)
    assert ahead_of(r, 7, waiting) == 0
    assert rejoin_time([], 7, 0, now=1000.0) == 1000.0


def test_rejoin_counts_ties_as_the_queue_orders_them():
    """Three people share one time (a burst at the kiosk): behind 2 is between the 2nd and the 3rd."""
    waiting = [(100.0, 10), (200.0, 11), (200.0, 12), (200.0, 13), (300.0, 14)]
    r = rejoin_time(waiting, 12, 2, now=1000.0)  # its own key is left out; 12 fits between 11 and 13
    assert ahead_of(r, 12, [k for k in waiting if k[1] != 12]) == 2
    # id 11 cannot go between (200, 12) and (200, 13) at time 200: behind the tie, not in front of it
    r = rejoin_time(waiting, 11, 2, now=1000.0)
    assert ahead_of(r, 11, [k for k in waiting if k[1] != 11]) == 3 and r < 300.0


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 60)), unique_by=lambda k: k[1], max_size=30),
       st.integers(1, 60), st.integers(0, 40))
def test_rejoin_puts_the_ticket_behind_min_n_waiting(raw, tid, behind):
    """Exactly ``behind`` ahead (all, when fewer wait) — unless a tie of equal times makes that
    impossible for this id; then as few extra people as the order allows."""
    waiting = [(float(t), i) for t, i in raw if i != tid]
    now = 36_000.0
    r = rejoin_time(waiting, tid, behind, now)
    want = min(behind, len(waiting))
    got = ahead_of(r, tid, waiting)
    assert got >= want
    if got > want:  # only a tie at the boundary may push it back: every extra shares the boundary time
        boundary = sorted(waiting)[want - 1][0] if want else sorted(waiting)[0][0]
        extra = sorted(waiting)[want:got]
        assert all(k[0] == boundary for k in extra)


# --- Erlang C -----------------------------------------------------------------------------------

def test_erlang_c_matches_the_design_example():
    p_wait, wq_hours = queue.erlang_c(3, 24.0, 10.0)  # λ = 24/h, μ = 10/h
    assert round(p_wait, 4) == 0.6472
    assert round(wq_hours * 60, 2) == 6.47
    p_min, wq_min = queue.erlang_c(3, 24 / 60, 10 / 60)  # the same load per minute
    assert p_min == pytest.approx(p_wait) and wq_min == pytest.approx(6.4719, abs=1e-4)


def test_erlang_c_one_server_is_mm1():
    p_wait, wq = queue.erlang_c(1, 0.8, 1.0)
    assert p_wait == pytest.approx(0.8) and wq == pytest.approx(0.8 / (1.0 - 0.8))


@pytest.mark.parametrize("c, lam, mu", [(2, 1.0, 1.0), (4, 3.5, 1.0), (6, 2.7, 0.5), (10, 9.0, 1.0)])
def test_erlang_c_matches_the_textbook_formula(c, lam, mu):
    a = lam / mu
    tail = a ** c / math.factorial(c) * c / (c - a)
    p = tail / (sum(a ** k / math.factorial(k) for k in range(c)) + tail)
    assert queue.erlang_c(c, lam, mu) == pytest.approx((p, p / (c * mu - lam)))


@pytest.mark.parametrize("c, lam, mu", [(3, 30.0, 10.0), (3, 31.0, 10.0), (1, 2.0, 1.0)])
def test_erlang_c_rejects_an_unstable_load(c, lam, mu):
    with pytest.raises(ValueError, match="unstable"):
        queue.erlang_c(c, lam, mu)


@pytest.mark.parametrize("c, mu", [(0, 1.0), (-1, 1.0), (2, 0.0), (2, -1.0)])
def test_erlang_c_rejects_no_servers_or_no_service(c, mu):
    with pytest.raises(ValueError):
        queue.erlang_c(c, 0.5, mu)


# --- expected_wait, wait_range, mean_service ----------------------------------------------------

@pytest.mark.parametrize("ahead, busy, servers", [(0, 0, 3), (0, 2, 3), (1, 1, 3), (2, 0, 3), (0, 0, 1)])
def test_expected_wait_is_zero_while_a_window_is_free_for_you(ahead, busy, servers):
    assert queue.expected_wait(ahead, busy, servers, 9.0) == 0.0


@pytest.mark.parametrize("ahead, busy, servers, wait", [
    (0, 3, 3, 3.0),    # all busy: one completion at rate 3/9 per minute
    (5, 3, 3, 18.0),   # 6 completions
    (3, 2, 3, 9.0),    # one window free takes the first; 3 completions for the rest
    (1, 1, 2, 4.5),    # ahead == free: one completion
    (2, 5, 3, 9.0),    # more busy than servers counts as no window free
    (4, 1, 1, 45.0),
])
def test_expected_wait_formula(ahead, busy, servers, wait):
    assert queue.expected_wait(ahead, busy, servers, 9.0) == pytest.approx(wait)


@pytest.mark.parametrize("servers", [0, -1])
def test_expected_wait_without_windows_is_infinite(servers):
    assert queue.expected_wait(3, 0, servers, 9.0) == math.inf


@pytest.mark.parametrize("minutes, shown", [
    (0, (0, 5)), (-3, (0, 5)), (1, (0, 5)), (3.9, (0, 5)), (12, (5, 15)), (20, (15, 25)),
    (40, (30, 50)), (math.inf, (0, 0)),
])
def test_wait_range_examples(minutes, shown):
    assert queue.wait_range(minutes) == shown


@given(st.floats(min_value=1e-6, max_value=10_000, allow_nan=False))
def test_wait_range_rounds_outward_to_five_minutes(minutes):
    lo, hi = queue.wait_range(minutes)
    assert lo % 5 == 0 and hi % 5 == 0
    assert 0 <= lo < hi
    assert lo <= minutes <= hi
    assert lo <= minutes * 0.75 + 1e-9 and hi >= minutes * 1.25 - 1e-9


def test_mean_service_without_samples_is_the_configured_value():
    assert queue.mean_service([], 9.0) == 9.0


def test_mean_service_weights_the_configured_value_as_five_samples():
    assert queue.mean_service([20.0] * 5, 10.0) == pytest.approx(15.0)
    assert queue.mean_service([30.0], 10.0) == pytest.approx(80 / 6)
    assert queue.mean_service([20.0] * 95, 10.0) == pytest.approx(19.5)
    assert queue.mean_service([4.0, 8.0], 10.0, weight=0) == pytest.approx(6.0)
    assert queue.mean_service([30.0], 10.0, weight=1) == pytest.approx(20.0)


# --- pick_next properties -----------------------------------------------------------------------

@st.composite
def candidate_lists(draw):
    n = draw(st.integers(0, 10))
    ids = draw(st.lists(st.integers(1, 500), min_size=n, max_size=n, unique=True))
    tickets = []
    for i in ids:
        queued = NOW - draw(st.integers(0, 90)) * MIN
        appt = draw(st.one_of(st.none(), st.integers(-40, 40).map(lambda m: NOW + m * MIN)))
        tickets.append(tk(i, queued, green=draw(st.booleans()), appointment_at=appt))
    policy = QueuePolicy(appointment_grace_minutes=draw(st.sampled_from([5, 15, 30])),
                         green_max_run=draw(st.integers(1, 4)),
                         ordinary_wait_limit_minutes=draw(st.sampled_from([10, 20, 45])))
    return tickets, policy, draw(st.integers(0, 6))


@settings(max_examples=300, deadline=None)
@given(candidate_lists())
def test_pick_next_obeys_the_priority_classes(case):
    tickets, policy, run = case
    chosen = queue.pick_next(tickets, NOW, policy, run)
    if not tickets:
        assert chosen is None
        return
    assert any(chosen is t for t in tickets)
    assert queue.pick_next(tickets[::-1], NOW, policy, run) is chosen

    due = [t for t in tickets if t.appointment_at is not None]  # priority granted at check-in
    if due:  # never a lower class while an appointment is due; earliest slot first
        assert chosen in due
        assert chosen.appointment_at == min(t.appointment_at for t in due)
        return
    order = sorted(tickets, key=lambda t: (t.queued_at, t.id))
    greens = [t for t in order if t.green]
    ordinary = [t for t in order if not t.green]
    starving = bool(ordinary) and NOW - ordinary[0].queued_at > policy.ordinary_wait_limit_minutes * MIN
    if greens and not (starving and run >= policy.green_max_run):
        assert chosen is greens[0]
    else:
        assert chosen is ordinary[0]
