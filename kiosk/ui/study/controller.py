"""Running a study: one participant at a time, each on a fresh hall, under the conditions of
their plan, with the questionnaires on the kiosk and the facilitator's marks in the record.

The study directory (README, "Running a session"):
``<data-dir>/studies/<study id>/study.yaml`` (the study file as run) and, per participant,
``participants/<code>/events.jsonl`` (the record), ``…/screens/`` (the recorder's screenshots)
and ``…/hall/`` (the participant's own hall: tickets, slips, logs). Nothing of one participant is
in another's folder, and :meth:`StudyController.next_participant` closes everything of one
before it opens the next.

The composition root (kiosk/app.py ``build_study``) hands the controller ``make_kiosk(hall_dir,
condition) -> (window, store)``: how to build a kiosk (build_kiosk_window) on a hall directory
in a condition's language, mode, voice and catalogue. The controller builds one per condition
block and closes it when the block (or the participant) is over.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.domain.appointments import Source, booking
from kiosk.domain.counter import Counter
from kiosk.domain.desk import Request
from kiosk.domain.lifecycle import HallError
from kiosk.domain.personas import PERSONAS
from kiosk.domain.ports import StoreError
from kiosk.ui.study.faults import FaultSwitch
from kiosk.ui.study.recorder import Recorder
from kiosk.usability.events import Event, Fault, Outcome, RecordWriter, Scalar
from kiosk.usability.questionnaires import Question, after_block, seq_after
from kiosk.usability.session import Ended, Session
from kiosk.usability.study import Condition, Design, Plan, SetupKind, Study, Task, participant_number, plan_for

log = logging.getLogger(__name__)

#: how often the running task's clock is looked at (its limit, the facilitator's timer), ms
TICK_MS = 200
#: the made-up person a set-up appointment is booked for (a demo persona: no one's real data)
SETUP_PERSON = PERSONAS[-1]
SETUP_PHONE = "13900000000"

KioskFactory = Callable[[Path, Condition], tuple[object, object]]
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # as escapes: re reads them
_CJK_GAP = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


class ParticipantError(Exception):
    """A participant code that cannot be used: not a code, or one that has a record already."""


def study_dir(data_dir: Path, study: Study) -> Path:
    return Path(data_dir) / "studies" / study.id


def participant_dir(directory: Path, code: str) -> Path:
    return Path(directory) / "participants" / code


def check_code(directory: Path, code: str) -> str:
    """``code`` as it is used (P07), or ParticipantError saying why it cannot be."""
    code = code.strip()
    try:
        participant_number(code)
    except ValueError as exc:
        raise ParticipantError(str(exc)) from None
    if (participant_dir(directory, code) / "events.jsonl").exists():
        raise ParticipantError(f"{code} has a record already ({participant_dir(directory, code)}); "
                               f"choose another code, or delete theirs first")
    return code


def next_code(directory: Path, after: str = "") -> str:
    """The next participant code with no record: one more than ``after`` (or than the highest
    recorded), in its letters and width (P07 → P08)."""
    known = {p.name for p in (Path(directory) / "participants").glob("*") if (p / "events.jsonl").exists()}
    codes = [c for c in known if re.fullmatch(r"[A-Za-z]{1,4}\d{1,4}", c)]
    base = after or (max(codes, key=participant_number) if codes else "P00")
    m = re.fullmatch(r"([A-Za-z]{1,4})(\d{1,4})", base.strip()) or re.fullmatch(r"(P)(\d\d)", "P00")
    assert m is not None
    letters, digits = m.group(1), m.group(2)
    n = int(digits) + 1
    while True:
        code = f"{letters}{n:0{len(digits)}d}"
        if code not in known:
            return code
        n += 1


#: a set-up's value in a task's words before the task starts (it is made by 开始), in the words' language
_LATER = {"ticket": ("〔开始后给出票号〕", "[ticket number: given at the start]"),
          "code": ("〔开始后给出预约码〕", "[booking code: given at the start]")}


class StudyController(QObject):
    """One study's participants, one at a time. Signals for the facilitator window:
    ``kiosk_changed(window)`` a kiosk was built (a participant, or a condition block, began);
    ``heard(Event)`` every event recorded; ``task_ended(Ended)``; ``changed()`` anything the
    facilitator shows (task, questionnaire, condition, participant); ``ticked()`` the clock."""

    kiosk_changed = Signal(object)
    heard = Signal(object)
    task_ended = Signal(object)
    changed = Signal()
    ticked = Signal()
    problem = Signal(str)  # something the facilitator must know (a task's set-up failed …)

    def __init__(self, study: Study, directory: Path, make_kiosk: KioskFactory,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None, language: str = "zh_CN"):
        super().__init__(parent)
        self.study, self.directory, self.make_kiosk, self.clock = study, Path(directory), make_kiosk, clock
        self.language = language  # the hall's: a condition that names none runs in it
        self.code = ""
        self.plan: Plan | None = None
        self.session: Session | None = None
        self.kiosk = None  # the KioskWindow of the block running
        self.store = None
        self.recorder = None
        self.faults = None  # the kiosk's FaultSwitch
        self.questionnaire = None  # the questionnaire overlay on the kiosk
        self.asking = False  # a questionnaire is open on the kiosk
        self.placeholders: dict[str, str] = {}  # {ticket}, {code} of the running task's set-up
        self.last: Ended | None = None  # the last task ended
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    # --- participants ----------------------------------------------------------------------------

    def open(self, code: str) -> None:
        """Begin ``code``'s session: their folder, record, plan, and the kiosk of their first block."""
        code = check_code(self.directory, code)
        self._copy_study()
        folder = participant_dir(self.directory, code)
        if folder.exists():  # a folder without a record: left over from a start that failed; begin afresh
            shutil.rmtree(folder)
        (folder / "hall").mkdir(parents=True, mode=0o700)
        started = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
        writer = RecordWriter(folder / "events.jsonl", {"study": self.study.id, "participant": code, "started": started})
        self.code, self.plan = code, plan_for(self.study, code)
        self.session = Session(self.study, self.plan, writer, self.clock)
        self.session.listeners.append(self._heard)
        self.session.ended_listeners.append(self._ended)
        self.last, self.placeholders = None, {}
        self.session.begin(conditions=",".join(b.condition.id for b in self.plan.blocks), language=self.language)
        self.session.enter_condition()
        self._build_kiosk()
        self.timer.start()
        self.changed.emit()

    def close(self, reason: str = "closed") -> None:
        """End the participant's session (a task running is recorded as skipped, every fault is
        switched off) and close their kiosk and hall."""
        self.timer.stop()
        if self.session is not None and not self.session.finished:
            self._all_faults_off()
            self.session.finish(reason)
        self._close_kiosk()
        self.session = None
        self.changed.emit()

    def next_participant(self, code: str) -> None:
        """One action between participants: this one's session ends, their kiosk and hall are
        closed, and ``code`` begins on a fresh hall. A code that cannot be used changes nothing."""
        code = check_code(self.directory, code)
        self.close("next")
        self.open(code)

    def delete(self, code: str) -> list[Path]:
        """Remove ``code``'s folder entirely (not the participant running). Returns what was there."""
        if code == self.code and self.session is not None:
            raise ParticipantError(f"{code} is the participant running; begin the next one first")
        return delete_participant(self.directory, code)

    def _copy_study(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        source = self.study.source
        if source is not None and Path(source).is_file():
            shutil.copyfile(source, self.directory / "study.yaml")

    # --- the kiosk of a condition block -----------------------------------------------------------

    @property
    def condition(self) -> Condition | None:
        return self.session.condition if self.session is not None else None

    @property
    def block(self) -> int:
        """The condition block in force (1-based; 0 before any)."""
        cond = self.condition
        if self.plan is None or cond is None:
            return 0
        return next((n for n, b in enumerate(self.plan.blocks, start=1) if b.condition.id == cond.id), 0)

    def _build_kiosk(self) -> None:
        cond = self.condition
        assert self.session is not None and cond is not None
        window, store = self.make_kiosk(participant_dir(self.directory, self.code) / "hall", cond)
        self.kiosk, self.store = window, store
        hall = window.desk.hall
        voice = cond.voice if cond.voice is not None else cond.elder
        window.defaults = (cond.language or hall.language, cond.elder, voice)  # a visit ends back in the condition
        self.recorder, self.faults = _instrument(window, self.session,
                                                 participant_dir(self.directory, self.code) / "screens")
        from kiosk.ui.study.questionnaire import Questionnaire

        self.questionnaire = Questionnaire(window)
        self.questionnaire.answered.connect(self._answered)
        self.kiosk_changed.emit(window)

    def _close_kiosk(self) -> None:
        window, store = self.kiosk, self.store
        recorder = self.recorder
        self.kiosk = self.store = self.recorder = self.faults = self.questionnaire = None
        self.asking = False
        if recorder is not None:
            recorder.detach()
        if window is not None:
            window.close()
            window.deleteLater()
        if store is not None:
            try:
                store.close()
            except StoreError as exc:  # the record is what matters; the hall is thrown away
                log.warning("closing a participant's hall: %s", exc)

    def _next_block(self) -> None:
        """The block is over: the next condition's kiosk (the same participant's hall)."""
        assert self.session is not None
        self._all_faults_off()
        self._close_kiosk()
        self.session.enter_condition()
        self._build_kiosk()

    # --- tasks -------------------------------------------------------------------------------------

    @property
    def task(self) -> Task | None:
        """The task running, else the next one."""
        if self.session is None:
            return None
        if self.session.task is not None:
            return self.session.task
        step = self.session.next_step
        return step[1] if step is not None else None

    @property
    def can_start(self) -> bool:
        s = self.session
        return s is not None and not s.finished and s.task is None and not self.asking and s.next_step is not None

    def start_task(self) -> Task | None:
        """开始: the task's set-up in the participant's hall, then its clock starts."""
        s = self.session
        if not self.can_start or s is None:
            return None
        if s.condition_changes:
            self._next_block()
        step = s.next_step
        assert step is not None
        try:
            self.placeholders = self._set_up(step[1])
        except (HallError, StoreError) as exc:
            log.error("set-up of task %s failed: %s", step[1].id, exc)
            self.problem.emit(f"{step[1].id}: {exc}")
            return None
        task = s.start_task()
        self.changed.emit()
        return task

    def end_task(self, outcome: Outcome) -> Ended | None:
        """成功 / 失败 / 跳过 by the facilitator."""
        if self.session is None or self.session.task is None:
            return None
        return self.session.end_task(outcome, by="facilitator")

    def note(self, text: str) -> Event | None:
        text = " ".join(text.split())
        if not text or self.session is None or self.session.finished:
            return None
        return self.session.note(text)

    def tick(self) -> None:
        if self.session is not None and not self.session.finished:
            self.session.tick()
        self.ticked.emit()

    def instructions(self, task: Task, english: bool) -> str:
        """The task's words with its set-up filled in ({ticket}, {code}); before the task starts,
        a mark in the words' own language says the value comes with 开始 (never a raw {ticket})."""
        text = _CJK_GAP.sub("", task.text(english))  # a folded YAML line leaves a space between Chinese words
        running = self.session is not None and self.session.task is task
        for key, later in _LATER.items():
            value = self.placeholders.get(key) if running else None
            text = text.replace("{" + key + "}", value if value is not None else later[english])
        return text

    def _set_up(self, task: Task) -> dict[str, str]:
        """What the task needs in the hall before it starts: a service just finished (to rate) or
        an appointment booked for now (to check in)."""
        window = self.kiosk
        assert window is not None
        out: dict[str, str] = {}
        for setup in task.setup:
            if setup.kind is SetupKind.SERVED:
                slip = window.desk.issue(Request(item_code=setup.item))
                counter = Counter(window.desk.store, window.desk.hall, setup.window, window.desk.clock)
                counter.call_number(slip.ticket.number)
                counter.start()
                counter.finish()
                out["ticket"] = slip.ticket.number
            elif setup.kind is SetupKind.APPOINTMENT:
                now = window.desk.clock()
                new = booking(now.date(), now.time().replace(second=0, microsecond=0), setup.item, None,
                              SETUP_PERSON.resident_id, SETUP_PHONE, Source.CONSOLE, now)
                (appointment,) = window.promises.book([new])
                out["code"] = appointment.code
        return out

    def _ended(self, ended: Ended) -> None:
        """A task ended (by the kiosk's own event, the facilitator or its time limit): its SEQ,
        and after the block's last task the block's questionnaires, on the kiosk — once the kiosk
        has finished what it was doing (a ticket's slip is shown underneath, and the voice reads
        the question, not the slip)."""
        self.last = ended
        pages: tuple[Question, ...] = seq_after(ended.task.id) if ended.seq else ()
        if ended.block_done and (self.study.design is Design.WITHIN or ended.session_done):
            pages += after_block(self.study.sus, self.study.umux_lite)
        self.asking = bool(pages)  # no task starts meanwhile
        self.task_ended.emit(ended)
        self.changed.emit()
        session = self.session
        QTimer.singleShot(0, self, lambda: self._follow(session, ended, pages))

    def _follow(self, session: Session | None, ended: Ended, pages: tuple[Question, ...]) -> None:
        if session is not self.session or ended is not self.last:  # the participant changed meanwhile
            return
        if pages and self.questionnaire is not None:
            if self.recorder is not None:
                self.recorder.take_pending()  # the screen's first screenshot, before the questionnaire covers it
            self.questionnaire.ask(pages)
        else:
            self.asking = False
            self._after_questions()
        self.changed.emit()

    def _answered(self, answers: list[tuple[Question, int]]) -> None:
        if self.session is not None:
            for q, value in answers:
                self.session.answer(q.instrument.code, q.item, value, q.task)
        self.asking = False
        self._after_questions()
        self.changed.emit()

    def _after_questions(self) -> None:
        s, ended = self.session, self.last
        if s is None or ended is None:
            return
        if self.kiosk is not None:
            self.kiosk.end_visit()  # the next task begins at home, in the condition's language and mode
        if ended.session_done:
            self._all_faults_off()
            s.finish("done")
            self.timer.stop()
        elif ended.block_done:
            self._next_block()

    # --- faults ------------------------------------------------------------------------------------

    def set_fault(self, fault: Fault, on: bool, **param: Scalar) -> bool:
        """Switch a fault on or off in the participant's kiosk, and record it. False: refused
        (no session, or the kiosk could not be broken that way; the log says why)."""
        s = self.session
        if s is None or s.finished:
            return False
        if self.faults is not None:
            try:
                self.faults.set(fault, on, **param)
            except (ValueError, KeyError, StoreError, HallError) as exc:  # FaultError is a ValueError
                self.problem.emit(f"{fault.value}: {exc}")
                return False
        if on:
            s.fault_on(fault, **param)
        else:
            s.fault_off(fault)
        self.changed.emit()
        return True

    def _all_faults_off(self) -> None:
        if self.session is None:
            return
        for fault in list(self.session.faults):
            if self.faults is not None:
                try:
                    self.faults.set(fault, False)
                except Exception:  # a kiosk that is going anyway
                    log.exception("switching %s off", fault.value)
            self.session.fault_off(fault)

    # --- the record ---------------------------------------------------------------------------------

    def _heard(self, event: Event) -> None:
        self.heard.emit(event)


def _instrument(window, session: Session, screens: Path):
    """The recorder (every touch, screen and kiosk event into the session; a screenshot of each
    screen on its first arrival into ``screens``) and the fault switch of ``window``."""
    recorder = Recorder(window, session, screens)
    # the controller records FAULT_ON / FAULT_OFF itself: its session changes with the participant
    faults = FaultSwitch(window, window.desk.store, window.desk.hall, window.desk.clock)
    return recorder, faults


def delete_participant(directory: Path, code: str) -> list[Path]:
    """Remove ``participants/<code>`` entirely; the files that were in it (for the message)."""
    try:
        participant_number(code)
    except ValueError as exc:
        raise ParticipantError(str(exc)) from None
    folder = participant_dir(directory, code)
    if not folder.is_dir():
        raise ParticipantError(f"there is no record of {code} in {directory / 'participants'}")
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    shutil.rmtree(folder)
    return files

