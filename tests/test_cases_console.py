"""The 办不成事 专窗's console (window 9): the case of the ticket it calls, closed with its outcome
and a note; the 意见箱, answered with a reply. Driven by taps (and the staff's keyboard in the note
fields); every state fits the console and keeps the staff terminals' rules and the walker's, in
both languages."""

from __future__ import annotations

import pytest
from conftest import make_desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_staff_terminals import LANGS, assert_fine, settle
from test_walker import NORMAL_RULES
from test_walker import problems as walker_problems

from kiosk.app import build_console
from kiosk.domain.cases import CaseOutcome, RecordStatus, Snag, Topic
from kiosk.domain.desk import Request
from kiosk.domain.ports import StoreCode, StoreError
from kiosk.domain.promises import Promises
from kiosk.store.db import Store
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language
from kiosk.ui.shared.theme import Theme


@pytest.fixture
def hall9(qtbot, tmp_path, catalogue, hall, clock, theme_cache):
    """A store, a change bridge, the kiosk's promises, and ``console(n, lang)`` with them."""
    store = Store.open(tmp_path)
    bridge = ChangeBridge(store, clock)
    bridge.start()
    desk = make_desk(store, catalogue, hall, clock)
    promises = Promises(store, desk, clock=clock)

    def console(n: int = 9, lang: str = ZH):
        w = build_console(catalogue, hall, n, store, bridge, clock, Language(lang), promises)
        Theme(theme_cache).attach(w)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield dict(store=store, bridge=bridge, desk=desk, promises=promises, console=console, clock=clock,
               tmp=tmp_path)
    bridge.stop()
    store.close()


def tap(qtbot, w) -> None:
    QApplication.processEvents()
    assert w.isVisible() and w.isEnabled(), w.objectName()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def report(env, item="QYKB-001", tried="", snags=(Snag.MATERIALS, Snag.SENT_AROUND), text="asked twice",
           contact="13912345678"):
    case, _slip = env["promises"].report_case(item, tried, list(snags), text, contact)
    env["bridge"].check()
    return case


def test_the_window_shows_the_case_of_the_ticket_it_calls_and_closes_it(qtbot, hall9, catalogue):
    case = report(hall9)
    w = hall9["console"](9)
    view = w.case_view
    assert not view.isVisible()  # nothing at the window yet
    tap(qtbot, w.actions["call_next"])
    assert w.current.number == case.number and view.isVisible()
    lines = view.lines.text()
    assert catalogue.by_code["QYKB-001"].name in lines
    assert "材料要求不清楚或太多、被推来推去" in lines and "asked twice" in lines
    assert "回电号码：13912345678" in lines  # the return call: staff see the whole number
    assert view.state.text() == "待结案" and view.close_button.isVisible()
    tap(qtbot, view.close_button)
    panel = view.panel
    assert w.left.currentWidget() is panel and panel.title.text() == f"结案：{case.number}"
    tap(qtbot, panel.confirm)  # no outcome yet
    assert "请选择处理结果" in panel.message.text()
    assert hall9["store"].cases(open_only=True)
    qtbot.keyClicks(panel.field, "ok ")
    panel.field.insert("\U0001f600")  # an emoji pasted in
    assert panel.field_message.property("class") == "error" and "表情" in panel.field_message.text()
    tap(qtbot, panel.outcome_buttons[CaseOutcome.SOLVED])
    assert panel.outcome_buttons[CaseOutcome.SOLVED].text() == "当场解决"
    assert panel.outcome_buttons[CaseOutcome.SOLVED].isChecked()
    tap(qtbot, panel.confirm)
    assert hall9["store"].cases(open_only=True), "a note that cannot be kept closes nothing"
    panel.field.clear()
    qtbot.keyClicks(panel.field, "went with her to the tax office")
    tap(qtbot, panel.confirm)
    (closed,) = hall9["store"].cases()
    assert (closed.status, closed.outcome, closed.outcome_note, closed.contact) == \
        (RecordStatus.CLOSED, CaseOutcome.SOLVED, "went with her to the tax office", "")
    assert w.left.currentWidget() is w.card
    assert view.state.text() == "✓ 已结案：当场解决 · went with her to the tax office"
    assert not view.close_button.isVisible() and "13912345678" not in view.lines.text()


def test_a_ticket_without_a_case_shows_none_and_the_next_case_is_read_when_it_is_called(qtbot, hall9):
    hall9["desk"].issue(Request(category="cannot_do"))  # a D ticket taken without the form
    second = report(hall9, item=None, tried="kai wang dian", snags=(), text="no one knew", contact="")
    w = hall9["console"](9)
    tap(qtbot, w.actions["call_next"])
    assert w.current.number == "D001" and not w.case_view.isVisible()
    tap(qtbot, w.actions["start"])
    tap(qtbot, w.actions["finish"])
    tap(qtbot, w.actions["call_next"])
    assert w.current.number == second.number and w.case_view.isVisible()
    assert "kai wang dian" in w.case_view.lines.text() and "没有留电话" in w.case_view.lines.text()


def test_a_case_closed_by_another_window_first_is_not_closed_twice(qtbot, hall9):
    case = report(hall9)
    w = hall9["console"](9)
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.case_view.close_button)
    tap(qtbot, w.case_view.panel.outcome_buttons[CaseOutcome.REFERRED])
    other = Store.open(hall9["tmp"])  # another terminal, another connection, closes it first
    try:
        other.close_case(case.id, CaseOutcome.EXPLAINED, "explained", 0.0)
    finally:
        other.close()
    tap(qtbot, w.case_view.panel.confirm)
    (closed,) = hall9["store"].cases()
    assert closed.outcome == CaseOutcome.EXPLAINED  # the first close stands
    assert w.left.currentWidget() is w.card
    assert w.case_view.state.text() == "✓ 已由其他窗口结案：依法不能办，已解释清楚 · explained"


def test_a_store_failure_while_closing_is_said_to_staff_with_its_cause(qtbot, hall9, monkeypatch):
    report(hall9)
    w = hall9["console"](9)
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.case_view.close_button)
    tap(qtbot, w.case_view.panel.outcome_buttons[CaseOutcome.SOLVED])

    def full(*_a, **_k):
        raise StoreError("disk full", StoreCode.DISK_FULL)

    monkeypatch.setattr(hall9["store"], "close_case", full)
    tap(qtbot, w.case_view.panel.confirm)
    assert "磁盘已满" in w.case_view.panel.message.text()
    assert w.left.currentWidget() is w.case_view.panel  # still there to try again
    monkeypatch.undo()
    tap(qtbot, w.case_view.panel.confirm)
    assert hall9["store"].cases()[0].status == RecordStatus.CLOSED


def test_the_opinion_box_lists_answers_and_follows_other_terminals(qtbot, hall9):
    promises = hall9["promises"]
    promises.leave_opinion(Topic.FACILITIES, "more seats near window nine")
    phoned = promises.leave_opinion(Topic.SERVICE, "open later on Saturdays", "13812345678")
    hall9["bridge"].check()
    assert not hasattr(hall9["console"](1), "opinions")  # the 意见箱 is kept at the 办不成事 专窗
    w = hall9["console"](9)
    box = w.opinions
    assert box.opener.text() == "意见箱：2 条待回复" and box.opener.isVisible()  # on the free window's card
    tap(qtbot, box.opener)
    assert w.left.currentWidget() is box
    heads = [box.row_labels[o.id][0].text() for o in box.shown()]
    assert heads[0].startswith(f"第 {phoned.id} 号") and "电话 13812345678" in heads[0] and "匿名" in heads[1]
    assert [box.row_labels[o.id][2].text() for o in box.shown()] == ["待回复", "待回复"]
    tap(qtbot, box.row_buttons[phoned.id])
    assert "请打电话 13812345678 回复" in box.form_detail.text()
    tap(qtbot, box.confirm)  # no reply written
    assert "请写下回复了什么" in box.field_message.text() and box.field_message.property("class") == "error"
    qtbot.keyClicks(box.field, "ok")
    box.field.insert("\u202e")  # a direction mark pasted in
    tap(qtbot, box.confirm)
    assert "看不见" in box.field_message.text()
    assert promises.store.opinions(open_only=True)[-1].id == phoned.id  # nothing kept
    box.field.clear()
    qtbot.keyClicks(box.field, "called back: hours stay as they are")
    tap(qtbot, box.confirm)
    answered = next(o for o in promises.store.opinions() if o.id == phoned.id)
    assert (answered.status, answered.reply, answered.contact) == \
        (RecordStatus.CLOSED, "called back: hours stay as they are", "")
    assert box.message.text() == f"第 {phoned.id} 号意见已回复" and box.opener.text() == "意见箱：1 条待回复"
    tap(qtbot, box.filter_buttons["all"])
    assert box.filter_buttons["all"].shown_text().startswith("✓")  # chosen: said by a mark
    assert box.row_labels[phoned.id][2].text() == "✓ 已回复：called back: hours stay as they are"
    assert phoned.id not in box.row_buttons  # an answered one has nothing left to do
    other = Store.open(hall9["tmp"])  # the kiosk, in another process, takes a new one
    try:
        Promises(other, make_desk(other, promises.catalogue, promises.hall, hall9["clock"]),
                 clock=hall9["clock"]).leave_opinion(Topic.POLICY, "a ramp at the side door")
    finally:
        other.close()
    hall9["bridge"].check()  # the change feed tells every terminal
    assert box.opener.text() == "意见箱：2 条待回复" and any(o.text == "a ramp at the side door" for o in box.shown())
    tap(qtbot, box.back)
    assert w.left.currentWidget() is w.card


def case_states(qtbot, env, w):
    """Window 9's console through its case and 意见箱 states, by taps."""
    tap(qtbot, w.actions["call_next"])
    yield "a case at the window"
    tap(qtbot, w.case_view.close_button)
    tap(qtbot, w.case_view.panel.confirm)
    yield "结案 without an outcome"
    tap(qtbot, w.case_view.panel.outcome_buttons[CaseOutcome.REFERRED])
    qtbot.keyClicks(w.case_view.panel.field, "sent to the market regulator with a note")
    tap(qtbot, w.case_view.panel.confirm)
    yield "the case closed"
    tap(qtbot, w.actions["start"])
    tap(qtbot, w.actions["finish"])
    yield "free, with the 意见箱"
    tap(qtbot, w.opinions.opener)
    yield "the 意见箱"
    tap(qtbot, next(iter(w.opinions.row_buttons.values())))
    tap(qtbot, w.opinions.confirm)
    yield "a reply without words"
    w.opinions.field.setText("called back")
    tap(qtbot, w.opinions.confirm)
    tap(qtbot, w.opinions.filter_buttons["all"])
    yield "every opinion, one answered"


@pytest.mark.parametrize("lang", LANGS)
def test_every_case_and_opinion_state_fits_and_keeps_the_rules(qtbot, hall9, lang):
    report(hall9, item="QYKB-001", tried="", text="asked at two windows, each sent me to the other")
    hall9["promises"].leave_opinion(Topic.FACILITIES, "more seats near window nine, please")
    hall9["promises"].leave_opinion(Topic.SERVICE, "could Saturday opening last until five?", "13812345678")
    hall9["bridge"].check()
    w = hall9["console"](9, lang)
    seen, found = [], []
    for state in case_states(qtbot, hall9, w):
        assert_fine(w, lang, state)
        settle()
        found += [f"{state}: {p}" for p in walker_problems(w, NORMAL_RULES)]
        seen.append(state)
    assert len(seen) == 7
    assert not found, "\n".join(found)


def test_the_case_and_the_box_switch_language_with_the_console(qtbot, hall9):
    report(hall9)
    hall9["promises"].leave_opinion(Topic.OTHER, "thanks")
    hall9["bridge"].check()
    w = hall9["console"](9)
    tap(qtbot, w.actions["call_next"])
    tap(qtbot, w.lang)
    assert w.language.current == EN
    assert w.case_view.state.text() == "Open" and "What went wrong: The documents asked for" in w.case_view.lines.text()
    assert "Call back on: 13912345678" in w.case_view.lines.text()
    tap(qtbot, w.case_view.close_button)
    assert w.case_view.panel.outcome_buttons[CaseOutcome.REFERRED].text() == "Referred to the department"
