"""Ctrl+C and SIGTERM end a terminal cleanly, even while Qt's event loop is waiting.

Python runs a signal handler only when the interpreter gets control back; Qt's loop, waiting in
C++, would not give it until the next event. The C-level handler writes the signal number to a
socket (``signal.set_wakeup_fd``); a socket notifier on the other end wakes the loop, Python runs
the handler, and the handler asks the application to quit: windows close, the store and the
change feed are closed by their owners, the process exits 0 — no KeyboardInterrupt traceback.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

log = logging.getLogger(__name__)


class QuitOnSignals(QObject):
    """Installed once per process (by kiosk.app.start_qt) on ``app``."""

    def __init__(self, app: QCoreApplication, signals: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM)):
        super().__init__(app)
        self.app = app
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self.notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        for number in signals:
            signal.signal(number, self._handle)

    def _drain(self) -> None:
        try:
            while self._read.recv(64):
                pass
        except BlockingIOError:
            pass

    def _handle(self, number: int, _frame: object) -> None:
        log.info("%s: closing", signal.Signals(number).name)
        self.app.quit()
