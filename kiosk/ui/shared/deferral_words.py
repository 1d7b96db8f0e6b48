"""容缺受理 in the terminal's language: the due date, the missing materials, a commitment's line (the
kiosk's slip and the window console), why a commitment is refused, and what is wrong with a typed
unified social credit code (GB 32100) — said at the field, naming the character where it can."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.domain.catalogue import Catalogue, Item, Material
from kiosk.domain.commitments import Commitment, CommitmentError, Refusal
from kiosk.domain.ids import USCC_ALPHABET, uscc_problem
from kiosk.ui.shared.i18n import Language

_CTX = "Deferral"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_WEEKDAYS = (QT_TRANSLATE_NOOP("SlipScreen", "周一"), QT_TRANSLATE_NOOP("SlipScreen", "周二"),
             QT_TRANSLATE_NOOP("SlipScreen", "周三"), QT_TRANSLATE_NOOP("SlipScreen", "周四"),
             QT_TRANSLATE_NOOP("SlipScreen", "周五"), QT_TRANSLATE_NOOP("SlipScreen", "周六"),
             QT_TRANSLATE_NOOP("SlipScreen", "周日"))
#: Letters a credit code never uses, and the digit a person most likely meant.
_LOOKALIKE = {"O": "0", "I": "1", "Z": "2", "S": "5"}


def _t(language: Language, text: str) -> str:
    return language.translate(_CTX, text)


def day_text(day: _dt.date, language: Language) -> str:
    """"2026年12月4日（周五）" / "Friday 4 December 2026"."""
    weekday = language.translate("SlipScreen", _WEEKDAYS[day.weekday()])
    if language.english:  # a month's name: no template of the Chinese date can say it
        return f"{weekday} {day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日（{weekday}）"


def due_day(due: float) -> _dt.date:
    """The day a commitment is due (its ``due`` is the end of that working day)."""
    return _dt.datetime.fromtimestamp(due).date()


def material_of(item: Item | None, name: str) -> Material | None:
    return next((m for m in item.materials if m.name == name), None) if item is not None else None


def material_name(item: Item | None, name: str, language: Language) -> str:
    m = material_of(item, name)
    return m.name_en if m is not None and language.english else name


def materials_text(item: Item | None, names: Iterable[str], language: Language) -> str:
    """The materials' names in the terminal's language, in one line."""
    return language.translate("SlipScreen", "、").join(material_name(item, n, language) for n in names)


def form_text(m: Material, language: Language) -> str:
    """What is to be handed in, as the catalogue says: 原件 1 份，复印件 2 份."""
    parts = []
    if m.originals:
        parts.append(language.translate("ItemScreen", QT_TRANSLATE_NOOP("ItemScreen", "原件 {n} 份")).format(
            n=m.originals))
    if m.copies:
        parts.append(language.translate("ItemScreen", QT_TRANSLATE_NOOP("ItemScreen", "复印件 {n} 份")).format(
            n=m.copies))
    return language.translate("ItemScreen", "，").join(parts)


def commitment_line(c: Commitment, catalogue: Catalogue, language: Language) -> str:
    """"容缺受理：A、B · 须于 2026年12月4日（周五）前补交" — for the slip and the window console."""
    item = catalogue.by_code.get(c.item_code)
    return _t(language, QT_TRANSLATE_NOOP("Deferral", "容缺受理：{materials} · 须于{date}前补交")).format(
        materials=materials_text(item, c.materials, language), date=day_text(due_day(c.due), language))


def refusal_text(err: CommitmentError, language: Language, item: Item | None = None) -> str:
    """Why a commitment cannot be accepted, kindly, and what to do instead."""
    instead = _t(language, QT_TRANSLATE_NOOP("Deferral", "请带齐材料后取号办理；如有疑问，请到服务台咨询。"))
    if err.refusal == Refusal.INVALID_ID:
        return language.translate("IdentityScreen", QT_TRANSLATE_NOOP("IdentityScreen", "身份证号码有误，请逐位核对"))
    if err.refusal == Refusal.INVALID_CODE:
        return _t(language, QT_TRANSLATE_NOOP("Deferral", "统一社会信用代码有误，请逐位核对"))
    if err.refusal == Refusal.NO_RECORD:
        return _t(language, QT_TRANSLATE_NOOP(
            "Deferral", "很抱歉，信用信息里查不到这位申请人，暂时不能容缺受理。")) + instead
    if err.refusal == Refusal.BAD_STANDING:
        record = err.record
        name = (record.name_en if language.english else record.name) if record is not None else ""
        note = (record.note_en if language.english else record.note) if record is not None else err.detail
        return _t(language, QT_TRANSLATE_NOOP(
            "Deferral", "很抱歉，信用记录显示{name}：{note}。按规定，暂时不能容缺受理。")).format(
            name=name, note=note) + instead
    if err.refusal == Refusal.NOT_DEFERRABLE:
        names = [n for n in err.detail.split("、") if n]
        return _t(language, QT_TRANSLATE_NOOP("Deferral", "{materials} 不能后补，办理时必须带齐。")).format(
            materials=materials_text(item, names, language))
    return _t(language, QT_TRANSLATE_NOOP("Deferral", "请至少选一项暂缺的材料"))


def uscc_status(code: str, language: Language) -> tuple[str, bool]:
    """(what the credit-code field says, whether it is an error rather than a hint): how many
    characters are still to come; which character cannot be in a credit code (and the digit a
    look-alike letter stands for); that the 18th does not match the other 17."""
    v = code.strip().upper()
    if not v:
        return "", False
    bad = next((i for i, ch in enumerate(v) if ch not in USCC_ALPHABET), None)
    if bad is not None:
        ch = v[bad]
        text = _t(language, QT_TRANSLATE_NOOP("Deferral", "第 {pos} 位的“{ch}”不会出现在信用代码里")).format(
            pos=bad + 1, ch=ch)
        if ch in _LOOKALIKE:
            text += _t(language, QT_TRANSLATE_NOOP("Deferral", "，是数字 {digit} 吗？")).format(digit=_LOOKALIKE[ch])
        return text, True
    area = next((i for i in range(2, min(len(v), 8)) if not v[i].isdigit()), None)
    if area is not None:
        return _t(language, QT_TRANSLATE_NOOP("Deferral", "第 {pos} 位应是数字（第 3–8 位是地区代码）")).format(
            pos=area + 1), True
    if len(v) < 18:
        return _t(language, QT_TRANSLATE_NOOP("Deferral", "还差 {n} 位")).format(n=18 - len(v)), False
    if uscc_problem(v):
        return _t(language, QT_TRANSLATE_NOOP(
            "Deferral", "代码有误：第 18 位与前 17 位对不上，请逐位核对")), True
    return "", False
