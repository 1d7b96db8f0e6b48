"""A usability study: its tasks, questionnaires and conditions, and each participant's plan.

The file format (``assets/studies/*.yaml``) and its validation are :func:`load_study`; the model
here is what a session runs and the report reads. Counterbalancing is a Latin square: a balanced
(Williams) square for the task order, so each task follows each other task equally often over
every ``len(tasks)`` participants (over ``2 × len(tasks)`` when that is odd), and a cyclic square
for the order of the conditions (within-subject) or the condition itself (between-subject);
see :func:`plan_for`.
A participant's row is fixed by the number in their code (P07 → the 7th participant → row 6), so
the plan never depends on who came first on the day, and a rerun gives the same plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Design(StrEnum):
    WITHIN = "within"  # every participant works under every condition, in counterbalanced order
    BETWEEN = "between"  # each participant under one condition


class Criterion(StrEnum):
    """What the kiosk itself must report for a task to succeed (see events.AppEvent)."""

    SCREEN = "screen"  # a screen reached: screen (a Screen code), optional item (the item shown)
    TICKET = "ticket"  # a ticket issued: optional item, bundle, category
    RATING = "rating"  # a 好差评 rating given: optional level
    CASE = "case"  # a 办不成事 case filed
    OPINION = "opinion"  # an opinion left in the 意见箱
    CHECKIN = "checkin"  # an appointment checked in
    OFFICER = "officer"  # a 服务专员 asked for: optional group
    SELF_SERVICE = "self_service"  # a 零材料 self-service done: optional item


@dataclass(frozen=True)
class Success:
    kind: Criterion
    screen: str = ""
    item: str = ""
    bundle: str = ""
    category: str = ""
    group: str = ""
    level: int | None = None


class SetupKind(StrEnum):
    """What the study puts in the participant's hall before a task, so the task can be done:
    a service just finished (to rate), an appointment booked for now (to check in)."""

    SERVED = "served"  # a ticket for ``item`` issued, called and finished at ``window``: {ticket} in the text
    APPOINTMENT = "appointment"  # an appointment for ``item`` now: {code} in the text


@dataclass(frozen=True)
class Setup:
    kind: SetupKind
    item: str
    window: int = 1


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    title_en: str
    instructions: str  # what the participant is asked, 中文 (may hold {ticket} / {code} from the setup)
    instructions_en: str
    success: Success
    limit: float  # seconds
    setup: tuple[Setup, ...] = ()
    ideal: tuple[str, ...] = ()  # the shortest path, as Screen codes from home: where people leave it is reported
    seq: bool = True  # the post-task SEQ

    def text(self, english: bool) -> str:
        return self.instructions_en if english else self.instructions


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    name_en: str
    elder: bool = False
    language: str = ""  # "" = the hall's
    voice: bool | None = None  # None = as the mode has it (on in 长辈版)
    catalogue: Path | None = None  # a catalogue variant (a folder), None = the shipped one


@dataclass(frozen=True)
class Study:
    id: str
    title: str
    title_en: str
    tasks: tuple[Task, ...]
    conditions: tuple[Condition, ...]
    design: Design = Design.WITHIN
    sus: bool = True  # after each condition block (within) or the session (between)
    umux_lite: bool = False
    source: Path | None = None

    def task(self, task_id: str) -> Task:
        return next(t for t in self.tasks if t.id == task_id)

    def condition(self, condition_id: str) -> Condition:
        return next(c for c in self.conditions if c.id == condition_id)


@dataclass(frozen=True)
class Block:
    """Tasks worked under one condition, followed by the post-block questionnaires."""

    condition: Condition
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Plan:
    participant: str
    row: int  # the Latin-square row (0-based)
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def steps(self) -> list[tuple[Condition, Task]]:
        return [(b.condition, t) for b in self.blocks for t in b.tasks]


_CODE = re.compile(r"^[A-Za-z]{1,4}(\d{1,4})$")


def participant_number(code: str) -> int:
    """P07 → 7. A participant is a code (letters and a number), never a name."""
    m = _CODE.match(code)
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"participant code {code!r}: letters and a number from 1, such as P07")
    return int(m.group(1))


def williams_row(n: int, row: int) -> list[int]:
    """Row ``row`` of a balanced Latin square of order ``n`` (Williams 1949): 0, 1, n−1, 2, n−2 …
    shifted by the row. For odd ``n`` rows n … 2n−1 are the mirror images of rows 0 … n−1."""
    if n <= 0:
        return []
    first = [0]
    lo, hi = 1, n - 1
    take_lo = True
    while len(first) < n:
        first.append(lo if take_lo else hi)
        lo, hi = (lo + 1, hi) if take_lo else (lo, hi - 1)
        take_lo = not take_lo
    r = row % (n if n % 2 == 0 else 2 * n)
    seq = [(x + r) % n for x in first]
    return seq[::-1] if r >= n else seq


def cyclic_row(n: int, row: int) -> list[int]:
    """Row ``row`` of a cyclic Latin square of order ``n``: row, row+1, … (mod n)."""
    return [(row + i) % n for i in range(n)]


def plan_for(study: Study, participant: str) -> Plan:
    """The participant's plan: which condition(s), in what order, and the tasks in each.

    With k conditions, participants come in runs of k that share one task order (Williams row
    ``row // k``) and take the conditions in the k cyclic orders (row ``row % k``). Within-subject,
    the task order is cut into k consecutive blocks, one per condition: within each run every task
    is met under every condition exactly once, and P01/P02 of a two-condition study swap A and B.
    Between-subject: each participant works every task under the one condition of their row."""
    row = participant_number(participant) - 1
    k = max(1, len(study.conditions))
    order = [study.tasks[i] for i in williams_row(len(study.tasks), row // k)]
    conds = [study.conditions[i] for i in cyclic_row(k, row % k)]
    if study.design is Design.BETWEEN or k == 1:
        return Plan(participant, row, (Block(conds[0], tuple(order)),))
    size, extra = divmod(len(order), k)
    blocks, start = [], 0
    for i, cond in enumerate(conds):
        end = start + size + (1 if i < extra else 0)
        blocks.append(Block(cond, tuple(order[start:end])))
        start = end
    return Plan(participant, row, tuple(blocks))
