"""Privacy against the files themselves (issue 6, item 6): no ID number or mobile number in any
byte the kiosk writes (database, -wal, -shm, secret, logs, caches, slips, a statistics CSV);
the database alone gives back no ID (the key is not in it); an earlier day's identity hashes are
gone from the file and its WAL after the day close; the data directory is 0700 and every file
in it 0600 whatever the umask of the shell that started the command."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SECRET, FakeClock, make_desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import MetaData, select

from kiosk.app import Settings, build_kiosk_window
from kiosk.cli import main
from kiosk.domain.desk import Request, TicketDesk
from kiosk.domain.ids import id_check_char
from kiosk.domain.personas import PERSONAS
from kiosk.domain.tickets import day_key, person_key
from kiosk.logs import setup_logging
from kiosk.store.connect import DB_NAME
from kiosk.store.db import SqlStore
from kiosk.store.secret import SECRET_NAME, load_secret

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _ids_ending_in_x(count: int) -> list[str]:
    found = []
    for seq in range(1, 1000):
        first17 = f"32058319610203{seq:03d}"
        if id_check_char(first17) == "X":
            found.append(first17 + "X")
            if len(found) == count:
                return found
    raise AssertionError("no X check character found")


#: the demo personas' IDs and two made-up ones whose check character is X (written x too)
IDS = [p.resident_id for p in PERSONAS] + _ids_ending_in_x(2)
PHONES = ["13812345678", "15900001111", "18698765432", "17700002222", "19955556666", "13600003333", "14711112222"]


def needles() -> dict[str, bytes]:
    """Every form of every ID and phone that must not appear, in every encoding a file might use."""
    forms = set(IDS) | {i.lower() for i in IDS} | {i[:17] for i in IDS} | set(PHONES)
    out = {}
    for text in forms:
        for enc in ("ascii", "utf-16-le", "utf-16-be"):
            out[f"{text} ({enc})"] = text.encode(enc)
    return out


def leaks(folder: Path, forbidden: dict[str, bytes]) -> dict[str, list[str]]:
    """For each file below ``folder``: which forbidden strings its raw bytes hold."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits = [name for name, raw in forbidden.items() if raw in data]
        if hits:
            found[str(path.relative_to(folder))] = hits
    return found


# --- no ID or phone in any byte ------------------------------------------------------------------

def _tap(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_no_id_or_phone_in_any_file(qtbot, catalogue, hall, tmp_path, monkeypatch, capsys, keep_umask,
                                    quiet_logging):
    probe = tmp_path / "probe"  # the search finds what it looks for, in each encoding
    probe.mkdir()
    (probe / "a").write_bytes(b"\x00" + IDS[-1].lower().encode() + b"\xff")
    (probe / "b").write_text(f"手机{PHONES[3]}", encoding="utf-16-le")
    (probe / "c").write_bytes(b"\x00")
    assert set(leaks(probe, needles())) == {"a", "b"}
    data = tmp_path / "data"
    from kiosk.ui.kiosk import slip_pdf

    printed: list[list[str]] = []
    real_write = slip_pdf.write_slip_pdf

    def write_and_keep(slip, folder, family, hall_name, lines, **kw):
        printed.append(list(lines))
        return real_write(slip, folder, family, hall_name, lines, **kw)

    monkeypatch.setattr(slip_pdf, "write_slip_pdf", write_and_keep)

    # 1. the kiosk, tapped: a persona card with a phone, then an ID typed on the keypad with a phone
    window, store = build_kiosk_window(QApplication.instance(), Settings(data_dir=data), catalogue, hall,
                                       clock=FakeClock())
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        w = window
        for request, card, typed, phone in (("consult", "elder", None, PHONES[0]),
                                            ("assist", None, IDS[-1], PHONES[1])):
            _tap(qtbot, w.home.ticket_tile)
            _tap(qtbot, w.menu.desk_buttons[request])
            ident = w.identity
            if card:
                _tap(qtbot, ident.persona_buttons[card])
            else:
                for ch in typed:
                    _tap(qtbot, ident.findChild(QPushButton, f"pad_{ch}"))
            _tap(qtbot, ident.phone_pick)
            for ch in phone:
                _tap(qtbot, ident.findChild(QPushButton, f"pad_{ch}"))
            _tap(qtbot, ident.confirm)
            assert w.slip.number.text(), "no slip"
            _tap(qtbot, w.slip.finish)
        assert len(printed) == 2 and len(list((data / "slips").glob("*.pdf"))) == 2
        text = "\n".join(line for lines in printed for line in lines)
        assert "138****5678" in text  # the phone is on the slip, masked
        assert not [f for f in IDS + [i.lower() for i in IDS] + [i[:17] for i in IDS] + PHONES if f in text]

        # 2. the command line: every ID with a phone, window actions, statistics as CSV
        for rid, phone in zip(IDS, PHONES, strict=True):
            assert main(["ticket", "consult", "--id", rid.lower(), "--phone", phone, "--data-dir", str(data)]) == 0
        assert main(["ticket", "QYKB-001", "--id", IDS[0], "--data-dir", str(data)]) == 0
        for action in ("call", "start", "done", "call", "no-show"):
            assert main(["window", "1", action, "--data-dir", str(data)]) == 0
        assert main(["stats", "--data-dir", str(data), "--csv", str(data / "stats.csv")]) == 0
        assert main(["catalogue", "search", "营业执照", "--data-dir", str(data)]) == 0
        capsys.readouterr()

        # 3. the log, at INFO, with the numbers in messages, arguments and a traceback
        log_file = setup_logging(data)
        log = logging.getLogger("kiosk.privacy_test")
        for rid, phone in zip(IDS, PHONES, strict=True):
            log.info("card read: %s, mobile %s", rid, phone)
            log.info(f"typed {rid.lower()} and {phone}")
            try:
                raise ValueError(f"cannot issue for {rid} / {phone}")
            except ValueError:
                log.exception("issue failed for %s", {"id": rid, "phone": phone})
        for h in logging.getLogger().handlers:
            h.flush()
        logged = log_file.read_text(encoding="utf-8")
        assert "320583********0049" in logged and "138****5678" in logged  # it was written, masked

        # 4. every byte of every file, with the kiosk's store still open (so -wal and -shm exist)
        names = {str(p.relative_to(data)) for p in data.rglob("*") if p.is_file()}
        assert {DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", SECRET_NAME, "logs/kiosk.log", "stats.csv"} <= names
        assert any(n.startswith("cache/") for n in names) and sum(n.startswith("slips/") for n in names) == 2
        assert leaks(data, needles()) == {}
    finally:
        window.close()
        store.close()
    # ... and once everything is closed (SQLite folds the WAL back into the file)
    assert leaks(data, needles()) == {}


# --- the database alone gives back nothing --------------------------------------------------------

def _all_cells(store: SqlStore) -> list[object]:
    meta = MetaData()
    meta.reflect(store.engine)
    with store.engine.connect() as conn:
        return [value for table in meta.sorted_tables for row in conn.execute(select(table)) for value in row]


def test_the_database_alone_gives_back_no_id(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
    day = clock().date().isoformat()
    for rid in IDS:
        desk.issue(Request(category="consult"), rid)
        desk.issue(Request(category="assist"), rid)
    stored = {t.person_key for t in store.tickets_on(day)}
    assert None not in stored and len(stored) == len(IDS)  # one key per person and day
    # the oracle works: with the hall's secret (kept outside the database) every key comes back
    assert stored == {person_key(rid, day_key(SECRET, day)) for rid in IDS}

    cells = [v for v in _all_cells(store) if v is not None]
    texts = {v if isinstance(v, str) else str(v) for v in cells}
    for secretish in (SECRET.hex(), day_key(SECRET, day).hex()):
        assert not any(secretish in t for t in texts), "the key is in the database"
    candidates: set[bytes] = {b""}
    for t in texts:
        candidates.add(t.encode())
        try:
            candidates.add(bytes.fromhex(t))
        except ValueError:
            pass
    keys = candidates | {day_key(k, day) for k in candidates}
    for rid in IDS:
        tries = {person_key(rid, k) for k in keys}
        tries |= {hashlib.sha256(f.encode()).hexdigest()[:32] for f in (rid, rid + day, day + rid)}
        assert not tries & stored, f"{rid} comes back from the database alone"


# --- day close -----------------------------------------------------------------------------------

@dataclass
class ClosedDay:
    store: SqlStore
    data: Path
    old: set[str]  # the earlier day's identity hashes, as a copy of that day's database holds them
    day: str
    other: SqlStore | None


@contextmanager
def _closed_day(data: Path, catalogue, hall, board: bool):
    """A day of tickets with IDs, then the first ticket of the next day (the day close), with the
    store still open — alone, or with another terminal's store open on the same file (a board
    that has read the hall)."""
    store = SqlStore.open(data)
    other = SqlStore.open(data) if board else None
    try:
        clock = FakeClock()
        desk = TicketDesk(store, catalogue, hall, clock, secret=load_secret(data))  # as the app keys them
        day1 = clock().date().isoformat()
        for rid in IDS:
            desk.issue(Request(category="consult"), rid)
        old = {t.person_key for t in store.tickets_on(day1)}
        assert None not in old and len(old) == len(IDS)
        if other is not None:
            assert len(other.hall_rows(day1).waiting) == 1
        raw = b"".join(p.read_bytes() for p in data.iterdir() if p.name.startswith(DB_NAME))
        assert all(k.encode() in raw for k in old)  # the search below can find them while they are there
        clock.advance(days=1)
        desk.issue(Request(category="consult"))  # the next day's first ticket closes the earlier day
        yield ClosedDay(store, data, old, day1, other)
    finally:
        store.close()
        if other is not None:
            other.close()


@pytest.fixture(params=["alone", "board open"])
def closed_day(request, tmp_path, catalogue, hall):
    with _closed_day(tmp_path / "data", catalogue, hall, request.param == "board open") as closed:
        yield closed


def _checkpoint(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint").one()
        assert busy == 0


def test_day_close_erases_the_earlier_days_hashes_from_the_rows_and_the_file(closed_day):
    c = closed_day
    assert [t.person_key for t in c.store.tickets_on(c.day)] == [None] * len(IDS)
    _checkpoint(c.store)
    body = (c.data / DB_NAME).read_bytes()
    assert not [k for k in c.old if k.encode() in body], "erased hashes are still in the database file"
    for store in (c.store, c.other):
        if store is not None:
            store.close()  # the last connection folds the WAL into the file and removes it
    assert not (c.data / (DB_NAME + "-wal")).exists()
    body = (c.data / DB_NAME).read_bytes()
    assert not [k for k in c.old if k.encode() in body]


def test_day_close_leaves_no_earlier_hash_in_the_wal(closed_day):
    """As a kiosk leaves its files after the day close, running on (store open, SQLite's own
    checkpoints): the -wal file must not keep the erased hashes either."""
    c = closed_day
    _checkpoint(c.store)
    files = {p.name: p.read_bytes() for p in c.data.iterdir() if p.name.startswith(DB_NAME)}
    assert DB_NAME + "-wal" in files
    kept = {name: sum(k.encode() in body for k in c.old) for name, body in files.items()}
    assert not any(kept.values()), f"erased identity hashes still readable in {kept}"


def test_day_close_leaves_nothing_that_rehashes_the_earlier_day(tmp_path, catalogue, hall):
    """Issue 6: the hashes are keyed with a per-day secret that is erased at day close. A copy of
    the earlier day's database (a backup, a stolen file) must then stay unlinkable to ID numbers
    with everything left in the data directory."""
    with _closed_day(tmp_path / "data", catalogue, hall, board=False) as c:
        candidates = set()
        for path in (p for p in c.data.rglob("*") if p.is_file()):
            raw = path.read_bytes()
            candidates |= {raw, raw.strip()}
            try:
                candidates.add(bytes.fromhex(raw.decode("ascii").strip()))
            except (UnicodeDecodeError, ValueError):
                pass
        rehashed = {rid for rid in IDS for k in candidates
                    if person_key(rid, day_key(k, c.day)) in c.old or person_key(rid, k) in c.old}
    assert not rehashed, (f"{len(rehashed)} of {len(IDS)} ID numbers come back from the earlier day's database "
                          f"with the files left in the data directory after the day close")


# --- modes ---------------------------------------------------------------------------------------

def _modes(top: Path) -> dict[str, int]:
    out = {".": stat.S_IMODE(top.stat().st_mode)}
    for path in top.rglob("*"):
        out[str(path.relative_to(top))] = stat.S_IMODE(path.lstat().st_mode)
    return out


def _not_private(top: Path) -> dict[str, str]:
    return {name: oct(mode) for name, mode in _modes(top).items()
            if mode != (0o700 if (top / name).is_dir() else 0o600)}


def _kiosk(*args: str, umask: int = 0o022) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_DB"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**env, "QT_QPA_PLATFORM": "offscreen"}, umask=umask, check=False)


# While the store is open: the modes of the database's -wal and -shm; then the log.
OPEN_SCRIPT = """
import json, logging, os, sys
from pathlib import Path
from kiosk.cli import main
data = Path(sys.argv[1])
assert main(["ticket", "assist", "--id", sys.argv[2], "--phone", sys.argv[3], "--data-dir", str(data)]) == 0
from kiosk.logs import setup_logging
from kiosk.store.db import SqlStore
setup_logging(data)
logging.getLogger("kiosk").info("card %s", sys.argv[2])
store = SqlStore.open(data)
store.tickets_on("2000-01-01")
print(json.dumps({p.name: oct(os.stat(p).st_mode & 0o777) for p in sorted(data.iterdir()) if p.is_file()}))
store.close()
"""


@posix_only
def test_commands_write_only_private_files_under_a_permissive_umask(tmp_path):
    data = tmp_path / "data"
    for args in (["ticket", "consult", "--id", IDS[1], "--phone", PHONES[1]], ["ticket", "QYKB-001"],
                 ["window", "1", "call"], ["window", "1", "start"], ["window", "1", "done"],
                 ["window", "2", "pause", "lunch"], ["catalogue", "search", "yyzz"],
                 ["stats", "--csv", str(data / "stats.csv")]):
        done = _kiosk(*args, "--data-dir", str(data))
        assert done.returncode == 0, (args, done.stderr)
    out = subprocess.run([sys.executable, "-c", OPEN_SCRIPT, str(data), IDS[2], PHONES[2]], cwd=ROOT,
                         capture_output=True, text=True, umask=0o022, check=False)
    assert out.returncode == 0, out.stderr
    open_modes = json.loads(out.stdout.strip().splitlines()[-1])
    assert {DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME, SECRET_NAME} <= set(open_modes)
    assert set(open_modes.values()) == {"0o600"}, open_modes
    assert {"cache", "logs", "stats.csv", SECRET_NAME, DB_NAME} <= {p.name for p in data.iterdir()}
    assert _not_private(data) == {}
    assert leaks(data, needles()) == {}


@posix_only
def test_an_existing_data_dir_is_made_private(tmp_path):
    """An operator's `mkdir` under umask 022 gives 0755: the command must close it (README:
    'data dir 0700'), as the kiosk's own start-up does (kiosk.files.secure_dir)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    done = _kiosk("ticket", "consult", "--id", IDS[3], "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert _not_private(data) == {}


def test_terminals_starting_together_share_one_secret(tmp_path):
    """Two terminals started together on a new data directory (or a hall's first PCs) create the
    secret at the same moment: both must read the same complete key, neither may call it damaged."""
    failures, differing = [], 0
    for round_ in range(60):
        folder = tmp_path / f"d{round_}"
        folder.mkdir()
        barrier = threading.Barrier(4)
        got: list[object] = []

        def start(folder=folder, barrier=barrier, got=got):
            barrier.wait()
            try:
                got.append(load_secret(folder).key_for("2026-11-27"))
            except Exception as exc:  # the StoreError a terminal would show
                got.append(exc)

        threads = [threading.Thread(target=start) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        errors = [g for g in got if isinstance(g, Exception)]
        failures += errors
        differing += len({g for g in got if isinstance(g, bytes)}) > 1
        shutil.rmtree(folder)
    assert not failures and not differing, (
        f"{len(failures)} terminal starts failed, e.g. {failures[0] if failures else ''}; {differing} rounds disagreed")
