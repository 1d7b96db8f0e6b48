"""Acceptance check of the hall's wait estimate against a seeded M/M/c simulation.

Each case simulates a FIFO queue with Poisson arrivals, exponential service and ``c`` identical
windows. At every arrival it computes what the kiosk would print on the slip —
``expected_wait(ahead, busy, c, mean_service(last 30 completed services, true mean))`` — and
records the wait that customer actually gets. After a warm-up, the mean estimate must be within
15 % of the mean simulated wait, and (a check of the simulator itself) the mean simulated wait
within 15 % of Erlang C's Wq.

Run lengths: the simulated mean wait near ρ = 0.9 is strongly autocorrelated, so tens of
thousands of customers leave it ±20–40 % from Wq depending on the seed. The lengths below keep
the standard deviation of (simulated / Wq − 1) across seeds at about 0.02–0.035, i.e. the 15 %
tolerance is 4–6 standard deviations away for any seed, not only the one chosen.
"""

from __future__ import annotations

import heapq
import random
from collections import deque

import pytest

from kiosk.domain import queue

MEAN_SERVICE = 10.0  # minutes
RECENT = 30          # completed services the kiosk averages
WARM_UP = 0.10       # share of customers discarded at the start (the hall opens empty)
TOLERANCE = 0.15
CUSTOMERS = {0.5: 200_000, 0.8: 400_000, 0.9: 600_000}


def simulate(c: int, rho: float, customers: int, seed: int) -> tuple[float, float]:
    """(mean estimate shown, mean actual wait) in minutes over the customers after the warm-up."""
    rng = random.Random(seed)
    mu = 1.0 / MEAN_SERVICE
    lam = rho * c * mu
    free_at = [0.0] * c       # when each window next becomes free (heap)
    in_system = []            # (departure time, service time) of everyone not yet gone (heap)
    queued_starts = deque()   # start times of those still waiting; FIFO ⇒ non-decreasing
    recent = deque(maxlen=RECENT)
    warm_up = int(customers * WARM_UP)
    sum_estimate = sum_wait = 0.0
    t = 0.0
    for i in range(customers):
        t += rng.expovariate(lam)
        service = rng.expovariate(mu)
        while in_system and in_system[0][0] <= t:    # services completed before this arrival
            recent.append(heapq.heappop(in_system)[1])
        while queued_starts and queued_starts[0] <= t:  # called to a window before this arrival
            queued_starts.popleft()
        ahead = len(queued_starts)
        busy = len(in_system) - ahead
        estimate = queue.expected_wait(ahead, busy, c, queue.mean_service(recent, MEAN_SERVICE))
        start = max(t, heapq.heappop(free_at))       # FIFO: the earliest free window
        heapq.heappush(free_at, start + service)
        heapq.heappush(in_system, (start + service, service))
        if start > t:
            queued_starts.append(start)
        if i >= warm_up:
            sum_estimate += estimate
            sum_wait += start - t
    n = customers - warm_up
    return sum_estimate / n, sum_wait / n


@pytest.mark.parametrize("rho", [0.5, 0.8, 0.9])
@pytest.mark.parametrize("c", [2, 3, 4, 5, 6])
def test_wait_estimate_matches_simulation(c, rho):
    seed = 20261127 + 100 * c + round(rho * 10)
    customers = CUSTOMERS[rho]
    estimate, simulated = simulate(c, rho, customers, seed)
    mu = 1.0 / MEAN_SERVICE
    _, wq = queue.erlang_c(c, rho * c * mu, mu)
    facts = (f"c={c} ρ={rho} seed={seed} customers={customers}: mean estimate {estimate:.3f} min, "
             f"simulated {simulated:.3f} min, Erlang C Wq {wq:.3f} min; "
             f"estimate/simulated − 1 = {estimate / simulated - 1:+.2%}, simulated/Wq − 1 = {simulated / wq - 1:+.2%}")
    assert abs(simulated - wq) <= TOLERANCE * wq, "simulator disagrees with Erlang C: " + facts
    assert abs(estimate - simulated) <= TOLERANCE * simulated, "wait estimate off: " + facts
