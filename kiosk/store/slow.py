"""A store whose writes take seconds: the usability study's slow-store fault (a database on a
struggling network, a disk near its end). Reads pass straight through; each write first calls
``before()`` — the kiosk paints its 请稍候 note there, so the citizen sees the kiosk working
rather than a frozen screen — then sleeps ``seconds``, writes, and calls ``after()``.

The kiosk's writes run on its GUI thread (one transaction, one ticket: DESIGN §3), so during the
sleep nothing else is painted and taps wait in the queue; the note painted before is what the
citizen sees meanwhile. A really slow store gets no note (nothing announces its slowness before a
write); that would need the writes off the GUI thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

#: the store's methods that write (kiosk.domain.ports.HallStore and RecordStore)
WRITES = frozenset({
    "issue", "act", "apply", "set_paused", "close_days_before", "add_rating", "update_follow_up", "open_case",
    "close_case", "add_opinion", "close_opinion", "commit_deferral", "fulfil_commitment", "request_help",
    "advance_help", "add_appointments", "check_in", "cancel_appointment", "add_self_service"})


class SlowStore:
    def __init__(self, store: Any, seconds: float, before: Callable[[], None] | None = None,
                 after: Callable[[], None] | None = None, sleep: Callable[[float], None] = time.sleep):
        self.store, self.seconds, self.before, self.after, self.sleep = store, seconds, before, after, sleep

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.store, name)
        if name not in WRITES or not callable(attr):
            return attr

        def slow(*args: Any, **kwargs: Any) -> Any:
            if self.before is not None:
                self.before()
            try:
                self.sleep(self.seconds)
                return attr(*args, **kwargs)
            finally:
                if self.after is not None:
                    self.after()

        return slow
