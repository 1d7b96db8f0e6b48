"""The honest slip: outside the hall's hours, or with every window that may call the ticket paused,
the slip says when calling resumes instead of a wait estimate (and never "马上就到您")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import pytest
from conftest import FakeClock, make_desk

from kiosk.domain.desk import Halt, Request
from kiosk.domain.hall import HoursKind, load_hall, parse_time_range
from kiosk.domain.lifecycle import PauseReason
from kiosk.domain.queue import expected_wait, wait_range
from kiosk.domain.yamlfile import ValidationError
from kiosk.scripting import slip_summary

# 2026-11-23 is a Monday
THU, FRI, SAT, SUN, MON = (dt.date(2026, 11, d) for d in (26, 27, 28, 29, 30))
COMPREHENSIVE = (1, 2, 3, 4, 5)  # the 综合窗口 (assets/hall.yaml)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.fixture
def desk_at(store, catalogue, hall):
    """A desk whose clock reads ``when``."""
    def make(when: dt.datetime):
        return make_desk(store, catalogue, hall, FakeClock(when))
    return make


def slip_at(desk_at, when: dt.datetime, category: str = "comprehensive"):
    return desk_at(when).issue(Request(category=category))


# --- the hall's hours, machine-readable ------------------------------------------------------------

def test_the_hours_say_when_the_windows_call(hall):
    weekdays, lunch, saturday, self_service = hall.hours
    assert (weekdays.weekdays, weekdays.opens, weekdays.closes, weekdays.kind) == (
        frozenset(range(5)), 8 * 60 + 30, 17 * 60, HoursKind.WINDOWS)
    assert (lunch.opens, lunch.closes, lunch.kind) == (12 * 60, 13 * 60 + 30, HoursKind.LUNCH)
    assert (saturday.weekdays, saturday.opens, saturday.closes) == (frozenset({5}), 9 * 60, 16 * 60)
    assert (self_service.weekdays, self_service.closes, self_service.kind) == (
        frozenset(range(7)), 24 * 60, HoursKind.SELF_SERVICE)
    assert hall.calling_periods(FRI) == [(at(FRI, 8, 30), at(FRI, 17))]  # lunchtime inside: one period
    assert hall.calling_periods(SAT) == [(at(SAT, 9), at(SAT, 16))]
    assert hall.calling_periods(SUN) == []  # the self-service area calls nobody
    assert hall.calling_at(at(FRI, 12, 45))  # 午间不打烊
    assert not hall.calling_at(at(FRI, 3))  # only the self-service area is open at night
    assert hall.calling_at(at(FRI, 8, 30)) and not hall.calling_at(at(FRI, 17))
    assert hall.next_calling(at(SAT, 16, 30)) == at(MON, 8, 30)
    assert hall.lunch_ends(at(FRI, 12, 10)) == at(FRI, 13, 30) and hall.lunch_ends(at(FRI, 14)) is None


def test_a_hall_with_a_lunch_break_calls_in_two_periods(hall):
    morning = dataclasses.replace(hall.hours[0], time="08:30–12:00", closes=12 * 60)
    afternoon = dataclasses.replace(hall.hours[0], time="13:30–17:00", opens=13 * 60 + 30)
    broken = dataclasses.replace(hall, hours=(morning, afternoon))
    assert broken.calling_periods(FRI) == [(at(FRI, 8, 30), at(FRI, 12)), (at(FRI, 13, 30), at(FRI, 17))]
    assert not broken.calling_at(at(FRI, 12, 30)) and broken.next_calling(at(FRI, 12, 30)) == at(FRI, 13, 30)


@pytest.mark.parametrize(("text", "minutes"), [
    ("08:30–17:00", (510, 1020)), ("8:30-12:00", (510, 720)), ("00:00–24:00", (0, 1440)),
    ("17:00–08:30", None), ("09:00–09:00", None), ("24:00–24:00", None), ("08:60–09:00", None),
    ("12:00–24:30", None), ("全天", None), ("08:30", None)])
def test_time_ranges(text, minutes):
    assert parse_time_range(text) == minutes


def test_bad_hours_are_told_with_file_line_and_field(tmp_path):
    src = (load_hall.__defaults__[0]).read_text(encoding="utf-8")
    bad = tmp_path / "hall.yaml"
    bad.write_text(src.replace('time: "08:30–17:00", weekdays: [mon, tue, wed, thu, fri]',
                               'time: "17:00–08:30", weekdays: [mon, tue, mon, funday]')
                   .replace("kind: lunch", "kind: siesta"), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_hall(bad)
    lines = bad.read_text(encoding="utf-8").splitlines()
    weekday_line = next(i for i, line in enumerate(lines, 1) if "funday" in line)
    lunch_line = next(i for i, line in enumerate(lines, 1) if "siesta" in line)
    said = {(p.line, p.field): p.message for p in err.value.problems}
    assert said[(weekday_line, "hours[0].time")].startswith("must be a time range within one day")
    assert said[(weekday_line, "hours[0].weekdays")] == "must be a non-empty list of mon, tue, wed, thu, fri, sat, sun"
    assert said[(lunch_line, "hours[1].kind")] == "must be one of windows, lunch, self_service"
    assert all(str(p).startswith(f"{bad}:{p.line}: hours") for p in err.value.problems)


def test_hours_need_weekdays_and_a_windows_line(tmp_path):
    src = (load_hall.__defaults__[0]).read_text(encoding="utf-8")
    bad = tmp_path / "hall.yaml"
    bad.write_text(src.replace(", weekdays: [sat]", "").replace(", weekdays: [sat, sat]", ""), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_hall(bad)
    assert [(p.field, p.message) for p in err.value.problems] == [("hours[2].weekdays", "is missing")]
    only_machines = "\n".join(line for line in src.splitlines()
                              if not line.lstrip().startswith("- {days:") or "self_service" in line)
    bad.write_text(only_machines, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_hall(bad)
    assert [(p.field, p.message) for p in err.value.problems] == [
        ("hours", "no line says when the windows call tickets (kind: windows)")]


# --- the slip --------------------------------------------------------------------------------------

def test_a_normal_open_hall_keeps_its_estimate(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)  # Friday 09:30
    slips = [desk.issue(Request(category="comprehensive")) for _ in range(7)]
    last = slips[-1]
    assert (last.halt, last.resumes_at) == (None, None)
    # seven waiting, five windows free: the 7th is called after two services (9 min each) of five
    assert last.ahead == 6 and last.minutes == pytest.approx(expected_wait(6, 0, 5, 9.0)) == pytest.approx(3.6)
    assert last.wait == wait_range(last.minutes) == (0, 5)
    assert desk.estimate(last.ticket) == (last.ahead, last.minutes)


def test_at_21_08_on_a_weekday_calling_resumes_tomorrow_morning(desk_at):
    slip = slip_at(desk_at, at(THU, 21, 8))
    assert slip.halt == Halt.AFTER_HOURS and slip.halt.for_another_day
    assert slip.resumes_at == at(FRI, 8, 30)
    assert math.isinf(slip.minutes) and slip.wait == (0, 0)  # no estimate


def test_at_five_o_clock_calling_is_over(desk_at):
    assert slip_at(desk_at, at(THU, 16, 59)).halt is None
    slip = slip_at(desk_at, at(THU, 17))
    assert (slip.halt, slip.resumes_at) == (Halt.AFTER_HOURS, at(FRI, 8, 30))


def test_friday_night_resumes_on_saturday_and_saturday_evening_on_monday(desk_at):
    assert slip_at(desk_at, at(FRI, 21, 8)).resumes_at == at(SAT, 9)
    slip = slip_at(desk_at, at(SAT, 16, 30))
    assert (slip.halt, slip.resumes_at) == (Halt.AFTER_HOURS, at(MON, 8, 30))


def test_sunday_is_a_day_off(desk_at):
    slip = slip_at(desk_at, at(SUN, 10))
    assert (slip.halt, slip.resumes_at) == (Halt.DAY_OFF, at(MON, 8, 30)) and slip.halt.for_another_day


def test_saturday_morning_before_the_duty_starts(desk_at):
    slip = slip_at(desk_at, at(SAT, 8, 30))
    assert (slip.halt, slip.resumes_at) == (Halt.BEFORE_HOURS, at(SAT, 9)) and not slip.halt.for_another_day
    assert slip.ahead == 0 and math.isinf(slip.minutes)
    later = slip_at(desk_at, at(SAT, 10))  # Saturday duty: the windows call
    assert later.halt is None and later.ahead == 1 and later.minutes == 0


def test_the_self_service_area_open_all_night_calls_nobody(desk_at):
    slip = slip_at(desk_at, at(FRI, 3))
    assert (slip.halt, slip.resumes_at) == (Halt.BEFORE_HOURS, at(FRI, 8, 30))


def test_lunchtime_the_windows_keep_calling(desk_at):
    slip = slip_at(desk_at, at(FRI, 12, 30))
    assert slip.halt is None and slip.minutes == 0 and slip.wait == (0, 5)


def test_every_window_paused_for_lunch_resumes_when_lunchtime_ends(desk_at, store):
    for n in COMPREHENSIVE:
        store.set_paused(n, PauseReason.LUNCH, 0.0)
    slip = slip_at(desk_at, at(FRI, 12, 10))
    assert (slip.halt, slip.resumes_at) == (Halt.PAUSED, at(FRI, 13, 30)) and math.isinf(slip.minutes)
    assert slip_summary(slip) == ("A001: 0 people ahead; every window that serves it is paused, "
                                  "calling resumes at about 13:30 today")
    assert slip_at(desk_at, at(FRI, 12, 10), "consult").halt == Halt.PAUSED  # the same windows call 综合咨询
    assert slip_at(desk_at, at(FRI, 12, 10), "police").halt is None  # window 8 is open
    assert slip_at(desk_at, at(FRI, 14)).resumes_at is None  # a lunch pause after lunchtime: not known


def test_every_window_of_a_category_paused_says_so(desk_at, store):
    store.set_paused(6, PauseReason.TRAINING, 0.0)
    store.set_paused(7, PauseReason.FAULT, 0.0)
    slip = slip_at(desk_at, at(FRI, 10), "realty")
    assert (slip.halt, slip.resumes_at) == (Halt.PAUSED, None)  # when training ends is not known
    assert slip_summary(slip).endswith("every window that serves it is paused, calling resumes when a window reopens")
    assert slip_at(desk_at, at(FRI, 10)).halt is None  # the 综合窗口 still call
    store.set_paused(7, PauseReason.LUNCH, 0.0)
    assert slip_at(desk_at, at(FRI, 11), "realty").resumes_at == at(FRI, 13, 30)  # window 7 is back then
    store.set_paused(6, None, 0.0)
    reopened = slip_at(desk_at, at(FRI, 11), "realty")
    # two realty tickets ahead, one window open (14 min a service): called after two services
    assert reopened.halt is None and reopened.ahead == 2 and reopened.minutes == pytest.approx(28.0)


def test_a_ticket_sent_to_a_paused_window_waits_for_it(desk_at, store):
    desk = desk_at(at(FRI, 10))
    ticket = desk.issue(Request(category="comprehensive")).ticket
    store.set_paused(3, PauseReason.AWAY, 0.0)
    sent = dataclasses.replace(ticket, target_window=3)
    assert desk.halted(sent) == (Halt.PAUSED, None)
    assert desk.halted(ticket) == (None, None)


def test_a_hall_without_hours_is_always_open(store, catalogue, hall):
    open_all_day = dataclasses.replace(hall, hours=())
    desk = make_desk(store, catalogue, open_all_day, FakeClock(at(SUN, 3)))
    assert desk.issue(Request(category="comprehensive")).halt is None
    assert load_hall().has_schedule and not open_all_day.has_schedule


# --- kiosk ticket -------------------------------------------------------------------------------------

def test_kiosk_ticket_tells_a_person_when_calling_resumes(tmp_path, monkeypatch, capsys, keep_umask):
    from kiosk import scripting
    from kiosk.cli import main

    monkeypatch.delenv("KIOSK_DB", raising=False)
    monkeypatch.delenv("KIOSK_SECRET_FILE", raising=False)
    clock = FakeClock(at(THU, 21, 8))
    monkeypatch.setattr(scripting, "clock", clock)
    person = [True]
    monkeypatch.setattr(scripting, "_for_a_person", lambda: person[0])

    def ticket(*args: str) -> tuple[str, str]:
        assert main(["ticket", *args, "--data-dir", str(tmp_path / "data")]) == 0
        out = capsys.readouterr()
        return out.out, out.err

    assert ticket("consult") == ("Z001\n", "Z001: calling has finished for today, so this ticket will not be "
                                           "called; take a new ticket from 08:30 tomorrow\n")
    clock.now = at(SAT, 8, 40)
    assert ticket("consult")[1] == "Z001: 0 people ahead; calling starts at 09:00 today\n"
    clock.now = at(SAT, 9, 10)
    assert ticket("consult")[1] == "Z002: 1 person ahead, wait about 0–5 minutes\n"
    clock.now = at(SAT, 16, 30)
    assert ticket("consult")[1] == ("Z003: calling has finished for today, so this ticket will not be called; "
                                    "take a new ticket from 08:30 on Mon 30 Nov\n")
    clock.now = at(SUN, 10)
    assert ticket("consult")[1] == ("Z001: no window calls today, so this ticket will not be called; "
                                    "take a new ticket from 08:30 tomorrow\n")
    person[0] = False  # a script reads the number alone
    assert ticket("consult") == ("Z002\n", "")


# --- the slip's words: screen and PDF --------------------------------------------------------------

@pytest.fixture
def languages(qapp):
    from kiosk.ui.shared.i18n import EN, ZH, Language

    return {"zh": Language(ZH), "en": Language(EN)}


def lines_at(desk_at, languages, when: dt.datetime, category: str = "comprehensive", phone: str = ""):
    from kiosk.ui.kiosk.screens.slip import slip_lines

    slip = slip_at(desk_at, when, category)
    return {k: slip_lines(slip, lang, "subject", phone) for k, lang in languages.items()}


def test_the_slip_after_hours_says_when_to_come_back(desk_at, languages):
    lines = lines_at(desk_at, languages, at(THU, 21, 8), phone="13812345678")
    assert lines["zh"][2:5] == ["办理窗口：1–5 号综合窗口", "今天已停止叫号", "明天 8:30 起请重新取号办理"]
    assert lines["en"][2:5] == ["Served at General window 1–5", "Calling has finished for today.",
                                "Please take a new ticket from 8:30 tomorrow."]
    for said in lines.values():  # no wait, no "you are next", no SMS reminder for a ticket nobody calls
        text = " ".join(said)
        assert "马上就到您" not in text and "预计等候" not in text and "短信" not in text
        assert "next" not in text and "wait" not in text.lower() and "SMS" not in text
    saturday = lines_at(desk_at, languages, at(SAT, 16, 30))
    assert saturday["zh"][4] == "周一 8:30 起请重新取号办理"
    assert saturday["en"][4] == "Please take a new ticket from 8:30 on Monday."


def test_the_slip_on_sunday(desk_at, languages):
    lines = lines_at(desk_at, languages, at(SUN, 10))
    assert lines["zh"][3:5] == ["今天窗口休息，不叫号", "明天 8:30 起请重新取号办理"]
    assert lines["en"][3:5] == ["The windows are closed today.", "Please take a new ticket from 8:30 tomorrow."]


def test_the_slip_before_the_saturday_duty(desk_at, languages):
    lines = lines_at(desk_at, languages, at(SAT, 8, 30))
    assert lines["zh"][2:5] == ["请到 1–5 号综合窗口等候叫号", "前面还有 0 人", "今天 9:00 开始叫号，请留意叫号"]
    assert lines["en"][4] == "Calling starts at 9:00 today: please watch the call board."


def test_the_slip_with_every_window_paused(desk_at, languages, store):
    for n in COMPREHENSIVE:
        store.set_paused(n, PauseReason.LUNCH, 0.0)
    lunch = lines_at(desk_at, languages, at(FRI, 12, 10), "consult", phone="13812345678")
    assert lunch["zh"][3:6] == ["前面还有 0 人", "窗口暂停服务，约 13:30 起继续叫号", "快到您时短信提醒 138****5678"]
    assert lunch["en"][4] == "The windows are paused. Calling resumes at about 13:30."
    store.set_paused(8, PauseReason.FAULT, 0.0)
    fault = lines_at(desk_at, languages, at(FRI, 10), "police")
    assert fault["zh"][4] == "窗口暂停服务，恢复后按顺序叫号，请留意叫号"
    assert fault["en"][4] == "The windows are paused. You keep your place: please watch the call board."


def test_the_slip_of_an_open_hall_is_unchanged(desk_at, languages):
    first = lines_at(desk_at, languages, at(FRI, 12, 30))  # lunchtime: the windows call
    assert first["zh"][3:5] == ["前面还有 0 人", "马上就到您，请留意叫号"]
    for _ in range(8):
        slip_at(desk_at, at(FRI, 12, 31))
    tenth = lines_at(desk_at, languages, at(FRI, 12, 32))
    # nine ahead, five windows free, 9 min a service: called after five services of five windows, 9 min
    assert tenth["zh"][3:5] == ["前面还有 9 人", "预计等候约 5–15 分钟"]
    assert tenth["en"][3] == "People ahead of you: 9" and "5–15" in tenth["en"][4]


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "长辈版"])
def test_the_kiosk_at_21_08_shows_and_prints_when_calling_resumes(qtbot, catalogue, hall, tmp_path, elder):
    from PySide6.QtCore import Qt
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from kiosk.app import Settings, build_kiosk_window
    from kiosk.ui.shared.navigator import Screen

    settings = Settings(data_dir=tmp_path / "data", elder=elder, language="zh_CN")
    window, store = build_kiosk_window(QApplication.instance(), settings, catalogue, hall, clock=FakeClock(at(THU, 21, 8)))
    try:
        qtbot.addWidget(window)
        window.show()
        for widget in (window.home.ticket_tile, window.menu.desk_buttons["consult"], window.identity.confirm):
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        assert window.nav.current == Screen.SLIP and window.slip.number.text() == "Z001"
        assert window.slip.ahead.text() == "今天已停止叫号"
        assert window.slip.wait.text() == "明天 8:30 起请重新取号办理"
        assert window.slip.wait.isVisible() and not window.slip.green.isVisible()
        doc = QPdfDocument()
        doc.load(window.slip.pdf_path)
        printed = doc.getAllText(0).text().replace("\r\n", "").replace(" ", "")
        assert "今天已停止叫号" in printed and "起请重新取号办理" in printed and "马上就到您" not in printed
        # 长辈版 prints in large print: the same slip needs a longer roll
        assert (doc.pagePointSize(0).height() > 450) == elder  # about 130 mm in normal print, 190 mm in large
    finally:
        store.close()


def test_the_identity_screen_says_it_before_a_ticket_is_taken(qtbot, catalogue, hall, tmp_path):
    """At 21:08 the visitor is told before taking a ticket that it would not be called; before
    opening, when calling starts; within the hours nothing is said."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import Settings, build_kiosk_window
    from kiosk.ui.shared.navigator import Screen

    now = [dt.datetime(2026, 11, 27, 21, 8)]  # a Friday
    window, store = build_kiosk_window(QApplication.instance(), Settings(data_dir=tmp_path), catalogue, hall,
                                       clock=lambda: now[0])
    qtbot.addWidget(window)
    window.show()
    try:
        window.choose(Request(category="consult"), Screen.IDENTITY)
        notice = window.identity.closed
        assert notice.isVisible() and "不会被叫到" in notice.text() and "明天 9:00 起" in notice.text()  # Saturday opens at 9
        now[0] = dt.datetime(2026, 11, 30, 8, 0)  # Monday before opening
        window.identity.enter()
        assert notice.isVisible() and "今天 8:30" in notice.text() and "不会" not in notice.text()
        now[0] = dt.datetime(2026, 11, 30, 9, 30)
        window.identity.enter()
        assert not notice.isVisible()
    finally:
        store.close()


def test_the_closing_line_names_the_problem_solving_window_from_the_hall(store, catalogue, hall, clock):
    from kiosk.ui.kiosk.screens.slip import slip_lines
    from kiosk.ui.shared.i18n import Language

    slip = make_desk(store, catalogue, hall, clock).issue(Request(category="comprehensive"))
    zh = slip_lines(slip, Language("zh_CN"), "subject", hall=hall)[-1]
    en = slip_lines(slip, Language("en_US"), "subject", hall=hall)[-1]
    nine = [w.number for w in hall.windows_for("cannot_do")]
    assert zh == f"过号了？请到服务台说明，可重新排队。办不成事？请到 {nine[0]} 号专窗" and "激活" not in zh
    assert en.startswith("Missed your number? Ask at the information desk") and f"Window {nine[0]}" in en
    moved = dataclasses.replace(hall, windows=tuple(dataclasses.replace(w, number=19) if "cannot_do" in w.categories
                                                    else w for w in hall.windows))
    assert "19 号专窗" in slip_lines(slip, Language("zh_CN"), "subject", hall=moved)[-1]  # a fact of the hall
