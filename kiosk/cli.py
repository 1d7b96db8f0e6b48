"""Command line: `kiosk` opens the citizen kiosk; `kiosk catalogue check|search` serve curators;
`kiosk stats` reports a day's queue statistics."""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import sys
from pathlib import Path

from kiosk import __version__


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("yichuang-kiosk", appauthor=False))


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 540x960")
    return int(m[1]), int(m[2])


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if value < 5:
        raise argparse.ArgumentTypeError("the idle time must be at least 5 seconds")
    return value


def _day(text: str) -> str:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError
        return _dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-27 (YYYY-MM-DD)") from None


def _common(default) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name. The subcommands' copies default to
    SUPPRESS, so `kiosk --data-dir X stats` and `kiosk stats --data-dir X` mean the same."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=default,
                        help="where tickets, printed slips, logs and caches live "
                             "(default: the user data directory, e.g. ~/.local/share/yichuang-kiosk)")
    common.add_argument("--catalogue", type=Path, default=default, metavar="DIR",
                        help="use the catalogue in DIR instead of the shipped assets/catalogue")
    common.add_argument("--hall", type=Path, default=default, metavar="FILE",
                        help="use another hall file (categories, windows, hours, queue policy) than assets/hall.yaml")
    common.add_argument("--db", default=default, metavar="URL",
                        help="the hall's database: postgresql://user@host/dbname for a hall on several PCs "
                             "(also KIOSK_DB); default: SQLite in the data directory")
    return common


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number like 0.5") from None
    if not 0.2 <= value <= 2:
        raise argparse.ArgumentTypeError("the scale must be between 0.2 and 2")
    return value


def parser() -> argparse.ArgumentParser:
    common = _common(argparse.SUPPRESS)
    ap = argparse.ArgumentParser(
        prog="kiosk", parents=[_common(None)],
        description="一窗通办 citizen-service hall kiosk (张浦镇政务服务中心). "
                    "Without a subcommand it opens the citizen kiosk.")
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    ap.add_argument("--window", type=_size, metavar="WxH",
                    help="preview the kiosk scaled into a WxH window (same layout as the 1080x1920 reference)")
    ap.add_argument("--fullscreen", action="store_true", help="full screen, for a real kiosk")
    ap.add_argument("--idle", type=_seconds, default=60, metavar="SECONDS",
                    help="seconds without a touch before the idle warning (default 60)")
    ap.add_argument("--warn", type=_seconds, default=30, metavar="SECONDS",
                    help="length of the idle warning's countdown, at least 20 (default 30)")
    ap.add_argument("--lang", choices=("zh_CN", "en_US"), default=None,
                    help="start-up language (default: the hall's, from hall.yaml)")
    ap.add_argument("--elder", action="store_true", help="start in 长辈版 (large text and targets)")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND",
                            help="counter, board, pad, hall: the hall's other terminals; catalogue: check or search "
                                 "the catalogue; stats: a day's queue statistics; officers, appointments: the "
                                 "服务专员 lists and 预约; cases, opinions: the 办不成事 cases and the 意见箱; "
                                 "study: a usability study (kiosk and facilitator window); report: a study's report")
    counter = sub.add_parser("counter", parents=[common], help="a window's console (窗口叫号), 1280x800")
    counter.add_argument("counter_number", nargs="?", type=int, metavar="N",
                         help="the window number (see assets/hall.yaml); --window WxH is the kiosk's preview size")
    counter.add_argument("--window", dest="counter_window", type=int, help=argparse.SUPPRESS)  # the old spelling
    counter.add_argument("--scale", type=_scale, default=1.0, help="preview scale (default 1)")
    board = sub.add_parser("board", parents=[common], help="the call board (叫号屏), 1920x1080, with voice")
    board.add_argument("--scale", type=_scale, default=1.0, help="preview scale (default 1)")
    board.add_argument("--fullscreen", action="store_true", help="full screen, for the hall's display")
    pad = sub.add_parser("pad", parents=[common], help="a window's rating pad (评价器, 好差评), 800x1280")
    pad.add_argument("pad_number", nargs="?", type=int, metavar="N", help="the window number (see assets/hall.yaml)")
    pad.add_argument("--scale", type=_scale, default=1.0, help="preview scale (default 1)")
    pad.add_argument("--fullscreen", action="store_true", help="full screen, for the pad at the window")
    for terminal in (counter, board, pad):
        terminal.add_argument("--lang", dest="terminal_lang", choices=("zh_CN", "en_US"), default=None,
                              help="start-up language (default: the hall's, from hall.yaml)")
    hall = sub.add_parser("hall", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
                          help="kiosk, board, all consoles and window 1's rating pad in one process (one-screen demo)",
                          epilog=_scenarios_help())
    hall.add_argument("--simulate", action="store_true",
                      help="run a simulated day: citizens arrive, staff at windows 2.. serve them (without "
                           "--data-dir, in a fresh folder removed on exit: a demo never mixes with a hall's tickets)")
    hall.add_argument("--scenario", choices=_scenario_codes(), default=None,
                      help="which day to simulate (implies --simulate; default normal): see below")
    hall.add_argument("--seed", type=int, default=1,
                      help="the simulation's seed: same seed and scenario, same day (default 1)")
    hall.add_argument("--speed", type=float, default=30.0,
                      help="simulated seconds per real second (default 30: a day in ~17 minutes)")
    hall.add_argument("--scale", type=_scale, default=0.5, help="scale of every window (default 0.5)")
    cat = sub.add_parser("catalogue", parents=[common], help="check or search the service-item catalogue")
    catsub = cat.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = catsub.add_parser("check", parents=[common],
                              help="validate the catalogue (or one items file); print every problem, exit 1 if any")
    check.add_argument("file", nargs="?", type=Path, help="an items-*.yaml file (default: the shipped catalogue)")
    search = catsub.add_parser("search", parents=[common], help="print ranked search results: code and name")
    search.add_argument("query", nargs="+", help="Chinese, pinyin, initials (yyzz), alias, English or code")
    stats = sub.add_parser("stats", parents=[common],
                           help="queue statistics of a day or a period per category and window: waits, services, "
                                "no-shows")
    stats.add_argument("--day", type=_day, default=None, metavar="YYYY-MM-DD", help="one day (default: today)")
    stats.add_argument("--from", dest="first", type=_day, default=None, metavar="YYYY-MM-DD",
                       help="first day of a period (with --to; default: --to alone is one day)")
    stats.add_argument("--to", dest="last", type=_day, default=None, metavar="YYYY-MM-DD",
                       help="last day of a period, inclusive (default: today)")
    stats.add_argument("--csv", type=Path, default=None, metavar="FILE",
                       help="also write the figures to FILE as CSV (UTF-8 with BOM, opens in Excel)")
    follow = sub.add_parser("followups", parents=[common],
                            help="差评回访: list the open follow-ups of poor ratings (due dates, overdue marked); "
                                 "record the return call or close one")
    follow.add_argument("follow_action", nargs="?", choices=("list", "call", "close"), default="list",
                        metavar="ACTION", help="list (default), call ID --note TEXT, close ID --note TEXT --level N")
    follow.add_argument("follow_id", nargs="?", metavar="ID", help="the follow-up's ID (from the list)")
    follow.add_argument("--note", default=None, metavar="TEXT",
                        help="call: what was said on the return call; close: what was done to put it right")
    follow.add_argument("--level", default=None, metavar="N",
                        help="close: the citizen's rating of the fix, 1 (非常不满意) to 5 (非常满意)")
    follow.add_argument("--all", action="store_true", help="list closed follow-ups too")
    from kiosk.listing import add_parsers

    add_parsers(sub, common)  # kiosk cases, kiosk opinions
    ticket = sub.add_parser("ticket", parents=[common],
                            help="issue a ticket as the kiosk does; prints its number (exit 3: the person holds one)")
    ticket.add_argument("request", metavar="REQUEST",
                        help="an item code (QYKB-001), a bundle code, consult, assist or cannot-do")
    ticket.add_argument("--id", dest="resident_id", metavar="ID", help="the resident ID number (GB 11643)")
    ticket.add_argument("--phone", metavar="PHONE", help="a mainland mobile number for the reminder")
    ticket.add_argument("--green", action="store_true", help="ask for the green channel (needs --id that qualifies)")
    officers = sub.add_parser("officers", parents=[common],
                              help="服务专员 requests (帮办代办 tickets, 移动办公桌 home visits) per officer, with status")
    officers.add_argument("--officer", metavar="ID", default=None,
                          help="one officer's list (an id from hall.yaml officers, e.g. zhou)")
    officers.add_argument("--all", dest="all_requests", action="store_true",
                          help="also the requests finished on earlier days (default: open ones and today's)")
    appts = sub.add_parser("appointments", parents=[common], help="预约: import appointments from CSV, or list them")
    apsub = appts.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = apsub.add_parser("import", parents=[common],
                           help="import a CSV file (header date,time,item,id_number,phone): all rows or none; "
                                "every problem by line and column, exit 1")
    imp.add_argument("file", type=Path, metavar="FILE")
    lst = apsub.add_parser("list", parents=[common], help="a day's appointments: time, code, item, status, ticket")
    lst.add_argument("--day", type=_day, default=None, metavar="YYYY-MM-DD", help="the day (default: today)")
    window = sub.add_parser("window", parents=[common],
                            help="act at a window as its console does; prints the ticket number (exit 1: refused)")
    window.add_argument("number", type=int, metavar="N", help="the window number")
    window.add_argument("action", metavar="ACTION", choices=WINDOW_ACTIONS,
                        help="one of: " + ", ".join(WINDOW_ACTIONS))
    window.add_argument("argument", nargs="?", metavar="ARG",
                        help="transfer: a category or wN (window N); call-number / reactivate: a ticket number; "
                             "pause: " + ", ".join(PAUSE_CODES) + "; suspend: " + ", ".join(SUSPEND_CODES))
    report = sub.add_parser("report", help="a usability study's report: one self-contained report.html (success, "
                                           "times, SUS, heat maps, replays) and tidy CSV files for R or pandas")
    report.add_argument("study_dir", type=Path, metavar="STUDY_DIR",
                        help="the study's directory (<data-dir>/studies/<study id>: study.yaml and participants/)")
    report.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="where to write report.html, tasks.csv, questionnaires.csv, summary.csv and taps.csv")
    from kiosk.cli_commitments import add_parser as add_commitments

    add_commitments(sub, common)  # kiosk commitments [--overdue]: the 容缺 materials still to come
    from kiosk.cli_study import add_parser as add_study

    add_study(sub, common, _size)  # kiosk study STUDY.yaml --participant P07 | --check | --delete P07
    return ap


def _scenario_codes() -> list[str]:
    from kiosk.sim.scenarios import SCENARIOS

    return list(SCENARIOS)


def _scenarios_help() -> str:
    """The scenarios for --help: each with what a presenter will see."""
    import textwrap

    from kiosk.sim.scenarios import DEFAULT, SCENARIOS

    lines = ["scenarios (--scenario; each a seeded day calibrated to the hall's windows and service times):"]
    for s in SCENARIOS.values():
        head = f"  {s.code}{' (default)' if s.code == DEFAULT else ''}"
        lines += textwrap.wrap(s.description, 96, initial_indent=f"{head:<25}", subsequent_indent=" " * 25)
    return "\n".join(lines)


WINDOW_ACTIONS = ("call", "recall", "start", "done", "no-show", "transfer", "suspend", "resume", "call-number",
                  "reactivate", "pause", "open", "state")
PAUSE_CODES = ("lunch", "training", "fault", "away")
SUSPEND_CODES = ("awaiting_material", "copying", "back_office", "applicant_away")
REQUEST_WORDS = {"consult": "consult", "assist": "assist", "cannot-do": "cannot_do"}


def _print_problems(err) -> None:
    """Every problem of ``err`` (a ValidationError) as ``file:line: field: message``, under a
    heading that names the files; never "0 problem(s)", whatever the validator reported."""
    from kiosk.domain.yamlfile import Problem

    problems = err.problems or [Problem("(a data file)", 0, "(file)", "was refused without a reason")]
    files = sorted({Path(p.file).name for p in problems})
    verb = "has" if len(files) == 1 else "have"
    print(f"{', '.join(files)} {verb} {len(problems)} problem(s):", file=sys.stderr)
    for p in problems:
        print(f"  {p}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    from kiosk.files import secure_process

    secure_process()  # every file this command writes is 0600, every folder 0700
    args = parser().parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    args.db = args.db or os.environ.get("KIOSK_DB") or None
    if args.command in ("counter", "board", "pad", "hall"):
        return _terminal(args, data_dir)
    if args.command == "report":
        from kiosk.usability.report import main as report_main

        return report_main(args.study_dir, args.out)
    from kiosk.domain.yamlfile import ValidationError

    if args.command == "stats":
        if args.day and (args.first or args.last):
            print("Give either --day or --from/--to, not both.", file=sys.stderr)
            return 2
        last = args.last or args.day or _dt.date.today().isoformat()
        first = args.first or last
        if first > last:
            print(f"--from {first} is after --to {last}.", file=sys.stderr)
            return 2
        return _stats(args, data_dir, first, last, args.csv)
    if args.command in ("officers", "appointments"):
        from kiosk.help_cli import run_appointments, run_officers

        return (run_officers if args.command == "officers" else run_appointments)(args, data_dir)
    if args.command == "followups":
        return _followups(args, data_dir)
    if args.command in ("cases", "opinions"):
        from kiosk.listing import run

        return run(args, data_dir)
    if args.command == "commitments":
        from kiosk.cli_commitments import run as run_commitments

        return run_commitments(args, data_dir)
    if args.command == "study":
        from kiosk.cli_study import run as run_study_command

        return run_study_command(args, data_dir)
    if args.command in ("ticket", "window"):
        from kiosk.scripting import run_ticket, run_window

        return (run_ticket if args.command == "ticket" else run_window)(args, data_dir)

    if args.command == "catalogue":
        from kiosk.domain.catalogue import DEFAULT_DIR, load_catalogue

        try:
            folder = args.catalogue or DEFAULT_DIR
            if args.action == "check":
                cat = load_catalogue(folder, only=args.file)
                print(f"OK: {len(cat.items)} items, {len(cat.bundles)} bundles")
                return 0
            cat = load_catalogue(folder)
        except ValidationError as err:
            _print_problems(err)
            return 1
        from kiosk.app import build_index

        for hit in build_index(cat, data_dir / "cache").search(" ".join(args.query)):
            obj = cat.by_code.get(hit.key) or cat.bundle_by_code[hit.key]
            print(f"{hit.key}\t{obj.name}")
        return 0

    from kiosk.app import Settings, load_data, run_kiosk
    from kiosk.logs import setup_logging

    try:
        catalogue, hall = load_data(args.catalogue, data_dir / "cache", args.hall)
    except ValidationError as err:
        _print_problems(err)
        print("The kiosk will not start with bad data files; fix the lines above.", file=sys.stderr)
        return 1
    setup_logging(data_dir)
    settings = Settings(data_dir=data_dir, window=args.window, fullscreen=args.fullscreen,
                        idle_seconds=args.idle, warn_seconds=args.warn, language=args.lang, elder=args.elder,
                        db=args.db)
    from kiosk.store.errors import StoreError

    try:
        return run_kiosk(settings, catalogue, hall)
    except StoreError as err:
        print(f"The kiosk cannot start: {err}", file=sys.stderr)
        return 1


def _terminal(args, data_dir: Path) -> int:
    """The hall's other terminals: a console, the board, or everything in one process."""
    from kiosk.app import Settings, load_data, run_board, run_counter, run_hall, run_pad
    from kiosk.domain.yamlfile import ValidationError
    from kiosk.logs import setup_logging
    from kiosk.store.errors import StoreError

    try:
        catalogue, hall = load_data(args.catalogue, data_dir / "cache", args.hall)
    except ValidationError as err:
        _print_problems(err)
        return 1
    setup_logging(data_dir)
    settings = Settings(data_dir=data_dir, fullscreen=getattr(args, "fullscreen", False), db=args.db,
                        language=getattr(args, "terminal_lang", None))
    try:
        if args.command in ("counter", "pad"):
            number = args.pad_number if args.command == "pad" else \
                args.counter_number if args.counter_number is not None else args.counter_window
            known = ", ".join(str(w.number) for w in hall.windows)
            if number is None:
                print(f"Which window? kiosk {args.command} N (the hall has windows {known}).", file=sys.stderr)
                return 2
            if number not in {w.number for w in hall.windows}:
                print(f"There is no window {number}; the hall has windows {known}.", file=sys.stderr)
                return 2
            return (run_pad if args.command == "pad" else run_counter)(settings, catalogue, hall, number, args.scale)
        if args.command == "board":
            return run_board(settings, hall, args.scale)
        simulate = args.simulate or args.scenario is not None
        if simulate and args.data_dir is None and not args.db:
            import tempfile

            with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as fresh:
                print(f"The simulated day runs in a fresh folder, {fresh} (removed on exit); "
                      "give --data-dir to keep it.", file=sys.stderr)
                settings.data_dir = Path(fresh)
                return run_hall(settings, catalogue, hall, True, args.seed, args.speed, args.scale, args.scenario)
        return run_hall(settings, catalogue, hall, simulate, args.seed, args.speed, args.scale, args.scenario)
    except StoreError as err:
        print(f"The {args.command} cannot start: {err}", file=sys.stderr)
        return 1


#: 好差评's levels and tags as the staff read them in a report (the screens translate their own)
LEVEL_NAMES = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
TAG_NAMES = {"kind": "服务态度好", "fast": "办事效率高", "told_once": "一次性告知清楚", "facilities": "环境设施好",
             "guided": "引导帮办到位", "rude": "服务态度差", "slow": "办事效率低", "not_told": "一次性告知不清楚",
             "too_many_materials": "材料要求多", "long_wait": "等候时间长", "facilities_poor": "环境设施差",
             "not_done": "事情没办成"}
FOLLOW_PROBLEMS = {"no_such_follow_up": "there is no follow-up {id}; `kiosk followups --all` lists them",
                   "wrong_step": "follow-up {id} is {status}: {step}",
                   "note_needed": "--note TEXT is needed: {what}",
                   "empty": "--note TEXT is needed: {what}",
                   "too_long": "the note is {n} characters; at most {limit}",
                   "control": "the note holds control characters or direction marks; type it again",
                   "symbols": "the note holds emoji or pictographs; use words"}


def _followups(args, data_dir: Path) -> int:
    """``kiosk followups [list|call ID|close ID]``: the hall's 差评 follow-ups."""
    from kiosk.app import Settings, load_data, make_promises, staff_desk
    from kiosk.domain.feedback import REASON_LIMIT, FollowError, FollowStatus
    from kiosk.domain.ports import StaleRecord
    from kiosk.domain.yamlfile import ValidationError
    from kiosk.store.errors import StoreError

    problems: list[str] = []
    action, fid, level = args.follow_action, None, None
    if action != "list":
        try:
            fid = int(args.follow_id or "")
        except ValueError:
            problems.append(f"{action} needs the follow-up's ID (a number from `kiosk followups`), "
                            f"not {args.follow_id!r}" if args.follow_id else f"{action} needs the follow-up's ID")
        if args.note is None:
            problems.append("--note TEXT is needed: " + ("what was said on the return call" if action == "call"
                                                         else "what was done to put it right"))
        if action == "close":
            if args.level is None or args.level.strip() not in {"1", "2", "3", "4", "5"}:
                problems.append("--level N is needed: the citizen's rating of the fix, 1 (非常不满意) to 5 (非常满意)"
                                + (f", not {args.level!r}" if args.level is not None else ""))
            else:
                level = int(args.level)
        elif args.level is not None:
            problems.append("--level is for close only")
    elif args.follow_id or args.note is not None or args.level is not None:
        problems.append("list takes no ID, --note or --level (did you mean call ID or close ID?)")
    if problems:
        for p in problems:
            print(f"kiosk followups: {p}", file=sys.stderr)
        return 1
    try:
        catalogue, hall = load_data(args.catalogue, data_dir / "cache", args.hall)
    except ValidationError as err:
        _print_problems(err)
        return 1
    from kiosk.store.connect import DB_NAME

    if not args.db and not (Path(data_dir) / DB_NAME).is_file() and action == "list":
        print(f"No follow-ups (data directory {data_dir} has no database).")
        return 0
    settings = Settings(data_dir=data_dir, db=args.db)
    try:
        from kiosk.store.db import open_store

        store = open_store(args.db, data_dir)
    except StoreError as err:
        print(f"Cannot read the follow-ups: {err}", file=sys.stderr)
        return 1
    try:
        promises = make_promises(store, staff_desk(settings, catalogue, hall, store, _dt.datetime.now))
        if action == "list":
            print(_follow_table(promises.follow_ups(open_only=not args.all), promises.clock().timestamp(),
                                hall.name, args.all))
            return 0
        try:
            done = promises.called_back(fid, args.note) if action == "call" else promises.fixed(fid, args.note, level)
        except (FollowError, StaleRecord) as exc:
            current = store.follow_up(fid) if fid is not None else None
            code = exc.problem.value if isinstance(exc, FollowError) and exc.problem else \
                exc.code.value if isinstance(exc, FollowError) else "wrong_step"
            status = current.status.value if current is not None else "gone"
            step = {"open": "record the return call first (call ID --note …)",
                    "called": "its call is recorded; close it (close ID --note … --level N)",
                    "closed": "it is closed already"}.get(status, "")
            what = "what was said on the return call" if action == "call" else "what was done to put it right"
            print("kiosk followups: " + FOLLOW_PROBLEMS.get(code, code).format(
                id=fid, status=status, step=step, what=what, n=len(args.note.strip()), limit=REASON_LIMIT),
                file=sys.stderr)
            return 1
        if done.status == FollowStatus.CALLED:
            print(f"Follow-up {done.id} ({done.number}): return call recorded; fix due by {_day_of(done.fix_due)}")
        else:
            print(f"Follow-up {done.id} ({done.number}): closed, "
                  f"{'on time' if done.on_time else 'late'}; the citizen rated the fix {LEVEL_NAMES[int(done.after_level)]}")
        return 0
    except StoreError as err:
        print(f"Cannot {'read' if action == 'list' else 'record'} the follow-ups: {err}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _day_of(ts: float | None) -> str:
    return _dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d") if ts else "-"


def _follow_table(follow_ups, now: float, hall_name: str, everything: bool) -> str:
    """The follow-ups as a plain-text table; a late step is marked OVERDUE (and ⚠), not by colour."""
    late = [f for f in follow_ups if f.overdue(now)]
    open_ = [f for f in follow_ups if f.status != "closed"]
    head = f"{hall_name} · 差评回访 follow-ups: {len(open_)} open" + (f", {len(late)} OVERDUE" if late else "")
    if not follow_ups:
        return head + "\nNone" + (" open." if not everything else ".")
    rows = [["ID", "ticket", "window", "rating", "reason", "opened", "call by", "fix by", "status"]]
    for f in follow_ups:
        reason = "; ".join([TAG_NAMES.get(t.value, t.value) for t in f.tags] + ([f.text] if f.text else []))
        status = f.status.value
        if f.overdue(now):
            status += " ⚠ OVERDUE"
        elif f.status == "closed":
            status += f" ({'on time' if f.on_time else 'late'}; fix rated {LEVEL_NAMES[int(f.after_level)]})" \
                if f.after_level is not None else ""
        rows.append([str(f.id), f.number, str(f.window or "-"), f"{int(f.level)} {LEVEL_NAMES[int(f.level)]}",
                     reason[:40] + ("…" if len(reason) > 40 else ""), _day_of(f.opened_at), _day_of(f.call_due),
                     _day_of(f.fix_due), status])
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c + " " * (widths[i] - _width(c)) for i, c in enumerate(r)).rstrip() for r in rows]
    return "\n".join([head, *lines, "Due: a return call within 1 working day, the fix within 15 "
                                      "(by the end of that day). kiosk followups call ID --note TEXT; "
                                      "kiosk followups close ID --note TEXT --level N."])


def _stats(args, data_dir: Path, first: str, last: str, csv_path: Path | None) -> int:
    """``kiosk stats``: print the figures of ``first``..``last``; with ``csv_path`` write them too."""
    from kiosk.domain.hall import load_hall
    from kiosk.domain.stats import period_stats
    from kiosk.domain.yamlfile import ValidationError
    from kiosk.store.errors import StoreError

    try:
        hall = load_hall(args.hall) if args.hall else load_hall()
    except ValidationError as err:
        _print_problems(err)
        return 1
    from kiosk.store.connect import DB_NAME

    period = f"on {first}" if first == last else f"from {first} to {last}"
    if not args.db and not (Path(data_dir) / DB_NAME).is_file():
        from kiosk.domain.ports import StatsRows
        from kiosk.domain.stats import build_stats

        print(f"No tickets {period} (data directory {data_dir} has no database).")
        stats = build_stats(first, last, StatsRows(), hall)
        cases = []
    else:
        try:
            from kiosk.store.db import open_store

            store = open_store(args.db, data_dir)
            try:
                stats = period_stats(store, first, last, hall)
                cases = store.cases()  # 办不成事: opened, closed and how
                served_alone = len(store.self_services(first, last))  # 零材料: no ticket, no window
            finally:
                store.close()
        except StoreError as err:
            print(f"Cannot read the tickets{'' if args.db else ' in ' + str(data_dir)}: {err}", file=sys.stderr)
            return 1
        if stats.by_item:
            _name_items(stats, args, data_dir)
        if stats.empty:
            print(f"No tickets {period}.")
        else:
            print(_stats_table(stats, hall.name))
            if stats.overall.rated:
                print(_satisfaction_table(stats))
        from kiosk.listing import figures_table

        if figures_table(cases, first, last):
            print(figures_table(cases, first, last))
        print(f"Self-service 零材料自助办理 (done at the kiosk, no ticket): {served_alone}")
    if csv_path is not None:
        import csv

        from kiosk.domain.stats import ROW_FIELDS

        rows = stats.rows()
        try:
            with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=ROW_FIELDS)
                writer.writeheader()
                writer.writerows(rows)
        except OSError as exc:
            print(f"Cannot write {csv_path}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"Wrote {len(rows)} rows to {csv_path}")
    return 0


def _stats_table(stats, hall_name: str) -> str:
    """The figures as a plain-text table (minutes; CJK names padded by display width)."""
    from kiosk.domain.stats import Figures

    def minutes(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}"

    def line(label: str, f: Figures) -> list[str]:
        rate = "-" if f.no_show_rate is None else f"{f.no_show_rate:.0%}"
        return [label, str(f.tickets), str(f.served), str(f.no_shows), rate, minutes(f.mean_wait_min),
                minutes(f.p90_wait_min), minutes(f.mean_walkup_min), minutes(f.mean_service_min),
                minutes(f.p90_service_min), minutes(f.hold_min), str(f.transferred_out), str(f.cancelled)]

    head = ["", "tickets", "served", "no-show", "rate", "wait", "p90", "walk-up", "service", "p90",
            "hold", "transf.", "cancel"]
    body: list[list[str] | str] = ["By category 按类别"]
    body += [line(f"  {f.name}", f) for f in stats.by_category.values()]
    if stats.by_window:
        body.append("By window 按窗口")
        body += [line(f"  {n:>2} {f.name}", f) for n, f in stats.by_window.items()]
    if stats.first != stats.last and len(stats.by_day) <= 62:
        body.append("By day 按日")
        body += [line(f"  {d}", f) for d, f in stats.by_day.items()]
    body.append(line("Whole day 全天" if stats.first == stats.last else "Whole period 全期", stats.overall))
    rows = [head] + [r for r in body if isinstance(r, list)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(head))]

    def fmt(r: list[str]) -> str:
        cells = [r[0] + " " * (widths[0] - _width(r[0]))]
        cells += [" " * (widths[i] - _width(c)) + c for i, c in enumerate(r[1:], 1)]
        return "  ".join(cells).rstrip()

    out = [f"{hall_name} · {stats.day}", fmt(head)]
    out += [r if isinstance(r, str) else fmt(r) for r in body]
    out.append("Minutes. wait: issued/reactivated/transferred → called; walk-up: called → started;")
    out.append("service: started → done less holds (挂起); p90: 90th percentile (nearest rank);")
    out.append("rate: no-shows per ended call; tickets: issued (category, day) or called (window).")
    return "\n".join(out)


def _name_items(stats, args, data_dir: Path) -> None:
    """The rated items' names from the catalogue (a code the catalogue lacks keeps its code)."""
    from kiosk.domain.catalogue import DEFAULT_DIR, SHIPPED_CACHE, load_catalogue_cached
    from kiosk.domain.yamlfile import ValidationError

    try:
        cat = load_catalogue_cached(args.catalogue or DEFAULT_DIR, data_dir / "cache" if data_dir.is_dir() else None,
                                    SHIPPED_CACHE)
    except (ValidationError, OSError):
        return
    for code, f in stats.by_item.items():
        found = cat.by_code.get(code)
        if found is not None:
            f.name, f.name_en = found.name, found.name_en


#: the most rated items the table lists (every one is in the CSV)
TABLE_ITEMS = 15


def _satisfaction_table(stats) -> str:
    """好差评 as a plain-text table: ratings per level, 满意率, 差评 and their follow-ups."""
    from kiosk.domain.stats import Figures

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    def line(label: str, f: Figures) -> list[str]:
        return [label, str(f.rated), pct(f.satisfaction), *(str(f.levels.get(lv, 0)) for lv in (5, 4, 3, 2, 1)),
                str(f.bad), pct(f.follow_on_time_rate)]

    head = ["", "rated", "满意率", "5 非常满意", "4 满意", "3 基本满意", "2 不满意", "1 非常不满意", "差评", "on time"]
    body: list[list[str] | str] = ["Satisfaction 满意度 (好差评) by category 按类别"]
    body += [line(f"  {f.name}", f) for f in stats.by_category.values() if f.rated]
    body.append("By window 按窗口")
    body += [line(f"  {n:>2} {f.name}", f) for n, f in stats.by_window.items() if f.rated]
    items = list(stats.by_item.values())
    if items:
        more = f" (the {TABLE_ITEMS} most rated of {len(items)}; all in the CSV)" if len(items) > TABLE_ITEMS else ""
        body.append(f"By item 按事项{more}")
        body += [line(f"  {f.key} {f.name[:18]}", f) for f in items[:TABLE_ITEMS]]
    if stats.first != stats.last and len(stats.by_day) <= 62:
        body.append("By day 按日")
        body += [line(f"  {d}", f) for d, f in stats.by_day.items() if f.rated]
    body.append(line("Whole day 全天" if stats.first == stats.last else "Whole period 全期", stats.overall))
    rows = [head] + [r for r in body if isinstance(r, list)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(head))]

    def fmt(r: list[str]) -> str:
        cells = [r[0] + " " * (widths[0] - _width(r[0]))]
        cells += [" " * (widths[i] - _width(c)) + c for i, c in enumerate(r[1:], 1)]
        return "  ".join(cells).rstrip()

    o = stats.overall
    follow = o.follow
    out = ["", fmt(head)] + [r if isinstance(r, str) else fmt(r) for r in body]
    out.append(f"差评 follow-ups 回访: {sum(follow.values())} — closed on time {follow.get('on_time', 0)}, "
               f"late {follow.get('late', 0)}, overdue now {follow.get('overdue', 0)}, within their time "
               f"{follow.get('pending', 0)}; followed up on time: {pct(o.follow_on_time_rate)}.")
    out.append("满意率: ratings 基本满意 or better; 差评: 不满意 and 非常不满意; on time: of the follow-ups closed or")
    out.append("already late, those called back within 1 working day and put right within 15.")
    return "\n".join(out)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


if __name__ == "__main__":
    sys.exit(main())
