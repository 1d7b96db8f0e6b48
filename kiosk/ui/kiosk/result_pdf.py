"""The printed result of a 零材料 self-service: the same 80 mm receipt as a ticket slip (written,
read back and checked, renamed into place: kiosk/ui/kiosk/slip_pdf.py), with the result's number —
the new licence's unified social credit code where the item issues one — in large bold type, and
large print in 长辈版."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.domain.catalogue import Item
from kiosk.domain.ids import uscc_problem
from kiosk.domain.selfservice import SelfService
from kiosk.ui.kiosk.slip_pdf import write_receipt_pdf
from kiosk.ui.shared.i18n import Language

_CTX = "SelfService"


def is_credit_code(number: str) -> bool:
    return uscc_problem(number) is None


def number_caption(number: str, language: Language) -> str:
    """What the result's number is: 统一社会信用代码 for a licence, else 办理编号."""
    if is_credit_code(number):
        return language.translate(_CTX, QT_TRANSLATE_NOOP("SelfService", "统一社会信用代码"))
    return language.translate(_CTX, QT_TRANSLATE_NOOP("SelfService", "办理编号"))


def result_lines(record: SelfService, item: Item, language: Language) -> list[str]:
    """The receipt's lines in the kiosk's language: the caption (what the number is), the item,
    the applicant (a masked ID), when, and that nothing more is to be done."""
    t = language.translate
    when = _dt.datetime.fromtimestamp(record.at).strftime("%Y-%m-%d %H:%M")
    what = number_caption(record.result, language)
    return [t(_CTX, QT_TRANSLATE_NOOP("SelfService", "零材料自助办理结果 · {what}")).format(what=what),
            item.name_en if language.english else item.name,
            t(_CTX, QT_TRANSLATE_NOOP("SelfService", "申请人身份证号：{id}")).format(id=record.applicant),
            t(_CTX, QT_TRANSLATE_NOOP("SelfService", "办理时间：{time}")).format(time=when),
            t(_CTX, QT_TRANSLATE_NOOP("SelfService", "已办结，不用再到窗口。"))]


def result_qr_text(record: SelfService, item: Item, hall_name: str) -> str:
    when = _dt.datetime.fromtimestamp(record.at).strftime("%Y-%m-%d %H:%M")
    return f"{hall_name}\n{item.code} {record.result}\n{when}"


def result_path(folder: Path, record: SelfService) -> Path:
    return Path(folder) / f"{record.day}-self-service-{record.id}.pdf"


def write_result_pdf(record: SelfService, item: Item, folder: Path, family: str, hall_name: str,
                     language: Language, large: bool = False) -> Path:
    """Print the result into ``folder``; PrintError (a full disk said as such) like a slip."""
    return write_receipt_pdf(result_path(folder, record), record.result, hall_name,
                             result_lines(record, item, language), result_qr_text(record, item, hall_name), family,
                             large)
