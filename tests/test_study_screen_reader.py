"""A real screen-reader client runs a usability study: the facilitator's window and the
questionnaire on the kiosk, by AT-SPI alone.

``kiosk study tests/data/study-two-tasks.yaml --participant P01`` on the desktop of
tests/a11ydesktop.py (a private session bus, the accessibility bus, Xvfb, Qt's xcb platform with
accessibility on); tests/atspi/walk_study.py — Debian's python3-pyatspi, the system Python — finds
the facilitator's window and its controls by their names, switches a fault on and off, starts
the first task, does it on the kiosk (hearing its end announced), answers the questionnaire on the kiosk page by page, writes
a note and begins the next participant, each control by its default action (the note's words
through the editable text interface). Then the participant's record must say what the walk did:
the task ended a success by the kiosk's own judgement, every answer with the value chosen.

Without the Debian packages the test is skipped and names them; under ``CI=true`` it fails.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from a11ydesktop import run_client

from kiosk.usability.events import Kind, read_record

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "tests" / "atspi" / "walk_study.py"
STUDY = ROOT / "tests" / "data" / "study-two-tasks.yaml"
FAULTS = ["打印机缺纸", "读卡器故障", "号已取完", "窗口暂停", "存储变慢", "语音失效"]  # as written on them


def test_a_screen_reader_runs_a_study_task_and_answers_the_questionnaire(desktop, tmp_path):
    started = time.monotonic()
    data = tmp_path / "data"
    study = desktop.processes.start("study", [sys.executable, "-m", "kiosk", "study", str(STUDY), "--participant", "P01",
                                              "--data-dir", str(data), "--window", "540x960"], desktop.qt_env, cwd=ROOT)
    result, context = run_client(desktop, CLIENT, ["--pid", str(study.pid), "--participant", "P01"], "study")
    walked_in = time.monotonic() - started

    # the facilitator's window as the reader lists it: its marks, the next participant, the fault switches
    said = {(role, name) for role, name, _ in result["trees"]["facilitator"]}
    for mark in ("开始", "成功", "失败", "跳过", "备注", "下一位参与者"):
        assert ("push button", mark) in said, context
    assert [n for r, n, _ in result["trees"]["facilitator"] if r == "check box"] == FAULTS, context
    assert result["fault_descriptions"]["号已取完"] == "所选事项今天的号已取完", context
    assert result["fault_descriptions"]["存储变慢"] == "每次存储变慢几秒，秒数在本栏右上角", context
    # a combo box's name on Linux is its choice: what it is for is the label that names it
    assert result["lists"] == [["combo box", "QYKB-001 有限责任公司设立登记", "事项"], ["combo box", "综合受理", "类别"],
                               ["spin button", "每次存储的秒数", ""]], context
    states = {n: s for r, n, s in result["trees"]["facilitator"] if r == "push button"}
    assert states["成功"] == states["失败"] == states["跳过"] == "disabled" and states["开始"] == "", context
    assert result["task_title"] == "找到服务评价 · Find the rating page", context
    assert "自助机自动判定" in result["status"], context
    # told without moving the focus (AT-SPI announcements): the task's end; 下一题 with nothing chosen
    assert result["status_heard"] == result["status"], context
    assert result["hint_heard"] == "请先选一个答案", context

    # each control by its default action: Press, Toggle on a check box (a fault switch, an answer)
    acts = [(s["screen"], s["role"], s["name"], s["action"]) for s in result["steps"]]
    assert acts[:5] == [("facilitator", "check box", "打印机缺纸", "Toggle")] * 2 + [
        ("facilitator", "push button", "开始", "Press"), ("home", "push button", "服务评价", "Press"),
        ("questionnaire 1", "push button", "下一题", "Press")], context
    assert {a[1:] for a in acts[5:] if a[1] == "check box"} <= {("check box", n, "Toggle") for n in
                                                                ("1 非常难", "2", "3", "4", "5", "6", "7 非常容易",
                                                                 "1 非常不同意", "5 非常同意", "7 非常同意")}, context
    assert acts[-5][2:] == ("完成", "Press"), context  # the questionnaire's last page, then the facilitator's
    assert acts[-4:] == [("facilitator", "push button", n, "Press")
                         for n in ("备注", "保存备注", "下一位参与者", "开始下一位")], context

    # the pages: the SEQ of the task, then the block's SUS and UMUX-Lite, each page its own question
    pages = result["answers"]
    assert [(p[0], p[1]) for p in pages] == [("刚才这项任务", 1)] + [("使用感受", n) for n in range(2, 12)] + [
        ("总体评价", 12), ("总体评价", 13)], context
    assert pages[0][3] == "总的来说，完成这项任务有多难或多容易？" and pages[1][3] == "我愿意经常使用这台自助机。", context
    chosen = [p[2] for p in pages]
    assert chosen == [5, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 6, 6], context

    # the participant's record says what the screen reader did (P01's session ended when the walk
    # began the next participant)
    assert result["next_code"] == "P02", context
    participants = data / "studies" / "two-tasks" / "participants"
    record = read_record(participants / "P01" / "events.jsonl")
    ends = [e for e in record.events if e.kind is Kind.TASK_END]
    assert [(e.task, e.info["outcome"], e.info["by"]) for e in ends] == [("find-rating", "success", "app")], context
    answers = [(e.info["instrument"], e.info["item"], e.info["value"], e.info["of_task"])
               for e in record.events if e.kind is Kind.ANSWER]
    assert answers == [("SEQ", 1, 5, "find-rating")] + [("SUS", i, v, "") for i, v in enumerate(chosen[1:11], 1)] + [
        ("UMUX_LITE", 1, 6, ""), ("UMUX_LITE", 2, 6, "")], context
    faults = [(e.kind, e.info["fault"]) for e in record.events if e.kind in (Kind.FAULT_ON, Kind.FAULT_OFF)]
    assert faults == [(Kind.FAULT_ON, "printer"), (Kind.FAULT_OFF, "printer")], context
    notes = [e.info["text"] for e in record.events if e.kind is Kind.NOTE]
    assert len(notes) == 1 and notes[0].endswith("] 读屏软件写的备注"), context
    assert record.events[-1].kind is Kind.SESSION_END and record.events[-1].info["reason"] == "next", context
    following = read_record(participants / "P02" / "events.jsonl")  # read while the study still runs
    assert following.events[0].kind is Kind.SESSION_START, context

    desktop.processes.stop(study)
    assert study.returncode == 0, f"kiosk study did not end cleanly ({study.returncode}){context}"
    assert walked_in < 30, f"the walk took {walked_in:.1f} s"
