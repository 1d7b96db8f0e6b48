"""好差评 (国办发〔2019〕51号): one rating per service, five levels, and every 差评 followed up.

On site a service is rated once (一次一评), on the window's rating pad or at the kiosk by ticket
number. 不满意 and 非常不满意 are 差评: they need a reason (a tag or words), and each opens a
follow-up — a return call within 1 working day, the fix within 15, and one follow-up rating. The
rules are here; the store keeps the records (:class:`kiosk.domain.ports.RecordStore`), and the
database's unique key on the ticket makes "one rating per ticket, ever" hold across terminals.
Levels, tags and statuses are stored as codes and translated where they are shown.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from kiosk.domain.freetext import TextProblem, clean_text
from kiosk.domain.lifecycle import Status, Ticket
from kiosk.domain.workdays import Calendar


class Level(IntEnum):
    """The five levels, 5 best. Stored as the number."""

    VERY_SATISFIED = 5  # 非常满意
    SATISFIED = 4  # 满意
    FAIR = 3  # 基本满意
    DISSATISFIED = 2  # 不满意
    VERY_DISSATISFIED = 1  # 非常不满意

    @property
    def bad(self) -> bool:
        """差评: needs a reason and opens a follow-up."""
        return self <= Level.DISSATISFIED


class Tag(StrEnum):
    """What a rating says about the service (the national system's evaluation points)."""

    # praise (满意 and above)
    KIND = "kind"  # 服务态度好
    FAST = "fast"  # 办事效率高
    TOLD_ONCE = "told_once"  # 一次性告知清楚
    FACILITIES = "facilities"  # 环境设施好
    GUIDED = "guided"  # 引导帮办到位
    # problems (基本满意 and below)
    RUDE = "rude"  # 服务态度差
    SLOW = "slow"  # 办事效率低
    NOT_TOLD = "not_told"  # 一次性告知不清楚
    TOO_MANY_MATERIALS = "too_many_materials"  # 材料要求多
    LONG_WAIT = "long_wait"  # 等候时间长
    FACILITIES_POOR = "facilities_poor"  # 环境设施差
    NOT_DONE = "not_done"  # 事情没办成


PRAISE = (Tag.KIND, Tag.FAST, Tag.TOLD_ONCE, Tag.FACILITIES, Tag.GUIDED)
PROBLEMS = (Tag.RUDE, Tag.SLOW, Tag.NOT_TOLD, Tag.TOO_MANY_MATERIALS, Tag.LONG_WAIT, Tag.FACILITIES_POOR,
            Tag.NOT_DONE)


def tags_for(level: Level) -> tuple[Tag, ...]:
    """The tags a level offers: praise for 满意 and above, problems for 基本满意 and below."""
    return PRAISE if level >= Level.SATISFIED else PROBLEMS


class Source(StrEnum):
    PAD = "pad"  # the window's rating pad
    KIOSK = "kiosk"  # the kiosk, by ticket number or the slip's code
    SIMULATED = "simulated"


#: The longest reason a rating keeps.
REASON_LIMIT = 200


class RatingCode(StrEnum):
    """Why a rating is refused (translated where it is shown)."""

    NO_SUCH_TICKET = "no_such_ticket"
    NOT_SERVED = "not_served"  # the ticket was not (yet) served: nothing to rate
    ALREADY_RATED = "already_rated"
    REASON_NEEDED = "reason_needed"  # a 差评 without a tag or words
    WRONG_TAG = "wrong_tag"
    TEXT = "text"  # the words cannot be kept: ``problem`` says why


class RatingError(Exception):
    def __init__(self, code: RatingCode, problem: TextProblem | None = None, number: str = ""):
        super().__init__(f"{code.value}{': ' + problem.value if problem else ''}{' ' + number if number else ''}")
        self.code, self.problem, self.number = code, problem, number


@dataclass(frozen=True)
class NewRating:
    """A rating about to be stored (checked by :func:`check_rating`)."""

    ticket_id: int
    day: str
    number: str
    window: int | None
    category: str
    item_code: str | None
    bundle_code: str | None
    level: Level
    tags: tuple[Tag, ...]
    text: str
    source: Source
    at: float


@dataclass(frozen=True)
class Rating(NewRating):
    id: int = 0


def check_rating(ticket: Ticket | None, level: Level, tags: tuple[Tag, ...] | list[Tag], text: str,
                 source: Source, now: float, already_rated: bool = False) -> NewRating:
    """The rating of ``ticket`` if the rules allow it, else RatingError."""
    if ticket is None:
        raise RatingError(RatingCode.NO_SUCH_TICKET)
    if ticket.status != Status.DONE:
        raise RatingError(RatingCode.NOT_SERVED, number=ticket.number)
    if already_rated:
        raise RatingError(RatingCode.ALREADY_RATED, number=ticket.number)
    level = Level(level)
    wrong = [t for t in tags if t not in tags_for(level)]
    if wrong:
        raise RatingError(RatingCode.WRONG_TAG)
    cleaned, problem = clean_text(text, REASON_LIMIT)
    if problem is not None:
        raise RatingError(RatingCode.TEXT, problem)
    if level.bad and not tags and not cleaned:
        raise RatingError(RatingCode.REASON_NEEDED)
    return NewRating(ticket.id, ticket.day, ticket.number, ticket.window, ticket.category, ticket.item_code,
                     ticket.bundle_code, level, tuple(dict.fromkeys(Tag(t) for t in tags)), cleaned, source, now)


# --- follow-ups ---------------------------------------------------------------------------------------

CALL_DAYS = 1  # return call within 1 working day
FIX_DAYS = 15  # rectification within 15 working days


class FollowStatus(StrEnum):
    OPEN = "open"  # waiting for the return call
    CALLED = "called"  # called back; the fix is under way
    CLOSED = "closed"  # fixed, and the citizen's follow-up rating recorded


@dataclass(frozen=True)
class FollowUp:
    id: int
    rating_id: int
    number: str  # the ticket rated
    window: int | None
    level: Level
    tags: tuple[Tag, ...]
    text: str
    opened_at: float
    call_due: float
    fix_due: float
    status: FollowStatus = FollowStatus.OPEN
    called_at: float | None = None
    call_note: str = ""
    closed_at: float | None = None
    fix_note: str = ""
    after_level: Level | None = None  # the one follow-up rating

    def overdue(self, now: float) -> bool:
        """Whether the step now due is late (the call while open, the fix while called)."""
        if self.status == FollowStatus.OPEN:
            return now > self.call_due
        if self.status == FollowStatus.CALLED:
            return now > self.fix_due
        return False

    @property
    def on_time(self) -> bool | None:
        """Whether it was followed up on time (called by its due and fixed by its due); None while open."""
        if self.status != FollowStatus.CLOSED or self.called_at is None or self.closed_at is None:
            return None
        return self.called_at <= self.call_due and self.closed_at <= self.fix_due


def due_dates(opened: _dt.datetime, calendar: Calendar) -> tuple[float, float]:
    """The return call's and the fix's deadlines of a 差评 given at ``opened``."""
    return calendar.due(opened, CALL_DAYS).timestamp(), calendar.due(opened, FIX_DAYS).timestamp()


class FollowCode(StrEnum):
    NO_SUCH_FOLLOW_UP = "no_such_follow_up"
    WRONG_STEP = "wrong_step"  # called twice, or closed before the call
    NOTE_NEEDED = "note_needed"  # what was said / done must be written down
    TEXT = "text"


class FollowError(Exception):
    def __init__(self, code: FollowCode, problem: TextProblem | None = None):
        super().__init__(code.value + (f": {problem.value}" if problem else ""))
        self.code, self.problem = code, problem


def check_note(note: str) -> str:
    cleaned, problem = clean_text(note, REASON_LIMIT, required=True)
    if problem == TextProblem.EMPTY:
        raise FollowError(FollowCode.NOTE_NEEDED)
    if problem is not None:
        raise FollowError(FollowCode.TEXT, problem)
    return cleaned


def satisfaction(levels: list[int] | tuple[int, ...]) -> float | None:
    """The share of ratings that are 基本满意 or better (the national 满意率), or None without ratings."""
    return sum(1 for v in levels if v >= Level.FAIR) / len(levels) if levels else None
