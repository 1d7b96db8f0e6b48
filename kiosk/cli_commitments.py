"""``kiosk commitments [--overdue] [--csv FILE]``: the open 容缺 commitments — who committed to hand
in what, for which ticket and item, by when — the overdue ones first and marked; ``--overdue``
lists only those. Plain text on stdout; ``--csv`` writes the same rows as UTF-8 CSV with BOM
(opens in Excel). Exit 1 with the reason on stderr when the hall's data cannot be read."""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import sys
from pathlib import Path

FIELDS = ("ticket", "day", "item_code", "item", "applicant_kind", "applicant", "applicant_name", "materials", "due",
          "overdue", "days_late")


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("commitments", parents=[common],
                       help="the open 容缺 commitments (materials to be handed in later), overdue first")
    p.add_argument("--overdue", action="store_true", help="only the commitments past their due date")
    p.add_argument("--csv", type=Path, default=None, metavar="FILE",
                   help="also write them to FILE as CSV (UTF-8 with BOM, opens in Excel)")


def rows(commitments, catalogue, now: _dt.datetime) -> list[dict[str, str]]:
    """One row per commitment, overdue first, then by due date."""
    stamp = now.timestamp()
    out = []
    for c in sorted(commitments, key=lambda c: (not c.overdue(stamp), c.due, c.id)):
        due = _dt.datetime.fromtimestamp(c.due).date()
        item = catalogue.by_code.get(c.item_code)
        late = (now.date() - due).days if c.overdue(stamp) else 0
        out.append(dict(ticket=c.number, day=c.day, item_code=c.item_code, item=item.name if item else "",
                        applicant_kind=c.applicant_kind.value, applicant=c.applicant, applicant_name=c.applicant_name,
                        materials="、".join(c.materials), due=due.isoformat(), overdue="yes" if late else "no",
                        days_late=str(late)))
    return out


def table(found: list[dict[str, str]], overdue_only: bool, now: _dt.datetime) -> str:
    if not found:
        return "No overdue commitments." if overdue_only else "No open commitments."
    late = sum(r["overdue"] == "yes" for r in found)
    head = (f"{len(found)} overdue commitment(s) on {now.date()}:" if overdue_only
            else f"{len(found)} open commitment(s) on {now.date()}, {late} overdue:")
    lines = [head]
    for r in found:
        mark = f"OVERDUE {r['days_late']} day(s)" if r["overdue"] == "yes" else "open"
        lines.append(f"  {r['day']} {r['ticket']}  due {r['due']}  {mark}  {r['applicant_name']} ({r['applicant']})  "
                     f"{r['item_code']} {r['item']}  missing: {r['materials']}")
    return "\n".join(lines)


def run(args, data_dir: Path, clock=None) -> int:
    from kiosk.app import load_data
    from kiosk.domain.desk import TicketDesk
    from kiosk.domain.promises import Promises
    from kiosk.domain.yamlfile import ValidationError
    from kiosk.store.errors import StoreError

    if clock is None:
        from kiosk import scripting

        clock = scripting.clock  # the wall clock (tests set another)
    try:
        catalogue, hall = load_data(args.catalogue, Path(data_dir) / "cache", args.hall)
    except ValidationError as err:
        from kiosk.cli import _print_problems

        _print_problems(err)
        return 1
    from kiosk.store.connect import DB_NAME

    now = clock()
    if not args.db and not (Path(data_dir) / DB_NAME).is_file():
        found: list[dict[str, str]] = []  # no database yet: nothing was committed
    else:
        try:
            from kiosk.store.db import open_store

            store = open_store(args.db, data_dir)
            try:
                promises = Promises(store, TicketDesk(store, catalogue, hall, lambda: now, secret=b""), clock=lambda: now)
                listed = promises.overdue_commitments() if args.overdue else promises.commitments()
            finally:
                store.close()
        except StoreError as err:
            print(f"Cannot read the commitments{'' if args.db else ' in ' + str(data_dir)}: {err}", file=sys.stderr)
            return 1
        found = rows(listed, catalogue, now)
    print(table(found, args.overdue, now))
    if args.csv is not None:
        try:
            with open(args.csv, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=FIELDS)
                writer.writeheader()
                writer.writerows(found)
        except OSError as exc:
            print(f"Cannot write {args.csv}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"Wrote {len(found)} rows to {args.csv}")
    return 0
