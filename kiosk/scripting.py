"""The scriptable hall: ``kiosk ticket`` and ``kiosk window`` for presenters' scripts, load tests
and the multi-machine demo. They use the same domain services as the screens (TicketDesk,
Counter) on the same store, so every rule holds exactly as it does at the kiosk and the console.

Exit codes: 0 done; 1 refused by a rule or the store unavailable (the reason on stderr);
2 bad input (the reason on stderr); 3 ``ticket``: the person already holds an open ticket for
this request (its number on stdout).

``ticket`` prints the number alone on stdout; run by a person at a terminal, it also says on stderr
what the slip says: the people ahead and the wait, or, when no window can call the ticket (outside
the hall's hours, every window paused), when calling resumes.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.lifecycle import Code, HallError

if TYPE_CHECKING:
    from kiosk.domain.desk import Slip

#: The wall clock ``kiosk ticket`` issues by (tests set another).
clock: Callable[[], _dt.datetime] = _dt.datetime.now

#: What a refusal says on the command line (the screens translate the same codes themselves).
MESSAGES = {
    Code.WINDOW_BUSY: "window {window} is still dealing with {number}: finish it first",
    Code.WINDOW_PAUSED: "window {window} is paused: open it first (kiosk window {window} open)",
    Code.NO_CURRENT_TICKET: "window {window} has no ticket to act on",
    Code.TOO_SOON: "{number} was called just now: call again in {seconds} seconds",
    Code.NO_SUCH_TICKET: "there is no ticket {number} today",
    Code.WRONG_STATE: "{number} is {status}: that action does not apply to it now",
    Code.NO_SUCH_WINDOW: "the hall has no window {window}",
    Code.NO_SUCH_CATEGORY: "the hall has no category '{category}'",
    Code.NOT_SERVED_HERE: "window {window} does not serve {number}",
    Code.WINDOW_WONT_SERVE: "window {window} does not serve '{category}'",
    Code.NOBODY_SERVES: "no window serves '{category}'",
    Code.SAME_PLACE: "the ticket is already queued there",
    Code.NOT_SUSPENDED_HERE: "{number} is not suspended at window {window}",
    Code.NO_SUCH_REQUEST: "the catalogue has no item or package '{request}'",
    Code.NOTHING_REQUESTED: "nothing was requested",
    Code.INVALID_ID: "the ID number is not valid",
    Code.ALREADY_HELD: "{number} cannot come back: the person holds {held} for the same request",
}


def message(exc: HallError) -> str:
    try:
        return MESSAGES.get(exc.code, str(exc)).format(**exc.params)
    except (KeyError, IndexError):
        return str(exc)


def _at(when: _dt.datetime, day: _dt.date) -> str:
    """"08:30 today", "09:00 tomorrow", "08:30 on Mon 30 Nov" (seen from ``day``)."""
    time = when.strftime("%H:%M")
    ahead = (when.date() - day).days
    if ahead == 0:
        return f"{time} today"
    if ahead == 1:
        return f"{time} tomorrow"
    return f"{time} on {when:%a} {when.day} {when:%b}"


def slip_summary(slip: Slip) -> str:
    """What the slip says, in one line of English: the people ahead and the wait, or when calling
    resumes when no window can call the ticket (never "you are next" then)."""
    from kiosk.domain.desk import Halt

    t = slip.ticket
    day = _dt.date.fromisoformat(t.day)
    ahead = f"{slip.ahead} {'person' if slip.ahead == 1 else 'people'} ahead"
    if slip.halt is None:
        lo, hi = slip.wait
        return f"{t.number}: {ahead}, " + ("you are next" if slip.ahead == 0 else f"wait about {lo}–{hi} minutes")
    if slip.halt.for_another_day:
        when = f"; take a new ticket from {_at(slip.resumes_at, day)}" if slip.resumes_at else ""
        why = "calling has finished for today" if slip.halt == Halt.AFTER_HOURS else "no window calls today"
        return f"{t.number}: {why}, so this ticket will not be called{when}"
    if slip.halt == Halt.BEFORE_HOURS and slip.resumes_at is not None:
        return f"{t.number}: {ahead}; calling starts at {_at(slip.resumes_at, day)}"
    when = f"resumes at about {_at(slip.resumes_at, day)}" if slip.resumes_at else "resumes when a window reopens"
    return f"{t.number}: {ahead}; every window that serves it is paused, calling {when}"


def _for_a_person() -> bool:
    """Whether a person reads stderr (a terminal), not a script."""
    return sys.stderr.isatty()


def _fail(text: str, code: int) -> int:
    print(text, file=sys.stderr)
    return code


def _open(args: argparse.Namespace, data_dir: Path):
    """The hall's data and store, or an exit code."""
    from kiosk.app import load_data
    from kiosk.domain.ports import StoreError
    from kiosk.domain.yamlfile import ValidationError
    from kiosk.store.db import open_store

    try:
        catalogue, hall = load_data(args.catalogue, data_dir / "cache", args.hall)
    except ValidationError as err:
        from kiosk.cli import _print_problems

        _print_problems(err)
        return None, None, None, 1
    try:
        store = open_store(args.db, data_dir)
    except StoreError as err:
        return None, None, None, _fail(f"The hall's data cannot be opened: {err}", 1)
    return catalogue, hall, store, 0


def run_ticket(args: argparse.Namespace, data_dir: Path) -> int:
    """``kiosk ticket REQUEST [--id ID] [--phone PHONE]``."""
    from kiosk.cli import REQUEST_WORDS
    from kiosk.domain.desk import DuplicateTicket, Request, TicketDesk
    from kiosk.domain.ids import phone_problem, resident_id_problem
    from kiosk.domain.ports import StoreError
    from kiosk.store.secret import load_secret

    rid = (args.resident_id or "").strip().upper() or None
    if rid is not None and resident_id_problem(rid):
        return _fail(f"--id {rid}: not a valid resident ID number ({resident_id_problem(rid)}): "
                     f"18 characters with a correct check character", 2)
    if args.phone is not None and phone_problem(args.phone):
        return _fail(f"--phone {args.phone}: not a mainland mobile number (11 digits starting 13–19)", 2)
    catalogue, hall, store, code = _open(args, data_dir)
    if store is None:
        return code
    try:
        word = args.request.strip()
        if word.lower() in REQUEST_WORDS:
            req = Request(category=REQUEST_WORDS[word.lower()])
        elif word.upper() in catalogue.by_code:
            req = Request(item_code=word.upper())
        elif word.upper() in catalogue.bundle_by_code:
            req = Request(bundle_code=word.upper())
        else:
            return _fail(f"'{word}' is not a request: give an item code (e.g. QYKB-001), a package code, "
                         f"consult, assist or cannot-do ('kiosk catalogue search WORDS' finds codes)", 2)
        persona_tags: tuple[str, ...] = ()
        if rid is not None:
            from kiosk.domain.personas import PERSONAS

            persona_tags = next((p.tags for p in PERSONAS if p.resident_id == rid), ())
        try:
            desk = TicketDesk(store, catalogue, hall, clock, secret=load_secret(data_dir))
            slip = desk.issue(req, rid, persona_tags, use_green=args.green)
        except DuplicateTicket as dup:
            print(dup.ticket.number)
            return 3
        except HallError as exc:
            return _fail(message(exc), 1)
        except StoreError as exc:
            return _fail(f"No ticket was issued: {exc}", 1)
        print(slip.ticket.number)
        if _for_a_person():
            print(slip_summary(slip), file=sys.stderr)
        return 0
    finally:
        store.close()


def run_window(args: argparse.Namespace, data_dir: Path) -> int:
    """``kiosk window N ACTION [ARG]``."""
    from kiosk.cli import PAUSE_CODES, SUSPEND_CODES
    from kiosk.domain.counter import Counter
    from kiosk.domain.ports import StoreError
    from kiosk.domain.views import console_view

    action, arg = args.action, (args.argument or "").strip()
    needs = {"transfer": "a category or wN", "call-number": "a ticket number", "reactivate": "a ticket number",
             "pause": "a reason: " + ", ".join(PAUSE_CODES)}
    if action in needs and not arg:
        return _fail(f"{action} needs {needs[action]}", 2)
    if action == "pause" and arg not in PAUSE_CODES:
        return _fail(f"pause: '{arg}' is not a reason; give one of {', '.join(PAUSE_CODES)}", 2)
    if action == "suspend" and arg and arg not in SUSPEND_CODES:
        return _fail(f"suspend: '{arg}' is not a reason; give one of {', '.join(SUSPEND_CODES)}", 2)
    catalogue, hall, store, code = _open(args, data_dir)
    if store is None:
        return code
    try:
        windows = ", ".join(str(w.number) for w in hall.windows)
        try:
            counter = Counter(store, hall, args.number)
        except HallError as exc:
            return _fail(message(exc) + f"; the hall has windows {windows}", 2)
        if action == "transfer":  # a target the hall does not have is bad input, not a refusal
            target = int(arg[1:]) if arg[:1] in "wW" and arg[1:].isdigit() else None
            if target is not None and target not in {w.number for w in hall.windows}:
                return _fail(f"transfer: the hall has no window {target}; it has windows {windows}", 2)
            if target is None and arg not in {c.code for c in hall.categories}:
                return _fail(f"transfer: '{arg}' is not a category or wN; the hall's categories are "
                             + ", ".join(c.code for c in hall.categories), 2)
        day = _dt.date.today().isoformat()
        try:
            if action == "state":
                view = console_view(store.hall_rows(day), hall, counter.number)
                state = f"paused:{view.paused.value}" if view.paused else "open"
                here = f" {view.current.number} {view.current.status.value}" if view.current else ""
                print(state + here)
                return 0
            if action in ("pause", "open"):
                counter.pause(arg) if action == "pause" else counter.reopen()
                print(f"paused:{arg}" if action == "pause" else "open")
                return 0
            if action == "transfer":
                to_window = int(arg[1:]) if arg[:1] in "wW" and arg[1:].isdigit() else None
                ticket = counter.transfer_to_window(to_window) if to_window is not None else counter.transfer(arg)
            elif action == "resume":
                view = console_view(store.hall_rows(day), hall, counter.number)
                pick = [t for t in view.suspended if not arg or t.number == arg.upper()]
                if not pick:
                    return _fail(f"window {counter.number} has no suspended ticket{' ' + arg if arg else ''}", 1)
                ticket = counter.resume(pick[0].id)
            else:
                run = {"call": counter.call_next, "recall": counter.recall, "start": counter.start,
                       "done": counter.finish, "no-show": counter.no_show,
                       "suspend": lambda: counter.suspend(arg or "applicant_away"),
                       "call-number": lambda: counter.call_number(arg),
                       "reactivate": lambda: counter.reactivate(arg)}[action]
                result = run()
                if result is None:
                    return _fail(f"nobody is waiting for window {counter.number}", 1)
                ticket = result
        except HallError as exc:
            return _fail(message(exc), 1)
        except StoreError as exc:
            return _fail(f"Not done: {exc}", 1)
        print(ticket.number)
        return 0
    finally:
        store.close()
