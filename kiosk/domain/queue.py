"""Queue rules of the one-window hall (Qt-free): who is called next, recalls and no-shows,
reactivation, and the wait estimate shown on a slip.

Order (the hall's stated policy, every number configurable in ``assets/hall.yaml``):

1. An appointment checked in within ± ``appointment_grace_minutes`` of its slot goes first,
   earliest slot first. The priority is fixed at check-in
   (:func:`kiosk.domain.lifecycle.appointment_priority`): someone who came on time keeps it
   however late the window calls; someone who came outside the window holds an ordinary ticket.
2. Then the green channel (绿色通道) before ordinary tickets — but never more than
   ``green_max_run`` green calls in a row while an ordinary ticket has waited longer than
   ``ordinary_wait_limit_minutes``: then the longest-waiting ordinary ticket is called.
3. Then arrival order (``queued_at``: the time the ticket joined the queue, which a transfer
   keeps and a reactivation moves).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kiosk.domain.lifecycle import Status, Ticket


@dataclass(frozen=True)
class QueuePolicy:
    appointment_grace_minutes: float = 15
    green_max_run: int = 3
    ordinary_wait_limit_minutes: float = 20
    recall_interval_seconds: float = 60
    max_calls: int = 3
    reactivate_behind: int = 3


def eligible(tickets: Iterable[Ticket], window: int, categories: Sequence[str]) -> list[Ticket]:
    """Waiting tickets this window may call: its categories, not transferred to another window."""
    return [t for t in tickets if t.status == Status.WAITING and t.category in categories
            and (t.target_window is None or t.target_window == window)]


def green_run(recent_green: Sequence[bool]) -> int:
    """How many of the latest calls (newest first) were green-channel calls in a row."""
    run = 0
    for green in recent_green:
        if not green:
            break
        run += 1
    return run


def pick_next(candidates: Sequence[Ticket], now: float, policy: QueuePolicy, run: int) -> Ticket | None:
    """The ticket to call next among ``candidates`` (see the module docstring)."""
    if not candidates:
        return None
    due = [t for t in candidates if t.appointment_at is not None]
    if due:
        return min(due, key=lambda t: (t.appointment_at or 0.0, t.queued_at, t.id))
    by_queue = sorted(candidates, key=lambda t: t.queue_key)
    greens = [t for t in by_queue if t.green]
    ordinary = [t for t in by_queue if not t.green]
    if greens:
        starving = ordinary and now - ordinary[0].queued_at > policy.ordinary_wait_limit_minutes * 60
        if starving and run >= policy.green_max_run:
            return ordinary[0]
        return greens[0]
    return ordinary[0]


# --- waiting time ------------------------------------------------------------------------------

def erlang_c(c: int, lam: float, mu: float) -> tuple[float, float]:
    """M/M/c: (probability of waiting, mean wait in queue Wq) for ``c`` servers, arrival rate
    ``lam`` and service rate ``mu`` per server (same time unit). Requires λ < cμ."""
    if c <= 0 or mu <= 0:
        raise ValueError("c and mu must be positive")
    a = lam / mu
    if a >= c:
        raise ValueError(f"unstable queue: load {a:.2f} ≥ {c} servers")
    term = 1.0
    head = 0.0
    for k in range(c):
        if k:
            term *= a / k
        head += term
    tail = term * a / c * c / (c - a)  # A^c / c! · c / (c − A)
    p_wait = tail / (head + tail)
    return p_wait, p_wait / (c * mu - lam)


def expected_wait(ahead: int, busy: int, servers: int, mean_service: float) -> float:
    """Expected wait until called for someone with ``ahead`` people queued before them, when
    ``busy`` of ``servers`` windows are serving: with exponential service times (FIFO, M/M/c)
    this is exact — zero while a window is free for them, otherwise (ahead − free + 1) service
    completions at rate servers/mean_service."""
    if servers <= 0:
        return math.inf
    free = max(0, servers - busy)
    if ahead < free:
        return 0.0
    return (ahead - free + 1) * mean_service / servers


def wait_range(minutes: float) -> tuple[int, int]:
    """How a hall shows a wait: a range rounded outward to 5 minutes ("约 10–15 分钟")."""
    if math.isinf(minutes):
        return (0, 0)
    if minutes <= 0:
        return (0, 5)
    lo = int(math.floor(minutes * 0.75 / 5) * 5)
    hi = int(math.ceil(minutes * 1.25 / 5) * 5)
    return lo, max(hi, lo + 5)


def mean_service(recent_minutes: Sequence[float], configured: float, weight: int = 5) -> float:
    """Mean service time from the recent services, steadied by the configured value (as if it
    had been seen ``weight`` times), so a handful of odd services cannot swing the estimate."""
    return (sum(recent_minutes) + configured * weight) / (len(recent_minutes) + weight)
