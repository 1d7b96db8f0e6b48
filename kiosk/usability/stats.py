"""The study's statistics, with the standard library only (no scipy): questionnaire scores, the
intervals a small-sample usability study reports, and the t quantile they need.

- SUS (Brooke 1996): ten 1–5 items; 2.5 × (Σ odd (r − 1) + Σ even (5 − r)). Grade: Sauro & Lewis's
  curved grading scale (2016); adjective: the one of Bangor, Kortum & Miller (2009) whose mean SUS
  score is nearest (their Table 3 means).
- SEQ: one 7-point item after a task. UMUX-Lite: two 7-point items, (a + b − 2) · 100 / 12.
- Task success: the adjusted-Wald interval (Agresti & Coull 1998; Sauro & Lewis recommend it for
  small samples); a difference of two proportions: Agresti & Caffo (2000), one success and one
  failure added to each group.
- Time on task: the geometric mean with the t interval on the log times (Sauro & Lewis).
- Means and their differences: the t interval (one sample or paired, Welch's or the pooled two
  sample one). The t quantile inverts the t distribution function, which is computed from the
  regularized incomplete beta function (a continued fraction, evaluated by the modified Lentz
  method); it agrees with the printed tables to their 3 decimals.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

SUS_ITEMS = 10
#: Sauro & Lewis's curved grading scale: (lowest score of the grade, grade), best first
SUS_GRADES: tuple[tuple[float, str], ...] = (
    (84.1, "A+"), (80.8, "A"), (78.9, "A-"), (77.2, "B+"), (74.1, "B"), (72.6, "B-"),
    (71.1, "C+"), (65.0, "C"), (62.7, "C-"), (51.7, "D"), (0.0, "F"))
#: Bangor, Kortum & Miller (2009), Table 3: the mean SUS score of each adjective rating
SUS_ADJECTIVES: tuple[tuple[float, str, str], ...] = (
    (12.5, "Worst imaginable", "极差"), (20.3, "Awful", "很差"), (35.7, "Poor", "差"), (50.9, "OK", "尚可"),
    (71.4, "Good", "良好"), (85.5, "Excellent", "优秀"), (90.9, "Best imaginable", "极好"))


@dataclass(frozen=True)
class Interval:
    """An estimate and its interval (``low``/``high`` are None when it cannot be computed, e.g. n = 1)."""

    estimate: float
    low: float | None = None
    high: float | None = None
    n: int = 0

    @property
    def has_bounds(self) -> bool:
        return self.low is not None and self.high is not None


# --- questionnaires ------------------------------------------------------------------------------

def _check_items(answers: Sequence[int], count: int, top: int, name: str) -> None:
    if len(answers) != count:
        raise ValueError(f"{name} has {count} items; got {len(answers)} answer(s)")
    for i, r in enumerate(answers, start=1):
        if isinstance(r, bool) or not isinstance(r, int) or not 1 <= r <= top:
            raise ValueError(f"{name} item {i}: {r!r} is not an answer from 1 to {top}")


def sus_score(answers: Sequence[int]) -> float:
    """The SUS score (0–100) of the ten answers in item order (1 = strongly disagree … 5)."""
    _check_items(answers, SUS_ITEMS, 5, "SUS")
    odd = sum(r - 1 for r in answers[0::2])
    even = sum(5 - r for r in answers[1::2])
    return 2.5 * (odd + even)


def sus_grade(score: float) -> str:
    """The curved grading scale's letter (A+ … F) of a SUS score (a mean or one person's)."""
    if not 0 <= score <= 100:
        raise ValueError(f"a SUS score is from 0 to 100, not {score}")
    return next(grade for low, grade in SUS_GRADES if round(score, 1) >= low)


def sus_adjective(score: float) -> tuple[str, str]:
    """(English, 中文) adjective of a SUS score: Bangor et al.'s adjective with the nearest mean."""
    if not 0 <= score <= 100:
        raise ValueError(f"a SUS score is from 0 to 100, not {score}")
    _, en, zh = min(SUS_ADJECTIVES, key=lambda a: abs(a[0] - score))
    return en, zh


def umux_lite(a: int, b: int) -> float:
    """UMUX-Lite (0–100) of its two 7-point items."""
    _check_items([a, b], 2, 7, "UMUX-Lite")
    return (a + b - 2) * 100 / 12


def seq_mean(values: Sequence[int]) -> float | None:
    """The mean of SEQ answers (1–7); None without any."""
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 7:
            raise ValueError(f"SEQ: {v!r} is not an answer from 1 to 7")
    return sum(values) / len(values) if values else None


# --- proportions ---------------------------------------------------------------------------------

def z_value(confidence: float = 0.95) -> float:
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def adjusted_wald(successes: int, n: int, confidence: float = 0.95) -> Interval:
    """The proportion ``successes / n`` with its adjusted-Wald interval (clipped to 0–1)."""
    if n <= 0 or not 0 <= successes <= n:
        raise ValueError(f"adjusted Wald: {successes} successes of {n} attempts")
    z2 = z_value(confidence) ** 2
    p = (successes + z2 / 2) / (n + z2)
    half = math.sqrt(z2 * p * (1 - p) / (n + z2))
    return Interval(successes / n, max(0.0, p - half), min(1.0, p + half), n)


def proportion_difference(x1: int, n1: int, x2: int, n2: int, confidence: float = 0.95) -> Interval:
    """p1 − p2 with the Agresti–Caffo interval (clipped to −1…1)."""
    if n1 <= 0 or n2 <= 0 or not 0 <= x1 <= n1 or not 0 <= x2 <= n2:
        raise ValueError(f"difference of proportions: {x1} of {n1} and {x2} of {n2}")
    z = z_value(confidence)
    p1, p2 = (x1 + 1) / (n1 + 2), (x2 + 1) / (n2 + 2)
    half = z * math.sqrt(p1 * (1 - p1) / (n1 + 2) + p2 * (1 - p2) / (n2 + 2))
    d = p1 - p2
    return Interval(x1 / n1 - x2 / n2, max(-1.0, d - half), min(1.0, d + half), n1 + n2)


# --- the t distribution ----------------------------------------------------------------------------

def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + num * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < eps:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = a * math.log(x) + b * math.log1p(-x) - (math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1 - math.exp(log_front) * _beta_fraction(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom (df may be fractional: Welch)."""
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, not {df}")
    tail = 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t value with P(T ≤ t) = p: t_quantile(0.975, 10) = 2.228…"""
    if not 0 < p < 1:
        raise ValueError(f"a probability strictly between 0 and 1, not {p}")
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, not {df}")
    if p < 0.5:
        return -t_quantile(1 - p, df)
    if p == 0.5:
        return 0.0
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2
    for _ in range(200):  # bisection: the cdf is monotone; 1e-12 is plenty for a report
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12 * max(1.0, hi):
            break
    return (lo + hi) / 2


# --- means -----------------------------------------------------------------------------------------

def _mean_var(values: Sequence[float]) -> tuple[float, float]:
    n = len(values)
    m = sum(values) / n
    return m, (sum((v - m) ** 2 for v in values) / (n - 1) if n > 1 else 0.0)


def mean_interval(values: Sequence[float], confidence: float = 0.95) -> Interval:
    """The mean with its t interval (no bounds for one value). Paired data: pass the differences."""
    if not values:
        raise ValueError("the mean of no values")
    n = len(values)
    m, var = _mean_var(values)
    if n < 2:
        return Interval(m, None, None, n)
    half = t_quantile(0.5 + confidence / 2, n - 1) * math.sqrt(var / n)
    return Interval(m, m - half, m + half, n)


def geometric_mean(times: Sequence[float], confidence: float = 0.95) -> Interval:
    """The geometric mean of positive times with the t interval on their logs, transformed back."""
    if not times:
        raise ValueError("the geometric mean of no times")
    if any(t <= 0 for t in times):
        raise ValueError("the geometric mean needs times above 0")
    logs = mean_interval([math.log(t) for t in times], confidence)
    if logs.low is None or logs.high is None:
        return Interval(math.exp(logs.estimate), None, None, logs.n)
    return Interval(math.exp(logs.estimate), math.exp(logs.low), math.exp(logs.high), logs.n)


def mean_difference(a: Sequence[float], b: Sequence[float], confidence: float = 0.95,
                    welch: bool = True) -> Interval:
    """mean(a) − mean(b) with Welch's t interval (or, welch=False, the pooled-variance one)."""
    n1, n2 = len(a), len(b)
    if n1 < 2 or n2 < 2:
        if n1 and n2:
            return Interval(sum(a) / n1 - sum(b) / n2, None, None, n1 + n2)
        raise ValueError("a difference of means needs values in both groups")
    m1, v1 = _mean_var(a)
    m2, v2 = _mean_var(b)
    if welch:
        se2 = v1 / n1 + v2 / n2
        if se2 == 0:
            return Interval(m1 - m2, m1 - m2, m1 - m2, n1 + n2)
        df = se2 ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    else:
        df = n1 + n2 - 2
        se2 = ((n1 - 1) * v1 + (n2 - 1) * v2) / df * (1 / n1 + 1 / n2)
    half = t_quantile(0.5 + confidence / 2, df) * math.sqrt(se2)
    return Interval(m1 - m2, m1 - m2 - half, m1 - m2 + half, n1 + n2)


def ratio_of_geometric_means(a: Sequence[float], b: Sequence[float], confidence: float = 0.95) -> Interval:
    """geomean(a) / geomean(b) with Welch's interval on the log times, transformed back."""
    if any(t <= 0 for t in [*a, *b]):
        raise ValueError("a ratio of geometric means needs times above 0")
    d = mean_difference([math.log(t) for t in a], [math.log(t) for t in b], confidence)
    if d.low is None or d.high is None:
        return Interval(math.exp(d.estimate), None, None, d.n)
    return Interval(math.exp(d.estimate), math.exp(d.low), math.exp(d.high), d.n)
