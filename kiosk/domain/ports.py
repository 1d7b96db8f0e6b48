"""The ports the domain needs from persistence: :class:`HallStore` and :class:`ChangeFeed`.

Desk, counter, statistics, the board and the console depend on these protocols only; the SQL
engines in ``kiosk.store`` implement them (SQLite embedded, PostgreSQL for a hall on several PCs).
The store decides nothing: the rules hand it a :class:`~kiosk.domain.lifecycle.Move` (or a
function that works one out inside the write transaction) and it applies it atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.domain.lifecycle import Move, NewTicket, PauseReason, Ticket, TicketEvent, WindowEvent

if TYPE_CHECKING:
    from kiosk.domain.appointments import Appointment, NewAppointment
    from kiosk.domain.cases import Case, CaseOutcome, NewCase, NewOpinion, Opinion
    from kiosk.domain.commitments import Commitment, NewCommitment
    from kiosk.domain.feedback import FollowStatus, FollowUp, NewRating, Rating
    from kiosk.domain.officers import HelpRequest, HelpStatus, NewHelp
    from kiosk.domain.selfservice import NewSelfService, SelfService


class StoreCode(StrEnum):
    """Why the hall's data cannot be used: what a screen words in its own language."""

    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    CANNOT_OPEN = "cannot_open"  # a file or folder that cannot be opened or created
    NOT_OURS = "not_ours"  # empty, foreign or damaged: refused and left alone
    SCHEMA = "schema"  # a newer (or too old) schema: update this terminal
    UNREACHABLE = "unreachable"  # the database server is away: trying again later may work
    SECRET = "secret"  # the identity secret is missing, damaged or not the hall's
    OTHER = "other"


class StoreError(Exception):
    """The hall's data cannot be used now: ``code`` for a screen, and one English sentence for a
    log or a command line (disk full, server down, not a kiosk database ...)."""

    def __init__(self, message: str, code: StoreCode = StoreCode.OTHER):
        super().__init__(message)
        self.code = code

    @property
    def retry(self) -> bool:
        """True when trying again later may work (the server is away)."""
        return self.code == StoreCode.UNREACHABLE


class DuplicateRequest(Exception):
    """The one-open-ticket-per-person-per-request rule (a database constraint) refused a new
    ticket: ``ticket`` is the one the person already holds."""

    def __init__(self, ticket: Ticket):
        super().__init__(f"already holds {ticket.number} for this request")
        self.ticket = ticket


class QuotaReached(Exception):
    """The day's tickets for ``item_code`` have reached its quota (NewTicket.quota): counted in
    the numbering transaction, so two kiosks racing for the last ticket get one ticket between them."""

    def __init__(self, item_code: str):
        super().__init__(f"the daily quota of {item_code} is used up")
        self.item_code = item_code


@dataclass(frozen=True)
class WindowState:
    """One window as it is inside a write transaction."""

    number: int
    paused: PauseReason | None
    current: Ticket | None  # called or serving here
    suspended: tuple[Ticket, ...] = ()


class Tx(Protocol):
    """Reads inside a write transaction (the hall is locked for writing while they run)."""

    def waiting(self, categories: Sequence[str]) -> list[Ticket]:
        """Waiting tickets of ``categories`` (today's queue, not the day's history)."""

    def recent_greens(self, categories: Sequence[str], limit: int) -> list[bool]:
        """Whether each of the latest ``limit`` first calls in ``categories`` was green, newest first."""

    def by_number(self, number: str) -> Ticket | None: ...

    def by_id(self, ticket_id: int) -> Ticket | None: ...

    def open_for(self, person_key: str, request_key: str) -> Ticket | None:
        """The person's open ticket for the request today, if any."""


Decide = Callable[[WindowState, Tx], "Move | None"]


@dataclass(frozen=True)
class CallRow:
    """A call or recall as the board lists it: the ticket as it is now, the calling window, when."""

    ticket: Ticket
    window: int
    at: float
    recall: bool = False


@dataclass(frozen=True)
class WindowFigures:
    """Today's figures of one window."""

    served: int = 0
    no_shows: int = 0
    service_seconds: float = 0.0  # total, for the mean

    @property
    def mean_service_min(self) -> float | None:
        return self.service_seconds / self.served / 60 if self.served else None


@dataclass(frozen=True)
class HallRows:
    """Everything the board and the consoles show, read in one go after a change."""

    day: str
    at_windows: tuple[Ticket, ...] = ()  # called, serving and suspended tickets
    waiting: dict[tuple[str, int | None], int] = field(default_factory=dict)  # (category, target window) → count
    paused: dict[int, PauseReason] = field(default_factory=dict)
    calls: tuple[CallRow, ...] = ()  # newest first
    figures: dict[int, WindowFigures] = field(default_factory=dict)


#: One aggregate group: (group key, event kind, events, calls they ended, duration samples, their sum in s).
StatGroup = tuple[Any, str, int, int, int, float]


@dataclass(frozen=True)
class StatsRows:
    """A period's event figures summed in SQL (see kiosk.domain.stats)."""

    by_category: list[StatGroup] = field(default_factory=list)
    by_window: list[StatGroup] = field(default_factory=list)
    by_day: list[StatGroup] = field(default_factory=list)
    transferred_in: list[tuple[str, int]] = field(default_factory=list)  # to_category → transfers
    window_holds: list[tuple[int, float]] = field(default_factory=list)  # suspending window → hold seconds
    window_tickets: list[tuple[int, int]] = field(default_factory=list)  # window → distinct tickets called
    samples: list[tuple[str, int | None, str, float]] = field(default_factory=list)  # (category, window, kind, s)


class HallStore(Protocol):
    """The hall's persistence (see kiosk.store.sql.SqlStore)."""

    url: str

    def close(self) -> None: ...

    # writes: each one transaction, numbered and applied atomically
    def issue(self, new: NewTicket) -> Ticket:
        """Number and record a ticket; DuplicateRequest when the person holds one for the request."""

    def act(self, day: str, window: int, decide: Decide) -> Move | None:
        """Lock the hall for writing, show ``decide`` the window and the queue, apply its move."""

    def apply(self, move: Move) -> Ticket:
        """Apply one move worked out outside a transaction (guarded by the status it saw)."""

    def set_paused(self, window: int, reason: PauseReason | None, now: float) -> None: ...

    def secret_matches(self, day: str, fingerprint: str) -> bool:
        """Whether this terminal's identity secret is the one the hall's terminals share."""

    def close_days_before(self, day: str) -> int:
        """Erase the identity hashes of every earlier day; returns how many were erased."""

    # reads
    def ticket(self, ticket_id: int) -> Ticket | None: ...

    def ticket_by_number(self, day: str, number: str) -> Ticket | None: ...

    def open_ticket_for(self, day: str, person_key: str, request_key: str) -> Ticket | None: ...

    def tickets_on(self, day: str) -> list[Ticket]: ...

    def issued_for_item(self, day: str, item_code: str) -> int:
        """How many tickets were issued for ``item_code`` on ``day`` (a daily quota's count)."""
        ...

    def count_ahead(self, ticket: Ticket, categories: Sequence[str], windows: Sequence[int],
                    green_only: bool) -> int: ...

    def busy_windows(self, day: str) -> set[int]: ...

    def paused_windows(self) -> dict[int, PauseReason]: ...

    def service_minutes(self, day: str, categories: Sequence[str], limit: int = 30) -> list[float]: ...

    def hall_rows(self, day: str, recent: int = 32) -> HallRows: ...

    def window_figures(self, day: str) -> dict[int, WindowFigures]: ...

    def stats_rows(self, first: str, last: str) -> StatsRows:
        """The figures of the days ``first``..``last`` (inclusive), summed in SQL."""

    def history(self, day: str) -> list[TicketEvent]:
        """Every ticket event of ``day`` in order (tests, audits; not for refreshing screens)."""

    # the change feed
    def cursor(self) -> tuple[int, int]:
        """The newest ticket and window event ids: watch from here on."""

    def events_after(self, cursor: tuple[int, int], limit: int = 500) -> tuple[
            list[TicketEvent], list[WindowEvent], tuple[int, int]]: ...

    def feed(self) -> ChangeFeed: ...


class RecordKind(StrEnum):
    """The hall's promises' records (the tables of kiosk.store.records, and the change feed's kinds)."""

    RATING = "rating"
    FOLLOW_UP = "follow_up"
    CASE = "case"
    OPINION = "opinion"
    COMMITMENT = "commitment"
    HELP = "help"
    APPOINTMENT = "appointment"
    SELF_SERVICE = "self_service"


class StaleRecord(Exception):
    """A record changed under a terminal's feet (someone else closed, checked in or advanced it
    first): nothing was written; show it as it is now."""

    def __init__(self, kind: RecordKind, record_id: int):
        super().__init__(f"{kind.value} {record_id} was changed by another terminal")
        self.kind, self.record_id = kind, record_id


class RecordStore(Protocol):
    """The hall's promises' records (see kiosk.store.records.RecordTables). A record that comes
    with a ticket is stored with it in one transaction."""

    def add_rating(self, new: NewRating, dues: tuple[float, float] | None = None) -> Rating:
        """RatingError(ALREADY_RATED) when the ticket has a rating (a database constraint)."""

    def last_done(self, day: str, window: int) -> Ticket | None:
        """The ticket ``window`` finished last on ``day``."""

    def rating_for(self, ticket_id: int) -> Rating | None: ...

    def ratings_between(self, first: str, last: str) -> list[Rating]: ...

    def rating_groups(self, first: str, last: str) -> list[tuple[str, int | None, str, str | None, int, int]]: ...

    def follow_up_groups(self, first: str, last: str, now: float) -> list[tuple[str, int | None, str, str | None, str,
                                                                                 int]]:
        """(day, window, category, item code, state, count) of the 差评 of the period (kiosk.domain.stats)."""

    def follow_ups(self, open_only: bool = True) -> list[FollowUp]: ...

    def follow_up(self, follow_id: int) -> FollowUp | None: ...

    def update_follow_up(self, follow_id: int, status_from: FollowStatus, **values: Any) -> None: ...

    def open_case(self, new: NewCase, ticket: NewTicket) -> Case: ...

    def cases(self, open_only: bool = False, ticket_id: int | None = None) -> list[Case]: ...

    def close_case(self, case_id: int, outcome: CaseOutcome, note: str, now: float) -> None: ...

    def add_opinion(self, new: NewOpinion) -> Opinion: ...

    def opinions(self, open_only: bool = False) -> list[Opinion]: ...

    def close_opinion(self, opinion_id: int, reply: str, now: float) -> None: ...

    def commit_deferral(self, new: NewCommitment, ticket: NewTicket) -> tuple[Commitment, Ticket]: ...

    def commitments(self, open_only: bool = False, ticket_id: int | None = None) -> list[Commitment]: ...

    def fulfil_commitment(self, commitment_id: int, now: float) -> None: ...

    def request_help(self, new: NewHelp, ticket: NewTicket | None) -> HelpRequest: ...

    def help_requests(self, officer_id: str | None = None, open_only: bool = False) -> list[HelpRequest]: ...

    def advance_help(self, help_id: int, status_from: HelpStatus, status_to: HelpStatus, now: float) -> None: ...

    def add_appointments(self, news: Sequence[NewAppointment]) -> list[Appointment]: ...

    def appointment_by_code(self, code: str) -> Appointment | None: ...

    def appointments_of(self, person_hash: str, day: str) -> list[Appointment]: ...

    def appointments_on(self, first: str, last: str | None = None) -> list[Appointment]: ...

    def check_in(self, appointment_id: int, ticket: NewTicket, now: float) -> tuple[Appointment, Ticket]: ...

    def cancel_appointment(self, appointment_id: int) -> None: ...

    def add_self_service(self, new: NewSelfService) -> SelfService: ...

    def self_services(self, first: str, last: str | None = None) -> list[SelfService]: ...

    def record_cursor(self) -> int: ...

    def records_after(self, cursor: int, limit: int = 500) -> tuple[list[tuple[RecordKind, int]], int]: ...


class ChangeFeed(Protocol):
    """Tells that another terminal (any process, any PC) may have changed the hall.

    ``fileno()`` is a descriptor that becomes readable when something changed (PostgreSQL's
    LISTEN/NOTIFY), or None when the feed must be asked on a timer (SQLite's ``PRAGMA
    data_version``, microseconds and no disk I/O). ``pending()`` answers whether anything
    changed since it was last asked; it raises StoreError when the feed is lost (the server went
    away) and reconnects on a later call."""

    def fileno(self) -> int | None: ...

    def pending(self) -> bool: ...

    def close(self) -> None: ...
