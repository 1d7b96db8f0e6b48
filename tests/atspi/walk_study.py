#!/usr/bin/python3
"""A screen reader's walk through a usability study (``kiosk study``), over AT-SPI.

Run by the system Python with Debian's python3-pyatspi, like walk_kiosk.py (whose tree reading
and acting it uses): one program, two windows — the participant's kiosk and the facilitator's
window. Everything is found by its accessible name and role and done by its default action
(index 0: Press, or Toggle on a check box); never coordinates, never synthetic input.

The walk: find the facilitator's window (its name says 可用性测试 and the participant) and its
marks (开始 成功 失败 跳过 备注), 下一位参与者 and the six fault switches (check boxes), with the
fault parameters; switch 打印机缺纸 on and off again, its state read from the tree; 开始 the first
task, whose title the facilitator's window says; do it on the kiosk (找到服务评价: the home
screen's 服务评价); wait for the facilitator to say the kiosk judged it a success — and to hear it
said (an AT-SPI announcement: a screen reader says it wherever its user is); press 下一题 with
nothing chosen and hear why the page stays (请先选一个答案); answer every
page of the questionnaire that opens on the kiosk (SEQ, then the block's SUS and UMUX-Lite):
check that the page alone is offered (not the screen it covers), choose the value, check that it
alone is ticked, go on with 下一题 / 完成. Then a note (备注, its field written through the
editable text interface, 保存备注) and the next participant (下一位参与者, the code offered, 开始下一位). Prints one JSON object:
``ok``, ``steps``, ``answers`` ([instrument title, page, value]), ``trees`` (role and name of
what each window shows at the key moments) and ``error``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time

import pyatspi
from gi.repository import GLib
from walk_kiosk import (
    BUTTONS,
    POLL,
    WalkFailed,
    activate,
    checked,
    description,
    find_app,
    fresh,
    name,
    role,
    shown,
    states,
)

#: the values the walk chooses: SEQ 5; SUS 4,2,4,2,… (a score of 75); UMUX-Lite 6 and 6
SEQ_VALUE = 5
SUS_VALUES = (4, 2, 4, 2, 4, 2, 4, 2, 4, 2)
UMUX_VALUES = (6, 6)
FAULTS = ("打印机缺纸", "读卡器故障", "号已取完", "窗口暂停", "存储变慢", "语音失效")
MARKS = ("开始", "成功", "失败", "跳过", "备注")
TIMEOUT = 15.0
NOTE = "读屏软件写的备注"
PROGRESS = re.compile(r"^(?P<title>.+?) · 第 (?P<n>\d+) 题，共 (?P<total>\d+) 题$")


#: what screen readers were told to say (AT-SPI announcements), in order
HEARD: list[str] = []


def listen() -> None:
    """Hear the application's announcements (object:announcement), as a screen reader does."""
    pyatspi.Registry.registerEventListener(lambda event: HEARD.append(str(event.any_data)), "object:announcement")


def pump() -> None:
    """Deliver the events that came (this client has no main loop of its own)."""
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass


def heard(pattern: str):
    rx = re.compile(pattern)
    return lambda: next((h for h in HEARD if rx.search(h)), None)


def windows(app) -> list:
    fresh(app)
    return [app.getChildAtIndex(i) for i in range(app.childCount)]


def wait(what: str, find, timeout: float = TIMEOUT, where=None):
    deadline = time.monotonic() + timeout
    while True:
        pump()
        if where is not None:
            fresh(where)
        found = find()
        if found:
            return found
        if time.monotonic() > deadline:
            seen = f"; it shows: {tree_text(where)}" if where is not None else ""
            raise WalkFailed(f"timed out after {timeout:.0f} s waiting for {what}{seen}")
        time.sleep(POLL)


def tree(root) -> list[list[str]]:
    """[role, name, state] of what ``root`` shows that a screen reader would say (named, or a control)."""
    out = []
    for acc in shown(root):
        r, n = role(acc), name(acc)
        if r in ("filler", "panel", "layered pane", "application") and not n:
            continue
        st = states(acc)
        flags = [w for w, s in (("checked", pyatspi.STATE_CHECKED), ("disabled", None)) if
                 (s in st if s is not None else r in BUTTONS and pyatspi.STATE_SENSITIVE not in st)]
        out.append([r, n, " ".join(flags)])
    return out


def tree_text(root, limit: int = 50) -> str:
    if root is None:
        return ""
    items = [f"{r} '{n}'" + (f" ({f})" if f else "") for r, n, f in tree(root)]
    return "; ".join(items[:limit]) + (f" … (+{len(items) - limit})" if len(items) > limit else "")


def control(root, roles: tuple[str, ...], pattern: str, enabled: bool = False):
    rx = re.compile(pattern)
    for acc in shown(root):
        if role(acc) in roles and rx.search(name(acc)):
            if not enabled or pyatspi.STATE_SENSITIVE in states(acc):
                return acc
    return None


def text_of(root, pattern: str):
    return control(root, ("label", "heading", "static", "text"), pattern)


def labelled_by(acc) -> str:
    """The names of what labels ``acc`` (its labelled-by relation), as a screen reader finds them."""
    try:
        relations = acc.getRelationSet()
    except Exception:
        return ""
    return " ".join(name(r.getTarget(i)) for r in relations if r.getRelationType() == pyatspi.RELATION_LABELLED_BY
                    for i in range(r.getNTargets()))


def is_choice(acc) -> bool:
    """An answer of a questionnaire page: a check box named by its number (and the scale's words at the ends)."""
    return role(acc) == "check box" and re.match(r"^\d( |$)", name(acc)) is not None


def walk(app, code: str, result: dict) -> None:
    steps, trees = result["steps"], result["trees"]

    def facilitator_window():
        return next((w for w in windows(app) if name(w).startswith("可用性测试") and code in name(w)), None)

    fac = wait(f"the facilitator's window (可用性测试 … {code})", facilitator_window)
    kiosk = wait("the kiosk's window", lambda: next(
        (w for w in windows(app) if w is not None and not name(w).startswith("可用性测试")
         and pyatspi.STATE_SHOWING in states(w)), None))
    result["windows"] = {"facilitator": name(fac), "kiosk": name(kiosk)}
    wait("the facilitator's 开始", lambda: control(fac, BUTTONS, r"^开始$", enabled=True), where=fac)
    trees["facilitator"] = tree(fac)

    missing = [m for m in MARKS if control(fac, ("push button",), f"^{m}$") is None]
    missing += [f for f in FAULTS if control(fac, ("check box",), f"^{f}$") is None]
    if control(fac, ("push button",), r"^下一位参与者$") is None:
        missing.append("下一位参与者")
    if missing:
        raise WalkFailed(f"the facilitator's window has no control named {', '.join(missing)}: {tree_text(fac)}")
    # the fault switches say what they do; each list says what it is for (its label: labelled-by)
    result["fault_descriptions"] = {name(a): description(a) for a in shown(fac) if role(a) == "check box"}
    result["lists"] = [[role(a), name(a), labelled_by(a)] for a in shown(fac) if role(a) in ("combo box", "spin button")]
    first = text_of(fac, r"^找到服务评价 · ")
    if first is None:
        raise WalkFailed(f"the facilitator's window does not say the first task is 找到服务评价: {tree_text(fac)}")
    result["task_title"] = name(first)

    # a fault switch's state as the tree says it: on, then off again
    printer = control(fac, ("check box",), r"^打印机缺纸$")
    for on in (True, False):
        activate(printer, "facilitator", steps)
        wait(f"打印机缺纸 {'ticked' if on else 'not ticked'}", lambda on=on: checked(
            control(fac, ("check box",), r"^打印机缺纸$")) is on or None, where=fac)

    activate(control(fac, BUTTONS, r"^开始$", enabled=True), "facilitator", steps)
    wait("成功 enabled (the task running)", lambda: control(fac, BUTTONS, r"^成功$", enabled=True), where=fac)
    trees["facilitator_running"] = tree(fac)

    # the task, on the kiosk: 找到服务评价
    tile = wait("the kiosk's 服务评价", lambda: control(kiosk, BUTTONS, r"^服务评价$", enabled=True), where=kiosk)
    activate(tile, "home", steps)

    status = wait("the facilitator's status: the kiosk judged the task a success",
                  lambda: text_of(fac, r"自助机自动判定"), where=fac)
    result["status"] = name(status)
    result["status_heard"] = wait("the task's end announced to the screen reader", heard(r"自助机自动判定"), timeout=5)

    # the questionnaire on the kiosk, page by page, until 完成
    answers = result["answers"]
    values = (SEQ_VALUE, *SUS_VALUES, *UMUX_VALUES)
    while True:
        index = len(answers)
        progress = wait(f"questionnaire page {index + 1} (… 第 {index + 1} 题，共 m 题) on the kiosk",
                        lambda index=index: (lambda p: p if p is not None and f"第 {index + 1} 题" in name(p) else None)(
                            text_of(kiosk, PROGRESS.pattern)), where=kiosk)
        m = PROGRESS.match(name(progress))
        title, n, total = m.group("title"), int(m.group("n")), int(m.group("total"))
        question = control(kiosk, ("heading",), r".")
        choices = [a for a in shown(kiosk) if is_choice(a)]
        if not choices:
            raise WalkFailed(f"page {n} of {total} has no answers a screen reader can choose: {tree_text(kiosk)}")
        beneath = [f"{role(a)} '{name(a)}'" for a in shown(kiosk) if role(a) in BUTTONS and not is_choice(a)
                   and name(a) not in ("上一题", "下一题", "完成")]
        if beneath:
            raise WalkFailed(f"page {n} of {total}: the screen it covers is offered too: {', '.join(beneath)}")
        if any(checked(c) for c in choices):
            raise WalkFailed(f"page {n} opened with an answer already chosen: {tree_text(kiosk)}")
        if index == 0:  # 下一题 with nothing chosen: the page stays, and the reader is told why
            activate(control(kiosk, BUTTONS, r"^下一题$", enabled=True), "questionnaire 1", steps)
            result["hint_heard"] = wait("the hint announced (请先选一个答案)", heard(r"请先选一个答案"), timeout=5)
            if text_of(kiosk, r"第 1 题") is None:
                raise WalkFailed(f"下一题 without an answer left page 1: {tree_text(kiosk)}")
        value = values[index]
        if n <= 2 or n == total:
            trees[f"questionnaire_{n}"] = tree(kiosk)
        choice = next((c for c in choices if name(c).split()[0] == str(value)), None)
        if choice is None:
            raise WalkFailed(f"page {n}: no answer named {value}: {[name(c) for c in choices]}")
        activate(choice, f"questionnaire {n}", steps)
        wait(f"answer {value} ticked, and it alone", lambda value=value: all(
            checked(c) is (name(c).split()[0] == str(value)) for c in shown(kiosk) if is_choice(c)) or None,
            timeout=5, where=kiosk)
        answers.append([title, n, value, name(question) if question is not None else ""])
        go = control(kiosk, BUTTONS, r"^(完成|下一题)$", enabled=True)
        if go is None:
            raise WalkFailed(f"page {n} has no 下一题 / 完成: {tree_text(kiosk)}")
        last = name(go) == "完成"
        activate(go, f"questionnaire {n}", steps)
        if last:
            break
    wait("the questionnaire to close", lambda: text_of(kiosk, PROGRESS.pattern) is None or None, where=kiosk)
    trees["facilitator_after"] = tree(fac)

    # 备注: the note's field by its name, written through the editable text a screen reader offers
    activate(wait("备注 enabled", lambda: control(fac, BUTTONS, r"^备注$", enabled=True), where=fac), "facilitator", steps)
    field = wait("the note's field (备注：…)", lambda: control(fac, ("text", "entry"), r"^备注"), where=fac)
    trees["facilitator_note"] = tree(fac)
    field.queryEditableText().setTextContents(NOTE)
    activate(wait("保存备注", lambda: control(fac, BUTTONS, r"^保存备注$", enabled=True), where=fac), "facilitator", steps)
    wait("the note row closed (开始 again)", lambda: control(fac, BUTTONS, r"^开始$"), where=fac)

    # 下一位参与者: the next code is offered; 开始下一位 begins them
    activate(control(fac, BUTTONS, r"^下一位参与者$", enabled=True), "facilitator", steps)
    code_field = wait("the next participant's code (下一位参与者编号)",
                      lambda: control(fac, ("text", "entry"), r"^下一位参与者编号$"), where=fac)
    trees["facilitator_next"] = tree(fac)
    result["next_code"] = code_field.queryText().getText(0, -1)
    activate(wait("开始下一位", lambda: control(fac, BUTTONS, r"^开始下一位$", enabled=True), where=fac),
             "facilitator", steps)
    nxt = result["next_code"]
    wait(f"the facilitator's window for {nxt}", lambda: next(
        (w for w in windows(app) if name(w).startswith("可用性测试") and name(w).endswith(nxt)), None))
    result["ok"] = True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pid", type=int, required=True, help="the process of kiosk study")
    ap.add_argument("--participant", default="P01")
    ap.add_argument("--start-timeout", type=float, default=30.0)
    args = ap.parse_args(argv)
    result: dict = {"ok": False, "steps": [], "answers": [], "trees": {}, "error": None}
    try:
        app = find_app(args.pid, "", args.start_timeout)
        listen()
        walk(app, args.participant, result)
    except WalkFailed as exc:
        result["error"] = str(exc)
    result["heard"] = HEARD
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
