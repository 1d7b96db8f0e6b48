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
from typing import Any, Protocol

from kiosk.domain.lifecycle import Move, NewTicket, PauseReason, Ticket, TicketEvent, WindowEvent


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
