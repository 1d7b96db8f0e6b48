"""``kiosk report STUDY_DIR --out DIR``: the study's report as one self-contained HTML file and
tidy CSV files (one row per observation, UTF-8 without a BOM, for R and pandas).

- ``report.html``: overview; per task × condition success (adjusted-Wald 95 % interval), time on
  task (geometric mean of the successful times and its interval), misclicks, dead and rage taps,
  back-steps, time to first action, SEQ, the most common path and where people left the ideal
  one; condition A against B (success difference, Agresti–Caffo; time ratio; SEQ, SUS and
  UMUX-Lite differences); SEQ/SUS/UMUX-Lite per participant and overall; a tap heat map for every
  screen × mode × language drawn as SVG over that screen's screenshot; a step-by-step replay of
  every participant's every task. Each screenshot is embedded once (a CSS class with a ``data:``
  URI) however often it is shown; no external fetch; one small script marks script errors.
- ``tasks.csv``, ``questionnaires.csv``, ``summary.csv``, ``taps.csv`` (columns in :data:`CSV_COLUMNS`).
"""

from __future__ import annotations

import base64
import csv
import datetime as _dt
import html
import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kiosk.usability import stats
from kiosk.usability.analysis import (
    UNFINISHED,
    Analysis,
    Cell,
    StudyDirError,
    Tap,
    TaskRun,
    analyse,
    record_paths,
)
from kiosk.usability.events import Kind, Record, RecordError, read_record
from kiosk.usability.study import Condition, Criterion, Design, Study, Success, Task, load_study

W, H = 1080, 1920  # the kiosk's reference geometry: tap positions are in these pixels
HEAT_CELL = 40  # px: the heat map's grid

CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "tasks.csv": ("participant", "condition", "task", "order", "outcome", "success", "seconds", "taps", "misclicks",
                  "dead_taps", "rage_taps", "back_steps", "first_action_s", "seq", "left_ideal_at", "faults", "path"),
    "questionnaires.csv": ("participant", "condition", "instrument", "task", "item", "value"),
    "summary.csv": ("task", "condition", "attempts", "successes", "unfinished", "success_rate", "success_low",
                    "success_high", "time_geomean_s", "time_low_s", "time_high_s", "time_n", "misclicks",
                    "dead_taps", "rage_taps", "back_steps", "taps", "first_action_median_s", "seq_mean", "seq_n",
                    "common_path", "common_path_n", "left_ideal_n", "common_departure", "common_departure_n"),
    "taps.csv": ("participant", "condition", "task", "screen", "mode", "language", "t", "x", "y", "widget",
                 "interactive", "enabled"),
}
ALL_TASKS = "*"  # summary.csv: the row of every task under a condition


class ReportError(Exception):
    """The report cannot be made (no study directory, no records, a broken record): says why."""


# --- reading a study directory ---------------------------------------------------------------------

def _derived_study(records: Sequence[tuple[Path, Record]]) -> Study:
    """A study made from what the records hold, for a directory without its study.yaml: tasks by
    id (no titles, no ideal paths), conditions by id."""
    tasks: dict[str, float] = {}
    conds: list[str] = []
    for _, record in records:
        for e in record.events:
            if e.kind is Kind.TASK_START and e.task not in tasks:
                limit = e.info.get("limit")
                tasks[e.task] = float(limit) if isinstance(limit, (int, float)) else 0.0
            if e.kind is Kind.CONDITION and e.condition and e.condition not in conds:
                conds.append(e.condition)
    return Study("?", "", "", tuple(Task(t, t, t, "", "", Success(Criterion.SCREEN), limit)
                                    for t, limit in tasks.items()),
                 tuple(Condition(c, c, c) for c in conds))


def load(study_dir: Path, study: Study | None = None) -> Analysis:
    """The analysis of ``study_dir``: its study (``study`` or ``study.yaml``) and every record."""
    study_dir = Path(study_dir)
    if not study_dir.is_dir():
        raise ReportError(f"{study_dir}: no such study directory")
    paths = record_paths(study_dir)
    if not paths:
        raise ReportError(f"{study_dir}: no participant records (participants/*/events.jsonl): nothing to report")
    try:
        records = [(p, read_record(p)) for p in paths]
    except RecordError as exc:
        raise ReportError(f"a broken record: {exc}") from exc
    notes: list[str] = []
    if study is None:
        study = _study_file(study_dir, notes)
    if study is None:
        study = _derived_study(records)
        notes.append(f"{study_dir / 'study.yaml'} is missing: tasks and conditions are named by their ids "
                     "and no ideal paths are known")
    try:
        result = analyse(study, records)
    except StudyDirError as exc:
        raise ReportError(str(exc)) from exc
    result.problems[:0] = notes
    return result


def _study_file(study_dir: Path, notes: list[str]) -> Study | None:
    path = study_dir / "study.yaml"
    if not path.is_file():
        return None
    from kiosk.domain.yamlfile import ValidationError

    try:
        return load_study(path)
    except ValidationError as err:
        raise ReportError(f"{path} has {len(err.problems)} problem(s):\n"
                          + "\n".join(f"  {p}" for p in err.problems)) from err


# --- CSV ---------------------------------------------------------------------------------------------

def _num(value: float | None, digits: int = 3) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{round(value, digits):g}" \
        if digits else str(round(value))


def _bool(value: bool | None) -> str:
    return "" if value is None else "1" if value else "0"


def task_rows(a: Analysis) -> list[dict[str, str]]:
    return [{"participant": r.participant, "condition": r.condition, "task": r.task, "order": str(r.order),
             "outcome": r.outcome, "success": _bool(r.success), "seconds": _num(r.seconds),
             "taps": str(len(r.taps)), "misclicks": str(r.misclicks), "dead_taps": str(r.dead_taps),
             "rage_taps": str(r.rage_taps), "back_steps": str(r.back_steps), "first_action_s": _num(r.first_action_s),
             "seq": "" if r.seq is None else str(r.seq), "left_ideal_at": r.departure.actual if r.departure else "",
             "faults": ";".join(r.faults), "path": ">".join(r.path)} for r in a.runs]


def questionnaire_rows(a: Analysis) -> list[dict[str, str]]:
    rows = []
    for p in a.participants:
        for r in p.runs:
            if r.seq is not None:
                rows.append({"participant": p.code, "condition": r.condition, "instrument": "SEQ", "task": r.task,
                             "item": "1", "value": str(r.seq)})
        for q in p.questionnaires:
            for item, value in sorted(q.answers.items()):
                rows.append({"participant": p.code, "condition": q.condition, "instrument": q.instrument,
                             "task": "", "item": str(item), "value": str(value)})
    return rows


def summary_rows(a: Analysis) -> list[dict[str, str]]:
    rows = []
    for task in [*a.task_ids, ALL_TASKS]:
        for cond in a.condition_ids:
            c = a.cell("" if task == ALL_TASKS else task, cond)
            if not c.attempts:
                continue
            rows.append({"task": task, "condition": cond, "attempts": str(c.attempts), "successes": str(c.successes),
                         "unfinished": str(c.unfinished),
                         "success_rate": _num(c.success.estimate if c.success else None, 4),
                         "success_low": _num(c.success.low if c.success else None, 4),
                         "success_high": _num(c.success.high if c.success else None, 4),
                         "time_geomean_s": _num(c.time.estimate if c.time else None),
                         "time_low_s": _num(c.time.low if c.time else None),
                         "time_high_s": _num(c.time.high if c.time else None), "time_n": str(len(c.times)),
                         "misclicks": str(c.misclicks), "dead_taps": str(c.dead_taps), "rage_taps": str(c.rage_taps),
                         "back_steps": str(c.back_steps), "taps": str(c.taps),
                         "first_action_median_s": _num(c.first_action), "seq_mean": _num(c.seq), "seq_n": str(c.seq_n),
                         "common_path": ">".join(c.path) if task != ALL_TASKS else "",
                         "common_path_n": str(c.path_count) if task != ALL_TASKS else "",
                         "left_ideal_n": str(c.departures),
                         "common_departure": str(c.departure) if c.departure and task != ALL_TASKS else "",
                         "common_departure_n": str(c.departure_count) if task != ALL_TASKS else ""})
    return rows


def tap_rows(a: Analysis) -> list[dict[str, str]]:
    return [{"participant": t.participant, "condition": t.condition, "task": t.task, "screen": t.screen,
             "mode": t.mode, "language": t.language, "t": _num(t.t), "x": str(t.x), "y": str(t.y),
             "widget": t.widget, "interactive": _bool(t.interactive), "enabled": _bool(t.enabled)}
            for p in a.participants for t in p.taps]


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


# --- HTML pieces -------------------------------------------------------------------------------------

def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def secs(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def interval(iv: stats.Interval | None, fmt: str = "pct") -> str:
    """An estimate with its interval in brackets, as the table shows it."""
    if iv is None:
        return "–"

    def f(v: float) -> str:
        if fmt == "pct":
            return f"{100 * v:.0f}"
        if fmt == "pp":
            return f"{100 * v:+.0f}"
        if fmt == "s":
            return f"{v:.1f}"
        if fmt == "x":
            return f"{v:.2f}"
        return f"{v:+.1f}" if fmt == "diff" else f"{v:.1f}"

    unit = {"pct": " %", "pp": " pp", "s": " s", "x": "×"}.get(fmt, "")
    text = f"{f(iv.estimate)}{unit}"
    if iv.low is not None and iv.high is not None:
        text += f" <span class=ci>[{f(iv.low)}, {f(iv.high)}]</span>"
    return text


def _task_name(study: Study, task_id: str) -> str:
    t = next((t for t in study.tasks if t.id == task_id), None)
    if t is None or (t.title == t.id and t.title_en == t.id):
        return esc(task_id)
    return f"{esc(t.title)}<br><small>{esc(t.title_en)} · <code>{esc(t.id)}</code></small>"


def _cond_name(study: Study, cond_id: str) -> str:
    c = next((c for c in study.conditions if c.id == cond_id), None)
    if c is None or (c.name == c.id and c.name_en == c.id):
        return esc(cond_id)
    return f"{esc(c.id)} {esc(c.name)} <small>{esc(c.name_en)}</small>"


def _path(path: Sequence[str]) -> str:
    return " → ".join(esc(s) for s in path) if path else "–"


def _sus_words(score: float | None, with_score: bool = True) -> str:
    if score is None:
        return "–"
    en, zh = stats.sus_adjective(score)
    return (f"{score:.1f} " if with_score else "") + \
        f"<span class=grade>{esc(stats.sus_grade(score))}</span> {esc(en)} {esc(zh)}"


CSS = """
*{box-sizing:border-box}body{font:15px/1.45 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",
"PingFang SC",system-ui,sans-serif;color:#16202c;margin:0;background:#f4f6f9}
header{background:#0d47a1;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}
header p{margin:4px 0 0;opacity:.9}nav{padding:8px 28px;background:#e3e8f0;position:sticky;top:0;z-index:2}
nav a{margin-right:16px;color:#0d47a1;text-decoration:none;font-weight:600}main{padding:8px 28px 40px}
section{margin:22px 0}h2{font-size:20px;border-bottom:2px solid #0d47a1;padding-bottom:4px}
h3{font-size:17px;margin:18px 0 6px}table{border-collapse:collapse;background:#fff;margin:6px 0 12px}
#task-table td:first-child,.compare td:first-child{min-width:190px}
th,td{border:1px solid #c9d1dc;padding:4px 8px;vertical-align:top;text-align:left}th{background:#e9eef5}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}.ci{color:#4a5868;font-size:12px}
small{color:#4a5868}.grade{font-weight:700;color:#0d47a1}.bad{color:#b3261e;font-weight:600}
.notes li{color:#7a4b00}.cards{display:flex;flex-wrap:wrap;gap:14px}
figure{margin:0;background:#fff;border:1px solid #c9d1dc;padding:6px;border-radius:4px}
figcaption{font-size:13px;margin-top:4px;max-width:270px}
.shot{position:relative;background-size:100% 100%;background-color:#fff;border:1px solid #8a96a6}
.shot svg{display:block;width:100%;height:100%}.heat .shot{width:270px;height:480px}
.step .shot{width:162px;height:288px}.blank{background:repeating-linear-gradient(45deg,#fafbfc 0 12px,#f0f2f5 12px 24px)}
ol.steps{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:4px 0 10px}
ol.steps figcaption{max-width:162px}details{background:#fff;border:1px solid #c9d1dc;margin:8px 0;padding:6px 10px}
summary{cursor:pointer;font-weight:600}.run h4{margin:10px 0 2px;font-size:15px}
.legend span{display:inline-block;margin-right:14px}.dot{display:inline-block;width:11px;height:11px;
border-radius:50%;vertical-align:middle;margin-right:4px}
"""

#: a script error anywhere marks the page (the browser test reads it); the count of figures too
SCRIPT = """
window.addEventListener('error',function(e){document.body.setAttribute('data-error',String(e.message||e));});
document.addEventListener('DOMContentLoaded',function(){var b=document.body;
b.setAttribute('data-heatmaps',document.querySelectorAll('figure.heat').length);
b.setAttribute('data-steps',document.querySelectorAll('figure.step').length);b.setAttribute('data-ready','1');});
"""


class Shots:
    """The screenshots of a study directory, each embedded once as a CSS class."""

    def __init__(self, study_dir: Path | None):
        self.files: dict[tuple[str, str, str], Path] = {}
        self.used: dict[tuple[str, str, str], str] = {}
        if study_dir is not None:
            for png in sorted((Path(study_dir) / "participants").glob("*/screens/*.png")):
                parts = png.stem.split("__")
                if len(parts) == 3:
                    self.files.setdefault((parts[0], parts[1], parts[2]), png)

    def css_class(self, view: tuple[str, str, str]) -> str:
        """The class that paints ``view``'s screenshot ("blank" without one)."""
        if view not in self.files:
            return "blank"
        if view not in self.used:
            self.used[view] = f"v{len(self.used)}"
        return self.used[view]

    def css(self) -> str:
        out = []
        for view, name in self.used.items():
            data = base64.b64encode(self.files[view].read_bytes()).decode("ascii")
            out.append(f".{name}{{background-image:url(data:image/png;base64,{data})}}")
        return "\n".join(out)


def _heat_colour(v: float) -> str:
    """Blue (few) → yellow → red (most), for v in 0–1."""
    stops = ((0.0, (49, 130, 189)), (0.5, (255, 214, 0)), (1.0, (215, 25, 28)))
    for (a, ca), (b, cb) in zip(stops, stops[1:], strict=False):
        if v <= b:
            f = (v - a) / (b - a) if b > a else 0
            r, g, bl = (round(ca[i] + f * (cb[i] - ca[i])) for i in range(3))
            return f"#{r:02x}{g:02x}{bl:02x}"
    return "#d7191c"


def heat_svg(taps: Sequence[Tap], screen: str, blank: bool) -> str:
    """A heat map of ``taps`` in kiosk coordinates: a smoothed density on a 40 px grid, and every
    tap as a dot (misclicks ringed red, dead taps grey)."""
    cols, rows = W // HEAT_CELL, H // HEAT_CELL
    grid: dict[tuple[int, int], float] = defaultdict(float)
    for t in taps:
        cx, cy = min(cols - 1, max(0, t.x // HEAT_CELL)), min(rows - 1, max(0, t.y // HEAT_CELL))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                grid[(cx + dx, cy + dy)] += 1.0 if dx == dy == 0 else 0.5 if dx == 0 or dy == 0 else 0.25
    top = max(grid.values(), default=1.0)
    parts = [f'<svg viewBox="0 0 {W} {H}" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'aria-label="{esc(screen)}: {len(taps)} taps">']
    if blank:
        parts.append(f'<rect x="4" y="4" width="{W - 8}" height="{H - 8}" fill="none" stroke="#8a96a6" '
                     f'stroke-width="8" stroke-dasharray="30 20"/><text x="{W // 2}" y="{H // 2}" font-size="64" '
                     f'text-anchor="middle" fill="#6b7785">{esc(screen)}</text>')
    parts.append('<g opacity="0.6" filter="url(#blur)">')
    for (gx, gy), v in sorted(grid.items()):
        if 0 <= gx < cols and 0 <= gy < rows:
            parts.append(f'<rect x="{gx * HEAT_CELL}" y="{gy * HEAT_CELL}" width="{HEAT_CELL}" '
                         f'height="{HEAT_CELL}" fill="{_heat_colour(v / top)}"/>')
    parts.append("</g>")
    for t in taps:
        style = 'fill="#fff" stroke="#b3261e" stroke-width="5"' if t.misclick else \
            'fill="#7a7a7a" stroke="#fff" stroke-width="3"' if t.dead else 'fill="#16202c" stroke="#fff" stroke-width="3"'
        parts.append(f'<circle class="tap" cx="{t.x}" cy="{t.y}" r="11" {style}/>')
    parts.append("</svg>")
    return "".join(parts)


def step_svg(taps: Sequence[tuple[int, Tap]], screen: str, blank: bool) -> str:
    """A replay step: the screen's taps numbered in order (misclicks red, dead taps grey)."""
    parts = [f'<svg viewBox="0 0 {W} {H}" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'aria-label="{esc(screen)}: {len(taps)} taps">']
    if blank:
        parts.append(f'<rect x="6" y="6" width="{W - 12}" height="{H - 12}" fill="none" stroke="#8a96a6" '
                     f'stroke-width="12" stroke-dasharray="40 24"/><text x="{W // 2}" y="{H // 2}" font-size="90" '
                     f'text-anchor="middle" fill="#6b7785">{esc(screen)}</text>')
    for n, t in taps:
        colour = "#b3261e" if t.misclick else "#7a7a7a" if t.dead else "#0d47a1"
        parts.append(f'<g class="tap"><circle cx="{t.x}" cy="{t.y}" r="46" fill="{colour}" fill-opacity="0.85" '
                     f'stroke="#fff" stroke-width="6"/><text x="{t.x}" y="{t.y + 17}" font-size="50" '
                     f'font-weight="700" text-anchor="middle" fill="#fff">{n}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


# --- the report's sections -----------------------------------------------------------------------------

def _criterion(success: Success) -> str:
    codes = (("screen", success.screen), ("item", success.item), ("bundle", success.bundle),
             ("category", success.category), ("group", success.group),
             ("level", "" if success.level is None else str(success.level)))
    return esc(success.kind.value) + "".join(f" {k}={esc(v)}" for k, v in codes if v)


def _overview(a: Analysis, study_dir: Path | None) -> str:
    s = a.study
    runs = a.runs
    conds = "".join(
        f"<tr><td>{_cond_name(s, c.id)}</td><td>{'长辈版 elder' if c.elder else '标准 normal'}</td>"
        f"<td>{esc(c.language or 'hall default')}</td><td>{'' if c.voice is None else 'on' if c.voice else 'off'}"
        f"</td><td>{esc(c.catalogue.name) if c.catalogue else 'shipped'}</td>"
        f"<td class=n>{sum(1 for p in a.participants if c.id in p.conditions)}</td></tr>" for c in s.conditions)
    tasks = "".join(
        f"<tr><td>{_task_name(s, t.id)}</td><td>{_criterion(t.success)}</td><td class=n>{t.limit:.0f} s</td>"
        f"<td>{_path(t.ideal)}</td></tr>" for t in s.tasks)
    notes = "".join(f"<li>{esc(n)}</li>" for n in a.problems)
    started = sorted(p.started for p in a.participants if p.started)
    when = f"{esc(started[0][:10])} – {esc(started[-1][:10])}" if started else "–"
    ok = sum(r.success for r in runs)
    unfinished = sum(not r.finished for r in runs)
    return f"""<section id=overview><h2>Overview 概况</h2>
<table><tr><th>Study 研究</th><td>{esc(s.title)} {esc(s.title_en)} <code>{esc(s.id)}</code></td></tr>
<tr><th>Design 设计</th><td>{'within-subject 被试内' if s.design is Design.WITHIN else 'between-subject 被试间'};
task order by a balanced Latin square</td></tr>
<tr><th>Participants 参与者</th><td class=n>{len(a.participants)}</td></tr>
<tr><th>Sessions 日期</th><td>{when}</td></tr>
<tr><th>Task attempts 任务次数</th><td class=n>{len(runs)} ({ok} succeeded 成功, {unfinished} not finished 未完成)</td></tr>
<tr><th>Taps 点击</th><td class=n>{sum(len(r.taps) for r in runs)} during tasks</td></tr>
<tr><th>Study directory 数据目录</th><td><code>{esc(study_dir) if study_dir else '–'}</code></td></tr></table>
<h3>Conditions 条件</h3><table><tr><th>Condition</th><th>Mode 模式</th><th>Language</th><th>Voice</th><th>Catalogue</th>
<th>Participants</th></tr>{conds}</table>
<h3>Tasks 任务</h3><table><tr><th>Task 任务</th><th>Success when 成功标准</th><th>Limit</th>
<th>Ideal path 理想路径</th></tr>{tasks}</table>
{f'<h3>Data notes 数据说明</h3><ul class=notes>{notes}</ul>' if notes else ''}
<p><small>Success: adjusted-Wald 95 % interval. Time: geometric mean of successful attempts with the 95 % t interval on
log times. A task without its end in the record (a session cut short) counts as not finished (a failure); a skipped
task counts as a failure. Misclick: a tap on nothing interactive; dead tap: on a disabled control; rage taps: bursts
of ≥ 3 taps within 1 s and 30 px; back-steps: 返回 presses.</small></p></section>"""


def _cell_row(a: Analysis, c: Cell, first: str, span: int) -> str:
    ideal = next((t.ideal for t in a.study.tasks if t.id == c.task), ()) if c.task else ()
    if c.departure is not None:
        d = c.departure
        dep = (f"step {d.index + 1}: <b>{esc(d.actual)}</b> instead of {esc(d.expected or 'the end')} "
               f"<small>({d_count(c)})</small>")
    elif not c.task:
        dep = f"<small>{c.departures} of {c.attempts} left it</small>"
    else:
        dep = "everyone kept to it 均未偏离" if ideal else "–"
    path = f"{_path(c.path)} <small>({c.path_count} of {c.attempts})</small>" if c.task else "–"
    return (f"<tr>{first if span else ''}<td>{_cond_name(a.study, c.condition)}</td>"
            f"<td class=n>{c.successes}/{c.attempts}</td><td class=n>{interval(c.success)}</td>"
            f"<td class=n>{interval(c.time, 's')}</td><td class=n>{c.misclicks}</td><td class=n>{c.dead_taps}</td>"
            f"<td class=n>{c.rage_taps}</td><td class=n>{c.back_steps}</td><td class=n>{secs(c.first_action)}</td>"
            f"<td class=n>{'–' if c.seq is None else f'{c.seq:.1f}'}</td>"
            f"<td>{path}</td><td>{dep}</td></tr>")


def d_count(c: Cell) -> str:
    """How many left the ideal path there, and in all."""
    if c.departure_count == c.departures:
        return f"{c.departures} of {c.attempts}"
    return f"{c.departure_count} of {c.attempts} here; {c.departures} left it in all"


def _tasks(a: Analysis) -> str:
    head = ("<tr><th>Task 任务</th><th>Condition 条件</th><th>Success 成功</th><th>Rate 95 % CI</th>"
            "<th>Time 用时 (geo mean, 95 % CI)</th><th>Misclicks 误点</th><th>Dead taps</th><th>Rage taps</th>"
            "<th>Back-steps 返回</th><th>First action 首次操作 (median)</th><th>SEQ</th>"
            "<th>Most common path 常见路径</th><th>Left the ideal path at 偏离理想路径</th></tr>")
    body = []
    for task in a.task_ids:
        cells = [a.cell(task, c) for c in a.condition_ids]
        cells = [c for c in cells if c.attempts]
        for i, c in enumerate(cells):
            body.append(_cell_row(a, c, f"<td rowspan={len(cells)}>{_task_name(a.study, task)}</td>", i == 0))
    overall = [a.cell("", c) for c in a.condition_ids]
    overall = [c for c in overall if c.attempts]
    for i, c in enumerate(overall):
        body.append(_cell_row(a, c, f"<td rowspan={len(overall)}><b>All tasks 全部任务</b></td>", i == 0))
    return (f"<section id=tasks><h2>Tasks × conditions 任务 × 条件</h2><table id=task-table>{head}"
            f"{''.join(body)}</table></section>")


def _compare(a: Analysis) -> str:
    conds = [c for c in a.condition_ids if any(r.condition == c for r in a.runs)]
    if len(conds) < 2:
        return ""
    out = ["<section id=compare><h2>Conditions compared 条件对比</h2>"]
    base = conds[0]
    for other in conds[1:]:
        x, y = base, other
        out.append(f"<h3>{_cond_name(a.study, x)} vs {_cond_name(a.study, y)}</h3>"
                   f"<table class=compare><tr><th>Task 任务</th><th>Success {esc(x)}</th><th>Success {esc(y)}</th>"
                   f"<th>Difference {esc(x)} − {esc(y)} (Agresti–Caffo 95 % CI)</th><th>Time {esc(x)}</th>"
                   f"<th>Time {esc(y)}</th><th>Time ratio {esc(x)} / {esc(y)} (95 % CI)</th>"
                   f"<th>SEQ {esc(x)} − {esc(y)} (95 % CI)</th></tr>")
        for task in [*a.task_ids, ""]:
            cx, cy = a.cell(task, x), a.cell(task, y)
            if not cx.attempts or not cy.attempts:
                continue
            cmp = a.compare(x, y, task)
            name = _task_name(a.study, task) if task else "<b>All tasks 全部任务</b>"
            out.append(f"<tr><td>{name}</td><td class=n>{interval(cx.success)}</td><td class=n>{interval(cy.success)}"
                       f"</td><td class=n>{interval(cmp.success, 'pp')}</td><td class=n>{interval(cx.time, 's')}</td>"
                       f"<td class=n>{interval(cy.time, 's')}</td><td class=n>{interval(cmp.time_ratio, 'x')}</td>"
                       f"<td class=n>{interval(cmp.seq, 'diff')}</td></tr>")
        out.append("</table><table class=compare><tr><th>Questionnaire 问卷</th>"
                   f"<th>{esc(x)} mean (95 % CI)</th><th>{esc(y)} mean (95 % CI)</th>"
                   f"<th>Difference {esc(x)} − {esc(y)} (95 % CI)</th><th>Test</th></tr>")
        for instrument, label in (("SUS", "SUS"), ("UMUX_LITE", "UMUX-Lite")):
            sx, sy = a.score(instrument, x), a.score(instrument, y)
            if sx is None and sy is None:
                continue
            d = a.compare_scores(x, y, instrument)
            how = (f"paired t, n = {d.difference.n}" if d.paired else "Welch t") if d.difference else "–"
            out.append(f"<tr><td>{label}</td><td class=n>{interval(sx, 'score')}</td>"
                       f"<td class=n>{interval(sy, 'score')}</td><td class=n>{interval(d.difference, 'diff')}</td>"
                       f"<td>{how}</td></tr>")
        out.append("</table>")
    out.append("<p><small>Differences in percentage points (pp); a time ratio below 1 means faster under the first "
               "condition named. Intervals that contain 0 (or 1 for ratios) show no clear difference.</small></p>"
               "</section>")
    return "".join(out)


def _questionnaires(a: Analysis) -> str:
    conds = a.condition_ids
    umux = any(q.instrument == "UMUX_LITE" for p in a.participants for q in p.questionnaires)
    head = "<tr><th>Participant 参与者</th>" + "".join(
        f"<th>SEQ {esc(c)}</th><th>SUS {esc(c)} (grade, adjective)</th>" + (f"<th>UMUX-Lite {esc(c)}</th>" if umux else "")
        for c in conds) + "</tr>"
    rows = []
    for p in a.participants:
        cells = []
        for c in conds:
            if c not in p.conditions and not any(r.condition == c for r in p.runs):
                cells.append("<td class=n>–</td><td>–</td>" + ("<td class=n>–</td>" if umux else ""))
                continue
            seq = p.seq_mean(c)
            umux_score = p.score(c, "UMUX_LITE")
            cells.append(f"<td class=n>{'–' if seq is None else f'{seq:.1f}'}</td><td>{_sus_words(p.score(c, 'SUS'))}</td>"
                         + (f"<td class=n>{'–' if umux_score is None else f'{umux_score:.1f}'}</td>" if umux else ""))
        rows.append(f"<tr><td>{esc(p.code)}</td>{''.join(cells)}</tr>")
    total = []
    for c in conds:
        seqs = [r.seq for r in a.runs if r.condition == c and r.seq is not None]
        seq_iv = stats.mean_interval(seqs) if seqs else None
        sus = a.score("SUS", c)
        um = a.score("UMUX_LITE", c)
        total.append(f"<td class=n>{interval(seq_iv, 'score')}</td><td>{interval(sus, 'score')}"
                     f"{' ' + _sus_words(sus.estimate, False) if sus else ''}</td>"
                     + (f"<td class=n>{interval(um, 'score')}</td>" if umux else ""))
    overall_sus = a.score("SUS")
    return (f"<section id=questionnaires><h2>SEQ · SUS · UMUX-Lite 问卷</h2><table id=sus-table>{head}{''.join(rows)}"
            f"<tr><th>Mean 平均 (95 % CI)</th>{''.join(total)}</tr></table>"
            f"<p>All conditions 全部条件: SUS {interval(overall_sus, 'score')}"
            f"{' ' + _sus_words(overall_sus.estimate, False) if overall_sus else ''}.</p>"
            "<p><small>SUS grade: Sauro–Lewis curved grading scale (A+ … F; 68 is average, a C). Adjective: Bangor, "
            "Kortum &amp; Miller (2009), the adjective whose mean SUS score is nearest. SEQ: 1 (very difficult) – 7 "
            "(very easy). UMUX-Lite: (a + b − 2) · 100 / 12.</small></p></section>")


def _heatmaps(a: Analysis, shots: Shots) -> str:
    views: dict[tuple[str, str, str], list[Tap]] = defaultdict(list)
    for t in a.taps:
        if t.screen:
            views[t.view].append(t)
    for view in shots.files:
        views.setdefault(view, [])
    order = {s: i for i, s in enumerate(dict.fromkeys(s for t in a.study.tasks for s in t.ideal))}
    figs = []
    for view in sorted(views, key=lambda v: (order.get(v[0], len(order)), v[0], v[1] != "normal", v[2])):
        taps = views[view]
        screen, mode, lang = view
        cls = shots.css_class(view)
        mis = sum(t.misclick for t in taps)
        dead = sum(t.dead for t in taps)
        figs.append(f'<figure class=heat id="heat-{esc(screen)}-{esc(mode)}-{esc(lang)}" data-taps="{len(taps)}">'
                    f'<div class="shot {cls}">{heat_svg(taps, screen, cls == "blank")}</div>'
                    f"<figcaption><b>{esc(screen)}</b> · {esc(mode)} · {esc(lang)}<br>{len(taps)} taps, "
                    f"{mis} misclicks, {dead} dead{'' if cls != 'blank' else ' · no screenshot'}</figcaption></figure>")
    legend = ('<p class=legend><span><i class=dot style="background:#16202c"></i>tap 点击</span>'
              '<span><i class=dot style="background:#fff;border:2px solid #b3261e"></i>misclick 误点</span>'
              '<span><i class=dot style="background:#7a7a7a"></i>dead tap (disabled) 无效点击</span>'
              '<span>density: blue few → red most 蓝少红多</span></p>')
    return (f"<section id=heatmaps><h2>Tap heat maps 点击热图</h2>{legend}<p><small>Every tap during the tasks, on the "
            f"screen, mode and language it was made in (kiosk coordinates, 1080 × 1920).</small></p>"
            f"<div class=cards>{''.join(figs)}</div></section>")


def _tap_list(numbered: Sequence[tuple[int, Tap]], start: float) -> str:
    """The taps of a replay step in words: number, time from the task's start, widget; a run of
    three or more taps on the same widget (a keypad, a burst) is one entry."""
    def mark(t: Tap) -> str:
        return " ✗" if t.misclick else " ⊘" if t.dead else ""

    def widget(t: Tap) -> str:
        return f" <code>{esc(t.widget)}</code>" if t.widget else ""

    groups: list[list[tuple[int, Tap]]] = []
    for n, t in numbered:
        last = groups[-1][-1][1] if groups else None
        if last is not None and last.widget == t.widget and mark(last) == mark(t) and t.widget:
            groups[-1].append((n, t))
        else:
            groups.append([(n, t)])
    out = []
    for g in groups:
        if len(g) < 3:
            out += [f"{n}: {t.t - start:.1f} s{mark(t)}{widget(t)}" for n, t in g]
        else:
            (n0, t0), (n1, t1) = g[0], g[-1]
            out.append(f"{n0}–{n1}: {t0.t - start:.1f}–{t1.t - start:.1f} s{mark(t0)}{widget(t0)} ×{len(g)}")
    return ", ".join(out)


def _run_html(a: Analysis, r: TaskRun, shots: Shots) -> str:
    outcome = "not finished 未完成" if r.outcome == UNFINISHED else r.outcome
    cls = "" if r.success else " class=bad"
    faults = f" · faults: {esc(', '.join(r.faults))}" if r.faults else ""
    dep = f" · left the ideal path at step {r.departure.index + 1}: {esc(r.departure)}" if r.departure else ""
    steps = []
    n = 0
    for k, step in enumerate(r.steps):
        numbered = []
        for t in step.taps:
            n += 1
            numbered.append((n, t))
        view = (step.screen, step.mode, step.language)
        css = shots.css_class(view)
        taps = _tap_list(numbered, r.start)
        steps.append(f'<li><figure class=step data-taps="{len(numbered)}"><div class="shot {css}">'
                     f'{step_svg(numbered, step.screen, css == "blank")}</div><figcaption>{k + 1}. <b>{esc(step.screen)}'
                     f"</b> at {step.at:.1f} s<br>{taps or 'no taps'}</figcaption></figure></li>")
    return (f"<div class=run id=\"run-{esc(r.participant)}-{esc(r.task)}\"><h4>{r.order}. {_task_name(a.study, r.task)}"
            f" · {esc(r.condition)} · <span{cls}>{esc(outcome)}</span> · {secs(r.seconds)} · SEQ "
            f"{'–' if r.seq is None else r.seq}{faults}</h4><p><small>Path: {_path(r.path)}{dep}</small></p>"
            f"<ol class=steps>{''.join(steps)}</ol></div>")


def _replay(a: Analysis, shots: Shots) -> str:
    parts = ["<section id=replay><h2>Replay 操作回放</h2><p><small>Each task step by step: every screen in order with "
             "its taps numbered and their times from the task's start (✗ misclick, ⊘ dead tap). Open a participant "
             "to see their tasks (the first is open).</small></p>"]
    for i, p in enumerate(a.participants):
        ok = sum(r.success for r in p.runs)
        cut = " · cut short 中断" if p.cut_short else ""
        notes = "".join(f"<li>{t:.0f} s: {esc(text)}</li>" for t, text in p.notes)
        parts.append(f"<details id=\"replay-{esc(p.code)}\"{' open' if i == 0 else ''}><summary>{esc(p.code)} · "
                     f"{' → '.join(esc(c) for c in p.conditions)} · {ok}/{len(p.runs)} tasks succeeded{cut}</summary>"
                     + (f"<p>Facilitator's notes 记录:</p><ul>{notes}</ul>" if notes else "")
                     + "".join(_run_html(a, r, shots) for r in p.runs) + "</details>")
    parts.append("</section>")
    return "".join(parts)


def render(a: Analysis, study_dir: Path | None = None) -> str:
    """The whole report as one HTML document."""
    shots = Shots(study_dir)
    body = [_overview(a, study_dir), _tasks(a), _compare(a), _questionnaires(a), _heatmaps(a, shots),
            _replay(a, shots)]
    title = a.study.title or a.study.title_en or a.study.id
    now = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)} · 可用性测试报告 Usability report</title><style>{CSS}\n{shots.css()}</style>"
            f"<script>{SCRIPT}</script></head><body>"
            f'<svg width="0" height="0" style="position:absolute" aria-hidden="true"><filter id="blur" x="-10%" '
            f'y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="22"/></filter></svg>'
            f"<header><h1>{esc(title)} · 可用性测试报告</h1><p>{esc(a.study.title_en)} — usability study report · "
            f"{len(a.participants)} participants · made {now}</p></header>"
            '<nav><a href="#overview">Overview 概况</a><a href="#tasks">Tasks 任务</a><a href="#compare">A vs B 对比</a>'
            '<a href="#questionnaires">SUS 问卷</a><a href="#heatmaps">Heat maps 热图</a><a href="#replay">Replay 回放'
            f"</a></nav><main>{''.join(body)}</main></body></html>")


def write_report(study_dir: Path, out: Path, study: Study | None = None) -> dict[str, Any]:
    """Analyse ``study_dir`` and write ``out/report.html`` and the CSV files; returns what was written."""
    a = load(study_dir, study)
    try:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        page = render(a, Path(study_dir))
        (out / "report.html").write_text(page, encoding="utf-8")
        counts = {name: write_csv(out / name, cols, rows) for (name, cols), rows in zip(
            CSV_COLUMNS.items(), (task_rows(a), questionnaire_rows(a), summary_rows(a), tap_rows(a)), strict=True)}
    except OSError as exc:
        raise ReportError(f"cannot write the report in {out}: {exc.strerror or exc}") from exc
    return {"analysis": a, "html_bytes": len(page.encode("utf-8")), "rows": counts}


def main(study_dir: Path, out: Path) -> int:
    """``kiosk report``: exit 0 written, 1 refused (the reason on stderr)."""
    try:
        done = write_report(study_dir, out)
    except ReportError as exc:
        print(f"kiosk report: {exc}", file=sys.stderr)
        return 1
    a: Analysis = done["analysis"]
    rows = ", ".join(f"{name} ({n} rows)" for name, n in done["rows"].items())
    print(f"Wrote {Path(out) / 'report.html'} ({done['html_bytes'] / 1024:.0f} KB: {len(a.participants)} participants, "
          f"{len(a.runs)} task attempts) and {rows}.")
    for note in a.problems:
        print(f"  note: {note}")
    return 0

