"""One window's console, without any UI: call, recall, start, finish, no-show, transfer, suspend,
resume, call a number, reactivate a no-show, pause the window.

Each action is one write transaction (:meth:`HallStore.act`): the store shows the rule the
window's state and the queue under the hall's write lock, the rule (kiosk.domain.lifecycle,
kiosk.domain.queue) works out the move, the store applies it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from kiosk.domain import lifecycle as lc
from kiosk.domain.hall import Hall
from kiosk.domain.lifecycle import AT_WINDOW, Code, HallError, Move, PauseReason, Status, SuspendReason, Ticket
from kiosk.domain.ports import HallStore, Tx, WindowState
from kiosk.domain.queue import eligible, green_run, pick_next
from kiosk.domain.views import ConsoleView, console_view


def require_free(ws: WindowState) -> None:
    """A window calls only when it is open and has finished with its ticket."""
    if ws.paused is not None:
        raise HallError(Code.WINDOW_PAUSED, window=ws.number)
    if ws.current is not None:
        raise HallError(Code.WINDOW_BUSY, window=ws.number, number=ws.current.number)


def current(ws: WindowState, statuses: frozenset[Status] | set[Status]) -> Ticket:
    """The window's ticket, which must be in one of ``statuses``."""
    t = ws.current
    if t is None:
        raise HallError(Code.NO_CURRENT_TICKET, window=ws.number)
    if t.status not in statuses:
        raise HallError(Code.WRONG_STATE, number=t.number, status=t.status.value)
    return t


Rule = Callable[[WindowState, Tx, float], "Move | None"]


class Counter:
    def __init__(self, store: HallStore, hall: Hall, window: int,
                 clock: Callable[[], _dt.datetime] = _dt.datetime.now):
        self.store, self.hall, self.number, self.clock = store, hall, window, clock
        self.window = hall.window(window)  # HallError(no_such_window) for a window the hall lacks
        self.categories = self.window.categories

    def _now(self) -> tuple[str, float]:
        now = self.clock()
        return now.date().isoformat(), now.timestamp()

    def _act(self, rule: Rule) -> Ticket | None:
        day, now = self._now()
        move = self.store.act(day, self.number, lambda ws, tx: rule(ws, tx, now))
        return move.after if move is not None else None

    def _must(self, rule: Rule) -> Ticket:
        ticket = self._act(rule)
        assert ticket is not None  # these rules always move a ticket or raise
        return ticket

    def call_next(self) -> Ticket | None:
        """Call the next ticket by the hall's queue policy; None when nobody waits for this window."""
        policy = self.hall.policy

        def rule(ws: WindowState, tx: Tx, now: float) -> Move | None:
            require_free(ws)
            candidates = eligible(tx.waiting(self.categories), self.number, self.categories)
            run = green_run(tx.recent_greens(self.categories, policy.green_max_run))
            chosen = pick_next(candidates, now, policy, run)
            return lc.call(chosen, self.number, now) if chosen is not None else None

        return self._act(rule)

    def call_number(self, number: str) -> Ticket:
        """Call one particular waiting ticket (指定叫号) — one this window serves."""
        number = number.strip().upper()

        def rule(ws: WindowState, tx: Tx, now: float) -> Move:
            require_free(ws)
            t = tx.by_number(number)
            if t is None:
                raise HallError(Code.NO_SUCH_TICKET, number=number)
            if t.status == Status.WAITING:
                self.hall.check_callable(self.number, t)
            return lc.call(t, self.number, now)

        return self._must(rule)

    def recall(self) -> Ticket:
        p = self.hall.policy
        return self._must(lambda ws, tx, now: lc.recall(current(ws, {Status.CALLED}), now,
                                                        p.recall_interval_seconds, p.max_calls))

    def start(self) -> Ticket:
        return self._must(lambda ws, tx, now: lc.start(current(ws, {Status.CALLED}), now))

    def finish(self) -> Ticket:
        return self._must(lambda ws, tx, now: lc.finish(current(ws, {Status.SERVING}), now))

    def no_show(self) -> Ticket:
        return self._must(lambda ws, tx, now: lc.no_show(current(ws, {Status.CALLED}), now))

    def transfer(self, category: str, to_window: int | None = None) -> Ticket:
        """Send the window's ticket to ``category`` (and only ``to_window``, if given)."""
        self.hall.check_transfer(self.number, category, to_window)
        return self._must(lambda ws, tx, now: lc.transfer(current(ws, AT_WINDOW), now, category, to_window))

    def transfer_to_window(self, to_window: int) -> Ticket:
        """Send the window's ticket to one window: in its own category if that window serves it,
        else in that window's first category."""
        target = self.hall.window(to_window)

        def rule(ws: WindowState, tx: Tx, now: float) -> Move:
            t = current(ws, AT_WINDOW)
            category = t.category if t.category in target.categories else target.categories[0]
            self.hall.check_transfer(self.number, category, to_window)
            return lc.transfer(t, now, category, to_window)

        return self._must(rule)

    def suspend(self, reason: SuspendReason | str) -> Ticket:
        why = SuspendReason(reason)
        return self._must(lambda ws, tx, now: lc.suspend(current(ws, {Status.SERVING}), now, why))

    def resume(self, ticket_id: int) -> Ticket:
        """Take up a suspended ticket: one this window suspended, or another window's in a
        category this window serves (the citizen came back while that window was busy)."""
        def rule(ws: WindowState, tx: Tx, now: float) -> Move:
            require_free(ws)
            t = tx.by_id(ticket_id)
            if t is None or t.status != Status.SUSPENDED or (
                    t.window != self.number and t.category not in self.categories):
                raise HallError(Code.NOT_SUSPENDED_HERE, number=t.number if t else str(ticket_id),
                                window=self.number)
            return lc.resume(t, now, self.number)

        return self._must(rule)

    def reactivate(self, number: str) -> Ticket:
        """A no-show comes back the same day: behind ``reactivate_behind`` of the people the
        windows serving its category may call (all those windows' categories, ties included)."""
        number = number.strip().upper()
        behind = self.hall.policy.reactivate_behind

        def rule(ws: WindowState, tx: Tx, now: float) -> Move:
            t = tx.by_number(number)
            if t is None:
                raise HallError(Code.NO_SUCH_TICKET, number=number)
            held = tx.open_for(t.person_key, t.request_key) if t.person_key and t.status == Status.NO_SHOW else None
            if held is not None and held.id != t.id:  # missed it, took a new one meanwhile: one open ticket each
                raise HallError(Code.ALREADY_HELD, number=t.number, held=held.number)
            serving = {w.number for w in self.hall.windows_for(t.category)}
            queue = [w.queue_key for w in tx.waiting(self.hall.shared_categories(t.category))
                     if w.target_window is None or w.target_window in serving]
            return lc.reactivate(t, now, lc.rejoin_time(queue, t.id, behind, now))

        return self._must(rule)

    def view(self) -> ConsoleView:
        """What this window's console shows now (read from the store)."""
        day = self._now()[0]
        return console_view(self.store.hall_rows(day), self.hall, self.number)

    def pause(self, reason: PauseReason | str) -> None:
        self.store.set_paused(self.number, PauseReason(reason), self._now()[1])

    def reopen(self) -> None:
        self.store.set_paused(self.number, None, self._now()[1])
