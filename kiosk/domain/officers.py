"""服务专员 + 联络员: one-to-one 帮办代办 for special groups (涉外投资人, 高层次人才, 军人, 老弱),
and 移动办公桌 — staff who come to the home of someone who cannot come to the hall.

A request names the group and, for a home visit, where and whom to call; it is given to the
officer on duty for the group with the fewest open requests (``hall.yaml`` lists the officers
with their 24-hour numbers — demo data), comes with an E ticket (帮办代办) when the citizen is in
the hall, and moves new → accepted → done on the officer's list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.cases import ReportCode, ReportError, contact_number, report_text


class Group(StrEnum):
    FOREIGN_INVESTOR = "foreign_investor"  # 涉外投资人
    TALENT = "talent"  # 高层次人才
    VETERAN = "veteran"  # 军人
    ELDER = "elder"  # 老弱


class Help(StrEnum):
    OFFICER = "officer"  # 服务专员: one-to-one 帮办代办 in the hall
    HOME_VISIT = "home_visit"  # 移动办公桌: staff come to the home


class HelpStatus(StrEnum):
    NEW = "new"
    ACCEPTED = "accepted"
    DONE = "done"


NEXT_STATUS = {HelpStatus.NEW: HelpStatus.ACCEPTED, HelpStatus.ACCEPTED: HelpStatus.DONE}


@dataclass(frozen=True)
class Officer:
    id: str
    name: str
    name_en: str
    phone: str  # the 24-hour contact number (demo data)
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Community:
    """A village (村) or community (社区) of the town: where a 移动办公桌 visit goes (``hall.yaml``
    ``communities``, a demo list)."""

    name: str
    name_en: str


#: The longest detail a citizen adds to the community (building, house number: "12-301").
DETAIL_LIMIT = 20


def home_address(community: Community | None, detail: str) -> str:
    """The address a home visit is stored with: the community's name and the detail typed."""
    return " ".join(part for part in ((community.name if community else ""), detail.strip()) if part)


@dataclass(frozen=True)
class NewHelp:
    day: str
    at: float
    kind: Help
    group: Group
    officer_id: str
    item_code: str | None
    address: str  # a home visit: where (village / community and building), in the citizen's words
    contact: str  # a home visit: whom to call (a mobile number)


@dataclass(frozen=True)
class HelpRequest(NewHelp):
    id: int = 0
    ticket_id: int | None = None
    number: str = ""
    status: HelpStatus = HelpStatus.NEW
    updated_at: float | None = None


def choose_officer(officers: Sequence[Officer], group: Group, open_counts: dict[str, int]) -> Officer:
    """The officer for ``group`` with the fewest open requests (the first listed on a tie)."""
    able = [o for o in officers if group in o.groups] or list(officers)
    if not able:
        raise ReportError(ReportCode.NO_SUCH_RECORD, "officer")
    return min(able, key=lambda o: (open_counts.get(o.id, 0), officers.index(o)))


def check_help(day: str, at: float, kind: Help, group: Group, officer: Officer, item_code: str | None,
               address: str, contact: str) -> NewHelp:
    address = report_text(address, "address", 100)
    contact = contact_number(contact)
    if kind == Help.HOME_VISIT:
        if not address:
            raise ReportError(ReportCode.NOTHING_SAID, "address")
        if not contact:
            raise ReportError(ReportCode.CONTACT, "contact", "empty")
    return NewHelp(day, at, Help(kind), Group(group), officer.id, item_code or None, address, contact)
