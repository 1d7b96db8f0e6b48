"""The hall's promises as one service the terminals use: 好差评 and its follow-ups, 办不成事 cases,
意见建议, 容缺 commitments, 服务专员 and 移动办公桌, appointments and 零材料 self-service.

Each method applies the rules of its module (feedback, cases, commitments, officers,
appointments, selfservice) and hands the result to the store; a record that comes with a ticket is
stored with it in one transaction. Refusals are the modules' errors, with codes a screen words.
"""

from __future__ import annotations

import datetime as _dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kiosk.domain.appointments import (
    Appointment,
    AppointmentStatus,
    Arrival,
    CheckInCode,
    CheckInError,
    ImportProblem,
    NewAppointment,
    normal_code,
    parse_csv,
    person_hash,
)
from kiosk.domain.cases import (
    Case,
    CaseOutcome,
    Opinion,
    ReportCode,
    ReportError,
    Snag,
    Topic,
    check_case,
    check_opinion,
    check_outcome,
    check_reply,
)
from kiosk.domain.commitments import Applicant, Commitment, CreditList, NewCommitment, commit, load_credit
from kiosk.domain.desk import DuplicateTicket, Request, Slip, TicketDesk
from kiosk.domain.feedback import (
    FollowCode,
    FollowError,
    FollowStatus,
    FollowUp,
    Level,
    Rating,
    Source,
    Tag,
    check_note,
    check_rating,
    due_dates,
)
from kiosk.domain.ids import mask_id, resident_id_problem
from kiosk.domain.lifecycle import Code, HallError, Ticket
from kiosk.domain.officers import NEXT_STATUS, Group, Help, HelpRequest, HelpStatus, Officer, check_help, choose_officer
from kiosk.domain.ports import DuplicateRequest, HallStore, RecordStore
from kiosk.domain.selfservice import NewSelfService, SelfService, result_number, self_serviceable


class Store(HallStore, RecordStore, Protocol):
    """What the promises need: the hall's tickets and the records."""


#: What a slip's QR code carries for rating at the kiosk: "YCTB 2026-12-02 A012".
REF_PREFIX = "YCTB"
_REF = re.compile(rf"{REF_PREFIX}\s+(\d{{4}}-\d{{2}}-\d{{2}})\s+([A-Z]\d{{3,}})")
_NUMBER = re.compile(r"\s*([A-Za-z])\s*-?\s*(\d{1,4})\s*")


def ticket_ref(ticket: Ticket) -> str:
    return f"{REF_PREFIX} {ticket.day} {ticket.number}"


def parse_ref(text: str, today: str) -> tuple[str, str] | None:
    """(day, number) from a slip's QR content or a typed number (A12, a012, A-012: today's)."""
    m = _REF.search(text or "")
    if m:
        return m[1], m[2]
    m = _NUMBER.fullmatch(text or "")
    if m:
        return today, f"{m[1].upper()}{int(m[2]):03d}"
    return None


@dataclass(frozen=True)
class CheckIn:
    """A check-in's outcome: how the arrival relates to the slot, the ticket (None when refused
    for being early: ``opens`` says when to come back)."""

    appointment: Appointment
    arrival: Arrival
    opens: _dt.datetime
    slip: Slip | None = None


class Promises:
    """``credit`` is the demo credit list (read from assets/credit.yaml on first use when not given)."""

    def __init__(self, store: Store, desk: TicketDesk, credit: CreditList | None = None,
                 clock: Callable[[], _dt.datetime] | None = None, rng: random.Random | None = None):
        self.store, self.desk, self._credit = store, desk, credit
        self.hall, self.catalogue = desk.hall, desk.catalogue
        self.clock = clock or desk.clock
        self.calendar = self.hall.promises.calendar()
        self.rng = rng or random.Random()

    @property
    def credit(self) -> CreditList:
        if self._credit is None:
            self._credit = load_credit()
        return self._credit

    def _now(self) -> _dt.datetime:
        return self.clock()

    # --- 好差评 ------------------------------------------------------------------------------------------

    def find_ticket(self, text: str) -> Ticket:
        """The ticket a citizen means by a typed number or the slip's QR content."""
        today = self._now().date().isoformat()
        ref = parse_ref(text, today)
        ticket = self.store.ticket_by_number(*ref) if ref else None
        if ticket is None:
            raise HallError(Code.NO_SUCH_TICKET, number=(text or "").strip()[:16])
        return ticket

    def to_rate(self, window: int) -> Ticket | None:
        """The service a window's rating pad asks about: the latest ticket the window finished
        today, while it has no rating."""
        latest = self.store.last_done(self._now().date().isoformat(), window)
        return None if latest is None or self.store.rating_for(latest.id) else latest

    def rate(self, ticket: Ticket | None, level: Level | int, tags: tuple[Tag, ...] | list[Tag] = (), text: str = "",
             source: Source = Source.PAD) -> Rating:
        now = self._now()
        current = self.store.ticket(ticket.id) if ticket is not None else None
        new = check_rating(current, Level(level), tuple(tags), text, source, now.timestamp(),
                           already_rated=current is not None and self.store.rating_for(current.id) is not None)
        return self.store.add_rating(new, due_dates(now, self.calendar) if new.level.bad else None)

    def follow_ups(self, open_only: bool = True) -> list[FollowUp]:
        return self.store.follow_ups(open_only)

    def called_back(self, follow_id: int, note: str) -> FollowUp:
        """The return call is made: what was said."""
        follow = self._follow(follow_id, FollowStatus.OPEN)
        self.store.update_follow_up(follow.id, FollowStatus.OPEN, status=FollowStatus.CALLED,
                                    called_at=self._now().timestamp(), call_note=check_note(note))
        return self._follow(follow_id)

    def fixed(self, follow_id: int, note: str, after_level: Level | int) -> FollowUp:
        """The rectification is done and the citizen's one follow-up rating recorded."""
        follow = self._follow(follow_id, FollowStatus.CALLED)
        self.store.update_follow_up(follow.id, FollowStatus.CALLED, status=FollowStatus.CLOSED,
                                    closed_at=self._now().timestamp(), fix_note=check_note(note),
                                    after_level=Level(after_level))
        return self._follow(follow_id)

    def _follow(self, follow_id: int, status: FollowStatus | None = None) -> FollowUp:
        follow = self.store.follow_up(follow_id)
        if follow is None:
            raise FollowError(FollowCode.NO_SUCH_FOLLOW_UP)
        if status is not None and follow.status != status:
            raise FollowError(FollowCode.WRONG_STEP)
        return follow

    # --- 办不成事 and 意见箱 ------------------------------------------------------------------------------

    def report_case(self, item_code: str | None, tried: str, snags: tuple[Snag, ...] | list[Snag], text: str,
                    contact: str = "") -> tuple[Case, Slip]:
        """Open a 办不成事 case with its D ticket for the 办不成事 专窗."""
        now = self._now()
        if item_code and item_code not in self.catalogue.by_code:
            raise HallError(Code.NO_SUCH_REQUEST, request=item_code)
        new = check_case(now.timestamp(), now.date().isoformat(), item_code, tried, snags, text, contact)
        case = self.store.open_case(new, self.desk.new_ticket(Request(category="cannot_do")))
        ticket = self.store.ticket(case.ticket_id or 0)
        assert ticket is not None
        return case, self.desk.slip(ticket)

    def close_case(self, case_id: int, outcome: CaseOutcome | str | None, note: str) -> None:
        if not any(c.id == case_id for c in self.store.cases(open_only=True)):
            raise ReportError(ReportCode.CLOSED if any(c.id == case_id for c in self.store.cases())
                              else ReportCode.NO_SUCH_RECORD)
        result, cleaned = check_outcome(outcome, note)
        self.store.close_case(case_id, result, cleaned, self._now().timestamp())

    def case_for(self, ticket_id: int) -> Case | None:
        found = self.store.cases(ticket_id=ticket_id)
        return found[-1] if found else None

    def leave_opinion(self, topic: Topic | str, text: str, contact: str = "") -> Opinion:
        now = self._now()
        return self.store.add_opinion(check_opinion(now.timestamp(), now.date().isoformat(), topic, text, contact))

    def cases(self, open_only: bool = False) -> list[Case]:
        return self.store.cases(open_only=open_only)

    def opinions(self, open_only: bool = False) -> list[Opinion]:
        return self.store.opinions(open_only)

    def answer_opinion(self, opinion_id: int, reply: str) -> None:
        """The opinion is answered with ``reply`` (its contact number is erased). ReportError
        CLOSED when it already was, NO_SUCH_RECORD, TEXT for a reply that cannot be kept;
        StaleRecord when another terminal answered it a moment before."""
        if not any(o.id == opinion_id for o in self.store.opinions(open_only=True)):
            raise ReportError(ReportCode.CLOSED if any(o.id == opinion_id for o in self.store.opinions())
                              else ReportCode.NO_SUCH_RECORD)
        self.store.close_opinion(opinion_id, check_reply(reply), self._now().timestamp())

    def next_reception(self) -> _dt.datetime | None:
        return self.hall.reception.next(self._now()) if self.hall.reception else None

    # --- 容缺 + 承诺 + 信用 ---------------------------------------------------------------------------

    def deferral(self, item_code: str, missing: tuple[str, ...] | list[str], kind: Applicant,
                 code: str) -> NewCommitment:
        """The commitment the applicant would sign (its due date, their name): CommitmentError
        says why it cannot be accepted (not in good standing, a core material …)."""
        item = self.catalogue.by_code.get(item_code)
        if item is None:
            raise HallError(Code.NO_SUCH_REQUEST, request=item_code)
        return commit(item, missing, kind, code, self.credit, self._now(), self.calendar,
                      self.hall.promises.deferral_days)

    def commit(self, item_code: str, missing: tuple[str, ...] | list[str], kind: Applicant, code: str,
               resident_id: str | None = None) -> tuple[Commitment, Slip]:
        """Accept the item with ``missing`` left out on the commitment, and issue its ticket.
        ``resident_id`` (a person applying) keys the one-ticket rule; DuplicateTicket when held."""
        new = self.deferral(item_code, missing, kind, code)
        if kind == Applicant.PERSON:
            resident_id = resident_id or code
        ticket = self.desk.new_ticket(Request(item_code=item_code), resident_id)
        try:
            commitment, issued = self.store.commit_deferral(new, ticket)
        except DuplicateRequest as dup:
            raise DuplicateTicket(dup.ticket) from None
        return commitment, self.desk.slip(issued)

    def commitments(self, open_only: bool = True) -> list[Commitment]:
        return self.store.commitments(open_only)

    def overdue_commitments(self) -> list[Commitment]:
        now = self._now().timestamp()
        return [c for c in self.store.commitments(open_only=True) if c.overdue(now)]

    def commitment_for(self, ticket_id: int) -> Commitment | None:
        found = self.store.commitments(ticket_id=ticket_id)
        return found[-1] if found else None

    # --- 服务专员 and 移动办公桌 -----------------------------------------------------------------------

    def request_help(self, kind: Help, group: Group, item_code: str | None = None, address: str = "",
                     contact: str = "") -> tuple[HelpRequest, Slip | None]:
        """A 服务专员 for ``group`` (with an E ticket for 帮办代办), or a 移动办公桌 home visit (no ticket)."""
        now = self._now()
        if item_code and item_code not in self.catalogue.by_code:
            raise HallError(Code.NO_SUCH_REQUEST, request=item_code)
        counts: dict[str, int] = {}
        for r in self.store.help_requests(open_only=True):
            counts[r.officer_id] = counts.get(r.officer_id, 0) + 1
        officer = choose_officer(self.hall.officers, Group(group), counts)
        new = check_help(now.date().isoformat(), now.timestamp(), Help(kind), Group(group), officer, item_code,
                         address, contact)
        ticket = self.desk.new_ticket(Request(category="assist")) if new.kind == Help.OFFICER else None
        req = self.store.request_help(new, ticket)
        issued = self.store.ticket(req.ticket_id) if req.ticket_id else None
        return req, self.desk.slip(issued) if issued else None

    def officer(self, officer_id: str) -> Officer | None:
        return next((o for o in self.hall.officers if o.id == officer_id), None)

    def advance_help(self, help_id: int) -> HelpStatus:
        req = next((r for r in self.store.help_requests() if r.id == help_id), None)
        if req is None:
            raise ReportError(ReportCode.NO_SUCH_RECORD)
        to = NEXT_STATUS.get(req.status)
        if to is None:
            raise ReportError(ReportCode.CLOSED)
        self.store.advance_help(help_id, req.status, to, self._now().timestamp())
        return to

    # --- 预约签到 -----------------------------------------------------------------------------------

    def import_appointments(self, text: str) -> tuple[list[Appointment], list[ImportProblem]]:
        """Every appointment of a CSV file, or none with every problem (line, column)."""
        now = self._now()

        def booked(new: NewAppointment) -> str | None:
            return next((a.code for a in self.store.appointments_of(new.person_hash, new.day)
                         if a.slot == new.slot and a.status != AppointmentStatus.CANCELLED), None)

        news, problems = parse_csv(text, set(self.catalogue.by_code), now.date(), now, self.hall.calling_at, booked)
        if problems:
            return [], problems
        return self.store.add_appointments(news), []

    def book(self, news: list[NewAppointment]) -> list[Appointment]:
        return self.store.add_appointments(news)

    def find_appointment(self, code: str = "", resident_id: str = "", phone: str = "") -> Appointment:
        """By code, or by ID + phone (today's first booked one): CheckInError NOT_FOUND otherwise."""
        today = self._now().date().isoformat()
        if code:
            found = self.store.appointment_by_code(normal_code(code))
            if found is None:
                raise CheckInError(CheckInCode.NOT_FOUND)
            return found
        if resident_id_problem(resident_id, self._now().date()):
            raise HallError(Code.INVALID_ID)
        mine = self.store.appointments_of(person_hash(resident_id, phone, today), today)
        booked = [a for a in mine if a.status == AppointmentStatus.BOOKED]
        if not (booked or mine):
            raise CheckInError(CheckInCode.NOT_FOUND)
        return (booked or mine)[0]

    def check_in(self, appointment: Appointment, take_ordinary: bool = False,
                 resident_id: str | None = None) -> CheckIn:
        """Check ``appointment`` in. On time: a ticket with the appointment's priority. Late: an
        ordinary ticket. Early: no ticket (``opens`` says when), unless ``take_ordinary``.
        Another day: refused (CheckInError / the arrival says which)."""
        from kiosk.domain.appointments import arrival as arrival_of

        now = self._now()
        current = self.store.appointment_by_code(appointment.code) or appointment
        if current.status == AppointmentStatus.CHECKED_IN:
            raise CheckInError(CheckInCode.ALREADY, current)
        if current.status == AppointmentStatus.CANCELLED:
            raise CheckInError(CheckInCode.CANCELLED, current)
        how, opens = arrival_of(current, now, self.hall.policy.appointment_grace_minutes)
        if how in (Arrival.EXPIRED, Arrival.OTHER_DAY) or (how == Arrival.EARLY and not take_ordinary):
            return CheckIn(current, how, opens)
        req = Request(item_code=current.item_code, category=current.category)
        ticket = self.desk.new_ticket(req, resident_id, appointment_at=current.slot if how == Arrival.ON_TIME else None)
        try:
            done, issued = self.store.check_in(current.id, ticket, now.timestamp())
        except DuplicateRequest as dup:
            raise DuplicateTicket(dup.ticket) from None
        return CheckIn(done, how, opens, self.desk.slip(issued))

    # --- 零材料 self-service -------------------------------------------------------------------------

    def self_serve(self, item_code: str, resident_id: str) -> SelfService:
        """Complete a 零材料 item at the kiosk and record it as served."""
        now = self._now()
        item = self.catalogue.by_code.get(item_code)
        if item is None or not self_serviceable(item):
            raise HallError(Code.NO_SUCH_REQUEST, request=item_code)
        if resident_id_problem(resident_id, now.date()):
            raise HallError(Code.INVALID_ID)
        return self.store.add_self_service(NewSelfService(now.date().isoformat(), now.timestamp(), item.code,
                                                          mask_id(resident_id), result_number(item, now, self.rng)))
