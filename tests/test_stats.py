"""A day's statistics (kiosk.domain.stats) from a day played through the real store and windows,
and `kiosk stats` on the command line."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_desk

from kiosk.cli import main
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.lifecycle import Ticket
from kiosk.domain.stats import ROW_FIELDS, day_stats, p90, percentile, period_stats

DAY = "2026-11-27"  # the FakeClock's day; it starts at 09:30


@pytest.fixture
def played_day(store_opener, catalogue, hall, clock):
    """A day with known times (minutes after 09:30 in the comments):

    A001 waits 4 at window 1, walks up 1, is served 5→16 with a 3-minute hold (10→13): service 8.
    A002 waits 5 at window 2, walks up 0.5, is transferred at 8 to 不动产 window 6, waits 1 more,
    walks up 1 and is served 10→22 there: service 12.
    Z001 (consult) waits 10 at window 1, misses three calls (no-show at 13), comes back at 14,
    waits 6 at window 2, walks up 1, is served 21→25: service 4.
    A003 waits 6 and is called at window 1 at 26 — still walking up when the day is read.
    A004 is cancelled; A005 is still waiting."""
    store = store_opener()
    desk = make_desk(store, catalogue, hall, clock)
    c = {n: Counter(store, hall, n, clock) for n in (1, 2, 6)}
    start = clock.now

    def at(minutes: float) -> None:
        clock.now = start + dt.timedelta(minutes=minutes)

    def issue(category: str) -> Ticket:
        return desk.issue(Request(category=category)).ticket

    a1, a2, z1 = issue("comprehensive"), issue("comprehensive"), issue("consult")
    at(4), c[1].call_next()
    at(5), c[1].start(), c[2].call_next()
    at(5.5), c[2].start()
    at(8), c[2].transfer("realty", to_window=6)
    at(9)
    assert c[6].call_next().id == a2.id
    at(10), c[6].start(), c[1].suspend("awaiting_material")
    assert c[1].call_next().id == z1.id
    for minute in (11, 12, 13):
        at(minute)
        c[1].recall()
    assert store.ticket(z1.id).status == "no_show"
    c[1].resume(a1.id)
    at(14), c[2].reactivate(z1.number)
    at(16), c[1].finish()
    at(20)
    assert c[2].call_next().id == z1.id
    a3, a4, a5 = issue("comprehensive"), issue("comprehensive"), issue("comprehensive")
    at(21), c[2].start(), desk.cancel(a4.id)
    at(22), c[6].finish()
    at(25), c[2].finish()
    at(26)
    assert c[1].call_next().id == a3.id
    assert [t.number for t in (a1, a2, z1, a3, a4, a5)] == ["A001", "A002", "Z001", "A003", "A004", "A005"]
    return store


def waits(f):
    """(samples, total minutes) of a scope's waits."""
    return f.wait_n, round(f.wait_sum / 60, 6)


def walkups(f):
    return f.walkup_n, round(f.walkup_sum / 60, 6)


def services(f):
    return f.service_n, round(f.service_sum / 60, 6)


@pytest.fixture
def stats(played_day, hall):
    return day_stats(played_day, DAY, hall)


def test_waits_walkups_services_and_holds_per_category(stats):
    comp, consult, realty = (stats.by_category[k] for k in ("comprehensive", "consult", "realty"))
    assert list(stats.by_category) == ["comprehensive", "consult", "realty"]  # the hall's order
    assert (comp.name, consult.name, realty.name) == ("综合受理", "综合咨询", "不动产登记")

    assert waits(comp) == (3, 15)  # 4, 5, 6: A003's wait ends with its call, though it is not served yet
    assert (comp.mean_wait_min, comp.p90_wait_min) == (5, 6)
    assert walkups(comp) == (2, 1.5)
    assert services(comp) == (1, 8)  # 11 minutes at the window less the 3-minute hold
    assert comp.hold_min == 3
    assert waits(consult) == (2, 16)  # 10 before the no-show, and 6 after the reactivation
    assert (consult.mean_wait_min, consult.p90_wait_min) == (8, 10)
    assert services(consult) == (1, 4) and walkups(consult) == (1, 1)
    # the transferred ticket: waiting after the transfer and its service count where it was served
    assert waits(realty) == (1, 1) and walkups(realty) == (1, 1) and services(realty) == (1, 12)
    assert (realty.mean_service_min, realty.p90_service_min) == (12, 12)
    assert realty.hold_min == 0


def test_counts_and_no_show_rates(stats):
    comp, consult, realty = (stats.by_category[k] for k in ("comprehensive", "consult", "realty"))
    assert (comp.tickets, comp.served, comp.no_shows, comp.cancelled) == (5, 1, 0, 1)
    assert (comp.transferred_out, comp.transferred_in) == (1, 0)
    assert (comp.calls, comp.calls_ended, comp.no_show_rate) == (3, 2, 0.0)  # A003's call is still open
    assert (consult.tickets, consult.served, consult.no_shows) == (1, 1, 1)
    assert (consult.calls, consult.calls_ended, consult.no_show_rate) == (2, 2, 0.5)
    assert (realty.tickets, realty.served, realty.transferred_in, realty.no_show_rate) == (0, 1, 1, 0.0)

    day = stats.overall
    assert (day.scope, day.key, day.name) == ("day", DAY, "全天")
    assert (day.tickets, day.served, day.no_shows, day.cancelled) == (6, 3, 1, 1)
    assert (day.transferred_out, day.transferred_in) == (1, 1)
    assert (day.calls, day.calls_ended, day.no_show_rate) == (6, 5, 0.2)
    assert waits(day) == (6, 32)  # 1, 4, 5, 6, 6, 10
    assert day.mean_wait_min == pytest.approx(32 / 6)
    assert day.p90_wait_min == 10  # rank ceil(0.9 × 6) = 6: the largest of six
    assert services(day) == (3, 24)  # 4, 8, 12
    assert (day.mean_service_min, day.p90_service_min) == (8, 12)
    assert day.mean_walkup_min == pytest.approx(3.5 / 4)
    assert day.hold_min == 3


def test_per_window_split(stats):
    assert list(stats.by_window) == [1, 2, 6]
    w1, w2, w6 = stats.by_window[1], stats.by_window[2], stats.by_window[6]
    assert (w1.key, w1.name, w6.name) == ("1", "综合窗口", "不动产登记窗口")
    # window 1 called A001, Z001 and A003; window 2 called A002 and Z001 after its reactivation
    assert (w1.tickets, w1.served, w1.no_shows, w1.no_show_rate) == (3, 1, 1, 0.5)
    assert waits(w1) == (3, 20) and w1.p90_wait_min == 10  # 4, 10, 6
    assert walkups(w1) == (1, 1) and services(w1) == (1, 8) and w1.hold_min == 3
    assert (w2.tickets, w2.served, w2.no_shows, w2.no_show_rate) == (2, 1, 0, 0.0)
    assert (w2.transferred_out, w2.transferred_in) == (1, 0)
    assert waits(w2) == (2, 11) and walkups(w2) == (2, 1.5) and services(w2) == (1, 4)  # A002's cut-off service: none
    assert (w6.tickets, w6.served, waits(w6), walkups(w6), services(w6)) == (1, 1, (1, 1), (1, 1), (1, 12))
    assert sum(w.cancelled for w in stats.by_window.values()) == 0  # a cancel happens at no window
    # every sample of the day is some category's and, here, some window's
    for figure in (waits, walkups, services):
        by_cat = tuple(map(sum, zip(*(figure(f) for f in stats.by_category.values()))))
        by_win = tuple(map(sum, zip(*(figure(f) for f in stats.by_window.values()))))
        assert by_cat == by_win == figure(stats.overall)


#: A scope without ratings: no satisfaction, no follow-ups (the CSV's last columns).
NO_RATINGS = {"rated": 0, "satisfaction_rate": None, "level_5_very_satisfied": 0, "level_4_satisfied": 0,
              "level_3_fair": 0, "level_2_dissatisfied": 0, "level_1_very_dissatisfied": 0, "bad": 0,
              "follow_on_time": 0, "follow_late": 0, "follow_overdue": 0, "follow_pending": 0,
              "follow_on_time_rate": None}
UNRATED = ",0,,0,0,0,0,0,0,0,0,0,0,"


def test_rows_for_csv(stats):
    rows = stats.rows()
    assert [(r["scope"], r["key"]) for r in rows] == [
        ("category", "comprehensive"), ("category", "consult"), ("category", "realty"),
        ("window", "1"), ("window", "2"), ("window", "6"), ("day", DAY)]
    assert all(tuple(r) == ROW_FIELDS for r in rows)
    assert rows[-1] == {"scope": "day", "key": DAY, "name": "全天", "tickets": 6, "served": 3, "no_shows": 1,
                        "no_show_rate": 0.2, "mean_wait_min": 5.33, "p90_wait_min": 10, "mean_service_min": 8,
                        "p90_service_min": 12, "mean_walkup_min": 0.88, "hold_min": 3, "calls": 6,
                        "cancelled": 1, "transferred_out": 1, "transferred_in": 1} | NO_RATINGS


def test_empty_day(played_day, hall):
    assert played_day.history("2026-11-28") == []
    empty = day_stats(played_day, "2026-11-28", hall)
    assert empty.empty and empty.by_category == {} and empty.by_window == {}
    f = empty.overall
    assert (f.tickets, f.served, f.no_show_rate, f.mean_wait_min, f.p90_wait_min, f.mean_service_min,
            f.p90_service_min, f.mean_walkup_min, f.hold_min) == (0, 0, None, None, None, None, None, None, 0)
    assert empty.rows() == [dict.fromkeys(ROW_FIELDS, 0) | {
        "scope": "day", "key": "2026-11-28", "name": "全天", "no_show_rate": None, "mean_wait_min": None,
        "p90_wait_min": None, "mean_service_min": None, "p90_service_min": None, "mean_walkup_min": None,
        "satisfaction_rate": None, "follow_on_time_rate": None}]


def test_tickets_only_waiting_give_no_samples(store, catalogue, hall, clock):
    make_desk(store, catalogue, hall, clock).issue(Request(category="police"))
    s = day_stats(store, DAY, hall)
    police = s.by_category["police"]
    assert (police.tickets, waits(police), police.mean_wait_min, police.no_show_rate) == (1, (0, 0), None, None)
    assert not s.empty and s.by_window == {}


def test_edge_cases(store, catalogue, hall, clock):
    """Transfer before the service started, resume at another window, a hold still open, no hall."""
    desk = make_desk(store, catalogue, hall, clock)
    c = {n: Counter(store, hall, n, clock) for n in (1, 2, 3)}
    start = clock.now

    def at(minutes: float) -> None:
        clock.now = start + dt.timedelta(minutes=minutes)

    a, b = (desk.issue(Request(category="comprehensive")).ticket for _ in range(2))
    at(2), c[1].call_next()
    at(3), c[1].transfer("consult")  # came up, sent to enquiries
    at(4), c[2].call_number(b.number)
    at(5), c[2].start()
    at(6), c[2].suspend("copying")
    at(9), c[3].resume(b.id)  # taken up again at another window
    at(10)
    assert c[2].call_next().id == a.id
    at(11), c[2].start()
    at(12), c[3].finish()
    at(13), c[2].suspend("back_office")  # a hold that has not ended
    s = day_stats(store, DAY)
    comp, consult = s.by_category["comprehensive"], s.by_category["consult"]
    assert (comp.tickets, comp.transferred_out, comp.calls_ended, comp.no_show_rate) == (2, 1, 2, 0.0)
    assert waits(comp) == (2, 6) and waits(consult) == (1, 7)  # a: 3 → 10 in its new category
    assert services(comp) == (1, 4) and comp.hold_min == 3  # b: 5 → 12 less 6 → 9
    assert consult.hold_min == 0 and services(consult) == (0, 0) and walkups(consult) == (1, 1)
    assert services(s.by_window[3]) == (1, 4) and s.by_window[2].hold_min == 3  # done at 3, held at 2
    assert (comp.name, s.by_window[3].name) == ("comprehensive", "3号窗口")


def test_a_period_sums_its_days_and_lists_each(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
    c1 = Counter(store, hall, 1, clock)
    for day in range(3):
        for _ in range(day + 1):
            desk.issue(Request(category="comprehensive"))
            clock.advance(minutes=2)
            c1.call_next(), c1.start()
            clock.advance(minutes=5)
            c1.finish()
        clock.advance(days=1)
    s = period_stats(store, "2026-11-27", "2026-11-29", hall)
    assert s.overall.key == "2026-11-27..2026-11-29" and s.overall.name == "全期"
    assert (s.overall.tickets, s.overall.served, s.overall.mean_service_min, s.overall.p90_wait_min) == (6, 6, 5, 2)
    assert [(d, f.tickets) for d, f in s.by_day.items()] == [("2026-11-27", 1), ("2026-11-28", 2), ("2026-11-29", 3)]
    rows = s.rows()
    assert [r["scope"] for r in rows] == ["category", "window", "day", "day", "day", "day"]
    assert period_stats(store, "2026-11-28", "2026-11-28").overall.tickets == 2


def test_nearest_rank_percentile():
    assert p90([]) is None
    assert p90([7.0]) == 7.0
    assert p90(list(range(1, 11))) == 9  # ceil(9.0) = 9th
    assert p90(list(range(20, 0, -1))) == 18  # order does not matter
    assert p90(list(range(1, 12))) == 10  # ceil(9.9) = 10th
    assert percentile([1, 2, 3, 4], 50) == 2 and percentile([1, 2, 3, 4], 100) == 4


# --- kiosk stats --------------------------------------------------------------------------------

def where(store) -> list[str]:
    """The command-line options that reach ``store``'s database."""
    return ["--db", store.url] if store.dialect == "postgresql" else ["--data-dir", str(store.data_dir)]


def test_cli_prints_a_table_and_writes_csv_with_bom(played_day, tmp_path, capsys):
    out_file = tmp_path / "stats.csv"
    assert main(["stats", "--day", DAY, "--csv", str(out_file), *where(played_day)]) == 0
    out = capsys.readouterr().out
    assert "张浦镇政务服务中心 · 2026-11-27" in out
    for name in ("综合受理", "综合咨询", "不动产登记", "综合窗口", "不动产登记窗口", "Whole day 全天"):
        assert name in out
    consult = next(line for line in out.splitlines() if "综合咨询" in line).split()
    assert consult == ["综合咨询", "1", "1", "1", "50%", "8.0", "10.0", "1.0", "4.0", "4.0", "0.0", "0", "0"]
    assert f"Wrote 7 rows to {out_file}" in out

    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw[3:].decode("utf-8").split("\r\n")
    assert lines[0] == ",".join(ROW_FIELDS)
    assert lines[1:] == [
        "category,comprehensive,综合受理,5,1,0,0.0,5.0,6.0,8.0,8.0,0.75,3.0,3,1,1,0" + UNRATED,
        "category,consult,综合咨询,1,1,1,0.5,8.0,10.0,4.0,4.0,1.0,0.0,2,0,0,0" + UNRATED,
        "category,realty,不动产登记,0,1,0,0.0,1.0,1.0,12.0,12.0,1.0,0.0,1,0,0,1" + UNRATED,
        "window,1,综合窗口,3,1,1,0.5,6.67,10.0,8.0,8.0,1.0,3.0,3,0,0,0" + UNRATED,
        "window,2,综合窗口,2,1,0,0.0,5.5,6.0,4.0,4.0,0.75,0.0,2,0,1,0" + UNRATED,
        "window,6,不动产登记窗口,1,1,0,0.0,1.0,1.0,12.0,12.0,1.0,0.0,1,0,0,0" + UNRATED,
        "day,2026-11-27,全天,6,3,1,0.2,5.33,10.0,8.0,12.0,0.88,3.0,6,1,1,1" + UNRATED,
        "",
    ]


def test_cli_bad_day_is_refused(capsys):
    for bad in ("2026-13-01", "27/11/2026", "20261127"):
        with pytest.raises(SystemExit) as exc:
            main(["stats", "--day", bad])
        assert exc.value.code == 2
        assert f"'{bad}' is not a date like 2026-11-27" in capsys.readouterr().err


def test_cli_without_a_database_says_so_and_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    out_file = tmp_path / "empty.csv"
    assert main(["stats", "--data-dir", str(missing), "--day", DAY, "--csv", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert f"No tickets on {DAY}" in out and "Traceback" not in out
    assert not missing.exists()
    text = out_file.read_text(encoding="utf-8-sig").splitlines()
    assert text == [",".join(ROW_FIELDS), f"day,{DAY},全天,0,0,0,,,,,,,0.0,0,0,0,0" + UNRATED]
    assert main(["stats", "--data-dir", str(missing)]) == 0  # the default day is today
    assert f"No tickets on {dt.date.today().isoformat()}" in capsys.readouterr().out


def test_cli_unwritable_csv_is_a_clear_error(played_day, tmp_path, capsys):
    for target in (tmp_path / "no-such-dir" / "stats.csv", tmp_path):  # a missing folder; a folder
        assert main(["stats", "--day", DAY, "--csv", str(target), *where(played_day)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"Cannot write {target}: ") and "Traceback" not in err


def test_cli_unreadable_database_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "kiosk.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["stats", "--day", DAY, "--data-dir", str(tmp_path)]) == 1
    assert "not a kiosk database" in capsys.readouterr().err
