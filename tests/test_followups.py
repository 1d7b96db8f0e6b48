"""差评回访: the console's panel by taps and the `kiosk followups` command — open follow-ups with
their due dates, overdue ones marked in words, the return call and the fix recorded once, bad notes
told at the field (or on stderr with exit 1)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_desk
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import build_console, make_promises
from kiosk.cli import main
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.feedback import FollowStatus, Level, Tag
from kiosk.store.db import Store
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language
from kiosk.ui.shared.theme import Theme

FRIDAY = dt.datetime(2026, 11, 27, 9, 30)  # the test clock's day: call back by Monday, fix by 18 December


@pytest.fixture
def env(qtbot, tmp_path, catalogue, hall, clock, theme_cache):
    store = Store.open(tmp_path / "data")
    bridge = ChangeBridge(store, clock)
    bridge.start()
    promises = make_promises(store, make_desk(store, catalogue, hall, clock))

    def console(n: int = 1, lang: str = ZH):
        w = build_console(catalogue, hall, n, store, bridge, clock, Language(lang), promises)
        Theme(theme_cache).attach(w)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield dict(store=store, bridge=bridge, promises=promises, console=console, clock=clock, hall=hall,
               data_dir=tmp_path / "data")
    bridge.stop()
    store.close()


def bad_rating(env, window: int = 2, level=Level.DISSATISFIED, tags=(Tag.LONG_WAIT,), text=""):
    """A ticket served at ``window`` and given a 差评 (at its pad): a follow-up opens."""
    p, store = env["promises"], env["store"]
    slip = p.desk.issue(Request(category="comprehensive"))
    c = Counter(store, env["hall"], window, env["clock"])
    c.call_next()
    c.start()
    c.finish()
    p.rate(store.ticket(slip.ticket.id), level, tags, text)
    env["bridge"].check()
    return slip.ticket.number


def tap(qtbot, w) -> None:
    QApplication.processEvents()
    assert w.isVisible() and w.isEnabled(), w.objectName()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def test_the_panel_lists_open_follow_ups_and_records_the_call_then_the_fix(qtbot, env):
    w = env["console"](1)
    panel = w.followups
    assert panel.opener.text() == "差评回访 0"
    number = bad_rating(env, window=2, tags=(Tag.LONG_WAIT,), text="waited an hour")
    assert panel.opener.text() == "差评回访 1"  # the bridge said a follow-up opened
    tap(qtbot, panel.opener)
    assert w.left.currentWidget() is panel
    [f] = env["promises"].follow_ups()
    head, reason, due = panel.row_labels[f.id]
    assert head.text() == f"{number} · 2 号窗口 · 不满意"
    assert "等候时间长" in reason.text() and "waited an hour" in reason.text()
    assert due.text() == "回访期限 2026-11-30" and not due.text().startswith("⚠")
    tap(qtbot, panel.row_buttons[f.id])
    assert panel.form_title.text() == f"记录回访：{number}" and not panel.after_box.isVisible()
    tap(qtbot, panel.confirm)  # no note
    assert "请写下回访时说了什么" in panel.field_message.text() and panel.field_message.text().startswith("⚠")
    assert env["store"].follow_up(f.id).status == FollowStatus.OPEN
    QTest.keyClicks(panel.field, "Called, apologised; a window opens at noon")
    assert not panel.field_message.isVisible()
    tap(qtbot, panel.confirm)
    done = env["store"].follow_up(f.id)
    assert done.status == FollowStatus.CALLED and done.call_note == "Called, apologised; a window opens at noon"
    assert panel.message.text() == f"{number} 已记录回访"
    assert panel.row_buttons[f.id].text() == "整改办结" and "整改期限 2026-12-18" in panel.row_labels[f.id][2].text()
    tap(qtbot, panel.row_buttons[f.id])
    assert panel.after_box.isVisible() and "回访记录：Called" in panel.form_detail.text()
    QTest.keyClicks(panel.field, "Window 5 opens at lunchtime")
    tap(qtbot, panel.confirm)  # no follow-up rating chosen
    assert "请选择市民对整改结果的评价" in panel.field_message.text()
    assert env["store"].follow_up(f.id).status == FollowStatus.CALLED
    tap(qtbot, panel.after_buttons[Level.SATISFIED])
    assert panel.after_buttons[Level.SATISFIED].text() == "满意" and "✓" in panel.after_buttons[Level.SATISFIED].shown_text()
    tap(qtbot, panel.confirm)
    closed = env["store"].follow_up(f.id)
    assert closed.status == FollowStatus.CLOSED and closed.after_level == Level.SATISFIED and closed.on_time
    assert closed.fix_note == "Window 5 opens at lunchtime"
    assert panel.follow_ups == [] and "没有待办的差评回访" not in panel.message.text()
    assert panel.message.text() == f"{number} 已整改办结" and panel.opener.text() == "差评回访 0"
    tap(qtbot, panel.back)
    assert w.left.currentWidget() is w.card


def test_overdue_steps_are_marked_in_words_not_colour_alone(qtbot, env):
    w = env["console"](1)
    bad_rating(env)
    env["clock"].now = dt.datetime(2026, 12, 1, 9, 0)  # Tuesday: Monday's call is late
    w.followups.reload()
    panel = w.followups
    [f] = panel.follow_ups
    due = panel.row_labels[f.id][2]
    assert due.text() == "⚠ 已超期 · 回访期限 2026-11-30" and due.property("class") == "error"
    assert panel.opener.text() == "差评回访 1 ⚠" and panel.opener.accessibleName() == "差评回访 1 · 1 条超期"


@pytest.mark.parametrize("note, says", [
    ("called \U0001F600", "请不要输入表情符号"),
    ("called\u200f back", "有无法显示的字符"),
    ("x" * 201, "最多 200 个字"),
    ("   ", "请写下回访时说了什么"),
])
def test_a_bad_note_is_told_at_the_field_and_nothing_recorded(qtbot, env, note, says):
    w = env["console"](1)
    bad_rating(env)
    panel = w.followups
    tap(qtbot, panel.opener)
    [f] = panel.follow_ups
    tap(qtbot, panel.row_buttons[f.id])
    panel.field.setText(note)  # pasted or typed at the window's keyboard
    tap(qtbot, panel.confirm)
    assert says in panel.field_message.text() and panel.field.property("class") == "invalid"
    assert env["store"].follow_up(f.id).status == FollowStatus.OPEN


def test_a_step_another_window_took_first_is_said_and_the_list_refreshed(qtbot, env):
    one, two = env["console"](1), env["console"](2)
    number = bad_rating(env)
    tap(qtbot, two.followups.opener)
    [f] = two.followups.follow_ups
    tap(qtbot, two.followups.row_buttons[f.id])
    two.followups.field.setText("called")
    env["bridge"].timer.stop()  # console 2 has not heard yet that window 1 called back
    env["promises"].called_back(f.id, "called from window 1")
    tap(qtbot, two.followups.confirm)
    assert two.followups.message.text() == f"{number} 的这一步已由其他窗口办理，列表已更新"
    assert env["store"].follow_up(f.id).call_note == "called from window 1"
    assert two.followups.row_buttons[f.id].text() == "整改办结"  # shown as it is now
    assert one.followups.row_buttons[f.id].text() == "整改办结"  # the bridge told console 1 as well


def test_a_rating_from_another_process_reaches_the_panel(qtbot, env, catalogue):
    w = env["console"](1)
    other = Store.open(env["data_dir"])  # the pad at window 3, a process of its own
    try:
        p = make_promises(other, make_desk(other, catalogue, env["hall"], env["clock"]))
        slip = p.desk.issue(Request(category="comprehensive"))
        c = Counter(other, env["hall"], 3, env["clock"])
        c.call_next()
        c.start()
        c.finish()
        p.rate(other.ticket(slip.ticket.id), Level.VERY_DISSATISFIED, (Tag.RUDE,))
    finally:
        other.close()
    qtbot.waitUntil(lambda: w.followups.opener.text() == "差评回访 1", timeout=3000)  # the change feed's poll


def test_the_panel_speaks_the_console_s_language(qtbot, env):
    w = env["console"](1, EN)
    bad_rating(env, level=Level.VERY_DISSATISFIED, tags=(Tag.RUDE,))
    panel = w.followups
    tap(qtbot, panel.opener)
    [f] = panel.follow_ups
    head, reason, due = panel.row_labels[f.id]
    assert "Window 2" in head.text() and "Very dissatisfied" in head.text()
    assert reason.text() == "Reason: Unfriendly staff" and due.text() == "Call back by 2026-11-30"
    assert panel.row_buttons[f.id].text() == "Record call" and panel.opener.text() == "Follow-ups 1"


def test_a_console_without_promises_has_no_panel(qtbot, catalogue, hall, clock, tmp_path):
    store = Store.open(tmp_path)
    bridge = ChangeBridge(store, clock)
    try:
        w = build_console(catalogue, hall, 1, store, bridge, clock, Language())
        qtbot.addWidget(w)
        assert not hasattr(w, "followups")
    finally:
        store.close()


# --- kiosk followups ------------------------------------------------------------------------------


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["followups", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_lists_calls_back_and_closes(capsys, tmp_path, env, keep_umask, quiet_logging, monkeypatch):
    data = str(env["data_dir"])
    code, out, _ = run(capsys, "--data-dir", data)
    assert code == 0 and "0 open" in out and "None open." in out
    number = bad_rating(env, tags=(Tag.LONG_WAIT,), text="an hour")
    monkeypatch.setattr("kiosk.cli._dt.datetime", FrozenDateTime)  # the command's clock: Tuesday after
    code, out, _ = run(capsys, "--data-dir", data)
    [f] = env["promises"].follow_ups()
    assert code == 0 and "1 open, 1 OVERDUE" in out
    line = next(x for x in out.splitlines() if x.startswith(f"{f.id} "))
    assert number in line and "2 不满意" in line and "等候时间长; an hour" in line
    assert "2026-11-30" in line and "open ⚠ OVERDUE" in line
    code, out, err = run(capsys, "call", str(f.id), "--note", "called back", "--data-dir", data)
    assert code == 0 and "return call recorded; fix due by 2026-12-18" in out
    code, out, err = run(capsys, "close", str(f.id), "--note", "extra window at noon", "--level", "5",
                         "--data-dir", data)
    assert code == 0 and "closed, late; the citizen rated the fix 非常满意" in out  # called on Tuesday: late
    code, out, _ = run(capsys, "--all", "--data-dir", data)
    assert "0 open" in out and "closed (late; fix rated 非常满意)" in out


class FrozenDateTime(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return dt.datetime(2026, 12, 1, 10, 0)


@pytest.mark.parametrize("args, says", [
    (["call"], "call needs the follow-up's ID"),
    (["call", "x1", "--note", "hi"], "not 'x1'"),
    (["call", "1"], "--note TEXT is needed: what was said on the return call"),
    (["close", "1", "--note", "done"], "--level N is needed"),
    (["close", "1", "--note", "done", "--level", "9"], "not '9'"),
    (["call", "1", "--note", "hi", "--level", "3"], "--level is for close only"),
    (["list", "1"], "list takes no ID"),
    (["call", "99", "--note", "hi"], "there is no follow-up 99"),
    (["call", "1", "--note", " "], "--note TEXT is needed"),
    (["call", "1", "--note", "ok \U0001F44D"], "emoji"),
    (["call", "1", "--note", "a\u202eb"], "direction marks"),
    (["call", "1", "--note", "y" * 300], "the note is 300 characters; at most 200"),
    (["close", "1", "--note", "done", "--level", "4"], "follow-up 1 is open: record the return call first"),
])
def test_bad_input_exits_1_with_a_clear_message_and_changes_nothing(capsys, env, keep_umask, quiet_logging,
                                                                     args, says):
    bad_rating(env)
    code, out, err = run(capsys, *args, "--data-dir", str(env["data_dir"]))
    assert code == 1 and says in err and "Traceback" not in err
    [f] = env["promises"].follow_ups()
    assert f.status == FollowStatus.OPEN and f.call_note == ""
