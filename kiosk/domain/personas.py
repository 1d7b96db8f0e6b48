"""Demo persona cards for the virtual ID-card reader.

Every number is a made-up, checksum-valid GB 11643 resident ID (Kunshan area code 320583, or
810000 for a Hong Kong resident's 港澳台居民居住证); names are invented. No real person's data.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.ids import id_check_char


def _rid(first17: str) -> str:
    return first17 + id_check_char(first17)


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    name_en: str
    resident_id: str
    tags: tuple[str, ...]
    description: str
    description_en: str


PERSONAS: tuple[Persona, ...] = (
    Persona("elder", "陈秀英", "Chen Xiuying", _rid("32058319540318004"), ("elder",),
            "72 岁本镇居民", "Resident, aged 72"),
    Persona("veteran", "周卫国", "Zhou Weiguo", _rid("32058319780806003"), ("veteran",),
            "退役军人", "Military veteran"),
    Persona("disabled", "吴晓明", "Wu Xiaoming", _rid("32058319900215005"), ("disabled",),
            "持证残疾人（肢体二级）", "Has a disability (grade 2)"),
    Persona("investor", "林家豪", "Lam Ka-ho", _rid("81000019820910001"), ("foreign_investor",),
            "香港投资者", "Investor from Hong Kong"),
    Persona("resident", "王芳", "Wang Fang", _rid("32058319950521002"), (),
            "普通居民", "Ordinary resident"),
)


def persona(pid: str) -> Persona | None:
    return next((p for p in PERSONAS if p.id == pid), None)
