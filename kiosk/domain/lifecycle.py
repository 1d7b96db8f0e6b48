"""The ticket lifecycle: statuses, event kinds, reason codes, one transition table and the pure
functions that work out each change. The store applies a :class:`Move` atomically and decides
nothing; every rule lives here.

A ticket goes ``waiting → called → serving → done``; on the way it may be called again
(``recalled``), missed (``no_show``, and ``reactivated`` the same day), ``transferred`` to another
category or window (back to ``waiting``, keeping its place), ``suspended`` while a material is
fetched and ``resumed``, or ``cancelled`` while it waits. :data:`TRANSITIONS` lists, for each
event, the statuses it may start from and the status it leaves.

Every move also carries the figure it closes, so statistics are sums in SQL, never a replay:
the wait (waiting since issued / reactivated / transferred → called), the walk-up (called →
started), the service (started → done, less suspensions) and the hold (suspended → resumed).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class Status(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    SUSPENDED = "suspended"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


OPEN_STATUSES: frozenset[Status] = frozenset({Status.WAITING, Status.CALLED, Status.SERVING, Status.SUSPENDED})
#: At a window: the one ticket it is dealing with (called or serving).
AT_WINDOW: frozenset[Status] = frozenset({Status.CALLED, Status.SERVING})


class Kind(StrEnum):
    """What happened to a ticket (the event kinds of the change feed and the statistics)."""

    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    STARTED = "started"
    DONE = "done"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    REACTIVATED = "reactivated"
    CANCELLED = "cancelled"


W, C, S, H = Status.WAITING, Status.CALLED, Status.SERVING, Status.SUSPENDED

#: event → (statuses it may start from, status it leaves). ISSUED creates a waiting ticket.
TRANSITIONS: Mapping[Kind, tuple[frozenset[Status], Status]] = {
    Kind.CALLED: (frozenset({W}), C),
    Kind.RECALLED: (frozenset({C}), C),
    Kind.STARTED: (frozenset({C}), S),
    Kind.DONE: (frozenset({S}), Status.DONE),
    Kind.NO_SHOW: (frozenset({C}), Status.NO_SHOW),
    Kind.TRANSFERRED: (frozenset({C, S}), W),
    Kind.SUSPENDED: (frozenset({S}), H),
    Kind.RESUMED: (frozenset({H}), S),
    Kind.REACTIVATED: (frozenset({Status.NO_SHOW}), W),
    Kind.CANCELLED: (frozenset({W, Status.NO_SHOW}), Status.CANCELLED),
}


class SuspendReason(StrEnum):
    """Why a service is put on hold (挂起). Stored as the code; shown translated."""

    AWAITING_MATERIAL = "awaiting_material"  # 等候容缺材料
    COPYING = "copying"  # 需要复印材料
    BACK_OFFICE = "back_office"  # 后台审核
    APPLICANT_AWAY = "applicant_away"  # 申请人临时离开


class PauseReason(StrEnum):
    """Why a window is paused (暂停窗口). Stored as the code; shown translated."""

    LUNCH = "lunch"  # 午间轮岗
    TRAINING = "training"  # 业务培训
    FAULT = "fault"  # 系统故障
    AWAY = "away"  # 临时离开


class WindowKind(StrEnum):
    PAUSED = "paused"
    REOPENED = "reopened"


class Code(StrEnum):
    """Why an action was refused: the code a screen translates (see :class:`HallError`)."""

    WINDOW_BUSY = "window_busy"  # number: the ticket the window still deals with
    WINDOW_PAUSED = "window_paused"  # window
    NO_CURRENT_TICKET = "no_current_ticket"  # window
    TOO_SOON = "too_soon"  # seconds: until a recall is allowed
    NO_SUCH_TICKET = "no_such_ticket"  # number
    WRONG_STATE = "wrong_state"  # number, status
    NO_SUCH_WINDOW = "no_such_window"  # window
    NO_SUCH_CATEGORY = "no_such_category"  # category
    NOT_SERVED_HERE = "not_served_here"  # number, window: the window does not serve its category
    WINDOW_WONT_SERVE = "window_wont_serve"  # window, category: a transfer target that cannot call it
    NOBODY_SERVES = "nobody_serves"  # category: no window of the hall serves it
    SAME_PLACE = "same_place"  # a transfer to where the ticket already is
    NOTHING_REQUESTED = "nothing_requested"
    NO_SUCH_REQUEST = "no_such_request"  # request: an item or bundle code the catalogue lacks
    INVALID_ID = "invalid_id"
    NOT_SUSPENDED_HERE = "not_suspended_here"  # number, window
    ALREADY_HELD = "already_held"  # number, held: the person holds another open ticket for the same request
    QUOTA_USED_UP = "quota_used_up"  # request: the item's tickets for today (its daily quota) are all taken


class HallError(Exception):
    """An action the rules refuse now. ``code`` says why, ``params`` about what (for the
    translated message where it is shown)."""

    def __init__(self, code: Code, **params: object):
        self.code, self.params = code, params
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{code.value}: {detail}" if detail else code.value)


@dataclass(frozen=True)
class Ticket:
    id: int
    day: str
    category: str
    seq: int
    number: str
    item_code: str | None
    bundle_code: str | None
    subject: str
    green: bool
    green_reason: str
    status: Status
    issued_at: float
    person_key: str | None = None
    request_key: str = ""
    queued_at: float = 0.0  # place in the queue: kept on transfer, moved on reactivation
    waiting_since: float | None = None  # start of the current wait (issued / reactivated / transferred)
    appointment_at: float | None = None  # slot of an appointment checked in on time: called first
    window: int | None = None  # the window that called / serves / suspended it
    target_window: int | None = None  # transferred to one particular window
    calls: int = 0
    called_at: float | None = None
    started_at: float | None = None
    held: float = 0.0  # seconds suspended during the current service
    suspended_at: float | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def queue_key(self) -> tuple[float, int]:
        """Arrival order: the time it joined the queue, ties broken by id."""
        return (self.queued_at, self.id)


@dataclass(frozen=True)
class EventData:
    """What one move records (the event row), with real fields — never a string to parse."""

    kind: Kind
    at: float
    window: int | None = None
    category: str = ""  # the category the ticket was in when this happened (for a transfer: the old one)
    to_category: str | None = None  # transferred: the new category
    to_window: int | None = None  # transferred to this window only
    other_window: int | None = None  # resumed: the window that had suspended it
    reason: str | None = None  # suspended: a SuspendReason code
    duration: float | None = None  # seconds: wait (called), walk-up (started), service (done), hold (resumed)
    ended_call: bool = False  # this event ended a call: the person came (started, transferred) or not (no-show)


@dataclass(frozen=True)
class Move:
    """One transition of one ticket, worked out by the rules; the store applies it atomically,
    guarded by the status the rules saw (``ticket.status``)."""

    ticket: Ticket
    changes: Mapping[str, object]
    event: EventData

    @property
    def after(self) -> Ticket:
        return replace(self.ticket, **self.changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class TicketEvent:
    """One event as the change feed and the history give it back."""

    id: int
    ticket_id: int
    number: str
    day: str
    data: EventData
    ticket: Ticket | None = None  # the ticket as it is now (the feed joins it)

    @property
    def kind(self) -> Kind:
        return self.data.kind


@dataclass(frozen=True)
class WindowEvent:
    id: int
    window: int
    kind: WindowKind
    at: float
    reason: PauseReason | None = None


# --- the transitions ---------------------------------------------------------------------------

def _check(t: Ticket, kind: Kind) -> Status:
    allowed, to = TRANSITIONS[kind]
    if t.status not in allowed:
        raise HallError(Code.WRONG_STATE, number=t.number, status=t.status.value)
    return to


def call(t: Ticket, window: int, now: float) -> Move:
    """A window calls a waiting ticket (the first call)."""
    to = _check(t, Kind.CALLED)
    wait = None if t.waiting_since is None else max(0.0, now - t.waiting_since)
    return Move(t, dict(status=to, window=window, target_window=None, calls=1, called_at=now, waiting_since=None),
                EventData(Kind.CALLED, now, window, t.category, duration=wait))


def recall_wait(t: Ticket, now: float, interval: float) -> int:
    """Whole seconds until ``t`` may be called again (0: now). Rounded up, never one high."""
    if t.called_at is None:
        return 0
    return max(0, math.ceil(interval - (now - t.called_at) - 1e-9))


def recall(t: Ticket, now: float, interval: float, max_calls: int) -> Move:
    """Call again after ``interval`` seconds; the call after ``max_calls`` makes it a no-show."""
    _check(t, Kind.RECALLED)
    left = recall_wait(t, now, interval)
    if left:
        raise HallError(Code.TOO_SOON, number=t.number, seconds=left)
    if t.calls >= max_calls:
        return no_show(t, now)
    return Move(t, dict(calls=t.calls + 1, called_at=now), EventData(Kind.RECALLED, now, t.window, t.category))


def start(t: Ticket, now: float) -> Move:
    to = _check(t, Kind.STARTED)
    walk = None if t.called_at is None else max(0.0, now - t.called_at)
    return Move(t, dict(status=to, started_at=now, held=0.0),
                EventData(Kind.STARTED, now, t.window, t.category, duration=walk, ended_call=True))


def finish(t: Ticket, now: float) -> Move:
    to = _check(t, Kind.DONE)
    service = None if t.started_at is None else max(0.0, now - t.started_at - t.held)
    return Move(t, dict(status=to), EventData(Kind.DONE, now, t.window, t.category, duration=service))


def no_show(t: Ticket, now: float) -> Move:
    to = _check(t, Kind.NO_SHOW)
    return Move(t, dict(status=to, window=None),
                EventData(Kind.NO_SHOW, now, t.window, t.category, ended_call=True))


def transfer(t: Ticket, now: float, category: str, to_window: int | None) -> Move:
    """Send the window's ticket to another category or window; it keeps its place (queued_at).
    Whether the target can be called at all is :func:`kiosk.domain.hall.check_transfer`'s rule."""
    to = _check(t, Kind.TRANSFERRED)
    if category == t.category and to_window is None:
        raise HallError(Code.SAME_PLACE, number=t.number)
    return Move(t, dict(status=to, category=category, window=None, target_window=to_window, calls=0,
                        called_at=None, started_at=None, held=0.0, waiting_since=now),
                EventData(Kind.TRANSFERRED, now, t.window, t.category, to_category=category, to_window=to_window,
                          ended_call=t.status == Status.CALLED))


def suspend(t: Ticket, now: float, reason: SuspendReason) -> Move:
    to = _check(t, Kind.SUSPENDED)
    return Move(t, dict(status=to, suspended_at=now),
                EventData(Kind.SUSPENDED, now, t.window, t.category, reason=SuspendReason(reason).value))


def resume(t: Ticket, now: float, window: int) -> Move:
    """Take a suspended ticket up again, at ``window`` (the one that suspended it or another)."""
    to = _check(t, Kind.RESUMED)
    hold = 0.0 if t.suspended_at is None else max(0.0, now - t.suspended_at)
    return Move(t, dict(status=to, window=window, suspended_at=None, held=t.held + hold),
                EventData(Kind.RESUMED, now, window, t.category, other_window=t.window, duration=hold))


def reactivate(t: Ticket, now: float, queued_at: float) -> Move:
    """A no-show comes back the same day and rejoins at ``queued_at`` (see :func:`rejoin_time`)."""
    to = _check(t, Kind.REACTIVATED)
    return Move(t, dict(status=to, queued_at=queued_at, waiting_since=now, calls=0, called_at=None,
                        window=None, target_window=None),
                EventData(Kind.REACTIVATED, now, None, t.category))


def cancel(t: Ticket, now: float) -> Move:
    to = _check(t, Kind.CANCELLED)
    return Move(t, dict(status=to, window=None), EventData(Kind.CANCELLED, now, None, t.category))


# --- placement rules ---------------------------------------------------------------------------

def rejoin_time(ahead_keys: Iterable[tuple[float, int]], ticket_id: int, behind: int, now: float) -> float:
    """Where a reactivated no-show rejoins: a ``queued_at`` that puts exactly ``behind`` of the
    waiting tickets (their ``(queued_at, id)`` keys) before it — the front for 0, the end when
    fewer wait. Ties are counted as the order counts them: by id after the time; when the
    ``behind``-th and the next share a time and the ticket's id cannot go between them, it goes
    behind the whole tie (as few extra people as the order allows)."""
    keys = sorted(k for k in ahead_keys if k[1] != ticket_id)
    if not keys:
        return now
    if behind <= 0:
        return math.nextafter(keys[0][0], -math.inf) if (keys[0][0], ticket_id) > keys[0] else keys[0][0]
    if len(keys) <= behind:
        return max(now, math.nextafter(keys[-1][0], math.inf))
    lo, hi = keys[behind - 1], keys[behind]
    if lo[0] < hi[0]:
        mid = lo[0] + (hi[0] - lo[0]) / 2
        if lo[0] < mid < hi[0]:
            return mid
        return lo[0] if (lo[0], ticket_id) > lo else hi[0]  # adjacent floats: the id decides
    if lo < (lo[0], ticket_id) < hi:
        return lo[0]
    later = [k for k in keys[behind:] if k[0] > lo[0]]
    return lo[0] + (later[0][0] - lo[0]) / 2 if later else max(now, math.nextafter(lo[0], math.inf))


def appointment_priority(slot: float | None, checked_in: float, grace_minutes: float) -> float | None:
    """The slot that gives priority, fixed at check-in: an appointment checked in within
    ± ``grace_minutes`` of its slot keeps its priority however late it is called; one checked in
    outside that window is an ordinary ticket (None)."""
    if slot is None:
        return None
    return slot if abs(checked_in - slot) <= grace_minutes * 60 else None


def waiting_ahead(tickets: Sequence[Ticket], ticket: Ticket) -> int:
    """How many of ``tickets`` are queued before ``ticket``."""
    return sum(1 for t in tickets if t.id != ticket.id and t.queue_key < ticket.queue_key)


@dataclass(frozen=True)
class NewTicket:
    """A ticket about to be issued: the store numbers it and records it with its ISSUED event."""

    day: str
    category: str
    prefix: str
    subject: str
    request_key: str
    now: float
    item_code: str | None = None
    bundle_code: str | None = None
    person_key: str | None = None
    green: bool = False
    green_reason: str = ""
    appointment_at: float | None = None
    #: the item's daily quota: the store refuses the ticket (QuotaReached) when the day's tickets for
    #: ``item_code`` already number this many, counted inside the transaction that numbers it
    quota: int | None = None

    def values(self, seq: int, number: str) -> dict[str, object]:
        """The new ticket's columns."""
        return dict(day=self.day, category=self.category, seq=seq, number=number, item_code=self.item_code,
                    bundle_code=self.bundle_code, subject=self.subject[:200], person_key=self.person_key,
                    request_key=self.request_key, green=self.green, green_reason=self.green_reason,
                    status=Status.WAITING, issued_at=self.now, queued_at=self.now, waiting_since=self.now,
                    appointment_at=self.appointment_at, calls=0, held=0.0)

    def event(self) -> EventData:
        return EventData(Kind.ISSUED, self.now, None, self.category)
