"""The hall's promises: the rules (working days, one rating per ticket, 容缺 eligibility, the
check-in window, free text) and their records through the real store on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_desk

from kiosk.domain.appointments import (
    AppointmentStatus,
    Arrival,
    CheckInCode,
    CheckInError,
    Source,
    booking,
    normal_code,
)
from kiosk.domain.cases import CaseOutcome, RecordStatus, ReportCode, ReportError, Snag, Topic
from kiosk.domain.commitments import Applicant, CommitmentError, Refusal, load_credit
from kiosk.domain.counter import Counter
from kiosk.domain.desk import DuplicateTicket, Request
from kiosk.domain.feedback import (
    FollowCode,
    FollowError,
    FollowStatus,
    Level,
    RatingCode,
    RatingError,
    Tag,
    satisfaction,
    tags_for,
)
from kiosk.domain.freetext import TextProblem, clean_text
from kiosk.domain.ids import uscc_problem
from kiosk.domain.lifecycle import HallError
from kiosk.domain.officers import Group, Help, HelpStatus
from kiosk.domain.personas import persona
from kiosk.domain.ports import RecordKind, StaleRecord
from kiosk.domain.promises import Promises, parse_ref, ticket_ref
from kiosk.domain.selfservice import self_serviceable
from kiosk.domain.workdays import Calendar

GOOD_PERSON = persona("resident").resident_id
BAD_PERSON = "320583198804120067"  # 赵丽: 失信被执行人 in assets/credit.yaml
GOOD_COMPANY = "91320583MA1XYK0A01"
BAD_COMPANY = "91320583MA27FR6N2A"


# --- rules without a store ---------------------------------------------------------------------------------

def test_working_days_skip_weekends_and_holidays():
    cal = Calendar(holidays=frozenset({dt.date(2027, 1, 1)}), workdays=frozenset({dt.date(2027, 1, 9)}))
    friday = dt.datetime(2026, 11, 27, 16, 0)
    assert cal.due(friday, 1) == dt.datetime(2026, 11, 30, 23, 59, 59)  # Monday, end of day
    assert cal.add(friday.date(), 15) == dt.date(2026, 12, 18)  # three weeks of weekdays
    assert cal.add(dt.date(2026, 12, 31), 1) == dt.date(2027, 1, 4)  # New Year's Day is off, then the weekend
    assert cal.add(dt.date(2027, 1, 8), 1) == dt.date(2027, 1, 9)  # a Saturday worked instead (调休)
    saturday = dt.datetime(2026, 11, 28, 10, 0)
    assert cal.due(saturday, 1).date() == dt.date(2026, 11, 30)
    assert cal.between(dt.date(2026, 11, 27), dt.date(2026, 11, 30)) == 1


@pytest.mark.parametrize("text, problem", [
    ("服务很好\n谢谢", None),
    ("  x  ", None),
    ("好评\U0001F600", TextProblem.SYMBOLS),
    ("a\u200fb", TextProblem.CONTROL),  # a right-to-left mark
    ("\u202eabc", TextProblem.CONTROL),  # right-to-left override
    ("a\x07b", TextProblem.CONTROL),
    ("字" * 501, TextProblem.TOO_LONG),
])
def test_free_text_is_kept_or_refused_with_a_reason(text, problem):
    assert clean_text(text)[1] == problem


def test_one_line_fields_refuse_line_breaks_and_required_fields_refuse_blanks():
    assert clean_text("a\nb", multiline=False)[1] == TextProblem.CONTROL
    assert clean_text("   ", required=True)[1] == TextProblem.EMPTY
    assert clean_text("ＡＢ\r\nc")[0] == "ＡＢ\nc"


def test_rating_tags_follow_the_level():
    assert Tag.KIND in tags_for(Level.SATISFIED) and Tag.RUDE not in tags_for(Level.SATISFIED)
    assert Tag.RUDE in tags_for(Level.DISSATISFIED)
    assert satisfaction([5, 4, 3, 2, 1]) == pytest.approx(0.6)
    assert satisfaction([]) is None


def test_ticket_references_from_the_slip_or_typed():
    assert parse_ref("张浦镇政务服务中心\nA012 户籍\nYCTB 2026-11-26 A012", "2026-11-27") == ("2026-11-26", "A012")
    assert parse_ref("a12", "2026-11-27") == ("2026-11-27", "A012")
    assert parse_ref(" B-7 ", "2026-11-27") == ("2026-11-27", "B007")
    assert parse_ref("hello", "2026-11-27") is None


def test_credit_list_is_valid_and_refuses_a_bad_file(tmp_path):
    credit = load_credit()
    assert all(uscc_problem(c) is None for c in credit.records if len(c) == 18 and not c[:6].isdigit())
    bad = tmp_path / "credit.yaml"
    bad.write_text("entries:\n  - {code: '91320583MA1XYK0A02', name: x, name_en: x, standing: good}\n"
                   "  - {code: '320583199505210024', name: y, standing: maybe}\n", encoding="utf-8")
    from kiosk.domain.yamlfile import ValidationError
    with pytest.raises(ValidationError) as info:
        load_credit(bad)
    text = str(info.value)
    assert "credit.yaml:2: code:" in text and "credit.yaml:3: name_en:" in text and "credit.yaml:3: standing:" in text


# --- through the store (SQLite and PostgreSQL) -------------------------------------------------------------

@pytest.fixture
def hall_promises(store, catalogue, hall, clock):
    desk = make_desk(store, catalogue, hall, clock)
    return Promises(store, desk, load_credit()), {n: Counter(store, hall, n, clock) for n in (1, 9, 10)}, clock


def served(promises, counters, clock, window=1, request=None):
    slip = promises.desk.issue(request or Request(category="comprehensive"))
    c = counters[window]
    c.call_next()
    c.start()
    clock.advance(minutes=6)
    c.finish()
    return slip.ticket


def test_one_rating_per_ticket_ever(hall_promises, store_opener):
    promises, counters, clock = hall_promises
    waiting = promises.desk.issue(Request(category="realty")).ticket
    with pytest.raises(RatingError) as e:
        promises.rate(waiting, Level.SATISFIED)
    assert e.value.code == RatingCode.NOT_SERVED
    with pytest.raises(RatingError) as e:
        promises.rate(None, Level.SATISFIED)
    assert e.value.code == RatingCode.NO_SUCH_TICKET
    t = served(promises, counters, clock)
    assert promises.to_rate(1).id == t.id
    rating = promises.rate(t, Level.VERY_SATISFIED, [Tag.KIND, Tag.FAST])
    assert rating.id and promises.to_rate(1) is None
    with pytest.raises(RatingError) as e:
        promises.rate(t, Level.SATISFIED)
    assert e.value.code == RatingCode.ALREADY_RATED
    # another terminal that checked before the first rating landed is refused by the database
    other = store_opener()
    from kiosk.domain.feedback import NewRating
    from kiosk.domain.feedback import Source as RSource
    with pytest.raises(RatingError) as e:
        other.add_rating(NewRating(t.id, t.day, t.number, 1, t.category, None, None, Level.FAIR, (), "", RSource.PAD,
                                   0.0))
    assert e.value.code == RatingCode.ALREADY_RATED
    assert [r.level for r in promises.store.ratings_between(t.day, t.day)] == [Level.VERY_SATISFIED]


def test_a_bad_rating_needs_a_reason_and_opens_a_follow_up(hall_promises):
    promises, counters, clock = hall_promises
    clock.now = dt.datetime(2026, 11, 27, 15, 0)  # a Friday
    t = served(promises, counters, clock)
    for tags, text, code in (([], "", RatingCode.REASON_NEEDED), ([], "   ", RatingCode.REASON_NEEDED),
                             ([Tag.KIND], "", RatingCode.WRONG_TAG), ([], "等太久\u202e", RatingCode.TEXT)):
        with pytest.raises(RatingError) as e:
            promises.rate(t, Level.DISSATISFIED, tags, text)
        assert e.value.code == code
    assert promises.store.rating_for(t.id) is None  # nothing stored by a refusal
    promises.rate(t, Level.VERY_DISSATISFIED, [Tag.LONG_WAIT], "等了很久")
    [follow] = promises.follow_ups()
    assert follow.number == t.number and follow.status == FollowStatus.OPEN and follow.tags == (Tag.LONG_WAIT,)
    assert dt.datetime.fromtimestamp(follow.call_due) == dt.datetime(2026, 11, 30, 23, 59, 59)  # Monday
    assert dt.datetime.fromtimestamp(follow.fix_due).date() == dt.date(2026, 12, 18)
    assert not follow.overdue(clock().timestamp())
    assert follow.overdue(dt.datetime(2026, 12, 1, 9, 0).timestamp())  # Tuesday: the call is late
    with pytest.raises(FollowError) as e:
        promises.fixed(follow.id, "已改进", Level.SATISFIED)
    assert e.value.code == FollowCode.WRONG_STEP
    with pytest.raises(FollowError) as e:
        promises.called_back(follow.id, "  ")
    assert e.value.code == FollowCode.NOTE_NEEDED
    clock.now = dt.datetime(2026, 11, 30, 10, 0)
    promises.called_back(follow.id, "已致电道歉，说明高峰期加开窗口")
    clock.now = dt.datetime(2026, 12, 4, 10, 0)
    done = promises.fixed(follow.id, "午间增开一个综合窗口", Level.SATISFIED)
    assert done.status == FollowStatus.CLOSED and done.on_time and done.after_level == Level.SATISFIED
    assert promises.follow_ups() == [] and len(promises.follow_ups(open_only=False)) == 1
    with pytest.raises(FollowError):
        promises.called_back(follow.id, "again")


def test_a_good_rating_opens_no_follow_up(hall_promises):
    promises, counters, clock = hall_promises
    promises.rate(served(promises, counters, clock), Level.FAIR)
    assert promises.follow_ups(open_only=False) == []


def test_a_case_comes_with_its_d_ticket_and_closing_erases_the_contact(hall_promises):
    promises, counters, clock = hall_promises
    with pytest.raises(ReportError) as e:
        promises.report_case(None, "", [Snag.MATERIALS], "")
    assert e.value.code == ReportCode.NOTHING_SAID
    with pytest.raises(ReportError) as e:
        promises.report_case(None, "开网店", [], "")
    assert e.value.code == ReportCode.NO_SNAG
    with pytest.raises(ReportError) as e:
        promises.report_case(None, "开网店", [Snag.OTHER], "", contact="12345")
    assert e.value.code == ReportCode.CONTACT
    assert promises.store.cases() == [] and promises.store.tickets_on("2026-11-27") == []
    case, slip = promises.report_case(None, "开网店要什么执照", [Snag.SENT_AROUND, Snag.NOT_IN_CATALOGUE],
                                      "问了两个窗口", "13912345678")
    assert slip.ticket.number.startswith("D") and slip.ticket.category == "cannot_do"
    assert case.number == slip.ticket.number and promises.case_for(slip.ticket.id).contact == "13912345678"
    called = counters[9].call_next()
    assert called.number == slip.ticket.number
    with pytest.raises(ReportError) as e:
        promises.close_case(case.id, None, "")
    assert e.value.code == ReportCode.OUTCOME_NEEDED
    promises.close_case(case.id, CaseOutcome.SOLVED, "现场协调市场监管所办理")
    [closed] = promises.store.cases()
    assert closed.status == RecordStatus.CLOSED and closed.contact == "" and closed.outcome == CaseOutcome.SOLVED
    with pytest.raises(ReportError) as e:
        promises.close_case(case.id, CaseOutcome.SOLVED, "")
    assert e.value.code == ReportCode.CLOSED


def test_opinions_may_be_anonymous(hall_promises):
    promises, _, _ = hall_promises
    with pytest.raises(ReportError) as e:
        promises.leave_opinion(Topic.FACILITIES, "")
    assert e.value.code == ReportCode.TEXT
    a = promises.leave_opinion(Topic.FACILITIES, "希望二楼加装扶手")
    b = promises.leave_opinion(Topic.SERVICE, "周六能否延长时间", "13812345678")
    assert a.anonymous and not b.anonymous
    promises.store.close_opinion(b.id, "已转交", 0.0)
    assert [(o.anonymous, o.contact, o.status) for o in promises.store.opinions()] == [
        (True, "", RecordStatus.OPEN), (False, "", RecordStatus.CLOSED)]
    assert promises.next_reception() == dt.datetime(2026, 12, 2, 9, 0)  # the first Wednesday of December


def _deferrable_item(catalogue):
    return next(i for i in catalogue.items if any(m.deferrable for m in i.materials))


def test_rongque_only_for_applicants_in_good_standing(hall_promises, catalogue):
    promises, _, clock = hall_promises
    item = _deferrable_item(catalogue)
    missing = [m.name for m in item.materials if m.deferrable][:1]
    cases = [(Applicant.PERSON, BAD_PERSON, Refusal.BAD_STANDING), (Applicant.LEGAL, BAD_COMPANY, Refusal.BAD_STANDING),
             (Applicant.PERSON, "320583199001011234", Refusal.INVALID_ID),
             (Applicant.LEGAL, GOOD_COMPANY[:-1] + "2", Refusal.INVALID_CODE),
             (Applicant.LEGAL, "91320583MA1XYK0A0", Refusal.INVALID_CODE),
             (Applicant.PERSON, "11010519491231002X", Refusal.NO_RECORD)]
    for kind, code, refusal in cases:
        with pytest.raises(CommitmentError) as e:
            promises.deferral(item.code, missing, kind, code)
        assert e.value.refusal == refusal, code
    with pytest.raises(CommitmentError) as e:
        promises.deferral(item.code, missing, Applicant.PERSON, BAD_PERSON)
    assert e.value.record.note_en == "Listed as a dishonest judgment debtor"
    core = [m.name for m in item.materials if not m.deferrable][:1]
    with pytest.raises(CommitmentError) as e:
        promises.deferral(item.code, core, Applicant.LEGAL, GOOD_COMPANY)
    assert e.value.refusal == Refusal.NOT_DEFERRABLE
    with pytest.raises(CommitmentError) as e:
        promises.deferral(item.code, [], Applicant.LEGAL, GOOD_COMPANY)
    assert e.value.refusal == Refusal.NOTHING_MISSING
    assert promises.store.commitments() == [] and promises.store.tickets_on("2026-11-27") == []


def test_a_commitment_comes_with_its_ticket_once(hall_promises, catalogue):
    promises, _, clock = hall_promises
    item = _deferrable_item(catalogue)
    missing = [m.name for m in item.materials if m.deferrable][:1]
    commitment, slip = promises.commit(item.code, missing, Applicant.PERSON, GOOD_PERSON)
    assert commitment.ticket_id == slip.ticket.id and commitment.applicant == "320583********0024"
    assert commitment.applicant_name == "王芳" and commitment.materials == tuple(missing)
    assert dt.datetime.fromtimestamp(commitment.due).date() == dt.date(2026, 12, 4)  # 5 working days after Friday
    assert promises.commitment_for(slip.ticket.id) == commitment
    with pytest.raises(DuplicateTicket) as e:  # the same person, the same item: the ticket held, nothing new
        promises.commit(item.code, missing, Applicant.PERSON, GOOD_PERSON)
    assert e.value.ticket.id == slip.ticket.id
    assert len(promises.store.commitments()) == 1
    company, _ = promises.commit(item.code, missing, Applicant.LEGAL, GOOD_COMPANY.lower())
    assert company.applicant == GOOD_COMPANY
    assert promises.overdue_commitments() == []
    clock.now = dt.datetime(2026, 12, 5, 9, 0)
    assert [c.id for c in promises.overdue_commitments()] == [commitment.id, company.id]
    promises.store.fulfil_commitment(commitment.id, clock().timestamp())
    assert [c.id for c in promises.overdue_commitments()] == [company.id]


def test_help_goes_to_the_least_busy_officer_for_the_group(hall_promises):
    promises, counters, _ = hall_promises
    first, slip = promises.request_help(Help.OFFICER, Group.ELDER)
    second, _ = promises.request_help(Help.OFFICER, Group.ELDER)
    assert {first.officer_id, second.officer_id} == {"xu", "shen"}
    assert slip.ticket.category == "assist" and first.number == slip.ticket.number
    investor, _ = promises.request_help(Help.OFFICER, Group.FOREIGN_INVESTOR)
    assert investor.officer_id == "zhou" and promises.officer("zhou").phone
    for address, contact, field in (("", "13912345678", "address"), ("张浦镇新镇村 12 号", "", "contact")):
        with pytest.raises(ReportError) as e:
            promises.request_help(Help.HOME_VISIT, Group.ELDER, address=address, contact=contact)
        assert e.value.field == field
    visit, no_slip = promises.request_help(Help.HOME_VISIT, Group.ELDER, address="张浦镇新镇村 12 号",
                                           contact="13912345678")
    assert no_slip is None and visit.ticket_id is None
    assert promises.advance_help(visit.id) == HelpStatus.ACCEPTED
    assert promises.advance_help(visit.id) == HelpStatus.DONE
    with pytest.raises(ReportError):
        promises.advance_help(visit.id)
    done = next(r for r in promises.store.help_requests() if r.id == visit.id)
    assert (done.address, done.contact) == ("", "")  # the home's address and number are kept only while needed
    with pytest.raises(StaleRecord):
        promises.store.advance_help(first.id, HelpStatus.ACCEPTED, HelpStatus.DONE, 0.0)


CSV_GOOD = "date,time,item,id_number,phone\n2026-11-27,10:00,{item},320583199505210024,13912345678\n" \
           "2026-11-30,09:30,{item},320583195403180049,13812345678\n"


def test_an_appointment_file_with_bad_rows_imports_nothing(hall_promises, catalogue):
    promises, _, _ = hall_promises
    item = catalogue.items[0].code
    bad = ("date,time,item,id_number,phone\n"
           f"2026-11-27,10:00,{item},320583199505210024,13912345678\n"
           "2026-11-26,25:00,NOPE-001,320583199505210025,1391234\n"
           f"2026-11-29,10:00,{item},320583195403180049,13812345678\n"
           f"2026-11-27,10:00,{item},320583199505210024,13912345678\n")
    done, problems = promises.import_appointments(bad)
    assert done == [] and promises.store.appointments_on("2026-11-20", "2026-12-31") == []
    found = {(p.line, p.column) for p in problems}
    assert {(3, "date"), (3, "time"), (3, "item"), (3, "id_number"), (3, "phone"), (4, "time"),
            (5, "id_number")} <= found
    assert all(p.line != 2 for p in problems)
    assert promises.import_appointments("")[1][0].column == "(file)"
    assert promises.import_appointments("day,time\n")[1][0].column == "(header)"
    done, problems = promises.import_appointments(CSV_GOOD.format(item=item))
    assert problems == [] and len(done) == 2 and len({a.code for a in done}) == 2


def test_check_in_keeps_the_slot_within_grace(hall_promises, catalogue):
    promises, _, clock = hall_promises
    item = catalogue.items[0].code
    now = clock()
    appts = promises.book([
        booking(now.date(), dt.time(10, 0), item, None, GOOD_PERSON, "13912345678", Source.CONSOLE, now, "AB23CD"),
        booking(now.date(), dt.time(9, 0), None, "consult", persona("elder").resident_id, "13812345678",
                Source.CONSOLE, now, "EF45GH"),
        booking(now.date() - dt.timedelta(days=1), dt.time(9, 0), item, None, GOOD_PERSON, "13912345678",
                Source.CONSOLE, now, "JK67MN"),
        booking(now.date() + dt.timedelta(days=3), dt.time(9, 0), item, None, GOOD_PERSON, "13912345678",
                Source.CONSOLE, now, "PQ89RS")])
    assert normal_code("ab2-3cd") == "AB23CD"
    early = promises.check_in(promises.find_appointment("ab23cd"))  # 09:30 for a 10:00 slot: check-in opens 09:45
    assert early.arrival == Arrival.EARLY and early.slip is None and early.opens == dt.datetime(2026, 11, 27, 9, 45)
    late = promises.check_in(promises.find_appointment(resident_id=persona("elder").resident_id, phone="13812345678"))
    assert late.arrival == Arrival.LATE and late.slip.ticket.appointment_at is None  # 30 min late: ordinary
    assert late.slip.ticket.category == "consult"
    assert promises.check_in(appts[2]).arrival == Arrival.EXPIRED
    assert promises.check_in(appts[3]).arrival == Arrival.OTHER_DAY
    clock.advance(minutes=20)  # 09:50
    on_time = promises.check_in(appts[0])
    assert on_time.arrival == Arrival.ON_TIME and on_time.slip.ticket.appointment_at == appts[0].slot
    assert promises.store.appointment_by_code("AB23CD").status == AppointmentStatus.CHECKED_IN
    with pytest.raises(CheckInError) as e:
        promises.check_in(appts[0])
    assert e.value.code == CheckInCode.ALREADY and e.value.appointment.number == on_time.slip.ticket.number
    with pytest.raises(CheckInError) as e:
        promises.find_appointment("ZZZZZZ")
    assert e.value.code == CheckInCode.NOT_FOUND
    with pytest.raises(CheckInError):
        promises.find_appointment(resident_id=GOOD_PERSON, phone="13700000000")
    with pytest.raises(HallError):
        promises.find_appointment(resident_id="123", phone="13912345678")
    with pytest.raises(StaleRecord):  # checked in from another kiosk meanwhile: no second ticket
        promises.store.check_in(appts[0].id, promises.desk.new_ticket(Request(item_code=item)), 0.0)
    assert len([t for t in promises.store.tickets_on("2026-11-27") if t.item_code == item]) == 1


def test_zero_material_self_service_is_recorded_as_served(hall_promises, catalogue):
    promises, _, _ = hall_promises
    item = next(i for i in catalogue.items if self_serviceable(i))
    with pytest.raises(HallError):
        promises.self_serve(_deferrable_item(catalogue).code, GOOD_PERSON)
    with pytest.raises(HallError):
        promises.self_serve(item.code, "123")
    done = promises.self_serve(item.code, GOOD_PERSON)
    assert done.applicant == "320583********0024" and promises.store.self_services("2026-11-27") == [done]


def test_licence_results_carry_a_valid_credit_code(catalogue):
    import random

    from kiosk.domain.selfservice import demo_credit_code
    rng = random.Random(3)
    codes = [demo_credit_code(rng) for _ in range(200)]
    assert all(uscc_problem(c) is None for c in codes) and all(c.startswith("92320583") for c in codes)


def test_every_record_change_reaches_the_feed(hall_promises):
    promises, counters, clock = hall_promises
    start = promises.store.record_cursor()
    promises.leave_opinion(Topic.OTHER, "好")
    promises.rate(served(promises, counters, clock), Level.DISSATISFIED, [Tag.SLOW])
    changes, cursor = promises.store.records_after(start)
    assert [k for k, _ in changes] == [RecordKind.OPINION, RecordKind.RATING, RecordKind.FOLLOW_UP]
    assert promises.store.records_after(cursor) == ([], cursor)


def test_ticket_ref_round_trips(hall_promises):
    promises, counters, clock = hall_promises
    t = served(promises, counters, clock)
    assert promises.find_ticket(ticket_ref(t)).id == t.id
    assert promises.find_ticket(t.number.lower()).id == t.id
    with pytest.raises(HallError):
        promises.find_ticket("Z999")


def test_the_bridge_tells_of_records_another_terminal_wrote(qtbot, tmp_path, catalogue, hall, clock):
    from kiosk.store.db import Store
    from kiosk.ui.shared.bridge import ChangeBridge

    here, there = Store.open(tmp_path), Store.open(tmp_path)
    try:
        bridge = ChangeBridge(here, clock)
        bridge.start()
        seen: list[tuple[RecordKind, int]] = []
        bridge.record_changed.connect(lambda kind, rid: seen.append((kind, rid)))
        other = Promises(there, make_desk(there, catalogue, hall, clock), load_credit())
        opinion = other.leave_opinion(Topic.SERVICE, "窗口很热情")
        with qtbot.waitSignal(bridge.records_changed, timeout=3000) as got:
            pass
        assert got.args == [frozenset({RecordKind.OPINION})] and seen == [(RecordKind.OPINION, opinion.id)]
        case, _ = other.report_case(None, "开网店", [Snag.OTHER], "")  # a record with a ticket: both signals
        with qtbot.waitSignals([bridge.ticket_issued, bridge.records_changed], timeout=3000):
            pass
        assert seen[-1] == (RecordKind.CASE, case.id)
        bridge.stop()
    finally:
        here.close()
        there.close()
