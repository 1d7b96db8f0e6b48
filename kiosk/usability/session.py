"""One participant's session, without Qt: the plan's steps, the running task and its clock, the
record, and the success the kiosk's own events prove.

The facilitator window (kiosk/ui/study) calls :meth:`Session.start_task`, :meth:`Session.end_task`,
:meth:`Session.note`, the fault switches and :meth:`Session.tick`; the recorder hands every kiosk
event to :meth:`Session.record`, which also ends a task by itself when the event meets its
success criterion. Listeners (the facilitator's live view and log) hear every event recorded.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kiosk.usability.events import AppEvent, Event, Fault, Kind, Outcome, RecordWriter, Scalar
from kiosk.usability.study import Condition, Criterion, Plan, Study, Success, Task

#: the AppEvent that proves each criterion
_PROOF = {Criterion.TICKET: AppEvent.TICKET_ISSUED, Criterion.RATING: AppEvent.RATING_GIVEN,
          Criterion.CASE: AppEvent.CASE_FILED, Criterion.OPINION: AppEvent.OPINION_LEFT,
          Criterion.CHECKIN: AppEvent.CHECKED_IN, Criterion.OFFICER: AppEvent.OFFICER_REQUESTED,
          Criterion.SELF_SERVICE: AppEvent.SELF_SERVED}


def meets(success: Success, kind: Kind, screen: str, info: Mapping[str, Scalar]) -> bool:
    """Does an event (its kind, the screen it happened on, its info) meet ``success``?"""
    if success.kind is Criterion.SCREEN:
        return (kind is Kind.SCREEN and screen == success.screen
                and (not success.item or info.get("item") == success.item)
                and (not success.bundle or info.get("bundle") == success.bundle))
    if kind is not Kind.APP or info.get("what") != _PROOF[success.kind]:
        return False
    wanted = {"item": success.item, "bundle": success.bundle, "category": success.category, "group": success.group}
    if any(v and info.get(k) != v for k, v in wanted.items()):
        return False
    return success.level is None or info.get("level") == success.level


@dataclass(frozen=True)
class Ended:
    """What follows a task's end: its SEQ, and (last task of a block) the block's questionnaires."""

    task: Task
    outcome: Outcome
    seconds: float
    seq: bool
    block_done: bool
    session_done: bool


class Session:
    def __init__(self, study: Study, plan: Plan, writer: RecordWriter | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.study, self.plan, self.writer, self.clock = study, plan, writer, clock
        self.steps = plan.steps
        self.index = 0  # the next (or running) step
        self.task: Task | None = None  # the running task
        self.started_at = 0.0
        self.condition: Condition | None = None  # the condition in force
        self.screen = ""
        self.faults: dict[Fault, dict[str, Scalar]] = {}
        self.outcomes: dict[str, Outcome] = {}
        self.listeners: list[Callable[[Event], None]] = []  # every event recorded
        self.ended_listeners: list[Callable[[Ended], None]] = []  # every task ended (by anyone)
        self.finished = False
        self._t0 = clock()

    # --- the record ------------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock() - self._t0

    def record(self, kind: Kind, info: Mapping[str, Scalar] | None = None, *, screen: str | None = None,
               x: int | None = None, y: int | None = None, widget: str = "", interactive: bool | None = None,
               enabled: bool | None = None) -> Event:
        """Record one event (stamped with the time, task, condition and screen); a kiosk event that
        meets the running task's criterion then ends it as a success."""
        if kind is Kind.SCREEN and screen is not None:
            self.screen = screen
        event = Event(self.now(), kind, self.task.id if self.task else "",
                      self.condition.id if self.condition else "", self.screen if screen is None else screen,
                      x, y, widget, interactive, enabled, dict(info or {}))
        if self.writer is not None:
            self.writer.write(event)
        for listener in list(self.listeners):
            listener(event)
        if self.task is not None and kind in (Kind.APP, Kind.SCREEN) \
                and meets(self.task.success, kind, event.screen, event.info):
            self.end_task(Outcome.SUCCESS, by="app")
        return event

    def begin(self, **info: Scalar) -> None:
        self.record(Kind.SESSION_START, {"design": self.study.design.value, "row": self.plan.row, **info})

    # --- tasks -----------------------------------------------------------------------------------

    @property
    def next_step(self) -> tuple[Condition, Task] | None:
        return self.steps[self.index] if self.index < len(self.steps) else None

    @property
    def condition_changes(self) -> bool:
        """Does the next task begin a new condition block (the kiosk is then set up for it)?"""
        step = self.next_step
        return step is not None and (self.condition is None or step[0].id != self.condition.id)

    def enter_condition(self) -> Condition | None:
        """Put the next step's condition in force (recorded); the caller sets the kiosk up for it."""
        step = self.next_step
        if step is None:
            return None
        if self.condition is None or step[0].id != self.condition.id:
            self.condition = step[0]
            self.record(Kind.CONDITION)
        return self.condition

    def start_task(self) -> Task | None:
        if self.task is not None or self.finished:
            return self.task
        step = self.next_step
        if step is None:
            return None
        if self.condition is None or step[0].id != self.condition.id:
            self.enter_condition()
        self.task = step[1]
        self.started_at = self.now()
        self.record(Kind.TASK_START, {"limit": self.task.limit, "order": self.index + 1})
        return self.task

    def elapsed(self) -> float:
        return self.now() - self.started_at if self.task is not None else 0.0

    def end_task(self, outcome: Outcome, by: str = "facilitator") -> Ended | None:
        task = self.task
        if task is None:
            return None
        seconds = self.elapsed()
        self.record(Kind.TASK_END, {"outcome": outcome.value, "by": by, "seconds": round(seconds, 3)})
        self.outcomes[task.id] = outcome
        self.task = None
        self.index += 1
        nxt = self.next_step
        block_done = nxt is None or nxt[0].id != (self.condition.id if self.condition else "")
        ended = Ended(task, outcome, seconds, task.seq and outcome is not Outcome.SKIP, block_done, nxt is None)
        for listener in list(self.ended_listeners):
            listener(ended)
        return ended

    def tick(self) -> Ended | None:
        """The task's time limit: once past it, the task ends as timed out."""
        if self.task is not None and self.elapsed() >= self.task.limit:
            return self.end_task(Outcome.TIMEOUT, by="clock")
        return None

    # --- the facilitator's marks -------------------------------------------------------------------

    def note(self, text: str) -> Event:
        return self.record(Kind.NOTE, {"text": text})

    def fault_on(self, fault: Fault, **param: Scalar) -> None:
        self.faults[fault] = dict(param)
        self.record(Kind.FAULT_ON, {"fault": fault.value, **param})

    def fault_off(self, fault: Fault) -> None:
        if self.faults.pop(fault, None) is not None:
            self.record(Kind.FAULT_OFF, {"fault": fault.value})

    def answer(self, instrument: str, item: int, value: int, task: str = "") -> Event:
        """A questionnaire answer (SEQ after ``task``, SUS/UMUX_LITE after a block)."""
        return self.record(Kind.ANSWER, {"instrument": instrument, "item": item, "value": value, "of_task": task})

    def finish(self, reason: str = "done") -> None:
        if self.finished:
            return
        if self.task is not None:
            self.end_task(Outcome.SKIP, by="facilitator")
        for fault in list(self.faults):
            self.fault_off(fault)
        self.record(Kind.SESSION_END, {"reason": reason})
        self.finished = True
        if self.writer is not None:
            self.writer.close()
