"""The store on both engines (SQLite and PostgreSQL): numbering, the one-open-ticket constraint,
day close, moves guarded by status, the change feed, schema versions and refusals."""

import os
import sqlite3
import stat

import pytest
from conftest import make_desk

from kiosk.domain import lifecycle as lc
from kiosk.domain.desk import DeskError, DuplicateTicket, Request
from kiosk.domain.lifecycle import HallError, NewTicket, PauseReason
from kiosk.domain.personas import persona
from kiosk.domain.ports import StoreCode
from kiosk.domain.tickets import format_number
from kiosk.store import schema
from kiosk.store.db import Store, StoreError

DAY = "2026-11-27"


def new(category="comprehensive", prefix="A", day=DAY, person=None, request="category:comprehensive", now=1.0):
    return NewTicket(day=day, category=category, prefix=prefix, subject="x", request_key=request, now=now,
                     person_key=person)


def test_numbers_are_per_category_per_day_and_survive_a_restart(store_opener):
    store = store_opener()
    a1, a2 = store.issue(new()), store.issue(new())
    b1 = store.issue(new("realty", "B", request="category:realty"))
    assert (a1.number, a2.number, b1.number) == ("A001", "A002", "B001")
    store.close()
    again = store_opener()
    assert again.issue(new()).number == "A003"
    assert again.issue(new(day="2026-11-28")).number == "A001"
    assert [t.number for t in again.tickets_on(DAY)] == ["A001", "A002", "B001", "A003"]  # earlier days kept


def test_people_ahead_counts_those_the_same_windows_serve(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
    for _ in range(3):
        desk.issue(Request(category="comprehensive"))
    desk.issue(Request(category="police"))
    desk.issue(Request(category="consult"))  # 综合咨询 shares the 综合窗口
    slip = desk.issue(Request(category="comprehensive"))
    assert slip.ahead == 4
    assert sum(t.status == "waiting" and t.category == "comprehensive" for t in store.tickets_on(DAY)) == 4
    assert slip.minutes == 0  # five windows free: called at once
    vet = persona("veteran")
    green = desk.issue(Request(category="consult"), vet.resident_id, vet.tags, use_green=True)
    assert green.ahead == 0  # only green tickets are ahead of a green one


def test_format_numbers():
    assert format_number("A", 7) == "A007" and format_number("A", 1234) == "A1234"


def test_desk_one_open_ticket_per_person_per_item(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
    rid = persona("resident").resident_id
    req = Request(item_code="QYKB-001")
    slip = desk.issue(req, rid)
    assert slip.ticket.number == "A001" and slip.ticket.person_key and rid not in slip.ticket.person_key
    assert desk.existing(req, rid).id == slip.ticket.id
    with pytest.raises(DuplicateTicket) as dup:
        desk.issue(req, rid)
    assert dup.value.ticket.id == slip.ticket.id
    other = desk.issue(Request(item_code="QYKB-002"), rid)  # another item is fine
    assert other.ticket.number == "A002"
    assert desk.issue(req, None).ticket.number == "A003"  # anonymous tickets are not linked
    clock.advance(days=1)
    assert desk.existing(req, rid) is None  # yesterday's ticket does not block today
    assert desk.issue(req, rid).ticket.number == "A001"


def test_a_finished_ticket_frees_the_request(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
    rid = persona("resident").resident_id
    first = desk.issue(Request(category="consult"), rid).ticket
    desk.cancel(first.id)
    again = desk.issue(Request(category="consult"), rid).ticket
    assert again.id != first.id and again.number == "Z002"


def test_the_constraint_not_the_desk_refuses_a_second_open_ticket(store):
    """Even a caller that skips the desk's look-up cannot give one person two open tickets."""
    store.issue(new(person="k1", request="item:QYKB-001"))
    from kiosk.domain.ports import DuplicateRequest

    with pytest.raises(DuplicateRequest) as dup:
        store.issue(new(person="k1", request="item:QYKB-001"))
    assert dup.value.ticket.number == "A001"
    assert store.issue(new(person="k1", request="item:QYKB-002")).number == "A002"  # numbering has no gap


def test_desk_green_channel_and_categories(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
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
    with pytest.raises(DeskError) as err:
        desk.issue(Request(item_code="QYKB-001"), "110105194912310021")  # bad checksum
    assert err.value.code == "invalid_id"
    for bad in (Request(item_code="NOPE-999"), Request(bundle_code="NOPE"), Request(category="lunch"), Request()):
        with pytest.raises(HallError) as err:
            desk.issue(bad)
        assert err.value.code in ("no_such_request", "no_such_category", "nothing_requested")


def test_a_move_is_guarded_by_the_status_the_rule_saw(store):
    t = store.issue(new())
    called = store.apply(lc.call(t, 1, 2.0))
    with pytest.raises(HallError) as err:
        store.apply(lc.call(t, 2, 3.0))  # worked out from the ticket as it was: waiting
    assert err.value.code == "wrong_state" and err.value.params["status"] == "called"
    assert store.ticket(t.id).window == called.window == 1


def test_day_close_erases_earlier_identity_hashes(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
    rid = persona("resident").resident_id
    desk.issue(Request(category="consult"), rid)
    assert store.tickets_on(DAY)[0].person_key
    clock.advance(days=1)
    desk.issue(Request(category="police"))  # the first ticket of a new day closes the earlier days
    assert store.tickets_on(DAY)[0].person_key is None
    assert store.close_days_before("2026-11-28") == 0


def test_pause_reasons_and_the_change_feed(store_opener):
    store, other = store_opener(), store_opener()
    feed = store.feed()
    try:
        cursor = store.cursor()
        feed.pending()
        other.set_paused(3, PauseReason.LUNCH, 5.0)
        t = other.issue(new())
        if feed.fileno() is not None:  # PostgreSQL: the notification arrives on the socket
            import select

            select.select([feed.fileno()], [], [], 5)
        assert feed.pending()
        tickets, windows, cursor2 = store.events_after(cursor)
        assert [(e.kind, e.ticket.number) for e in tickets] == [("issued", t.number)]
        assert [(w.window, w.kind, w.reason) for w in windows] == [(3, "paused", PauseReason.LUNCH)]
        assert store.events_after(cursor2)[:2] == ([], [])
        assert store.paused_windows() == {3: PauseReason.LUNCH}
        other.set_paused(3, None, 6.0)
        assert store.paused_windows() == {}
    finally:
        feed.close()


def test_newer_minor_is_compatible_newer_major_is_refused(store_opener):
    store = store_opener()
    with store.engine.begin() as conn:
        schema.set_meta(conn, "schema_minor", str(schema.SCHEMA[1] + 1))
    store.close()
    store = store_opener()  # a terminal one minor behind keeps working
    assert store.issue(new()).number == "A001"
    with store.engine.begin() as conn:
        schema.set_meta(conn, "schema_major", str(schema.SCHEMA[0] + 1))
    store.close()
    with pytest.raises(StoreError, match="update this terminal"):
        store_opener()


def test_a_database_with_other_tables_is_refused_and_left_alone(engine_url, tmp_path):
    from sqlalchemy import create_engine, inspect, text

    from kiosk.store.connect import DB_NAME, normalise_url
    from kiosk.store.db import SqlStore

    url = normalise_url(engine_url) if engine_url else f"sqlite:///{tmp_path / DB_NAME}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)"))
    with pytest.raises(StoreError, match="other tables"):
        SqlStore(engine_url) if engine_url else SqlStore.open(tmp_path)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["invoices"]  # nothing of ours was added
    engine.dispose()


# --- SQLite files ---------------------------------------------------------------------------------

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
    assert (tmp_path / "kiosk.sqlite3").read_bytes() == b"this is not sqlite" * 100


def test_an_empty_database_file_is_refused_not_restarted(tmp_path):
    """A 0-byte database (cut short) would silently restart numbering at 001."""
    (tmp_path / "kiosk.sqlite3").write_bytes(b"")
    with pytest.raises(StoreError, match=r"is empty \(0 bytes\)"):
        Store.open(tmp_path)
    assert (tmp_path / "kiosk.sqlite3").stat().st_size == 0


def test_a_full_disk_says_so(tmp_path, monkeypatch):
    """SQLite says only "disk I/O error" when it cannot even create its journal on a full disk."""
    from types import SimpleNamespace

    from kiosk.store import connect

    monkeypatch.setattr(connect.shutil, "disk_usage", lambda p: SimpleNamespace(free=100))
    for err, where in ((sqlite3.OperationalError("disk I/O error"), tmp_path),
                       (sqlite3.OperationalError("database or disk is full"), None),
                       (OSError(28, "No space left on device"), None)):
        said = connect.store_error(err, "", where)
        assert str(said).startswith("the disk is full") and said.code == StoreCode.DISK_FULL


def test_schema_1_database_is_migrated_with_its_history(tmp_path):
    """The first release's file: text details, Chinese reasons, a salt beside the hashes."""
    path = tmp_path / "kiosk.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value VARCHAR(256) NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '1'), ('person_salt', 'abcd');
        CREATE TABLE counters (day VARCHAR(10), category VARCHAR(32), last_seq INTEGER NOT NULL,
                               PRIMARY KEY (day, category));
        INSERT INTO counters VALUES ('2026-11-27', 'comprehensive', 2);
        CREATE TABLE tickets (id INTEGER PRIMARY KEY, day VARCHAR(10) NOT NULL, category VARCHAR(32) NOT NULL,
            seq INTEGER NOT NULL, number VARCHAR(16) NOT NULL, item_code VARCHAR(16), bundle_code VARCHAR(16),
            subject VARCHAR(200) NOT NULL, person_key VARCHAR(64), green BOOLEAN NOT NULL,
            green_reason VARCHAR(32) NOT NULL, status VARCHAR(16) NOT NULL, issued_at FLOAT NOT NULL,
            queued_at FLOAT NOT NULL, appointment_at FLOAT, window INTEGER, target_window INTEGER,
            calls INTEGER NOT NULL, called_at FLOAT, CONSTRAINT uq_ticket_number UNIQUE (day, number));
        CREATE INDEX ix_tickets_day_status ON tickets (day, category, status);
        CREATE INDEX ix_tickets_person ON tickets (day, person_key);
        CREATE TABLE ticket_events (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets (id),
            at FLOAT NOT NULL, event VARCHAR(16) NOT NULL, window INTEGER, detail VARCHAR(200) NOT NULL);
        CREATE INDEX ix_events_ticket ON ticket_events (ticket_id);
        CREATE TABLE windows (number INTEGER PRIMARY KEY, paused BOOLEAN NOT NULL, reason VARCHAR(100) NOT NULL,
            updated_at FLOAT NOT NULL);
        CREATE TABLE window_events (id INTEGER PRIMARY KEY, window INTEGER NOT NULL, at FLOAT NOT NULL,
            event VARCHAR(16) NOT NULL, detail VARCHAR(100) NOT NULL);
        INSERT INTO tickets VALUES (1, '2026-11-27', 'realty', 1, 'A001', 'QYKB-001', NULL, '设立', 'deadbeef', 0, '',
                                    'done', 0, 0, NULL, 6, NULL, 1, 240);
        INSERT INTO tickets VALUES (2, '2026-11-27', 'comprehensive', 2, 'A002', NULL, NULL, '综合', NULL, 0, '',
                                    'waiting', 60, 60, NULL, NULL, NULL, 0, NULL);
        INSERT INTO ticket_events VALUES (1, 1, 0, 'issued', NULL, ''), (2, 1, 120, 'called', 1, ''),
            (3, 1, 180, 'started', 1, ''), (4, 1, 200, 'suspended', 1, '等候容缺材料'), (5, 1, 260, 'resumed', 1, ''),
            (6, 1, 300, 'transferred', 1, 'comprehensive->realty@6'), (7, 1, 360, 'called', 6, ''),
            (8, 1, 420, 'started', 6, ''), (9, 1, 900, 'done', 6, ''), (10, 2, 60, 'issued', NULL, '');
        INSERT INTO windows VALUES (3, 1, '午间轮岗', 50);
        INSERT INTO window_events VALUES (1, 3, 50, 'paused', '午间轮岗');
    """)
    db.commit()
    db.close()
    store = Store.open(tmp_path)
    try:
        history = store.history(DAY)
        assert [e.kind for e in history] == ["issued", "called", "started", "suspended", "resumed", "transferred",
                                             "called", "started", "done", "issued"]
        by_id = {e.id: e.data for e in history}
        assert by_id[2].duration == 120 and by_id[2].category == "comprehensive"
        assert by_id[4].reason == "awaiting_material" and by_id[5].duration == 60 and by_id[5].other_window == 1
        assert (by_id[6].category, by_id[6].to_category, by_id[6].to_window) == ("comprehensive", "realty", 6)
        assert by_id[7].duration == 60 and by_id[7].category == "realty" and by_id[9].duration == 480
        assert all(t.person_key is None for t in store.tickets_on(DAY))  # the old, reversible hashes are gone
        assert store.paused_windows() == {3: PauseReason.LUNCH}
        assert store.issue(new()).number == "A003"  # numbering goes on
        waiting = store.ticket(2)
        assert waiting.waiting_since == 60 and waiting.request_key == "category:comprehensive"
    finally:
        store.close()


def test_the_identity_secret_moves_forward_one_way_each_day(tmp_path):
    from kiosk.store.secret import HallSecret, next_key

    first = HallSecret(tmp_path / "a" / "secret.key")
    k1 = first.key_for("2026-11-27")
    assert stat.S_IMODE((tmp_path / "a" / "secret.key").stat().st_mode) == 0o600
    other_pc = tmp_path / "b" / "secret.key"  # the hall's second PC gets a copy on the first day
    other_pc.parent.mkdir()
    other_pc.write_bytes((tmp_path / "a" / "secret.key").read_bytes())
    k2 = first.key_for("2026-11-28")
    assert k2 == next_key(k1) != k1
    text = (tmp_path / "a" / "secret.key").read_text()
    assert text.startswith("2026-11-28 ") and k1.hex() not in text  # yesterday's key is gone from the disk
    with pytest.raises(StoreError, match="already for 2026-11-28"):
        HallSecret(tmp_path / "a" / "secret.key").key_for("2026-11-27")
    # the other PC jumps three days at once and agrees with one that stepped day by day
    first.key_for("2026-11-29")
    k4 = first.key_for("2026-11-30")
    assert HallSecret(other_pc).key_for("2026-11-30") == k4 == next_key(next_key(k2))
    (tmp_path / "a" / "secret.key").write_text("2026-11-30 not-hex\n")
    with pytest.raises(StoreError, match="damaged"):
        HallSecret(tmp_path / "a" / "secret.key")


def test_a_minor_step_brings_a_database_up_to_date_and_keeps_its_tickets(store_opener):
    """A 2.0 database (its indexes as 2.0 made them, no promise tables) opened by a 2.2 terminal:
    migrated in place, step by step."""
    from sqlalchemy import inspect, text

    store = store_opener()
    t = store.issue(new(person="k1", request="item:QYKB-001"))
    with store.engine.begin() as conn:
        for name in ("ix_events_stats", "ix_events_latest", "ix_tickets_hashed"):
            conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(text('CREATE INDEX ix_events_day_kind ON ticket_events (day, kind, "window", duration)'))
        for table in reversed(schema.PROMISE_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        schema.set_meta(conn, "schema_minor", "0")
    store.close()
    store = store_opener()
    with store.engine.connect() as conn:
        names = {i["name"] for table in ("tickets", "ticket_events") for i in inspect(conn).get_indexes(table)}
        minor = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_minor'")).scalar()
        tables = set(inspect(conn).get_table_names())
    assert {t.name for t in schema.PROMISE_TABLES} <= tables
    assert {"ix_events_stats", "ix_events_latest", "ix_tickets_hashed", "uq_open_request"} <= names
    assert "ix_events_day_kind" not in names and minor == str(schema.SCHEMA[1])
    assert store.ticket(t.id).number == "A001" and store.issue(new()).number == "A002"
