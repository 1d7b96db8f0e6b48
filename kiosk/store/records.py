"""The hall's promises in the SQL store (see :class:`kiosk.domain.ports.RecordStore`): ratings and
their follow-ups, 办不成事 cases, opinions, 容缺 commitments, 服务专员 requests, appointments and
零材料 self-services. Mixed into :class:`kiosk.store.db.SqlStore`, so every write holds the hall's
write lock and a record that comes with a ticket is stored with it in one transaction: nothing is
half-stored. Each write also appends to ``record_log``, the promises' change feed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Table, and_, case, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from kiosk.domain.appointments import Appointment, AppointmentStatus, NewAppointment, Source
from kiosk.domain.cases import Case, CaseOutcome, NewCase, NewOpinion, Opinion, RecordStatus, Snag, Topic
from kiosk.domain.commitments import Applicant, Commitment, CommitStatus, NewCommitment
from kiosk.domain.feedback import FollowStatus, FollowUp, Level, NewRating, Rating, RatingCode, RatingError, Tag
from kiosk.domain.feedback import Source as RatingSource
from kiosk.domain.lifecycle import NewTicket, Ticket
from kiosk.domain.officers import Group, Help, HelpRequest, HelpStatus, NewHelp
from kiosk.domain.ports import RecordKind, StaleRecord
from kiosk.domain.selfservice import NewSelfService, SelfService
from kiosk.store.schema import (
    appointments,
    cases,
    commitments,
    follow_ups,
    help_requests,
    opinions,
    ratings,
    record_log,
    self_services,
)

T = TypeVar("T")


def _codes(values: Sequence[Any]) -> str:
    return ",".join(str(v) for v in values)


def _split(text: str | None) -> list[str]:
    return [v for v in (text or "").split(",") if v]


def _log(conn: Connection, kind: RecordKind, record_id: int) -> None:
    conn.execute(insert(record_log).values(kind=kind.value, record_id=record_id, at=time.time()))


def _add(conn: Connection, table: Table, kind: RecordKind, values: dict[str, Any]) -> int:
    rid = int(conn.execute(insert(table).values(**values).returning(table.c.id)).scalar_one())
    _log(conn, kind, rid)
    return rid


class RecordTables:
    """The record methods of SqlStore (it provides ``_write``, ``_read`` and ``_issue_in``)."""

    if TYPE_CHECKING:
        def _write(self, work: Callable[[Connection], T]) -> T: ...

        def _read(self) -> AbstractContextManager[Connection]: ...

        def _issue_in(self, conn: Connection, new: NewTicket) -> Ticket: ...

        def _issued(self, work: Callable[[Connection], T], new: NewTicket) -> T: ...

    def _guarded_update(self, table: Table, kind: RecordKind, record_id: int, status_from: str,
                        values: dict[str, Any]) -> None:
        """Change one record if it still has ``status_from`` (else StaleRecord: someone else did it first)."""
        def work(conn: Connection) -> None:
            done = conn.execute(update(table).where(table.c.id == record_id, table.c.status == status_from)
                                .values(**values)).rowcount
            if done != 1:
                raise StaleRecord(kind, record_id)
            _log(conn, kind, record_id)

        self._write(work)

    # --- 好差评 ------------------------------------------------------------------------------------------

    def add_rating(self, new: NewRating, dues: tuple[float, float] | None = None) -> Rating:
        """Store a rating (and, with ``dues``, open its follow-up in the same transaction). The
        unique key on the ticket refuses a second rating from any terminal: RatingError ALREADY_RATED."""
        values = asdict(new)
        values.update(level=int(new.level), tags=_codes(new.tags), source=new.source.value)

        def work(conn: Connection) -> int:
            rid = _add(conn, ratings, RecordKind.RATING, values)
            if dues is not None:
                _add(conn, follow_ups, RecordKind.FOLLOW_UP, dict(
                    rating_id=rid, opened_at=new.at, call_due=dues[0], fix_due=dues[1],
                    status=FollowStatus.OPEN.value))
            return rid

        try:
            rid = self._write(work)
        except IntegrityError:
            raise RatingError(RatingCode.ALREADY_RATED, number=new.number) from None
        return Rating(**{f.name: getattr(new, f.name) for f in fields(NewRating)}, id=rid)

    def last_done(self, day: str, window: int) -> Ticket | None:
        """The ticket ``window`` finished last on ``day`` (what its rating pad asks about)."""
        from kiosk.store.db import _ticket
        from kiosk.store.schema import tickets

        t = tickets.c
        with self._read() as conn:
            row = conn.execute(select(tickets).where(t.day == day, t.window == window, t.status == "done")
                               .order_by(t.started_at.desc(), t.id.desc()).limit(1)).first()
        return _ticket(row) if row else None

    def rating_for(self, ticket_id: int) -> Rating | None:
        with self._read() as conn:
            row = conn.execute(select(ratings).where(ratings.c.ticket_id == ticket_id)).first()
        return _rating(row._mapping) if row else None

    def ratings_between(self, first: str, last: str) -> list[Rating]:
        with self._read() as conn:
            rows = conn.execute(select(ratings).where(ratings.c.day.between(first, last)).order_by(ratings.c.id))
            return [_rating(r._mapping) for r in rows]

    def rating_groups(self, first: str, last: str) -> list[tuple[str, int | None, str, str | None, int, int]]:
        """(day, window, category, item code, level, ratings) for the days ``first``..``last``."""
        r = ratings.c
        keys = (r.day, r.window, r.category, r.item_code, r.level)
        with self._read() as conn:
            return [(d, w, c, i, int(lv), int(n)) for d, w, c, i, lv, n in conn.execute(
                select(*keys, func.count()).where(r.day.between(first, last)).group_by(*keys))]

    def follow_up_groups(self, first: str, last: str, now: float) -> list[tuple[str, int | None, str, str | None, str,
                                                                                 int]]:
        """(day, window, category, item code, state, follow-ups) of the 差评 of the services of
        ``first``..``last``, the
        state as of ``now`` (kiosk.domain.stats.FollowState): on_time (closed, called and fixed
        by their dues), late (called or fixed after its due), overdue (the step due now is late),
        pending (in time, not done yet)."""
        f, r = follow_ups.c, ratings.c
        called_late = and_(f.called_at.is_not(None), f.called_at > f.call_due)
        state = case(
            (and_(f.status == FollowStatus.CLOSED.value, f.called_at <= f.call_due, f.closed_at <= f.fix_due),
             "on_time"),
            (or_(called_late, f.closed_at > f.fix_due), "late"),
            (or_(and_(f.status == FollowStatus.OPEN.value, f.call_due < now),
                 and_(f.status == FollowStatus.CALLED.value, f.fix_due < now)), "overdue"),
            else_="pending")
        keys = (r.day, r.window, r.category, r.item_code, state)
        with self._read() as conn:
            return [(d, w, c, i, st, int(n)) for d, w, c, i, st, n in conn.execute(
                select(*keys, func.count()).select_from(follow_ups.join(ratings))
                .where(r.day.between(first, last)).group_by(*keys))]

    def follow_ups(self, open_only: bool = True) -> list[FollowUp]:
        q = select(follow_ups, ratings.c.number, ratings.c.window, ratings.c.level, ratings.c.tags, ratings.c.text) \
            .select_from(follow_ups.join(ratings))
        if open_only:
            q = q.where(follow_ups.c.status != FollowStatus.CLOSED.value)
        with self._read() as conn:
            return [_follow_up(r._mapping) for r in conn.execute(q.order_by(follow_ups.c.call_due, follow_ups.c.id))]

    def follow_up(self, follow_id: int) -> FollowUp | None:
        return next((f for f in self.follow_ups(open_only=False) if f.id == follow_id), None)

    def update_follow_up(self, follow_id: int, status_from: FollowStatus, **values: Any) -> None:
        values = {k: (v.value if isinstance(v, FollowStatus) else int(v) if isinstance(v, Level) else v)
                  for k, v in values.items()}
        self._guarded_update(follow_ups, RecordKind.FOLLOW_UP, follow_id, status_from.value, values)

    # --- 办不成事 and 意见箱 ------------------------------------------------------------------------------

    def open_case(self, new: NewCase, ticket: NewTicket) -> Case:
        """The case and its D ticket, in one transaction."""
        values = asdict(new)
        values.update(snags=_codes(new.snags), status=RecordStatus.OPEN.value)

        def work(conn: Connection) -> Case:
            t = self._issue_in(conn, ticket)
            cid = _add(conn, cases, RecordKind.CASE, {**values, "ticket_id": t.id, "number": t.number})
            return Case(**{f.name: getattr(new, f.name) for f in fields(NewCase)}, id=cid, ticket_id=t.id,
                        number=t.number)

        return self._write(work)

    def cases(self, open_only: bool = False, ticket_id: int | None = None) -> list[Case]:
        q = select(cases).order_by(cases.c.id)
        if open_only:
            q = q.where(cases.c.status == RecordStatus.OPEN.value)
        if ticket_id is not None:
            q = q.where(cases.c.ticket_id == ticket_id)
        with self._read() as conn:
            return [_case(r._mapping) for r in conn.execute(q)]

    def close_case(self, case_id: int, outcome: CaseOutcome, note: str, now: float) -> None:
        self._guarded_update(cases, RecordKind.CASE, case_id, RecordStatus.OPEN.value, dict(
            status=RecordStatus.CLOSED.value, outcome=outcome.value, outcome_note=note, closed_at=now, contact=""))

    def add_opinion(self, new: NewOpinion) -> Opinion:
        values = asdict(new)
        values.update(topic=new.topic.value, status=RecordStatus.OPEN.value)
        oid = self._write(lambda conn: _add(conn, opinions, RecordKind.OPINION, values))
        return Opinion(**{f.name: getattr(new, f.name) for f in fields(NewOpinion)}, id=oid)

    def opinions(self, open_only: bool = False) -> list[Opinion]:
        q = select(opinions).order_by(opinions.c.id)
        if open_only:
            q = q.where(opinions.c.status == RecordStatus.OPEN.value)
        with self._read() as conn:
            return [_opinion(r._mapping) for r in conn.execute(q)]

    def close_opinion(self, opinion_id: int, reply: str, now: float) -> None:
        self._guarded_update(opinions, RecordKind.OPINION, opinion_id, RecordStatus.OPEN.value, dict(
            status=RecordStatus.CLOSED.value, reply=reply, closed_at=now, contact=""))

    # --- 容缺 commitments ---------------------------------------------------------------------------

    def commit_deferral(self, new: NewCommitment, ticket: NewTicket) -> tuple[Commitment, Ticket]:
        """The commitment and its ticket in one transaction (DuplicateRequest when the person
        already holds a ticket for the item: nothing is stored)."""
        values = asdict(new)
        values.update(materials="\n".join(new.materials), applicant_kind=new.applicant_kind.value,
                      status=CommitStatus.OPEN.value)

        def work(conn: Connection) -> tuple[Commitment, Ticket]:
            t = self._issue_in(conn, ticket)
            cid = _add(conn, commitments, RecordKind.COMMITMENT, {**values, "ticket_id": t.id, "number": t.number})
            return Commitment(**{f.name: getattr(new, f.name) for f in fields(NewCommitment)}, id=cid,
                              ticket_id=t.id, number=t.number), t

        return self._issued(work, ticket)

    def commitments(self, open_only: bool = False, ticket_id: int | None = None) -> list[Commitment]:
        q = select(commitments).order_by(commitments.c.due, commitments.c.id)
        if open_only:
            q = q.where(commitments.c.status == CommitStatus.OPEN.value)
        if ticket_id is not None:
            q = q.where(commitments.c.ticket_id == ticket_id)
        with self._read() as conn:
            return [_commitment(r._mapping) for r in conn.execute(q)]

    def fulfil_commitment(self, commitment_id: int, now: float) -> None:
        self._guarded_update(commitments, RecordKind.COMMITMENT, commitment_id, CommitStatus.OPEN.value,
                             dict(status=CommitStatus.FULFILLED.value, fulfilled_at=now))

    # --- 服务专员 and 移动办公桌 -----------------------------------------------------------------------

    def request_help(self, new: NewHelp, ticket: NewTicket | None) -> HelpRequest:
        values = asdict(new)
        values.update(kind=new.kind.value, group_code=new.group.value, status=HelpStatus.NEW.value)
        del values["group"]

        def work(conn: Connection) -> HelpRequest:
            t = self._issue_in(conn, ticket) if ticket is not None else None
            tid, number = (t.id, t.number) if t else (None, "")
            hid = _add(conn, help_requests, RecordKind.HELP, {**values, "ticket_id": tid, "number": number})
            return HelpRequest(**{f.name: getattr(new, f.name) for f in fields(NewHelp)}, id=hid, ticket_id=tid,
                               number=number)

        return self._write(work)

    def help_requests(self, officer_id: str | None = None, open_only: bool = False) -> list[HelpRequest]:
        q = select(help_requests).order_by(help_requests.c.id)
        if officer_id is not None:
            q = q.where(help_requests.c.officer_id == officer_id)
        if open_only:
            q = q.where(help_requests.c.status != HelpStatus.DONE.value)
        with self._read() as conn:
            return [_help(r._mapping) for r in conn.execute(q)]

    def advance_help(self, help_id: int, status_from: HelpStatus, status_to: HelpStatus, now: float) -> None:
        values: dict[str, Any] = dict(status=status_to.value, updated_at=now)
        if status_to == HelpStatus.DONE:
            values.update(address="", contact="")
        self._guarded_update(help_requests, RecordKind.HELP, help_id, status_from.value, values)

    # --- 预约 ---------------------------------------------------------------------------------------

    def add_appointments(self, news: Sequence[NewAppointment]) -> list[Appointment]:
        """All of ``news`` or none (one transaction)."""
        def work(conn: Connection) -> list[Appointment]:
            out = []
            for new in news:
                values = asdict(new)
                values.update(source=new.source.value, status=AppointmentStatus.BOOKED.value)
                aid = _add(conn, appointments, RecordKind.APPOINTMENT, values)
                out.append(Appointment(**asdict(new), id=aid))
            return out

        return self._write(work)

    def appointment_by_code(self, code: str) -> Appointment | None:
        with self._read() as conn:
            row = conn.execute(select(appointments).where(appointments.c.code == code)).first()
        return _appointment(row._mapping) if row else None

    def appointments_of(self, person_hash: str, day: str) -> list[Appointment]:
        with self._read() as conn:
            return [_appointment(r._mapping) for r in conn.execute(
                select(appointments).where(appointments.c.day == day, appointments.c.person_hash == person_hash)
                .order_by(appointments.c.slot))]

    def appointments_on(self, first: str, last: str | None = None) -> list[Appointment]:
        with self._read() as conn:
            return [_appointment(r._mapping) for r in conn.execute(
                select(appointments).where(appointments.c.day.between(first, last or first))
                .order_by(appointments.c.slot, appointments.c.id))]

    def check_in(self, appointment_id: int, ticket: NewTicket, now: float) -> tuple[Appointment, Ticket]:
        """Mark a booked appointment checked in and issue its ticket, in one transaction
        (StaleRecord when it was checked in or cancelled meanwhile)."""
        def work(conn: Connection) -> tuple[Appointment, Ticket]:
            t = self._issue_in(conn, ticket)
            done = conn.execute(update(appointments).where(
                appointments.c.id == appointment_id, appointments.c.status == AppointmentStatus.BOOKED.value)
                .values(status=AppointmentStatus.CHECKED_IN.value, ticket_id=t.id, number=t.number,
                        checked_in_at=now)).rowcount
            if done != 1:
                raise StaleRecord(RecordKind.APPOINTMENT, appointment_id)
            _log(conn, RecordKind.APPOINTMENT, appointment_id)
            row = conn.execute(select(appointments).where(appointments.c.id == appointment_id)).first()
            assert row is not None
            return _appointment(row._mapping), t

        return self._issued(work, ticket)

    def cancel_appointment(self, appointment_id: int) -> None:
        self._guarded_update(appointments, RecordKind.APPOINTMENT, appointment_id, AppointmentStatus.BOOKED.value,
                             dict(status=AppointmentStatus.CANCELLED.value))

    # --- 零材料 self-service -------------------------------------------------------------------------

    def add_self_service(self, new: NewSelfService) -> SelfService:
        sid = self._write(lambda conn: _add(conn, self_services, RecordKind.SELF_SERVICE, asdict(new)))
        return SelfService(**asdict(new), id=sid)

    def self_services(self, first: str, last: str | None = None) -> list[SelfService]:
        with self._read() as conn:
            return [SelfService(**{k: v for k, v in r._mapping.items()}) for r in conn.execute(
                select(self_services).where(self_services.c.day.between(first, last or first))
                .order_by(self_services.c.id))]

    # --- the change feed ----------------------------------------------------------------------------

    def record_cursor(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.max(record_log.c.id))).scalar() or 0)

    def records_after(self, cursor: int, limit: int = 500) -> tuple[list[tuple[RecordKind, int]], int]:
        """The records changed after ``cursor`` (kind, id), oldest first, and the new cursor."""
        with self._read() as conn:
            rows = conn.execute(select(record_log.c.id, record_log.c.kind, record_log.c.record_id)
                                .where(record_log.c.id > cursor).order_by(record_log.c.id).limit(limit)).all()
        return [(RecordKind(k), int(r)) for _i, k, r in rows], (int(rows[-1][0]) if rows else cursor)


def _rating(m: Any) -> Rating:
    return Rating(ticket_id=int(m["ticket_id"]), day=m["day"], number=m["number"], window=m["window"],
                  category=m["category"], item_code=m["item_code"], bundle_code=m["bundle_code"],
                  level=Level(int(m["level"])), tags=tuple(Tag(t) for t in _split(m["tags"])), text=m["text"] or "",
                  source=RatingSource(m["source"]), at=float(m["at"]), id=int(m["id"]))


def _follow_up(m: Any) -> FollowUp:
    return FollowUp(id=int(m["id"]), rating_id=int(m["rating_id"]), number=m["number"], window=m["window"],
                    level=Level(int(m["level"])), tags=tuple(Tag(t) for t in _split(m["tags"])), text=m["text"] or "",
                    opened_at=float(m["opened_at"]), call_due=float(m["call_due"]), fix_due=float(m["fix_due"]),
                    status=FollowStatus(m["status"]), called_at=m["called_at"], call_note=m["call_note"] or "",
                    closed_at=m["closed_at"], fix_note=m["fix_note"] or "",
                    after_level=Level(int(m["after_level"])) if m["after_level"] is not None else None)


def _case(m: Any) -> Case:
    return Case(at=float(m["at"]), day=m["day"], item_code=m["item_code"], tried=m["tried"] or "",
                snags=tuple(Snag(s) for s in _split(m["snags"])), text=m["text"] or "", contact=m["contact"] or "",
                id=int(m["id"]), ticket_id=m["ticket_id"], number=m["number"] or "", status=RecordStatus(m["status"]),
                outcome=CaseOutcome(m["outcome"]) if m["outcome"] else None, outcome_note=m["outcome_note"] or "",
                closed_at=m["closed_at"])


def _opinion(m: Any) -> Opinion:
    return Opinion(at=float(m["at"]), day=m["day"], topic=Topic(m["topic"]), text=m["text"],
                   contact=m["contact"] or "", anonymous=bool(m["anonymous"]), id=int(m["id"]),
                   status=RecordStatus(m["status"]), reply=m["reply"] or "", closed_at=m["closed_at"])


def _commitment(m: Any) -> Commitment:
    return Commitment(day=m["day"], at=float(m["at"]), item_code=m["item_code"],
                      materials=tuple(x for x in (m["materials"] or "").split("\n") if x),
                      applicant_kind=Applicant(m["applicant_kind"]), applicant=m["applicant"],
                      applicant_name=m["applicant_name"] or "", due=float(m["due"]), id=int(m["id"]),
                      ticket_id=m["ticket_id"], number=m["number"] or "", status=CommitStatus(m["status"]),
                      fulfilled_at=m["fulfilled_at"])


def _help(m: Any) -> HelpRequest:
    return HelpRequest(day=m["day"], at=float(m["at"]), kind=Help(m["kind"]), group=Group(m["group_code"]),
                       officer_id=m["officer_id"], item_code=m["item_code"], address=m["address"] or "",
                       contact=m["contact"] or "", id=int(m["id"]), ticket_id=m["ticket_id"], number=m["number"] or "",
                       status=HelpStatus(m["status"]), updated_at=m["updated_at"])


def _appointment(m: Any) -> Appointment:
    return Appointment(code=m["code"], day=m["day"], slot=float(m["slot"]), item_code=m["item_code"],
                       category=m["category"], person_hash=m["person_hash"], id_masked=m["id_masked"],
                       phone_masked=m["phone_masked"], source=Source(m["source"]), at=float(m["at"]), id=int(m["id"]),
                       status=AppointmentStatus(m["status"]), ticket_id=m["ticket_id"], number=m["number"] or "",
                       checked_in_at=m["checked_in_at"])
