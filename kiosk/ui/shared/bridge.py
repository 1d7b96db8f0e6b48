"""The hall's changes as typed Qt signals, for every terminal in every process (and PC) on one store.

The store's :class:`~kiosk.domain.ports.ChangeFeed` says when something may have changed:
PostgreSQL's LISTEN/NOTIFY wakes a socket notifier (nothing polls); SQLite's ``PRAGMA
data_version`` is asked every 150 ms (microseconds, no disk I/O). Only then does the bridge read
the new events, read the hall's rows once (:meth:`HallStore.hall_rows`) for every board and
console of the process, and emit one past-tense signal per event, then ``changed(rows)``.

Signals (each ticket signal carries the Ticket as it is now and the window number or None):
``ticket_issued``, ``ticket_called`` (also for a recall: ``recall`` True), ``ticket_started``,
``ticket_done``, ``ticket_no_show``, ``ticket_transferred``, ``ticket_suspended``,
``ticket_resumed``, ``ticket_reactivated``, ``ticket_cancelled``; ``window_paused(window,
reason)`` (a PauseReason), ``window_reopened(window)``; ``changed(rows)`` once per batch, after
the others; ``connection_changed(ok, message)`` when the store is lost or back.

The hall's promises (ratings, follow-ups, cases, opinions, commitments, help requests,
appointments, self-services: :class:`~kiosk.domain.ports.RecordKind`) come as
``record_changed(kind, record_id)`` for each record written, then ``records_changed(kinds)`` once
per batch with the set of kinds — a staff list reads its records again only when its kind is in it.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from kiosk.domain.lifecycle import Kind, WindowKind
from kiosk.domain.ports import ChangeFeed, HallRows, HallStore, RecordKind, StoreError

log = logging.getLogger(__name__)

POLL_MS = 150
RETRY_MS = 2000


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
    window_paused = Signal(int, object)
    window_reopened = Signal(int)
    changed = Signal(object)  # HallRows
    record_changed = Signal(object, int)  # RecordKind, record id
    records_changed = Signal(object)  # frozenset[RecordKind]
    connection_changed = Signal(bool, str)

    def __init__(self, store: HallStore, clock: Callable[[], _dt.datetime] = _dt.datetime.now,
                 parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.store, self.clock = store, clock
        self.rows = HallRows("")
        self.online = True
        self._cursor: tuple[int, int] | None = None
        self._records: int | None = None  # the record log's cursor (None: the store keeps no records)
        self._feed: ChangeFeed | None = None
        self._notifier: QSocketNotifier | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self._reconnect)

    def start(self) -> None:
        """Start watching from now on: events already in the store are not replayed."""
        try:
            self._cursor = self.store.cursor()
            self._records = self._record_cursor()
            self._open_feed()
            self.rows = self._read_rows()
        except StoreError as exc:
            self._lost(exc)

    def stop(self) -> None:
        self.timer.stop()
        self.retry.stop()
        self._close_feed()

    def _open_feed(self) -> None:
        self._close_feed()
        self._feed = self.store.feed()
        fd = self._feed.fileno()
        if fd is None:
            self.timer.start()
        else:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self.check)

    def _close_feed(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._feed is not None:
            self._feed.close()
            self._feed = None

    def _read_rows(self) -> HallRows:
        return self.store.hall_rows(self.clock().date().isoformat())

    def refresh(self) -> None:
        """Read the hall's rows again and emit ``changed`` (a new day, or after an action here)."""
        if not self.check():
            try:
                self.rows = self._read_rows()
            except StoreError as exc:
                self._lost(exc)
                return
            self.changed.emit(self.rows)

    def check(self) -> bool:
        """Emit whatever changed since the last check; True if anything did."""
        try:
            if self._feed is not None and not self._feed.pending() and self._cursor is not None:
                return False
            if self._cursor is None:
                self._cursor = (0, 0)
            ticket_events, window_events, cursor = self.store.events_after(self._cursor)
            records, record_cursor = self._records_after()
            if not ticket_events and not window_events:
                self._records = record_cursor
                self._emit_records(records)
                return bool(records)
            self.rows = self._read_rows()
        except StoreError as exc:
            self._lost(exc)
            return False
        self._cursor, self._records = cursor, record_cursor
        if len(ticket_events) >= 500 or len(window_events) >= 500:
            QTimer.singleShot(0, self.check)  # a long backlog: the rest right after
        for ev in ticket_events:
            if ev.kind in (Kind.CALLED, Kind.RECALLED):
                self.ticket_called.emit(ev.ticket, ev.data.window, ev.kind == Kind.RECALLED)
            else:
                getattr(self, _SIGNALS[ev.kind]).emit(ev.ticket, ev.data.window)
        for wev in window_events:
            if wev.kind == WindowKind.PAUSED:
                self.window_paused.emit(wev.window, wev.reason)
            else:
                self.window_reopened.emit(wev.window)
        self.changed.emit(self.rows)
        self._emit_records(records)
        return True

    def _record_cursor(self) -> int | None:
        cursor = getattr(self.store, "record_cursor", None)  # a store without the promises' records
        return cursor() if cursor is not None else None

    def _records_after(self) -> tuple[list[tuple[RecordKind, int]], int | None]:
        if self._records is None:
            return [], None
        return self.store.records_after(self._records)  # type: ignore[attr-defined]

    def _emit_records(self, records: list[tuple[RecordKind, int]]) -> None:
        for kind, record_id in records:
            self.record_changed.emit(kind, record_id)
        if records:
            self.records_changed.emit(frozenset(k for k, _ in records))

    def _lost(self, exc: StoreError) -> None:
        if self.online:
            log.warning("the hall's store is unavailable, retrying every %d s: %s", RETRY_MS // 1000, exc)
        self._close_feed()
        self.timer.stop()
        if self.online:
            self.online = False
            self.connection_changed.emit(False, str(exc))
        self.retry.start()

    def _reconnect(self) -> None:
        try:
            self._open_feed()
            if self._cursor is None:
                self._cursor = self.store.cursor()
                self._records = self._record_cursor()
        except StoreError:
            return
        self.retry.stop()
        self.online = True
        log.info("the hall's store is back")
        self.connection_changed.emit(True, "")
        self.refresh()


_SIGNALS = {Kind.ISSUED: "ticket_issued", Kind.STARTED: "ticket_started", Kind.DONE: "ticket_done",
            Kind.NO_SHOW: "ticket_no_show", Kind.TRANSFERRED: "ticket_transferred",
            Kind.SUSPENDED: "ticket_suspended", Kind.RESUMED: "ticket_resumed",
            Kind.REACTIVATED: "ticket_reactivated", Kind.CANCELLED: "ticket_cancelled"}
