"""The hall's promises in the simulated day (Qt-free): what citizens and staff do besides taking
and serving tickets, at rates a well-run hall sees.

- 好差评: most services are rated at the window's pad a little after they end; about one in a
  hundred is a 差评 (with its tags), and its return call is made a few hours later.
- 办不成事: visitors for the 办不成事 专窗 file their case at the kiosk (its D ticket), and the
  window closes it with an outcome when the service ends.
- 服务专员: green-channel visitors for 帮办代办 ask for their group's officer (the E ticket comes
  with the request), and the officer's list moves on when the service ends; one 移动办公桌 home
  visit is asked for on a typical day.
- 预约: visitors who booked have an appointment made the day before and check in on arrival.
- 容缺: some visitors for an item with a 容缺 material commit to bring it later (demo persons in
  good standing).
- 意见建议 and 零材料 self-service at the kiosk at a few moments of the day.

Everything is drawn from its own ``random.Random`` (the seed and "promises"), so the day's
queue — arrivals, waits, services — is the same with or without the promises.
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field

from kiosk.domain.appointments import Source as AppointmentSource
from kiosk.domain.appointments import booking
from kiosk.domain.cases import CaseOutcome, Snag, Topic
from kiosk.domain.commitments import Applicant, CommitmentError
from kiosk.domain.desk import DeskError, Slip
from kiosk.domain.feedback import Level, Source, Tag, tags_for
from kiosk.domain.ids import id_check_char
from kiosk.domain.lifecycle import HallError
from kiosk.domain.officers import Group, Help
from kiosk.domain.personas import PERSONAS
from kiosk.domain.ports import StoreError
from kiosk.domain.promises import Promises
from kiosk.domain.selfservice import self_serviceable
from kiosk.sim.simulation import Served, Simulation, Visitor

RATED = 0.72  # of services rated at the pad (一次一评 is asked, not forced)
LEVELS = ((Level.VERY_SATISFIED, 0.86), (Level.SATISFIED, 0.095), (Level.FAIR, 0.03),
          (Level.DISSATISFIED, 0.01), (Level.VERY_DISSATISFIED, 0.005))
CALLED_BACK = (60, 240)  # minutes after a 差评 until the return call
DEFERRING = 0.2  # of visitors for an item with a 容缺 material who leave one out on a commitment
OPINIONS = 2  # expected 意见建议 a day
SELF_SERVICES = 6  # expected 零材料 self-services at the kiosk a day
HOME_VISITS = 1  # expected 移动办公桌 requests a day
GROUPS = {"elder": Group.ELDER, "veteran": Group.VETERAN, "investor": Group.FOREIGN_INVESTOR,
          "disabled": Group.ELDER}
CASE_WORDS = ("办理营业执照变更", "申请困难补助", "开具无房证明", "跨省转移社保", "补办出生证明")
OPINION_WORDS = ("希望周六多开一个窗口", "二楼指示牌不够清楚", "自助机打印纸快用完了", "窗口服务很耐心，点赞",
                 "建议增加老年人休息座椅")
VILLAGES = ("新镇村", "金华村", "姜杭村")


def _person(rng: random.Random) -> str:
    """A random, valid resident ID of a 昆山 resident born 1950–2000 (never a real person's on purpose)."""
    born = _dt.date(1950, 1, 1) + _dt.timedelta(days=rng.randrange(50 * 365))
    first17 = f"320583{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_char(first17)


def _phone(rng: random.Random) -> str:
    return f"139{rng.randrange(10 ** 8):08d}"


@dataclass
class SimulatedPromises:
    """Attach to a Simulation with :meth:`attach`; ``log`` says what was done, for tests and demos."""

    promises: Promises
    rng: random.Random = field(default_factory=random.Random)
    log: list[tuple[str, str]] = field(default_factory=list)  # (what, number or code)
    _booked: dict[int, object] = field(default_factory=dict)  # id(visitor) -> appointment

    def attach(self, sim: Simulation) -> None:
        self.rng = random.Random(f"{sim.seed}/{sim.scenario.visitors_of}/promises")
        sim.issue_ticket = self.issue
        sim.after_service.append(self.after_service)
        self._book(sim)
        if sim.periods:
            opening, closing = sim.opening, sim.closing
            span = (closing - opening).total_seconds()
            for what, expected, action in (("opinion", OPINIONS, self._opinion),
                                           ("self-service", SELF_SERVICES, self._self_service),
                                           ("home visit", HOME_VISITS, self._home_visit)):
                n = int(expected) + (self.rng.random() < expected - int(expected))
                for _ in range(n):
                    at = opening + _dt.timedelta(seconds=span * self.rng.random())
                    sim.schedule(at, what, action)

    # --- before the day: appointments booked the day before ---------------------------------------

    def _book(self, sim: Simulation) -> None:
        booked_at = _dt.datetime.combine(sim.day - _dt.timedelta(days=1), _dt.time(15, 0))
        news, visitors = [], []
        for v in sim.visitors:
            if v.appointment_offset is None:
                continue
            slot = v.at + _dt.timedelta(seconds=v.appointment_offset)
            slot = slot.replace(second=0, microsecond=0) - _dt.timedelta(minutes=slot.minute % 15)
            news.append(booking(sim.day, slot.time(), v.request.item_code,
                                None if v.request.item_code else v.category, _person(self.rng),
                                _phone(self.rng), AppointmentSource.SIMULATED, booked_at))
            visitors.append(v)
        try:
            for v, appointment in zip(visitors, self.promises.book(news)):
                self._booked[id(v)] = appointment
        except (StoreError, HallError) as exc:
            self.log.append((f"booking failed: {exc}", ""))

    # --- arrivals -------------------------------------------------------------------------------------

    def issue(self, sim: Simulation, v: Visitor) -> Slip | None:
        """The visitor's ticket, through the promise they come for; None: the plain ticket."""
        p = self.promises
        rng = self.rng
        if v.category == "cannot_do":
            item = rng.choice(sim.catalogue.items).code if rng.random() < 0.5 else None
            snags = rng.sample(list(Snag), rng.randint(1, 2))
            case, slip = p.report_case(item, "" if item else rng.choice(CASE_WORDS), snags, "")
            self.log.append(("case", case.number))
            return slip
        if v.category == "assist" and v.persona in GROUPS:
            request, slip = p.request_help(Help.OFFICER, GROUPS[v.persona], v.request.item_code)
            self.log.append(("officer", request.number))
            return slip
        appointment = self._booked.get(id(v))
        if appointment is not None:
            checked = p.check_in(appointment, take_ordinary=True)  # type: ignore[arg-type]
            self.log.append((f"check-in {checked.arrival.value}", appointment.code))  # type: ignore[attr-defined]
            return checked.slip
        item = sim.catalogue.by_code.get(v.request.item_code or "")
        deferrable = [m.name for m in item.materials if m.deferrable] if item else []
        if item and deferrable and rng.random() < DEFERRING:
            who = rng.choice(PERSONAS)
            try:
                commitment, slip = p.commit(item.code, deferrable[:1], Applicant.PERSON, who.resident_id)
            except (CommitmentError, DeskError):
                return None  # not in good standing, or already holds a ticket for it: the plain path
            self.log.append(("commitment", commitment.number))
            return slip
        return None

    # --- after a service ------------------------------------------------------------------------------

    def after_service(self, sim: Simulation, served: Served) -> None:
        t = served.ticket
        if t.category == "cannot_do":
            case = self.promises.case_for(t.id)
            if case is not None:
                outcome = self.rng.choices(list(CaseOutcome), (0.5, 0.25, 0.15, 0.1))[0]
                self.promises.close_case(case.id, outcome, "")
                self.log.append(("case closed", t.number))
        if t.category == "assist":
            for r in self.promises.store.help_requests(open_only=True):
                if r.ticket_id == t.id:
                    self.promises.advance_help(r.id)
                    self.promises.advance_help(r.id)
        if self.rng.random() < RATED:
            delay = _dt.timedelta(seconds=self.rng.uniform(15, 60))
            level = self.rng.choices([lv for lv, _ in LEVELS], [w for _, w in LEVELS])[0]
            sim.schedule(sim.clock() + delay, f"rate {t.number}", lambda: self._rate(sim, t, level))

    def _rate(self, sim: Simulation, ticket, level: Level) -> None:
        tags: list[Tag] = list(self.rng.sample(tags_for(level), self.rng.randint(0, 2)))
        if level.bad and not tags:
            tags = [self.rng.choice(tags_for(level))]
        try:
            self.promises.rate(ticket, level, tags, "", Source.SIMULATED)
        except Exception as exc:
            self.log.append((f"rating refused: {exc}", ticket.number))
            return
        self.log.append((f"rated {int(level)}", ticket.number))
        if level.bad:
            minutes = self.rng.uniform(*CALLED_BACK)
            sim.schedule(sim.clock() + _dt.timedelta(minutes=minutes), f"call back {ticket.number}",
                         lambda: self._call_back(ticket.number))

    def _call_back(self, number: str) -> None:
        for f in self.promises.follow_ups():
            if f.number == number and f.status.value == "open":
                self.promises.called_back(f.id, "已回访致歉，说明整改安排")
                self.log.append(("called back", number))

    # --- at the kiosk ---------------------------------------------------------------------------------

    def _opinion(self) -> None:
        contact = _phone(self.rng) if self.rng.random() < 0.4 else ""
        opinion = self.promises.leave_opinion(self.rng.choice(list(Topic)), self.rng.choice(OPINION_WORDS), contact)
        self.log.append(("opinion", str(opinion.id)))

    def _self_service(self) -> None:
        items = [i for i in self.promises.catalogue.items if self_serviceable(i)]
        if items:
            done = self.promises.self_serve(self.rng.choice(items).code, _person(self.rng))
            self.log.append(("self-service", done.result))

    def _home_visit(self) -> None:
        request, _ = self.promises.request_help(Help.HOME_VISIT, Group.ELDER, None,
                                                f"{self.rng.choice(VILLAGES)} {self.rng.randint(1, 80)} 号",
                                                _phone(self.rng))
        self.log.append(("home visit", str(request.id)))
