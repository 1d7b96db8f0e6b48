"""零材料 self-service: an item whose every material is an 电子证照 the hall fetches can be done at
the kiosk without a window (the seed's first zero-material business licence from a self-service
machine). The kiosk identifies the citizen, shows the licences it fetched (demo data) for
confirmation, prints the result and records the service as served.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import random
from dataclasses import dataclass

from kiosk.domain.catalogue import Item
from kiosk.domain.ids import USCC_ALPHABET, age_on, birth_date, uscc_check_char

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


# --- the 电子证照 the kiosk fetches (demo data) ---------------------------------------------------

@dataclass(frozen=True)
class FetchedLicence:
    """One 电子证照 as the kiosk shows it for confirmation: never a whole number."""

    material: str  # the catalogue's material name (居民身份证, 营业执照 …)
    material_en: str
    holder: str
    holder_en: str
    number: str  # masked
    authority: str  # who issued it
    authority_en: str
    valid_until: _dt.date | None  # None: 长期有效 (no expiry)


#: Who issues what (demo data, after 昆山's departments): the first key found in the material's name.
AUTHORITIES: tuple[tuple[str, str, str], ...] = (
    ("身份证", "昆山市公安局", "Kunshan Public Security Bureau"),
    ("户口簿", "昆山市公安局张浦派出所", "Zhangpu Police Station, Kunshan Public Security Bureau"),
    ("家庭成员关系", "昆山市公安局张浦派出所", "Zhangpu Police Station, Kunshan Public Security Bureau"),
    ("营业执照", "昆山市市场监督管理局", "Kunshan Administration for Market Regulation"),
    ("结婚证", "昆山市民政局", "Kunshan Civil Affairs Bureau"),
    ("不动产", "昆山市自然资源和规划局", "Kunshan Natural Resources and Planning Bureau"),
)
DEFAULT_AUTHORITY = ("昆山市政务服务管理办公室", "Kunshan Government Services Office")

#: Names for a demo ID that is not on the credit list (chosen by the number, so always the same).
DEMO_NAMES: tuple[tuple[str, str], ...] = (
    ("李明", "Li Ming"), ("张伟", "Zhang Wei"), ("刘洋", "Liu Yang"), ("陈静", "Chen Jing"),
    ("杨帆", "Yang Fan"), ("黄磊", "Huang Lei"), ("徐丽", "Xu Li"), ("朱红", "Zhu Hong"),
)


def mask_number(number: str) -> str:
    """The first 6 and last 4 characters of a long number, the rest as *; a short one all *."""
    v = number.strip().upper()
    return v[:6] + "*" * (len(v) - 10) + v[-4:] if len(v) > 10 else "*" * len(v)


def _seed(resident_id: str) -> int:
    return int(hashlib.sha256(resident_id.strip().upper().encode()).hexdigest()[:12], 16)


def demo_name(resident_id: str) -> tuple[str, str]:
    """A demo holder's name for an ID nobody listed (the same for the same number)."""
    return DEMO_NAMES[_seed(resident_id) % len(DEMO_NAMES)]


def _id_card_expiry(resident_id: str, today: _dt.date) -> _dt.date | None:
    """A demo expiry after GB 11643's validity periods: 5 years under 16, 10 under 26, 20 under 46,
    none (长期) from 46; the card issued on a birthday some years ago (by the number)."""
    born = birth_date(resident_id)
    age = age_on(resident_id, today)
    if born is None or age is None or age >= 46:
        return None
    years = 5 if age < 16 else 10 if age < 26 else 20
    issued_age = max(age - _seed(resident_id) % min(years, age + 1), 0)
    try:
        return born.replace(year=born.year + issued_age + years)
    except ValueError:  # born on 29 February
        return born.replace(year=born.year + issued_age + years, day=28)


def on_screen_forms(item: Item) -> list[tuple[str, str]]:
    """The forms of a ``self_service`` item the kiosk fills in from what it fetched (name, name_en):
    the citizen confirms them with the licences instead of bringing them."""
    return [(m.name, m.name_en) for m in item.materials if m.form and not m.e_license]


def fetched_licences(item: Item, resident_id: str, holder: tuple[str, str], today: _dt.date,
                     company: tuple[str, str, str] | None = None) -> list[FetchedLicence]:
    """The 电子证照 the kiosk fetches for ``item`` for the person with ``resident_id`` (demo data,
    the same for the same number): ``holder`` is their name (zh, en); ``company`` (name, name_en,
    credit code) holds a 营业执照 — the holder's demo shop (张浦镇陈记商行) when not given."""
    out = []
    for m in item.materials:
        if not m.e_license:  # a form the kiosk fills in with the citizen (on_screen_forms), not fetched
            continue
        authority = next(((zh, en) for key, zh, en in AUTHORITIES if key in m.name), DEFAULT_AUTHORITY)
        if "营业执照" in m.name:
            name, name_en, code = company or (f"张浦镇{holder[0][:1]}记商行",
                                              f"{holder[1].split(' ')[0]}'s Store (individual business)",
                                              demo_credit_code(random.Random(_seed(resident_id)), "92"))
            out.append(FetchedLicence(m.name, m.name_en, name, name_en, mask_number(code), *authority, None))
            continue
        if "身份证" in m.name:
            number, until = resident_id, _id_card_expiry(resident_id, today)
        else:  # 户口簿, 结婚证, 不动产权证书 …: a demo document number of the holder's
            rng = random.Random(_seed(resident_id) + len(out))
            number, until = f"{KUNSHAN}{rng.randrange(10 ** 10):010d}", None
        out.append(FetchedLicence(m.name, m.name_en, *holder, mask_number(number), *authority, until))
    return out
