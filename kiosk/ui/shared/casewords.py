"""办不成事 and 意见箱 in the terminal's language: what went wrong (Snag), how a case ended
(CaseOutcome), what an opinion is about (Topic), and why a typed text or number cannot be kept
(TextProblem, a phone check) — the words the kiosk's screens and the 办不成事 专窗's console share.

The records keep codes; they are worded here, in the ``Cases`` context of the translations."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.domain.cases import CaseOutcome, Snag, Topic
from kiosk.domain.freetext import TextProblem, clean_text
from kiosk.domain.hall import Reception
from kiosk.domain.ids import phone_problem
from kiosk.ui.shared.i18n import Language

_CTX = "Cases"

SNAG_TEXT = {
    Snag.NOT_IN_CATALOGUE: QT_TRANSLATE_NOOP("Cases", "找不到要办的事项"),
    Snag.MATERIALS: QT_TRANSLATE_NOOP("Cases", "材料要求不清楚或太多"),
    Snag.SENT_AROUND: QT_TRANSLATE_NOOP("Cases", "被推来推去"),
    Snag.SYSTEM: QT_TRANSLATE_NOOP("Cases", "窗口说系统办不了"),
    Snag.CONDITIONS: QT_TRANSLATE_NOOP("Cases", "说我不符合条件，但没说清为什么"),
    Snag.TOO_LONG: QT_TRANSLATE_NOOP("Cases", "办得太久"),
    Snag.ONLINE: QT_TRANSLATE_NOOP("Cases", "网上办不成"),
    Snag.OTHER: QT_TRANSLATE_NOOP("Cases", "其他问题"),
}
OUTCOME_TEXT = {
    CaseOutcome.SOLVED: QT_TRANSLATE_NOOP("Cases", "当场解决"),
    CaseOutcome.SOLVED_LATER: QT_TRANSLATE_NOOP("Cases", "协调后解决"),
    CaseOutcome.REFERRED: QT_TRANSLATE_NOOP("Cases", "转交主管部门"),
    CaseOutcome.EXPLAINED: QT_TRANSLATE_NOOP("Cases", "依法不能办，已解释清楚"),
}
TOPIC_TEXT = {
    Topic.SERVICE: QT_TRANSLATE_NOOP("Cases", "服务态度"),
    Topic.PROCESS: QT_TRANSLATE_NOOP("Cases", "办事流程"),
    Topic.FACILITIES: QT_TRANSLATE_NOOP("Cases", "环境设施"),
    Topic.POLICY: QT_TRANSLATE_NOOP("Cases", "政策建议"),
    Topic.OTHER: QT_TRANSLATE_NOOP("Cases", "其他"),
}
WEEKDAYS = (QT_TRANSLATE_NOOP("Cases", "周一"), QT_TRANSLATE_NOOP("Cases", "周二"), QT_TRANSLATE_NOOP("Cases", "周三"),
            QT_TRANSLATE_NOOP("Cases", "周四"), QT_TRANSLATE_NOOP("Cases", "周五"), QT_TRANSLATE_NOOP("Cases", "周六"),
            QT_TRANSLATE_NOOP("Cases", "周日"))
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def snag_text(snag: Snag, language: Language) -> str:
    return language.translate(_CTX, SNAG_TEXT[Snag(snag)])


def outcome_text(outcome: CaseOutcome, language: Language) -> str:
    return language.translate(_CTX, OUTCOME_TEXT[CaseOutcome(outcome)])


def topic_text(topic: Topic, language: Language) -> str:
    return language.translate(_CTX, TOPIC_TEXT[Topic(topic)])


def listed(texts: list[str], language: Language) -> str:
    """``texts`` as one list: 、 between them in Chinese, semicolons in English (a text may hold a comma)."""
    return ("; " if language.english else "、").join(texts)


def text_message(value: str, limit: int, language: Language, required: str = "") -> tuple[str, bool]:
    """What a free-text field says under it: (message, whether it is a problem). A problem is
    what the records refuse (kiosk.domain.freetext.clean_text, the same limit): too long, control
    characters or direction marks, emoji; ``required`` is said for an empty required field (only
    when the citizen asks to go on: pass it then). Otherwise the count against the limit."""
    cleaned, problem = clean_text(value, limit, required=bool(required))
    if problem == TextProblem.EMPTY:
        return required, True
    if problem == TextProblem.TOO_LONG:
        return language.translate("Cases", "最多 {limit} 个字，现在 {n} 个字，请删去 {extra} 个字").format(
            limit=limit, n=len(cleaned), extra=len(cleaned) - limit), True
    if problem == TextProblem.CONTROL:
        return language.translate("Cases", "有看不见的特殊字符（如方向标记），请清空后重新输入"), True
    if problem == TextProblem.SYMBOLS:
        return language.translate("Cases", "不能输入表情符号，请删去后再试"), True
    if not cleaned:
        return "", False
    return language.translate("Cases", "已输入 {n} 个字，最多 {limit} 个字").format(n=len(cleaned), limit=limit), False


def phone_message(phone: str, language: Language) -> tuple[str, bool]:
    """What the contact number's field says: how many digits are missing, or why it is not a
    mobile number (a problem), or nothing."""
    phone = (phone or "").strip()
    if not phone:
        return "", False
    problem = phone_problem(phone)
    if problem == "chars":
        return language.translate("Cases", "手机号只能是数字"), True
    if problem == "length" and len(phone) < 11:
        return language.translate("Cases", "还差 {n} 位").format(n=11 - len(phone)), False
    if problem == "length":
        return language.translate("Cases", "手机号是 11 位，多了 {n} 位").format(n=len(phone) - 11), True
    if problem == "prefix":
        return language.translate("Cases", "手机号应以 13–19 开头"), True
    return "", False


def phone_done(phone: str) -> bool:
    """A whole, valid mobile number, or none."""
    return not phone or phone_problem(phone) is None


def reception_text(reception: Reception, start: _dt.datetime, today: _dt.date, language: Language) -> str:
    """The next 接待日: 12月2日（周三）09:00–11:30，二楼人大代表社情民意联系点 / Wednesday 2 December,
    09:00–11:30, People's Congress deputies' liaison point, 2nd floor; 今天 / today when it is today."""
    day = start.date()
    if language.english:
        weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[day.weekday()]
        when = "today" if day == today else f"{weekday} {day.day} {MONTHS_EN[day.month - 1]}"
        return f"{when[0].upper()}{when[1:]}, {reception.time}, {reception.place_en}"
    weekday = language.translate(_CTX, WEEKDAYS[day.weekday()])
    when = "今天" if day == today else f"{day.month}月{day.day}日（{weekday}）"
    return f"{when} {reception.time}，{reception.place}"
