"""服务评价 at the kiosk, by taps, keys and the QR scanner: find the ticket, rate it, thanks; an
unknown, unserved or already-rated ticket and bad words are told at the field, nothing stored twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from test_kiosk_ui import make_kiosk, qtbot_app  # noqa: F401 - the fixture and its helper

from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.feedback import Level, Source, Tag
from kiosk.domain.promises import ticket_ref
from kiosk.ui.kiosk.slip_pdf import slip_qr_text
from kiosk.ui.shared.navigator import Screen

DAY = "2026-11-27"


@pytest.fixture
def kiosk(make_kiosk):  # noqa: F811
    return make_kiosk()


def type_text(widget, text: str) -> None:
    """A keyboard or a QR scanner in keyboard mode: one key event per character, Enter for a line break."""
    for ch in text:
        if ch == "\n":
            ev = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        else:
            ev = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(widget, ev)


def served(k, hall, clock, request: Request | None = None, window: int = 1):
    """A ticket taken at this kiosk's desk and served at ``window``."""
    slip = k.w.desk.issue(request or Request(item_code="QYKB-001"))
    c = Counter(k.store, hall, window, clock)
    c.call_next()
    c.start()
    clock.advance(minutes=4)
    c.finish()
    return slip, k.store.ticket(slip.ticket.id)


def open_rate(k):
    k.tap(k.w.home.rate_tile)
    assert k.screen == Screen.RATE and k.w.header.title.text() == "服务评价"
    return k.w.rate


def key_in(k, rate, text: str) -> None:
    for ch in text:
        k.tap(rate.keys.keys[ch])


def test_rate_by_the_typed_number_with_tags(kiosk,  hall, clock, catalogue):
    slip, ticket = served(kiosk, hall, clock)
    rate = open_rate(kiosk)
    assert "1 个工作日内回访" in rate.promise.text()
    key_in(kiosk, rate, "A1")  # A1 is A001: today's
    assert rate.field.text() == "A1"
    kiosk.tap(rate.find_button)
    assert rate.step == 1 and rate.card.number.text() == ticket.number
    assert rate.card.subject.text() == catalogue.by_code["QYKB-001"].name and "1 号综合窗口" in rate.card.window.text()
    kiosk.tap(rate.panel.level_buttons[Level.VERY_SATISFIED])
    kiosk.tap(rate.panel.tag_buttons[Tag.FAST])
    kiosk.tap(rate.panel.submit)
    r = kiosk.store.rating_for(ticket.id)
    assert (r.level, r.tags, r.source, r.window) == (Level.VERY_SATISFIED, (Tag.FAST,), Source.KIOSK, 1)
    assert rate.step == 2 and "感谢您的评价" in rate.thanks_title.text() and not rate.thanks_follow.isVisible()
    kiosk.tap(rate.done)
    assert kiosk.screen == Screen.HOME
    open_rate(kiosk)  # the next visitor finds an empty field
    assert rate.field.text() == "" and rate.step == 0


def test_rate_by_the_slip_s_qr_code_from_the_scanner(kiosk, hall, clock, qtbot):
    slip, ticket = served(kiosk, hall, clock)
    text = slip_qr_text(slip, hall.name)
    assert text.splitlines()[-1] == ticket_ref(ticket) == f"YCTB {DAY} {ticket.number}"
    rate = open_rate(kiosk)
    type_text(kiosk.w, text)  # the scanner types the whole code, Enter after each line
    qtbot.waitUntil(lambda: rate.step == 1, timeout=2000)  # looked up once the scanner has stopped
    assert rate.card.number.text() == ticket.number
    kiosk.tap(rate.panel.level_buttons[Level.DISSATISFIED])
    kiosk.tap(rate.panel.submit)  # a 差评 without a reason
    assert "请选一个原因" in rate.panel.field_message.text() and kiosk.store.rating_for(ticket.id) is None
    kiosk.tap(rate.panel.tag_buttons[Tag.NOT_TOLD])
    kiosk.tap(rate.panel.submit)
    assert kiosk.store.rating_for(ticket.id).tags == (Tag.NOT_TOLD,)
    assert rate.thanks_follow.isVisible() and "1 个工作日内回访" in rate.thanks_follow.text()
    [follow] = kiosk.w.promises.follow_ups()
    assert follow.number == ticket.number


def test_yesterdays_slip_is_found_by_its_code(kiosk, hall, clock, qtbot):
    slip, ticket = served(kiosk, hall, clock)
    clock.advance(days=1)
    rate = open_rate(kiosk)
    key_in(kiosk, rate, "A1")  # a typed number is today's: there is no A001 today
    kiosk.tap(rate.find_button)
    assert "没有找到这个号码" in rate.field_message.text()
    kiosk.tap(rate.keys.clear)
    type_text(kiosk.w, ticket_ref(ticket) + "\n")
    qtbot.waitUntil(lambda: rate.step == 1, timeout=2000)
    assert rate.card.number.text() == ticket.number


@pytest.mark.parametrize("typed", ["Z99", "A0\u200f01", "A001\U0001F600", "\x07A001", "A" * 1500, "hello"])
def test_an_unknown_or_garbled_number_is_told_at_the_field(kiosk, hall, clock, typed):
    served(kiosk, hall, clock)
    rate = open_rate(kiosk)
    type_text(kiosk.w, typed)
    kiosk.tap(rate.find_button)
    assert rate.step == 0 and rate.field_message.text().startswith("⚠")
    assert "没有找到这个号码，请核对小票上的号码" in rate.field_message.text()
    assert len(rate.field.text()) <= 40  # a long text is shown by its end, never widening the field


def test_an_empty_field_unserved_and_missed_tickets_are_told(kiosk, hall, clock):
    waiting = kiosk.w.desk.issue(Request(category="realty")).ticket
    missed = kiosk.w.desk.issue(Request(category="consult")).ticket
    c = Counter(kiosk.store, hall, 1, clock)
    c.call_next()
    c.no_show()
    rate = open_rate(kiosk)
    kiosk.tap(rate.find_button)
    assert "请先输入小票上的号码" in rate.field_message.text()
    key_in(kiosk, rate, waiting.number)
    kiosk.tap(rate.find_button)
    assert f"{waiting.number} 还没有办结，办结后才能评价" in rate.field_message.text()
    assert rate.field.property("class") == "invalid"
    kiosk.tap(rate.keys.clear)
    assert rate.field_message.text().strip() == ""  # typing again clears the message
    key_in(kiosk, rate, missed.number)
    kiosk.tap(rate.find_button)
    assert f"{missed.number} 没有办理业务，无法评价" in rate.field_message.text()
    assert kiosk.store.ratings_between(DAY, DAY) == []


def test_a_ticket_rated_at_the_pad_is_not_rated_again(kiosk, hall, clock):
    _slip, ticket = served(kiosk, hall, clock)
    kiosk.w.promises.rate(ticket, Level.SATISFIED, source=Source.PAD)
    rate = open_rate(kiosk)
    key_in(kiosk, rate, ticket.number)
    kiosk.tap(rate.find_button)
    assert f"{ticket.number} 已经评价过了，每次服务只评一次" in rate.field_message.text() and rate.step == 0
    # rated at the pad while this citizen was choosing: said at the number, stored once
    _slip, other = served(kiosk, hall, clock, Request(category="consult"))
    kiosk.tap(rate.keys.clear)
    key_in(kiosk, rate, other.number)
    kiosk.tap(rate.find_button)
    kiosk.tap(rate.panel.level_buttons[Level.FAIR])
    kiosk.w.promises.rate(other, Level.VERY_SATISFIED, source=Source.PAD)
    kiosk.tap(rate.panel.submit)
    assert rate.step == 0 and "已经评价过了" in rate.field_message.text()
    assert [r.level for r in kiosk.store.ratings_between(DAY, DAY)] == [Level.SATISFIED, Level.VERY_SATISFIED]


@pytest.mark.parametrize("typed, says", [("good\U0001F44D", "请不要输入表情符号"), ("a\u202eb", "有无法显示的字符"),
                                         ("n" * 240, "最多 200 个字")])
def test_bad_words_at_the_kiosk_are_told_at_the_field(kiosk, hall, clock, typed, says):
    _slip, ticket = served(kiosk, hall, clock)
    rate = open_rate(kiosk)
    key_in(kiosk, rate, ticket.number)
    kiosk.tap(rate.find_button)
    kiosk.tap(rate.panel.level_buttons[Level.SATISFIED])
    type_text(kiosk.w, typed)
    assert says in rate.panel.field_message.text()
    kiosk.tap(rate.panel.submit)
    assert kiosk.store.rating_for(ticket.id) is None and says in rate.panel.field_message.text()


def test_english_and_senior_mode_and_home_clears_everything(make_kiosk, hall, clock):  # noqa: F811
    k = make_kiosk(language="en_US", elder=True)
    _slip, ticket = served(k, hall, clock)
    k.tap(k.w.home.rate_tile)
    rate = k.w.rate
    assert k.w.header.title.text() == "Rate our service" and rate.find_button.text() == "Find this service"
    key_in(k, rate, ticket.number)
    k.tap(rate.find_button)
    k.tap(rate.panel.level_buttons[Level.FAIR])
    assert rate.panel.chosen.text() == "Your rating: Fairly satisfied"
    assert "General window" in rate.card.window.text()
    k.tap(k.w.header.home_button)  # left before sending: nothing kept, nothing stored
    k.tap(k.w.home.rate_tile)
    assert rate.step == 0 and rate.field.text() == "" and rate.panel.level is None
    assert k.store.rating_for(ticket.id) is None


def test_the_voice_reads_the_rating_screen(make_kiosk, hall, clock):  # noqa: F811
    k = make_kiosk(voice_engine="mock", voice=True)
    k.tap(k.w.home.rate_tile)
    said = k.w.speaker.last[0]
    assert said.startswith("服务评价") and "为窗口服务评价" in said
