"""Running a usability study: the controller, the facilitator's window and the questionnaires on
the kiosk, driven by taps (the participant's on the kiosk, the facilitator's on their window)."""

from __future__ import annotations

import json
import os
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kiosk.app import Settings, build_study
from kiosk.domain.appointments import AppointmentStatus
from kiosk.domain.lifecycle import Status
from kiosk.ui.shared.navigator import Screen
from kiosk.ui.study.controller import ParticipantError, delete_participant, next_code
from kiosk.usability.events import Fault, Kind, Outcome, read_record
from kiosk.usability.questionnaires import SEQ, SUS, UMUX_LITE
from kiosk.usability.study import Condition, Criterion, Design, Setup, SetupKind, Study, Success, Task


class Ticking:
    """The session's monotonic clock, moved by the test (times on task are what the test says)."""

    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def two_task_study(**kw) -> Study:
    tasks = (
        Task("ticket", "为开办企业取号", "Take a ticket to start a company", "请为开办企业取一个号。",
             "Please take a ticket for starting a company.", Success(Criterion.TICKET, bundle="QYKB"), 180.0,
             ideal=("home", "ticket_menu", "item", "identity", "slip")),
        Task("rate", "给刚才的服务评价", "Rate the service just given",
             "您刚在 1 号窗口办完事，号码是 {ticket}。请给这次服务评价。",
             "You were just served at window 1 with ticket {ticket}. Please rate the service.",
             Success(Criterion.RATING), 120.0, setup=(Setup(SetupKind.SERVED, "LNRY-001"),)),
    )
    conds = (Condition("A", "普通版", "Standard"), Condition("B", "长辈版", "Senior mode", elder=True))
    return Study("two-tasks", "取号与评价", "Tickets and ratings", tasks, conds, **kw)


class Run:
    """A study run as the facilitator and the participant would: the controller and the window."""

    def __init__(self, qtbot, controller, facilitator, ticking, data_dir):
        self.qtbot, self.c, self.f, self.ticking, self.data_dir = qtbot, controller, facilitator, ticking, data_dir

    @property
    def k(self):
        return self.c.kiosk

    def tap(self, widget) -> None:
        assert widget.isVisible(), f"{widget.objectName()} is not visible"
        assert widget.isEnabled(), f"{widget.objectName()} is disabled"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def mark(self, key: str) -> None:
        self.tap(self.f.marks[key])

    def answer(self, *values: int) -> None:
        """The participant answers the questionnaire on the kiosk, one page each, by taps."""
        self.asked()
        q = self.c.questionnaire
        for value in values:
            self.tap(q.choices[value - 1])
            self.tap(q.next)

    def asked(self):
        """The questionnaire, once the kiosk shows it (after the kiosk's own step is done)."""
        self.qtbot.waitUntil(lambda: self.c.questionnaire is not None and self.c.questionnaire.isVisible())
        return self.c.questionnaire

    def settled(self) -> None:
        """What follows a task's end (no questionnaire: the kiosk's next visit) has happened."""
        self.qtbot.waitUntil(lambda: not self.c.asking)

    def record(self, code: str = ""):
        return read_record(self.c.directory / "participants" / (code or self.c.code) / "events.jsonl")


@pytest.fixture
def run_study(qtbot, catalogue, hall, clock, tmp_path):
    made = []

    def make(study: Study | None = None, code: str = "P01", language: str = "zh_CN") -> Run:
        ticking = Ticking()
        app = QApplication.instance()
        controller, facilitator = build_study(app, Settings(data_dir=tmp_path / "data"), study or two_task_study(),
                                              catalogue, hall, code, clock=clock, session_clock=ticking,
                                              language=language)
        controller.timer.stop()  # the test ticks the clock itself
        qtbot.addWidget(facilitator)
        facilitator.show()
        controller.kiosk.show()
        controller.kiosk_changed.connect(lambda k: k.show())
        qtbot.waitExposed(facilitator)
        made.append(controller)
        return Run(qtbot, controller, facilitator, ticking, tmp_path / "data")

    yield make
    for controller in made:
        controller.close()


def test_a_participant_gets_a_folder_a_record_and_a_kiosk_in_their_first_condition(run_study):
    r = run_study(code="P02")  # P02's row: condition B (长辈版) first
    folder = r.data_dir / "studies" / "two-tasks" / "participants" / "P02"
    assert (folder / "hall").is_dir() and (folder / "events.jsonl").is_file()
    assert oct((folder / "events.jsonl").stat().st_mode & 0o777) == "0o600"
    assert r.c.condition.id == "B" and r.k.theme.mode == "elder" and r.k.defaults == ("zh_CN", True, True)
    assert r.k.desk.store is r.c.store and str(folder / "hall") in str(r.k.slips_dir)
    rec = r.record()
    assert rec.participant == "P02" and rec.header["study"] == "two-tasks"
    assert [e.kind for e in rec.events] == [Kind.SESSION_START, Kind.CONDITION, Kind.SCREEN]
    assert rec.events[0].info["language"] == "zh_CN" and rec.events[1].condition == "B"
    assert rec.events[2].screen == "home" and rec.events[2].info["how"] == "start"
    assert r.f.who.text() == "P02" and "长辈版" in r.f.progress.text() and "第 1 组，共 2 组" in r.f.progress.text()


def test_the_facilitator_runs_the_tasks_and_the_participant_answers_on_the_kiosk(run_study):
    r = run_study()
    f, c = r.f, r.c
    assert f.marks["start"].isEnabled() and not f.marks["success"].isEnabled()
    first = c.task
    assert f.task_zh.text() == first.instructions and f.task_en.text() == first.instructions_en
    r.mark("start")
    assert c.session.task is first and not f.marks["start"].isEnabled() and f.marks["fail"].isEnabled()
    r.ticking.advance(42.5)
    c.tick()
    assert f.timer_label.text() == f"0:42 / {int(first.limit) // 60}:00"
    r.mark("fail")
    assert not f.marks["start"].isEnabled()
    q = r.asked()
    assert q.isVisible() and q.geometry() == r.k.rect()
    assert q.question.text() == SEQ.item(1, False) and not any(b.isChecked() for b in q.choices)
    assert [b.isVisible() for b in q.choices] == [True] * 7
    assert "非常难" in q.choices[0].text() and "非常容易" in q.choices[6].text()
    assert not f.marks["start"].isEnabled(), "no task starts while the participant is answering"
    assert "失败" in f.status_label.text() and "0:42" in f.status_label.text()
    r.answer(2)  # SEQ, then block A is over: SUS (10 items, 5 points)
    assert q.isVisible() and q.question.text() == SUS.item(1, False)
    assert [b.isVisible() for b in q.choices] == [True] * 5 + [False] * 2
    r.answer(4, 2, 4, 2, 4, 2, 4, 2, 4, 2)
    assert not q.isVisible()
    # the next block: a fresh kiosk in 长辈版 on the same hall, the task's set-up done there
    assert c.condition.id == "B" and c.kiosk.theme.mode == "elder"
    assert "〔开始后给出票号〕" in f.task_zh.text() and "[ticket number: given at the start]" in f.task_en.text()
    r.mark("start")
    (served,) = [t for t in c.store.tickets_on("2026-11-27") if t.item_code == "LNRY-001"]
    assert served.status == Status.DONE and served.window == 1
    assert served.number in f.task_zh.text() and served.number in f.task_en.text() and "{ticket}" not in f.task_zh.text()
    r.ticking.advance(10)
    r.mark("success")
    r.answer(7)
    r.answer(5, 1, 5, 1, 5, 1, 5, 1, 5, 1)
    assert c.session.finished and not f.marks["start"].isEnabled() and not f.marks["note"].isEnabled()
    rec = r.record()
    kinds = [e.kind for e in rec.events]
    assert kinds.count(Kind.TASK_START) == 2 and kinds[-1] is Kind.SESSION_END
    ends = [e for e in rec.events if e.kind is Kind.TASK_END]
    assert [(e.task, e.condition, e.info["outcome"], e.info["by"], e.info["seconds"]) for e in ends] == [
        ("ticket", "A", "fail", "facilitator", 42.5), ("rate", "B", "success", "facilitator", 10.0)]
    answers = [(e.condition, e.info["instrument"], e.info["item"], e.info["value"], e.info["of_task"])
               for e in rec.events if e.kind is Kind.ANSWER]
    assert answers[0] == ("A", "SEQ", 1, 2, "ticket")
    assert [a[3] for a in answers[1:11]] == [4, 2] * 5 and {a[:2] for a in answers[1:11]} == {("A", "SUS")}
    assert answers[11] == ("B", "SEQ", 1, 7, "rate")
    assert [a[3] for a in answers[12:]] == [5, 1] * 5 and {a[:2] for a in answers[12:]} == {("B", "SUS")}


def test_a_questionnaire_cannot_be_skipped_by_accident_and_keeps_answers_going_back(run_study):
    r = run_study()
    r.mark("start")
    r.mark("skip")  # no SEQ after a skipped task; SUS after the block
    q = r.asked()
    assert q.question.text() == SUS.item(1, False)
    assert not q.back.isEnabled()
    r.tap(q.next)  # nothing chosen: said, and the page stays
    assert q.question.text() == SUS.item(1, False) and q.hint.text() == "请先选一个答案"
    r.tap(q.choices[3])
    assert q.choices[3].isChecked() and q.choices[3].shown_text().startswith("✓") and q.hint.text() == ""
    r.tap(q.choices[1])  # changed their mind: one answer, the last
    assert [b.isChecked() for b in q.choices[:5]] == [False, True, False, False, False]
    r.tap(q.next)
    assert q.question.text() == SUS.item(2, False) and not any(b.isChecked() for b in q.choices)
    r.tap(q.back)
    assert q.question.text() == SUS.item(1, False) and q.choices[1].isChecked()
    # by keys: a digit chooses, Enter goes on; no key reaches the screen underneath
    screen = r.k.nav.current
    r.qtbot.keyClicks(q.question, "5")
    assert q.choices[4].isChecked() and not q.choices[1].isChecked()
    r.qtbot.keyClick(q.question, Qt.Key.Key_Escape)
    r.qtbot.keyClick(q.question, Qt.Key.Key_Return)
    assert q.question.text() == SUS.item(2, False) and r.k.nav.current == screen
    r.tap(q.back)
    assert not [e for e in r.record().events if e.kind is Kind.ANSWER], "no answer is recorded before the last page"


def shown_to_a_screen_reader(widget) -> list[tuple[str, str]]:
    """(objectName, accessible name) of every control Qt's accessibility tree offers as shown."""
    out, stack = [], [QAccessible.queryAccessibleInterface(widget)]
    while stack:
        iface = stack.pop()
        if iface is None or not iface.isValid() or iface.state().invisible:
            continue
        obj = iface.object()
        if isinstance(obj, QPushButton):
            out.append((obj.objectName(), iface.text(QAccessible.Text.Name)))
        stack.extend(iface.child(i) for i in reversed(range(iface.childCount())))  # in reading order
    return out


def test_a_screen_reader_is_offered_the_questionnaire_alone_not_the_screen_it_covers(run_study):
    r = run_study(two_task_study(design=Design.BETWEEN))  # one block: the kiosk stays after the SEQ
    kiosk = r.k
    r.mark("start")
    r.tap(kiosk.findChild(QPushButton, "tile_rate"))
    r.qtbot.waitUntil(lambda: kiosk.nav.current == Screen.RATE)
    assert ("nav_home", "首页") in shown_to_a_screen_reader(kiosk)  # the screen's own controls, before
    r.mark("success")
    q = r.asked()
    offered = shown_to_a_screen_reader(kiosk)
    assert offered and all(name.startswith("questionnaire_") for name, _ in offered), offered
    assert [n for _, n in offered if n[0].isdigit()] == ["1 非常难", "2", "3", "4", "5", "6", "7 非常容易"]
    assert not kiosk.header.isVisible() and not kiosk.stack.isVisible()
    r.answer(6)
    r.settled()
    assert r.k is kiosk and not q.isVisible() and kiosk.header.isVisible() and kiosk.stack.isVisible()
    after = shown_to_a_screen_reader(kiosk)
    assert kiosk.nav.current == Screen.HOME and any(name.startswith("tile_") for name, _ in after), after
    assert not any(name.startswith("questionnaire_") for name, _ in after), after


def test_the_screenshot_of_a_screen_that_ends_the_task_is_that_screen_not_the_questionnaire(run_study):
    from PySide6.QtGui import QImage

    task = Task("find", "找到服务评价", "Find the rating page", "请找到打分的地方。", "Find where to rate.",
                Success(Criterion.SCREEN, screen="rate"), 60.0)
    r = run_study(Study("find", "找一找", "Find it", (task,), (Condition("A", "普通版", "Standard"),)))
    r.mark("start")
    r.tap(r.k.findChild(QPushButton, "tile_rate"))  # arriving ends the task: the SEQ opens over the screen
    r.asked()
    QApplication.processEvents()
    shot = QImage(str(r.c.directory / "participants" / "P01" / "screens" / "rate__normal__zh_CN.png"))
    assert not shot.isNull()
    header = shot.pixelColor(8, 8)  # the kiosk's header is dark; the questionnaire's page is light
    assert header.lightness() < 128, f"the rate screen's screenshot shows the questionnaire ({header.name()})"


def test_the_idle_timeout_is_paused_while_a_questionnaire_is_open(run_study):
    r = run_study()
    r.mark("start")
    r.mark("skip")
    q, idle = r.asked(), r.k.idle
    assert not idle.enabled
    idle.last_touch -= 10_000  # an hour of thinking
    idle.tick()
    assert q.isVisible() and not r.k.overlay.isVisible()
    r.answer(3, 3, 3, 3, 3, 3, 3, 3, 3, 3)
    assert r.c.kiosk.idle.enabled


def test_the_questionnaire_is_in_the_participants_language_and_large_in_senior_mode(run_study):
    r = run_study(code="P02")  # 长辈版 first
    r.tap(r.k.header.lang)  # the participant switched to English
    r.mark("start")
    r.mark("fail")
    q = r.asked()
    assert q.question.text() == SEQ.item(1, True) and "Very difficult" in q.choices[0].text()
    assert q.next.text() == "Next ›"
    for b in q.choices:
        assert b.height() >= 80 and b.width() >= 600
    assert min(b.height() for b in (q.back, q.next)) >= 80


def test_umux_lite_follows_sus_when_the_study_asks_for_it(run_study):
    r = run_study(two_task_study(umux_lite=True, design=Design.BETWEEN))
    assert [b.condition.id for b in r.c.plan.blocks] == ["A"]
    r.mark("start")
    r.mark("success")
    r.answer(6)
    r.settled()
    assert not r.c.questionnaire.isVisible(), "between subjects: SUS after the session, not after each task"
    r.mark("start")
    r.mark("success")
    r.answer(6)
    r.answer(*[3] * 10)
    assert r.c.questionnaire.question.text() == UMUX_LITE.item(1, False)
    assert [b.isVisible() for b in r.c.questionnaire.choices] == [True] * 7
    r.answer(6, 7)
    r.settled()
    got = [(e.info["instrument"], e.info["item"], e.info["value"]) for e in r.record().events if e.kind is Kind.ANSWER]
    assert got[-2:] == [("UMUX_LITE", 1, 6), ("UMUX_LITE", 2, 7)] and len(got) == 14


def test_an_appointment_is_booked_for_now_before_a_check_in_task(run_study):
    task = Task("checkin", "预约签到", "Check in", "请用预约码 {code} 签到。", "Check in with code {code}.",
                Success(Criterion.CHECKIN), 120.0, setup=(Setup(SetupKind.APPOINTMENT, "LNRY-001"),))
    r = run_study(Study("checkin", "签到", "Check-in", (task,), (Condition("A", "普通版", "Standard"),)))
    r.mark("start")
    (appointment,) = r.c.store.appointments_on("2026-11-27")
    assert appointment.status == AppointmentStatus.BOOKED and appointment.item_code == "LNRY-001"
    assert r.f.task_zh.text() == f"请用预约码 {appointment.code} 签到。"
    assert appointment.slot == r.k.desk.clock().replace(second=0, microsecond=0).timestamp()


def test_a_task_past_its_limit_ends_by_the_clock(run_study):
    r = run_study()
    r.mark("start")
    r.ticking.advance(179)
    r.c.tick()
    assert r.c.session.task is not None
    r.ticking.advance(1)
    r.c.tick()
    assert r.c.session.task is None and "超时" in r.f.status_label.text()
    (end,) = [e for e in r.record().events if e.kind is Kind.TASK_END]
    assert end.info["outcome"] == Outcome.TIMEOUT and end.info["by"] == "clock"


def test_the_facilitators_input_does_not_keep_the_participants_visit_alive(run_study):
    r = run_study()
    idle = r.k.idle
    idle.last_touch -= 500
    r.mark("start")  # the facilitator's click: not the participant at the kiosk
    r.f.note_field.setFocus()
    r.qtbot.keyClicks(r.f.note_field, "x")
    assert idle.clock() - idle.last_touch >= 500
    r.tap(r.k.home.browse_tile)  # the participant's tap is
    assert idle.clock() - idle.last_touch < 5


def test_a_note_is_timestamped_and_recorded(run_study):
    r = run_study()
    r.mark("start")
    r.ticking.advance(75)
    r.mark("note")
    assert r.f.noting and r.f.note_row.isVisible() and r.f.note_time.text() == "[1:15]"
    r.f.note_field.setText("找不到取号按钮，犹豫了很久")
    r.tap(r.f.note_save)
    (note,) = [e for e in r.record().events if e.kind is Kind.NOTE]
    assert note.info["text"] == "[1:15] 找不到取号按钮，犹豫了很久" and note.task == "ticket" and note.t == 75
    assert not r.f.noting and "找不到取号按钮" in r.f.log.item(r.f.log.count() - 1).text()


def test_the_hotkeys_work_whichever_window_has_the_focus(run_study, qtbot):
    r = run_study()
    r.k.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is r.k)  # the participant has just tapped the kiosk
    qtbot.keyClick(r.k, Qt.Key.Key_F5)
    assert r.c.session.task is not None
    qtbot.keyClick(r.k, Qt.Key.Key_F8)
    assert r.c.session.task is None and r.c.session.outcomes["ticket"] == Outcome.SKIP
    qtbot.keyClick(r.k, Qt.Key.Key_F5)  # the questionnaire is open: 开始 waits
    assert r.c.session.task is None


def test_a_screen_reader_hears_the_facilitators_controls_by_what_is_written_on_them_in_its_language(run_study):
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for code, language in (("P01", "zh_CN"), ("P02", "en_US")):
        f = run_study(code=code, language=language).f
        for fault, b in f.fault_buttons.items():  # the name holds the label (WCAG 2.5.3); the description says more
            assert b.accessibleName() == b.text(), (fault, b.accessibleName(), b.text())
            assert b.accessibleDescription() or fault is Fault.PRINTER, fault
        for box in (f.quota_item, f.paused_category):  # Qt on Linux names a combo box by its choice: its label says what for
            buddy = [lab for lab in f.findChildren(QLabel) if lab.buddy() is box]
            assert len(buddy) == 1 and buddy[0].isVisible() and buddy[0].text(), box.objectName()
        names = {w.objectName(): QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name)
                 for w in f.findChildren(QWidget) if isinstance(w, QPushButton | QLineEdit | QSpinBox | QListWidget)}
        names.update({b.objectName(): b.accessibleDescription() for b in f.fault_buttons.values()})
        foreign = {k: v for k, v in names.items() if bool(cjk.search(v.replace("中文", ""))) != (language == "zh_CN")
                   and v and not v.startswith(("English", "中文"))}
        assert not foreign, f"{language}: names not in the window's language: {foreign}"
        assert names["facilitator_language"] == ("中文 · Switch language" if language == "en_US" else "English · 切换语言")


def test_every_facilitator_control_is_named_and_the_window_fits_in_both_languages(run_study):
    for code, language in (("P01", "zh_CN"), ("P02", "en_US")):
        r = run_study(code=code, language=language)
        f = r.f
        r.mark("start")
        for b in f.fault_buttons.values():  # every switch on: its label with ✓
            b.setChecked(True)
        f.ask_next()
        QApplication.processEvents()
        assert f.size().width() == 1280 and f.size().height() == 800
        controls = [w for w in f.findChildren(QWidget)
                    if isinstance(w, QPushButton | QLineEdit | QComboBox | QSpinBox | QListWidget)]
        assert len(controls) >= 18
        for w in controls:
            assert w.objectName() and w.accessibleName(), f"{type(w).__name__} {w.objectName()!r} unnamed"
            assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, f"{w.objectName()} not reached by Tab"
        for b in f.findChildren(QPushButton):
            if b.isVisible():
                assert b.height() >= 60, b.objectName()
                room = b.contentsRect().width() - 16
                text = b.shown_text() if hasattr(b, "shown_text") else b.text()
                assert b.fontMetrics().horizontalAdvance(text) <= room, f"{b.objectName()} {text!r} is cut"
        f.cancel_next()
        r.mark("note")
        assert f.size().width() == 1280 and f.size().height() == 800
        r.c.close()


def test_fault_switches_are_recorded_with_their_parameter(run_study):
    r = run_study()
    f = r.f
    r.mark("start")
    assert f.quota_item.currentData() == "LNRY-001" or f.quota_item.currentData()  # the next task's item, if any
    f.slow_seconds.setValue(5)
    r.tap(f.fault_buttons[Fault.SLOW_STORE])
    assert f.fault_buttons[Fault.SLOW_STORE].isChecked() and not f.slow_seconds.isEnabled()
    assert Fault.SLOW_STORE in r.c.session.faults
    r.tap(f.fault_buttons[Fault.SLOW_STORE])
    assert not f.fault_buttons[Fault.SLOW_STORE].isChecked() and f.slow_seconds.isEnabled()
    events = [(e.kind, dict(e.info)) for e in r.record().events if e.kind in (Kind.FAULT_ON, Kind.FAULT_OFF)]
    assert events == [(Kind.FAULT_ON, {"fault": "slow_store", "seconds": 5}), (Kind.FAULT_OFF, {"fault": "slow_store"})]


def test_next_participant_is_one_action_and_nothing_of_one_reaches_the_next(run_study):
    r = run_study()
    c, f = r.c, r.f
    first_kiosk, first_store = c.kiosk, c.store
    # P01 takes a ticket, types into the search, a fault is on and a note is written
    r.mark("start")
    r.tap(first_kiosk.home.ticket_tile)
    r.tap(first_kiosk.menu.desk_buttons["consult"])
    r.tap(first_kiosk.identity.confirm)
    assert first_kiosk.nav.current == Screen.SLIP
    r.tap(f.fault_buttons[Fault.PRINTER])
    r.mark("note")
    f.note_field.setText("P01 的备注")
    r.tap(f.note_save)
    assert first_store.tickets_on("2026-11-27")
    # Ctrl+N: the next code is offered (the next number), a bad one is refused and changes nothing
    r.tap(f.next_button)
    assert f.asking_next and f.next_field.text() == "P02"
    f.next_field.setText("张三")
    r.tap(f.next_ok)
    assert "letters and a number" in f.next_error.text() and c.code == "P01" and c.kiosk is first_kiosk
    f.next_field.setText("P01")
    r.tap(f.next_ok)
    assert "has a record already" in f.next_error.text() and c.code == "P01"
    f.next_field.setText("P02")
    r.tap(f.next_ok)
    assert c.code == "P02" and not f.asking_next
    # P01's session ended: the task running skipped, the fault off, the record closed
    p1 = r.record("P01")
    assert p1.events[-1].kind is Kind.SESSION_END and p1.events[-1].info["reason"] == "next"
    assert [e.info["outcome"] for e in p1.events if e.kind is Kind.TASK_END] == ["skip"]
    assert [e.info["fault"] for e in p1.events if e.kind is Kind.FAULT_OFF] == ["printer"]
    # P02: a new kiosk on a new hall, nothing of P01's
    assert c.kiosk is not first_kiosk and c.store is not first_store
    assert c.store.tickets_on("2026-11-27") == []
    assert not c.kiosk.visit.has_personal_data and c.kiosk.nav.current == Screen.HOME
    assert c.session.faults == {} and not any(b.isChecked() for b in f.fault_buttons.values())
    assert f.log.count() == 0 or all("P01" not in f.log.item(i).text() for i in range(f.log.count()))
    assert f.note_field.text() == "" and not f.noting
    p2 = r.record("P02")
    assert p2.participant == "P02" and [e.kind for e in p2.events] == [Kind.SESSION_START, Kind.CONDITION, Kind.SCREEN]
    raw = (r.data_dir / "studies" / "two-tasks" / "participants" / "P02" / "events.jsonl").read_text()
    assert "P01" not in raw.split("\n", 1)[1]
    hall1 = r.data_dir / "studies" / "two-tasks" / "participants" / "P01" / "hall"
    hall2 = r.data_dir / "studies" / "two-tasks" / "participants" / "P02" / "hall"
    assert not set(os.listdir(hall2 / "slips") if (hall2 / "slips").exists() else []) & set(os.listdir(hall1 / "slips"))
    assert f.live.kiosk is c.kiosk and c.condition.id == "B"


def test_deleting_a_participant_removes_their_folder_entirely(run_study):
    r = run_study()
    r.mark("start")
    r.tap(r.k.home.ticket_tile)
    r.tap(r.k.menu.desk_buttons["consult"])
    r.tap(r.k.identity.confirm)  # P01's hall has a ticket, its slip and their database
    folder = r.c.directory
    r.c.next_participant("P02")
    with pytest.raises(ParticipantError, match="participant running"):
        r.c.delete("P02")
    files = r.c.delete("P01")
    assert any(p.name == "events.jsonl" for p in files) and any("hall" in p.parts for p in files)
    assert not (folder / "participants" / "P01").exists() and (folder / "participants" / "P02").exists()
    with pytest.raises(ParticipantError, match="no record of P01"):
        delete_participant(folder, "P01")
    assert next_code(folder) == "P03" and next_code(folder, "P09") == "P10"


def test_the_record_is_json_lines_with_no_wall_clock_beyond_the_start(run_study):
    r = run_study()
    r.mark("start")
    path = r.c.directory / "participants" / "P01" / "events.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert set(header) == {"record", "study", "participant", "started"}
    assert all(set(json.loads(line)) <= {"t", "kind", "task", "condition", "screen", "x", "y", "widget",
                                         "interactive", "enabled", "info"} for line in lines[1:])


# --- kiosk study on the command line -----------------------------------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
TWO_TASKS = ROOT / "tests" / "data" / "study-two-tasks.yaml"


def test_kiosk_study_check_a_good_and_a_broken_file(capsys, keep_umask):
    from kiosk.cli import main

    assert main(["study", str(TWO_TASKS), "--check"]) == 0
    assert "OK" in capsys.readouterr().out
    assert main(["study", str(ROOT / "tests" / "data" / "study-broken.yaml"), "--check"]) == 1
    err = capsys.readouterr().err
    assert "problem(s)" in err and "study-broken.yaml:3: id:" in err and "Traceback" not in err
    assert main(["study", str(ROOT / "tests" / "data" / "study-broken.yaml"), "--participant", "P01"]) == 1


def test_kiosk_study_refuses_a_bad_or_used_participant_code(capsys, tmp_path, keep_umask):
    from kiosk.cli import main

    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "study", str(TWO_TASKS), "--participant", "张三"]) == 2
    assert "letters and a number" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "study", str(TWO_TASKS)]) == 2
    err = capsys.readouterr().err
    assert "--participant CODE" in err and "the next without a record: P01" in err
    record = data / "studies" / "two-tasks" / "participants" / "P03" / "events.jsonl"
    record.parent.mkdir(parents=True)
    record.write_text('{"record": 1}\n')
    assert main(["--data-dir", str(data), "study", str(TWO_TASKS), "--participant", "P03"]) == 2
    assert "P03 has a record already" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "study", str(TWO_TASKS), "--participant", "P01", "--check"]) == 2


def test_kiosk_study_delete_says_what_it_removed(run_study, capsys, keep_umask):
    from kiosk.cli import main

    r = run_study(code="P05")
    r.mark("start")
    r.tap(r.k.home.ticket_tile)
    r.tap(r.k.menu.desk_buttons["consult"])
    r.tap(r.k.identity.confirm)
    r.c.close()
    shots = sorted(p.name for p in (r.c.directory / "participants" / "P05" / "screens").iterdir())
    assert shots and all(s.endswith(".png") for s in shots)  # the recorder's: home, the menu, identity …
    args = ["--data-dir", str(r.data_dir), "study", str(TWO_TASKS)]
    # the test's study is made in code with the same id as the file's: the file names the folder
    assert main([*args, "--delete", "P5x"]) == 2
    assert main([*args, "--delete", "P05"]) == 0
    out = capsys.readouterr().out
    assert "Deleted P05 entirely" in out and f"{len(shots)} screenshot(s)" in out and "the record (events.jsonl," in out
    assert not (r.c.directory / "participants" / "P05").exists()
    assert main([*args, "--delete", "P05"]) == 1
    assert "nothing was deleted" in capsys.readouterr().err


# --- the whole study, by taps, and its report ---------------------------------------------------------


def csv_rows(path):
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def at(widget, kiosk) -> tuple[int, int]:
    """Where a tap on ``widget``'s centre lands in the kiosk window's own pixels."""
    p = widget.mapTo(kiosk, widget.rect().center())
    return p.x(), p.y()


def test_a_two_task_two_condition_study_by_taps_for_two_participants_and_its_report(
        run_study, catalogue, hall, capsys, keep_umask):
    from kiosk.cli import main
    from kiosk.usability import stats
    from kiosk.usability.study import load_study

    study = load_study(TWO_TASKS, catalogue, hall)
    r = run_study(study)
    c, f, clock = r.c, r.f, r.ticking
    taps: dict[tuple[str, str], list[tuple[int, int, bool]]] = {}  # (participant, task): where the taps landed

    def tap(widget, code, task, interactive=True):
        taps.setdefault((code, task), []).append((*at(widget, c.kiosk), interactive))
        r.tap(widget)

    # --- P01: standard, then 长辈版 ----------------------------------------------------------------
    assert [(b.condition.id, [t.id for t in b.tasks]) for b in c.plan.blocks] == [
        ("standard", ["find-rating"]), ("elder", ["consult-ticket"])]
    clock.advance(5)
    r.mark("start")  # find-rating at 5.0
    clock.advance(3)
    tap(c.kiosk.home.welcome, "P01", "find-rating", interactive=False)  # a misclick, the first action: 3.0 s
    assert f.live.taps[-1][1:] == taps["P01", "find-rating"][0]  # a red dot on the live view, where it landed
    clock.advance(1)
    tap(c.kiosk.home.rate_tile, "P01", "find-rating")  # the rate screen: the kiosk itself ends the task, 4.0 s
    assert c.session.task is None and c.session.outcomes["find-rating"] == Outcome.SUCCESS
    assert "自助机自动判定" in f.status_label.text() and "0:04" in f.status_label.text()
    r.answer(6)  # SEQ
    r.answer(4, 2, 4, 2, 4, 2, 4, 2, 4, 2)  # SUS 75
    r.answer(6, 6)  # UMUX-Lite 83.3
    assert c.condition.id == "elder" and c.kiosk.theme.mode == "elder" and not c.kiosk.speaker.enabled
    clock.advance(10)
    r.mark("start")  # consult-ticket at 19.0, in 长辈版
    clock.advance(2)
    tap(c.kiosk.home.ticket_tile, "P01", "consult-ticket")  # 2.0 s
    r.tap(f.fault_buttons[Fault.PRINTER])  # mid-task: the printer is out of paper
    clock.advance(1.5)
    tap(c.kiosk.menu.desk_buttons["consult"], "P01", "consult-ticket")
    clock.advance(2.5)
    tap(c.kiosk.identity.confirm, "P01", "consult-ticket")  # the ticket all the same: success after 6.0 s
    assert c.session.outcomes["consult-ticket"] == Outcome.SUCCESS
    assert c.kiosk.nav.current == Screen.SLIP and "打印机暂时无法使用" in c.kiosk.slip.printed.text()
    r.answer(5)
    r.answer(5, 1, 5, 1, 5, 1, 5, 1, 5, 1)  # SUS 100
    r.answer(7, 7)  # UMUX-Lite 100
    assert c.session.finished and "已完成" in f.phase.text()

    # --- the next participant: Ctrl+N, the code offered, one tap --------------------------------------
    r.tap(f.next_button)
    assert f.next_field.text() == "P02"
    r.tap(f.next_ok)
    assert c.code == "P02" and [(b.condition.id, [t.id for t in b.tasks]) for b in c.plan.blocks] == [
        ("elder", ["find-rating"]), ("standard", ["consult-ticket"])]
    clock.advance(4)
    r.mark("start")  # find-rating at 4.0, in 长辈版
    clock.advance(10)
    tap(c.kiosk.home.ticket_tile, "P02", "find-rating")  # the wrong way: left the ideal path at ticket_menu; 10.0 s
    clock.advance(2)
    tap(c.kiosk.header.back_button, "P02", "find-rating")  # a back-step
    for _ in range(3):  # three quick taps on the same words: three misclicks, one rage burst
        clock.advance(0.2)
        tap(c.kiosk.home.welcome, "P02", "find-rating", interactive=False)
    clock.advance(3)
    tap(c.kiosk.home.rate_tile, "P02", "find-rating")  # success after 15.6 s
    r.answer(3)
    r.answer(3, 3, 3, 3, 3, 3, 3, 3, 3, 3)  # SUS 50
    r.answer(4, 4)  # UMUX-Lite 50
    assert c.condition.id == "standard" and c.kiosk.theme.mode == "normal"
    clock.advance(5)
    r.mark("start")  # consult-ticket at 29.6
    clock.advance(20)
    r.mark("fail")  # the facilitator: failed after 20.0 s
    r.answer(2)
    sus_p2b = [5, 2, 4, 1, 5, 2, 4, 1, 5, 2]
    r.answer(*sus_p2b)
    r.answer(5, 6)
    assert c.session.finished
    c.close()

    # --- kiosk report, and every number in its CSV files against what was done above ------------------
    out = r.data_dir / "report"
    assert main(["report", str(c.directory), "--out", str(out)]) == 0
    assert "report.html" in capsys.readouterr().out
    got = {(row["participant"], row["task"]): row for row in csv_rows(out / "tasks.csv")}
    expect = {  # condition, order, outcome, seconds, taps, misclicks, dead, rage, back, first action, seq, left, path,
        # faults
        ("P01", "find-rating"): ("standard", 1, "success", 4.0, 2, 1, 0, 0, 0, 3.0, "6", "", "home>rate", ""),
        ("P01", "consult-ticket"): ("elder", 2, "success", 6.0, 3, 0, 0, 0, 0, 2.0, "5", "",
                                    "home>ticket_menu>identity", "printer"),
        ("P02", "find-rating"): ("elder", 1, "success", 15.6, 6, 3, 0, 1, 1, 10.0, "3", "ticket_menu",
                                 "home>ticket_menu>home>rate", ""),  # the printer's fault was P01's alone
        ("P02", "consult-ticket"): ("standard", 2, "fail", 20.0, 0, 0, 0, 0, 0, None, "2", "", "home", ""),
    }
    assert set(got) == set(expect)
    for key, (cond, order, outcome, secs, n, miss, dead, rage, back, first, seq, left, path, faults) in expect.items():
        row = got[key]
        assert (row["condition"], int(row["order"]), row["outcome"], row["success"]) == \
            (cond, order, outcome, "1" if outcome == "success" else "0"), key
        assert float(row["seconds"]) == pytest.approx(secs), key
        assert (int(row["taps"]), int(row["misclicks"]), int(row["dead_taps"]), int(row["rage_taps"]),
                int(row["back_steps"])) == (n, miss, dead, rage, back), key
        assert (float(row["first_action_s"]) if row["first_action_s"] else None) == (
            pytest.approx(first) if first is not None else None), key
        assert (row["seq"], row["left_ideal_at"], row["path"], row["faults"]) == (seq, left, path, faults), key
    # every tap where the test tapped, on the right side of interactive
    tapped = {}
    for row in csv_rows(out / "taps.csv"):
        if row["task"]:
            tapped.setdefault((row["participant"], row["task"]), []).append(
                (int(row["x"]), int(row["y"]), row["interactive"] == "1"))
    assert tapped == taps
    # the questionnaires, every answer, and the scores they make
    q = csv_rows(out / "questionnaires.csv")
    answers = {}
    for row in q:
        answers.setdefault((row["participant"], row["condition"], row["instrument"]), []).append(int(row["value"]))
    assert answers == {
        ("P01", "standard", "SEQ"): [6], ("P01", "standard", "SUS"): [4, 2] * 5, ("P01", "standard", "UMUX_LITE"): [6, 6],
        ("P01", "elder", "SEQ"): [5], ("P01", "elder", "SUS"): [5, 1] * 5, ("P01", "elder", "UMUX_LITE"): [7, 7],
        ("P02", "elder", "SEQ"): [3], ("P02", "elder", "SUS"): [3] * 10, ("P02", "elder", "UMUX_LITE"): [4, 4],
        ("P02", "standard", "SEQ"): [2], ("P02", "standard", "SUS"): sus_p2b, ("P02", "standard", "UMUX_LITE"): [5, 6],
    }
    assert [stats.sus_score(answers[k]) for k in (("P01", "standard", "SUS"), ("P01", "elder", "SUS"),
                                                  ("P02", "elder", "SUS"))] == [75, 100, 50]
    # the summary: per task and condition, and every task under a condition
    summary = {(row["task"], row["condition"]): row for row in csv_rows(out / "summary.csv")}
    cells = {("find-rating", "standard"): (1, 1, 4.0, "6", 1), ("find-rating", "elder"): (1, 1, 15.6, "3", 3),
             ("consult-ticket", "elder"): (1, 1, 6.0, "5", 0), ("consult-ticket", "standard"): (1, 0, None, "2", 0)}
    for key, (attempts, successes, time, seq, misclicks) in cells.items():
        row = summary[key]
        wald = stats.adjusted_wald(successes, attempts)
        assert (int(row["attempts"]), int(row["successes"]), row["seq_mean"], int(row["misclicks"])) == \
            (attempts, successes, seq, misclicks), key
        assert float(row["success_rate"]) == pytest.approx(successes / attempts)
        assert float(row["success_low"]) == pytest.approx(wald.low, abs=1e-4)
        assert float(row["success_high"]) == pytest.approx(wald.high, abs=1e-4)
        assert (float(row["time_geomean_s"]) if row["time_geomean_s"] else None) == (
            pytest.approx(time) if time is not None else None), key
    for cond, (attempts, successes, times) in {"standard": (2, 1, [4.0]), "elder": (2, 2, [15.6, 6.0])}.items():
        row = summary["*", cond]
        assert (int(row["attempts"]), int(row["successes"])) == (attempts, successes)
        assert float(row["time_geomean_s"]) == pytest.approx(stats.geometric_mean(times).estimate, abs=1e-3)
    # the kiosk's screenshots were taken for the report's heat maps, in both modes
    shots = {p.name for p in (c.directory / "participants" / "P01" / "screens").iterdir()}
    assert {"home__normal__zh_CN.png", "home__elder__zh_CN.png", "rate__normal__zh_CN.png"} <= shots
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="run-P02-find-rating"' in page


def test_every_task_of_the_example_study_fits_the_facilitator_window_in_both_languages(run_study, catalogue, hall):
    """Each task's title and instructions in both languages, with the status of the last one: never
    cut, and the window stays 1280×800."""
    from kiosk.usability.study import load_study

    study = load_study(ROOT / "assets" / "studies" / "zhangpu-kiosk.yaml", catalogue, hall)
    for code, language in (("P01", "zh_CN"), ("P02", "en_US")):
        walk_every_task(run_study(study, code=code, language=language), len(study.tasks))


def walk_every_task(r: Run, n_tasks: int) -> None:
    from PySide6.QtWidgets import QLabel

    c, f = r.c, r.f
    seen = 0

    def fits():
        QApplication.processEvents()
        assert (f.width(), f.height()) == (1280, 800)
        for lab in f.findChildren(QLabel):
            if lab.isVisible() and lab.wordWrap() and lab.text():
                need = lab.heightForWidth(lab.contentsRect().width())
                assert need <= lab.height(), f"{lab.objectName()} is cut: {lab.text()!r}"

    while not c.session.finished:
        if c.can_start:
            c.start_task()
            seen += 1
            fits()
            c.end_task(Outcome.SKIP if seen % 2 else Outcome.SUCCESS)
            fits()  # the outcome said, the next task's words shown
        r.qtbot.waitUntil(lambda: not c.asking or c.questionnaire.isVisible())
        q = c.questionnaire
        if q is not None and q.isVisible():
            q.choose(4)
            q.forward()
    assert seen == n_tasks
    c.close()


def test_faults_switched_mid_task_are_survived_recorded_and_never_reach_the_next_participant(run_study, catalogue,
                                                                                             hall):
    from kiosk.usability.study import load_study

    r = run_study(load_study(TWO_TASKS, catalogue, hall))
    c, f = r.c, r.f
    r.mark("start")
    r.mark("success")
    r.answer(4)
    r.answer(*[3] * 10)
    r.answer(4, 4)
    k = c.kiosk  # 长辈版 now: the consult ticket
    r.mark("start")
    r.tap(k.home.ticket_tile)
    for fault in (Fault.CARD_READER, Fault.VOICE, Fault.PRINTER):  # three things break mid-task
        r.tap(f.fault_buttons[fault])
    assert all(f.fault_buttons[x].isChecked() for x in (Fault.CARD_READER, Fault.VOICE, Fault.PRINTER))
    f.paused_category.setCurrentIndex(f.paused_category.findData("consult"))
    r.tap(f.fault_buttons[Fault.PAUSED])  # every window of 综合咨询 paused
    r.tap(k.menu.desk_buttons["consult"])
    r.tap(k.identity.persona_buttons["elder"])  # the card is not read: said at the field, typing still works
    assert "读卡失败" in k.identity.id_error.text()
    r.tap(k.identity.confirm)  # the ticket all the same, its slip not printed and calling said to be paused
    assert k.nav.current == Screen.SLIP and "打印机暂时无法使用" in k.slip.printed.text()
    assert c.session.outcomes["consult-ticket"] == Outcome.SUCCESS
    r.tap(f.fault_buttons[Fault.CARD_READER])  # mended before the end
    rec = r.record()
    on = {e.info["fault"]: e for e in rec.events if e.kind is Kind.FAULT_ON}
    assert set(on) == {"card_reader", "voice", "printer", "paused"}
    assert all(e.task == "consult-ticket" for e in on.values()) and on["paused"].info["category"] == "consult"
    assert [e.info["fault"] for e in rec.events if e.kind is Kind.FAULT_OFF] == ["card_reader"]
    # the next participant: every fault off first (recorded), and nothing broken on the new kiosk
    f.ask_next()
    r.tap(f.next_ok)
    p1 = r.record("P01")
    assert {e.info["fault"] for e in p1.events if e.kind is Kind.FAULT_OFF} == {"card_reader", "voice", "printer",
                                                                                "paused"}
    assert p1.events[-1].kind is Kind.SESSION_END
    assert c.session.faults == {} and not any(b.isChecked() for b in f.fault_buttons.values())
    k2 = c.kiosk
    assert not k2.printer.paper_out and not k2.card_reader.failing and c.store.paused_windows() == {}
    r.mark("start")
    r.tap(k2.home.ticket_tile)
    r.tap(k2.menu.desk_buttons["consult"])
    r.tap(k2.identity.confirm)
    assert "小票已打印" in k2.slip.printed.text()


def test_a_condition_with_a_catalogue_variant_gets_a_kiosk_on_it(run_study, tmp_path):
    import shutil

    from kiosk.domain.catalogue import DEFAULT_DIR

    variant = tmp_path / "variant"
    shutil.copytree(DEFAULT_DIR, variant)
    items = variant / "items-enterprise.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace("name: 有限责任公司设立登记", "name: 公司设立（试验名称）", 1),
                     encoding="utf-8")
    base = two_task_study()
    study = Study(base.id, base.title, base.title_en, base.tasks,
                  (Condition("A", "现名", "Names now"), Condition("B", "新名", "New names", catalogue=variant)))
    r = run_study(study)
    assert r.k.catalogue.by_code["QYKB-001"].name == "有限责任公司设立登记"
    r.mark("start")
    r.mark("skip")
    r.answer(*[3] * 10)
    assert r.c.condition.id == "B" and r.k.catalogue.by_code["QYKB-001"].name == "公司设立（试验名称）"


def test_the_facilitator_goes_to_the_second_screen_when_there_is_one(run_study, monkeypatch):
    from PySide6.QtCore import QPoint, QRect

    from kiosk.app import place_study

    class Screen:
        def __init__(self, x, y, w, h):
            self.rect = QRect(x, y, w, h)

        def availableGeometry(self):  # noqa: N802 - QScreen's
            return self.rect

    r = run_study()
    chosen = []
    monkeypatch.setattr(r.f, "setScreen", chosen.append)
    screens = [Screen(0, 0, 1080, 1920), Screen(1080, 0, 1280, 800)]
    place_study(r.c, r.f, screens)
    assert chosen == [screens[1]] and r.f.pos() == QPoint(1080, 0) and r.k.pos() == QPoint(0, 0)
    r.mark("start")
    r.mark("skip")
    r.answer(*[3] * 10)  # the next block's kiosk is put on the first screen too
    assert r.k.pos() == QPoint(0, 0) and r.k.isVisible()
    one = []
    monkeypatch.setattr(r.f, "setScreen", one.append)
    place_study(r.c, r.f, screens[:1])  # one screen: beside the kiosk
    assert one == [] and r.f.x() > r.k.frameGeometry().right()


def test_a_study_meets_an_open_hall_whenever_it_is_held(hall):
    """A session on a Sunday evening runs on the next working day, an hour after the windows open,
    in real time; each participant's hall starts there again."""
    import datetime as _dt

    from kiosk.app import study_clock

    sunday = _dt.date(2026, 11, 29)
    clock = study_clock(hall, sunday)
    start = clock.start
    assert start.date() == _dt.date(2026, 11, 30) and hall.calling_at(clock())
    assert start.time() == _dt.time(9, 30)  # the windows open at 08:30
    assert clock.speed == 1.0
    assert study_clock(hall, _dt.date(2026, 12, 1)).start == _dt.datetime(2026, 12, 1, 9, 30)  # a Tuesday: today
