"""How many people the simulated hall's windows can take: offered load and Erlang C (Qt-free).

The demo day is calibrated to the hall, never to guessed numbers: for each *pool* — windows that
share their categories (the 综合窗口 serve 综合受理 and 综合咨询 from one queue; 不动产, 公安户政,
办不成事 and 帮办代办 keep their own) — the arrival rate at the day's peak is the largest one whose
offered load keeps

- the windows' utilisation ρ = λ·S / c at or below a target (a well-run hall: ≈ 0.8), and
- the mean wait of M/G/c at or below a target, by Erlang C (DESIGN §5) with the Allen–Cunneen
  correction for services less variable than exponential: Wq ≈ Wq(M/M/c) · (1 + cs²) / 2,

where S is what a ticket costs a window (walk-up, service, the pause before the next call; a
no-show's calls), from the categories' ``service_minutes`` in ``hall.yaml``, and c the staffed
windows. A single window (公安户政) reaches the wait target before the utilisation target, as it
does in a real hall. Change the hall file and the day follows.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.domain.hall import Hall
from kiosk.domain.queue import QueuePolicy, erlang_c

WALK_UP = (0.3, 1.3)  # minutes from a call to the visitor at the window (uniform)
TURN_SECONDS = 20.0  # a window's pause between a finished service and its next call
SERVICE_SIGMA = 0.8  # services are lognormal around the category's mean …
SERVICE_CAP = 4.0  # … and end by this many times it (a longer case is suspended, 挂起, and finished later)
NO_SHOW_GAP_SECONDS = 5.0  # after a no-show the window calls again this soon

#: Share of a shared pool's arrivals by category (a category not named: 1). Only pools of more
#: than one category use it: 综合咨询 is a short question beside the 综合受理 queue.
CATEGORY_SHARE: Mapping[str, float] = {"consult": 0.2}


@dataclass(frozen=True)
class Pool:
    """Staffed windows that call the same categories, and what a ticket costs them."""

    windows: tuple[int, ...]
    categories: tuple[str, ...]
    shares: tuple[float, ...]  # of the pool's arrivals, per category (sum 1)
    occupancy: float  # mean minutes a window spends per ticket
    scv: float  # squared coefficient of variation of that time

    @property
    def name(self) -> str:
        return "+".join(self.categories)


def recall_seconds(policy: QueuePolicy) -> float:
    """The simulated staff's gap between calls of someone who does not come (a second over the rule's)."""
    return policy.recall_interval_seconds + 1.0


def _phi(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


@functools.cache
def _unit_service() -> tuple[float, float]:
    """(μ, second moment) of a service of mean 1: lognormal(μ, SERVICE_SIGMA) ended at SERVICE_CAP,
    μ chosen so that the capped service keeps the mean."""
    s, k = SERVICE_SIGMA, SERVICE_CAP

    def moment(mu: float, n: int) -> float:  # E[min(L, k)^n]
        z = (math.log(k) - mu) / s
        return math.exp(n * mu + n * n * s * s / 2) * _phi(z - n * s) + k ** n * (1 - _phi(z))

    lo, hi = -3.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if moment(mid, 1) < 1 else (lo, mid)
    return lo, moment(lo, 2)


def service_minutes(rng: random.Random, mean: float) -> float:
    """One service of a category whose services last ``mean`` minutes on average."""
    mu, _ = _unit_service()
    return min(rng.lognormvariate(mu + math.log(mean), SERVICE_SIGMA), SERVICE_CAP * mean)


def ticket_cost(service_minutes: float, no_show_rate: float, policy: QueuePolicy) -> tuple[float, float]:
    """(mean, squared coefficient of variation) of the minutes a window spends on one ticket: a
    visitor's walk-up, lognormal service and the turn to the next call, or a no-show's calls."""
    lo, hi = WALK_UP
    turn = TURN_SECONDS / 60
    mean = (lo + hi) / 2 + service_minutes + turn
    var = (hi - lo) ** 2 / 12 + service_minutes ** 2 * (_unit_service()[1] - 1)
    gone = (policy.max_calls * recall_seconds(policy) + NO_SHOW_GAP_SECONDS) / 60
    p = no_show_rate
    m = (1 - p) * mean + p * gone
    second = (1 - p) * (var + mean ** 2) + p * gone ** 2
    return m, (second - m * m) / (m * m)


def pools(hall: Hall, staffed: Iterable[int], no_show_rate: float) -> list[Pool]:
    """The hall's staffed windows grouped by the categories they share (windows that share a
    category share its queue), in window order; a pool with no staffed window is left out."""
    staffed = set(staffed)
    groups: list[tuple[set[int], set[str]]] = []
    for w in hall.windows:
        if w.number not in staffed:
            continue
        joined = ({w.number}, set(w.categories))
        for g in [g for g in groups if g[1] & joined[1]]:
            groups.remove(g)
            joined = (joined[0] | g[0], joined[1] | g[1])
        groups.append(joined)
    out = []
    for numbers, codes in sorted(groups, key=lambda g: min(g[0])):
        cats = tuple(c.code for c in hall.categories if c.code in codes)
        raw = [CATEGORY_SHARE.get(c, 1.0) if len(cats) > 1 else 1.0 for c in cats]
        shares = tuple(r / sum(raw) for r in raw)
        mean = second = 0.0
        for code, share in zip(cats, shares):
            m, scv = ticket_cost(hall.category(code).service_minutes, no_show_rate, hall.policy)
            mean += share * m
            second += share * m * m * (1 + scv)
        out.append(Pool(tuple(sorted(numbers)), cats, shares, mean, second / (mean * mean) - 1))
    return out


def mean_wait(c: int, rate: float, pool: Pool) -> float:
    """Steady-state mean wait (minutes) of ``c`` windows of ``pool`` at ``rate`` arrivals a minute."""
    if rate <= 0:
        return 0.0
    _, wq = erlang_c(c, rate, 1.0 / pool.occupancy)
    return wq * (1 + pool.scv) / 2


def max_rate(c: int, pool: Pool, load: float, wait: float) -> float:
    """The most arrivals a minute that ``c`` windows of ``pool`` take with utilisation ≤ ``load``
    and a mean wait ≤ ``wait`` minutes (0 without a window)."""
    if c <= 0 or load <= 0:
        return 0.0
    top = min(load, 0.999) * c / pool.occupancy
    if mean_wait(c, top, pool) <= wait:
        return top
    lo, hi = 0.0, top
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if mean_wait(c, mid, pool) <= wait else (lo, mid)
    return lo
