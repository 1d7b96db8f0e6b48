"""Store changes as typed Qt signals, for every terminal in every process on one data directory.

A 150 ms timer asks the store for its change token (SQLite's ``PRAGMA data_version``, a few
microseconds, no disk I/O); only when it moved does the bridge read the new events and emit one
past-tense signal per event. Screens subscribe; nothing else polls.

Signals (each carries the Ticket as it is after the event, and the window number or None):
``ticket_issued``, ``ticket_called`` (also for a recall: ``recall`` True), ``ticket_started``,
``ticket_done``, ``ticket_no_show``, ``ticket_transferred``, ``ticket_suspended``,
``ticket_resumed``, ``ticket_reactivated``, ``ticket_cancelled``; ``window_paused(window,
reason)``, ``window_reopened(window)``; and ``changed()`` once per batch, after the others.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.store.errors import StoreError

log = logging.getLogger(__name__)

POLL_MS = 150


class ChangeBridge(QObject):
    ticket_issued = Signal(object, object)
    ticket_called = Signal(object, object, bool)  # ticket, window, recall
    ticket_started = Signal(object, object)
    ticket_done = Signal(object, object)
    ticket_no_show = Signal(object, object)
    ticket_transferred = Signal(object, object)
    ticket_suspended = Signal(object, object)
    ticket_resumed = Signal(object, object)
    ticket_reactivated = Signal(object, object)
    ticket_cancelled = Signal(object, object)
    window_paused = Signal(int, str)
    window_reopened = Signal(int)
    changed = Signal()

    def __init__(self, store, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.store = store
        self._token: int | None = None
        self._last: tuple[int, int] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Start watching from now on: events already in the store are not replayed."""
        self._last = self.store.last_event_ids()
        self._token = self.store.change_token()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> bool:
        """Emit whatever changed since the last check; True if anything did."""
        try:
            token = self.store.change_token()
            if token == self._token and self._last is not None:
                return False
            self._token = token
            if self._last is None:
                self._last = (0, 0)
            ticket_events, window_events = self.store.events_after(*self._last)
        except StoreError as exc:
            log.warning("change feed unavailable: %s", exc)
            return False
        if len(ticket_events) >= 500 or len(window_events) >= 500:
            self._token = None  # a long backlog: read the rest at the next check
        if not ticket_events and not window_events:
            return False
        for event_id, _at, event, window, _detail, ticket in ticket_events:
            if event in ("called", "recalled"):
                self.ticket_called.emit(ticket, window, event == "recalled")
            else:
                signal = _SIGNALS.get(event)
                if signal is not None:
                    getattr(self, signal).emit(ticket, window)
            self._last = (event_id, self._last[1])
        for event_id, window, _at, event, detail in window_events:
            if event == "paused":
                self.window_paused.emit(window, detail)
            else:
                self.window_reopened.emit(window)
            self._last = (self._last[0], event_id)
        self.changed.emit()
        return True


_SIGNALS = {"issued": "ticket_issued", "started": "ticket_started", "done": "ticket_done",
            "no_show": "ticket_no_show", "transferred": "ticket_transferred",
            "suspended": "ticket_suspended", "resumed": "ticket_resumed",
            "reactivated": "ticket_reactivated", "cancelled": "ticket_cancelled"}
