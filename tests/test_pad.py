"""The window's rating pad (kiosk pad N) driven by taps: the window finishes a ticket at its console,
the pad asks about that service, the citizen rates it; bad input is told at the field and nothing
is stored twice."""

from __future__ import annotations

import pytest
from conftest import make_desk
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import Settings, build_console, build_pad, make_promises
from kiosk.domain.desk import Request
from kiosk.domain.feedback import Level, Source, Tag
from kiosk.domain.ports import StoreCode, StoreError
from kiosk.store.db import Store
from kiosk.ui.pad.window import REFERENCE_SIZE
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language
from kiosk.ui.shared.theme import ELDER, NORMAL, Theme

DAY = "2026-11-27"


@pytest.fixture
def pad_env(qtbot, tmp_path, catalogue, hall, clock, theme_cache):
    """A hall's store, its change bridge, window 1's console and window 1's pad (and a factory for
    more pads: ``pad(n, lang)``)."""
    store = Store.open(tmp_path / "data")
    bridge = ChangeBridge(store, clock)
    bridge.start()
    desk = make_desk(store, catalogue, hall, clock)
    promises = make_promises(store, desk)
    settings = Settings(data_dir=tmp_path / "data", voice_engine="mock")

    def pad(n: int = 1, lang: str = ZH, **kw):
        w = build_pad(settings, catalogue, hall, n, promises, bridge, Language(lang), **kw)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    console = build_console(catalogue, hall, 1, store, bridge, clock, Language())
    Theme(theme_cache).attach(console)
    qtbot.addWidget(console)
    console.show()
    env = dict(store=store, bridge=bridge, desk=desk, promises=promises, pad=pad, console=console, clock=clock)
    yield env
    bridge.stop()
    store.close()


def type_text(widget, text: str) -> None:
    """A keyboard (or a scanner) types ``text``, one key event per character, emoji and marks too
    (QTest.keyClicks splits an emoji into two halves)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))


def tap(qtbot, w) -> None:
    QApplication.processEvents()
    assert w.isVisible() and w.isEnabled(), w.objectName()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def serve(qtbot, env, request: Request | None = None):
    """The window calls, starts and finishes the next ticket by taps on its console."""
    slip = env["desk"].issue(request or Request(item_code="QYKB-001"))
    c = env["console"]
    env["bridge"].refresh()
    tap(qtbot, c.actions["call_next"])
    tap(qtbot, c.actions["start"])
    env["clock"].advance(minutes=5)
    tap(qtbot, c.actions["finish"])  # the console refreshes the bridge: ticket_done reaches the pad
    return env["store"].ticket(slip.ticket.id)


def test_the_pad_asks_about_the_service_its_window_just_finished(qtbot, pad_env, catalogue):
    pad = pad_env["pad"]()
    assert pad.size().toTuple() == REFERENCE_SIZE
    assert pad.page is pad.idle_page and "请在办理结束后评价" in pad.idle_page.title.text()
    assert "1 个工作日内回访" in pad.idle_page.promise.text() and "15 个工作日内整改" in pad.idle_page.promise.text()
    other = pad_env["pad"](2)
    ticket = serve(qtbot, pad_env)
    assert pad.page is pad.rate_page and other.page is other.idle_page  # window 2's pad is not asked
    card = pad.rate_page.card
    assert card.number.text() == ticket.number
    assert card.subject.text() == catalogue.by_code["QYKB-001"].name
    assert "1 号综合窗口" in card.window.text()
    assert [b.text() for b in pad.panel.level_buttons.values()] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    assert not pad.panel.submit.isVisible() and not pad.panel.message.isVisible()  # the levels are the action
    assert pad.rate_page.skip.isVisible()


def test_a_good_rating_with_tags_is_stored_once_and_thanked(qtbot, pad_env):
    pad = pad_env["pad"]()
    ticket = serve(qtbot, pad_env)
    tap(qtbot, pad.panel.level_buttons[Level.SATISFIED])
    assert pad.panel.level_buttons[Level.SATISFIED].isChecked()
    assert "满意" in pad.panel.chosen.text()
    shown = [t for t, b in pad.panel.tag_buttons.items() if b.isVisible()]
    assert shown == [Tag.KIND, Tag.FAST, Tag.TOLD_ONCE, Tag.FACILITIES, Tag.GUIDED]
    tap(qtbot, pad.panel.tag_buttons[Tag.KIND])
    tap(qtbot, pad.panel.tag_buttons[Tag.TOLD_ONCE])
    tap(qtbot, pad.panel.tag_buttons[Tag.TOLD_ONCE])  # untick
    assert "✓" in pad.panel.tag_buttons[Tag.KIND].shown_text()  # the state by a mark, not colour alone
    assert "✓" not in pad.panel.tag_buttons[Tag.TOLD_ONCE].shown_text()
    tap(qtbot, pad.panel.submit)
    rating = pad_env["store"].rating_for(ticket.id)
    assert rating.level == Level.SATISFIED and rating.tags == (Tag.KIND,) and rating.source == Source.PAD
    assert rating.window == 1 and rating.item_code == "QYKB-001"
    assert pad.page is pad.thanks_page and "感谢您的评价" in pad.thanks_page.title.text()
    assert not pad.thanks_page.follow.isVisible()
    assert pad_env["promises"].follow_ups() == []
    tap(qtbot, pad.thanks_page.done)
    assert pad.page is pad.idle_page


def test_a_bad_rating_needs_a_reason_said_at_the_field(qtbot, pad_env):
    pad = pad_env["pad"]()
    ticket = serve(qtbot, pad_env)
    tap(qtbot, pad.panel.level_buttons[Level.VERY_DISSATISFIED])
    assert "必填其一" in pad.panel.reason_title.text()
    assert [t for t, b in pad.panel.tag_buttons.items() if b.isVisible()][0] == Tag.RUDE
    tap(qtbot, pad.panel.submit)  # no tag, no words
    assert "请选一个原因，或写几句" in pad.panel.field_message.text()
    assert pad.panel.field_message.text().startswith("⚠") and pad.panel.field.property("class") == "invalid"
    assert pad_env["store"].rating_for(ticket.id) is None and pad.page is pad.rate_page
    assert "请选一个原因，或写几句" in pad.panel.message.text()  # said beside 提交 too, whatever the scroll
    tap(qtbot, pad.panel.tag_buttons[Tag.LONG_WAIT])
    assert "请选一个原因" not in pad.panel.field_message.text()
    tap(qtbot, pad.panel.submit)
    rating = pad_env["store"].rating_for(ticket.id)
    assert rating.level == Level.VERY_DISSATISFIED and rating.tags == (Tag.LONG_WAIT,)
    [follow] = pad_env["promises"].follow_ups()
    assert follow.number == ticket.number and follow.window == 1
    assert pad.thanks_page.follow.isVisible() and "1 个工作日内回访" in pad.thanks_page.follow.text()


def test_words_typed_on_the_pad_s_keys_are_a_reason(qtbot, pad_env):
    pad = pad_env["pad"]()
    ticket = serve(qtbot, pad_env)
    tap(qtbot, pad.panel.level_buttons[Level.DISSATISFIED])
    tap(qtbot, pad.panel.keys_button)
    assert pad.panel.keys.isVisible() and pad.panel.keys_button.text() == "收起键盘"
    for ch in "PAIDUI":
        tap(qtbot, pad.panel.keys.keys[ch])
    tap(qtbot, pad.panel.keys.space)
    tap(qtbot, pad.panel.keys.keys["X"])
    tap(qtbot, pad.panel.keys.back)
    assert pad.panel.field.text() == "paidui" and "已写 6 个字" in pad.panel.field_message.text()
    tap(qtbot, pad.panel.submit)
    rating = pad_env["store"].rating_for(ticket.id)
    assert rating.text == "paidui" and rating.tags == ()


@pytest.mark.parametrize("typed, says", [
    ("too slow \U0001F621", "请不要输入表情符号"),
    ("abc\u200fdef", "有无法显示的字符"),  # a right-to-left mark
    ("\u202eevil", "有无法显示的字符"),  # a right-to-left override
    ("bell\x07", "有无法显示的字符"),
    ("x" * 201, "最多 200 个字，现在 201 个字"),
])
def test_bad_words_from_a_keyboard_are_told_at_the_field_and_not_stored(qtbot, pad_env, typed, says):
    pad = pad_env["pad"]()
    ticket = serve(qtbot, pad_env)
    tap(qtbot, pad.panel.level_buttons[Level.DISSATISFIED])
    type_text(pad, typed)  # a keyboard at the pad (or a scanner) types into the reason
    assert pad.panel.text == typed
    assert says in pad.panel.field_message.text() and pad.panel.field_message.text().startswith("⚠")
    tap(qtbot, pad.panel.submit)
    assert pad_env["store"].rating_for(ticket.id) is None and pad.page is pad.rate_page
    assert says in pad.panel.field_message.text()
    tap(qtbot, pad.panel.keys_button)
    tap(qtbot, pad.panel.keys.clear)  # cleared, then a reason by a tag: stored, without the bad words
    tap(qtbot, pad.panel.tag_buttons[Tag.SLOW])
    tap(qtbot, pad.panel.submit)
    rating = pad_env["store"].rating_for(ticket.id)
    assert rating.text == "" and rating.tags == (Tag.SLOW,)
    assert len(pad_env["store"].ratings_between(DAY, DAY)) == 1


def test_a_service_already_rated_is_said_politely_and_stored_once(qtbot, pad_env):
    pad = pad_env["pad"]()
    ticket = serve(qtbot, pad_env)
    pad_env["promises"].rate(ticket, Level.VERY_SATISFIED, source=Source.KIOSK)  # at the kiosk meanwhile
    tap(qtbot, pad.panel.level_buttons[Level.FAIR])
    tap(qtbot, pad.panel.submit)
    assert pad.page is pad.thanks_page
    assert "已经评价过了，每次服务只评一次" in pad.thanks_page.summary.text()
    [only] = pad_env["store"].ratings_between(DAY, DAY)
    assert only.level == Level.VERY_SATISFIED and only.source == Source.KIOSK


def test_a_store_that_cannot_save_is_said_and_the_choice_kept(qtbot, pad_env, monkeypatch):
    pad = pad_env["pad"]()
    ticket = serve(qtbot, pad_env)
    tap(qtbot, pad.panel.level_buttons[Level.VERY_SATISFIED])

    def full(*_a, **_k):
        raise StoreError("the disk is full", StoreCode.DISK_FULL)

    monkeypatch.setattr(pad_env["promises"], "rate", full)
    tap(qtbot, pad.panel.submit)
    assert "系统暂时无法保存" in pad.panel.message.text() and "磁盘" not in pad.panel.message.text()
    assert pad.page is pad.rate_page and pad.panel.level == Level.VERY_SATISFIED
    monkeypatch.undo()
    tap(qtbot, pad.panel.submit)
    assert pad_env["store"].rating_for(ticket.id).level == Level.VERY_SATISFIED


def test_language_and_mode_are_the_pad_s_own_and_return_to_the_hall_s(qtbot, pad_env):
    pad = pad_env["pad"]()
    ticket = serve(qtbot, pad_env)
    tap(qtbot, pad.header.lang)
    tap(qtbot, pad.header.elder)
    assert pad.language.current == EN and pad.theme.mode == ELDER and pad.speaker.enabled
    assert pad.header.elder.text().startswith("✓")
    assert pad.panel.level_buttons[Level.SATISFIED].text() == "Satisfied"
    assert "Window 1" in pad.rate_page.card.window.text()
    assert pad_env["console"].language.current == ZH  # the window's console keeps its own language
    assert pad.speaker.last[1] == EN and "How satisfied" in pad.speaker.last[0]
    tap(qtbot, pad.panel.level_buttons[Level.VERY_SATISFIED])
    tap(qtbot, pad.panel.submit)
    assert pad.thanks_page.title.text() == "Thank you for your rating!"
    assert pad_env["store"].rating_for(ticket.id) is not None
    tap(qtbot, pad.thanks_page.done)
    assert pad.language.current == ZH and pad.theme.mode == NORMAL and not pad.speaker.enabled


def test_a_new_service_replaces_one_left_unrated_and_the_pad_goes_idle_untouched(qtbot, pad_env):
    pad = pad_env["pad"]()
    first = serve(qtbot, pad_env)
    tap(qtbot, pad.panel.level_buttons[Level.FAIR])  # chosen, then the citizen walked away
    second = serve(qtbot, pad_env, Request(category="consult"))
    assert pad.rate_page.card.number.text() == second.number != first.number
    assert pad.panel.level is None and pad.panel.levels_box.isVisible()  # nothing of the first is kept
    assert pad.rate_page.card.subject.text() == "综合咨询"
    pad.idle_timer.setInterval(50)
    pad.idle_timer.start()
    qtbot.waitUntil(lambda: pad.page is pad.idle_page, timeout=2000)
    assert pad_env["store"].ratings_between(DAY, DAY) == []


def test_skip_and_escape_leave_the_service_unrated(qtbot, pad_env):
    pad = pad_env["pad"]()
    serve(qtbot, pad_env)
    tap(qtbot, pad.rate_page.skip)
    assert pad.page is pad.idle_page
    serve(qtbot, pad_env)
    pad.activateWindow()
    QTest.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.page is pad.idle_page
    assert pad_env["store"].ratings_between(DAY, DAY) == []


def test_kiosk_hall_has_window_1_s_pad_beside_its_console(qtbot, tmp_path, catalogue, hall):
    from kiosk.app import build_hall

    parts = build_hall(QApplication.instance(), Settings(data_dir=tmp_path, voice_engine="none"), catalogue, hall,
                       engine="silent")
    for key in ("kiosk", "board", "consoles", "pad"):
        qtbot.addWidget(parts[key])
    try:
        pad, console = parts["pad"], parts["consoles"].widget(0)
        assert pad.number == console.counter.number == 1
        pad.show()
        tap(qtbot, pad.header.lang)
        assert pad.language.current == EN and console.language.current == ZH
        assert parts["kiosk"].language.current == ZH and parts["board"].language.current == ZH
    finally:
        parts["bridge"].stop()
        parts["store"].close()


def test_the_pad_command_takes_a_window_of_the_hall(capsys, tmp_path, keep_umask, quiet_logging):
    from kiosk.cli import main, parser

    assert main(["pad", "99", "--data-dir", str(tmp_path)]) == 2
    assert "There is no window 99; the hall has windows 1, 2" in capsys.readouterr().err
    assert main(["pad", "--data-dir", str(tmp_path)]) == 2
    assert "Which window? kiosk pad N" in capsys.readouterr().err
    args = parser().parse_args(["pad", "3", "--scale", "0.5", "--lang", "en_US", "--fullscreen"])
    assert (args.pad_number, args.scale, args.terminal_lang, args.fullscreen) == (3, 0.5, "en_US", True)


def test_a_refused_rating_scrolls_its_field_message_into_view(qtbot, pad_env):
    """In 长辈版 English the reason is below the fold: 提交 without one brings it into view."""
    pad = pad_env["pad"](1, EN, elder=True)
    serve(qtbot, pad_env)
    tap(qtbot, pad.panel.level_buttons[Level.VERY_DISSATISFIED])
    assert pad.panel.field_message.visibleRegion().isEmpty()  # below the fold before
    tap(qtbot, pad.panel.submit)
    qtbot.waitUntil(lambda: not pad.panel.field_message.visibleRegion().isEmpty(), timeout=2000)
    assert "Please choose a reason" in pad.panel.field_message.text()
