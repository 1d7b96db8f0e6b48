"""The example study (assets/studies/zhangpu-kiosk.yaml) and the end-to-end test's tiny one
(tests/data/study-two-tasks.yaml) can be done as written: each task is walked by taps on a fresh
kiosk under each of the study's conditions (标准版 and 长辈版), after the task's setup
(a service just finished, an appointment booked for now); the screens on the way are the task's
ideal path, and the last tap does what the success criterion asks for (found in the hall's store,
or the screen reached)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from test_kiosk_ui import make_kiosk, qtbot_app  # noqa: F401 - the fixture and its helper

from kiosk.domain.appointments import AppointmentStatus, Source, booking
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.feedback import Level
from kiosk.domain.officers import Group
from kiosk.domain.personas import persona
from kiosk.ui.shared.navigator import Screen
from kiosk.usability.events import Kind
from kiosk.usability.session import meets
from kiosk.usability.study import PLACEHOLDERS, Criterion, SetupKind, Task, load_study

EXAMPLE = Path(__file__).resolve().parent.parent / "assets" / "studies" / "zhangpu-kiosk.yaml"
TWO = Path(__file__).resolve().parent / "data" / "study-two-tasks.yaml"
STUDIES = {path.name: load_study(path) for path in (EXAMPLE, TWO)}  # the codes are checked below
RUNS = [(name, task.id, cond.id) for name, study in STUDIES.items() for task in study.tasks
        for cond in study.conditions]


def prepare(k, task: Task, hall, clock) -> dict[str, str]:
    """The task's setup in this kiosk's hall, as the study runner does it: what fills the
    placeholders of the instructions."""
    values = {}
    for s in task.setup:
        if s.kind is SetupKind.SERVED:
            slip = k.w.desk.issue(Request(item_code=s.item))
            c = Counter(k.store, hall, s.window, clock)
            c.call_next()
            c.start()
            clock.advance(minutes=5)
            c.finish()
            values["ticket"] = slip.ticket.number
        else:
            now = clock()
            elder = persona("elder")
            new = booking(now.date(), (now + _dt.timedelta(minutes=5)).time().replace(second=0, microsecond=0),
                          s.item, None, elder.resident_id, "13912345678", Source.CONSOLE, now)
            (appointment,) = k.w.promises.book([new])
            values["code"] = appointment.code
    return values


# Each walk taps its way to the last step and returns the last tap (None: the screen reached is the
# success) and a check of the store after it.

def start_business(k, task, values):
    k.tap(k.w.home.ticket_tile)
    k.tap(next(btn for btn, b in k.w.menu.bundle_buttons if b.code == task.success.bundle))
    k.tap(k.w.item.ticket_button)
    return k.w.identity.confirm, lambda: [t.bundle_code for t in k.store.tickets_on("2026-11-27")] == ["YJS-01"]


def residence_permit(k, task, values):
    k.tap(k.w.home.browse_tile)
    k.type("jzz")
    rows = k.w.catalogue_screen.model.rows()
    k.tap_row(next(i for i, r in enumerate(rows) if r.key == task.success.item))
    return None, lambda: k.w.item.title.text() == k.w.catalogue.by_code[task.success.item].name


def rate_service(k, task, values):
    k.tap(k.w.home.rate_tile)
    rate = k.w.rate
    for ch in values["ticket"]:
        k.tap(rate.keys.keys[ch])
    k.tap(rate.find_button)
    k.tap(rate.panel.level_buttons[Level.SATISFIED])
    ticket = k.store.ticket_by_number("2026-11-27", values["ticket"])
    return rate.panel.submit, lambda: k.store.rating_for(ticket.id).level == Level.SATISFIED


def report_problem(k, task, values):
    from test_cases_kiosk import letters

    from kiosk.domain.cases import Snag

    k.tap(k.w.home.report_tile)
    r = k.w.report
    letters(k, r.pad, "yyzz")
    k.tap(r.result_buttons[0])
    k.tap(r.snag_buttons[Snag.SENT_AROUND])
    k.tap(r.next)
    return r.submit, lambda: len(k.store.cases()) == 1


def check_in(k, task, values):
    k.tap(k.w.home.checkin_tile)
    for ch in values["code"]:
        k.tap(k.w.checkin.keyboard.keys[ch.upper()])
    return k.w.checkin.confirm, \
        lambda: k.store.appointment_by_code(values["code"]).status == AppointmentStatus.CHECKED_IN


def find_rating(k, task, values):
    k.tap(k.w.home.rate_tile)
    return None, lambda: k.w.header.title.text() == "服务评价"


def consult_ticket(k, task, values):
    k.tap(k.w.home.ticket_tile)
    k.tap(k.w.menu.desk_buttons[task.success.category])
    return k.w.identity.confirm, \
        lambda: [t.category for t in k.store.tickets_on("2026-11-27")] == [task.success.category]


def ask_officer(k, task, values):
    k.tap(k.w.home.officer_tile)
    k.tap(k.w.officer.group_buttons[Group(task.success.group)])
    return k.w.officer.take, lambda: [r.group for r in k.store.help_requests()] == [Group(task.success.group)]


WALKS = {"start-business": start_business, "residence-permit": residence_permit, "rate-service": rate_service,
         "report-problem": report_problem, "check-in": check_in, "ask-officer": ask_officer,
         "find-rating": find_rating, "consult-ticket": consult_ticket}


def test_every_task_has_a_walk_and_the_codes_are_the_shipped_ones(catalogue, hall):
    assert sorted(WALKS) == sorted({task for _, task, _ in RUNS})
    for path in (EXAMPLE, TWO):
        assert load_study(path, catalogue, hall) == STUDIES[path.name]


@pytest.mark.parametrize(("study", "task_id", "condition"), RUNS)
def test_each_task_is_done_by_taps_along_its_ideal_path(make_kiosk, hall, clock, study, task_id, condition):  # noqa: F811
    task, cond = STUDIES[study].task(task_id), STUDIES[study].condition(condition)
    k = make_kiosk(elder=cond.elder, language=cond.language or None, voice_engine="none")
    values = prepare(k, task, hall, clock)
    assert {PLACEHOLDERS[key] for key in values} == {s.kind for s in task.setup}
    for key, value in values.items():
        assert "{" + key + "}" in task.instructions and "{" + key + "}" in task.instructions_en and value
    screens = [Screen.HOME.value]
    k.w.nav.changed.connect(lambda screen: screens.append(screen.value))
    last, done = WALKS[task_id](k, task, values)
    assert tuple(screens) == task.ideal, f"{task_id}: walked {screens}, the study's ideal path is {task.ideal}"
    if last is not None:
        assert task.success.kind is not Criterion.SCREEN
        k.tap(last)
    else:
        assert meets(task.success, Kind.SCREEN, screens[-1], {"item": task.success.item})
    assert done(), f"{task_id}: the last tap did not do what the task asks"
