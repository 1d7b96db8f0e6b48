"""容缺受理 and 零材料 self-service, driven by taps as a citizen drives them; the window console's
容缺 line and its list of commitments still to come; ``kiosk commitments`` and the self-services in
``kiosk stats``; the printed result read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QPushButton
from test_kiosk_ui import Kiosk, kiosk, make_kiosk, qtbot_app  # noqa: F401 - the fixtures and their helpers

from kiosk.app import Settings, build_console, build_kiosk_window, make_promises
from kiosk.cli import main
from kiosk.domain.commitments import Applicant, CommitmentError, CommitStatus, Refusal
from kiosk.domain.desk import Request
from kiosk.domain.ids import uscc_check_char, uscc_problem
from kiosk.domain.personas import persona
from kiosk.domain.ports import StoreCode, StoreError
from kiosk.domain.selfservice import fetched_licences, self_serviceable
from kiosk.ui.kiosk.slip_pdf import pdf_problem
from kiosk.ui.shared.deferral_words import refusal_text, uscc_status
from kiosk.ui.shared.i18n import Language
from kiosk.ui.shared.navigator import Screen

ITEM = "SPJY-001"  # 食品经营许可（新办）: two 容缺 materials
ZERO = "SHBX-013"  # 个人参保证明查询打印: every material an 电子证照
RESIDENT = persona("resident").resident_id  # 王芳, good standing
BAD_PERSON = "320583198804120067"  # 赵丽: 列入失信被执行人名单
GOOD_COMPANY = "91320583MA1XYK0A01"  # 昆山张浦精密机械有限公司
BAD_COMPANY = "91320583MA27FR6N2A"  # 昆山恒达物流有限公司: 严重违法失信名单
UNLISTED = "91320583MA1ABCDEF" + uscc_check_char("91320583MA1ABCDEF")  # valid, on nobody's list
DUE = "2026年12月4日（周五）"  # 5 working days after Friday 27 November 2026 (the test clock)


def pdf_text(path: Path) -> str:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return " ".join(doc.getAllText(p).text() for p in range(doc.pageCount()))


def tap_keys(k: Kiosk, screen, prefix: str, text: str) -> None:
    """Type on a screen's keypad (digits, X) or on-screen keyboard (letters)."""
    for ch in text:
        b = next((b for b in (screen.findChild(QPushButton, f"{prefix}_pad_{ch}"),
                              screen.findChild(QPushButton, f"{prefix}_key_{ch}")) if b is not None and b.isVisible()),
                 None)
        assert b is not None, ch
        k.tap(b)


def to_item(k: Kiosk, code: str) -> None:
    k.w.choose(Request(item_code=code), Screen.ITEM)
    QApplication.processEvents()


def screen(k: Kiosk, which: Screen):
    return k.w.nav.widget(which)


def commitments(k: Kiosk):
    return k.store.get().commitments() if hasattr(k.store, "get") else k.store.commitments()


def store_of(k: Kiosk):
    return k.store.get() if hasattr(k.store, "get") else k.store


# --- 容缺受理 at the kiosk ---------------------------------------------------------------------------------

def test_a_resident_in_good_standing_leaves_two_materials_out_and_gets_a_ticket(kiosk):  # noqa: F811
    k = kiosk
    to_item(k, ITEM)
    offers = k.w.item.offers
    assert offers.defer_button.isVisible() and not offers.self_button.isVisible()
    k.tap(offers.defer_button)
    assert k.screen == Screen.RONGQUE and k.w.header.title.text() == "容缺受理"
    r = screen(k, Screen.RONGQUE)
    k.tap(r.go_on)  # nothing chosen: said at the footer, no step further
    assert k.screen == Screen.RONGQUE and "请点选暂缺的材料" in r.error.text()
    assert set(r.buttons) == {"食品安全管理制度目录", "食品安全管理人员名单"}
    assert "营业执照" not in r.buttons and "食品经营许可申请书" in r.core.text()  # core ones must come
    for b in r.buttons.values():
        k.tap(b)
        assert b.isChecked() and b.text().startswith("✓ ") and "原件 1 份" in b.text()
    k.tap(r.go_on)
    a = screen(k, Screen.RONGQUE_APPLICANT)
    assert k.screen == Screen.RONGQUE_APPLICANT and a.kind_buttons[Applicant.PERSON].isChecked()
    k.tap(a.go_on)  # no ID yet
    assert k.screen == Screen.RONGQUE_APPLICANT and "请刷身份证" in a.id_entry.error.text()
    tap_keys(k, a, "rq", "32058319950521002")
    assert "还差 1 位" in a.id_entry.error.text()
    tap_keys(k, a, "rq", "5")  # the check digit is 4
    assert "身份证号码有误" in a.id_entry.error.text() and a.id_entry.field.property("class") == "invalid"
    k.tap(a.go_on)
    assert k.screen == Screen.RONGQUE_APPLICANT
    k.tap(a.findChild(QPushButton, "rq_pad_backspace"))
    tap_keys(k, a, "rq", "4")
    assert a.id_entry.error.text().strip() == ""
    k.tap(a.go_on)
    assert k.screen == Screen.RONGQUE_LETTER and k.w.header.title.text() == "承诺书"
    letter = screen(k, Screen.RONGQUE_LETTER)
    assert letter.applicant.text() == "申请人：王芳" and "320583********0024" in letter.number.text()
    assert letter.materials.text() == "· 食品安全管理制度目录 — 原件 1 份\n· 食品安全管理人员名单 — 原件 1 份"
    assert DUE in letter.due.text() and "5 个工作日" in letter.due.text() and "信用记录" in letter.consequence.text()
    assert not commitments(k)  # nothing is stored before the citizen confirms
    k.tap(letter.confirm)
    assert k.screen == Screen.SLIP
    note = k.w.slip.note.text()
    assert note == f"容缺受理：食品安全管理制度目录、食品安全管理人员名单 · 须于{DUE}前补交" and k.w.slip.note.isVisible()
    [c] = commitments(k)
    ticket = store_of(k).ticket(c.ticket_id)
    assert ticket.number == k.w.slip.number.text() and c.applicant == "320583********0024" and c.applicant_name == "王芳"
    assert c.materials == ("食品安全管理制度目录", "食品安全管理人员名单") and c.status == CommitStatus.OPEN
    pdf = k.data_dir / "slips" / f"2026-11-27-{ticket.number}.pdf"
    text = pdf_text(pdf)
    assert "容缺受理" in text and "2026年12月4日" in text and ticket.number in text  # digits read back too

    # back to the letter and 确认 again: the ticket held is offered for a reprint, nothing stored twice
    k.tap(k.w.header.back_button)
    assert k.screen == Screen.RONGQUE_APPLICANT
    k.tap(a.go_on)
    k.tap(letter.confirm)
    assert k.screen == Screen.RONGQUE_LETTER and letter.dup_box.isVisible() and ticket.number in letter.dup_text.text()
    assert not letter.confirm.isEnabled()
    k.tap(letter.dup_reprint)
    assert k.screen == Screen.SLIP and k.w.slip.reprint_note.isVisible() and "容缺受理" in k.w.slip.note.text()
    assert len(commitments(k)) == 1 and len(store_of(k).tickets_on("2026-11-27")) == 1


def type_code(k: Kiosk, a, code: str) -> None:
    tap_keys(k, a, "rq", code)


def test_a_company_types_its_credit_code_and_is_told_which_character_is_wrong(kiosk):  # noqa: F811
    k = kiosk
    to_item(k, ITEM)
    k.tap(k.w.item.offers.defer_button)
    r = screen(k, Screen.RONGQUE)
    k.tap(r.buttons["食品安全管理人员名单"])
    k.tap(r.go_on)
    a = screen(k, Screen.RONGQUE_APPLICANT)
    k.tap(a.kind_buttons[Applicant.LEGAL])
    assert a.code_entry.isVisible() and not a.id_entry.isVisible()
    entry = a.code_entry
    type_code(k, a, "9132O")  # the letter O: a credit code has none
    assert entry.error.text() == "第 5 位的“O”不会出现在信用代码里，是数字 0 吗？" and entry.field.property("class") == "invalid"
    k.tap(a.findChild(QPushButton, "rq_key_backspace"))
    type_code(k, a, "A")  # 3–8 is the area code
    assert entry.error.text() == "第 5 位应是数字（第 3–8 位是地区代码）"
    k.tap(a.findChild(QPushButton, "rq_key_clear"))
    type_code(k, a, GOOD_COMPANY[:10])
    assert entry.error.text() == "还差 8 位" and entry.error.property("class") == "muted"
    type_code(k, a, GOOD_COMPANY[10:17] + "2")  # the wrong check character
    assert "第 18 位与前 17 位对不上" in entry.error.text()
    k.tap(a.go_on)
    assert k.screen == Screen.RONGQUE_APPLICANT  # not on with a wrong code
    k.tap(a.findChild(QPushButton, "rq_key_backspace"))
    type_code(k, a, GOOD_COMPANY[17])
    assert entry.error.text().strip() == "" and entry.field.text() == GOOD_COMPANY
    k.tap(a.findChild(QPushButton, "rq_key_Q"))  # an 18-character code takes no more
    assert entry.field.text() == GOOD_COMPANY
    k.tap(a.go_on)
    letter = screen(k, Screen.RONGQUE_LETTER)
    assert letter.applicant.text() == "申请人：昆山张浦精密机械有限公司"
    assert letter.number.text() == f"统一社会信用代码：{GOOD_COMPANY}"
    k.tap(letter.confirm)
    assert k.screen == Screen.SLIP
    [c] = commitments(k)
    assert c.applicant_kind == Applicant.LEGAL and c.applicant == GOOD_COMPANY
    # the same company again today: its ticket is offered for a reprint (a company has no ID to key on)
    k.tap(k.w.slip.finish)
    to_item(k, ITEM)
    k.tap(k.w.item.offers.defer_button)
    k.tap(r.buttons["食品安全管理人员名单"])
    k.tap(r.go_on)
    k.tap(a.kind_buttons[Applicant.LEGAL])
    k.tap(entry.licence_buttons[GOOD_COMPANY])  # the demo scanner reads the licence's QR code
    assert entry.field.text() == GOOD_COMPANY and entry.licence_buttons[GOOD_COMPANY].text().startswith("✓ ")
    k.tap(a.go_on)
    k.tap(letter.confirm)
    assert letter.dup_box.isVisible() and len(commitments(k)) == 1


@pytest.mark.parametrize("lang", ["zh_CN", "en_US"])
def test_applicants_who_may_not_commit_are_told_why_before_any_letter(make_kiosk, lang):  # noqa: F811
    k = make_kiosk(language=lang)
    to_item(k, ITEM)
    k.tap(k.w.item.offers.defer_button)
    r = screen(k, Screen.RONGQUE)
    k.tap(r.buttons["食品安全管理制度目录"])
    k.tap(r.go_on)
    a = screen(k, Screen.RONGQUE_APPLICANT)
    tap_keys(k, a, "rq", BAD_PERSON)
    k.tap(a.go_on)
    assert k.screen == Screen.RONGQUE_APPLICANT and a.refusal_box.isVisible()
    said = a.refusal_text.text()
    if lang == "zh_CN":
        assert "赵丽：列入失信被执行人名单" in said and "暂时不能容缺受理" in said and "请带齐材料后取号办理" in said
    else:
        assert "Zhao Li: Listed as a dishonest judgment debtor" in said and "information desk" in said
    k.tap(a.kind_buttons[Applicant.LEGAL])  # another choice: the refusal goes
    assert not a.refusal_box.isVisible()
    k.tap(a.code_entry.licence_buttons[BAD_COMPANY])
    k.tap(a.go_on)
    said = a.refusal_text.text()
    assert ("列入严重违法失信名单" in said) if lang == "zh_CN" else ("serious violations of law and trust" in said)
    k.tap(a.findChild(QPushButton, "rq_key_clear"))
    type_code(k, a, UNLISTED)
    k.tap(a.go_on)
    said = a.refusal_text.text()
    assert ("查不到这位申请人" in said) if lang == "zh_CN" else ("not in the credit records" in said)
    assert not commitments(k)
    k.tap(a.ordinary)  # an ordinary ticket instead, for the same item
    assert k.screen == Screen.IDENTITY and k.w.visit.request == Request(item_code=ITEM)


def test_a_material_that_may_not_follow_later_is_refused_in_words(kiosk):  # noqa: F811
    k = kiosk
    to_item(k, ITEM)
    k.tap(k.w.item.offers.defer_button)
    r = screen(k, Screen.RONGQUE)
    k.tap(r.buttons["食品安全管理制度目录"])
    k.tap(r.go_on)
    k.w.visit.missing.add("营业执照")  # (only the 容缺 ones can be chosen: as if the catalogue changed meanwhile)
    a = screen(k, Screen.RONGQUE_APPLICANT)
    k.tap(a.id_entry.persona_buttons["resident"])
    k.tap(a.go_on)
    assert k.screen == Screen.RONGQUE_APPLICANT and "营业执照 不能后补，办理时必须带齐" in a.refusal_text.text()
    item = k.w.catalogue.by_code[ITEM]
    en = Language("en_US")
    assert refusal_text(CommitmentError(Refusal.NOT_DEFERRABLE, "营业执照"), en, item) == \
        "Business licence can't follow later: please bring it when you apply."
    assert not commitments(k)


def test_home_and_the_idle_timeout_forget_the_id_and_the_code(kiosk):  # noqa: F811
    k = kiosk
    to_item(k, ITEM)
    k.tap(k.w.item.offers.defer_button)
    r = screen(k, Screen.RONGQUE)
    k.tap(r.buttons["食品安全管理制度目录"])
    k.tap(r.go_on)
    a = screen(k, Screen.RONGQUE_APPLICANT)
    tap_keys(k, a, "rq", "3205831995")
    k.tap(a.kind_buttons[Applicant.LEGAL])
    type_code(k, a, "913205")
    assert k.w.visit.has_personal_data
    k.tap(k.w.header.home_button)
    assert k.screen == Screen.HOME and k.w.visit.resident_id == "" and k.w.visit.credit_code == ""
    assert not k.w.visit.missing and a.id_entry.field.text() == "" and a.code_entry.field.text() == ""
    to_item(k, ITEM)
    k.tap(k.w.item.offers.defer_button)
    assert not any(b.isChecked() for b in r.buttons.values())
    k.tap(r.buttons["食品安全管理制度目录"])
    k.tap(r.go_on)
    assert a.kind_buttons[Applicant.PERSON].isChecked() and a.id_entry.field.text() == ""
    k.tap(a.code_entry.licence_buttons[GOOD_COMPANY]) if a.code_entry.isVisible() else None
    k.tap(a.kind_buttons[Applicant.LEGAL])
    k.tap(a.code_entry.licence_buttons[GOOD_COMPANY])
    k.w.timed_out()
    assert k.screen == Screen.HOME and k.w.visit.credit_code == "" and a.code_entry.field.text() == ""
    assert not k.w.visit.has_personal_data


def test_a_commitment_the_store_cannot_save_is_said_and_nothing_is_half_kept(kiosk, monkeypatch):  # noqa: F811
    k = kiosk
    to_item(k, ITEM)
    k.tap(k.w.item.offers.defer_button)
    r = screen(k, Screen.RONGQUE)
    k.tap(r.buttons["食品安全管理制度目录"])
    k.tap(r.go_on)
    a = screen(k, Screen.RONGQUE_APPLICANT)
    k.tap(a.id_entry.persona_buttons["resident"])
    k.tap(a.go_on)
    letter = screen(k, Screen.RONGQUE_LETTER)

    def full(*_a):
        raise StoreError("the disk is full", StoreCode.DISK_FULL)

    with monkeypatch.context() as m:
        m.setattr(store_of(k), "commit_deferral", full)
        k.tap(letter.confirm)
    assert k.screen == Screen.RONGQUE_LETTER and letter.error.isVisible()
    assert letter.error.text() == "系统暂时无法出号，请到服务台由工作人员为您取号。"  # no system words
    assert not commitments(k) and not store_of(k).tickets_on("2026-11-27")
    slips = k.w.slips_dir
    k.w.slips_dir = k.data_dir / "blocked"
    k.w.slips_dir.write_text("a file where the slips folder should be")
    k.tap(letter.confirm)  # the printer fails: the ticket and its commitment are kept, once
    assert k.screen == Screen.SLIP and "小票没能打印" in k.w.slip.printed.text() and "容缺受理" in k.w.slip.note.text()
    assert len(commitments(k)) == 1
    k.w.slips_dir = slips


# --- 零材料 self-service ------------------------------------------------------------------------------------

def test_a_zero_material_item_is_done_at_the_kiosk_and_recorded_once(kiosk):  # noqa: F811
    k = kiosk
    to_item(k, ZERO)
    offers = k.w.item.offers
    assert offers.self_button.isVisible() and not offers.defer_button.isVisible()
    k.tap(offers.self_button)
    s = screen(k, Screen.SELF_SERVICE)
    assert k.screen == Screen.SELF_SERVICE and k.w.header.title.text() == "自助办理（零材料）"
    k.tap(s.go_on)
    assert k.screen == Screen.SELF_SERVICE and "请刷身份证" in s.id_entry.error.text()
    tap_keys(k, s, "ss", "110105194912310021")  # a wrong check digit
    assert "身份证号码有误" in s.id_entry.error.text()
    k.tap(s.go_on)
    assert k.screen == Screen.SELF_SERVICE
    k.tap(s.id_entry.persona_buttons["elder"])  # the card replaces what was typed
    assert s.id_entry.field.text() == "320583********0049"
    k.tap(s.go_on)
    c = screen(k, Screen.SELF_CONFIRM)
    assert k.screen == Screen.SELF_CONFIRM and "陈秀英" in c.lead.text()
    texts = " ".join(lab.text() for lab in c.findChildren(type(c.lead)))
    assert "居民身份证" in texts and "320583********0049" in texts and "昆山市公安局" in texts and "长期有效" in texts
    assert "320583195403180049" not in texts  # never the whole number
    k.tap(c.confirm)
    assert k.screen == Screen.SELF_RESULT and k.w.header.title.text() == "办理完成"
    res = screen(k, Screen.SELF_RESULT)
    [record] = store_of(k).self_services("2026-11-27")
    assert res.number.text() == record.result and record.applicant == "320583********0049"
    assert res.number_title.text() == "办理编号" and "办理结果已打印" in res.printed.text()
    pdf = k.data_dir / "slips" / f"2026-11-27-self-service-{record.id}.pdf"
    assert pdf_problem(pdf.read_bytes()) is None and record.result in pdf_text(pdf)
    # 返回 and 确认 again: the same result, not a second service
    k.tap(k.w.header.back_button)
    k.tap(screen(k, Screen.SELF_SERVICE).go_on)
    k.tap(c.confirm)
    assert k.screen == Screen.SELF_RESULT and len(store_of(k).self_services("2026-11-27")) == 1
    k.tap(res.finish)
    assert k.screen == Screen.HOME and not k.w.visit.has_personal_data and res.number.text() == ""


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "长辈版"])
def test_a_business_licence_by_self_service_prints_a_valid_credit_code(qtbot, catalogue, hall, clock, tmp_path, elder):
    """The seed's first 零材料 business licence: 个体工商户设立登记 at the kiosk — the ID card fetched,
    the application and the premises commitment filled in by the kiosk, the licence's credit code printed."""
    assert self_serviceable(catalogue.by_code["GTGS-001"])
    window, store = build_kiosk_window(qtbot_app(), Settings(data_dir=tmp_path / "data", elder=elder), catalogue,
                                       hall, clock=clock)
    qtbot.addWidget(window)
    window.show()
    k = Kiosk(qtbot, window, store, tmp_path / "data")
    try:
        to_item(k, "GTGS-001")
        k.tap(window.item.offers.self_button)
        s = screen(k, Screen.SELF_SERVICE)
        k.tap(s.id_entry.persona_buttons["resident"])
        k.tap(s.go_on)
        confirm = screen(k, Screen.SELF_CONFIRM)
        assert [lic.material for lic in confirm.licences] == ["经营者居民身份证"]  # fetched: only the e-certificate
        assert "个体工商户登记（备案）申请书、住所（经营场所）申报承诺书" in confirm.forms.text()
        k.tap(confirm.confirm)
        res = screen(k, Screen.SELF_RESULT)
        code = res.number.text()
        assert uscc_problem(code) is None and code.startswith("92320583")  # 个体工商户 in 昆山
        assert res.number_title.text() == "统一社会信用代码" and "营业执照已核发" in res.finished.text()
        [record] = store.get().self_services("2026-11-27")
        assert record.result == code
        pdf = tmp_path / "data" / "slips" / f"2026-11-27-self-service-{record.id}.pdf"
        text = pdf_text(pdf)
        printed = next(w for w in text.split() if len(w) == 18 and w.startswith("92"))
        assert printed == code and uscc_problem(printed) is None and "统一社会信用代码" in "".join(text.split())
    finally:
        store.close()


def test_the_result_is_a_till_roll_in_large_print_for_senior_mode(qapp, tmp_path, catalogue):
    from kiosk.domain.selfservice import SelfService
    from kiosk.ui.kiosk.result_pdf import write_result_pdf
    from kiosk.ui.shared.theme import load_fonts

    record = SelfService("2026-11-27", dt.datetime(2026, 11, 27, 9, 30).timestamp(), ZERO, "320583********0024",
                         GOOD_COMPANY, id=7)
    sizes = {}
    for large in (False, True):
        path = write_result_pdf(record, catalogue.by_code[ZERO], tmp_path / str(large), load_fonts(),
                                "Zhangpu Government Service Centre", Language("en_US"), large)
        doc = QPdfDocument()
        doc.load(str(path))
        sizes[large] = doc.pagePointSize(0)
        text = " ".join(pdf_text(path).split())
        assert GOOD_COMPANY in text and "Unified social credit code" in text and "320583********0024" in text
    assert round(sizes[False].width() / 72 * 25.4) == round(sizes[True].width() / 72 * 25.4) == 80  # the till roll
    assert sizes[True].height() > sizes[False].height() * 1.4  # large print: a longer receipt


def test_a_result_the_printer_cannot_write_is_said_and_kept_once(kiosk, monkeypatch):  # noqa: F811
    k = kiosk
    to_item(k, ZERO)
    k.tap(k.w.item.offers.self_button)
    s = screen(k, Screen.SELF_SERVICE)
    k.tap(s.id_entry.persona_buttons["veteran"])
    k.tap(s.go_on)
    c = screen(k, Screen.SELF_CONFIRM)

    def full(*_a):
        raise StoreError("the disk is full", StoreCode.DISK_FULL)

    with monkeypatch.context() as m:
        m.setattr(store_of(k), "add_self_service", full)
        k.tap(c.confirm)
    assert k.screen == Screen.SELF_CONFIRM and c.error.text() == "系统暂时无法办理，请到服务台由工作人员为您办理。"
    assert not store_of(k).self_services("2026-11-27")
    k.w.slips_dir = k.data_dir / "blocked"
    k.w.slips_dir.write_text("a file where the slips folder should be")
    k.tap(c.confirm)
    res = screen(k, Screen.SELF_RESULT)
    assert k.screen == Screen.SELF_RESULT and "没能打印" in res.printed.text() and "打印机暂时无法使用" in res.printed.text()
    assert res.printed.property("class") == "error" and len(store_of(k).self_services("2026-11-27")) == 1


# --- rules at the field, demo data -------------------------------------------------------------------------

def test_the_credit_code_field_names_what_is_wrong():
    zh, en = Language("zh_CN"), Language("en_US")
    assert uscc_status("", zh) == ("", False)
    assert uscc_status("9132", zh) == ("还差 14 位", False)
    assert uscc_status("91I", zh) == ("第 3 位的“I”不会出现在信用代码里，是数字 1 吗？", True)
    assert uscc_status("913205V", zh) == ("第 7 位的“V”不会出现在信用代码里", True)  # no look-alike digit
    assert uscc_status("9132A5", zh)[1] and "第 5 位应是数字" in uscc_status("9132A5", zh)[0]
    assert uscc_status(GOOD_COMPANY, zh) == ("", False)
    assert uscc_status(GOOD_COMPANY[:17] + "2", en) == (
        "This code isn't valid: the 18th character doesn't match the first 17. Please check each character.", True)
    assert uscc_status("9132O", en) == ("Character 5 is the letter O, which a credit code never uses – is it the digit 0?", True)


def test_the_fetched_certificates_are_the_same_for_the_same_number(catalogue):
    item = catalogue.by_code["QYKB-015"]  # 公章刻制备案: 营业执照 and the legal representative's ID
    today = dt.date(2026, 11, 27)
    a = fetched_licences(item, RESIDENT, ("王芳", "Wang Fang"), today)
    assert a == fetched_licences(item, RESIDENT, ("王芳", "Wang Fang"), today)
    licence, card = a
    assert licence.holder == "张浦镇王记商行" and licence.authority == "昆山市市场监督管理局" and "*" in licence.number
    assert card.number == "320583********0024" and card.valid_until is not None and card.valid_until > today
    other = fetched_licences(item, persona("veteran").resident_id, ("周卫国", "Zhou Weiguo"), today)
    assert other[0].number != licence.number


# --- the window console -------------------------------------------------------------------------------------

@pytest.fixture
def console_hall(qtbot, catalogue, hall, clock, store):
    from kiosk.domain.desk import TicketDesk
    from kiosk.ui.shared.bridge import ChangeBridge

    desk = TicketDesk(store, catalogue, hall, clock, secret=bytes(32))
    promises = make_promises(store, desk)
    bridge = ChangeBridge(store, clock)
    bridge.start()
    made = []

    def console(lang: str = "zh_CN"):
        c = build_console(catalogue, hall, 1, store, bridge, clock, Language(lang), promises)
        qtbot.addWidget(c)
        c.show()
        made.append(c)
        return c

    yield promises, bridge, console
    bridge.stop()


@pytest.mark.parametrize("lang", ["zh_CN", "en_US"])
def test_the_console_says_the_tickets_commitment(qtbot, console_hall, lang):
    promises, bridge, console = console_hall
    c, slip = promises.commit(ITEM, ["食品安全管理人员名单"], Applicant.PERSON, RESIDENT)
    w = console(lang)
    bridge.check()
    assert not w.commitment_line.isVisible()
    qtbot.mouseClick(w.actions["call_next"], Qt.MouseButton.LeftButton)
    assert w.number.text() == slip.ticket.number
    line = w.commitment_line.text.text()
    if lang == "zh_CN":
        assert line == f"容缺受理：食品安全管理人员名单 · 须于{DUE}前补交"
    else:
        assert line == "Accept now, submit later: List of food safety managers · due by Friday 4 December 2026"
    assert w.commitment_line.isVisible()
    qtbot.mouseClick(w.actions["start"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.actions["finish"], Qt.MouseButton.LeftButton)
    assert not w.commitment_line.isVisible()  # no ticket at the window: no line


def test_staff_see_overdue_commitments_first_and_mark_them_handed_in(qtbot, console_hall, clock, store):
    promises, bridge, console = console_hall
    clock.now = dt.datetime(2026, 11, 13, 10, 0)  # two weeks ago: due 20 November
    old, _ = promises.commit(ITEM, ["食品安全管理制度目录"], Applicant.LEGAL, GOOD_COMPANY)
    clock.now = dt.datetime(2026, 11, 27, 9, 30)
    new, _ = promises.commit(ITEM, ["食品安全管理人员名单"], Applicant.PERSON, RESIDENT)
    assert [c.id for c in promises.overdue_commitments()] == [old.id]
    w = console()
    button = w.commitments.header_button
    assert button.text() == "⚠ 容缺待补 2" and "其中逾期 1 件" in button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    panel = w.commitments
    assert w.left.currentWidget() is panel
    assert list(panel.fulfil_buttons) == [old.id, new.id]  # overdue first
    first = w.findChild(type(panel.title), f"console_commitment_{old.id}")
    assert "⚠ 已逾期 7 天" in first.text() and "2026-11-13 A001" in first.text() and first.property("class") == "error"
    qtbot.mouseClick(panel.fulfil_buttons[old.id], Qt.MouseButton.LeftButton)
    assert store.commitments(open_only=False)[0].status == CommitStatus.FULFILLED or \
        any(c.id == old.id and c.status == CommitStatus.FULFILLED for c in store.commitments())
    assert list(panel.fulfil_buttons) == [new.id] and button.text() == "容缺待补 1"
    # another terminal's commitment reaches the list through the bridge (records_changed)
    from kiosk.domain.desk import TicketDesk

    other = make_promises(store, TicketDesk(store, promises.catalogue, promises.hall, clock, secret=bytes(32)))
    other.commit("SPJY-011", ["食品安全管理人员名单"], Applicant.LEGAL, "92320583MA2B7K3C1R")
    qtbot.waitUntil(lambda: len(panel.fulfil_buttons) == 2, timeout=3000)
    assert button.text() == "容缺待补 2"


# --- the command line ------------------------------------------------------------------------------------

def test_kiosk_commitments_lists_the_open_and_the_overdue(tmp_path, capsys, catalogue, hall, keep_umask, monkeypatch):
    from kiosk import scripting
    from kiosk.domain.desk import TicketDesk
    from kiosk.store.db import SqlStore

    data = tmp_path / "data"
    assert main(["commitments", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == "No open commitments."
    store = SqlStore.open(data)
    now = [dt.datetime(2026, 11, 13, 10, 0)]
    promises = make_promises(store, TicketDesk(store, catalogue, hall, lambda: now[0], secret=bytes(32)))
    promises.commit(ITEM, ["食品安全管理制度目录"], Applicant.LEGAL, GOOD_COMPANY)
    now[0] = dt.datetime(2026, 11, 27, 9, 30)
    promises.commit(ITEM, ["食品安全管理人员名单"], Applicant.PERSON, RESIDENT)
    promises.self_serve(ZERO, RESIDENT)
    store.close()
    monkeypatch.setattr(scripting, "clock", lambda: now[0])
    assert main(["commitments", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2 open commitment(s) on 2026-11-27, 1 overdue:"
    assert "2026-11-13 A001  due 2026-11-20  OVERDUE 7 day(s)" in out[1] and GOOD_COMPANY in out[1]
    assert "due 2026-12-04  open  王芳 (320583********0024)" in out[2] and "missing: 食品安全管理人员名单" in out[2]
    csv_file = tmp_path / "overdue.csv"
    assert main(["commitments", "--overdue", "--csv", str(csv_file), "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 overdue commitment(s) on 2026-11-27:") and "Wrote 1 rows" in out
    lines = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("ticket,day,item_code") and lines[1].startswith("A001,2026-11-13,SPJY-001")
    assert main(["commitments", "--csv", str(tmp_path / "no" / "dir" / "x.csv"), "--data-dir", str(data)]) == 1
    assert "Cannot write" in capsys.readouterr().err
    assert main(["stats", "--day", "2026-11-27", "--data-dir", str(data)]) == 0
    assert "Self-service 零材料自助办理 (done at the kiosk, no ticket): 1" in capsys.readouterr().out
