"""``kiosk study STUDY.yaml``: run a usability study, check a study file, or delete a participant.

``--participant P07`` opens the kiosk for the participant (on a fresh hall of their own) and the
facilitator's window; ``--check`` validates the file and prints every problem as
``file:line: field: message`` (exit 1); ``--delete P07`` removes everything recorded of P07 (the
record, the screenshots, their hall) and says what it removed. A participant code that cannot be
used is said plainly (exit 2). The study's folder is ``<data-dir>/studies/<study id>/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub, common: argparse.ArgumentParser, size) -> None:
    p = sub.add_parser("study", parents=[common],
                       help="a usability study: the kiosk for a participant with the facilitator's window "
                            "(--participant P07), check a study file (--check), or delete a participant's record")
    p.add_argument("study_file", type=Path, metavar="STUDY.yaml", help="the study file (e.g. assets/studies/*.yaml)")
    p.add_argument("--participant", metavar="CODE",
                   help="the participant's code (letters and a number, such as P07: never a name)")
    p.add_argument("--check", action="store_true",
                   help="validate the study file; print every problem with file, line and field (exit 1)")
    p.add_argument("--delete", metavar="CODE",
                   help="delete everything recorded of this participant (record, screenshots, their hall) and say what")
    p.add_argument("--window", dest="study_window", type=size, metavar="WxH",
                   help="preview the kiosk scaled into a WxH window (the facilitator's window is 1280x800)")
    p.add_argument("--fullscreen", action="store_true", help="the kiosk full screen (for the participant's screen)")
    p.add_argument("--lang", dest="study_lang", choices=("zh_CN", "en_US"), default=None,
                   help="the facilitator window's language (default: the hall's); the kiosk's is the condition's")


def _load(args, data_dir: Path):
    """(study, catalogue, hall), or None after printing every problem (exit 1): the study's codes
    are checked against the catalogue (and each condition's variant) and the hall."""
    from kiosk.app import load_data
    from kiosk.cli import _print_problems
    from kiosk.domain.yamlfile import ValidationError
    from kiosk.usability.study import load_study

    try:
        catalogue, hall = load_data(args.catalogue, data_dir / "cache" if data_dir.is_dir() else None, args.hall)
        return load_study(args.study_file, catalogue, hall), catalogue, hall
    except ValidationError as err:
        _print_problems(err)
        return None


def run(args, data_dir: Path) -> int:
    from kiosk.ui.study.controller import ParticipantError, check_code, delete_participant, next_code, study_dir

    chosen = [name for name, on in (("--participant", args.participant is not None), ("--check", args.check),
                                    ("--delete", args.delete is not None)) if on]
    if len(chosen) > 1:
        print(f"kiosk study: give one of --participant, --check and --delete, not {' and '.join(chosen)}.",
              file=sys.stderr)
        return 2
    loaded = _load(args, data_dir)
    if loaded is None:
        return 1
    study, catalogue, hall = loaded
    if args.check:
        print(f"OK: {args.study_file}: {len(study.tasks)} task(s), {len(study.conditions)} condition(s), "
              f"{study.design.value}-subject")
        return 0
    folder = study_dir(data_dir, study)
    if args.delete is not None:
        from kiosk.usability.study import participant_number

        code = args.delete.strip()
        try:
            participant_number(code)
        except ValueError as exc:
            print(f"kiosk study --delete: {exc}", file=sys.stderr)
            return 2
        events = _events_in(folder / "participants" / code / "events.jsonl")
        try:
            files = delete_participant(folder, code)
        except ParticipantError as exc:  # nothing of theirs to delete
            print(f"kiosk study --delete: {exc}; nothing was deleted.", file=sys.stderr)
            return 1
        print(_deleted(code, folder, files, events))
        return 0
    if args.participant is None:
        print(f"kiosk study: which participant? --participant CODE (the next without a record: "
              f"{next_code(folder)}).", file=sys.stderr)
        return 2
    try:
        code = check_code(folder, args.participant)
    except ParticipantError as exc:
        print(f"kiosk study: participant {args.participant!r}: {exc}", file=sys.stderr)
        return 2
    return _run(args, data_dir, study, catalogue, hall, code)


def _events_in(record: Path) -> int | None:
    try:
        return max(0, len(record.read_text(encoding="utf-8").splitlines()) - 1)  # less the header
    except (OSError, UnicodeDecodeError):
        return None


def _deleted(code: str, folder: Path, files: list[Path], events: int | None) -> str:
    """What ``--delete`` removed, in one sentence."""
    base = folder / "participants" / code
    top = [f.relative_to(base).parts[0] for f in files]
    screens, hall = top.count("screens"), top.count("hall")
    parts = [f"the record (events.jsonl, {events} events)" if events is not None else "no record"]
    parts += [f"{screens} screenshot(s)", f"their hall ({hall} file(s): tickets, slips, logs)"]
    other = len(files) - screens - hall - (1 if "events.jsonl" in top else 0)
    if other:
        parts.append(f"{other} other file(s)")
    return f"Deleted {code} entirely ({base}): " + ", ".join(parts) + f"; {len(files)} file(s) in all."


def _run(args, data_dir: Path, study, catalogue, hall, code: str) -> int:
    from kiosk.app import Settings, run_study
    from kiosk.logs import setup_logging
    from kiosk.store.errors import StoreError
    from kiosk.usability.events import RecordError

    setup_logging(data_dir)
    settings = Settings(data_dir=data_dir, window=args.study_window, fullscreen=args.fullscreen)
    try:
        return run_study(settings, study, catalogue, hall, code, language=args.study_lang)
    except (StoreError, RecordError) as err:
        print(f"The study cannot start: {err}", file=sys.stderr)
        return 1
