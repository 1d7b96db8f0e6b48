"""The facilitator's fault switches: each breaks one thing of one kiosk on purpose, at any moment,
and mends it again — and each takes the kiosk's REAL error path (what it does when that thing
really fails), never a crash:

PRINTER      out of paper: every slip and self-service result fails with the PrintError the
             kiosk already handles — the ticket stands, the slip screen says 小票没能打印（打印机暂时无法使用）.
CARD_READER  a tapped ID card is not read: the identity screens (取号确认, 预约签到, 容缺 and 零材料's
             applicant) say 读卡失败… at the ID field and ask to place it again or type the number.
QUOTA        ``item``'s tickets for today are used up (its daily quota set to 0 on this kiosk's desk):
             asking for one, the citizen is told so and what to do instead (book another day at
             the information desk, or come tomorrow); off, the hall's own quota (if any) is back.
PAUSED       every window of ``category`` paused with the reason 系统故障 (PauseReason.FAULT) through
             the store, as a window's console does: the slip of a ticket for it says honestly that
             calling is paused; off, the windows it paused (only those) reopen.
SLOW_STORE   every write to the store takes ``seconds`` more (kiosk/store/slow.py): the kiosk paints
             its 请稍候 note before each write and hides it after.
VOICE        the voice engine is gone: the kiosk falls silent and says once, on screen, that the voice
             is unavailable; the 语音 toggle still switches. Off, an engine is made again.

``FaultSwitch.set(fault, on, **param)``; with a ``session`` it also records FAULT_ON / FAULT_OFF
(with the parameter) — without one the caller records.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from typing import Any

from kiosk.domain.counter import Counter
from kiosk.domain.hall import Hall
from kiosk.domain.lifecycle import PauseReason
from kiosk.store.lazy import LazyStore
from kiosk.store.slow import SlowStore
from kiosk.usability.events import Fault, Scalar
from kiosk.usability.session import Session

log = logging.getLogger(__name__)

#: what each fault needs to be told
PARAMETERS = {Fault.QUOTA: "item", Fault.PAUSED: "category", Fault.SLOW_STORE: "seconds"}


class FaultError(ValueError):
    """A switch that cannot be set as asked (a missing or unknown parameter): says which."""


class FaultSwitch:
    def __init__(self, kiosk, store, hall: Hall, clock: Callable[[], _dt.datetime], session: Session | None = None):
        self.kiosk, self.store, self.hall, self.clock, self.session = kiosk, store, hall, clock, session
        self.on: dict[Fault, dict[str, Scalar]] = {}  # the faults switched on, with their parameter
        self._quota: tuple[str, int | None] | None = None  # (item, its quota before)
        self._paused: list[int] = []  # the windows PAUSED paused (and reopens)
        self._slow: tuple[Any, Any] | None = None  # (where the store was swapped, the store it replaced)

    def set(self, fault: Fault | str, on: bool, **param: Scalar) -> None:
        """Switch ``fault`` on (with its parameter: item, category or seconds) or off. On again
        with another parameter, it is switched off first."""
        fault = Fault(fault)
        if not on:
            if fault in self.on:
                self._off(fault)
                del self.on[fault]
                if self.session is not None:
                    self.session.fault_off(fault)
            return
        need = PARAMETERS.get(fault)
        if need is not None and param.get(need) in (None, ""):
            raise FaultError(f"{fault.value}: needs {need}=…")
        if fault in self.on:
            if self.on[fault] == param:
                return
            self.set(fault, False)
        self._on(fault, param)
        self.on[fault] = dict(param)
        if self.session is not None:
            self.session.fault_on(fault, **param)

    def clear(self) -> None:
        """Every fault off (between participants, at the session's end)."""
        for fault in list(self.on):
            self.set(fault, False)

    # --- each fault ---------------------------------------------------------------------------------

    def _on(self, fault: Fault, param: dict[str, Scalar]) -> None:
        k = self.kiosk
        if fault is Fault.PRINTER:
            k.printer.paper_out = True
        elif fault is Fault.CARD_READER:
            k.card_reader.failing = True
        elif fault is Fault.QUOTA:
            item = str(param["item"])
            if item not in k.catalogue.by_code:
                raise FaultError(f"quota: no item {item!r} in the catalogue")
            self._quota = (item, k.desk.quotas.get(item))
            k.desk.set_quota(item, 0)
        elif fault is Fault.PAUSED:
            self._pause(str(param["category"]))
        elif fault is Fault.SLOW_STORE:
            try:
                seconds = float(param["seconds"])  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise FaultError("slow_store: seconds must be a number") from None
            if seconds < 0:
                raise FaultError("slow_store: seconds must be 0 or more")
            self._slow_down(seconds)
        elif fault is Fault.VOICE:
            k.speaker.engine_lost()

    def _off(self, fault: Fault) -> None:
        k = self.kiosk
        if fault is Fault.PRINTER:
            k.printer.paper_out = False
        elif fault is Fault.CARD_READER:
            k.card_reader.failing = False
        elif fault is Fault.QUOTA and self._quota is not None:
            item, before = self._quota
            if before is None:
                k.desk.set_quota(item, None)
            else:
                k.desk.quotas[item] = before
            self._quota = None
        elif fault is Fault.PAUSED:
            self._reopen()
        elif fault is Fault.SLOW_STORE:
            self._speed_up()
        elif fault is Fault.VOICE:
            k.speaker.engine_back()

    def _pause(self, category: str) -> None:
        windows = [w.number for w in self.hall.windows_for(category)]
        if not windows:
            raise FaultError(f"paused: no window serves {category!r}")
        already = self.store.paused_windows()
        self._paused = [n for n in windows if n not in already]
        for n in self._paused:
            Counter(self.store, self.hall, n, self.clock).pause(PauseReason.FAULT)

    def _reopen(self) -> None:
        paused = self.store.paused_windows()
        for n in self._paused:
            if paused.get(n) == PauseReason.FAULT:  # a window the staff paused otherwise meanwhile stays so
                Counter(self.store, self.hall, n, self.clock).reopen()
        self._paused = []

    def _slow_down(self, seconds: float) -> None:
        k = self.kiosk
        lazy = k.desk.store
        if isinstance(lazy, LazyStore):
            real = lazy.get()
            lazy.replace(SlowStore(real, seconds, k.show_wait, k.hide_wait))
            self._slow = (lazy, real)
        else:
            slow = SlowStore(lazy, seconds, k.show_wait, k.hide_wait)
            k.desk.store = k.promises.store = slow
            self._slow = (None, lazy)

    def _speed_up(self) -> None:
        if self._slow is None:
            return
        lazy, real = self._slow
        if lazy is not None:
            lazy.replace(real)
        else:
            self.kiosk.desk.store = self.kiosk.promises.store = real
        self._slow = None
