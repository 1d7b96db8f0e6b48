"""办不成事反映 and 意见建议 at the kiosk, driven by taps (and a physical keyboard where a citizen
could type what the on-screen keys cannot): good input is recorded and said on the slip or the
thanks; bad input is said at its field and nothing is stored; 首页 and the idle timeout forget it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton
from test_kiosk_ui import kiosk, make_kiosk  # noqa: F401 - the fixtures

from kiosk.domain.cases import RecordStatus, Snag, Topic
from kiosk.domain.ports import StoreCode, StoreError
from kiosk.ui.kiosk.screens.report import CHECK, FORM
from kiosk.ui.shared.navigator import Screen


def letters(k, pad, text: str) -> None:
    for ch in text:
        k.tap(pad.keyboard.space if ch == " " else pad.keyboard.keys[ch.upper()])


def digits(k, pad, text: str) -> None:
    for ch in text:
        k.tap(pad.keypad.findChild(QPushButton, f"pad_{ch}"))


def typed(k, text: str) -> None:
    """A physical keyboard (or a scanner) sends ``text`` in one key press."""
    QApplication.sendEvent(k.w, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                          text))


def cases(k):
    return k.w.desk.store.cases()


def opinions(k):
    return k.w.desk.store.opinions()


# --- 办不成事反映 -------------------------------------------------------------------------------------

def test_a_case_by_taps_a_service_found_two_problems_a_number_the_check_then_a_d_ticket(kiosk):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    assert k.screen == Screen.REPORT
    r = w.report
    letters(k, r.pad, "yyzz")
    assert r.tried.value == "yyzz" and r.result_buttons, "services found for what is typed"
    first = r.results[0]
    k.tap(r.result_buttons[0])
    assert r.item_code == first and r.result_buttons[0].isChecked()
    assert r.result_buttons[0].text().startswith("✓")  # chosen: said by a mark, not colour alone
    k.tap(r.snag_buttons[Snag.MATERIALS])
    k.tap(r.snag_buttons[Snag.SENT_AROUND])
    assert r.snag_buttons[Snag.MATERIALS].text().startswith("✓") and r.snag_buttons[Snag.SYSTEM].text().startswith("□")
    k.tap(r.phone.line)
    assert r.pad.currentWidget() is r.pad.keypad  # a number: the keypad
    digits(k, r.pad, "13912345678")
    k.tap(r.next)
    assert r.steps.currentIndex() == CHECK
    check = {key: value.text() for key, (_head, value) in r.summary.items()}
    assert check["tried"] == w.catalogue.by_code[first].name
    assert "材料要求不清楚或太多" in check["snags"] and "被推来推去" in check["snags"]
    assert "139****5678" in check["contact"] and "13912345678" not in check["contact"]
    assert not cases(k)  # nothing is recorded before the citizen confirms
    k.tap(r.submit)
    assert k.screen == Screen.SLIP
    assert w.slip.number.text() == "D001"
    assert "已记录（第 1 号）" in w.slip.note.text() and "139****5678" in w.slip.note.text()
    assert "9 号" in w.slip.where.text()
    (case,) = cases(k)
    assert (case.item_code, case.tried, case.snags, case.contact) == (first, "", (Snag.MATERIALS, Snag.SENT_AROUND),
                                                                       "13912345678")
    assert case.number == "D001" and case.status == RecordStatus.OPEN
    pdf = w.slip.pdf_path
    assert pdf and pdf.endswith("D001.pdf")
    assert r.tried.value == "" and r.phone.value == "" and r.item_code is None  # forgotten once recorded
    k.tap(w.slip.finish)
    assert k.screen == Screen.HOME


def test_words_instead_of_a_service_and_words_instead_of_a_tag(kiosk):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    r = w.report
    k.tap(r.next)  # nothing said: asked for at both places, and nothing stored
    assert r.steps.currentIndex() == FORM
    assert r.tried.message.text() == "请选一个找到的事项，或输入您想办的事"
    assert r.snag_error.isVisible() and "请至少选一项" in r.snag_error.text()
    assert r.form_error.isVisible()
    letters(k, r.pad, "qqqxz")  # nothing found: the words are kept
    assert not r.result_buttons
    assert r.tried.message.text().startswith("已输入 5 个字")
    k.tap(r.text.line)
    letters(k, r.pad, "sent away twice")
    assert not r.snag_error.isVisible()  # words say what went wrong
    k.tap(r.next)
    assert r.steps.currentIndex() == CHECK
    assert "没有留电话" in r.summary["contact"][1].text()
    k.tap(r.submit)
    (case,) = cases(k)
    assert (case.item_code, case.tried, case.snags, case.text, case.contact) == \
        (None, "qqqxz", (), "sent away twice", "")
    assert "打电话" not in w.slip.note.text()


@pytest.mark.parametrize("bad, said", [
    ("x" * 301, "最多 300 个字，现在 301 个字，请删去 1 个字"),
    ("slow 😀", "不能输入表情符号，请删去后再试"),
    ("slow \x07", "有看不见的特殊字符（如方向标记），请清空后重新输入"),
    ("slow \u200f", "有看不见的特殊字符（如方向标记），请清空后重新输入"),
    ("\u202eslow", "有看不见的特殊字符（如方向标记），请清空后重新输入"),
])
def test_bad_text_is_said_at_its_field_and_nothing_is_stored(kiosk, bad, said):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    r = w.report
    letters(k, r.pad, "yyzz")
    k.tap(r.result_buttons[0])
    k.tap(r.snag_buttons[Snag.OTHER])
    k.tap(r.text.line)
    typed(k, bad)
    assert r.text.value == bad  # kept as typed: nothing cut or dropped silently
    assert r.text.message.text() == said and r.text.message.property("class") == "error"
    assert r.text.line.property("class") == "invalid"
    k.tap(r.next)
    assert r.steps.currentIndex() == FORM and r.form_error.isVisible()
    assert not cases(k)
    k.tap(r.pad.keyboard.clear)
    letters(k, r.pad, "slow")
    k.tap(r.next)
    k.tap(r.submit)
    assert [c.text for c in cases(k)] == ["slow"]


def test_the_search_words_are_checked_too(kiosk):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    r = w.report
    typed(k, "yyzz\u200f")
    assert "看不见" in r.tried.message.text() and not r.result_buttons  # no search on what cannot be kept
    k.tap(r.snag_buttons[Snag.ONLINE])
    k.tap(r.next)
    assert r.steps.currentIndex() == FORM and not cases(k)


@pytest.mark.parametrize("number, said, error", [
    ("12912345678", "手机号应以 13–19 开头", True),
    ("139123", "还差 5 位", False),
])
def test_a_wrong_or_unfinished_number_is_said_at_the_field(kiosk, number, said, error):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    r = w.report
    letters(k, r.pad, "hukou")
    k.tap(r.snag_buttons[Snag.TOO_LONG])
    k.tap(r.phone.line)
    digits(k, r.pad, number + "99999")  # the keypad stops at 11 digits
    assert len(r.phone.value) == min(11, len(number) + 5)
    k.tap(r.pad.keypad.clear)
    digits(k, r.pad, number)
    typed(k, "abc")  # letters never go into a number
    assert r.phone.value == number
    assert r.phone.message.text() == said
    assert (r.phone.message.property("class") == "error") == error  # a hint while typing …
    k.tap(r.next)
    assert r.steps.currentIndex() == FORM and not cases(k)
    assert r.phone.message.property("class") == "error"  # … a problem once the citizen wants to go on
    assert r.phone.line.property("class") == "invalid"


def test_back_from_the_check_returns_to_the_form_then_to_home(kiosk):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    r = w.report
    letters(k, r.pad, "shebao")
    k.tap(r.snag_buttons[Snag.OTHER])
    k.tap(r.next)
    assert r.steps.currentIndex() == CHECK
    k.tap(w.header.back_button)
    assert k.screen == Screen.REPORT and r.steps.currentIndex() == FORM and r.tried.value == "shebao"
    k.tap(r.next)
    k.qtbot.keyClick(w, Qt.Key.Key_Escape)  # Escape is 返回 too
    assert k.screen == Screen.REPORT and r.steps.currentIndex() == FORM
    k.tap(w.header.back_button)
    assert k.screen == Screen.HOME


@pytest.mark.parametrize("leave", ["home", "idle"])
def test_home_and_the_idle_timeout_forget_everything_entered(kiosk, leave):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    r = w.report
    letters(k, r.pad, "yyzz")
    k.tap(r.result_buttons[0])
    k.tap(r.snag_buttons[Snag.SYSTEM])
    k.tap(r.text.line)
    letters(k, r.pad, "no")
    k.tap(r.phone.line)
    digits(k, r.pad, "13912345678")
    k.tap(r.next)
    if leave == "home":
        k.tap(w.header.home_button)
    else:
        w.timed_out()
    assert k.screen == Screen.HOME
    k.tap(w.home.report_tile)
    assert (r.tried.value, r.text.value, r.phone.value, r.item_code, r.snags) == ("", "", "", None, [])
    assert r.steps.currentIndex() == FORM and not r.result_buttons
    assert not any(b.isChecked() for b in r.snag_buttons.values())
    assert "139" not in r.summary["contact"][1].text() or not r.summary["contact"][1].isVisible()
    assert not cases(k)


def test_the_store_failing_is_said_in_plain_words_and_nothing_is_half_kept(kiosk, monkeypatch):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.report_tile)
    r = w.report
    letters(k, r.pad, "yyzz")
    k.tap(r.snag_buttons[Snag.OTHER])
    k.tap(r.next)

    def full(*_a, **_k):
        raise StoreError("disk full: no space left", StoreCode.DISK_FULL)

    monkeypatch.setattr(w.desk.store.get(), "open_case", full)
    k.tap(r.submit)
    assert k.screen == Screen.REPORT and r.check_error.isVisible()
    assert r.check_error.text() == "系统暂时无法保存。请到服务台，工作人员会帮您登记。"
    assert "disk" not in r.check_error.text()
    monkeypatch.undo()
    k.tap(r.submit)  # what was entered is still there: it goes through now
    assert k.screen == Screen.SLIP and len(cases(k)) == 1


def test_the_report_in_english_reads_english_and_the_voice_reads_each_step(make_kiosk):  # noqa: F811
    k = make_kiosk(language="en_US", voice=True, voice_engine="mock")
    w = k.w
    said: list[str] = []
    w.speaker.spoken.connect(lambda text, _lang: said.append(text))
    k.tap(w.home.report_tile)
    r = w.report
    assert said[-1].startswith("Problem-solving window") and "What went wrong?" in said[-1]
    assert r.snag_buttons[Snag.SENT_AROUND].text() == "□ I was sent from one place to another"
    letters(k, r.pad, "business licence")
    assert r.result_buttons and all(w.catalogue.by_code[c].name_en in b.text()
                                    for c, b in zip(r.results, r.result_buttons))
    k.tap(r.result_buttons[0])
    k.tap(r.snag_buttons[Snag.MATERIALS])
    said.clear()
    k.tap(r.next)
    assert said[-1].startswith("Problem-solving window") and "Please check your report" in said[-1]
    assert "The documents asked for were unclear or too many" in said[-1]
    k.tap(r.submit)
    assert "Your problem is recorded (no. 1)" in w.slip.note.text()


# --- 意见建议 ---------------------------------------------------------------------------------------

def test_an_anonymous_opinion_says_it_is_anonymous_before_and_after(kiosk):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.opinion_tile)
    assert k.screen == Screen.OPINION
    o = w.opinion
    assert o.reception.isVisible()
    assert o.reception_when.text() == "12月2日（周三） 09:00–11:30，二楼人大代表社情民意联系点"
    assert "匿名" in o.anonymous.text() and o.submit.text() == "匿名提交"
    k.tap(o.topic_buttons[Topic.FACILITIES])
    assert o.topic_buttons[Topic.FACILITIES].isChecked()
    assert o.topic_buttons[Topic.FACILITIES].accessibleName() == "环境设施"
    letters(k, o.pad, "more seats")
    k.tap(o.submit)
    assert o.steps.currentIndex() == 1
    assert o.recorded.text() == "已记录（第 1 号）" and "匿名" in o.reply.text()
    assert o.done_reception.isVisible()
    (op,) = opinions(k)
    assert (op.topic, op.text, op.contact, op.anonymous, op.status) == \
        (Topic.FACILITIES, "more seats", "", True, RecordStatus.OPEN)
    assert o.text.value == ""  # forgotten once recorded
    k.tap(o.finish)
    assert k.screen == Screen.HOME


def test_an_opinion_with_a_number_promises_a_call(kiosk):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.opinion_tile)
    o = w.opinion
    k.tap(o.topic_buttons[Topic.SERVICE])
    letters(k, o.pad, "thanks")
    k.tap(o.phone.line)
    digits(k, o.pad, "13812345678")
    assert o.submit.text() == "提交" and "匿名" not in o.anonymous.text()
    k.tap(o.submit)
    assert "138****5678" in o.reply.text() and "13812345678" not in o.reply.text()
    (op,) = opinions(k)
    assert (op.contact, op.anonymous) == ("13812345678", False)
    k.tap(w.header.back_button)  # 返回 after sending is 完成: nothing to go back to
    assert k.screen == Screen.HOME


@pytest.mark.parametrize("bad, said", [
    ("", "请写下您的意见或建议"),
    ("y" * 301, "最多 300 个字，现在 301 个字，请删去 1 个字"),
    ("nice 👍", "不能输入表情符号，请删去后再试"),
    ("a\u200eb", "有看不见的特殊字符（如方向标记），请清空后重新输入"),
    ("a\x1bb", "有看不见的特殊字符（如方向标记），请清空后重新输入"),
])
def test_bad_opinion_text_is_said_at_the_field_and_nothing_is_stored(kiosk, bad, said):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.opinion_tile)
    o = w.opinion
    k.tap(o.submit)  # no topic, no text: both asked for
    assert o.topic_error.isVisible() and o.text.message.text() == "请写下您的意见或建议"
    k.tap(o.topic_buttons[Topic.POLICY])
    assert not o.topic_error.isVisible()
    if bad:
        typed(k, bad)
    assert o.text.message.text() == said and o.text.message.property("class") == "error"
    k.tap(o.submit)
    assert o.steps.currentIndex() == 0 and o.form_error.isVisible() and not opinions(k)
    k.tap(o.phone.line)
    digits(k, o.pad, "1291234567")
    assert o.phone.message.text() == "还差 1 位"
    digits(k, o.pad, "8")
    assert o.phone.message.text() == "手机号应以 13–19 开头"
    k.tap(o.submit)
    assert not opinions(k)


@pytest.mark.parametrize("leave", ["home", "idle"])
def test_the_opinion_form_is_forgotten_on_home_and_idle(kiosk, leave):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.opinion_tile)
    o = w.opinion
    k.tap(o.topic_buttons[Topic.PROCESS])
    letters(k, o.pad, "queue")
    k.tap(o.phone.line)
    digits(k, o.pad, "13912345678")
    k.tap(w.header.home_button) if leave == "home" else w.timed_out()
    k.tap(w.home.opinion_tile)
    assert (o.topic, o.text.value, o.phone.value, o.sent) == (None, "", "", None)
    assert not any(b.isChecked() for b in o.topic_buttons.values())
    assert not opinions(k)


def test_the_next_reception_day_in_english_and_the_voice(make_kiosk):  # noqa: F811
    k = make_kiosk(language="en_US", voice=True, voice_engine="mock")
    w = k.w
    said: list[str] = []
    w.speaker.spoken.connect(lambda text, _lang: said.append(text))
    k.tap(w.home.opinion_tile)
    o = w.opinion
    expected = "Wednesday 2 December, 09:00–11:30, People's Congress deputies' liaison point, 2nd floor"
    assert o.reception_when.text() == expected
    assert said[-1].startswith("Suggestions") and expected in said[-1]
    assert o.submit.text() == "Send anonymously"
    k.tap(o.topic_buttons[Topic.OTHER])
    letters(k, o.pad, "ok")
    said.clear()
    k.tap(o.submit)
    assert "Thank you for your suggestion" in said[-1] and "Sent anonymously" in said[-1]


def test_an_opinion_store_failure_is_said_and_kept_for_another_try(kiosk, monkeypatch):  # noqa: F811
    k, w = kiosk, kiosk.w
    k.tap(w.home.opinion_tile)
    o = w.opinion
    k.tap(o.topic_buttons[Topic.OTHER])
    letters(k, o.pad, "ok")

    def gone(*_a, **_k):
        raise StoreError("server closed the connection", StoreCode.UNREACHABLE)

    monkeypatch.setattr(w.desk.store.get(), "add_opinion", gone)
    k.tap(o.submit)
    assert o.steps.currentIndex() == 0 and o.form_error.text().startswith("系统正在重新连接，请稍候")
    monkeypatch.undo()
    k.tap(o.submit)
    assert len(opinions(k)) == 1
