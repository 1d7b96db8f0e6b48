"""``kiosk cases`` and ``kiosk opinions``: the 办不成事 cases and the 意见箱 for staff, as plain
text or as a CSV file (UTF-8 with BOM: Excel opens it as it is), and the cases' figures for
``kiosk stats``.

Every field of every record goes into the CSV, codes as they are stored (snags, outcome, topic)
and times as local date-times. A closed record has no contact number: the store erased it when
the record was closed, so no export can hold one.

Exit codes: 0 listed (or nothing to list); 1 the store or the CSV file cannot be used (the reason
on stderr).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import sys
from pathlib import Path
from typing import Any

from kiosk.domain.cases import Case, CaseOutcome, Opinion, case_figures

CASE_FIELDS = ("id", "day", "at", "number", "item_code", "item_name", "tried", "snags", "text", "contact",
               "status", "outcome", "outcome_note", "closed_at")
OPINION_FIELDS = ("id", "day", "at", "topic", "text", "anonymous", "contact", "status", "reply", "closed_at")
#: the cases' figures in ``kiosk stats``: per day, then the whole period
FIGURE_FIELDS = ("day", "opened", "closed", *(o.value for o in CaseOutcome), "still_open")


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    """``cases`` and ``opinions`` on the command line's subcommands."""
    for name, what in (("cases", "办不成事 cases: what was tried, what went wrong, the contact, how it ended"),
                       ("opinions", "意见建议 from the kiosk's 意见箱: topic, text, contact, status and reply")):
        p = sub.add_parser(name, parents=[common], help=f"list the {what}")
        p.add_argument("--open", dest="open_only", action="store_true", help="only those not closed yet")
        p.add_argument("--csv", type=Path, default=None, metavar="FILE",
                       help="also write them to FILE as CSV (UTF-8 with BOM, opens in Excel)")


def _time(at: float | None) -> str:
    return "" if at is None else _dt.datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M:%S")


def case_row(c: Case, item_name: str = "") -> dict[str, Any]:
    return {"id": c.id, "day": c.day, "at": _time(c.at), "number": c.number, "item_code": c.item_code or "",
            "item_name": item_name, "tried": c.tried, "snags": ",".join(s.value for s in c.snags), "text": c.text,
            "contact": c.contact, "status": c.status.value, "outcome": c.outcome.value if c.outcome else "",
            "outcome_note": c.outcome_note, "closed_at": _time(c.closed_at)}


def opinion_row(o: Opinion) -> dict[str, Any]:
    return {"id": o.id, "day": o.day, "at": _time(o.at), "topic": o.topic.value, "text": o.text,
            "anonymous": "yes" if o.anonymous else "no", "contact": o.contact, "status": o.status.value,
            "reply": o.reply, "closed_at": _time(o.closed_at)}


def write_csv(path: Path, fields: tuple[str, ...], rows: list[dict[str, Any]]) -> str | None:
    """Write ``rows``; the reason it could not be written, or None."""
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    except OSError as exc:
        return f"Cannot write {path}: {exc.strerror or exc}"
    return None


def case_lines(cases: list[Case], names: dict[str, str]) -> list[str]:
    out = []
    for c in cases:
        what = f"{c.item_code} {names.get(c.item_code, '')}".strip() if c.item_code else ""
        out.append(f"#{c.id}  {_time(c.at)[:16]}  {c.number or '-'}  {c.status.value}  {what}".rstrip())
        details = [f"tried: {c.tried}" if c.tried else "", "snags: " + ", ".join(s.value for s in c.snags)
                   if c.snags else "", f"text: {c.text}" if c.text else "", f"contact: {c.contact}" if c.contact else ""]
        if any(details):
            out.append("    " + " | ".join(d for d in details if d))
        if c.outcome is not None:
            note = f" - {c.outcome_note}" if c.outcome_note else ""
            out.append(f"    closed {_time(c.closed_at)[:16]}: {c.outcome.value}{note}")
    return out


def opinion_lines(opinions: list[Opinion]) -> list[str]:
    out = []
    for o in opinions:
        who = "anonymous" if o.anonymous else (o.contact or "contact erased")
        out.append(f"#{o.id}  {_time(o.at)[:16]}  {o.status.value}  {o.topic.value}  {who}")
        out.append(f"    {o.text}")
        if o.reply:
            out.append(f"    reply {_time(o.closed_at)[:16]}: {o.reply}")
    return out


def run(args, data_dir: Path) -> int:
    """``kiosk cases`` / ``kiosk opinions``."""
    from kiosk.store.connect import DB_NAME
    from kiosk.store.errors import StoreError

    kind = args.command
    names: dict[str, str] = {}
    if kind == "cases":
        from kiosk.domain.catalogue import DEFAULT_DIR, SHIPPED_CACHE, load_catalogue_cached
        from kiosk.domain.yamlfile import ValidationError

        try:
            catalogue = load_catalogue_cached(args.catalogue or DEFAULT_DIR, data_dir / "cache", SHIPPED_CACHE)
        except ValidationError as err:
            from kiosk.cli import _print_problems

            _print_problems(err)
            return 1
        names = {i.code: i.name for i in catalogue.items}
    if not args.db and not (Path(data_dir) / DB_NAME).is_file():
        records: list = []
        print(f"No {kind} (data directory {data_dir} has no database).")
    else:
        try:
            from kiosk.store.db import open_store

            store = open_store(args.db, data_dir)
            try:
                records = store.cases(open_only=args.open_only) if kind == "cases" else store.opinions(args.open_only)
            finally:
                store.close()
        except StoreError as err:
            print(f"Cannot read the {kind}{'' if args.db else ' in ' + str(data_dir)}: {err}", file=sys.stderr)
            return 1
        which = "open " if args.open_only else ""
        if not records:
            print(f"No {which}{kind}.")
        else:
            still = sum(1 for r in records if r.status.value == "open")
            print(f"{len(records)} open {kind}:" if args.open_only else f"{len(records)} {kind} ({still} open):")
            print("\n".join(case_lines(records, names) if kind == "cases" else opinion_lines(records)))
    if args.csv is not None:
        rows = [case_row(r, names.get(r.item_code or "", "")) for r in records] if kind == "cases" \
            else [opinion_row(r) for r in records]
        problem = write_csv(args.csv, CASE_FIELDS if kind == "cases" else OPINION_FIELDS, rows)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        print(f"Wrote {len(rows)} rows to {args.csv}")
    return 0


def figures_table(cases: list[Case], first: str, last: str) -> str:
    """The cases' block of ``kiosk stats`` ("" when the period has none)."""
    days, total = case_figures(cases, first, last)
    if not days:
        return ""
    head = list(FIGURE_FIELDS)
    rows = [[str(v) for v in f.row().values()] for f in days]
    if len(days) > 1:
        rows.append([str(v) for v in total.row().values()])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.rjust(widths[i]) if i else c.ljust(widths[i]) for i, c in enumerate(r))
    lines = ["办不成事 cases 办不成事反映 (opened and closed that day; still_open: at the day's end)", "  " + fmt(head)]
    return "\n".join(lines + ["  " + fmt(r) for r in rows])
