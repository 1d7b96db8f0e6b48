"""The domain's codes in the terminal's language: reasons and refusals.

The store keeps codes (``lunch``, ``awaiting_material``, ``window_busy`` …); what a person reads
is translated here, in the ``ConsoleWindow`` (and ``StoreError``) contexts of the translations."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.domain.lifecycle import Code, HallError, PauseReason, SuspendReason
from kiosk.domain.ports import StoreCode, StoreError
from kiosk.ui.shared.i18n import Language

_CTX = "ConsoleWindow"

PAUSE_TEXT = {
    PauseReason.LUNCH: QT_TRANSLATE_NOOP("ConsoleWindow", "午间轮岗"),
    PauseReason.TRAINING: QT_TRANSLATE_NOOP("ConsoleWindow", "业务培训"),
    PauseReason.FAULT: QT_TRANSLATE_NOOP("ConsoleWindow", "系统故障"),
    PauseReason.AWAY: QT_TRANSLATE_NOOP("ConsoleWindow", "临时离开"),
}
SUSPEND_TEXT = {
    SuspendReason.AWAITING_MATERIAL: QT_TRANSLATE_NOOP("ConsoleWindow", "等候容缺材料"),
    SuspendReason.COPYING: QT_TRANSLATE_NOOP("ConsoleWindow", "需要复印材料"),
    SuspendReason.BACK_OFFICE: QT_TRANSLATE_NOOP("ConsoleWindow", "后台审核"),
    SuspendReason.APPLICANT_AWAY: QT_TRANSLATE_NOOP("ConsoleWindow", "申请人临时离开"),
}
ERROR_TEXT = {
    Code.WINDOW_BUSY: QT_TRANSLATE_NOOP("ConsoleWindow", "请先办结或处理当前号码 {number}"),
    Code.WINDOW_PAUSED: QT_TRANSLATE_NOOP("ConsoleWindow", "窗口已暂停，请先恢复窗口"),
    Code.NO_CURRENT_TICKET: QT_TRANSLATE_NOOP("ConsoleWindow", "当前没有可操作的号码"),
    Code.TOO_SOON: QT_TRANSLATE_NOOP("ConsoleWindow", "{seconds} 秒后才能重呼"),
    Code.NO_SUCH_TICKET: QT_TRANSLATE_NOOP("ConsoleWindow", "今天没有号码 {number}"),
    Code.WRONG_STATE: QT_TRANSLATE_NOOP("ConsoleWindow", "号码 {number} 现在不能这样操作"),
    Code.NO_SUCH_WINDOW: QT_TRANSLATE_NOOP("ConsoleWindow", "没有 {window} 号窗口"),
    Code.NO_SUCH_CATEGORY: QT_TRANSLATE_NOOP("ConsoleWindow", "没有这项业务"),
    Code.NOT_SERVED_HERE: QT_TRANSLATE_NOOP("ConsoleWindow", "号码 {number} 不由本窗口办理"),
    Code.WINDOW_WONT_SERVE: QT_TRANSLATE_NOOP("ConsoleWindow", "{window} 号窗口不办理这项业务"),
    Code.NOBODY_SERVES: QT_TRANSLATE_NOOP("ConsoleWindow", "没有窗口办理这项业务"),
    Code.SAME_PLACE: QT_TRANSLATE_NOOP("ConsoleWindow", "号码已经在这里排队"),
    Code.NOT_SUSPENDED_HERE: QT_TRANSLATE_NOOP("ConsoleWindow", "号码 {number} 不是本窗口挂起的"),
    Code.ALREADY_HELD: QT_TRANSLATE_NOOP("ConsoleWindow", "此人已另取号码 {held} 办理同一事项，{number} 不能再激活"),
    Code.QUOTA_USED_UP: QT_TRANSLATE_NOOP("ConsoleWindow", "这个事项今天的号已取完"),
}


STORE_TEXT = {
    StoreCode.DISK_FULL: QT_TRANSLATE_NOOP("StoreError", "系统暂时无法保存"),
    StoreCode.READ_ONLY: QT_TRANSLATE_NOOP("StoreError", "系统暂时无法保存"),
    StoreCode.UNREACHABLE: QT_TRANSLATE_NOOP("StoreError", "系统正在重新连接，请稍候"),
    StoreCode.SECRET: QT_TRANSLATE_NOOP("StoreError", "本机需要工作人员处理"),
}


#: what the staff at a window are told: the cause, so they can act on it (a citizen is never shown these)
STAFF_STORE_TEXT = {
    StoreCode.DISK_FULL: QT_TRANSLATE_NOOP("ConsoleWindow", "磁盘已满，无法保存，请联系技术人员"),
    StoreCode.READ_ONLY: QT_TRANSLATE_NOOP("ConsoleWindow", "数据目录只读，无法保存，请联系技术人员"),
    StoreCode.UNREACHABLE: QT_TRANSLATE_NOOP("ConsoleWindow", "数据库暂时无法连接，正在重试"),
    StoreCode.SECRET: QT_TRANSLATE_NOOP("ConsoleWindow", "本机的身份密钥与大厅其他终端不一致，请联系技术人员"),
}


def store_error_text(exc: StoreError, language: Language, staff: bool = False) -> str:
    """Why the hall's data cannot be used, in the terminal's language: for a citizen in plain words
    (the details go to the log), for ``staff`` with the cause."""
    if staff:
        template = STAFF_STORE_TEXT.get(exc.code, QT_TRANSLATE_NOOP("ConsoleWindow", "数据暂时无法读取或保存"))
        return language.translate(_CTX, template)
    template = STORE_TEXT.get(exc.code, QT_TRANSLATE_NOOP("StoreError", "系统暂时无法使用"))
    return language.translate("StoreError", template)


def pause_reason_text(reason: PauseReason, language: Language) -> str:
    return language.translate(_CTX, PAUSE_TEXT[reason])


def suspend_reason_text(reason: SuspendReason, language: Language) -> str:
    return language.translate(_CTX, SUSPEND_TEXT[reason])


def error_text(exc: HallError, language: Language) -> str:
    """A refusal as one sentence in the terminal's language."""
    template = ERROR_TEXT.get(exc.code, QT_TRANSLATE_NOOP("ConsoleWindow", "现在不能这样操作"))
    params = {k: str(v) for k, v in exc.params.items()}
    try:
        return language.translate(_CTX, template).format(**params)
    except KeyError:
        return language.translate(_CTX, template)


def clock_time(when: _dt.datetime) -> str:
    """"8:30", "13:30" (as a hall's notices write the time)."""
    return f"{when.hour}:{when.minute:02d}"


def when_text(when: _dt.datetime, day: _dt.date, language: Language) -> str:
    """When calling resumes, seen from ``day``: 今天 8:30 / 明天 8:30 / 周一 8:30 / a date."""
    time, days = clock_time(when), (when.date() - day).days
    if days == 0:
        return language.translate("SlipScreen", "今天 {time}").format(time=time)
    if days == 1:
        return language.translate("SlipScreen", "明天 {time}").format(time=time)
    if days < 7:
        weekday = (language.translate("SlipScreen", "周一"), language.translate("SlipScreen", "周二"),
                   language.translate("SlipScreen", "周三"), language.translate("SlipScreen", "周四"),
                   language.translate("SlipScreen", "周五"), language.translate("SlipScreen", "周六"),
                   language.translate("SlipScreen", "周日"))[when.weekday()]
        return language.translate("SlipScreen", "{weekday} {time}").format(weekday=weekday, time=time)
    return language.translate("SlipScreen", "{date} {time}").format(date=when.date().isoformat(), time=time)
