"""``kiosk officers`` and ``kiosk appointments``: the 服务专员 lists and 预约 on the command line.

``kiosk officers [--officer ID] [--all]`` prints every officer's requests (open ones and today's)
with their status; ``kiosk appointments import FILE`` imports a CSV file of appointments — every
row or none: a file with any problem imports nothing and prints every problem as
``FILE:LINE: COLUMN: what is wrong`` (exit 1); ``kiosk appointments list [--day D]`` prints a
day's appointments. Plain text on stdout, problems on stderr; exit 0 done, 1 refused or the store
unavailable, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from kiosk import scripting
from kiosk.scripting import _fail, _open

GROUP_WORDS = {"foreign_investor": "境外投资者 foreign investor", "talent": "高层次人才 high-level talent",
               "veteran": "军人 service member/veteran", "elder": "老年人 older person"}
STATUS_WORDS = {"new": "new 待接单", "accepted": "accepted 已接单", "done": "done 已办结"}


def run_officers(args: argparse.Namespace, data_dir: Path) -> int:
    """``kiosk officers``."""
    from kiosk.domain.officers import Help, HelpStatus
    from kiosk.domain.ports import StoreError

    catalogue, hall, store, code = _open(args, data_dir)
    if store is None:
        return code
    try:
        officers = hall.officers
        if args.officer is not None:
            officers = tuple(o for o in hall.officers if o.id == args.officer.strip().lower())
            if not officers:
                known = ", ".join(o.id for o in hall.officers) or "none"
                return _fail(f"--officer {args.officer}: no such officer (hall.yaml lists: {known})", 2)
        if not hall.officers:
            print("The hall lists no officers (hall.yaml: officers).")
            return 0
        try:
            requests = store.help_requests()
        except StoreError as exc:
            return _fail(f"Cannot read the requests: {exc}", 1)
        today = scripting.clock().date().isoformat()
        for o in officers:
            mine = [r for r in requests if r.officer_id == o.id
                    and (args.all_requests or r.status != HelpStatus.DONE or r.day == today)]
            open_n = sum(1 for r in mine if r.status != HelpStatus.DONE)
            print(f"{o.name} {o.name_en} [{o.id}] · 24h {o.phone} · {open_n} open")
            if not mine:
                print("  (no requests)")
            for r in mine:
                when = _dt.datetime.fromtimestamp(r.at).strftime("%Y-%m-%d %H:%M")
                item = catalogue.by_code.get(r.item_code or "")
                what = f"{item.code} {item.name}" if item else "-"
                if r.kind == Help.HOME_VISIT:
                    kind, where = "home visit 移动办公桌", f"address {r.address} · call {r.contact}"
                else:
                    kind, where = f"ticket {r.number} 帮办代办", what
                print(f"  #{r.id:<4} {when}  {STATUS_WORDS[r.status.value]:<18} {kind} · "
                      f"{GROUP_WORDS[r.group.value]} · {where}")
        return 0
    finally:
        store.close()


def run_appointments(args: argparse.Namespace, data_dir: Path) -> int:
    """``kiosk appointments import FILE`` / ``kiosk appointments list [--day D]``."""
    from kiosk.domain.ports import StoreError

    text = ""
    if args.action == "import":
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            return _fail(f"Cannot read {args.file}: {exc.strerror or exc}", 1)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[:exc.start].count(b"\n") + 1
            return _fail(f"{args.file}:{line}: (file): not UTF-8 text (save the CSV as UTF-8); nothing was imported", 1)
    catalogue, hall, store, code = _open(args, data_dir)
    if store is None:
        return code
    try:
        if args.action == "import":
            from kiosk.app import make_promises
            from kiosk.domain.desk import TicketDesk
            from kiosk.store.secret import load_secret

            promises = make_promises(store, TicketDesk(store, catalogue, hall, scripting.clock,
                                                       secret=load_secret(data_dir)))
            try:
                added, problems = promises.import_appointments(text)
            except StoreError as exc:
                return _fail(f"Nothing was imported: {exc}", 1)
            if problems:
                print(f"{args.file} has {len(problems)} problem(s); nothing was imported:", file=sys.stderr)
                for p in problems:
                    print(f"  {p.text(str(args.file))}", file=sys.stderr)
                return 1
            print(f"Imported {len(added)} appointment(s) from {args.file}:")
            for a in added:
                print(_line(a, catalogue))
            return 0
        day = args.day or scripting.clock().date().isoformat()
        try:
            found = store.appointments_on(day)
        except StoreError as exc:
            return _fail(f"Cannot read the appointments: {exc}", 1)
        if not found:
            print(f"No appointments on {day}.")
            return 0
        print(f"{len(found)} appointment(s) on {day}:")
        for a in found:
            print(_line(a, catalogue))
        return 0
    finally:
        store.close()


def _line(a, catalogue) -> str:
    slot = _dt.datetime.fromtimestamp(a.slot).strftime("%Y-%m-%d %H:%M")
    item = catalogue.by_code.get(a.item_code or "")
    what = f"{item.code} {item.name}" if item else (a.category or "-")
    ticket = f" ticket {a.number}" if a.number else ""
    return f"  {slot}  {a.code}  {a.status.value:<10} {a.id_masked} {a.phone_masked}  {what}{ticket} ({a.source.value})"
