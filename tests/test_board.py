"""The call board, fed the way it is in the hall: tickets from the desk, calls from the windows
through another Store connection (another process), changes through the ChangeBridge."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import make_desk
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request, TicketDesk
from kiosk.store.db import Store
from kiosk.ui.board.window import OTHERS, PAUSED, RECENT, REFERENCE_SIZE, BoardWindow
from kiosk.ui.shared.bridge import ChangeBridge
from kiosk.ui.shared.i18n import EN, ZH, Language
from kiosk.ui.shared.theme import Theme
from kiosk.ui.shared.voice import Announcer


@dataclass
class Room:
    board: BoardWindow
    store: Store  # the board's connection
    other: Store  # the windows' and the desk's connection
    bridge: ChangeBridge
    announcer: Announcer
    language: Language
    desk: TicketDesk
    hall: object
    clock: object
    announced: list
    qtbot: object

    def issue(self, category: str, n: int = 1) -> list[str]:
        numbers = [self.desk.issue(Request(category=category)).ticket.number for _ in range(n)]
        self.clock.advance(seconds=20)
        return numbers

    def counter(self, window: int) -> Counter:
        return Counter(self.other, self.hall, window, self.clock)

    def call(self, window: int) -> str:
        ticket = self.counter(window).call_next()
        assert ticket is not None
        self.clock.advance(seconds=30)
        return ticket.number

    def sync(self) -> None:
        """What the bridge's 150 ms timer does: pick up the other connection's commits."""
        self.bridge.check()

    def tap(self, widget) -> None:
        assert widget.isVisible() and widget.isEnabled()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def visible_texts(self, labels) -> list[str]:
        return [lab.text() for lab in labels if lab.isVisible()]

    def queued(self) -> list[str]:
        """Every announcement handed to the announcer: begun, then still waiting its turn."""
        return self.announced + [self.announcer.caption_for(n, w) for n, w in self.announcer.pending]

    def recent(self) -> list[tuple[str, str]]:
        return [(n.text(), w.text()) for n, w, _ in self.board.recent_rows if n.isVisible()]

    def waiting(self) -> dict[str, tuple[str, str]]:
        return {code: (name.text(), count.text()) for code, (name, count) in self.board.waiting_labels.items()}


@pytest.fixture
def make_room(qtbot, tmp_path, hall, catalogue, clock, theme_cache):
    made = []

    def make(**announcer_kw) -> Room:
        data = tmp_path / "data"
        store, other = Store.open(data), Store.open(data)
        bridge = ChangeBridge(store, clock)
        announcer = Announcer(**(dict(engine="silent", caption_ms=30, gap_ms=5) | announcer_kw))
        announced: list[str] = []
        announcer.started.connect(announced.append)
        language = Language()
        board = BoardWindow(hall=hall, bridge=bridge, announcer=announcer, language=language,
                            clock=clock, flash_ms=600, flash_interval_ms=100)
        language.attach(board)
        Theme(theme_cache).attach(board)
        qtbot.addWidget(board)
        board.resize(*REFERENCE_SIZE)
        board.show()
        qtbot.waitExposed(board)
        bridge.start()
        room = Room(board, store, other, bridge, announcer, language, make_desk(other, catalogue, hall, clock),
                    hall, clock, announced, qtbot)
        made.append(room)
        return room

    yield make
    for room in made:
        room.bridge.stop()
        room.announcer.clear()
        room.board.flash_timer.stop()
        room.store.close()
        room.other.close()


@pytest.fixture
def room(make_room):
    return make_room()


def test_a_new_call_is_shown_very_large_flashes_and_is_announced(room):
    b = room.board
    assert not b.now_number.isVisible() and b.now_idle.isVisible()  # nothing called yet today
    room.issue("comprehensive", 3)
    number = room.call(3)
    assert number == "A001"
    room.bridge.stop()
    room.qtbot.wait(400)
    assert b.now_number.text() == ""  # the board never polls: nothing until the bridge says so
    room.sync()
    assert (b.now_number.text(), b.now_arrow.text(), b.now_window.text()) == ("A001", "→", "3 号窗口")
    assert b.now_number.isVisible() and not b.now_idle.isVisible()
    assert b.window_name.text() == "综合窗口"
    assert b.now_tag.isVisible() and b.now_tag.text() == "正在叫号"  # colour is never the only cue
    assert "A001" in b.now_card.accessibleName() and "3" in b.now_card.accessibleName()
    assert room.announced == ["请 A001 号到 3 号窗口"]
    assert b.caption_text.text() == "请 A001 号到 3 号窗口" and b.caption_tag.text() == "语音播报"

    # the flash: highlighted at once, then alternating, then steady
    assert b.flashing and b.highlighted and "flash" in b.now_card.property("class")
    states = [True]
    room.qtbot.waitUntil(lambda: states.append(b.highlighted) or not b.flashing, timeout=3000)
    changes = [s for i, s in enumerate(states) if i == 0 or s != states[i - 1]]
    assert changes[:3] == [True, False, True] and changes[-1] is False
    assert not b.highlighted and b.now_card.property("class") == "board-now"
    assert b.now_number.text() == "A001"  # the call stays up after its flash

    # when the announcement is over, the caption strip goes back to its hint
    room.qtbot.waitUntil(lambda: not room.announcer.busy, timeout=3000)
    assert b.caption_text.text() == "过号了？请到服务台说明，可重新排队" and b.caption_tag.text() == "温馨提示"


def test_other_current_calls_and_the_recently_called_list(room):
    b = room.board
    room.issue("comprehensive", 12)
    room.issue("realty")
    assert room.call(1) == "A001"
    assert room.call(2) == "A002"
    room.counter(1).start()  # A001 is at window 1 now: no longer being called
    assert room.call(6) == "B001"
    assert room.call(3) == "A003"
    room.sync()
    assert b.now_number.text() == "A003" and b.now_window.text() == "3 号窗口"
    assert room.visible_texts(b.other_labels) == ["B001 → 6 号窗口", "A002 → 2 号窗口"]
    assert b.others_title.isVisible() and b.others_title.text() == "其他正在叫号"
    assert room.recent() == [("A003", "3 号窗口"), ("B001", "6 号窗口"), ("A002", "2 号窗口"), ("A001", "1 号窗口")]
    assert room.queued() == ["请 A001 号到 1 号窗口", "请 A002 号到 2 号窗口", "请 B001 号到 6 号窗口",
                             "请 A003 号到 3 号窗口"]
    times = [at.text() for _, _, at in b.recent_rows if at.isVisible()]
    assert times == sorted(times, reverse=True) and all(len(t) == 5 and t[2] == ":" for t in times)

    # more calls than rows: the newest 8, newest first
    for window in (1, 2, 3, 6):
        counter = room.counter(window)
        if counter.view().current.status == "called":
            counter.start()
        counter.finish()
    for window in (1, 2, 3, 4, 5):
        room.call(window)
    room.sync()
    assert room.recent() == [("A008", "5 号窗口"), ("A007", "4 号窗口"), ("A006", "3 号窗口"), ("A005", "2 号窗口"),
                             ("A004", "1 号窗口"), ("A003", "3 号窗口"), ("B001", "6 号窗口"), ("A002", "2 号窗口")]
    assert len(room.recent()) == RECENT
    assert b.now_number.text() == "A008"
    assert room.visible_texts(b.other_labels) == ["A007 → 4 号窗口", "A006 → 3 号窗口", "A005 → 2 号窗口",
                                                  "A004 → 1 号窗口"]


def test_a_recall_is_announced_again_and_comes_back_to_the_top(room):
    b = room.board
    room.issue("comprehensive", 3)
    room.call(1)
    room.call(2)
    room.sync()
    assert b.now_number.text() == "A002" and not b.recall_tag.isVisible()
    room.qtbot.waitUntil(lambda: not b.flashing, timeout=3000)
    room.clock.advance(seconds=61)
    room.counter(1).recall()
    room.sync()
    assert b.now_number.text() == "A001" and b.now_window.text() == "1 号窗口"
    assert b.recall_tag.isVisible() and b.recall_tag.text() == "第 2 次叫号"
    assert b.flashing
    assert room.recent() == [("A001", "1 号窗口"), ("A002", "2 号窗口")]  # one row per ticket
    assert room.announced.count("请 A001 号到 1 号窗口") >= 1
    room.qtbot.waitUntil(lambda: len(room.announced) == 3, timeout=3000)
    assert room.announced == ["请 A001 号到 1 号窗口", "请 A002 号到 2 号窗口", "请 A001 号到 1 号窗口"]


def test_waiting_counts_follow_the_queue_and_paused_windows_are_said(room):
    b = room.board
    assert {code: count for code, (_, count) in room.waiting().items()} == {c.code: "0" for c in room.hall.categories}
    room.issue("comprehensive", 4)
    room.issue("consult", 2)
    room.issue("police")
    room.sync()  # issued tickets arrive through `changed`: the counts refresh without any call
    counts = room.waiting()
    assert counts["comprehensive"] == ("A  综合受理", "4")
    assert counts["consult"] == ("Z  综合咨询", "2")
    assert counts["police"] == ("C  公安户政", "1")
    assert counts["realty"] == ("B  不动产登记", "0")
    room.call(1)
    room.sync()
    assert room.waiting()["comprehensive"][1] == "3"

    assert room.visible_texts(b.paused_labels) == []
    room.counter(5).pause("lunch")
    room.sync()
    assert room.visible_texts(b.paused_labels) == ["5 号窗口暂停：午间轮岗"]
    room.counter(7).pause("away")
    room.sync()
    assert room.visible_texts(b.paused_labels) == ["5 号窗口暂停：午间轮岗", "7 号窗口暂停：临时离开"]
    for window in (8, 9):
        room.counter(window).pause("training")
    room.sync()
    shown = room.visible_texts(b.paused_labels)
    assert len(shown) == PAUSED + 1 and shown[-1] == "另有 2 个窗口暂停服务：8、9"
    for window in (5, 7, 8, 9):
        room.counter(window).reopen()
    room.sync()
    assert room.visible_texts(b.paused_labels) == []


def test_notices_show_the_hours_and_the_five_zero_promise(room):
    b = room.board
    hours = b.hours_line.text()
    assert hours.startswith("办公时间：") and len(room.hall.hours) >= 3
    for h in room.hall.hours:  # every opening time of hall.yaml, in its order
        assert f"{h.days} {h.time}" in hours
    assert [hours.index(h.time) for h in room.hall.hours] == sorted(hours.index(h.time) for h in room.hall.hours)
    for must in ("五个零", "零材料", "零距离", "零等待", "零差别", "零障碍"):
        assert must in b.promise_line.text()
    assert b.special_line.text() == "办不成事？请到 9 号专窗"
    assert b.hall_name.text() == "张浦镇政务服务中心"
    assert b.clock_label.text() == "2026年11月27日 星期五  09:30"


def test_the_mute_button_silences_the_announcer_and_says_so(make_room):
    room = make_room(caption_ms=5000)
    b = room.board
    mute = b.findChild(QPushButton, "board_mute")
    assert mute is b.mute and mute.accessibleName() == "播报声音：开，按下关闭" and mute.text() == "播报声音：开"
    assert mute.height() >= 60 and mute.width() >= 60
    room.tap(mute)
    assert room.announcer.muted and mute.isChecked()
    assert mute.text() == "播报声音：关" and mute.accessibleName() == "播报声音：关，按下打开"
    room.issue("comprehensive")
    room.call(3)
    room.sync()
    assert b.caption_text.text() == "请 A001 号到 3 号窗口"  # captions still show
    assert b.caption_tag.text() == "字幕（声音已关）"
    room.tap(mute)
    assert not room.announcer.muted and mute.text() == "播报声音：开" and b.caption_tag.text() == "语音播报"
    room.announcer.set_muted(True)  # muted elsewhere (a presenter's menu): the button follows
    assert mute.isChecked() and mute.text() == "播报声音：关"


def test_english(make_room):
    room = make_room(caption_ms=5000)
    b = room.board
    room.issue("comprehensive", 2)
    room.issue("realty")
    room.call(3)
    room.call(6)
    room.counter(5).pause("lunch")
    room.sync()
    room.language.set(EN)
    assert b.hall_name.text() == "Zhangpu Town Government Service Centre"
    assert b.now_tag.text() == "Now calling"
    assert (b.now_number.text(), b.now_window.text()) == ("B001", "Window 6")
    assert b.window_name.text() == "Real estate window"
    assert room.visible_texts(b.other_labels) == ["A001 → Window 3"]
    assert room.recent() == [("B001", "Window 6"), ("A001", "Window 3")]
    assert room.waiting()["comprehensive"] == ("A  General services", "1")
    assert room.visible_texts(b.paused_labels) == ["Window 5 paused: Lunch rotation"]  # the console's reason, translated
    assert b.caption_text.text() == "Number A001, please go to window 3"
    assert b.caption_tag.text() == "Announcement"
    assert all(f"{h.days_en} {h.time}" in b.hours_line.text() for h in room.hall.hours)
    assert "Five Zeros" in b.promise_line.text()
    assert b.mute.text() == "Sound: on"
    assert b.clock_label.text() == "Fri 27 Nov 2026  " + room.clock.now.strftime("%H:%M")
    assert b.recent_title.text() == "Recently called" and b.waiting_title.text() == "Waiting"
    room.language.set(ZH)
    assert b.now_window.text() == "6 号窗口" and b.caption_text.text() == "请 A001 号到 3 号窗口"


@pytest.mark.parametrize("lang", [ZH, EN])
def test_a_full_board_fits_its_screen(make_room, lang):
    """Every section full (8 recent calls, the most other calls, paused windows): nothing grows
    the board past 1920×1080, and no label is squeezed below what its text needs."""
    room = make_room(caption_ms=5000)  # the caption strip showing an announcement
    room.issue("comprehensive", 12)
    room.issue("realty", 3)
    room.issue("police", 2)
    room.issue("assist")
    room.issue("cannot_do")
    for window in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10):
        room.call(window)
    for window in (2, 4, 6, 7, 8, 9):
        room.counter(window).pause("fault")
    room.counter(3).start()
    room.sync()
    room.language.set(lang)
    b = room.board
    QApplication.processEvents()
    assert len(room.visible_texts(b.other_labels)) == OTHERS and len(room.recent()) == RECENT
    assert len(room.visible_texts(b.paused_labels)) == PAUSED + 1
    hint = b.minimumSizeHint()
    assert hint.width() <= 1920 and hint.height() <= 1080, hint
    assert b.size().toTuple() == REFERENCE_SIZE
    assert room.announcer.caption and b.caption_text.text() == room.announcer.caption
    for lab in b.findChildren(QLabel):
        if lab.isVisible() and lab.text():
            assert lab.height() >= lab.minimumSizeHint().height(), lab.text()
            if type(lab) is QLabel and not lab.wordWrap():
                assert lab.width() >= lab.sizeHint().width() - 1, lab.text()


def test_interactive_widgets_are_named_and_big_enough(room):
    buttons = room.board.findChildren(QPushButton)
    assert buttons
    for b in buttons:
        assert b.objectName() and b.accessibleName(), b
        assert b.height() >= 60 and b.width() >= 60


def _luminance(c) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def _contrast(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_contrast_is_at_least_4_5_to_1_also_while_flashing(room):
    """The rendered board: each label's text colour against the pixels right behind it."""
    room.issue("comprehensive", 3)
    room.call(1)
    room.call(2)
    room.counter(5).pause("lunch")
    room.sync()
    b = room.board
    for highlighted in (True, False):
        b.flash_timer.stop()
        b._set_highlight(highlighted)
        QApplication.processEvents()
        image = b.grab().toImage()
        checked = 0
        for lab in b.findChildren(QLabel):
            if not lab.isVisible() or not lab.text():
                continue
            corner = lab.mapTo(b, QPoint(lab.width() // 2, 3))  # above the glyphs, inside any border
            background = image.pixelColor(corner.x() * image.width() // b.width(),
                                          corner.y() * image.height() // b.height())
            fg = lab.palette().color(lab.foregroundRole())
            assert _contrast(fg, background) >= 4.5, (lab.text(), fg.name(), background.name(), highlighted)
            checked += 1
        assert checked > 30


def test_after_midnight_the_board_starts_a_new_day(room):
    b = room.board
    room.issue("comprehensive", 2)
    room.call(1)
    room.sync()
    assert b.now_number.text() == "A001" and room.waiting()["comprehensive"][1] == "1"
    room.clock.advance(days=1)
    b.clock_timer.timeout.emit()  # the wall clock's tick
    assert not b.now_number.isVisible() and b.now_idle.isVisible() and room.recent() == []
    assert room.waiting()["comprehensive"][1] == "0"
    assert b.clock_label.text().startswith("2026年11月28日 星期六")


def test_after_the_last_ticket_the_board_says_the_day_is_over_and_when_we_open(room):
    import datetime as dt

    b = room.board
    room.clock.now = dt.datetime(2026, 11, 27, 16, 50)  # a Friday
    room.issue("comprehensive", 2)
    room.call(1)
    room.clock.now = dt.datetime(2026, 11, 27, 17, 2)  # closing time has come; A002 still waits
    b.clock_timer.timeout.emit()
    room.sync()
    room.announcer.clear()
    assert b.now_number.isVisible() and b.now_number.text() == "A001" and not b.closed_title.isVisible()
    assert b.now_tag.text() == "正在叫号"
    assert b.caption_text.text() == "今日已停止取号，已取号的请留意叫号"  # those holding a ticket are still called
    for _ in range(2):  # the last two are served
        window = room.counter(1)
        if window.view().current is None:
            window.call_next()
        window.start()
        room.clock.advance(minutes=4)
        window.finish()
    room.sync()
    room.announcer.clear()  # A002's call has been said
    assert not b.now_number.isVisible() and not any(lab.isVisible() for lab in b.other_labels)
    assert b.now_tag.text() == "今日已停止取号" and b.closed_title.isVisible()
    assert b.closed_title.text() == "今日办理结束"
    assert b.now_idle.text() == "下次开始办理：明天 9:00"  # Saturday's hours, from hall.yaml
    assert b.caption_text.text() == "请在办公时间前来取号办理"
    assert "今日办理结束" in b.now_card.accessibleName() and room.recent()[0][0] == "A002"  # the day's calls stay
    room.language.set(EN)
    assert (b.now_tag.text(), b.closed_title.text(), b.now_idle.text()) == (
        "No more tickets today", "Closed for today", "We open again at 9:00 tomorrow")
    room.language.set(ZH)

    room.clock.now = dt.datetime(2026, 11, 28, 8, 50)  # Saturday morning, before the windows call
    b.clock_timer.timeout.emit()
    assert not b.closed_title.isVisible() and b.now_tag.text() == "正在叫号"
    assert b.now_idle.isVisible() and b.now_idle.text() == "今天 9:00 开始叫号，请留意屏幕和语音"
    room.clock.now = dt.datetime(2026, 11, 29, 10, 0)  # Sunday: no window calls
    b.clock_timer.timeout.emit()
    assert b.closed_title.isVisible() and b.now_idle.text() == "下次开始办理：明天 8:30"


def test_closing_time_alone_turns_the_board_to_closed(room):
    import datetime as dt

    b = room.board
    room.clock.now = dt.datetime(2026, 11, 27, 16, 40)
    room.issue("police")
    room.call(8)
    window = room.counter(8)
    window.start()
    room.clock.advance(minutes=6)
    window.finish()  # everyone served before closing: the board goes on showing the last call
    room.sync()
    assert b.now_number.text() == "C001" and not b.closed_title.isVisible()
    room.clock.now = dt.datetime(2026, 11, 27, 17, 0, 10)
    b.clock_timer.timeout.emit()  # no change in the hall: the clock's tick finds the day over
    assert b.closed_title.isVisible() and not b.now_number.isVisible()
