"""The study report (kiosk/usability/analysis.py, report.py, `kiosk report`): every number in the
CSV files and the HTML checked against a record built here by hand, where each answer is known."""

import csv
import re

import pytest

from kiosk.cli import main as cli_main
from kiosk.usability import stats
from kiosk.usability.analysis import Tap, analyse_dir, departure, rage_bursts
from kiosk.usability.events import AppEvent, Fault, Kind, Outcome, RecordWriter
from kiosk.usability.report import CSV_COLUMNS, render, write_report
from kiosk.usability.session import Session
from kiosk.usability.study import Block, Condition, Criterion, Design, Plan, Study, Success, Task
from kiosk.usability.synthetic import png, write_study_dir

A = Condition("A", "标准版", "Standard")
B = Condition("B", "长辈版", "Elder mode", elder=True)
T1 = Task("ticket", "为开办企业取号", "Ticket for a business", "取号", "Take a ticket",
          Success(Criterion.TICKET, bundle="YJS-01"), 120, ideal=("home", "ticket_menu", "item"))
T2 = Task("rate", "服务评价", "Rate a service", "评价", "Rate", Success(Criterion.SCREEN, screen="rate"), 60,
          ideal=("home", "rate"))
STUDY = Study("s1", "测试研究", "Test study", (T1, T2), (A, B), Design.WITHIN, umux_lite=True)


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def tap(s, clock, t, x, y, widget="", interactive=True, enabled=True, moved=0):
    clock.now = t
    s.record(Kind.PRESS, x=x, y=y, widget=widget, interactive=interactive, enabled=enabled)
    clock.now = t + 0.1
    s.record(Kind.RELEASE, {"moved": moved}, x=x + moved, y=y, widget=widget, interactive=interactive,
             enabled=enabled)


def screen(s, clock, t, code, how="go", **info):
    clock.now = t
    s.record(Kind.SCREEN, {"how": how, **info}, screen=code)


def build(root):
    """Two participants. P01: A then B, everything known; P02: B (failed), then A cut short."""
    study_dir = root / "s1"
    # --- P01 -----------------------------------------------------------------------------------
    clock = Clock()
    w = RecordWriter(study_dir / "participants" / "P01" / "events.jsonl", {"study": "s1", "participant": "P01"})
    s = Session(STUDY, Plan("P01", 0, (Block(A, (T1,)), Block(B, (T2,)))), w, clock)
    s.begin()
    screen(s, clock, 1, "home", "home")
    clock.now = 10
    s.start_task()  # T1 at 10.0 under A
    tap(s, clock, 12, 100, 100, interactive=False)  # nothing interactive: a misclick; first action 2.0 s
    tap(s, clock, 13, 500, 600, "tile_catalogue")
    screen(s, clock, 13.2, "catalogue")  # left the ideal path (expected ticket_menu)
    tap(s, clock, 15, 90, 50, "back")
    clock.now = 15.05
    s.record(Kind.BACK)
    screen(s, clock, 15.1, "home", "back")  # one back-step (BACK, then its screen)
    tap(s, clock, 16.0, 500, 400, "tile_ticket_menu", enabled=False)  # three dead taps: one rage burst
    tap(s, clock, 16.3, 505, 402, "tile_ticket_menu", enabled=False)
    tap(s, clock, 16.6, 498, 398, "tile_ticket_menu", enabled=False)
    tap(s, clock, 17.0, 500, 400, "tile_ticket_menu", moved=40)  # a drag: not a tap
    clock.now = 17.5
    s.fault_on(Fault.PRINTER)
    tap(s, clock, 18, 500, 400, "tile_ticket_menu")
    screen(s, clock, 18.2, "ticket_menu")
    tap(s, clock, 20, 540, 700, "row_bundle")
    screen(s, clock, 20.2, "item", bundle="YJS-01")
    clock.now = 21
    s.record(Kind.APP, {"what": AppEvent.TICKET_ISSUED.value, "bundle": "YJS-01"})  # success after 11.0 s
    s.fault_off(Fault.PRINTER)
    s.answer("SEQ", 1, 5, "ticket")
    for i, v in enumerate([4, 2] * 5, start=1):
        s.answer("SUS", i, v)  # 75
    s.answer("UMUX_LITE", 1, 6)
    s.answer("UMUX_LITE", 2, 6)  # 83.3
    screen(s, clock, 30, "home", "home")
    clock.now = 40
    s.start_task()  # T2 at 40.0 under B (elder)
    tap(s, clock, 45, 280, 805, "tile_rate")
    screen(s, clock, 45.0, "rate")  # success after 5.0 s
    s.answer("SEQ", 1, 7, "rate")
    for i, v in enumerate([5, 1] * 5, start=1):
        s.answer("SUS", i, v)  # 100
    s.answer("UMUX_LITE", 1, 7)
    s.answer("UMUX_LITE", 2, 7)  # 100
    s.finish()
    # --- P02 -----------------------------------------------------------------------------------
    clock = Clock()
    w = RecordWriter(study_dir / "participants" / "P02" / "events.jsonl", {"study": "s1", "participant": "P02"})
    s = Session(STUDY, Plan("P02", 1, (Block(B, (T2,)), Block(A, (T1,)))), w, clock)
    s.begin()
    screen(s, clock, 1, "home", "home")
    clock.now = 5
    s.start_task()  # T2 at 5.0 under B
    tap(s, clock, 9, 776, 805, "tile_checkin")  # first action 4.0 s
    screen(s, clock, 9.2, "checkin")
    clock.now = 35
    s.end_task(Outcome.FAIL)  # failed after 30.0 s
    s.answer("SEQ", 1, 2, "rate")
    for i in range(1, 11):
        s.answer("SUS", i, 3)  # 50
    screen(s, clock, 40, "home", "home")
    clock.now = 50
    s.start_task()  # T1 at 50.0 under A: the kiosk closes 3 s later, no end recorded
    tap(s, clock, 53, 529, 402, "tile_ticket_menu")
    w.close()
    # P01's home screen as the kiosk saw it (normal, 中文)
    shot = study_dir / "participants" / "P01" / "screens" / "home__normal__zh_CN.png"
    shot.parent.mkdir(parents=True)
    shot.write_bytes(png(4, 8, lambda x, y: (200, 210, 220)))
    return study_dir


def rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def report(tmp_path):
    study_dir = build(tmp_path)
    out = tmp_path / "out"
    done = write_report(study_dir, out, STUDY)
    return study_dir, out, done


def test_tasks_csv_holds_every_measure(report):
    _, out, _ = report
    got = {(r["participant"], r["task"]): r for r in rows(out / "tasks.csv")}
    assert set(got) == {("P01", "ticket"), ("P01", "rate"), ("P02", "rate"), ("P02", "ticket")}
    p1 = got["P01", "ticket"]
    assert {k: p1[k] for k in CSV_COLUMNS["tasks.csv"]} == {
        "participant": "P01", "condition": "A", "task": "ticket", "order": "1", "outcome": "success", "success": "1",
        "seconds": "11", "taps": "8", "misclicks": "1", "dead_taps": "3", "rage_taps": "1", "back_steps": "1",
        "first_action_s": "2", "seq": "5", "left_ideal_at": "catalogue", "faults": "printer",
        "path": "home>catalogue>home>ticket_menu>item"}
    p1r = got["P01", "rate"]
    assert (p1r["condition"], p1r["outcome"], p1r["seconds"], p1r["taps"], p1r["seq"], p1r["left_ideal_at"],
            p1r["path"], p1r["faults"]) == ("B", "success", "5", "1", "7", "", "home>rate", "")
    p2r = got["P02", "rate"]
    assert (p2r["outcome"], p2r["success"], p2r["seconds"], p2r["first_action_s"], p2r["left_ideal_at"]) == \
        ("fail", "0", "30", "4", "checkin")
    p2t = got["P02", "ticket"]  # the session was cut short: not finished, no time
    assert (p2t["outcome"], p2t["success"], p2t["seconds"], p2t["taps"], p2t["seq"]) == ("unfinished", "0", "", "1", "")


def test_questionnaires_and_taps_csv(report):
    _, out, _ = report
    q = rows(out / "questionnaires.csv")
    sus = {(r["participant"], r["condition"]): [] for r in q if r["instrument"] == "SUS"}
    for r in q:
        if r["instrument"] == "SUS":
            sus[r["participant"], r["condition"]].append(int(r["value"]))
    assert stats.sus_score(sus["P01", "A"]) == 75 and stats.sus_score(sus["P01", "B"]) == 100
    assert stats.sus_score(sus["P02", "B"]) == 50
    seq = {(r["participant"], r["task"]): r["value"] for r in q if r["instrument"] == "SEQ"}
    assert seq == {("P01", "ticket"): "5", ("P01", "rate"): "7", ("P02", "rate"): "2"}
    umux = [(r["participant"], r["condition"], r["item"], r["value"]) for r in q if r["instrument"] == "UMUX_LITE"]
    assert umux == [("P01", "A", "1", "6"), ("P01", "A", "2", "6"), ("P01", "B", "1", "7"), ("P01", "B", "2", "7")]
    taps = rows(out / "taps.csv")
    assert len(taps) == 8 + 1 + 1 + 1  # the drag is not a tap
    rate_tap = next(t for t in taps if t["participant"] == "P01" and t["task"] == "rate")
    assert (rate_tap["screen"], rate_tap["mode"], rate_tap["language"], rate_tap["x"], rate_tap["y"],
            rate_tap["widget"], rate_tap["interactive"]) == ("home", "elder", "zh_CN", "280", "805", "tile_rate", "1")
    miss = next(t for t in taps if t["widget"] == "")
    assert (miss["interactive"], miss["mode"], miss["t"]) == ("0", "normal", "12")


def test_summary_csv_aggregates_with_intervals(report):
    _, out, _ = report
    got = {(r["task"], r["condition"]): r for r in rows(out / "summary.csv")}
    ta = got["ticket", "A"]  # P01 succeeded, P02 did not finish
    wald = stats.adjusted_wald(1, 2)
    assert (ta["attempts"], ta["successes"], ta["unfinished"], ta["success_rate"]) == ("2", "1", "1", "0.5")
    assert float(ta["success_low"]) == pytest.approx(wald.low, abs=1e-4)
    assert float(ta["success_high"]) == pytest.approx(wald.high, abs=1e-4)
    assert (ta["time_geomean_s"], ta["time_low_s"], ta["time_n"]) == ("11", "", "1")  # one time: no interval
    assert (ta["misclicks"], ta["dead_taps"], ta["rage_taps"], ta["back_steps"], ta["taps"]) == ("1", "3", "1", "1", "9")
    assert ta["first_action_median_s"] == "2.5"  # P01 2.0 s, P02 3.0 s
    assert (ta["seq_mean"], ta["seq_n"]) == ("5", "1")
    assert (ta["left_ideal_n"], ta["common_departure"], ta["common_departure_n"]) == \
        ("1", "catalogue (ideal: ticket_menu)", "1")
    rb = got["rate", "B"]
    assert (rb["attempts"], rb["successes"], rb["time_geomean_s"], rb["seq_mean"]) == ("2", "1", "5", "4.5")
    allb = got["*", "B"]
    assert (allb["attempts"], allb["successes"]) == ("2", "1")


def test_report_html_numbers_and_figures(report):
    study_dir, out, done = report
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script src" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "P02: the session was cut short after 53 s; task(s) ticket counted as not finished" in page
    # SUS per participant with grade and adjective
    assert "75.0 <span class=grade>B</span> Good" in page
    assert "100.0 <span class=grade>A+</span> Best imaginable" in page
    assert "50.0 <span class=grade>F</span> OK" in page
    # the success cell of ticket × A with its adjusted-Wald interval
    wald = stats.adjusted_wald(1, 2)
    assert f"50 % <span class=ci>[{100 * wald.low:.0f}, {100 * wald.high:.0f}]</span>" in page
    # A vs B: P01 rated both, a paired difference of one: −25 without an interval
    assert "<td class=n>-25.0</td><td>paired t, n = 1</td>" in page
    # a heat map per screen × mode × language that has taps or a screenshot
    heat = dict(re.findall(r'<figure class=heat id="heat-([^"]+)" data-taps="(\d+)"', page))
    assert heat == {"home-normal-zh_CN": "7", "catalogue-normal-zh_CN": "1", "ticket_menu-normal-zh_CN": "1",
                    "home-elder-zh_CN": "2"}
    # the screenshot is embedded once however often it is shown; other screens are drawn blank
    assert page.count("data:image/png;base64,") == 1
    assert page.count('class="shot v0"') == 1 + 3  # the heat map and three replay steps on home (normal)
    # the replay: P01's ticket task step by step
    run = page[page.index('id="run-P01-ticket"'):page.index('id="run-P01-rate"')]
    assert run.count("<figure class=step") == 5  # home, catalogue, home, ticket_menu, item
    assert "1: 2.0 s ✗, 2: 3.0 s <code>tile_catalogue</code>" in run and "3: 5.0 s <code>back</code>" in run
    assert "4–6: 6.0–6.6 s ⊘ <code>tile_ticket_menu</code> ×3, 7: 8.0 s <code>tile_ticket_menu</code>" in run


def test_rage_bursts_and_departures():
    def t(time, x, y):
        return Tap("P", "A", "t", "home", "normal", "zh_CN", time, x, y, "w", True, True)

    taps = [t(0, 0, 0), t(0.4, 10, 10), t(0.9, 20, 0), t(1.0, 0, 0), t(5, 0, 0), t(5.2, 100, 0), t(5.4, 0, 0)]
    bursts = rage_bursts(taps)
    assert [len(b) for b in bursts] == [4]  # the second group is too spread out
    assert departure(["home", "rate"], ["home", "rate"]) is None
    assert departure(["home"], ["home", "rate"]) is None
    assert str(departure(["home", "rate", "slip"], ["home", "rate"])) == "slip (ideal: end)"


def test_cli_report_and_its_refusals(tmp_path, capsys):
    study_dir = build(tmp_path)
    out = tmp_path / "cli"
    assert cli_main(["report", str(study_dir), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "report.html" in said and "tasks.csv (4 rows)" in said and "study.yaml is missing" in said
    assert {p.name for p in out.iterdir()} == {"report.html", "tasks.csv", "questionnaires.csv", "summary.csv",
                                               "taps.csv"}
    assert cli_main(["report", str(tmp_path / "nothing"), "--out", str(out)]) == 1
    assert "no such study directory" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert cli_main(["report", str(tmp_path / "empty"), "--out", str(out)]) == 1
    assert "no participant records" in capsys.readouterr().err
    record = study_dir / "participants" / "P02" / "events.jsonl"
    lines = record.read_text(encoding="utf-8").splitlines()
    lines[3] = '{"t": 1, "kind": "nonsense"}'
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli_main(["report", str(study_dir), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{record}:4: event:" in err and "Traceback" not in err


def test_synthetic_study_is_reported(tmp_path):
    study_dir, study = write_study_dir(tmp_path, participants=6, seed=3, cut_short=1)
    a = analyse_dir(study_dir, study)
    assert [p.code for p in a.participants] == [f"P0{i}" for i in range(1, 7)]
    assert len(a.runs) == 5 * 6 + 4  # the last stops in the middle of its 4th task
    assert any(not r.finished for r in a.runs) and any(r.faults for r in a.runs)
    page = render(a, study_dir)
    assert page.count("data:image/png;base64,") == len(set(
        (p.stem) for p in study_dir.glob("participants/*/screens/*.png")))


def test_cli_reads_the_study_as_run(tmp_path, capsys):
    study_dir, study = write_study_dir(tmp_path, participants=2, seed=5)
    assert (study_dir / "study.yaml").is_file()
    out = tmp_path / "out"
    assert cli_main(["report", str(study_dir), "--out", str(out)]) == 0
    assert "missing" not in capsys.readouterr().out
    page = (out / "report.html").read_text(encoding="utf-8")
    for task in study.tasks:
        assert task.title in page and " → ".join(task.ideal) in page
    assert "长辈版" in page and "senior" in page
    (study_dir / "study.yaml").write_text("id: x\ntitle: 研究\n", encoding="utf-8")
    assert cli_main(["report", str(study_dir), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "study.yaml has" in err and "study.yaml:1:" in err and "Traceback" not in err


def test_a_session_in_english_puts_its_taps_on_english_screens(tmp_path):
    clock = Clock()
    w = RecordWriter(tmp_path / "s1" / "participants" / "P01" / "events.jsonl", {"study": "s1", "participant": "P01"})
    s = Session(STUDY, Plan("P01", 0, (Block(A, (T2,)),)), w, clock)
    s.begin(language="en_US")  # the hall's language, where the condition names none
    screen(s, clock, 1, "home", "home")
    s.start_task()
    tap(s, clock, 2, 280, 805, "tile_rate")
    clock.now = 3
    s.record(Kind.APP, {"what": AppEvent.MODE_CHANGED.value, "elder": True, "language": "zh_CN", "voice": True})
    tap(s, clock, 4, 280, 805, "tile_rate")
    screen(s, clock, 4.2, "rate")
    s.finish()
    a = analyse_dir(tmp_path / "s1", STUDY)
    assert [(t.mode, t.language) for t in a.taps] == [("normal", "en_US"), ("elder", "zh_CN")]
