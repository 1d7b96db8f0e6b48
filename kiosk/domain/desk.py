"""The ticket desk: what a tap on 取号 does, without any UI.

It picks the ticket category, enforces one open ticket per person per item and day, decides the
green channel, issues the number through the store and works out the slip's figures.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import hmac
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.hall import Hall, Window
from kiosk.domain.ids import resident_id_problem
from kiosk.domain.lifecycle import Code, HallError, NewTicket, PauseReason, Ticket, appointment_priority
from kiosk.domain.lifecycle import cancel as lc_cancel
from kiosk.domain.ports import DuplicateRequest, HallStore, QuotaReached, StoreCode, StoreError
from kiosk.domain.queue import expected_wait, mean_service, wait_range
from kiosk.domain.tickets import DayKeys, FixedKeys, green_reason, person_key, request_key


@dataclass(frozen=True)
class Request:
    """What the citizen asked for: an item, a 一件事 bundle, or a bare category (综合咨询 ...)."""

    item_code: str | None = None
    bundle_code: str | None = None
    category: str | None = None


class Halt(StrEnum):
    """Why no window can call a ticket now (the slip says when calling resumes instead of a wait)."""

    BEFORE_HOURS = "before_hours"  # the windows start calling later today: ``resumes_at`` (today)
    AFTER_HOURS = "after_hours"  # calling is over for today; the queue is per day, so take a new ticket then
    DAY_OFF = "day_off"  # no window calls today at all (Sunday); likewise
    PAUSED = "paused"  # within hours, but every window that may call the ticket is paused

    @property
    def for_another_day(self) -> bool:
        """Whether this ticket will not be called: calling resumes on a later day, with new numbers."""
        return self in (Halt.AFTER_HOURS, Halt.DAY_OFF)


@dataclass(frozen=True)
class Slip:
    ticket: Ticket
    category_name: str
    category_name_en: str
    windows: tuple[Window, ...]
    ahead: int
    wait: tuple[int, int]
    reprint: bool = False
    minutes: float = 0.0  # the point estimate behind ``wait`` (inf while halted: there is none)
    halt: Halt | None = None  # None: a window can call the ticket, ``wait`` holds
    resumes_at: _dt.datetime | None = None  # while halted: when calling (re)starts; None when not known


SERVICE_CACHE_SECONDS = 20.0

#: The desk's refusals are the domain's errors (codes translated where they are shown).
DeskError = HallError


class DuplicateTicket(HallError):
    """This person already holds an open ticket for this request today: ``ticket`` (reprint it)."""

    def __init__(self, ticket: Ticket):
        super().__init__(Code.WRONG_STATE, number=ticket.number, status="already_held")
        self.ticket = ticket


class QuotaUsedUp(HallError):
    """Today's tickets for ``item_code`` are all taken (its daily quota): the citizen can book
    another day, or come back tomorrow."""

    def __init__(self, item_code: str):
        super().__init__(Code.QUOTA_USED_UP, request=item_code)
        self.item_code = item_code


def hours_halt(hall: Hall, now: _dt.datetime) -> tuple[Halt | None, _dt.datetime | None]:
    """Whether the windows call at ``now`` — (None, None) — or why not (before the day's hours,
    after them, a day off) and when they next start; the kiosk and the call board say it."""
    if hall.calling_at(now):
        return None, None
    resumes = hall.next_calling(now)
    if resumes is not None and resumes.date() == now.date():
        return Halt.BEFORE_HOURS, resumes
    over = any(start <= now for start, _ in hall.calling_periods(now.date()))
    return (Halt.AFTER_HOURS if over else Halt.DAY_OFF), resumes


class TicketDesk:
    """``secret`` gives each day's key for the identity hashes: the hall's secret file
    (kiosk.store.secret.HallSecret, outside the database), or fixed bytes (tests, tools)."""

    def __init__(self, store: HallStore, catalogue: Catalogue, hall: Hall,
                 clock: Callable[[], _dt.datetime] = _dt.datetime.now, *, secret: bytes | DayKeys):
        self.store = store
        self.catalogue = catalogue
        self.hall = hall
        self.clock = clock
        self.keys: DayKeys = FixedKeys(secret) if isinstance(secret, bytes) else secret
        self._checked_day = ""
        self._services: dict[tuple[str, tuple[str, ...]], tuple[float, list[float]]] = {}
        #: tickets per item per day: the hall's ``daily_quotas``, and what this desk was told besides
        #: (:meth:`set_quota`)
        self.quotas: dict[str, int] = dict(hall.daily_quotas)

    def today(self) -> _dt.date:
        return self.clock().date()

    def category_of(self, req: Request) -> str:
        if req.item_code:
            item = self.catalogue.by_code.get(req.item_code)
            if item is None:
                raise HallError(Code.NO_SUCH_REQUEST, request=req.item_code)
            return item.window
        if req.bundle_code:
            bundle = self.catalogue.bundle_by_code.get(req.bundle_code)
            if bundle is None:
                raise HallError(Code.NO_SUCH_REQUEST, request=req.bundle_code)
            return bundle.window
        if req.category:
            return self.hall.category(req.category).code
        raise HallError(Code.NOTHING_REQUESTED)

    def subject_of(self, req: Request) -> str:
        if req.item_code:
            return self.catalogue.by_code[req.item_code].name
        if req.bundle_code:
            return self.catalogue.bundle_by_code[req.bundle_code].name
        return self.hall.category(self.category_of(req)).name

    def green_reason(self, resident_id: str | None, tags: tuple[str, ...]) -> str:
        rid = resident_id if resident_id and resident_id_problem(resident_id, self.today()) is None else None
        return green_reason(tags, rid, self.today())

    def person_key(self, resident_id: str) -> str:
        """Today's keyed hash of an ID number (the key never reaches the database)."""
        day = self.today().isoformat()
        key = self.keys.key_for(day)
        if self._checked_day != day:  # every terminal of the hall must key the same way
            fingerprint = hmac.new(key, b"kiosk secret check", hashlib.sha256).hexdigest()[:16]
            if not self.store.secret_matches(day, fingerprint):
                raise StoreError("this terminal's secret.key differs from the one the hall's other terminals use: "
                                 "copy secret.key from the first terminal's data directory (see README)",
                                 StoreCode.SECRET)
            self._checked_day = day
        return person_key(resident_id, key)

    def existing(self, req: Request, resident_id: str | None) -> Ticket | None:
        """The open ticket this person already holds for this request today, if any."""
        if not resident_id:
            return None
        return self.store.open_ticket_for(self.today().isoformat(), self.person_key(resident_id),
                                          request_key(req.item_code, req.bundle_code, self.category_of(req)))

    def set_quota(self, item_code: str, tickets: int | None) -> None:
        """Limit ``item_code`` to ``tickets`` a day from now on (None: the hall's own limit again)."""
        limit = self.hall.daily_quota(item_code) if tickets is None else max(0, tickets)
        if limit is None:
            self.quotas.pop(item_code, None)
        else:
            self.quotas[item_code] = limit

    def quota_left(self, item_code: str | None) -> int | None:
        """Tickets ``item_code`` may still have today; None when it has no daily quota."""
        quota = self.quotas.get(item_code) if item_code else None
        if quota is None:
            return None
        if quota == 0:
            return 0
        return max(0, quota - self.store.issued_for_item(self.today().isoformat(), item_code or ""))

    def issue(self, req: Request, resident_id: str | None = None, tags: tuple[str, ...] = (),
              use_green: bool = False, appointment_at: float | None = None) -> Slip:
        """Issue a ticket. With an open ticket for the same request, raise DuplicateTicket (it
        carries that ticket, for a reprint) — decided by the database's constraint, so two
        kiosks racing for the same person give one ticket and one reprint. An item whose daily
        quota is used up raises :class:`QuotaUsedUp` — counted by the store in the transaction
        that numbers the ticket, so two kiosks racing for the last ticket get one between them."""
        new = self.new_ticket(req, resident_id, tags, use_green, appointment_at)
        if req.item_code and req.item_code in self.quotas:
            new = dataclasses.replace(new, quota=self.quotas[req.item_code])
        try:
            ticket = self.store.issue(new)
        except DuplicateRequest as dup:
            raise DuplicateTicket(dup.ticket) from None
        except QuotaReached:
            held = self.existing(req, resident_id)  # their own ticket, not a refusal: a reprint
            if held is not None:
                raise DuplicateTicket(held) from None
            raise QuotaUsedUp(new.item_code or "") from None
        return self.slip(ticket)

    def new_ticket(self, req: Request, resident_id: str | None = None, tags: tuple[str, ...] = (),
                   use_green: bool = False, appointment_at: float | None = None) -> NewTicket:
        """The ticket :meth:`issue` would issue (a service that records something with its
        ticket hands it to the store, which issues both in one transaction)."""
        if resident_id and resident_id_problem(resident_id, self.today()):
            raise HallError(Code.INVALID_ID)
        category = self.hall.category(self.category_of(req))
        reason = self.green_reason(resident_id, tags) if use_green else ""
        now = self.clock().timestamp()
        return NewTicket(
            day=self.today().isoformat(), category=category.code, prefix=category.prefix,
            subject=self.subject_of(req), request_key=request_key(req.item_code, req.bundle_code, category.code),
            now=now, item_code=req.item_code, bundle_code=req.bundle_code,
            person_key=self.person_key(resident_id) if resident_id else None, green=bool(reason), green_reason=reason,
            appointment_at=appointment_priority(appointment_at, now, self.hall.policy.appointment_grace_minutes))

    def cancel(self, ticket_id: int) -> Ticket:
        """The citizen gives up a ticket that waits (or was missed)."""
        ticket = self.store.ticket(ticket_id)
        if ticket is None:
            raise HallError(Code.NO_SUCH_TICKET, number=str(ticket_id))
        return self.store.apply(lc_cancel(ticket, self.clock().timestamp()))

    def slip(self, ticket: Ticket, reprint: bool = False) -> Slip:
        category = self.hall.category(ticket.category)
        windows = tuple(self.hall.windows_for(category.code))
        ahead, minutes = self.estimate(ticket)
        halt, resumes_at = self.halted(ticket)
        if halt is not None:
            minutes = math.inf
        return Slip(ticket, category.name, category.name_en, windows, ahead, wait_range(minutes), reprint, minutes,
                    halt, resumes_at)

    def hours_halt(self) -> tuple[Halt | None, _dt.datetime | None]:
        """Outside the hours when windows call: why (before, after, a day off) and the next
        opening; (None, None) within them. The kiosk tells a visitor before a ticket is taken."""
        return hours_halt(self.hall, self.clock())

    def halted(self, ticket: Ticket) -> tuple[Halt | None, _dt.datetime | None]:
        """Whether a window can call ``ticket`` now — (None, None) — or why not and when calling
        (re)starts: outside the hall's hours (the self-service area calls nobody), the next
        opening; with every window that may call it paused, the end of lunchtime if one of them
        is paused for lunch (午间不打烊: back when lunchtime ends), else not known (None)."""
        now = self.clock()
        halt, resumes = self.hours_halt()
        if halt is not None:
            return halt, resumes
        callers = [ticket.target_window] if ticket.target_window is not None else \
            [w.number for w in self.hall.windows_for(ticket.category)]
        paused = self.store.paused_windows()
        if any(n not in paused for n in callers):
            return None, None
        lunch = self.hall.lunch_ends(now) if any(paused[n] == PauseReason.LUNCH for n in callers) else None
        return Halt.PAUSED, lunch

    def _recent_services(self, day: str, categories: tuple[str, ...]) -> list[float]:
        """Today's latest service times, read again at most every SERVICE_CACHE_SECONDS: they move
        slowly, and a ticket burst at the kiosk should not re-read them for every slip."""
        key = (day, categories)
        now = time.monotonic()
        cached = self._services.get(key)
        if cached is None or now - cached[0] > SERVICE_CACHE_SECONDS:
            cached = (now, self.store.service_minutes(day, list(categories)))
            self._services[key] = cached
        return cached[1]

    def estimate(self, ticket: Ticket) -> tuple[int, float]:
        """(people ahead, expected minutes until called) for a waiting ticket.

        The windows that serve its category, less the paused ones, are the servers; everyone
        those windows may call and who is queued before it (for a green ticket: green ones
        only) is ahead; the mean service time comes from today's finished services."""
        serving = [w.number for w in self.hall.windows_for(ticket.category)]
        paused = self.store.paused_windows()
        open_windows = [n for n in serving if n not in paused]
        shared = self.hall.shared_categories(ticket.category)
        ahead = self.store.count_ahead(ticket, shared, serving, green_only=ticket.green)
        busy = len(self.store.busy_windows(ticket.day) & set(open_windows))
        configured = self.hall.category(ticket.category).service_minutes
        mean = mean_service(self._recent_services(ticket.day, tuple(sorted(shared))), configured)
        return ahead, expected_wait(ahead, busy, len(open_windows), mean)
