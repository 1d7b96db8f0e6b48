"""What the call board and a window console show, as plain data (no Qt).

After a change the hall's rows are read once (:meth:`HallStore.hall_rows`: five small queries,
none of which reads the day's history); every board and console in the process derives its
view from those rows with the functions here, and draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.hall import Hall
from kiosk.domain.lifecycle import AT_WINDOW, PauseReason, Status, Ticket
from kiosk.domain.ports import CallRow, HallRows, WindowFigures


@dataclass(frozen=True)
class BoardView:
    day: str = ""
    newest: CallRow | None = None
    others: tuple[CallRow, ...] = ()  # called, not yet at the window
    recent: tuple[CallRow, ...] = ()  # newest first, one row per ticket
    waiting: dict[str, int] = field(default_factory=dict)  # category → people waiting
    paused: dict[int, PauseReason] = field(default_factory=dict)
    at_windows: int = 0  # tickets called or being served now

    @property
    def done(self) -> bool:
        """Nobody waits and no window has anyone called or being served."""
        return not self.at_windows and not any(self.waiting.values())


def board_view(rows: HallRows, recent: int = 8) -> BoardView:
    seen: set[int] = set()
    calls: list[CallRow] = []
    for call in rows.calls:  # newest first; a recall moves its ticket to the top
        if call.ticket.id not in seen:
            seen.add(call.ticket.id)
            calls.append(call)
    newest = calls[0] if calls else None
    others = tuple(c for c in calls[1:] if c.ticket.status == Status.CALLED and c.ticket.window == c.window)
    waiting: dict[str, int] = {}
    for (category, _target), n in rows.waiting.items():
        waiting[category] = waiting.get(category, 0) + n
    at_windows = sum(t.status in (Status.CALLED, Status.SERVING) for t in rows.at_windows)
    return BoardView(rows.day, newest, others, tuple(calls[:recent]), waiting, dict(sorted(rows.paused.items())),
                     at_windows)


@dataclass(frozen=True)
class ConsoleView:
    window: int
    current: Ticket | None = None  # called or serving here
    suspended: tuple[Ticket, ...] = ()
    waiting: dict[str, int] = field(default_factory=dict)  # per category this window calls
    paused: PauseReason | None = None
    figures: WindowFigures = WindowFigures()


def console_view(rows: HallRows, hall: Hall, window: int) -> ConsoleView:
    categories = hall.window(window).categories
    here = [t for t in rows.at_windows if t.window == window]
    current = next((t for t in here if t.status in AT_WINDOW), None)
    waiting = {c: 0 for c in categories}
    for (category, target), n in rows.waiting.items():
        if category in waiting and target in (None, window):
            waiting[category] += n
    return ConsoleView(window, current, tuple(t for t in here if t.status == Status.SUSPENDED), waiting,
                       rows.paused.get(window), rows.figures.get(window, WindowFigures()))
