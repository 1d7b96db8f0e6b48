"""Working days: the due dates of the hall's promises (a 差评's return call within 1 working day,
its fix within 15, a 容缺 commitment's material within N).

A working day is Monday to Friday unless the hall lists it as a holiday; a day the hall lists as
a working weekend day (调休上班) counts too. "Within n working days" of a moment means by the end
of the n-th working day after that moment's day: a 差评 given on Friday afternoon is called back
by the end of Monday.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[_dt.date] = frozenset()
    workdays: frozenset[_dt.date] = frozenset()  # weekend days worked instead (调休)

    def is_working(self, day: _dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add(self, day: _dt.date, n: int) -> _dt.date:
        """The n-th working day after ``day`` (n ≥ 1), or ``day`` itself for n = 0."""
        if n < 0:
            raise ValueError("n must be ≥ 0")
        while n:
            day += _dt.timedelta(days=1)
            if self.is_working(day):
                n -= 1
        return day

    def due(self, start: _dt.datetime, n: int) -> _dt.datetime:
        """The deadline of "within ``n`` working days" from ``start``: the end of that day."""
        end = self.add(start.date(), n)
        return _dt.datetime.combine(end, _dt.time(23, 59, 59))

    def between(self, first: _dt.date, last: _dt.date) -> int:
        """Working days after ``first`` up to and including ``last`` (0 when last ≤ first)."""
        n, day = 0, first
        while day < last:
            day += _dt.timedelta(days=1)
            n += self.is_working(day)
        return n


WEEKDAYS_ONLY = Calendar()
