"""零材料 self-service: an item whose every material is an 电子证照 the hall fetches can be done at
the kiosk without a window (the seed's first zero-material business licence from a self-service
machine). The kiosk identifies the citizen, shows the licences it fetched (demo data) for
confirmation, prints the result and records the service as served.
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass

from kiosk.domain.catalogue import Item
from kiosk.domain.ids import USCC_ALPHABET, uscc_check_char

#: Kunshan's administrative division code (昆山市 320583), used in demo credit codes.
KUNSHAN = "320583"


def self_serviceable(item: Item) -> bool:
    """Whether the kiosk can complete ``item`` alone: every material is an 电子证照 it fetches, or
    (for an item marked ``self_service`` in the catalogue) a form it fills in with the citizen."""
    return bool(item.materials) and all(m.e_license or (m.form and item.self_service) for m in item.materials)


def demo_credit_code(rng: random.Random, kind: str = "92") -> str:
    """A valid GB 32100 credit code (92: 个体工商户; 91: 企业) registered in 昆山 — demo data."""
    body = rng.choices(USCC_ALPHABET, k=9)
    first17 = kind + KUNSHAN + "".join(body)
    return first17 + uscc_check_char(first17)


@dataclass(frozen=True)
class NewSelfService:
    day: str
    at: float
    item_code: str
    applicant: str  # masked ID
    result: str  # the document number printed (a credit code for a licence)


@dataclass(frozen=True)
class SelfService(NewSelfService):
    id: int = 0


def issues_licence(item: Item) -> bool:
    """Whether ``item`` issues a business licence (营业执照): a 设立 of a company or an 个体工商户."""
    return item.theme in ("QYKB", "GTGS") and "设立" in item.name


def result_number(item: Item, now: _dt.datetime, rng: random.Random) -> str:
    """The number on the printed result: the new credit code where the item issues a business
    licence (91… a company, 92… an 个体工商户), else a document number (item code, date, serial)."""
    if issues_licence(item):
        return demo_credit_code(rng, "92" if item.theme == "GTGS" else "91")
    return f"{item.code}-{now:%Y%m%d}-{rng.randrange(10000):04d}"
