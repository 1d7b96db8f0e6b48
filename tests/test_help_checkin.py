"""服务专员, 移动办公桌 and 预约签到, driven by taps at the kiosk and the console, and on the command
line: good input, bad input (at the field, nothing stored twice, never a traceback), and a reset
that forgets what the visitor entered."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton
from test_kiosk_ui import make_kiosk, qtbot_app  # noqa: F401 - the fixture and its helper

from kiosk.app import build_console, make_promises
from kiosk.domain.appointments import AppointmentStatus, Source, booking
from kiosk.domain.officers import Group, Help, HelpStatus
from kiosk.domain.personas import persona
from kiosk.ui.shared.navigator import Screen

ELDER = persona("elder")
PHONE = "13912345678"
TODAY = _dt.date(2026, 11, 27)  # the FakeClock's day (tests/conftest.py): 09:30


@pytest.fixture
def kiosk(make_kiosk):  # noqa: F811
    return make_kiosk()


def book(k, at: str, day: _dt.date = TODAY, item: str = "LNRY-001", rid: str = ELDER.resident_id,
         phone: str = PHONE):
    hour, minute = (int(x) for x in at.split(":"))
    new = booking(day, _dt.time(hour, minute), item, None, rid, phone, Source.CONSOLE, k.w.desk.clock())
    (appointment,) = k.w.promises.book([new])
    return appointment


def key(k, text: str, key_code=0) -> None:
    k.w.keyPressEvent(QKeyEvent(QKeyEvent.Type.KeyPress, key_code, Qt.KeyboardModifier.NoModifier, text))


# --- 服务专员 ------------------------------------------------------------------------------------


def test_an_officer_ticket_names_the_officer_and_their_24_hour_number(kiosk):
    w = kiosk.w
    kiosk.tap(w.home.officer_tile)
    assert kiosk.screen == Screen.OFFICER
    kiosk.tap(w.officer.take)  # no group yet: said at the groups, nothing stored
    assert "请先选择" in w.officer.group_error.text() and kiosk.screen == Screen.OFFICER
    assert kiosk.store.help_requests() == []
    kiosk.tap(w.officer.group_buttons[Group.FOREIGN_INVESTOR])
    card = w.officer.group_buttons[Group.FOREIGN_INVESTOR]
    assert card.isChecked() and card.text().startswith("✓") and w.officer.group_error.text() == ""
    kiosk.tap(w.officer.item_buttons["QYKB-013"])
    kiosk.tap(w.officer.take)
    assert kiosk.screen == Screen.SLIP
    (req,) = kiosk.store.help_requests()
    officer = w.promises.officer(req.officer_id)
    assert (req.kind, req.group, req.item_code, req.status) == (Help.OFFICER, Group.FOREIGN_INVESTOR, "QYKB-013",
                                                               HelpStatus.NEW)
    assert w.slip.number.text() == req.number and req.number.startswith("E")
    assert officer.name in w.slip.note.text() and officer.phone in w.slip.note.text()
    pdf = kiosk.data_dir / "slips" / f"2026-11-27-{req.number}.pdf"
    assert pdf.exists()
    kiosk.tap(w.header.lang)  # the slip's officer line follows the language
    assert officer.name_en in w.slip.note.text()
    kiosk.tap(w.slip.finish)
    assert kiosk.screen == Screen.HOME


def test_the_officer_screen_is_reached_from_the_ticket_menu_and_forgets_on_home(kiosk):
    w = kiosk.w
    kiosk.tap(w.home.ticket_tile)
    kiosk.tap(w.menu.officer_button)
    assert kiosk.screen == Screen.OFFICER
    kiosk.tap(w.officer.group_buttons[Group.VETERAN])
    kiosk.tap(w.officer.item_buttons["TYJR-001"])
    kiosk.tap(w.officer.item_buttons["TYJR-001"])  # a second tap leaves the optional item out again
    assert w.officer.item_code == ""
    kiosk.tap(w.officer.item_buttons["TYJR-002"])
    kiosk.tap(w.header.home_button)
    assert w.officer.group is None and w.officer.item_code == "" and not w.officer.item_buttons
    assert not any(b.isChecked() for b in w.officer.group_buttons.values())


# --- 移动办公桌 -----------------------------------------------------------------------------------


def test_a_home_visit_for_a_family_member(kiosk):
    w = kiosk.w
    kiosk.tap(w.home.officer_tile)
    kiosk.tap(w.officer.group_buttons[Group.ELDER])
    kiosk.tap(w.officer.visit_home)
    hv = w.home_visit_screen
    assert kiosk.screen == Screen.HOME_VISIT
    kiosk.tap(hv.submit)  # nothing chosen: each field says what it needs
    assert "村" in hv.where_error.text() and "手机号" in hv.phone_error.text()
    assert kiosk.store.help_requests() == []
    kiosk.tap(hv.place_buttons["姜杭村"])
    assert hv.place_buttons["姜杭村"].text() == "姜杭村" and hv.place_buttons["姜杭村"].isChecked()
    for ch in "12":
        kiosk.tap(hv.keyboard.keys[ch])
    kiosk.tap(hv.phone_pick)
    for ch in "1291234567":
        kiosk.tap(hv.keypad.findChild(QPushButton, f"pad_{ch}"))
    assert "还差 1 位" in hv.phone_error.text()
    kiosk.tap(hv.keypad.findChild(QPushButton, "pad_8"))
    assert "13–19" in hv.phone_error.text()  # 129… is no mobile number: said at the field
    kiosk.tap(hv.submit)
    assert kiosk.store.help_requests() == [] and kiosk.screen == Screen.HOME_VISIT
    kiosk.tap(hv.keypad.clear)
    for ch in PHONE:
        kiosk.tap(hv.keypad.findChild(QPushButton, f"pad_{ch}"))
    kiosk.tap(hv.submit)
    (req,) = kiosk.store.help_requests()
    officer = w.promises.officer(req.officer_id)
    assert (req.kind, req.group, req.address, req.contact, req.ticket_id) == (
        Help.HOME_VISIT, Group.ELDER, "姜杭村 12", PHONE, None)
    assert officer.name in hv.sent_call.text() and "139****5678" in hv.sent_call.text()
    assert "11月30日" in hv.sent_call.text()  # Friday 27 November: within 1 working day is Monday
    assert officer.phone in hv.sent_phone.text()
    assert not hv.submit.isVisible()  # confirmed: nothing to tap that would store it twice
    kiosk.tap(hv.finish)
    assert kiosk.screen == Screen.HOME and hv.phone == "" and hv.community is None and hv.request is None
    assert len(kiosk.store.help_requests()) == 1


@pytest.mark.parametrize("typed, says", [
    ("A" * 25, "最多 20 个字"),
    ("12\u202e103", "控制字符"),  # a right-to-left override
    ("12\u200f", "控制字符"),  # a right-to-left mark
    ("3\x07", "控制字符"),
    ("12😀", "表情"),
])
def test_a_bad_house_number_is_said_at_the_field_and_nothing_is_stored(kiosk, typed, says):
    w = kiosk.w
    kiosk.tap(w.home.officer_tile)
    kiosk.tap(w.officer.group_buttons[Group.ELDER])
    kiosk.tap(w.officer.visit_home)
    hv = w.home_visit_screen
    kiosk.tap(hv.place_buttons["新镇村"])
    for ch in typed:  # a physical keyboard (or a scanner) types what the on-screen keys cannot
        key(kiosk, ch)
    assert says in hv.detail_error.text()
    kiosk.tap(hv.phone_pick)
    for ch in PHONE:
        key(kiosk, ch)
    kiosk.tap(hv.submit)
    assert kiosk.store.help_requests() == [] and kiosk.screen == Screen.HOME_VISIT
    assert hv.sent_title.text() == ""


def test_letters_in_the_phone_field_are_refused_there(kiosk):
    w = kiosk.w
    kiosk.tap(w.home.officer_tile)
    kiosk.tap(w.officer.group_buttons[Group.ELDER])
    kiosk.tap(w.officer.visit_home)
    hv = w.home_visit_screen
    kiosk.tap(hv.phone_pick)
    for ch in "139abc":
        key(kiosk, ch)
    assert "只能是数字" in hv.phone_error.text()


# --- 预约签到 ---------------------------------------------------------------------------------


def type_code(k, code: str) -> None:
    for ch in code:
        k.tap(k.w.checkin.keyboard.keys[ch.upper()])


def test_on_time_by_code_keeps_the_priority_and_a_second_check_in_offers_the_reprint(kiosk):
    w = kiosk.w
    appt = book(kiosk, "09:40")  # now 09:30: within 15 minutes
    kiosk.tap(w.home.checkin_tile)
    assert kiosk.screen == Screen.CHECKIN and not w.checkin.confirm.isEnabled()
    type_code(kiosk, appt.code.lower())
    assert w.checkin.code_field.text() == appt.code
    kiosk.tap(w.checkin.confirm)
    assert kiosk.screen == Screen.SLIP
    assert "预约优先" in w.slip.note.text() and "9:40" in w.slip.note.text()
    ticket = kiosk.store.ticket_by_number("2026-11-27", w.slip.number.text())
    assert ticket.appointment_at == appt.slot
    assert kiosk.store.appointment_by_code(appt.code).status == AppointmentStatus.CHECKED_IN
    kiosk.tap(w.slip.finish)
    kiosk.tap(w.home.checkin_tile)
    type_code(kiosk, appt.code)
    kiosk.tap(w.checkin.confirm)
    assert ticket.number in w.checkin.result_text.text() and w.checkin.again.isVisible()
    kiosk.tap(w.checkin.again)
    assert kiosk.screen == Screen.SLIP and w.slip.number.text() == ticket.number and w.slip.reprint_note.isVisible()
    assert len(kiosk.store.tickets_on("2026-11-27")) == 1  # nothing issued twice


def test_early_is_told_when_check_in_opens_and_may_take_an_ordinary_ticket(kiosk):
    w = kiosk.w
    appt = book(kiosk, "10:30")
    kiosk.tap(w.home.checkin_tile)
    type_code(kiosk, appt.code)
    kiosk.tap(w.checkin.confirm)
    said = w.checkin.result_text.text()
    assert "10:30" in said and "10:15" in said and kiosk.store.tickets_on("2026-11-27") == []
    kiosk.tap(w.checkin.ordinary)
    assert kiosk.screen == Screen.SLIP and "普通号" in w.slip.note.text()
    (ticket,) = kiosk.store.tickets_on("2026-11-27")
    assert ticket.appointment_at is None


def test_late_gets_an_ordinary_ticket_and_is_told_why(kiosk, clock):
    w = kiosk.w
    appt = book(kiosk, "09:00")  # 30 minutes ago
    kiosk.tap(w.home.checkin_tile)
    type_code(kiosk, appt.code)
    kiosk.tap(w.checkin.confirm)
    assert kiosk.screen == Screen.SLIP
    assert "晚了 30 分钟" in w.slip.note.text() and "超过 15 分钟" in w.slip.note.text()
    (ticket,) = kiosk.store.tickets_on("2026-11-27")
    assert ticket.appointment_at is None


def test_another_days_unknown_and_cancelled_appointments_are_said_clearly(kiosk, clock):
    w = kiosk.w
    tomorrow = book(kiosk, "09:00", day=_dt.date(2026, 11, 30))
    yesterday = book(kiosk, "10:00", day=_dt.date(2026, 11, 26))
    cancelled = book(kiosk, "09:45")
    kiosk.store.cancel_appointment(cancelled.id)
    kiosk.tap(w.home.checkin_tile)
    for code, says in ((tomorrow.code, "2026 年 11 月 30 日 9:00"), (yesterday.code, "已经过了"),
                       (cancelled.code, "已经取消"), ("ZZZZZZ", "没有找到这个预约码")):
        kiosk.tap(w.checkin.keyboard.clear)
        type_code(kiosk, code)
        kiosk.tap(w.checkin.confirm)
        assert says in w.checkin.result_text.text(), code
        assert w.checkin.other.isVisible()  # 取号办事 instead
    assert kiosk.store.tickets_on("2026-11-27") == []
    kiosk.tap(w.checkin.other)
    assert kiosk.screen == Screen.TICKET_MENU


@pytest.mark.parametrize("typed, says", [("O2345", "没有 0、1、I、L、O"), ("AB-CD", "还差 2 位"),
                                          ("ABCDEFG", "多了 1 位"), ("AB😀", "只有字母和数字"),
                                          ("AB\u202eC", "只有字母和数字")])
def test_a_bad_code_is_said_at_the_field(kiosk, typed, says):
    w = kiosk.w
    kiosk.tap(w.home.checkin_tile)
    for ch in typed:
        key(kiosk, ch)
    assert says in w.checkin.code_error.text()
    assert not w.checkin.confirm.isEnabled()


def test_by_card_and_phone_and_a_reset_forgets_them(kiosk):
    w = kiosk.w
    book(kiosk, "09:35")
    c = w.checkin
    kiosk.tap(w.home.checkin_tile)
    kiosk.tap(c.mode_buttons["id"])
    kiosk.tap(c.persona_buttons["elder"])
    assert "********" in c.id_field.text() and c.target == "phone"
    for ch in "13912345670":  # not the phone booked with
        kiosk.tap(c.keypad.findChild(QPushButton, f"pad_{ch}"))
    kiosk.tap(c.confirm)
    assert "没有找到今天" in c.result_text.text()
    kiosk.tap(c.keypad.findChild(QPushButton, "pad_backspace"))
    kiosk.tap(c.keypad.findChild(QPushButton, "pad_8"))
    kiosk.tap(c.confirm)
    assert kiosk.screen == Screen.SLIP and "预约优先" in w.slip.note.text()
    kiosk.tap(w.header.home_button)
    assert (c.resident_id, c.phone, c.persona_id, c.code, c.appointment, c.outcome) == ("", "", "", "", None, None)


def test_a_typed_id_with_a_wrong_check_digit_is_said_at_the_field(kiosk):
    w = kiosk.w
    c = w.checkin
    kiosk.tap(w.home.checkin_tile)
    kiosk.tap(c.mode_buttons["id"])
    for ch in "110105194912310021":
        kiosk.tap(c.keypad.findChild(QPushButton, f"pad_{ch}"))
    assert "逐位核对" in c.id_error.text() and not c.confirm.isEnabled()


def test_the_idle_timeout_forgets_the_home_visit_and_the_check_in(kiosk):
    w = kiosk.w
    kiosk.tap(w.home.officer_tile)
    kiosk.tap(w.officer.group_buttons[Group.ELDER])
    kiosk.tap(w.officer.visit_home)
    kiosk.tap(w.home_visit_screen.place_buttons["金华村"])
    kiosk.tap(w.home_visit_screen.phone_pick)
    for ch in PHONE:
        key(kiosk, ch)
    w.timed_out()
    hv = w.home_visit_screen
    assert kiosk.screen == Screen.HOME and (hv.phone, hv.community) == ("", None)
    assert hv.phone_field.text() == ""


# --- the console ------------------------------------------------------------------------------


@pytest.fixture
def console_env(qtbot, tmp_path, catalogue, hall, clock, theme_cache):
    from kiosk.domain.desk import TicketDesk
    from kiosk.store.db import SqlStore
    from kiosk.ui.shared.bridge import ChangeBridge
    from kiosk.ui.shared.i18n import Language
    from kiosk.ui.shared.theme import Theme

    data = tmp_path / "data"
    store, other = SqlStore.open(data), SqlStore.open(data)
    desk = TicketDesk(store, catalogue, hall, clock, secret=bytes(32))
    promises = make_promises(store, desk)
    kiosk_side = make_promises(other, TicketDesk(other, catalogue, hall, clock, secret=bytes(32)))
    bridge = ChangeBridge(store, clock)
    bridge.start()

    def console(lang: str = "zh_CN", number: int = 10):
        w = build_console(catalogue, hall, number, store, bridge, clock, Language(lang), promises)
        Theme(theme_cache).attach(w)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield dict(console=console, store=store, kiosk=kiosk_side, bridge=bridge, hall=hall)
    bridge.stop()
    store.close()
    other.close()


def tap(qtbot, w) -> None:
    QApplication.processEvents()
    assert w.isVisible() and w.isEnabled(), w.objectName()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def test_the_officers_panel_lists_requests_per_officer_and_follows_other_terminals(qtbot, console_env):
    w = console_env["console"]()
    req, _ = console_env["kiosk"].request_help(Help.OFFICER, Group.TALENT, "RCFW-001")
    tap(qtbot, w.panel_buttons["officers"])
    panel = w.officers_panel
    assert w.left.currentWidget() is panel
    assert req.id in panel.action_buttons
    text = panel.findChild(type(panel.title), f"console_help_{req.id}_text").text()
    assert req.number in text and "高层次人才认定" in text and "待接单" in text
    # another terminal (the kiosk, another connection) asks for a home visit: the list follows
    visit, _ = console_env["kiosk"].request_help(Help.HOME_VISIT, Group.ELDER, None, "金华村 3-101", PHONE)
    qtbot.waitUntil(lambda: visit.id in panel.action_buttons, timeout=3000)
    text = panel.findChild(type(panel.title), f"console_help_{visit.id}_text").text()
    assert "金华村 3-101" in text and PHONE in text
    tap(qtbot, panel.action_buttons[req.id])  # 接单
    assert console_env["store"].help_requests()[0].status == HelpStatus.ACCEPTED
    tap(qtbot, panel.action_buttons[req.id])  # 办结
    assert console_env["store"].help_requests()[0].status == HelpStatus.DONE
    assert req.id not in panel.action_buttons  # done: nothing more to do, and ✓ says so
    assert "✓" in panel.findChild(type(panel.title), f"console_help_{req.id}_text").text()
    # someone else advanced it first: said, nothing written twice
    console_env["kiosk"].advance_help(visit.id)
    panel.advance(visit.id)  # this console still showed it as new
    assert console_env["store"].help_requests()[1].status == HelpStatus.DONE or "⚠" in panel.feedback.text()
    tap(qtbot, panel.cancel)
    assert w.left.currentWidget() is w.card


def test_staff_book_an_appointment_at_the_console(qtbot, console_env):
    w = console_env["console"]()
    tap(qtbot, w.panel_buttons["appointments"])
    panel = w.appointments_panel
    f = panel.fields
    f["date"].setText("2026-11-26")
    f["time"].setText("25:00")
    f["item"].setText("nope")
    f["id"].setText("110105194912310021")
    f["phone"].setText("1291234567")
    tap(qtbot, panel.book_button)
    for key_, says in (("date", "过去"), ("time", "09:30"), ("item", "没有这个事项"), ("id", "逐位核对"),
                       ("phone", "11 位")):
        assert says in panel.errors[key_].text(), key_
    assert console_env["store"].appointments_on("2026-11-26", "2026-12-31") == []
    f["date"].setText("2026-11-30")
    f["time"].setText("19:00")  # the windows do not call then
    tap(qtbot, panel.book_button)
    assert "不叫号" in panel.errors["time"].text()
    f["date"].setText("2026-11-27")
    f["time"].setText("09:00")  # earlier today
    tap(qtbot, panel.book_button)
    assert "已过" in panel.errors["time"].text()
    f["date"].setText("2026-11-30")
    f["time"].setText("10:00")
    f["item"].setText("lnry-001")
    f["id"].setText(ELDER.resident_id)
    f["phone"].setText(PHONE)
    tap(qtbot, panel.book_button)
    (appt,) = console_env["store"].appointments_on("2026-11-30")
    assert appt.code in panel.outcome.text() and appt.item_code == "LNRY-001" and appt.source == Source.CONSOLE
    assert f["id"].text() == "" and f["phone"].text() == ""  # personal data gone once booked
    f["id"].setText(ELDER.resident_id)
    f["phone"].setText(PHONE)
    tap(qtbot, panel.book_button)  # the same person at the same time: not booked twice
    assert len(console_env["store"].appointments_on("2026-11-30")) == 1
    assert appt.code in panel.outcome.text() and "没有重复" in panel.outcome.text()


@pytest.mark.parametrize("lang", ["zh_CN", "en_US"])
def test_the_staff_panels_fit_are_named_and_in_their_language(qtbot, console_env, lang):
    from test_staff_terminals import CONSOLE_SIZE, LANGUAGE_SWITCH, problems

    w = console_env["console"](lang)
    console_env["kiosk"].request_help(Help.OFFICER, Group.FOREIGN_INVESTOR, "QYKB-013")
    console_env["kiosk"].request_help(Help.HOME_VISIT, Group.ELDER, None, "尚明甸村 12-301", PHONE)
    found = problems(w, english=lang == "en_US", foreign_ok=(*LANGUAGE_SWITCH, "console_help_2_text"),
                     size=CONSOLE_SIZE)
    assert not found, "\n".join(found)
    for key_ in ("officers", "appointments"):
        tap(qtbot, w.panel_buttons[key_])
        if key_ == "appointments":
            tap(qtbot, w.appointments_panel.book_button)  # every field says what it needs
        found = problems(w, english=lang == "en_US", foreign_ok=(*LANGUAGE_SWITCH, "console_help_2_text"),
                         size=CONSOLE_SIZE)
        assert not found, f"{key_}:\n" + "\n".join(found)


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path, monkeypatch, keep_umask, quiet_logging, clock):
    from kiosk import cli as cli_module
    from kiosk import scripting

    monkeypatch.setattr(scripting, "clock", clock)
    data = tmp_path / "data"

    def run(*argv):
        return cli_module.main(["--data-dir", str(data), *argv])

    return run


def test_an_appointment_file_with_bad_rows_lists_every_problem_and_imports_nothing(cli, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,time,item,id_number,phone\n"
                   f"2026-11-30,09:30,QYKB-001,{ELDER.resident_id},{PHONE}\n"
                   "2026-11-30,25:00,NOPE-1,123,12\n"
                   f"2026-11-26,10:00,QYKB-001,{ELDER.resident_id},{PHONE}\n"
                   f"2026-11-30,09:30,QYKB-001,{ELDER.resident_id},{PHONE}\n", encoding="utf-8")
    assert cli("appointments", "import", str(bad)) == 1
    err = capsys.readouterr().err
    for line, column in ((3, "time"), (3, "item"), (3, "id_number"), (3, "phone"), (4, "date"), (5, "id_number")):
        assert f"bad.csv:{line}: {column}:" in err, (line, column, err)
    assert "nothing was imported" in err and "Traceback" not in err
    assert cli("appointments", "list", "--day", "2026-11-30") == 0
    assert "No appointments" in capsys.readouterr().out


def test_appointments_import_and_list_and_a_second_import_is_refused(cli, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("\ufeffdate,time,item,id_number,phone\n"
                    f"2026-11-30,09:30,QYKB-001,{ELDER.resident_id},{PHONE}\n"
                    f"2026-11-30,10:00,LNRY-001,{persona('veteran').resident_id},13812345678\n", encoding="utf-8")
    assert cli("appointments", "import", str(good)) == 0
    assert "Imported 2" in capsys.readouterr().out
    assert cli("appointments", "list", "--day", "2026-11-30") == 0
    out = capsys.readouterr().out
    assert "2 appointment(s)" in out and "139****5678" in out and ELDER.resident_id not in out
    assert cli("appointments", "import", str(good)) == 1
    err = capsys.readouterr().err
    assert "good.csv:2: id_number: this person is already booked" in err and "good.csv:3:" in err
    cli("appointments", "list", "--day", "2026-11-30")
    assert "2 appointment(s)" in capsys.readouterr().out


@pytest.mark.parametrize("content, says", [(b"", "empty"), (b"\xff\xfe\x00bad", "not UTF-8"),
                                           (b"name,phone\nx,1\n", "missing column")])
def test_a_file_that_is_no_appointment_list_is_said_plainly(cli, tmp_path, capsys, content, says):
    f = tmp_path / "x.csv"
    f.write_bytes(content)
    assert cli("appointments", "import", str(f)) == 1
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_kiosk_officers_lists_each_officers_requests(cli, tmp_path, capsys, catalogue, hall, clock):
    from kiosk.domain.desk import TicketDesk
    from kiosk.store.db import SqlStore
    from kiosk.store.secret import load_secret

    data = tmp_path / "data"
    store = SqlStore.open(data)
    promises = make_promises(store, TicketDesk(store, catalogue, hall, clock, secret=load_secret(data)))
    req, _ = promises.request_help(Help.OFFICER, Group.TALENT, "RCFW-002")
    visit, _ = promises.request_help(Help.HOME_VISIT, Group.ELDER, None, "花苑社区 5-202", PHONE)
    store.close()
    assert cli("officers") == 0
    out = capsys.readouterr().out
    assert "周敏" in out and req.number in out and "RCFW-002" in out and "new" in out
    assert "花苑社区 5-202" in out and PHONE in out
    assert cli("officers", "--officer", promises.officer(visit.officer_id).id) == 0
    mine = capsys.readouterr().out
    assert "花苑社区" in mine and req.number not in mine
    assert cli("officers", "--officer", "nobody") == 2
    assert "no such officer" in capsys.readouterr().err
