"""The facilitator's faults, each switched on in the middle of a task on the real kiosk (driven by
taps): the kiosk survives, says what the real error path says, and works again once it is off.
And the daily quota as a rule of the domain, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.app import Settings, build_kiosk_window
from kiosk.domain.desk import QuotaUsedUp, Request
from kiosk.domain.hall import load_hall
from kiosk.domain.lifecycle import Code, PauseReason
from kiosk.domain.yamlfile import ValidationError
from kiosk.store.slow import SlowStore
from kiosk.ui.shared.navigator import Screen
from kiosk.ui.study.faults import FaultError, FaultSwitch
from kiosk.usability.events import Fault, Kind, RecordWriter, read_record
from kiosk.usability.session import Session
from kiosk.usability.study import load_study, plan_for

STUDY = Path(__file__).parent / "data" / "study-two-tasks.yaml"


class Kiosk:
    def __init__(self, qtbot, window, store, clock, hall, folder: Path):
        self.qtbot, self.w, self.store = qtbot, window, store
        study = load_study(STUDY)
        self.record = folder / "events.jsonl"
        self.writer = RecordWriter(self.record, {"study": study.id, "participant": "P01"})
        self.session = Session(study, plan_for(study, "P01"), self.writer)
        self.faults = FaultSwitch(window, store, hall, clock, self.session)

    def tap(self, widget):
        assert widget.isVisible() and widget.isEnabled(), widget.objectName()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def consult_identity(self):
        self.tap(self.w.home.ticket_tile)
        self.tap(self.w.menu.desk_buttons["consult"])
        assert self.w.nav.current == Screen.IDENTITY

    def finish(self):
        self.tap(self.w.slip.finish)
        assert self.w.nav.current == Screen.HOME

    def events(self):
        self.writer.close()
        return read_record(self.record).events


@pytest.fixture
def kiosk(qtbot, catalogue, hall, clock, tmp_path):
    window, store = build_kiosk_window(QApplication.instance(), Settings(data_dir=tmp_path / "data",
                                                                         voice_engine="mock"),
                                       catalogue, hall, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    k = Kiosk(qtbot, window, store, clock, hall, tmp_path / "P01")
    yield k
    k.faults.clear()
    k.writer.close()
    store.close()


def test_printer_out_of_paper_the_ticket_stands_and_the_slip_says_it(kiosk):
    w = kiosk.w
    happened = []
    w.happened.connect(lambda what, info: happened.append((what, info)))
    kiosk.consult_identity()
    kiosk.faults.set(Fault.PRINTER, True)
    kiosk.tap(w.identity.confirm)
    assert w.nav.current == Screen.SLIP and w.slip.number.text() == "Z001"
    assert "打印机暂时无法使用" in w.slip.printed.text() and w.slip.printed.isVisible()
    ink = w.slip.printed.palette().color(w.slip.printed.foregroundRole()).name()
    assert ink == "#8f1a14", f"said as an error (the theme's error red), not in grey: {ink}"
    assert not list((kiosk.w.slips_dir).glob("*.pdf"))
    assert ("slip_printed", {"printed": False, "reprint": False}) in happened
    assert [t.number for t in kiosk.store.tickets_on("2026-11-27")] == ["Z001"]
    kiosk.finish()
    kiosk.faults.set(Fault.PRINTER, False)
    kiosk.consult_identity()
    kiosk.tap(w.identity.confirm)
    assert "小票已打印" in w.slip.printed.text()
    kinds = [(e.kind, e.info.get("fault")) for e in kiosk.events() if e.kind in (Kind.FAULT_ON, Kind.FAULT_OFF)]
    assert kinds == [(Kind.FAULT_ON, "printer"), (Kind.FAULT_OFF, "printer")]


def test_card_reader_fails_on_every_identity_screen_and_reads_again_when_mended(kiosk):
    w = kiosk.w
    kiosk.consult_identity()
    kiosk.faults.set(Fault.CARD_READER, True)
    kiosk.tap(w.identity.persona_buttons["elder"])
    assert w.visit.resident_id == "" and not w.identity.persona_buttons["elder"].isChecked()
    assert "读卡失败" in w.identity.id_error.text() and "数字键" in w.identity.id_error.text()
    assert w.identity.id_error.property("class") == "error"
    assert w.identity.confirm.isEnabled()  # a ticket without an ID may still be taken
    kiosk.tap(w.identity.keypad.findChild(type(w.identity.confirm), "pad_1"))  # typing instead
    assert "读卡失败" not in w.identity.id_error.text()
    kiosk.tap(w.header.home_button)

    # 预约签到 by ID, and 零材料's applicant (the shared ID entry)
    kiosk.tap(w.home.checkin_tile)
    from kiosk.ui.kiosk.screens.checkin import BY_ID

    kiosk.tap(w.checkin.mode_buttons[BY_ID])
    kiosk.tap(w.checkin.persona_buttons["elder"])
    assert "读卡失败" in w.checkin.id_error.text() and w.checkin.resident_id == ""
    kiosk.tap(w.header.home_button)
    item = next(i for i in w.catalogue.items if i.self_service)
    w.choose(Request(item_code=item.code), Screen.ITEM)
    w.nav.go(Screen.SELF_SERVICE)
    entry = w.nav.widget(Screen.SELF_SERVICE).id_entry
    kiosk.tap(entry.persona_buttons["elder"])
    assert "读卡失败" in entry.error.text() and w.visit.resident_id == ""

    kiosk.faults.set(Fault.CARD_READER, False)
    kiosk.tap(entry.persona_buttons["elder"])
    assert w.visit.persona_id == "elder" and "读卡失败" not in entry.error.text()


def test_quota_used_up_is_said_when_the_ticket_is_asked_for_and_lifted_when_off(kiosk):
    w = kiosk.w
    item = next(i for i in w.catalogue.items if i.materials and not i.self_service)
    w.choose(Request(item_code=item.code), Screen.ITEM)
    kiosk.tap(w.item.ticket_button)
    assert w.nav.current == Screen.IDENTITY
    kiosk.faults.set(Fault.QUOTA, True, item=item.code)
    kiosk.tap(w.identity.confirm)
    assert w.nav.current == Screen.IDENTITY and w.identity.error.isVisible()
    assert "号已经取完" in w.identity.error.text() and "预约" in w.identity.error.text()
    assert "明天" in w.identity.error.text()
    assert kiosk.store.tickets_on("2026-11-27") == []
    kiosk.faults.set(Fault.QUOTA, False)
    assert item.code not in w.desk.quotas
    kiosk.tap(w.identity.confirm)
    assert w.nav.current == Screen.SLIP
    (on,) = [e for e in kiosk.events() if e.kind is Kind.FAULT_ON]
    assert on.info == {"fault": "quota", "item": item.code}


def test_paused_category_the_slip_says_calling_is_paused_and_the_windows_reopen(kiosk, hall):
    w = kiosk.w
    kiosk.consult_identity()
    kiosk.faults.set(Fault.PAUSED, True, category="consult")
    serving = {win.number for win in hall.windows_for("consult")}
    assert kiosk.store.paused_windows() == {n: PauseReason.FAULT for n in serving}
    kiosk.tap(w.identity.confirm)
    assert w.nav.current == Screen.SLIP
    assert any("窗口暂停服务" in lab.text() for lab in w.slip.findChildren(QLabel) if lab.isVisible())
    kiosk.finish()
    kiosk.faults.set(Fault.PAUSED, False)
    assert kiosk.store.paused_windows() == {}
    kiosk.consult_identity()
    kiosk.tap(w.identity.confirm)
    assert not any("暂停服务" in lab.text() for lab in w.slip.findChildren(QLabel) if lab.isVisible())


def test_a_window_the_staff_paused_before_stays_paused(kiosk, hall, clock):
    from kiosk.domain.counter import Counter

    one = hall.windows_for("consult")[0].number
    Counter(kiosk.store, hall, one, clock).pause(PauseReason.LUNCH)
    kiosk.faults.set(Fault.PAUSED, True, category="consult")
    kiosk.faults.set(Fault.PAUSED, False)
    assert kiosk.store.paused_windows() == {one: PauseReason.LUNCH}


def test_slow_store_paints_please_wait_before_the_write_and_recovers(kiosk):
    w = kiosk.w
    kiosk.consult_identity()
    kiosk.faults.set(Fault.SLOW_STORE, True, seconds=0.05)
    slow = w.desk.store.get()
    assert isinstance(slow, SlowStore)
    seen = []
    real_sleep = slow.sleep
    slow.sleep = lambda s: (seen.append((w.wait_note.isVisible(), w.wait_note.painted, w.wait_note.title.text())),
                            real_sleep(s))
    kiosk.tap(w.identity.confirm)
    assert seen and seen[0][0] and seen[0][1] >= 1 and seen[0][2] == "请稍候"
    assert w.nav.current == Screen.SLIP and not w.wait_note.isVisible()
    kiosk.finish()
    kiosk.faults.set(Fault.SLOW_STORE, False)
    assert not isinstance(w.desk.store.get(), SlowStore)
    with pytest.raises(FaultError):
        kiosk.faults.set(Fault.SLOW_STORE, True)  # how slow?


def test_voice_engine_gone_is_said_once_on_screen_and_the_toggle_still_works(kiosk):
    w = kiosk.w
    spoken = []
    w.speaker.spoken.connect(lambda text, lang: spoken.append(text))
    kiosk.tap(w.header.voice)
    assert w.speaker.enabled and spoken
    kiosk.faults.set(Fault.VOICE, True)
    spoken.clear()
    kiosk.tap(w.home.ticket_tile)
    assert spoken == [] and w.voice_note.isVisible()
    assert "语音播报暂时无法使用" in w.voice_note.text()
    kiosk.tap(w.menu.desk_buttons["consult"])
    assert w.voice_note.isVisible()  # it stays while the voice is on and gone
    kiosk.tap(w.header.voice)
    assert not w.speaker.enabled and not w.voice_note.isVisible()
    kiosk.tap(w.header.voice)
    assert w.speaker.enabled and not w.voice_note.isVisible() and spoken == []  # said once a visit
    kiosk.faults.set(Fault.VOICE, False)
    kiosk.tap(w.header.back_button)
    assert spoken and not w.voice_note.isVisible()  # speaking again


def test_every_fault_at_once_then_none(kiosk, catalogue):
    item = catalogue.items[0].code
    for fault, param in ((Fault.PRINTER, {}), (Fault.CARD_READER, {}), (Fault.QUOTA, {"item": item}),
                         (Fault.PAUSED, {"category": "consult"}), (Fault.SLOW_STORE, {"seconds": 0}),
                         (Fault.VOICE, {})):
        kiosk.faults.set(fault, True, **param)
    kiosk.consult_identity()
    kiosk.tap(kiosk.w.identity.confirm)
    assert kiosk.w.nav.current == Screen.SLIP
    kiosk.faults.clear()
    assert kiosk.faults.on == {} and kiosk.store.paused_windows() == {}
    offs = [e.info["fault"] for e in kiosk.events() if e.kind is Kind.FAULT_OFF]
    assert sorted(offs) == sorted(f.value for f in Fault)


# --- the quota as a domain rule ------------------------------------------------------------------

def test_daily_quota_is_a_rule_of_the_desk(store, catalogue, hall, clock):
    item, other = (i.code for i in catalogue.items[:2])
    desk = make_desk(store, catalogue, hall, clock)
    desk.set_quota(item, 2)
    assert desk.quota_left(item) == 2 and desk.quota_left(other) is None
    desk.issue(Request(item_code=item))
    desk.issue(Request(item_code=item))
    assert desk.quota_left(item) == 0 and store.issued_for_item("2026-11-27", item) == 2
    with pytest.raises(QuotaUsedUp) as refused:
        desk.issue(Request(item_code=item))
    assert refused.value.code is Code.QUOTA_USED_UP and refused.value.item_code == item
    desk.issue(Request(item_code=other))  # another item is not limited
    clock.advance(days=1)
    assert desk.quota_left(item) == 2  # a new day, a new quota
    desk.set_quota(item, None)
    assert desk.quota_left(item) is None


def test_kiosks_racing_for_the_last_tickets_get_the_quota_between_them(store_opener, catalogue, hall, clock):
    """The quota is counted in the transaction that numbers the ticket (under the hall's write
    lock): four kiosks, each on its own connection, asking at once for an item with 3 tickets left
    get exactly 3 — on both engines."""
    import threading

    item = catalogue.items[0].code
    desks = [make_desk(store_opener(), catalogue, hall, clock) for _ in range(4)]
    for desk in desks:
        desk.set_quota(item, 3)
    start, results = threading.Barrier(len(desks)), []

    def ask(desk):
        start.wait()
        for _ in range(2):
            try:
                results.append(desk.issue(Request(item_code=item)).ticket.number)
            except QuotaUsedUp:
                results.append("used up")

    threads = [threading.Thread(target=ask, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    issued = [r for r in results if r != "used up"]
    assert len(results) == 8 and len(issued) == 3 and len(set(issued)) == 3
    assert desks[0].store.issued_for_item("2026-11-27", item) == 3


def test_a_full_quota_still_reprints_the_persons_own_ticket(store, catalogue, hall, clock):
    from kiosk.domain.desk import DuplicateTicket

    item = catalogue.items[0].code
    desk = make_desk(store, catalogue, hall, clock)
    desk.set_quota(item, 1)
    mine = desk.issue(Request(item_code=item), "11010519491231002X").ticket
    with pytest.raises(DuplicateTicket) as again:  # not "used up": the ticket they hold, to reprint
        desk.issue(Request(item_code=item), "11010519491231002X")
    assert again.value.ticket.id == mine.id
    with pytest.raises(QuotaUsedUp):
        desk.issue(Request(item_code=item), "110105198001010016")  # someone else


def test_daily_quotas_in_hall_yaml(tmp_path):
    src = (Path(__file__).parents[1] / "assets" / "hall.yaml").read_text(encoding="utf-8")
    good = tmp_path / "hall.yaml"
    good.write_text(src + "\ndaily_quotas:\n  GTGS-001: 30\n  CRJZ-004: 0\n", encoding="utf-8")
    hall = load_hall(good)
    assert hall.daily_quota("GTGS-001") == 30 and hall.daily_quota("CRJZ-004") == 0 and hall.daily_quota("x") is None
    bad = tmp_path / "bad.yaml"
    bad.write_text(src + "\ndaily_quotas:\n  GTGS-001: many\n", encoding="utf-8")
    with pytest.raises(ValidationError) as problems:
        load_hall(bad)
    assert any(p.field == "daily_quotas.GTGS-001" and "whole number" in p.message for p in problems.value.problems)
