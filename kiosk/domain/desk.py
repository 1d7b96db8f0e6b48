"""The ticket desk: what a tap on 取号 does, without any UI.

It picks the ticket category, enforces one open ticket per person per item and day, decides the
green channel, issues the number through the store and works out the slip's figures.
"""

from __future__ import annotations

import datetime as _dt
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from kiosk.domain.catalogue import Catalogue
from kiosk.domain.hall import Hall, Window
from kiosk.domain.ids import resident_id_problem
from kiosk.domain.queue import expected_wait, mean_service, wait_range
from kiosk.domain.tickets import Ticket, green_reason, person_key

if TYPE_CHECKING:  # the store is handed in; importing it here would load SQLAlchemy at start-up
    from kiosk.store.db import Store


@dataclass(frozen=True)
class Request:
    """What the citizen asked for: an item, a 一件事 bundle, or a bare category (综合咨询 ...)."""

    item_code: str | None = None
    bundle_code: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Slip:
    ticket: Ticket
    category_name: str
    category_name_en: str
    windows: tuple[Window, ...]
    ahead: int
    wait: tuple[int, int]
    reprint: bool = False
    minutes: float = 0.0  # the point estimate behind ``wait``


SERVICE_CACHE_SECONDS = 20.0


class DeskError(ValueError):
    pass


class DuplicateTicket(DeskError):
    """This person already holds an open ticket for this request today: ``ticket`` (reprint it)."""

    def __init__(self, ticket: Ticket):
        super().__init__(f"already holds {ticket.number} for this request")
        self.ticket = ticket


class TicketDesk:
    def __init__(self, store: "Store", catalogue: Catalogue, hall: Hall,
                 clock: Callable[[], _dt.datetime] = _dt.datetime.now):
        self.store = store
        self.catalogue = catalogue
        self.hall = hall
        self.clock = clock
        self._services: dict[tuple[str, tuple[str, ...]], tuple[float, list[float]]] = {}

    def today(self) -> _dt.date:
        return self.clock().date()

    def category_of(self, req: Request) -> str:
        if req.item_code:
            return self.catalogue.by_code[req.item_code].window
        if req.bundle_code:
            return self.catalogue.bundle_by_code[req.bundle_code].window
        if req.category:
            self.hall.category(req.category)  # raises StopIteration for an unknown one
            return req.category
        raise DeskError("nothing requested")

    def subject_of(self, req: Request) -> str:
        if req.item_code:
            return self.catalogue.by_code[req.item_code].name
        if req.bundle_code:
            return self.catalogue.bundle_by_code[req.bundle_code].name
        return self.hall.category(self.category_of(req)).name

    def green_reason(self, resident_id: str | None, tags: tuple[str, ...]) -> str:
        rid = resident_id if resident_id and resident_id_problem(resident_id, self.today()) is None else None
        return green_reason(tags, rid, self.today())

    def existing(self, req: Request, resident_id: str | None) -> Ticket | None:
        """The open ticket this person already holds for this request today, if any."""
        if not resident_id:
            return None
        key = person_key(resident_id, self.store.salt)
        return self.store.open_ticket_for(self.today().isoformat(), key, self.category_of(req),
                                          req.item_code, req.bundle_code)

    def issue(self, req: Request, resident_id: str | None = None, tags: tuple[str, ...] = (),
              use_green: bool = False, appointment_at: float | None = None) -> Slip:
        """Issue a ticket. With an open ticket for the same request, raise DuplicateTicket (it
        carries that ticket, for a reprint)."""
        if resident_id and resident_id_problem(resident_id, self.today()):
            raise DeskError("invalid resident id")
        held = self.existing(req, resident_id)
        if held is not None:
            raise DuplicateTicket(held)
        category = self.hall.category(self.category_of(req))
        reason = self.green_reason(resident_id, tags) if use_green else ""
        ticket = self.store.issue_ticket(
            day=self.today().isoformat(), category=category.code, prefix=category.prefix,
            subject=self.subject_of(req), item_code=req.item_code, bundle_code=req.bundle_code,
            person_key=person_key(resident_id, self.store.salt) if resident_id else None,
            green=bool(reason), green_reason=reason, appointment_at=appointment_at, now=self.clock().timestamp())
        return self.slip(ticket)

    def slip(self, ticket: Ticket, reprint: bool = False) -> Slip:
        category = self.hall.category(ticket.category)
        windows = tuple(self.hall.windows_for(category.code))
        ahead, minutes = self.estimate(ticket)
        return Slip(ticket, category.name, category.name_en, windows, ahead, wait_range(minutes), reprint, minutes)

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
        shared = {c for w in self.hall.windows if w.number in serving for c in w.categories}
        ahead = self.store.count_ahead(ticket, sorted(shared), serving, green_only=ticket.green)
        busy = len(self.store.busy_windows(ticket.day) & set(open_windows))
        configured = self.hall.category(ticket.category).service_minutes
        mean = mean_service(self._recent_services(ticket.day, tuple(sorted(shared))), configured)
        return ahead, expected_wait(ahead, busy, len(open_windows), mean)
