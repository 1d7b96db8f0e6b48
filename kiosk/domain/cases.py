"""What citizens report: 办不成事反映 cases and 意见建议 (the 意见箱 of the 人大代表社情民意联系点).

A 办不成事 case says what the citizen tried (a catalogue item, or words), what went wrong (tags
and words) and, if they wish, how to reach them; it comes with a D ticket for the 办不成事 专窗,
whose console shows it, and is closed there with the outcome. An opinion may be anonymous. A
contact number is kept only while the record is open: closing it erases the number.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.domain.freetext import TextProblem, clean_text
from kiosk.domain.ids import phone_problem

TEXT_LIMIT = 300


class Snag(StrEnum):
    """What went wrong when a citizen could not get something done."""

    NOT_IN_CATALOGUE = "not_in_catalogue"  # 找不到要办的事项
    MATERIALS = "materials"  # 材料要求不清楚或太多
    SENT_AROUND = "sent_around"  # 被推来推去
    SYSTEM = "system"  # 窗口说系统办不了
    CONDITIONS = "conditions"  # 不符合条件却说不清为什么
    TOO_LONG = "too_long"  # 办得太久
    ONLINE = "online"  # 网上办不成
    OTHER = "other"  # 其他


class CaseOutcome(StrEnum):
    SOLVED = "solved"  # 当场解决
    SOLVED_LATER = "solved_later"  # 协调后解决
    REFERRED = "referred"  # 转交主管部门
    EXPLAINED = "explained"  # 依法不能办，已解释清楚


class RecordStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Topic(StrEnum):
    """What an opinion is about."""

    SERVICE = "service"  # 服务
    PROCESS = "process"  # 办事流程
    FACILITIES = "facilities"  # 环境设施
    POLICY = "policy"  # 政策建议
    OTHER = "other"


class ReportCode(StrEnum):
    NOTHING_SAID = "nothing_said"  # neither an item nor words for what was tried
    NO_SNAG = "no_snag"  # neither a tag nor words for what went wrong
    TEXT = "text"
    CONTACT = "contact"  # not a mobile number: ``problem`` is the phone check's code
    OUTCOME_NEEDED = "outcome_needed"
    NO_SUCH_RECORD = "no_such_record"
    CLOSED = "closed"  # already closed


class ReportError(Exception):
    def __init__(self, code: ReportCode, field: str = "", problem: str | None = None):
        super().__init__(f"{code.value} {field} {problem or ''}".strip())
        self.code, self.field, self.problem = code, field, problem


def report_text(value: str, field: str, limit: int = TEXT_LIMIT) -> str:
    cleaned, problem = clean_text(value, limit)
    if problem is not None and problem != TextProblem.EMPTY:
        raise ReportError(ReportCode.TEXT, field, problem.value)
    return cleaned


def contact_number(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    problem = phone_problem(value)
    if problem:
        raise ReportError(ReportCode.CONTACT, "contact", problem)
    return value


@dataclass(frozen=True)
class NewCase:
    at: float
    day: str
    item_code: str | None
    tried: str  # in the citizen's words (when no item, or besides it)
    snags: tuple[Snag, ...]
    text: str
    contact: str  # a mobile number, or ""


@dataclass(frozen=True)
class Case(NewCase):
    id: int = 0
    ticket_id: int | None = None
    number: str = ""  # the D ticket's number
    status: RecordStatus = RecordStatus.OPEN
    outcome: CaseOutcome | None = None
    outcome_note: str = ""
    closed_at: float | None = None


def check_case(at: float, day: str, item_code: str | None, tried: str, snags: tuple[Snag, ...] | list[Snag],
               text: str, contact: str) -> NewCase:
    tried_c = report_text(tried, "tried", 100)
    text_c = report_text(text, "text")
    if not item_code and not tried_c:
        raise ReportError(ReportCode.NOTHING_SAID, "tried")
    if not snags and not text_c:
        raise ReportError(ReportCode.NO_SNAG, "snags")
    return NewCase(at, day, item_code or None, tried_c, tuple(dict.fromkeys(Snag(s) for s in snags)), text_c,
                   contact_number(contact))


def check_outcome(outcome: CaseOutcome | str | None, note: str) -> tuple[CaseOutcome, str]:
    if not outcome:
        raise ReportError(ReportCode.OUTCOME_NEEDED, "outcome")
    return CaseOutcome(outcome), report_text(note, "note")


@dataclass(frozen=True)
class NewOpinion:
    at: float
    day: str
    topic: Topic
    text: str
    contact: str  # "" when anonymous (and erased when the opinion is closed)
    anonymous: bool


@dataclass(frozen=True)
class Opinion(NewOpinion):
    id: int = 0
    status: RecordStatus = RecordStatus.OPEN
    reply: str = ""
    closed_at: float | None = None


def check_opinion(at: float, day: str, topic: Topic | str, text: str, contact: str) -> NewOpinion:
    cleaned, problem = clean_text(text, TEXT_LIMIT, required=True)
    if problem is not None:
        raise ReportError(ReportCode.TEXT, "text", problem.value)
    contact = contact_number(contact)
    return NewOpinion(at, day, Topic(topic), cleaned, contact, not contact)


def check_reply(reply: str) -> str:
    """What staff replied to an opinion: required, and kept only if it can be (freetext)."""
    cleaned, problem = clean_text(reply, TEXT_LIMIT, required=True)
    if problem is not None:
        raise ReportError(ReportCode.TEXT, "reply", problem.value)
    return cleaned


# --- figures for ``kiosk stats`` ------------------------------------------------------------------


@dataclass
class CaseFigures:
    """The 办不成事 cases of one day (or a whole period): opened that day, closed that day and
    how they ended, and those still open at the day's end (of those opened up to then)."""

    key: str
    opened: int = 0
    closed: int = 0
    outcomes: Counter[CaseOutcome] = field(default_factory=Counter)  # CaseOutcome -> closed that day with it
    still_open: int = 0

    def row(self) -> dict[str, object]:
        return {"day": self.key, "opened": self.opened, "closed": self.closed,
                **{o.value: self.outcomes.get(o, 0) for o in CaseOutcome}, "still_open": self.still_open}


def _day_of(at: float) -> str:
    return _dt.datetime.fromtimestamp(at).date().isoformat()


def case_figures(cases: Iterable[Case], first: str, last: str) -> tuple[list[CaseFigures], CaseFigures]:
    """Each day of ``first``..``last`` with a case opened or closed, ascending, and the whole
    period. A case counts as opened on its day and as closed on the day it was closed."""
    cases = list(cases)
    days: dict[str, CaseFigures] = {}
    total = CaseFigures(first if first == last else f"{first}..{last}")
    for c in cases:
        if first <= c.day <= last:
            days.setdefault(c.day, CaseFigures(c.day)).opened += 1
            total.opened += 1
        if c.closed_at is not None and c.outcome is not None:
            day = _day_of(c.closed_at)
            if first <= day <= last:
                f = days.setdefault(day, CaseFigures(day))
                f.closed += 1
                f.outcomes[c.outcome] += 1
                total.closed += 1
                total.outcomes[c.outcome] += 1
    for key, f in days.items():
        f.still_open = sum(1 for c in cases if c.day <= key and (c.closed_at is None or _day_of(c.closed_at) > key))
    total.still_open = sum(1 for c in cases if c.day <= last and (c.closed_at is None or _day_of(c.closed_at) > last))
    return [days[d] for d in sorted(days)], total
