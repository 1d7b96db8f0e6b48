"""容缺 + 承诺 + 信用 (the seed's 三联动极速办): a secondary material marked 容缺 may be handed in
later on a written commitment — what is missing and by when — by an applicant in good standing.

The applicant is a person (resident ID, GB 11643) or a legal person (unified social credit code,
GB 32100, checked by its check character). Standing comes from the demo credit list
(``assets/credit.yaml``): only an applicant listed in good standing may commit; anyone else is
told why. Commitments are due a number of working days after the ticket (hall.yaml
``promises.deferral_days``); open ones past their due are listed for staff.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.domain.catalogue import Item
from kiosk.domain.ids import mask_id, resident_id_problem, uscc_problem
from kiosk.domain.workdays import Calendar
from kiosk.domain.yamlfile import LineDict, LineList, Problem, ValidationError, load

CREDIT_FILE = Path(__file__).resolve().parents[2] / "assets" / "credit.yaml"


class Applicant(StrEnum):
    PERSON = "person"  # 自然人: resident ID
    LEGAL = "legal"  # 法人: unified social credit code


class Standing(StrEnum):
    GOOD = "good"  # 守信
    BAD = "bad"  # 失信 (e.g. 失信被执行人, 严重违法失信名单)


@dataclass(frozen=True)
class CreditRecord:
    code: str  # resident ID or credit code
    name: str
    name_en: str
    standing: Standing
    note: str = ""  # why, for a bad standing (严重违法失信名单 …)
    note_en: str = ""


class Refusal(StrEnum):
    """Why a commitment cannot be accepted (translated where shown)."""

    INVALID_ID = "invalid_id"  # ``detail``: the ID check's reason
    INVALID_CODE = "invalid_code"  # ``detail``: the credit code check's reason
    NO_RECORD = "no_record"  # not in the credit list: no record to rely on
    BAD_STANDING = "bad_standing"  # listed as 失信
    NOT_DEFERRABLE = "not_deferrable"  # a material the item does not allow to follow later
    NOTHING_MISSING = "nothing_missing"


class CommitmentError(Exception):
    def __init__(self, refusal: Refusal, detail: str = "", record: CreditRecord | None = None):
        super().__init__(f"{refusal.value} {detail}".strip())
        self.refusal, self.detail, self.record = refusal, detail, record


class CommitStatus(StrEnum):
    OPEN = "open"  # the material is still to come
    FULFILLED = "fulfilled"  # handed in


@dataclass(frozen=True)
class NewCommitment:
    day: str
    at: float
    item_code: str
    materials: tuple[str, ...]  # names of the materials left out (as the catalogue names them)
    applicant_kind: Applicant
    applicant: str  # the credit code, or a masked ID (never the whole number)
    applicant_name: str
    due: float  # the end of the due working day


@dataclass(frozen=True)
class Commitment(NewCommitment):
    id: int = 0
    ticket_id: int | None = None
    number: str = ""
    status: CommitStatus = CommitStatus.OPEN
    fulfilled_at: float | None = None

    def overdue(self, now: float) -> bool:
        return self.status == CommitStatus.OPEN and now > self.due


class CreditList:
    def __init__(self, records: Mapping[str, CreditRecord]):
        self.records = dict(records)

    def standing(self, kind: Applicant, code: str, today: _dt.date) -> CreditRecord:
        """The applicant's record if they may commit, else CommitmentError saying why."""
        code = (code or "").strip().upper()
        if kind == Applicant.PERSON:
            problem = resident_id_problem(code, today)
            if problem:
                raise CommitmentError(Refusal.INVALID_ID, problem)
        else:
            problem = uscc_problem(code)
            if problem:
                raise CommitmentError(Refusal.INVALID_CODE, problem)
        record = self.records.get(code)
        if record is None:
            raise CommitmentError(Refusal.NO_RECORD)
        if record.standing != Standing.GOOD:
            raise CommitmentError(Refusal.BAD_STANDING, record.note, record)
        return record


def deferrable(item: Item) -> tuple[str, ...]:
    """The materials of ``item`` that may follow later on a commitment."""
    return tuple(m.name for m in item.materials if m.deferrable)


def commit(item: Item, missing: tuple[str, ...] | list[str], kind: Applicant, code: str, credit: CreditList,
           now: _dt.datetime, calendar: Calendar, days: int) -> NewCommitment:
    """The commitment for leaving ``missing`` out of ``item``, or CommitmentError."""
    if not missing:
        raise CommitmentError(Refusal.NOTHING_MISSING)
    allowed = deferrable(item)
    wrong = [m for m in missing if m not in allowed]
    if wrong:
        raise CommitmentError(Refusal.NOT_DEFERRABLE, "、".join(wrong))
    record = credit.standing(kind, code, now.date())
    code = code.strip().upper()
    shown = code if kind == Applicant.LEGAL else mask_id(code)
    return NewCommitment(now.date().isoformat(), now.timestamp(), item.code, tuple(dict.fromkeys(missing)), kind,
                         shown, record.name, calendar.due(now, days).timestamp())


def load_credit(path: Path = CREDIT_FILE) -> CreditList:
    """The demo credit list; ValidationError with every problem (file, line, field)."""
    data, problems = load(path)
    problems = list(problems)
    records: dict[str, CreditRecord] = {}
    entries = data.get("entries") if isinstance(data, LineDict) else None
    if not isinstance(entries, LineList):
        problems.append(Problem(str(path), getattr(data, "line", 1) or 1, "entries", "must be a list of records"))
        raise ValidationError(problems)
    for i, raw in enumerate(entries):
        line = entries.line_of(i)
        if not isinstance(raw, LineDict):
            problems.append(Problem(str(path), line, f"entries[{i}]", "must be a mapping"))
            continue
        code = str(raw.get("code", "")).strip().upper()
        field_line = raw.line_of("code")
        if uscc_problem(code) and resident_id_problem(code):
            problems.append(Problem(str(path), field_line, "code",
                                    f"'{code}' is neither a valid credit code nor a valid resident ID"))
        if code in records:
            problems.append(Problem(str(path), field_line, "code", f"'{code}' is listed twice"))
        for key in ("name", "name_en"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                problems.append(Problem(str(path), raw.line_of(key), key, "must be a non-empty text"))
        standing = raw.get("standing")
        if standing not in tuple(Standing):
            problems.append(Problem(str(path), raw.line_of("standing"), "standing", "must be good or bad"))
            continue
        if standing == Standing.BAD and not (raw.get("note") and raw.get("note_en")):
            problems.append(Problem(str(path), raw.line_of("standing"), "note",
                                    "a bad standing needs its reason in note and note_en"))
        records[code] = CreditRecord(code, str(raw.get("name", "")), str(raw.get("name_en", "")), Standing(standing),
                                     str(raw.get("note", "")), str(raw.get("note_en", "")))
    if problems:
        raise ValidationError(problems)
    return CreditList(records)
