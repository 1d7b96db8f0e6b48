"""The study's counterbalancing and a session's record, without Qt (kiosk/usability)."""

from collections import Counter
from itertools import pairwise

import pytest

from kiosk.usability.events import AppEvent, Kind, Outcome, RecordWriter, read_record
from kiosk.usability.session import Session
from kiosk.usability.study import (
    Condition,
    Criterion,
    Design,
    Study,
    Success,
    Task,
    cyclic_row,
    participant_number,
    plan_for,
    williams_row,
)


def task(i, kind=Criterion.SCREEN, **kw):
    return Task(f"t{i}", f"任务{i}", f"Task {i}", "做", "Do", Success(kind, **kw), 60.0)


def study(n_tasks=6, design=Design.WITHIN, n_conds=2):
    conds = tuple(Condition(c, c, c, elder=c == "B") for c in "AB"[:n_conds])
    return Study("s", "研究", "Study", tuple(task(i, screen="rate") for i in range(n_tasks)), conds, design)


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6, 7])
def test_williams_square_is_latin_and_balanced(n):
    rows = [williams_row(n, r) for r in range(n if n % 2 == 0 else 2 * n)]
    for row in rows:
        assert sorted(row) == list(range(n))
    for col in range(n):  # every task in every position equally often
        assert Counter(r[col] for r in rows) == Counter({t: len(rows) // n for t in range(n)})
    follows = Counter(p for r in rows for p in pairwise(r))  # every task right after every other equally often
    assert set(follows.values()) == {len(rows) // n}
    assert len(follows) == n * (n - 1)


def test_cyclic_rows():
    assert [cyclic_row(3, r) for r in range(3)] == [[0, 1, 2], [1, 2, 0], [2, 0, 1]]


def test_participant_codes():
    assert participant_number("P07") == 7
    for bad in ("07", "P0", "张三", "P-1", ""):
        with pytest.raises(ValueError):
            participant_number(bad)


def test_within_subject_pairs_swap_the_conditions_and_balance_tasks():
    s = study()
    p1, p2 = plan_for(s, "P01"), plan_for(s, "P02")
    assert [b.condition.id for b in p1.blocks] == ["A", "B"]
    assert [b.condition.id for b in p2.blocks] == ["B", "A"]
    assert [t.id for t in p1.blocks[0].tasks] == [t.id for t in p2.blocks[0].tasks]  # same order, swapped designs
    under = Counter()
    for n in range(1, 13):
        plan = plan_for(s, f"P{n:02d}")
        assert sorted(t.id for _, t in plan.steps) == sorted(t.id for t in s.tasks)  # every task once
        under.update((c.id, t.id) for c, t in plan.steps)
    assert set(under.values()) == {6}  # over 12 participants every task under each condition 6 times


def test_between_subject_one_condition_each():
    s = study(design=Design.BETWEEN)
    plans = [plan_for(s, f"P{n}") for n in range(1, 5)]
    assert [[b.condition.id for b in p.blocks] for p in plans] == [["A"], ["B"], ["A"], ["B"]]
    assert all(len(p.steps) == 6 for p in plans)


def test_session_records_and_ends_a_task_on_the_kiosks_own_event(tmp_path):
    s = Study("s", "研究", "Study", (task(1, Criterion.TICKET, item="QYKB-001"), task(2, screen="rate")),
              (Condition("A", "A", "A"),))
    now = [100.0]
    writer = RecordWriter(tmp_path / "P01" / "events.jsonl", {"study": "s", "participant": "P01"})
    session = Session(s, plan_for(s, "P01"), writer, clock=lambda: now[0])
    ended = []
    session.ended_listeners.append(ended.append)
    session.begin()
    session.start_task()
    now[0] += 5
    session.record(Kind.APP, {"what": AppEvent.TICKET_ISSUED.value, "item": "QYKB-002"})  # the wrong item
    assert session.task is not None
    now[0] += 7
    session.record(Kind.APP, {"what": AppEvent.TICKET_ISSUED.value, "item": "QYKB-001"})
    assert session.task is None and ended[-1].outcome is Outcome.SUCCESS and ended[-1].seconds == 12
    session.start_task()
    now[0] += 61
    assert session.tick().outcome is Outcome.TIMEOUT
    assert ended[-1].session_done
    session.finish()
    record = read_record(tmp_path / "P01" / "events.jsonl")
    assert record.participant == "P01"
    kinds = [e.kind for e in record.events]
    assert kinds == [Kind.SESSION_START, Kind.CONDITION, Kind.TASK_START, Kind.APP, Kind.APP, Kind.TASK_END,
                     Kind.TASK_START, Kind.TASK_END, Kind.SESSION_END]
    assert [e.info.get("outcome") for e in record.events if e.kind is Kind.TASK_END] == ["success", "timeout"]
    assert (tmp_path / "P01" / "events.jsonl").stat().st_mode & 0o777 == 0o600
