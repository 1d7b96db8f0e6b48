"""The demo's scenarios: seeded days a presenter can show (``kiosk hall --simulate --scenario``).

Each is the calibrated day (kiosk.sim.load) with one thing changed, and says what a presenter
will see. ``tests/test_scenarios.py`` runs every one and checks its figures against its
description; README has the table. (Plain data: the command line lists them without loading the domain.)
"""

from __future__ import annotations

from dataclasses import dataclass

#: The day's shape: arrivals relative to the peak, from each hour (decimal) on — a morning peak,
#: the 午间 dip, the afternoon, a quiet end. Only the windows' hours (hall.yaml) take arrivals.
DAY_SHAPE = ((8.5, 0.9), (9.0, 1.0), (11.0, 0.95), (12.0, 0.45), (13.5, 1.0), (15.0, 0.9), (16.5, 0.55))


@dataclass(frozen=True)
class Fault:
    """One window stops calling at ``at`` (when its current visitor is done) until ``until``."""

    at: float  # decimal hours
    until: float
    reason: str = "fault"  # a PauseReason code
    which: int = 1  # the pool's staffed windows in order: 0 the first, 1 the second …


@dataclass(frozen=True)
class Burst:
    """Extra arrivals for the largest pool: ``extra`` times what its windows serve, for ``minutes``
    from ``at``; ``green`` of them qualify for the green channel (a group of older people)."""

    at: float
    minutes: float
    extra: float
    green: float


@dataclass(frozen=True)
class Scenario:
    code: str
    name: str  # in the hall's words, for the demo's window titles
    name_en: str
    description: str  # for --help and README
    load: float = 0.82  # utilisation the windows are planned for at the day's peak
    wait: float = 12.0  # … and the most mean wait (minutes, Erlang C) that peak may cost
    shape: tuple[tuple[float, float], ...] = DAY_SHAPE
    early: float = 2.0  # arrivals in the quarter hour before the windows open (take a ticket, wait for 8:30)
    starts: float = 8.5  # the demo's clock starts here (the morning before it runs at once)
    lunch_rota: bool = True  # 午间岗: half of each pool's windows pause over the lunch hours
    faults: tuple[Fault, ...] = ()
    bursts: tuple[Burst, ...] = ()
    stream: str = ""  # another scenario whose visitors come (same seed, same people); "": its own

    @property
    def visitors_of(self) -> str:
        """Whose random stream plans the visitors: this scenario's own, or ``stream``'s."""
        return self.stream or self.code

    def title(self, english: bool) -> str:
        """How the demo's windows name it: 演示：平常的一天 / Demo: An ordinary day."""
        return f"Demo: {self.name_en}" if english else f"演示：{self.name}"

    def rate(self, hour: float) -> float:
        """The shape at ``hour``: arrivals relative to the peak's."""
        value = 0.0
        for start, relative in self.shape:
            if hour >= start:
                value = relative
        return value


NORMAL = Scenario(
    "normal", "平常的一天", "An ordinary day",
    "the calibrated day: a morning peak with the windows about 80 % busy, a quiet lunch with half the "
    "windows on the lunch rota, the afternoon, the last tickets served soon after closing")

SCENARIOS: dict[str, Scenario] = {s.code: s for s in (
    NORMAL,
    Scenario("quiet", "清闲的一天", "A quiet day",
             "low load all day (windows under half busy): hardly anybody waits",
             load=0.45, wait=2.0, early=0.4),
    Scenario("busy-morning", "繁忙的上午", "A busy morning",
             "a long morning peak (8:30–11:30, the general windows about 90 % busy): the queue grows and "
             "waits rise to 10–20 minutes, still under control; the afternoon is calm",
             load=0.88, wait=15.0, early=2.0,
             shape=((8.5, 1.0), (11.5, 0.6), (12.0, 0.3), (13.5, 0.6), (16.0, 0.35))),
    Scenario("lunch", "午间不打烊", "Open at lunchtime",
             "starts at 11:40: from 12:00 every second general and real-estate window pauses for lunch "
             "(when the queue allows) while the others keep calling; people come in their lunch break; "
             "all back at 13:30",
             starts=11 + 40 / 60,
             shape=((8.5, 0.9), (9.0, 1.0), (11.0, 0.95), (12.0, 0.75), (13.5, 1.0), (15.0, 0.9), (16.5, 0.55))),
    Scenario("window-down", "窗口故障", "A window down",
             "the ordinary day's visitors, starting at 9:50: at about 10:00 general window 3 stops for a system "
             "fault until 11:00; the other general windows absorb its queue, waits rise and recover "
             "after it reopens",
             starts=9 + 50 / 60, faults=(Fault(10.0, 11.0),), stream="normal"),
    Scenario("rush", "取号高峰", "A sudden rush",
             "the ordinary day's visitors, starting at 10:50, and at 11:00 a group of about fifteen within "
             "15 minutes, half of them older people for the green channel: green tickets go first without "
             "starving the others (queue rules), waits rise, lunch breaks wait until the queue is short, "
             "and waits are back to normal by about 13:00",
             starts=10 + 50 / 60, bursts=(Burst(11.0, 15, 2.5, 0.5),), stream="normal"),
)}
DEFAULT = NORMAL.code
