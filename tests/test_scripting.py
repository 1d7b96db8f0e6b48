"""The scriptable hall (kiosk/scripting.py): ``kiosk ticket`` and ``kiosk window`` through
kiosk.cli.main on SQLite (``--data-dir``) and PostgreSQL (``--db URL``).

Exit codes, as the module says: 0 done (stdout: the number alone); 1 refused by a rule or the
store unavailable (the reason on stderr); 2 bad input (the reason on stderr); 3 ``ticket``: the
person already holds an open ticket for the request (its number on stdout). Also ``--hall FILE``,
``kiosk stats --from/--to`` over several days, and two ``kiosk ticket`` processes racing for one
person.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import FakeClock, make_desk

from kiosk import ASSETS
from kiosk.cli import main
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.ids import id_check_char
from kiosk.domain.personas import PERSONAS
from kiosk.store.db import SqlStore
from kiosk.store.secret import SECRET_NAME

ROOT = Path(__file__).resolve().parent.parent
ELDER, RESIDENT = PERSONAS[0].resident_id, PERSONAS[-1].resident_id


def made_up_id(n: int) -> str:
    """A checksum-valid made-up resident ID, one per ``n`` < 1000."""
    first17 = f"32058319800101{n:03d}"
    return first17 + id_check_char(first17)


class Cli:
    def __init__(self, base: list[str], capsys, data: Path, db: str | None):
        self.base, self.capsys, self.data, self.db = base, capsys, data, db

    def __call__(self, *args: str) -> tuple[int, str, str]:
        """Run ``kiosk ARGS`` in this process: (exit code, stdout, stderr)."""
        try:
            code = main([*args, *self.base])
        except SystemExit as exc:  # argparse's own refusals
            code = exc.code
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def ok(self, *args: str) -> str:
        code, out, err = self(*args)
        assert (code, err) == (0, ""), (args, code, err)
        return out.strip()

    def store(self) -> SqlStore:
        return SqlStore(self.db) if self.db else SqlStore.open(self.data)


@pytest.fixture
def cli(engine_url, tmp_path, capsys, monkeypatch, keep_umask):
    monkeypatch.delenv("KIOSK_DB", raising=False)
    monkeypatch.delenv("KIOSK_SECRET_FILE", raising=False)
    data = tmp_path / "data"  # conftest's store_opener uses the same folder
    base = ["--data-dir", str(data)] + (["--db", engine_url] if engine_url else [])
    return Cli(base, capsys, data, engine_url)


# --- kiosk ticket ----------------------------------------------------------------------------------

def test_ticket_prints_the_new_number_alone(cli):
    assert cli("ticket", "QYKB-001") == (0, "A001\n", "")
    assert cli("ticket", "qykb-001") == (0, "A002\n", "")  # codes are not case-sensitive
    assert cli("ticket", "consult") == (0, "Z001\n", "")
    assert cli("ticket", "assist") == (0, "E001\n", "")
    assert cli("ticket", "cannot-do") == (0, "D001\n", "")
    assert cli("ticket", "YJS-01") == (0, "A003\n", "")  # a 一件事 bundle
    assert cli("ticket", "CONSULT", "--phone", "13812345678") == (0, "Z002\n", "")
    store = cli.store()
    try:
        tickets = store.tickets_on(dt.date.today().isoformat())
    finally:
        store.close()
    assert [(t.number, t.item_code, t.bundle_code, t.category) for t in tickets] == [
        ("A001", "QYKB-001", None, "comprehensive"), ("A002", "QYKB-001", None, "comprehensive"),
        ("Z001", None, None, "consult"), ("E001", None, None, "assist"), ("D001", None, None, "cannot_do"),
        ("A003", None, "YJS-01", "comprehensive"), ("Z002", None, None, "consult")]
    assert all(t.person_key is None for t in tickets)


def test_a_person_holding_a_ticket_gets_its_number_and_exit_3(cli):
    assert cli("ticket", "QYKB-001", "--id", RESIDENT) == (0, "A001\n", "")
    assert cli("ticket", "QYKB-001", "--id", RESIDENT.lower(), "--phone", "13812345678") == (3, "A001\n", "")
    assert cli("ticket", "QYKB-002", "--id", RESIDENT) == (0, "A002\n", "")  # another request
    assert cli("ticket", "QYKB-001", "--id", ELDER) == (0, "A003\n", "")  # another person
    assert cli("ticket", "consult", "--id", RESIDENT) == (0, "Z001\n", "")
    assert cli("ticket", "consult", "--id", RESIDENT) == (3, "Z001\n", "")
    # once that ticket is finished, the request is free again
    assert cli.ok("window", "1", "call-number", "A001") == "A001"
    assert cli.ok("window", "1", "start") == "A001"
    assert cli.ok("window", "1", "done") == "A001"
    assert cli("ticket", "QYKB-001", "--id", RESIDENT) == (0, "A004\n", "")


def test_the_green_channel_needs_an_id_that_qualifies(cli):
    cli.ok("ticket", "consult", "--id", ELDER, "--green")  # 72 years old
    cli.ok("ticket", "assist", "--id", RESIDENT, "--green")  # an ordinary resident: an ordinary ticket
    cli.ok("ticket", "cannot-do", "--green")
    store = cli.store()
    try:
        greens = [(t.number, t.green, t.green_reason) for t in store.tickets_on(dt.date.today().isoformat())]
    finally:
        store.close()
    assert greens == [("Z001", True, "elder"), ("E001", False, ""), ("D001", False, "")]


@pytest.mark.parametrize(("args", "said"), [
    (("ticket", "consult", "--id", "320583199505210021"), "--id 320583199505210021: not a valid resident ID"),
    (("ticket", "consult", "--id", "32058319950521002"), "not a valid resident ID"),
    (("ticket", "consult", "--id", "32058329950521002X"), "not a valid resident ID"),  # born in 2995
    (("ticket", "consult", "--phone", "12912345678"), "--phone 12912345678: not a mainland mobile number"),
    (("ticket", "consult", "--phone", "1381234567"), "not a mainland mobile number"),
    (("ticket", "NOPE-999"), "'NOPE-999' is not a request"),
    (("ticket", "cannot_do"), "is not a request"),
    (("window", "99", "call"), "the hall has no window 99; the hall has windows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"),
    (("window", "1", "pause", "午间轮岗"), "pause: '午间轮岗' is not a reason; give one of lunch, training, fault, away"),
    (("window", "1", "pause"), "pause needs a reason"),
    (("window", "1", "suspend", "later"), "suspend: 'later' is not a reason"),
    (("window", "1", "transfer"), "transfer needs a category or wN"),
    (("window", "1", "call-number"), "call-number needs a ticket number"),
    (("window", "1", "reactivate"), "reactivate needs a ticket number"),
])
def test_bad_input_is_exit_2_with_the_reason_on_stderr(cli, args, said):
    code, out, err = cli(*args)
    assert (code, out) == (2, "")
    assert said in err and err.count("\n") == 1, err


@pytest.mark.parametrize("args", [("ticket",), ("window", "1"), ("window", "one", "call"), ("window", "1", "dance")])
def test_missing_or_malformed_arguments_are_exit_2(cli, args):
    code, out, err = cli(*args)
    assert (code, out) == (2, "")
    assert "usage: kiosk" in err and "error:" in err


def test_nothing_is_written_for_bad_input(cli):
    for args in (("ticket", "consult", "--id", "1"), ("ticket", "consult", "--phone", "1"),
                 ("window", "1", "pause", "nap")):
        assert cli(*args)[0] == 2
    store = cli.store()
    try:
        assert store.tickets_on(dt.date.today().isoformat()) == [] and store.paused_windows() == {}
    finally:
        store.close()


# --- kiosk window ----------------------------------------------------------------------------------

def refused(cli, *args: str) -> str:
    code, out, err = cli(*args)
    assert (code, out) == (1, ""), (args, code, out, err)
    assert err.count("\n") == 1 and "Traceback" not in err
    return err.strip()


def test_a_window_works_a_ticket_and_prints_it_each_time(cli):
    assert refused(cli, "window", "1", "call") == "nobody is waiting for window 1"
    assert refused(cli, "window", "1", "start") == "window 1 has no ticket to act on"
    for request in ("consult", "QYKB-001", "consult"):
        cli.ok("ticket", request)
    assert cli.ok("window", "1", "state") == "open"
    assert cli.ok("window", "1", "call") == "Z001"
    assert cli.ok("window", "1", "state") == "open Z001 called"
    assert refused(cli, "window", "1", "call") == "window 1 is still dealing with Z001: finish it first"
    assert re.fullmatch(r"Z001 was called just now: call again in (59|60) seconds", refused(cli, "window", "1", "recall"))
    assert refused(cli, "window", "1", "done") == "Z001 is called: that action does not apply to it now"
    assert cli.ok("window", "1", "start") == "Z001"
    assert cli.ok("window", "1", "suspend", "copying") == "Z001"
    assert cli.ok("window", "1", "state") == "open"
    assert cli.ok("window", "1", "call") == "A001"  # the window takes the next one meanwhile
    assert refused(cli, "window", "1", "resume") == "window 1 is still dealing with A001: finish it first"
    assert cli.ok("window", "1", "no-show") == "A001"
    assert cli.ok("window", "1", "resume") == "Z001"
    assert cli.ok("window", "1", "done") == "Z001"
    assert refused(cli, "window", "1", "resume") == "window 1 has no suspended ticket"
    # a no-show comes back; a window calls only what it serves
    assert cli.ok("window", "2", "reactivate", "a001") == "A001"
    assert refused(cli, "window", "6", "call-number", "A001") == "window 6 does not serve A001"
    assert refused(cli, "window", "6", "call-number", "Z009") == "there is no ticket Z009 today"
    assert refused(cli, "window", "2", "reactivate", "Z001") == "Z001 is done: that action does not apply to it now"
    assert cli.ok("window", "2", "call-number", "A001") == "A001"


def test_transfers_from_the_command_line(cli):
    cli.ok("ticket", "QYKB-001")
    assert cli.ok("window", "1", "call") == "A001"
    assert refused(cli, "window", "1", "transfer", "comprehensive") == "the ticket is already queued there"
    assert refused(cli, "window", "1", "transfer", "w1") == "the ticket is already queued there"
    assert cli.ok("window", "1", "transfer", "realty") == "A001"
    assert refused(cli, "window", "1", "call") == "nobody is waiting for window 1"
    assert cli.ok("window", "7", "call") == "A001"  # a realty window calls it, number unchanged
    assert cli.ok("window", "7", "start") == "A001"
    assert cli.ok("window", "7", "transfer", "w8") == "A001"  # window 8 serves police only: its category
    assert refused(cli, "window", "6", "call") == "nobody is waiting for window 6"
    assert cli.ok("window", "8", "call") == "A001"
    store = cli.store()
    try:
        (t,) = store.tickets_on(dt.date.today().isoformat())
    finally:
        store.close()
    assert (t.number, t.category, t.status, t.window) == ("A001", "police", "called", 8)


def test_an_unknown_transfer_target_is_bad_input(cli):
    """A typo in a script (a category or window the hall lacks) is bad input, like an unknown
    window or pause reason: exit 2."""
    cli.ok("ticket", "consult")
    cli.ok("window", "1", "call")
    for target, said in (("realestate", "realestate"), ("w99", "99")):
        code, out, err = cli("window", "1", "transfer", target)
        assert (out, said in err) == ("", True)
        assert code == 2, f"transfer {target}: exit {code}, {err.strip()!r}"


def test_pause_and_open(cli):
    cli.ok("ticket", "consult")
    assert cli("window", "3", "pause", "lunch") == (0, "paused:lunch\n", "")
    assert cli.ok("window", "3", "state") == "paused:lunch"
    assert refused(cli, "window", "3", "call") == "window 3 is paused: open it first (kiosk window 3 open)"
    assert cli.ok("window", "3", "open") == "open"
    assert cli.ok("window", "3", "call") == "Z001"
    store = cli.store()
    try:
        events = store.events_after((0, 0))[1]
    finally:
        store.close()
    assert [(e.window, e.kind, e.reason) for e in events] == [(3, "paused", "lunch"), (3, "reopened", None)]


# --- another hall file -----------------------------------------------------------------------------

@pytest.fixture
def small_hall(tmp_path):
    """assets/hall.yaml with only windows 1, 6, 8, 9, 10, and a recall allowed at once, no-show
    after the second call."""
    data = yaml.safe_load((ASSETS / "hall.yaml").read_text(encoding="utf-8"))
    data["windows"] = [w for w in data["windows"] if w["number"] in (1, 6, 8, 9, 10)]
    data["queue"].update(recall_interval_seconds=0, max_calls=2)
    path = tmp_path / "small-hall.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_another_hall_file(cli, small_hall):
    hall = ["--hall", str(small_hall)]
    code, out, err = cli("window", "2", "call", *hall)
    assert (code, out) == (2, "") and "the hall has windows 1, 6, 8, 9, 10" in err
    assert refused(cli, "window", "2", "call") == "nobody is waiting for window 2"  # the shipped hall has it
    assert cli.ok("ticket", "consult", *hall) == "Z001"
    assert cli.ok("window", "1", "call", *hall) == "Z001"
    assert "call again in" in refused(cli, "window", "1", "recall")  # the shipped hall: 60 s
    assert cli.ok("window", "1", "recall", *hall) == "Z001"  # this hall: at once, and twice is the last call
    assert cli.ok("window", "1", "recall", *hall) == "Z001"
    assert cli.ok("window", "1", "state", *hall) == "open"  # ... so the third call made it a no-show
    store = cli.store()
    try:
        kinds = [e.kind for e in store.history(dt.date.today().isoformat())]
    finally:
        store.close()
    assert kinds == ["issued", "called", "recalled", "no_show"]
    assert cli.ok("window", "1", "reactivate", "Z001", *hall) == "Z001"
    code, out, err = cli("window", "1", "transfer", "w7", *hall)
    assert out == "" and code in (1, 2) and "no window 7" in err


def test_a_broken_hall_file_is_named(cli, tmp_path):
    bad = tmp_path / "hall.yaml"
    bad.write_text("name: x\n", encoding="utf-8")
    for args in (("ticket", "consult"), ("window", "1", "call")):
        code, out, err = cli(*args, "--hall", str(bad))
        assert (code, out) == (1, "") and "hall.yaml" in err and "Traceback" not in err


# --- statistics over several days ------------------------------------------------------------------

def _csv(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_stats_from_to_over_several_days(cli, store_opener, catalogue, hall, tmp_path):
    days = {}
    store = store_opener()
    clock = FakeClock(dt.datetime(2026, 11, 20, 9, 0))
    desk = make_desk(store, catalogue, hall, clock)
    win = {n: Counter(store, hall, n, clock) for n in (1, 2)}

    def on(day: dt.date):
        clock.now = dt.datetime.combine(day, dt.time(9, 0))
        days[len(days) + 1] = day.isoformat()

    on(dt.date(2026, 11, 20))  # day 1: two tickets, one served
    for _ in range(2):
        desk.issue(Request(category="consult"))
    win[1].call_next()
    clock.advance(minutes=2)
    win[1].start()
    clock.advance(minutes=5)
    win[1].finish()
    on(dt.date(2026, 11, 21))  # day 2: three tickets, a no-show, one served
    for _ in range(3):
        desk.issue(Request(category="comprehensive"))
    win[2].call_next()
    win[2].no_show()
    win[2].call_next()
    win[2].start()
    clock.advance(minutes=10)
    win[2].finish()
    on(dt.date(2026, 11, 23))  # day 3: one ticket, cancelled
    t = desk.issue(Request(category="consult")).ticket
    desk.cancel(t.id)
    on(dt.date(2026, 11, 25))  # day 4: outside the periods below
    desk.issue(Request(category="consult"))
    store.close()

    out = tmp_path / "period.csv"
    code, text, err = cli("stats", "--from", days[1], "--to", days[3], "--csv", str(out))
    assert (code, err) == (0, "")
    assert "By day 按日" in text and "Whole period 全期" in text and f"Wrote 8 rows to {out}" in text
    rows = _csv(out)
    by = {(r["scope"], r["key"]): r for r in rows}
    overall = by[("day", f"{days[1]}..{days[3]}")]
    assert (overall["tickets"], overall["served"], overall["no_shows"], overall["cancelled"], overall["calls"]) == (
        "6", "2", "1", "1", "3")
    assert float(overall["mean_service_min"]) == pytest.approx(7.5)
    per_day = {k: (r["tickets"], r["served"], r["no_shows"], r["cancelled"]) for (s, k), r in by.items()
               if s == "day" and ".." not in k}
    assert per_day == {days[1]: ("2", "1", "0", "0"), days[2]: ("3", "1", "1", "0"), days[3]: ("1", "0", "0", "1")}
    assert [r["key"] for r in rows if r["scope"] == "category"] == ["comprehensive", "consult"]
    assert [r["key"] for r in rows if r["scope"] == "window"] == ["1", "2"]

    code, text, err = cli("stats", "--from", days[2], "--to", days[3], "--csv", str(out))
    overall = {(r["scope"], r["key"]): r for r in _csv(out)}[("day", f"{days[2]}..{days[3]}")]
    assert (overall["tickets"], overall["served"], overall["no_shows"], overall["cancelled"]) == ("4", "1", "1", "1")
    code, text, err = cli("stats", "--to", days[4], "--csv", str(out))  # --to alone: that one day
    assert code == 0 and [(r["scope"], r["key"], r["tickets"]) for r in _csv(out)] == [
        ("category", "consult", "1"), ("day", days[4], "1")]
    code, text, err = cli("stats", "--from", "2026-10-01", "--to", "2026-10-31")
    assert code == 0 and "No tickets from 2026-10-01 to 2026-10-31" in text

    assert cli("stats", "--day", days[1], "--from", days[1])[0] == 2
    code, text, err = cli("stats", "--from", days[3], "--to", days[1])
    assert code == 2 and f"--from {days[3]} is after --to {days[1]}" in err
    code, text, err = cli("stats", "--from", "2026-11-31")
    assert code == 2 and "is not a date like" in err


# --- two processes, one person -----------------------------------------------------------------------

# Imports first, says it is ready, then starts the command the moment the go file appears (argv[1]).
RACER = """
import os, sys, time
import kiosk.app, kiosk.cli, kiosk.domain.desk, kiosk.scripting, kiosk.store.db  # noqa: F401
go = sys.argv[1]
open(f"{go}.ready.{os.getpid()}", "w").close()
while not os.path.exists(go):
    time.sleep(0.0002)
sys.exit(kiosk.cli.main(sys.argv[2:]))
"""


def race(args: list[str], folder: Path, processes: int = 2) -> list[tuple[int, str, str]]:
    """Run ``kiosk ARGS`` in ``processes`` processes started at the same instant: (code, stdout, stderr) each."""
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_DB", "KIOSK_SECRET_FILE")}
    folder.mkdir(parents=True, exist_ok=True)
    go = folder / f"go-{time.monotonic_ns()}"
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(go), *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(processes)]
    try:
        deadline = time.monotonic() + 60
        while len(list(folder.glob(go.name + ".ready.*"))) < processes:
            assert time.monotonic() < deadline and all(p.poll() is None for p in procs), "a racer did not start"
            time.sleep(0.005)
        go.touch()
        return [_finish(p) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()


def _finish(p: subprocess.Popen) -> tuple[int, str, str]:
    out, err = p.communicate(timeout=60)
    return p.returncode, out, err


def test_two_processes_one_person_one_request(cli):
    assert cli.ok("ticket", "consult") == "Z001"  # the data directory, secret and schema exist
    numbers = []
    for round_ in range(5):
        rid = made_up_id(round_ + 1)
        results = sorted(race(["ticket", "QYKB-001", "--id", rid, *cli.base], cli.data.parent / "race"))
        assert [(code, err) for code, _, err in results] == [(0, ""), (3, "")], results
        (_, first, _), (_, second, _) = results
        assert first == second and re.fullmatch(r"A\d{3}\n", first), results
        numbers.append(first.strip())
    assert numbers == ["A001", "A002", "A003", "A004", "A005"]
    store = cli.store()
    try:
        tickets = store.tickets_on(dt.date.today().isoformat())
    finally:
        store.close()
    assert len(tickets) == 6 and len({t.person_key for t in tickets if t.person_key}) == 5


def test_two_first_terminals_on_a_new_data_directory(tmp_path):
    """The first two commands ever, together: the secret, the schema and the ticket are made once."""
    for round_ in range(4):
        data = tmp_path / f"new{round_}"
        results = sorted(race(["ticket", "consult", "--id", RESIDENT, "--data-dir", str(data)], tmp_path / "race"))
        assert [(code, out, err) for code, out, err in results] == [(0, "Z001\n", ""), (3, "Z001\n", "")], results
        assert (data / SECRET_NAME).stat().st_size == 76  # "YYYY-MM-DD " and the day's key in hex, whole


def test_a_damaged_secret_is_one_sentence_not_a_traceback(tmp_path):
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_DB", "KIOSK_SECRET_FILE")}
    run = lambda *a: subprocess.run([sys.executable, "-m", "kiosk", *a, "--data-dir", str(data)], cwd=ROOT,
                                    env=env, capture_output=True, text=True, check=False)
    assert run("ticket", "consult").returncode == 0
    (data / SECRET_NAME).write_text("not a secret\n", encoding="ascii")
    done = run("ticket", "consult", "--id", RESIDENT)
    assert (done.returncode, done.stdout) == (1, "")
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert SECRET_NAME in done.stderr
