"""Unit tests of the ticket lifecycle's pure functions (kiosk/domain/lifecycle.py) and the hall's
transfer and call checks (kiosk/domain/hall.py): the transition table, recall timing and the
no-show after the last call, the figure each move carries, and the hall's refusals."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import lifecycle as lc
from kiosk.domain.hall import Category, Hall, Window
from kiosk.domain.lifecycle import (
    OPEN_STATUSES,
    TRANSITIONS,
    Code,
    HallError,
    Kind,
    NewTicket,
    Status,
    SuspendReason,
    Ticket,
    appointment_priority,
    recall_wait,
)

NOW = dt.datetime(2026, 11, 27, 10, 0).timestamp()
MIN = 60.0


def tk(status: Status = Status.WAITING, **kw) -> Ticket:
    base = dict(id=7, day="2026-11-27", category="comprehensive", seq=7, number="A007", item_code=None,
                bundle_code=None, subject="x", green=False, green_reason="", status=status,
                issued_at=NOW - 30 * MIN, queued_at=NOW - 30 * MIN, waiting_since=NOW - 30 * MIN)
    base.update(kw)
    return Ticket(**base)


#: One way to attempt each event on a ticket, with arguments that pass every check but the state.
ATTEMPT = {
    Kind.CALLED: lambda t: lc.call(t, 1, NOW),
    Kind.RECALLED: lambda t: lc.recall(t, NOW, 60, 3),
    Kind.STARTED: lambda t: lc.start(t, NOW),
    Kind.DONE: lambda t: lc.finish(t, NOW),
    Kind.NO_SHOW: lambda t: lc.no_show(t, NOW),
    Kind.TRANSFERRED: lambda t: lc.transfer(t, NOW, "consult", None),
    Kind.SUSPENDED: lambda t: lc.suspend(t, NOW, SuspendReason.COPYING),
    Kind.RESUMED: lambda t: lc.resume(t, NOW, 2),
    Kind.REACTIVATED: lambda t: lc.reactivate(t, NOW, NOW - MIN),
    Kind.CANCELLED: lambda t: lc.cancel(t, NOW),
}


def at_status(status: Status) -> Ticket:
    """A ticket in ``status`` with the fields that status implies (called a while ago, one call)."""
    extra: dict = {}
    if status in (Status.CALLED, Status.SERVING, Status.SUSPENDED, Status.DONE):
        extra.update(window=1, calls=1, called_at=NOW - 5 * MIN, waiting_since=None)
    if status in (Status.SERVING, Status.SUSPENDED, Status.DONE):
        extra.update(started_at=NOW - 4 * MIN)
    if status == Status.SUSPENDED:
        extra.update(suspended_at=NOW - 2 * MIN)
    return tk(status, **extra)


def test_the_table_covers_every_event_but_issued():
    assert set(TRANSITIONS) == set(Kind) - {Kind.ISSUED}
    assert set(ATTEMPT) == set(TRANSITIONS)
    # every target is a status; the open statuses are exactly those a ticket can still leave
    leavable = {s for allowed, _ in TRANSITIONS.values() for s in allowed}
    assert leavable - {Status.NO_SHOW} == set(OPEN_STATUSES)
    assert {to for _, to in TRANSITIONS.values()} <= set(Status)


@pytest.mark.parametrize("kind", sorted(TRANSITIONS), ids=str)
@pytest.mark.parametrize("status", list(Status), ids=str)
def test_each_event_moves_from_its_statuses_and_refuses_every_other(kind, status):
    allowed, to = TRANSITIONS[kind]
    t = at_status(status)
    if status in allowed:
        move = ATTEMPT[kind](t)
        assert move.ticket is t  # the store guards the update by the status the rule saw
        assert move.event.kind == kind
        assert move.after.status == to
        assert move.changes["status"] == to if "status" in move.changes else to == status
    else:
        with pytest.raises(HallError) as err:
            ATTEMPT[kind](t)
        assert err.value.code == Code.WRONG_STATE
        assert err.value.params == {"number": "A007", "status": status.value}


# --- recall timing and the no-show after the last call ------------------------------------------

@pytest.mark.parametrize(("elapsed", "left"), [
    (0.0, 60), (0.5, 60), (0.999, 60), (1.0, 59), (30.0, 30), (59.0, 1), (59.2, 1), (59.999, 1),
    (60.0, 0), (60.001, 0), (61.0, 0), (3600.0, 0)])
def test_recall_wait_is_whole_seconds_rounded_up_never_one_high(elapsed, left):
    t = tk(Status.CALLED, called_at=NOW, calls=1, window=1)
    assert recall_wait(t, NOW + elapsed, 60) == left


def test_recall_wait_with_real_clock_readings():
    """Timestamps with microseconds, as datetime.now() gives them."""
    called = dt.datetime(2026, 11, 27, 9, 30, 0, 123457)
    t = tk(Status.CALLED, called_at=called.timestamp(), calls=1, window=1)
    for elapsed, left in ((0, 60), (59.2, 1), (60, 0), (0.000001, 60), (59.999999, 1)):
        assert recall_wait(t, (called + dt.timedelta(seconds=elapsed)).timestamp(), 60) == left, elapsed


@given(us=st.integers(0, 10**6 - 1), elapsed_us=st.integers(0, 400 * 10**6), interval=st.integers(1, 300))
def test_recall_wait_is_the_exact_ceiling(us, elapsed_us, interval):
    called = dt.datetime(2026, 11, 27, 9, 30, 0, us)
    now = called + dt.timedelta(microseconds=elapsed_us)
    t = tk(Status.CALLED, called_at=called.timestamp(), calls=1, window=1)
    exact = max(0, -(-(interval * 10**6 - elapsed_us) // 10**6))  # integer ceiling, no floats
    assert recall_wait(t, now.timestamp(), interval) == exact


def test_recall_wait_before_any_call_is_zero():
    assert recall_wait(tk(Status.CALLED, called_at=None), NOW, 60) == 0


def test_a_recall_too_soon_says_how_long_to_wait():
    t = tk(Status.CALLED, called_at=NOW - 59.2, calls=1, window=1)
    with pytest.raises(HallError) as err:
        lc.recall(t, NOW, 60, 3)
    assert err.value.code == Code.TOO_SOON and err.value.params == {"number": "A007", "seconds": 1}
    with pytest.raises(HallError) as err:
        lc.recall(replace(t, called_at=NOW), NOW, 60, 3)
    assert err.value.params["seconds"] == 60


def test_a_recall_counts_the_call_and_restarts_the_interval():
    t = tk(Status.CALLED, called_at=NOW - 60, calls=1, window=4)
    move = lc.recall(t, NOW, 60, 3)
    assert move.event.kind == Kind.RECALLED and move.event.window == 4 and move.event.duration is None
    assert not move.event.ended_call
    assert dict(move.changes) == {"calls": 2, "called_at": NOW}
    assert recall_wait(move.after, NOW, 60) == 60


@pytest.mark.parametrize("max_calls", [1, 2, 3, 5])
def test_the_call_after_max_calls_is_a_no_show(max_calls):
    t = lc.call(tk(), 3, NOW).after
    now = NOW
    for n in range(2, max_calls + 1):
        now += 60
        move = lc.recall(t, now, 60, max_calls)
        assert move.event.kind == Kind.RECALLED and move.after.calls == n
        t = move.after
    assert t.calls == max_calls
    with pytest.raises(HallError):  # too soon is still too soon, even for the last one
        lc.recall(t, now + 59, 60, max_calls)
    move = lc.recall(t, now + 60, 60, max_calls)
    assert move.event.kind == Kind.NO_SHOW and move.after.status == Status.NO_SHOW
    assert move.after.window is None and move.event.window == 3 and move.event.ended_call
    assert move.ticket.status == Status.CALLED  # guarded by "called", as the store applies it


# --- what each move carries ----------------------------------------------------------------------

def test_call_carries_the_wait_and_takes_the_ticket_to_the_window():
    t = tk(waiting_since=NOW - 7 * MIN, target_window=2)
    move = lc.call(t, 2, NOW)
    assert move.event.duration == pytest.approx(7 * MIN)
    assert (move.event.window, move.event.category, move.event.ended_call) == (2, "comprehensive", False)
    after = move.after
    assert (after.status, after.window, after.target_window, after.calls, after.called_at, after.waiting_since) == (
        Status.CALLED, 2, None, 1, NOW, None)
    assert after.queued_at == t.queued_at
    assert lc.call(replace(t, waiting_since=None), 1, NOW).event.duration is None
    assert lc.call(replace(t, waiting_since=NOW + 5), 1, NOW).event.duration == 0.0  # a clock step back


def test_start_carries_the_walk_up_and_ends_the_call():
    t = at_status(Status.CALLED)
    move = lc.start(t, NOW)
    assert move.event.duration == pytest.approx(5 * MIN) and move.event.ended_call
    assert (move.after.started_at, move.after.held) == (NOW, 0.0)
    assert lc.start(replace(t, called_at=None), NOW).event.duration is None


def test_finish_carries_the_service_less_every_hold():
    t = lc.call(tk(), 1, NOW).after
    t = lc.start(t, NOW + 30).after                      # service starts at +30 s
    holds = []
    for begin, end in ((100, 160), (200, 230)):          # held 60 s, then 30 s
        t = lc.suspend(t, NOW + begin, SuspendReason.AWAITING_MATERIAL).after
        assert t.status == Status.SUSPENDED and t.suspended_at == NOW + begin
        move = lc.resume(t, NOW + end, 1)
        holds.append(move.event.duration)
        t = move.after
    assert holds == [pytest.approx(60.0), pytest.approx(30.0)]
    assert t.held == pytest.approx(90.0) and t.suspended_at is None
    move = lc.finish(t, NOW + 330)
    assert move.event.duration == pytest.approx(300.0 - 90.0)
    assert move.event.kind == Kind.DONE and not move.event.ended_call and move.after.status == Status.DONE
    assert lc.finish(replace(t, started_at=None), NOW).event.duration is None


def test_suspend_records_the_reason_code_and_no_figure():
    move = lc.suspend(at_status(Status.SERVING), NOW, SuspendReason.BACK_OFFICE)
    assert move.event.reason == "back_office" and move.event.duration is None and not move.event.ended_call
    with pytest.raises(ValueError):
        lc.suspend(at_status(Status.SERVING), NOW, "后台审核")  # display text is not a code


def test_resume_at_another_window_records_both_windows_and_the_hold():
    t = replace(at_status(Status.SUSPENDED), window=1, held=12.0)
    move = lc.resume(t, NOW, 3)
    assert (move.event.window, move.event.other_window) == (3, 1)
    assert move.event.duration == pytest.approx(2 * MIN)
    assert move.after.window == 3 and move.after.held == pytest.approx(12.0 + 2 * MIN)
    assert lc.resume(replace(t, suspended_at=None), NOW, 1).event.duration == 0.0


def test_no_show_ends_the_call_and_frees_the_window():
    move = lc.no_show(at_status(Status.CALLED), NOW)
    assert move.event.ended_call and move.event.window == 1 and move.event.duration is None
    assert move.after.window is None and move.after.status == Status.NO_SHOW


@pytest.mark.parametrize(("status", "ended"), [(Status.CALLED, True), (Status.SERVING, False)])
def test_transfer_keeps_the_place_and_starts_a_new_wait(status, ended):
    t = replace(at_status(status), held=20.0)
    move = lc.transfer(t, NOW, "realty", 6)
    after = move.after
    assert move.event.ended_call is ended
    assert (move.event.category, move.event.to_category, move.event.to_window, move.event.window) == (
        "comprehensive", "realty", 6, 1)
    assert (after.status, after.category, after.window, after.target_window) == (Status.WAITING, "realty", None, 6)
    assert (after.calls, after.called_at, after.started_at, after.held, after.waiting_since) == (0, None, None, 0.0, NOW)
    assert after.queued_at == t.queued_at and after.number == t.number


def test_transfer_to_the_same_place_is_refused():
    t = at_status(Status.SERVING)
    with pytest.raises(HallError) as err:
        lc.transfer(t, NOW, t.category, None)
    assert err.value.code == Code.SAME_PLACE
    # the same category at one particular window, or another category, is a real move
    assert lc.transfer(t, NOW, t.category, 2).after.target_window == 2
    assert lc.transfer(t, NOW, "consult", None).after.category == "consult"


def test_reactivate_rejoins_at_the_given_place():
    t = replace(at_status(Status.CALLED), status=Status.NO_SHOW, window=None, calls=3)
    move = lc.reactivate(t, NOW, NOW - 10 * MIN)
    after = move.after
    assert (after.status, after.queued_at, after.waiting_since, after.calls, after.called_at, after.window) == (
        Status.WAITING, NOW - 10 * MIN, NOW, 0, None, None)
    assert move.event.window is None and move.event.duration is None and not move.event.ended_call


def test_cancel_carries_no_figure():
    for status in (Status.WAITING, Status.NO_SHOW):
        move = lc.cancel(tk(status), NOW)
        assert move.after.status == Status.CANCELLED and move.event.duration is None
        assert not move.event.ended_call and move.event.window is None


def test_only_start_no_show_and_a_transfer_of_a_called_ticket_end_a_call():
    ended = {kind for kind, attempt in ATTEMPT.items() for status in TRANSITIONS[kind][0]
             if attempt(at_status(status)).event.ended_call}
    assert ended == {Kind.STARTED, Kind.NO_SHOW, Kind.TRANSFERRED}


def test_a_new_ticket_waits_from_its_issue():
    new = NewTicket(day="2026-11-27", category="consult", prefix="Z", subject="咨询" * 150,
                    request_key="category:consult", now=NOW)
    values = new.values(12, "Z012")
    t = Ticket(id=1, **values)
    assert (t.status, t.queued_at, t.waiting_since, t.calls, t.held, t.number) == (
        Status.WAITING, NOW, NOW, 0, 0.0, "Z012")
    assert len(t.subject) == 200
    assert new.event().kind == Kind.ISSUED and new.event().category == "consult"
    assert lc.call(t, 1, NOW + 90).event.duration == pytest.approx(90.0)


# --- the hall's checks ---------------------------------------------------------------------------

def small_hall() -> Hall:
    cats = tuple(Category(code, prefix, code, code, 5) for code, prefix in (
        ("comprehensive", "A"), ("consult", "Z"), ("realty", "B"), ("police", "C")))
    wins = (Window(1, "w1", "w1", ("comprehensive", "consult")),
            Window(2, "w2", "w2", ("consult", "realty")),
            Window(3, "w3", "w3", ("realty",)))
    return Hall("h", "h", (), cats, wins)  # police: a category no window serves


@pytest.mark.parametrize(("from_w", "category", "to_w", "code"), [
    (1, "nonesuch", None, Code.NO_SUCH_CATEGORY),
    (1, "nonesuch", 2, Code.NO_SUCH_CATEGORY),
    (1, "consult", 99, Code.NO_SUCH_WINDOW),
    (1, "realty", 1, Code.WINDOW_WONT_SERVE),
    (2, "comprehensive", 3, Code.WINDOW_WONT_SERVE),
    (1, "police", None, Code.NOBODY_SERVES),
    (1, "police", 1, Code.WINDOW_WONT_SERVE),
    (2, "realty", 2, Code.SAME_PLACE),
])
def test_check_transfer_refuses_what_could_never_be_called(from_w, category, to_w, code):
    with pytest.raises(HallError) as err:
        small_hall().check_transfer(from_w, category, to_w)
    assert err.value.code == code


@pytest.mark.parametrize(("from_w", "category", "to_w"), [
    (1, "realty", None), (1, "realty", 3), (3, "consult", 1), (3, "consult", 2), (2, "consult", None),
    (2, "comprehensive", None)])
def test_check_transfer_accepts_a_callable_target(from_w, category, to_w):
    small_hall().check_transfer(from_w, category, to_w)


def test_check_callable():
    hall = small_hall()
    consult = tk(category="consult", number="Z001")
    hall.check_callable(1, consult)
    hall.check_callable(2, consult)
    hall.check_callable(2, replace(consult, target_window=2))
    for window, ticket in ((3, consult), (1, replace(consult, target_window=2)),
                           (3, tk(category="police")), (2, replace(consult, target_window=3))):
        with pytest.raises(HallError) as err:
            hall.check_callable(window, ticket)
        assert err.value.code == Code.NOT_SERVED_HERE and err.value.params["window"] == window
    with pytest.raises(HallError) as err:
        hall.check_callable(99, consult)
    assert err.value.code == Code.NO_SUCH_WINDOW


def test_hall_lookups_and_shared_categories():
    hall = small_hall()
    assert [w.number for w in hall.windows_for("consult")] == [1, 2]
    assert hall.windows_for("police") == []
    assert hall.shared_categories("realty") == ["consult", "realty"]
    assert hall.shared_categories("comprehensive") == ["comprehensive", "consult"]
    assert hall.shared_categories("consult") == ["comprehensive", "consult", "realty"]
    assert hall.shared_categories("police") == []
    with pytest.raises(HallError) as err:
        hall.window(0)
    assert err.value.code == Code.NO_SUCH_WINDOW and err.value.params == {"window": 0}
    with pytest.raises(HallError) as err:
        hall.category("")
    assert err.value.code == Code.NO_SUCH_CATEGORY


# --- appointments ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("offset", "keeps"), [
    (0, True), (-15 * MIN, True), (15 * MIN, True), (-15 * MIN - 0.001, False), (15 * MIN + 0.001, False),
    (-3 * 3600, False), (3 * 3600, False)])
def test_appointment_priority_is_fixed_by_the_check_in_time(offset, keeps):
    slot = NOW + 3600
    assert appointment_priority(slot, slot + offset, 15) == (slot if keeps else None)


def test_appointment_priority_without_a_slot_and_with_another_grace():
    assert appointment_priority(None, NOW, 15) is None
    assert appointment_priority(NOW, NOW + 4 * MIN, 5) == NOW
    assert appointment_priority(NOW, NOW + 6 * MIN, 5) is None
    assert appointment_priority(NOW, NOW + 6 * MIN, 0.1) is None


def test_the_priority_is_a_ticket_field_the_call_does_not_touch():
    slot = NOW + 10 * MIN
    t = tk(appointment_at=appointment_priority(slot, NOW, 15))
    later = lc.call(t, 1, NOW + 5 * 3600).after  # called hours after the slot
    assert later.appointment_at == slot
    assert math.isclose(lc.call(t, 1, NOW + 5 * 3600).event.duration, 5 * 3600 + 30 * MIN)
