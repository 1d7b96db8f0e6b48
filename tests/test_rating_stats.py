"""Satisfaction (好差评) in the statistics: per window, category, item and day, the counts per
level, 满意率 and the 差评 followed up on time — from the ratings this test gave, through the real
store (both engines) and `kiosk stats` with its CSV."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from conftest import make_desk

from kiosk.app import make_promises
from kiosk.cli import main
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.feedback import Level, Source, Tag
from kiosk.domain.stats import LEVEL_FIELDS, ROW_FIELDS, period_stats

DAY = "2026-11-27"  # a Friday: 差评 given today are called back by Monday 30th, fixed by 18 December
NEXT = "2026-11-30"


@pytest.fixture
def rated(store_opener, catalogue, hall, clock):
    """Friday: window 1 serves three 有限责任公司设立登记 (QYKB-001) and a consult, window 6 a
    不动产 ticket; window 2 a consult. Rated: 5 and 4 (QYKB-001 at window 1), 3 (consult, window 1),
    2 (QYKB-001, window 1, 差评), 1 (realty, window 6, 差评), the consult at window 2 not rated.
    Monday: one more QYKB-001 at window 1, rated 5 at the kiosk. The Friday 差评 at window 1 is called
    back on Monday and put right on Tuesday (on time); window 6's is never called (overdue on Tuesday)."""
    store = store_opener()
    desk = make_desk(store, catalogue, hall, clock)
    promises = make_promises(store, desk)
    c = {n: Counter(store, hall, n, clock) for n in (1, 2, 6)}

    def serve(window: int, request: Request):
        t = desk.issue(request).ticket
        c[window].call_next()
        c[window].start()
        clock.advance(minutes=5)
        c[window].finish()
        return store.ticket(t.id)

    company = Request(item_code="QYKB-001")
    q1, q2, consult, q3 = (serve(1, company), serve(1, company), serve(1, Request(category="consult")),
                           serve(1, company))
    realty = serve(6, Request(category="realty"))
    serve(2, Request(category="consult"))
    promises.rate(q1, Level.VERY_SATISFIED, (Tag.KIND,))
    promises.rate(q2, Level.SATISFIED)
    promises.rate(consult, Level.FAIR)
    promises.rate(q3, Level.DISSATISFIED, (Tag.LONG_WAIT,))
    promises.rate(realty, Level.VERY_DISSATISFIED, (), "nobody explained", Source.KIOSK)
    clock.now = dt.datetime(2026, 11, 30, 10, 0)
    monday = serve(1, company)
    promises.rate(monday, Level.VERY_SATISFIED, source=Source.KIOSK)
    window1 = next(f for f in promises.follow_ups() if f.number == q3.number)
    promises.called_back(window1.id, "called")
    clock.now = dt.datetime(2026, 12, 1, 11, 0)
    promises.fixed(window1.id, "a second window at peak times", Level.SATISFIED)
    return store, clock


def test_satisfaction_per_window_category_item_and_day(rated, hall):
    store, clock = rated
    s = period_stats(store, DAY, NEXT, hall, now=clock().timestamp())
    o = s.overall
    assert o.levels == {5: 2, 4: 1, 3: 1, 2: 1, 1: 1} and o.rated == 6 and o.bad == 2
    assert o.satisfaction == pytest.approx(4 / 6)
    w1, w6 = s.by_window[1], s.by_window[6]
    assert (w1.rated, w1.satisfaction, w1.bad) == (5, pytest.approx(4 / 5), 1)
    assert (w6.rated, w6.satisfaction, w6.bad) == (1, 0.0, 1)
    assert s.by_window[2].rated == 0 and s.by_window[2].satisfaction is None  # served, not rated
    comp, cons, realty = (s.by_category[k] for k in ("comprehensive", "consult", "realty"))
    assert (comp.rated, comp.satisfaction) == (4, pytest.approx(3 / 4))
    assert (cons.rated, cons.levels, realty.levels) == (1, {3: 1}, {1: 1})
    assert list(s.by_item) == ["QYKB-001"]  # a consult or a realty ticket is no catalogue item
    item = s.by_item["QYKB-001"]
    assert item.levels == {5: 2, 4: 1, 2: 1} and item.satisfaction == pytest.approx(3 / 4)
    assert item.follow == {"on_time": 1} and item.follow_on_time_rate == 1.0
    friday, monday = s.by_day[DAY], s.by_day[NEXT]
    assert (friday.rated, friday.satisfaction, monday.rated, monday.satisfaction) == (5, pytest.approx(3 / 5), 1, 1.0)
    # the 差评 followed up on time: window 1's (called Monday, fixed Tuesday); window 6's call is late
    assert o.follow == {"on_time": 1, "overdue": 1} and o.follow_on_time_rate == 0.5
    assert w1.follow == {"on_time": 1} and w1.follow_on_time_rate == 1.0
    assert w6.follow == {"overdue": 1} and w6.follow_on_time_rate == 0.0
    assert friday.follow_on_time_rate == 0.5 and monday.follow == {} and monday.follow_on_time_rate is None


def test_a_follow_up_within_its_time_is_left_out_of_the_rate(rated, hall):
    store, _clock = rated
    friday_evening = dt.datetime(2026, 11, 27, 18, 0).timestamp()
    s = period_stats(store, DAY, DAY, hall, now=friday_evening)
    # as of Friday evening: window 6's call is not due yet; window 1's (fixed later) is done on time
    assert s.overall.follow == {"on_time": 1, "pending": 1} and s.overall.follow_on_time_rate == 1.0


def test_the_csv_has_satisfaction_per_scope_and_an_item_row(rated, hall):
    store, clock = rated
    rows = period_stats(store, DAY, NEXT, hall, {"QYKB-001": ("有限责任公司设立登记", "x")},
                        now=clock().timestamp()).rows()
    assert all(tuple(r) == ROW_FIELDS for r in rows)
    item = next(r for r in rows if r["scope"] == "item")
    assert (item["key"], item["name"], item["rated"], item["satisfaction_rate"]) == ("QYKB-001", "有限责任公司设立登记", 4,
                                                                                     0.75)
    assert item["tickets"] is None and item["mean_wait_min"] is None  # the queue is not counted per item
    assert [item[LEVEL_FIELDS[lv]] for lv in (5, 4, 3, 2, 1)] == [2, 1, 0, 1, 0]
    whole = rows[-1]
    assert (whole["scope"], whole["rated"], whole["satisfaction_rate"], whole["bad"]) == ("day", 6, 0.667, 2)
    assert (whole["follow_on_time"], whole["follow_overdue"], whole["follow_on_time_rate"]) == (1, 1, 0.5)
    assert [r["scope"] for r in rows].count("day") == 3  # Friday, Monday and the period


def where(store) -> list[str]:
    return ["--db", store.url] if store.dialect == "postgresql" else ["--data-dir", str(store.data_dir)]


def test_kiosk_stats_prints_satisfaction_and_writes_it_to_the_csv(rated, tmp_path, capsys, monkeypatch):
    store, _clock = rated
    monkeypatch.setattr("kiosk.domain.stats._time.time", lambda: dt.datetime(2026, 12, 1, 12, 0).timestamp())
    out_file = tmp_path / "s.csv"
    assert main(["stats", "--from", DAY, "--to", NEXT, "--csv", str(out_file), *where(store)]) == 0
    out = capsys.readouterr().out
    assert "Satisfaction 满意度 (好差评)" in out
    lines = out.splitlines()
    lines = lines[next(i for i, x in enumerate(lines) if x.startswith("Satisfaction 满意度")):]  # its own table
    whole = next(line for line in lines if line.startswith("Whole period 全期")).split()
    assert whole == ["Whole", "period", "全期", "6", "67%", "2", "1", "1", "1", "1", "2", "50%"]
    w6 = next(line for line in lines if line.strip().startswith("6 不动产登记窗口")).split()
    assert w6[-9:] == ["1", "0%", "0", "0", "0", "0", "1", "1", "0%"]
    item = next(line for line in lines if line.strip().startswith("QYKB-001")).split()
    assert item[-9:] == ["4", "75%", "2", "1", "0", "1", "0", "1", "100%"]
    assert "差评 follow-ups 回访: 2 — closed on time 1, late 0, overdue now 1" in out
    with open(out_file, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    item_row = next(r for r in rows if r["scope"] == "item")
    assert item_row["name"] == "有限责任公司设立登记" and item_row["tickets"] == "" and item_row["rated"] == "4"
    assert rows[-1]["follow_on_time_rate"] == "0.5" and rows[-1]["satisfaction_rate"] == "0.667"


def test_a_day_without_ratings_prints_no_satisfaction_table(store, catalogue, hall, clock, capsys):
    desk = make_desk(store, catalogue, hall, clock)
    desk.issue(Request(category="consult"))
    assert main(["stats", "--day", DAY, *where(store)]) == 0
    out = capsys.readouterr().out
    assert "Whole day 全天" in out and "满意度" not in out
