"""A window's actions through the real store, with the hall's queue policy."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_desk, waiting

from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.lifecycle import HallError
from kiosk.domain.personas import persona
from kiosk.store.db import Store


@pytest.fixture
def hall_setup(tmp_path, catalogue, hall, clock):
    store = Store.open(tmp_path)
    desk = make_desk(store, catalogue, hall, clock)
    counters = {n: Counter(store, hall, n, clock) for n in (1, 2, 6, 8, 10)}
    yield desk, counters, clock
    store.close()


def issue(desk, category="comprehensive", who=None, green=False, **kw):
    p = persona(who) if who else None
    return desk.issue(Request(category=category), p.resident_id if p else None, p.tags if p else (), green, **kw).ticket


def test_life_of_a_ticket_is_timestamped(hall_setup):
    desk, c, clock = hall_setup
    t = issue(desk)
    called = c[1].call_next()
    assert (called.number, called.status, called.window, called.calls) == (t.number, "called", 1, 1)
    clock.advance(seconds=30)
    assert c[1].start().status == "serving"
    clock.advance(minutes=7)
    assert c[1].finish().status == "done"
    events = [e.kind for e in desk.store.history("2026-11-27")]
    assert events == ["issued", "called", "started", "done"]
    assert desk.store.service_minutes("2026-11-27", ["comprehensive"]) == [7.0]
    assert c[1].view().current is None


def test_order_green_before_ordinary_with_a_cap_for_the_starving(hall_setup):
    desk, c, clock = hall_setup
    first = issue(desk)
    clock.advance(minutes=25)  # the ordinary ticket has now waited longer than the 20-minute limit
    greens = [issue(desk, "consult", who, True) for who in ("veteran", "disabled", "elder", "investor")]
    assert all(g.green for g in greens) and len({g.number for g in greens}) == 4
    called = []
    for _ in range(5):
        t = c[1].call_next()
        called.append(t.number)
        c[1].start(), c[1].finish()
    # three greens in a row, then the starving ordinary ticket, then the last green
    assert called == [greens[0].number, greens[1].number, greens[2].number, first.number, greens[3].number]


def test_appointment_in_its_slot_goes_first(hall_setup):
    desk, c, clock = hall_setup
    early = issue(desk)
    slot = clock().timestamp() + 10 * 60
    appt = issue(desk, appointment_at=slot)
    far_slot = issue(desk, appointment_at=clock().timestamp() + 3 * 3600)
    assert appt.appointment_at == slot and far_slot.appointment_at is None  # judged at check-in
    clock.advance(hours=1)  # called late: it checked in on time, so it keeps its priority
    assert c[1].call_next().id == appt.id
    assert c[2].call_next().id == early.id  # then arrival order
    assert c[2].view().current.id == early.id
    assert far_slot.status == "waiting"


def test_recall_interval_then_no_show_after_three_calls_and_reactivation(hall_setup):
    desk, c, clock = hall_setup
    t = issue(desk)
    others = []
    for _ in range(5):
        clock.advance(seconds=20)
        others.append(issue(desk))
    c[1].call_next()
    with pytest.raises(HallError) as err:
        c[1].recall()
    assert err.value.code == "too_soon"
    clock.advance(seconds=61)
    assert c[1].recall().calls == 2
    clock.advance(seconds=61)
    assert c[1].recall().calls == 3
    clock.advance(seconds=61)
    gone = c[1].recall()  # the fourth call would be one too many
    assert gone.status == "no_show" and gone.window is None
    back = c[2].reactivate(t.number)
    queue = waiting(desk.store, "2026-11-27")
    assert [w.id for w in queue].index(back.id) == 3  # behind three people
    assert back.status == "waiting" and {o.id for o in others} <= {w.id for w in queue}


def test_transfer_keeps_the_place_and_targets_a_window(hall_setup):
    desk, c, clock = hall_setup
    t = issue(desk)
    clock.advance(minutes=1)
    realty_waiting = [desk.issue(Request(item_code="BDCD-001")).ticket for _ in range(2)]
    c[1].call_next()
    c[1].start()
    moved = c[1].transfer("realty", to_window=6)
    assert (moved.category, moved.status, moved.target_window, moved.number) == ("realty", "waiting", 6, t.number)
    assert moved.queued_at < realty_waiting[0].queued_at
    other_realty = Counter(desk.store, desk.hall, 7, clock)
    assert other_realty.call_next().id == realty_waiting[0].id  # window 7 may not take it
    assert c[6].call_next().id == t.id  # window 6 gets it first: it kept its place


def test_suspend_serve_others_then_resume(hall_setup):
    desk, c, clock = hall_setup
    a, b = issue(desk), issue(desk)
    c[1].call_next(), c[1].start()
    assert c[1].suspend("awaiting_material").status == "suspended"
    assert c[1].call_next().id == b.id  # the window goes on meanwhile
    with pytest.raises(HallError) as err:
        c[1].resume(a.id)
    assert err.value.code == "window_busy"
    c[1].start(), c[1].finish()
    assert [t.id for t in c[1].view().suspended] == [a.id]
    assert c[1].resume(a.id).status == "serving"


def test_call_a_number_pause_and_counts(hall_setup):
    desk, c, clock = hall_setup
    tickets = [issue(desk) for _ in range(3)] + [issue(desk, "consult")]
    assert c[1].view().waiting == {"comprehensive": 3, "consult": 1}
    assert c[1].call_number(tickets[2].number.lower()).id == tickets[2].id
    with pytest.raises(HallError) as err:
        c[2].call_number(tickets[2].number)
    assert err.value.code == "wrong_state"
    with pytest.raises(HallError):
        c[2].call_number("A999")
    c[2].pause("lunch")
    assert c[2].view().paused == "lunch"
    with pytest.raises(HallError) as err:
        c[2].call_next()
    assert err.value.code == "window_paused"
    c[2].reopen()
    assert c[2].call_next().id == tickets[0].id
    assert c[8].call_next() is None  # the police window sees none of these


def test_paused_windows_lengthen_the_estimate(hall_setup):
    desk, c, clock = hall_setup
    for _ in range(12):
        issue(desk)
    before = desk.slip(issue(desk)).minutes
    for n in (3, 4, 5):
        Counter(desk.store, desk.hall, n, clock).pause("training")
    after = desk.slip(issue(desk)).minutes
    assert after > before > 0


def test_numbers_restart_each_day_and_history_stays(hall_setup):
    desk, c, clock = hall_setup
    issue(desk), issue(desk)
    clock.now = dt.datetime(2026, 11, 28, 9, 0)
    assert issue(desk).number == "A001"
    assert len(desk.store.tickets_on("2026-11-27")) == 2
    assert c[1].call_next().number == "A001"  # yesterday's waiting tickets are not called today
