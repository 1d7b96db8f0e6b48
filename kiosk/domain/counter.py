"""One window's console, without any UI: call, recall, start, finish, no-show, transfer, suspend,
resume, call a number, reactivate a no-show, pause the window. Every action goes through the
store in one transaction, with the queue rules of kiosk.domain.queue."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Callable

from kiosk.domain.hall import Hall
from kiosk.domain.queue import eligible, green_run, pick_next, rejoin_time
from kiosk.domain.tickets import Ticket

if TYPE_CHECKING:
    from kiosk.store.db import Store


class Counter:
    def __init__(self, store: "Store", hall: Hall, window: int,
                 clock: Callable[[], _dt.datetime] = _dt.datetime.now):
        self.store, self.hall, self.number, self.clock = store, hall, window, clock
        self.window = hall.window(window)  # raises StopIteration for a window the hall lacks
        self.categories = self.window.categories

    def _now(self) -> tuple[str, float]:
        now = self.clock()
        return now.date().isoformat(), now.timestamp()

    def call_next(self) -> Ticket | None:
        day, now = self._now()
        policy = self.hall.policy

        def choose(candidates: list[Ticket], recent_greens: list[bool]) -> Ticket | None:
            return pick_next(eligible(candidates, self.number, self.categories), now, policy, green_run(recent_greens))

        return self.store.call_next(day=day, window=self.number, categories=self.categories, now=now, choose=choose)

    def call_number(self, number: str) -> Ticket:
        day, now = self._now()
        return self.store.call_number(day=day, window=self.number, number=number.strip().upper(), now=now)

    def recall(self) -> Ticket:
        day, now = self._now()
        p = self.hall.policy
        return self.store.recall(day=day, window=self.number, now=now, interval=p.recall_interval_seconds,
                                 max_calls=p.max_calls)

    def start(self) -> Ticket:
        day, now = self._now()
        return self.store.start(day=day, window=self.number, now=now)

    def finish(self) -> Ticket:
        day, now = self._now()
        return self.store.finish(day=day, window=self.number, now=now)

    def no_show(self) -> Ticket:
        day, now = self._now()
        return self.store.no_show(day=day, window=self.number, now=now)

    def transfer(self, category: str, to_window: int | None = None) -> Ticket:
        self.hall.category(category)  # raises StopIteration for an unknown category
        day, now = self._now()
        return self.store.transfer(day=day, window=self.number, now=now, category=category, to_window=to_window)

    def suspend(self, reason: str) -> Ticket:
        day, now = self._now()
        return self.store.suspend(day=day, window=self.number, now=now, reason=reason)

    def resume(self, ticket_id: int) -> Ticket:
        day, now = self._now()
        return self.store.resume(day=day, window=self.number, ticket_id=ticket_id, now=now)

    def reactivate(self, number: str) -> Ticket:
        day, now = self._now()
        return self.store.reactivate(day=day, number=number.strip().upper(), now=now,
                                     behind=self.hall.policy.reactivate_behind, rejoin=rejoin_time)

    def pause(self, reason: str) -> None:
        self.store.set_paused(window=self.number, paused=True, reason=reason, now=self._now()[1])

    def reopen(self) -> None:
        self.store.set_paused(window=self.number, paused=False, reason="", now=self._now()[1])

    # --- what the console shows ---------------------------------------------------------------

    def current(self) -> Ticket | None:
        here = self.store.at_window(self._now()[0], self.number)
        return here[0] if here and here[0].status in ("called", "serving") else None

    def suspended(self) -> list[Ticket]:
        return [t for t in self.store.at_window(self._now()[0], self.number) if t.status == "suspended"]

    def waiting_counts(self) -> dict[str, int]:
        """Waiting tickets this window may call, per category."""
        counts = {c: 0 for c in self.categories}
        for t in eligible(self.store.waiting(self._now()[0]), self.number, self.categories):
            counts[t.category] += 1
        return counts

    def paused_reason(self) -> str | None:
        return self.store.paused_windows().get(self.number)
