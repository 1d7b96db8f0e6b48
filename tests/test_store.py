import os
import stat

import pytest

from kiosk.domain.desk import DeskError, Request, TicketDesk
from kiosk.domain.personas import persona
from kiosk.domain.tickets import format_number
from kiosk.store.db import SCHEMA_VERSION, Store, StoreError

DAY = "2026-11-27"


def test_numbers_are_per_category_per_day_and_survive_a_restart(tmp_path):
    store = Store.open(tmp_path)
    a1 = store.issue_ticket(day=DAY, category="comprehensive", prefix="A", subject="x")
    a2 = store.issue_ticket(day=DAY, category="comprehensive", prefix="A", subject="x")
    b1 = store.issue_ticket(day=DAY, category="realty", prefix="B", subject="y")
    assert (a1.number, a2.number, b1.number) == ("A001", "A002", "B001")
    store.close()
    again = Store.open(tmp_path)
    assert again.schema_version == SCHEMA_VERSION
    assert again.issue_ticket(day=DAY, category="comprehensive", prefix="A", subject="x").number == "A003"
    assert again.issue_ticket(day="2026-11-28", category="comprehensive", prefix="A", subject="x").number == "A001"
    assert [t.number for t in again.tickets_on(DAY)] == ["A001", "A002", "B001", "A003"]  # earlier days kept


def test_people_ahead_counts_those_the_same_windows_serve(tmp_path, catalogue, hall, clock):
    desk = TicketDesk(Store.open(tmp_path), catalogue, hall, clock)
    for _ in range(3):
        desk.issue(Request(category="comprehensive"))
    desk.issue(Request(category="police"))
    desk.issue(Request(category="consult"))  # 综合咨询 shares the 综合窗口
    slip = desk.issue(Request(category="comprehensive"))
    assert slip.ahead == 4
    assert desk.store.waiting_count(DAY, "comprehensive") == 4
    assert slip.minutes == 0  # five windows free: called at once
    vet = persona("veteran")
    green = desk.issue(Request(category="consult"), vet.resident_id, vet.tags, use_green=True)
    assert green.ahead == 0  # only green tickets are ahead of a green one


def test_format_numbers():
    assert format_number("A", 7) == "A007" and format_number("A", 1234) == "A1234"


def test_desk_one_open_ticket_per_person_per_item(tmp_path, catalogue, hall, clock):
    desk = TicketDesk(Store.open(tmp_path), catalogue, hall, clock)
    rid = persona("resident").resident_id
    req = Request(item_code="QYKB-001")
    slip = desk.issue(req, rid)
    assert slip.ticket.number == "A001" and slip.ticket.person_key and rid not in slip.ticket.person_key
    assert desk.existing(req, rid).id == slip.ticket.id
    with pytest.raises(DeskError):
        desk.issue(req, rid)
    other = desk.issue(Request(item_code="QYKB-002"), rid)  # another item is fine
    assert other.ticket.number == "A002"
    assert desk.issue(req, None).ticket.number == "A003"  # anonymous tickets are not linked
    clock.advance(days=1)
    assert desk.existing(req, rid) is None  # yesterday's ticket does not block today


def test_desk_green_channel_and_categories(tmp_path, catalogue, hall, clock):
    desk = TicketDesk(Store.open(tmp_path), catalogue, hall, clock)
    elder = persona("elder")
    slip = desk.issue(Request(category="consult"), elder.resident_id, elder.tags, use_green=True)
    assert slip.ticket.number.startswith("Z") and slip.ticket.green and slip.ticket.green_reason == "elder"
    vet = persona("veteran")
    assert desk.issue(Request(category="assist"), vet.resident_id, vet.tags, True).ticket.green_reason == "veteran"
    plain = persona("resident")
    assert not desk.issue(Request(category="consult"), plain.resident_id, plain.tags, True).ticket.green
    declined = desk.issue(Request(category="cannot_do"), elder.resident_id, elder.tags, use_green=False)
    assert declined.ticket.number == "D001" and not declined.ticket.green
    realty = next(i for i in catalogue.items if i.window == "realty")
    slip = desk.issue(Request(item_code=realty.code))
    assert slip.ticket.number.startswith("B") and all("realty" in w.categories for w in slip.windows)
    with pytest.raises(DeskError):
        desk.issue(Request(item_code="QYKB-001"), "110105194912310021")  # bad checksum


def test_unwritable_data_dir_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:  # root ignores permissions: use a path under a regular file instead
        blocker = tmp_path / "file"
        blocker.write_text("x")
        with pytest.raises(StoreError, match="cannot create the data directory"):
            Store.open(blocker / "data")
    else:
        tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
        with pytest.raises(StoreError):
            Store.open(tmp_path / "data")


def test_a_file_that_is_not_a_database(tmp_path):
    (tmp_path / "kiosk.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a kiosk database"):
        Store.open(tmp_path)


def test_newer_schema_is_refused(tmp_path):
    store = Store.open(tmp_path)
    with store.write() as conn:
        conn.exec_driver_sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    store.close()
    with pytest.raises(StoreError, match="newer than this kiosk"):
        Store.open(tmp_path)
