"""The study recorder on the real kiosk, driven by taps: what it records, what it never records
(typed digits), the screenshots on arrival, and detach."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.app import Settings, build_kiosk_window
from kiosk.domain.desk import Request
from kiosk.ui.shared.navigator import Screen
from kiosk.ui.study.recorder import SHOT_WIDTH, Recorder, masked
from kiosk.usability.events import Kind, RecordWriter, read_record
from kiosk.usability.session import Session
from kiosk.usability.study import load_study, plan_for

STUDY = Path(__file__).parent / "data" / "study-two-tasks.yaml"
TYPED_ID = "11010519491231002X"  # valid (born 1949); typed on the keypad, digit by digit
TYPED_PHONE = "13912345678"


class Run:
    """A kiosk, its session writing a real record, and the recorder between them."""

    def __init__(self, qtbot, window, store, folder: Path):
        self.qtbot, self.w, self.store, self.folder = qtbot, window, store, folder
        study = load_study(STUDY)
        self.record_path = folder / "events.jsonl"
        self.writer = RecordWriter(self.record_path, {"study": study.id, "participant": "P01"})
        self.session = Session(study, plan_for(study, "P01"), self.writer)
        self.session.begin()
        self.screens = folder / "screens"
        self.recorder = Recorder(window, self.session, self.screens)

    def tap(self, widget, pos: QPoint | None = None):
        assert widget.isVisible() and widget.isEnabled(), widget.objectName()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())
        QApplication.processEvents()

    def keypad(self, text: str):
        for ch in text:
            self.tap(self.w.identity.findChild(QPushButton, f"pad_{ch}"))

    def events(self, kind: Kind | None = None):
        return [e for e in self.session_events if kind is None or e.kind is kind]

    @property
    def session_events(self):
        return read_record(self.record_path).events


@pytest.fixture
def run(qtbot, catalogue, hall, clock, tmp_path):
    window, store = build_kiosk_window(QApplication.instance(), Settings(data_dir=tmp_path / "data"), catalogue, hall,
                                       clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    r = Run(qtbot, window, store, tmp_path / "P01")
    yield r
    r.recorder.detach()
    r.writer.close()
    store.close()


def test_masked_names_never_hold_the_character():
    assert masked("pad_5") == "pad_#" and masked("ss_pad_X") == "ss_pad_#" and masked("key_A") == "key_#"
    assert masked("report_text_key_b") == "report_text_key_#" and masked("rate_digit_7") == "rate_digit_#"
    assert masked("pad_backspace") == "pad_backspace" and masked("key_space") == "key_space"
    assert masked("desk_consult") == "desk_consult"


def test_a_short_visit_is_recorded_with_positions_names_screens_and_what_the_kiosk_did(run, qtbot):
    w = run.w
    run.tap(w.home.ticket_tile)
    run.tap(w.menu.desk_buttons["consult"])
    assert w.nav.current == Screen.IDENTITY
    run.keypad(TYPED_ID)
    run.tap(w.identity.phone_pick)
    run.keypad(TYPED_PHONE)
    # a tap on nothing that takes a tap: the screen's intro text
    run.tap(w.identity.intro)
    run.tap(w.header.back_button)
    assert w.nav.current == Screen.TICKET_MENU
    run.tap(w.menu.desk_buttons["consult"])
    run.tap(w.identity.confirm)
    assert w.nav.current == Screen.SLIP
    run.tap(w.header.home_button)
    assert w.nav.current == Screen.HOME
    run.writer.close()
    events = run.session_events

    screens = [(e.screen, e.info["how"]) for e in events if e.kind is Kind.SCREEN]
    assert screens == [("home", "start"), ("ticket_menu", "go"), ("identity", "go"), ("ticket_menu", "back"),
                       ("identity", "go"), ("slip", "replace"), ("home", "home")]
    kinds = [e.kind for e in events]
    assert kinds.count(Kind.BACK) == 1 and kinds.count(Kind.HOME) == 1
    moves = [k for k in kinds if k is not Kind.FOCUS]  # (a screen's reset may move the focus first)
    assert moves[moves.index(Kind.BACK) + 1] is Kind.SCREEN and moves[moves.index(Kind.HOME) + 1] is Kind.SCREEN

    presses = [e for e in events if e.kind is Kind.PRESS]
    releases = [e for e in events if e.kind is Kind.RELEASE]
    assert len(presses) == len(releases) == 2 + 18 + 1 + 11 + 1 + 1 + 1 + 1 + 1  # one each: never once per parent
    tile = presses[0]
    centre = w.home.ticket_tile.mapTo(w, w.home.ticket_tile.rect().center())
    assert (tile.widget, tile.screen, tile.x, tile.y) == (w.home.ticket_tile.objectName(), "home", centre.x(), centre.y())
    assert tile.interactive and tile.enabled
    assert releases[0].info["moved"] == 0
    digits = [e for e in presses if e.screen == "identity" and e.widget.startswith("pad_")]
    assert len(digits) == 29 and {e.widget for e in digits} == {"pad_#"}
    intro = w.identity.intro.mapTo(w, w.identity.intro.rect().center())
    (miss,) = [e for e in presses if (e.x, e.y) == (intro.x(), intro.y())]
    assert miss.interactive is False and miss.enabled and miss.screen == "identity" and miss.widget
    assert next(e for e in presses if e.widget == "nav_back").interactive

    apps = [e.info for e in events if e.kind is Kind.APP]
    assert apps[0] == {"what": "ticket_issued", "item": "", "bundle": "", "category": "consult", "green": True,
                       "promise": ""}
    assert apps[1] == {"what": "slip_printed", "printed": True, "reprint": False}
    # the ticket met the running task's criterion? (no task running here: nothing ended)
    assert not [e for e in events if e.kind is Kind.TASK_END]

    # no digit of what was typed is anywhere in the record
    text = run.record_path.read_text(encoding="utf-8")
    for secret in (TYPED_ID, TYPED_PHONE, TYPED_ID[-6:], TYPED_PHONE[-4:], "pad_1", "pad_9"):
        assert secret not in text


def test_the_task_ends_by_itself_when_the_kiosk_issues_its_ticket(run):
    w = run.w
    run.session.start_task()  # P01's first task
    first = run.session.task
    if first.id != "consult-ticket":  # the rating one: its screen ends it
        run.tap(w.home.rate_tile)
        assert run.session.outcomes[first.id].value == "success"
        run.tap(w.header.home_button)
        run.session.start_task()
    run.tap(w.home.ticket_tile)
    run.tap(w.menu.desk_buttons["consult"])
    run.tap(w.identity.confirm)
    assert run.session.outcomes["consult-ticket"].value == "success"
    end = [e for e in run.session_events if e.kind is Kind.TASK_END][-1]
    assert end.info["by"] == "app" and end.task == "consult-ticket"


def test_screenshots_once_per_screen_mode_and_language_and_never_with_typed_data(run, qtbot):
    w = run.w
    qtbot.waitUntil(lambda: (run.screens / "home__normal__zh_CN.png").exists())
    run.tap(w.home.ticket_tile)
    run.tap(w.menu.desk_buttons["consult"])
    qtbot.waitUntil(lambda: (run.screens / "identity__normal__zh_CN.png").exists())
    run.keypad("1101")
    run.tap(w.header.lang)  # English now, with digits typed: no screenshot of them
    run.tap(w.header.back_button)
    qtbot.waitUntil(lambda: (run.screens / "ticket_menu__normal__zh_CN.png").exists())
    run.tap(w.header.home_button)  # the visit is forgotten
    run.tap(w.home.ticket_tile)
    qtbot.waitUntil(lambda: (run.screens / "ticket_menu__normal__en_US.png").exists())
    run.tap(w.header.back_button)
    run.tap(w.home.ticket_tile)
    run.tap(w.header.elder)
    QApplication.processEvents()
    names = sorted(p.name for p in run.screens.iterdir())
    assert "identity__normal__en_US.png" not in names  # typed digits were on it
    assert names == sorted({"home__normal__zh_CN.png", "ticket_menu__normal__zh_CN.png", "identity__normal__zh_CN.png",
                            "ticket_menu__normal__en_US.png", "home__normal__en_US.png"}), names
    shot = run.screens / "identity__normal__zh_CN.png"
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() == SHOT_WIDTH and abs(image.height() - w.height() * SHOT_WIDTH / w.width()) <= 1  # half size
    # written once: a second arrival does not write it again
    stamp = shot.stat().st_mtime_ns
    run.tap(w.header.home_button)
    run.tap(w.home.ticket_tile)
    run.tap(w.menu.desk_buttons["consult"])
    QApplication.processEvents()
    assert shot.stat().st_mtime_ns == stamp


def test_validation_voice_focus_and_toggles_are_recorded_without_their_words(run, qtbot):
    w = run.w
    run.tap(w.home.ticket_tile)
    run.tap(w.menu.desk_buttons["consult"])
    run.keypad("110105194912310022")  # a wrong check digit: said at the field
    assert w.identity.id_error.property("class") == "error"
    run.tap(w.header.voice)
    run.tap(w.header.elder)
    run.tap(w.header.lang)
    run.writer.close()
    events = run.session_events
    validation = [e for e in events if e.kind is Kind.VALIDATION]
    assert len(validation) == 1 and validation[0].widget and validation[0].screen == "identity"
    assert validation[0].info == {}
    voice = [e for e in events if e.kind is Kind.VOICE]
    assert voice and all(set(e.info) == {"chars", "language"} for e in voice)
    modes = [e.info for e in events if e.kind is Kind.APP and e.info["what"] == "mode_changed"]
    assert [m["toggle"] for m in modes] == ["voice", "elder", "language"]
    assert modes[-1] == {"what": "mode_changed", "toggle": "language", "elder": True, "language": "en_US",
                         "voice": True}
    assert any(e.kind is Kind.FOCUS and e.widget == "screen_title" for e in events)
    assert "110105" not in run.record_path.read_text(encoding="utf-8")


def test_physical_keys_are_masked(run, qtbot):
    w = run.w
    run.tap(w.home.ticket_tile)
    run.tap(w.menu.desk_buttons["consult"])
    for ch in "1101":
        qtbot.keyClick(w, ch)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert w.nav.current == Screen.TICKET_MENU
    run.writer.close()
    events = run.session_events
    keys = [e.info["key"] for e in events if e.kind is Kind.KEY]
    assert keys == ["#", "#", "#", "#", "Escape"]
    assert [(e.kind, e.info) for e in events[-2:]] == [(Kind.BACK, {}), (Kind.SCREEN, {"how": "back"})]


def test_another_kiosk_in_the_process_is_not_recorded_and_detach_removes_every_hook(run, qtbot, catalogue, hall,
                                                                                    clock, tmp_path):
    other, store = build_kiosk_window(QApplication.instance(), Settings(data_dir=tmp_path / "other"), catalogue, hall,
                                      clock=clock)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    try:
        before = len(run.session_events)
        qtbot.mouseClick(other.home.ticket_tile, Qt.MouseButton.LeftButton)
        assert other.nav.current == Screen.TICKET_MENU
        assert len(run.session_events) == before  # nothing of the other terminal
        run.recorder.detach()
        run.tap(run.w.home.ticket_tile)
        run.tap(run.w.header.back_button)
        assert len(run.session_events) == before
    finally:
        store.close()


def test_every_promise_flow_says_what_it_did(run):
    """What each flow of the hall's promises reports (APP), with codes only — driven by taps."""
    from datetime import timedelta

    from kiosk.domain.appointments import Source, booking
    from kiosk.domain.counter import Counter
    from kiosk.domain.feedback import Level
    from kiosk.domain.officers import Group

    w = run.w
    got = []
    w.happened.connect(lambda what, info: got.append((what, info)))

    def whats():
        out = [g[0] for g in got]
        got.clear()
        return out

    # 服务专员: a group, an item, the ticket
    run.tap(w.home.officer_tile)
    run.tap(w.officer.group_buttons[Group.ELDER])
    run.tap(w.officer.item_buttons["LNRY-001"])
    run.tap(w.officer.take)
    assert got[0] == ("officer_requested", {"group": "elder", "item": "LNRY-001"})
    assert got[1][0] == "ticket_issued" and got[1][1]["promise"] == "officer"
    assert whats()[2:] == ["slip_printed"]
    run.tap(w.slip.finish)

    # 移动办公桌
    run.tap(w.home.officer_tile)
    run.tap(w.officer.group_buttons[Group.ELDER])
    run.tap(w.officer.visit_home)
    hv = w.home_visit_screen
    run.tap(next(iter(hv.place_buttons.values())))
    run.tap(hv.phone_pick)
    for ch in TYPED_PHONE:
        run.tap(hv.keypad.findChild(QPushButton, f"pad_{ch}"))
    run.tap(hv.submit)
    assert got == [("home_visit_booked", {"group": "elder", "item": ""})]
    got.clear()
    run.tap(hv.finish)

    # 服务评价: a ticket served at window 1, rated 非常满意 (level 1 in the study's counting)
    w.desk.issue(Request(category="consult"))
    counter = Counter(run.store, w.desk.hall, 1, w.desk.clock)
    served = counter.call_next()
    counter.start()
    counter.finish()
    run.tap(w.home.rate_tile)
    for ch in served.number:
        run.tap(w.rate.keys.keys[ch])
    run.tap(w.rate.find_button)
    run.tap(w.rate.panel.level_buttons[Level.VERY_SATISFIED])
    run.tap(w.rate.panel.submit)
    assert got == [("rating_given", {"level": 1})]
    got.clear()
    run.tap(w.rate.done)

    # 预约签到, on time
    now = w.desk.clock()
    (appt,) = w.promises.book([booking(now.date(), (now + timedelta(minutes=10)).time(), "LNRY-001", None,
                                       "320583195403180049", TYPED_PHONE, Source.CONSOLE, now)])
    run.tap(w.home.checkin_tile)
    for ch in appt.code:
        run.tap(w.checkin.keyboard.keys[ch])
    run.tap(w.checkin.confirm)
    assert got[0] == ("checked_in", {"arrival": "on_time"})
    assert got[1][0] == "ticket_issued" and got[1][1]["promise"] == "checkin"
    got.clear()
    run.tap(w.slip.finish)

    # 零材料 self-service
    w.choose(Request(item_code="SHBX-013"), Screen.ITEM)
    run.tap(w.item.offers.self_button)
    selfs = w.nav.widget(Screen.SELF_SERVICE)
    run.tap(selfs.id_entry.persona_buttons["elder"])
    run.tap(selfs.go_on)
    run.tap(w.nav.widget(Screen.SELF_CONFIRM).confirm)
    assert got == [("self_served", {"item": "SHBX-013"}), ("slip_printed", {"printed": True, "reprint": False})]
    got.clear()
    run.tap(w.nav.widget(Screen.SELF_RESULT).finish)

    # 办不成事反映 for a service found by its pinyin
    run.tap(w.home.report_tile)
    r = w.report
    for ch in "yyzz":
        run.tap(r.pad.keyboard.keys[ch.upper()])
    run.tap(r.result_buttons[0])
    run.tap(r.snag_buttons[next(iter(r.snag_buttons))])
    run.tap(r.next)
    run.tap(r.submit)
    code = w.visit.slip.ticket.item_code if w.visit.slip else None
    assert got[0][0] == "case_filed" and got[0][1]["item"] and got[0][1]["category"]
    assert got[1][0] == "ticket_issued" and got[1][1]["promise"] == "case" and got[1][1]["category"] == "cannot_do"
    assert code is None
    got.clear()
    run.tap(w.slip.finish)

    # 意见建议, anonymous
    run.tap(w.home.opinion_tile)
    o = w.opinion
    run.tap(o.topic_buttons[list(o.topic_buttons)[2]])
    for ch in "seats":
        run.tap(o.pad.keyboard.keys[ch.upper()])
    run.tap(o.submit)
    assert got == [("opinion_left", {"topic": list(o.topic_buttons)[2].value, "anonymous": True})]

    # …and the record has them all as APP events, with no typed number in it
    run.writer.close()
    text = run.record_path.read_text(encoding="utf-8")
    apps = [e.info["what"] for e in read_record(run.record_path).events if e.kind is Kind.APP]
    for what in ("officer_requested", "home_visit_booked", "rating_given", "checked_in", "self_served", "case_filed",
                 "opinion_left"):
        assert what in apps
    assert TYPED_PHONE not in text and "320583195403180049" not in text and appt.code not in text


def test_the_idle_warning_once_per_countdown_and_the_timeout(run):
    w = run.w
    run.tap(w.home.ticket_tile)
    run.tap(w.menu.desk_buttons["consult"])
    run.keypad("1101")  # something personal: the countdown is shown
    now = [1000.0]
    w.idle.clock = lambda: now[0]
    w.idle.last_touch = now[0] - w.idle.idle_seconds - 1
    w.idle.tick()
    now[0] += 1
    w.idle.tick()
    assert w.overlay.isVisible()
    now[0] += w.idle.warn_seconds + 1
    w.idle.tick()
    assert w.nav.current == Screen.HOME and not w.overlay.isVisible()
    run.writer.close()
    kinds = [e.kind for e in run.session_events]
    assert kinds.count(Kind.IDLE_WARNING) == 1 and kinds.count(Kind.IDLE_RESET) == 1
    assert kinds.index(Kind.IDLE_WARNING) < kinds.index(Kind.IDLE_RESET)


def test_a_touch_is_recorded_once_as_a_press_and_a_release(run, qtbot):
    from PySide6.QtTest import QTest

    w = run.w
    device = QTest.createTouchDevice()
    tile = w.home.ticket_tile
    centre = tile.mapTo(w, tile.rect().center())
    QTest.touchEvent(w, device).press(0, centre, w)
    QTest.touchEvent(w, device).release(0, centre, w)
    QApplication.processEvents()
    assert w.nav.current == Screen.TICKET_MENU
    run.writer.close()
    taps = [e for e in run.session_events if e.kind in (Kind.PRESS, Kind.RELEASE)]
    assert [e.kind for e in taps] == [Kind.PRESS, Kind.RELEASE]
    assert {(e.x, e.y, e.widget, e.interactive, e.info["touch"]) for e in taps} == \
        {(centre.x(), centre.y(), tile.objectName(), True, True)}


def test_a_drag_says_how_far_the_finger_moved(run, qtbot):
    w = run.w
    tile = w.home.ticket_tile
    start = tile.rect().center()
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=QPoint(start.x(), start.y() + 30))
    run.writer.close()
    press, release = [e for e in run.session_events if e.kind in (Kind.PRESS, Kind.RELEASE)]
    assert release.info["moved"] == 30 and release.y - press.y == 30
