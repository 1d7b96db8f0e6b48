"""The kiosk driven the way a citizen drives it: taps on the real widgets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QPushButton

from kiosk.app import Settings, build_kiosk_window, install_excepthook
from kiosk.domain.desk import Request
from kiosk.domain.ports import StoreCode, StoreError
from kiosk.ui.shared.models import ResultModel
from kiosk.ui.shared.navigator import Screen
from kiosk.ui.shared.theme import ELDER, SIZES


class Kiosk:
    def __init__(self, qtbot, window, store, data_dir):
        self.qtbot, self.w, self.store, self.data_dir = qtbot, window, store, data_dir

    def tap(self, widget):
        assert widget.isVisible(), f"{widget.objectName()} is not visible"
        assert widget.isEnabled(), f"{widget.objectName()} is disabled"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type(self, text):
        for ch in text:
            self.tap(self.w.catalogue_screen.keyboard.keys[ch.upper()])

    def keypad(self, text):
        for ch in text:
            self.tap(self.w.identity.findChild(QPushButton, f"pad_{ch}"))

    def tap_row(self, row):
        view = self.w.catalogue_screen.view
        index = view.model().index(row, 0)
        view.scrollTo(index)
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())

    @property
    def screen(self):
        return self.w.nav.current


@pytest.fixture
def make_kiosk(qtbot, catalogue, hall, clock, tmp_path):
    made = []

    def make(data_dir: Path = tmp_path / "data", **kw):
        window, store = build_kiosk_window(qtbot_app(), Settings(data_dir=data_dir, **kw), catalogue, hall, clock=clock)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, store))
        return Kiosk(qtbot, window, store, data_dir)

    yield make
    for _window, store in made:
        store.close()


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@pytest.fixture
def kiosk(make_kiosk):
    return make_kiosk()


def test_home_shows_the_hall_and_only_real_tiles(kiosk):
    w = kiosk.w
    assert kiosk.screen == Screen.HOME
    texts = " ".join(lab.text() for lab in w.home.findChildren(type(w.home.welcome)))
    for must in ("工作日午间", "周六", "零材料", "零等待", "零差别", "零障碍", "零距离", "张浦镇政务服务中心"):
        assert must in texts
    assert "381" in w.home.browse_tile.text()
    tiles = [b.objectName() for b in w.home.findChildren(QPushButton) if b.isVisible()]
    assert tiles == ["tile_take_ticket", "tile_browse", "tile_rate", "tile_checkin", "tile_officer", "tile_report",
                     "tile_opinion"]
    assert not w.header.back_button.isVisible() and w.header.elder.isVisible() and w.header.lang.isVisible()


def test_search_yyzz_take_a_ticket_with_a_persona_and_restart(kiosk, make_kiosk):
    w = kiosk.w
    kiosk.tap(w.home.browse_tile)
    assert kiosk.screen == Screen.CATALOGUE and w.header.back_button.isVisible()
    kiosk.type("yyzz")
    assert w.catalogue_screen.field.text() == "yyzz"
    rows = w.catalogue_screen.model.rows()
    assert rows and all("营业执照" in (r.title + r.via) for r in rows)
    assert any(r.title_spans or r.via_spans for r in rows)
    row = next(i for i, r in enumerate(rows) if kiosk.w.catalogue.by_code[r.key].materials)
    chosen = rows[row].key
    kiosk.tap_row(row)
    assert kiosk.screen == Screen.ITEM
    item = kiosk.w.catalogue.by_code[chosen]
    assert w.item.title.text() == item.name
    assert len(w.item.check_buttons) == len(item.materials)
    kiosk.tap(w.item.check_buttons[0])
    assert w.item.check_buttons[0].isChecked() and item.materials[0].name in w.visit.ticked
    assert "已备齐" in w.item.progress.text() or "无需" in w.item.progress.text()
    assert w.item.qr.text and item.materials[0].name in w.item.qr.text
    kiosk.tap(w.item.ticket_button)
    assert kiosk.screen == Screen.IDENTITY
    kiosk.tap(w.identity.persona_buttons["elder"])
    assert w.identity.green.isVisible() and w.identity.green.isChecked()
    assert "********" in w.identity.id_field.text()  # a card read is never shown in full
    kiosk.tap(w.identity.confirm)
    assert kiosk.screen == Screen.SLIP
    assert w.slip.number.text() == "A001"
    assert w.slip.green.isVisible()
    assert "前面还有 0 人" in w.slip.ahead.text()
    pdf = kiosk.data_dir / "slips" / "2026-11-27-A001.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert "小票已打印" in w.slip.printed.text()
    (ticket,) = kiosk.store.tickets_on("2026-11-27")
    assert (ticket.number, ticket.item_code, ticket.green, ticket.green_reason) == ("A001", chosen, True, "elder")
    kiosk.tap(w.slip.finish)
    assert kiosk.screen == Screen.HOME and not w.visit.has_personal_data

    # restart: a new kiosk on the same data directory keeps the ticket and continues the numbers
    w.close()
    again = make_kiosk(kiosk.data_dir)
    assert [t.number for t in again.store.tickets_on("2026-11-27")] == ["A001"]
    again.tap(again.w.home.ticket_tile)
    again.tap(again.w.menu.desk_buttons["consult"])
    again.tap(again.w.identity.confirm)
    assert again.w.slip.number.text() == "Z001"
    again.tap(again.w.slip.finish)
    again.tap(again.w.home.browse_tile)
    again.type("yyzz")
    again.tap_row(row)
    again.tap(again.w.item.ticket_button)
    again.tap(again.w.identity.confirm)
    assert again.w.slip.number.text() == "A002"


def test_second_request_offers_a_reprint(kiosk):
    w = kiosk.w
    for attempt in range(2):
        kiosk.tap(w.home.ticket_tile)
        kiosk.tap(w.menu.bundle_buttons[0][0])
        assert kiosk.screen == Screen.ITEM and "包含事项" in " ".join(
            lab.text() for lab in w.item.findChildren(type(w.item.title)))
        kiosk.tap(w.item.ticket_button)
        kiosk.tap(w.identity.persona_buttons["resident"])
        kiosk.tap(w.identity.confirm)
        if attempt == 0:
            first = w.slip.number.text()
            kiosk.tap(w.slip.finish)
    assert kiosk.screen == Screen.IDENTITY and w.identity.dup_box.isVisible()
    assert first in w.identity.dup_text.text() and not w.identity.confirm.isEnabled()
    kiosk.tap(w.identity.dup_reprint)
    assert kiosk.screen == Screen.SLIP and w.slip.number.text() == first and w.slip.reprint_note.isVisible()
    assert len(kiosk.store.tickets_on("2026-11-27")) == 1


def test_invalid_id_and_phone_are_told_at_the_field(kiosk):
    w = kiosk.w
    kiosk.tap(w.home.ticket_tile)
    kiosk.tap(w.menu.desk_buttons["consult"])
    ident = w.identity
    keypad_at = ident.keypad.mapTo(ident, ident.keypad.rect().topLeft())
    kiosk.keypad("11010519491231002")
    assert ident.id_error.text() == "还差 1 位" and not ident.confirm.isEnabled()
    assert ident.keypad.mapTo(ident, ident.keypad.rect().topLeft()) == keypad_at  # nothing moved under the finger
    kiosk.keypad("1")
    assert "有误" in ident.id_error.text() and ident.id_error.isVisible()
    assert ident.id_field.property("class") == "invalid" and not ident.confirm.isEnabled()
    kiosk.tap(ident.keypad.back)
    kiosk.keypad("X")
    assert not ident.id_error.text().strip() and ident.confirm.isEnabled()
    assert ident.keypad.mapTo(ident, ident.keypad.rect().topLeft()) == keypad_at
    assert ident.green.isVisible()  # born 1949: over 70
    kiosk.tap(ident.phone_pick)
    kiosk.keypad("12912345678")
    assert "13–19" in ident.phone_error.text() and not ident.confirm.isEnabled()
    kiosk.tap(ident.keypad.clear)
    kiosk.keypad("13912345678")
    assert ident.confirm.isEnabled()
    kiosk.tap(ident.confirm)
    assert w.slip.number.text() == "Z001"
    assert "139****5678" in w.slip.green.text() and "13912345678" not in w.slip.green.text()


def test_empty_search_is_no_dead_end(kiosk):
    w = kiosk.w
    kiosk.tap(w.home.browse_tile)
    kiosk.type("qqqxz")
    assert w.catalogue_screen.model.rowCount() == 0
    assert w.catalogue_screen.empty_assist.isVisible() and w.catalogue_screen.empty_cannot.isVisible()
    kiosk.tap(w.catalogue_screen.empty_cannot)
    assert kiosk.screen == Screen.REPORT  # 办不成事反映: what was searched for is what was tried
    assert w.report.tried.value == "qqqxz"
    kiosk.tap(w.report.plain)  # no typing: a ticket for the 专窗 straight away
    assert kiosk.screen == Screen.IDENTITY
    kiosk.tap(w.identity.confirm)
    assert w.slip.number.text() == "D001"
    kiosk.tap(w.header.home_button)
    kiosk.tap(w.home.browse_tile)
    assert w.catalogue_screen.field.text() == ""  # 首页 cleared the search
    kiosk.type("qqqxz")
    kiosk.tap(w.catalogue_screen.empty_assist)
    kiosk.tap(w.identity.confirm)
    assert w.slip.number.text() == "E001"


def test_a_near_miss_offers_the_closest_items_first_and_enquiries_before_the_other_tickets(kiosk):
    w = kiosk.w
    cs = w.catalogue_screen
    kiosk.tap(w.home.browse_tile)
    kiosk.tap(cs.mode_buttons["theme"])
    cs.set_query("户藉")  # a wrong character: 户籍 was meant
    assert cs.model.rowCount() == 0 and cs.closest_title.isVisible()
    assert not any(b.isChecked() for b in cs.mode_buttons.values())  # the search is global: no chip lit
    offered = [b.text() for b in cs.closest_buttons]
    assert offered and "户籍" in offered[0], offered
    layout = cs.empty.layout()
    order = [layout.indexOf(b) for b in (cs.empty_consult, cs.empty_assist, cs.empty_cannot)]
    assert order == sorted(order) and layout.indexOf(cs.closest_title) < order[0]
    kiosk.tap(cs.closest_buttons[0])
    assert kiosk.screen == Screen.ITEM and "户籍" in w.item.title.text()
    kiosk.tap(w.header.back_button)
    kiosk.tap(cs.empty_consult)
    assert kiosk.screen == Screen.IDENTITY and w.visit.request.category == "consult"


def test_an_e_certificate_is_not_ticked_nor_counted_and_a_long_english_name_wraps(kiosk, catalogue):
    w = kiosk.w
    item = next(i for i in catalogue.items
                if any(m.e_license for m in i.materials) and any(not m.e_license for m in i.materials))
    w.choose(Request(item_code=item.code), Screen.ITEM)
    buttons = w.item.check_buttons
    for b, m in zip(buttons, item.materials):
        kiosk.tap(b)
        assert b.isCheckable() is not m.e_license
        assert ("免带" in b.text()) is m.e_license and b.text().startswith("✓")  # tapped, or fetched
    needed = [m for m in item.materials if not m.e_license]
    assert w.item.progress.text() == f"已备齐 {len(needed)}/{len(needed)}"
    # English: a name too long for one line wraps in the result list, its row taller than a one-line one
    kiosk.tap(w.header.lang)
    kiosk.tap(w.header.home_button)
    kiosk.tap(w.home.browse_tile)
    view = w.catalogue_screen.view
    rows = w.catalogue_screen.model.rows()
    longest = max(range(len(rows)), key=lambda r: len(rows[r].title))
    shortest = min(range(len(rows)), key=lambda r: len(rows[r].title))
    height = lambda r: view.sizeHintForIndex(view.model().index(r, 0)).height()
    assert rows[longest].title.isascii() and height(longest) > height(shortest)


def test_browse_by_theme_department_and_audience(kiosk, catalogue):
    w = kiosk.w
    kiosk.tap(w.home.browse_tile)
    cs = w.catalogue_screen
    assert cs.model.rowCount() == len(catalogue.items) + len(catalogue.bundles)
    kiosk.tap(cs.mode_buttons["theme"])
    kiosk.tap(cs.chips.buttons["BDCD"])
    keys = [r.key for r in cs.model.rows()]
    assert keys and all(catalogue.by_code[k].theme == "BDCD" for k in keys)
    kiosk.tap(cs.mode_buttons["department"])
    kiosk.tap(cs.chips.buttons["PCS"])
    assert all(catalogue.by_code[r.key].department == "PCS" for r in cs.model.rows())
    kiosk.tap(cs.mode_buttons["audience"])
    kiosk.tap(cs.chips.buttons["法人"])
    assert all("法人" in catalogue.by_code[r.key].audience for r in cs.model.rows())
    kiosk.tap(w.header.back_button)
    assert kiosk.screen == Screen.HOME


def test_idle_warns_then_clears_personal_data(kiosk):
    w = kiosk.w
    now = [1000.0]
    w.idle.clock = lambda: now[0]
    w.idle.touch()
    kiosk.tap(w.home.ticket_tile)
    kiosk.tap(w.menu.desk_buttons["consult"])
    kiosk.tap(w.identity.persona_buttons["veteran"])
    assert w.visit.has_personal_data
    now[0] += 59
    w.idle.tick()
    assert not w.overlay.isVisible()
    now[0] += 2
    w.idle.tick()
    assert w.overlay.isVisible() and w.idle.warn_seconds >= 20
    assert "29 秒" in w.overlay.text.text()
    kiosk.tap(w.overlay.keep)  # 继续使用 extends the time
    assert not w.overlay.isVisible() and kiosk.screen == Screen.IDENTITY
    now[0] += 61
    w.idle.tick()
    assert w.overlay.isVisible()
    now[0] += 30
    w.idle.tick()
    assert kiosk.screen == Screen.HOME and not w.overlay.isVisible()
    assert not w.visit.has_personal_data and w.identity.id_field.text() == ""


def fact_values(screen) -> list[str]:
    """The texts the guidance screen shows (a fact's title, then its value …)."""
    QApplication.processEvents()  # labels a retranslation made show once events run
    return [lab.text() for lab in screen.findChildren(QLabel) if lab.isVisible()]


def test_a_county_item_is_shown_as_accepted_here_for_the_authority_that_decides(kiosk, catalogue):
    """CATALOGUE.md: a town hall shows county-level items as 受理/代办, not as its own decisions."""
    w = kiosk.w
    county = catalogue.by_code["MZFW-010"]  # 社会团体成立登记: 昆山市民政局 decides, the town accepts
    town = catalogue.by_code["QYKB-001"]  # 张浦镇行政审批局 accepts and decides
    assert county.on_behalf and not town.on_behalf
    w.choose(Request(item_code=county.code), Screen.ITEM)
    assert w.item.subtitle.text().splitlines() == [
        "MZFW-010 · 行政许可", "受理：张浦镇社会事业局（民政） · 审批：昆山市民政局（本中心代为受理）"]
    kiosk.tap(w.header.lang)
    assert w.item.subtitle.text().splitlines()[1] == ("Accepted by: Zhangpu Social Affairs Bureau (Civil Affairs) · "
                                                      "Approved by: Kunshan Civil Affairs Bureau (accepted here on its behalf)")
    kiosk.tap(w.header.lang)
    w.choose(Request(item_code="MZFW-016"), Screen.ITEM)  # not a licence: 办理, not 审批
    assert "办理：昆山市民政局（本中心代为受理）" in w.item.subtitle.text()
    w.choose(Request(item_code=town.code), Screen.ITEM)
    assert w.item.subtitle.text() == "QYKB-001 · 张浦镇行政审批局 · 行政许可"  # the town's own decision


def test_a_fee_that_varies_is_shown_as_its_rule(kiosk, catalogue):
    w = kiosk.w
    resale = catalogue.by_code["BDCD-003"]
    assert resale.fee_varies
    w.choose(Request(item_code=resale.code), Screen.ITEM)
    texts = fact_values(w.item)
    fee = texts[texts.index("收费") + 1]
    assert fee == resale.fee_note and "80元" in fee and "550元" in fee and "免收" in fee  # the rule, not "80 元（…）"
    kiosk.tap(w.header.lang)
    texts = fact_values(w.item)
    assert texts[texts.index("Fee") + 1] == resale.fee_note_en
    kiosk.tap(w.header.lang)
    w.choose(Request(item_code="HJBL-007"), Screen.ITEM)  # one fee, with what it is for
    texts = fact_values(w.item)
    assert texts[texts.index("收费") + 1] == "20 元（工本费，低保对象等按规定减免）"


def test_language_switch_retranslates_without_restart(kiosk):
    w = kiosk.w
    kiosk.tap(w.header.lang)
    assert w.language.english
    assert "ticket" in w.home.ticket_tile.text().lower() and w.home.ticket_tile.text().isascii()
    assert "Zhangpu" in w.home.welcome.text()
    kiosk.tap(w.home.browse_tile)
    kiosk.type("passport")
    row = w.catalogue_screen.model.rows()[0]
    assert row.title.isascii() and row.title_spans
    kiosk.tap(w.header.lang)
    assert not w.language.english and not w.catalogue_screen.model.rows()[0].title.isascii()
    assert w.header.title.text() == "事项查询" and w.home.ticket_tile.text().startswith("取号办事")


def test_started_in_elder_mode_the_toggle_is_on(make_kiosk):
    kiosk = make_kiosk(elder=True)
    assert kiosk.w.theme.mode == ELDER and kiosk.w.header.elder.isChecked()
    kiosk.tap(kiosk.w.header.elder)
    assert kiosk.w.theme.mode == "normal"


def test_elder_mode_enlarges_targets_and_text(kiosk, qtbot):
    w = kiosk.w
    kiosk.tap(w.header.elder)
    assert w.theme.mode == ELDER
    qtbot.wait(10)
    assert w.home.ticket_tile.height() >= SIZES[ELDER]["tile_h"]
    kiosk.tap(w.home.browse_tile)
    key = w.catalogue_screen.keyboard.keys["A"]
    assert key.height() >= 80 and key.width() >= 80
    kiosk.tap(w.header.elder)
    assert w.theme.mode == "normal"


def all_screens(kiosk):
    """Visit every screen and yield it once painted."""
    w = kiosk.w
    yield Screen.HOME
    kiosk.tap(w.home.ticket_tile)
    yield Screen.TICKET_MENU
    kiosk.tap(w.menu.by_item)
    yield Screen.CATALOGUE
    kiosk.type("sb")
    kiosk.tap_row(0)
    yield Screen.ITEM
    kiosk.tap(w.item.ticket_button)
    yield Screen.IDENTITY
    kiosk.tap(w.identity.confirm)
    yield Screen.SLIP


@pytest.mark.parametrize("elder", [False, True])
def test_touch_targets_and_names_on_every_screen(make_kiosk, elder):
    kiosk = make_kiosk(elder=elder)
    minimum = 80 if elder else 60
    for screen in all_screens(kiosk):
        assert kiosk.screen == screen
        for widget in kiosk.w.findChildren(QPushButton) + kiosk.w.findChildren(QLineEdit) + \
                kiosk.w.findChildren(QListView):
            if not widget.isVisible() or kiosk.w.overlay.isAncestorOf(widget):
                continue
            assert widget.objectName() and widget.accessibleName(), widget
            if isinstance(widget, QPushButton):
                assert widget.height() >= minimum and widget.width() >= minimum, (screen, widget.objectName())


def test_result_model_passes_the_model_tester(qtmodeltester, kiosk):
    kiosk.tap(kiosk.w.home.browse_tile)
    kiosk.type("sb")
    model: ResultModel = kiosk.w.catalogue_screen.model
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_store_failure_is_said_and_nothing_is_lost(kiosk, monkeypatch):
    w = kiosk.w
    kiosk.tap(w.home.ticket_tile)
    kiosk.tap(w.menu.desk_buttons["consult"])
    kiosk.tap(w.identity.persona_buttons["disabled"])

    def full(_new):
        raise StoreError("the disk is full: the kiosk cannot save tickets", StoreCode.DISK_FULL)

    monkeypatch.setattr(w.desk.store.get(), "issue", full)
    kiosk.tap(w.identity.confirm)
    assert kiosk.screen == Screen.IDENTITY
    assert w.identity.error.isVisible() and "系统暂时无法出号" in w.identity.error.text()
    assert "disk" not in w.identity.error.text() and "磁盘" not in w.identity.error.text()  # the cause is logged
    assert w.visit.persona_id == "disabled"  # what the citizen entered is kept


def test_unprintable_slip_still_gives_the_number(make_kiosk, tmp_path):
    kiosk = make_kiosk()
    kiosk.w.slips_dir = tmp_path / "blocked"
    kiosk.w.slips_dir.write_text("a file where the slips folder should be")
    kiosk.tap(kiosk.w.home.ticket_tile)
    kiosk.tap(kiosk.w.menu.desk_buttons["consult"])
    kiosk.tap(kiosk.w.identity.confirm)
    assert kiosk.w.slip.number.text() == "Z001"
    assert "没能打印" in kiosk.w.slip.printed.text()


def test_unexpected_error_returns_home(kiosk, monkeypatch):
    w = kiosk.w
    kiosk.tap(w.home.browse_tile)
    kiosk.type("ab")
    saved = sys.excepthook
    try:
        install_excepthook(w)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = saved
    assert kiosk.screen == Screen.HOME and w.catalogue_screen.query == ""


@pytest.mark.parametrize("settings", [dict(), dict(elder=True), dict(language="en_US")], ids=["normal", "elder", "en"])
def test_every_screen_fits_the_reference_width(make_kiosk, settings):
    kiosk = make_kiosk(**settings)
    for screen in all_screens(kiosk):
        assert kiosk.w.width() == 1080, screen
        assert kiosk.w.minimumSizeHint().width() <= 1080, screen


def test_store_opens_after_home_is_painted(kiosk, qtbot):
    qtbot.waitUntil(lambda: kiosk.w.desk.store.opened)
    assert kiosk.w.catalogue_screen.index() is kiosk.w.catalogue_screen.index()  # built once


def test_unwritable_data_dir_is_refused_before_any_window(tmp_path, capsys):
    from kiosk.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker / "data")]) == 1
    err = capsys.readouterr().err
    assert "cannot start" in err and "not writable" in err and "Traceback" not in err


def test_an_untouched_home_is_not_warned_it_quietly_returns_to_the_hall_defaults(make_kiosk):
    kiosk = make_kiosk(language="en_US", elder=True)
    w = kiosk.w
    assert w.language.english and w.theme.mode == "elder"
    now = [1000.0]
    w.idle.clock = lambda: now[0]
    w.idle.touch()
    now[0] += w.idle.idle_seconds + 1
    w.idle.tick()
    assert not w.overlay.isVisible()  # nobody at the kiosk: no "are you still there?"
    assert not w.language.english and w.theme.mode == "normal" and not w.header.elder.isChecked()
    assert w.idle.clock() - w.idle.last_touch == 0  # a new idle period
    now[0] += 5
    w.idle.tick()
    assert not w.overlay.isVisible()


def test_after_a_finished_visit_the_next_visitor_gets_the_hall_defaults(kiosk):
    w = kiosk.w
    kiosk.tap(w.header.lang)
    kiosk.tap(w.header.elder)
    kiosk.tap(w.home.ticket_tile)
    kiosk.tap(w.header.home_button)  # 首页 in the middle of a visit: the citizen keeps their choices
    assert w.language.english and w.theme.mode == "elder"
    kiosk.tap(w.home.ticket_tile)
    kiosk.tap(w.menu.desk_buttons["consult"])
    kiosk.tap(w.identity.confirm)
    assert kiosk.screen == Screen.SLIP
    kiosk.tap(w.slip.finish)  # 完成: the visit is over
    assert kiosk.screen == Screen.HOME
    assert not w.language.english and w.theme.mode == "normal" and not w.header.elder.isChecked()
