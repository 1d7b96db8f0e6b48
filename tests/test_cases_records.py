"""办不成事 cases and 意见建议 for staff: answering an opinion, the cases' figures in ``kiosk
stats``, and ``kiosk cases`` / ``kiosk opinions`` as text and CSV (UTF-8 with BOM, every field, no
contact of a closed record)."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from conftest import FakeClock, make_desk

from kiosk.cli import main
from kiosk.domain.cases import CaseOutcome, RecordStatus, ReportCode, ReportError, Snag, Topic, case_figures
from kiosk.domain.ports import StaleRecord
from kiosk.domain.promises import Promises
from kiosk.listing import CASE_FIELDS, OPINION_FIELDS
from kiosk.store.db import Store


@pytest.fixture
def data(tmp_path, catalogue, hall):
    """A data directory with two days of cases and opinions, as the kiosk and a console left them."""
    clock = FakeClock(dt.datetime(2026, 11, 26, 10, 0))
    store = Store.open(tmp_path)
    promises = Promises(store, make_desk(store, catalogue, hall, clock), clock=clock)
    a, _ = promises.report_case("QYKB-001", "", [Snag.MATERIALS, Snag.TOO_LONG], "asked twice", "13912345678")
    b, _ = promises.report_case(None, "kai wang dian", [Snag.SENT_AROUND], "", "")
    clock.advance(days=1)
    promises.close_case(a.id, CaseOutcome.REFERRED, "转交市场监管局")
    c, _ = promises.report_case(None, "hukou", [Snag.OTHER], "", "13812345678")
    promises.close_case(c.id, CaseOutcome.SOLVED, "")
    promises.leave_opinion(Topic.FACILITIES, "more seats, please")
    o = promises.leave_opinion(Topic.SERVICE, "open later on Saturdays", "13712345678")
    promises.leave_opinion(Topic.POLICY, 'a "quoted", text\nover two lines', "13612345678")
    promises.answer_opinion(o.id, "passed on to the hall's manager")
    yield dict(store=store, promises=promises, dir=tmp_path, clock=clock)
    store.close()


def test_answering_an_opinion_keeps_the_reply_and_erases_the_number(data):
    promises = data["promises"]
    answered, still = [o for o in promises.opinions() if o.topic in (Topic.SERVICE, Topic.POLICY)]
    assert (answered.status, answered.reply, answered.contact) == \
        (RecordStatus.CLOSED, "passed on to the hall's manager", "")
    assert still.contact == "13612345678"
    for reply, problem in (("", "empty"), ("ok 😀", "symbols"), ("a\u202eb", "control"), ("x" * 301, "too_long")):
        with pytest.raises(ReportError) as e:
            promises.answer_opinion(still.id, reply)
        assert (e.value.code, e.value.field, e.value.problem) == (ReportCode.TEXT, "reply", problem)
    with pytest.raises(ReportError) as e:
        promises.answer_opinion(answered.id, "again")
    assert e.value.code == ReportCode.CLOSED
    with pytest.raises(ReportError) as e:
        promises.answer_opinion(999, "who?")
    assert e.value.code == ReportCode.NO_SUCH_RECORD
    assert promises.store.opinions(open_only=True)[-1].contact == "13612345678"  # nothing changed by a refusal


def test_a_reply_raced_by_another_terminal_is_stale(data):
    promises, store = data["promises"], data["store"]
    still = store.opinions(open_only=True)[0]
    store.close_opinion(still.id, "answered elsewhere", 0.0)  # the other console, a moment before …
    with pytest.raises(ReportError):  # … this one sees it closed
        promises.answer_opinion(still.id, "mine")
    with pytest.raises(StaleRecord):  # and the store itself refuses a second close
        store.close_opinion(still.id, "mine", 0.0)


def test_case_figures_count_opened_closed_and_outcomes_per_day(data):
    cases = data["store"].cases()
    days, total = case_figures(cases, "2026-11-26", "2026-11-27")
    assert [f.row() for f in days] == [
        {"day": "2026-11-26", "opened": 2, "closed": 0, "solved": 0, "solved_later": 0, "referred": 0,
         "explained": 0, "still_open": 2},
        {"day": "2026-11-27", "opened": 1, "closed": 2, "solved": 1, "solved_later": 0, "referred": 1,
         "explained": 0, "still_open": 1},
    ]
    assert (total.opened, total.closed, total.still_open) == (3, 2, 1)
    one, whole = case_figures(cases, "2026-11-27", "2026-11-27")
    assert [f.key for f in one] == ["2026-11-27"] and whole.opened == 1 and whole.closed == 2
    assert case_figures(cases, "2026-11-20", "2026-11-25") == ([], case_figures([], "2026-11-20", "2026-11-25")[1])


def test_kiosk_cases_lists_them_and_writes_every_field_to_csv(data, capsys, keep_umask):
    out = data["dir"] / "cases.csv"
    assert main(["cases", "--data-dir", str(data["dir"]), "--csv", str(out)]) == 0
    text = capsys.readouterr().out
    assert "3 cases (1 open):" in text
    assert "#1" in text and "QYKB-001" in text and "referred - 转交市场监管局" in text
    assert "tried: kai wang dian | snags: sent_around" in text
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == CASE_FIELDS and len(rows) == 3
    first = rows[0]
    assert (first["number"], first["item_code"], first["snags"], first["status"], first["outcome"]) == \
        ("D001", "QYKB-001", "materials,too_long", "closed", "referred")
    assert first["contact"] == "" and first["closed_at"].startswith("2026-11-27")  # closed: the number is gone
    assert rows[1]["contact"] == "" and rows[1]["tried"] == "kai wang dian" and rows[1]["status"] == "open"
    assert main(["cases", "--open", "--data-dir", str(data["dir"])]) == 0
    assert capsys.readouterr().out.startswith("1 open cases:")


def test_kiosk_opinions_with_status_and_a_csv_excel_reads(data, capsys, keep_umask):
    out = data["dir"] / "opinions.csv"
    assert main(["opinions", "--data-dir", str(data["dir"]), "--csv", str(out)]) == 0
    text = capsys.readouterr().out
    assert "3 opinions (2 open):" in text and "anonymous" in text and "reply" in text
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    assert tuple(rows[0]) == OPINION_FIELDS
    assert [(r["topic"], r["anonymous"], r["contact"], r["status"]) for r in rows] == [
        ("facilities", "yes", "", "open"), ("service", "no", "", "closed"), ("policy", "no", "13612345678", "open")]
    assert rows[2]["text"] == 'a "quoted", text\nover two lines'  # quoted as CSV quotes it
    assert rows[1]["reply"] == "passed on to the hall's manager"
    assert main(["opinions", "--open", "--data-dir", str(data["dir"])]) == 0
    assert "2 open opinions:" in capsys.readouterr().out


def test_the_lists_without_a_database_and_an_unwritable_csv(tmp_path, capsys, keep_umask):
    empty = tmp_path / "nothing"
    assert main(["cases", "--data-dir", str(empty)]) == 0
    assert "No cases" in capsys.readouterr().out
    assert main(["opinions", "--data-dir", str(empty), "--csv", str(tmp_path / "no-dir" / "o.csv")]) == 1
    assert "Cannot write" in capsys.readouterr().err


def test_kiosk_stats_counts_the_cases(data, capsys, keep_umask):
    assert main(["stats", "--from", "2026-11-26", "--to", "2026-11-27", "--data-dir", str(data["dir"])]) == 0
    text = capsys.readouterr().out
    block = text[text.index("办不成事 cases"):].splitlines()
    assert block[1].split() == ["day", "opened", "closed", "solved", "solved_later", "referred", "explained",
                                "still_open"]
    assert block[2].split() == ["2026-11-26", "2", "0", "0", "0", "0", "0", "2"]
    assert block[3].split() == ["2026-11-27", "1", "2", "1", "0", "1", "0", "1"]
    assert block[4].split() == ["2026-11-26..2026-11-27", "3", "2", "1", "0", "1", "0", "1"]
    assert main(["stats", "--day", "2026-11-25", "--data-dir", str(data["dir"])]) == 0
    assert "办不成事 cases" not in capsys.readouterr().out  # a day without cases says nothing of them
