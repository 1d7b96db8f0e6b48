"""Who is applying, for the promises' flows (容缺受理, 零材料 self-service): a person's resident ID
from the (demo) ID-card reader or the keypad, as on 取号确认, or a legal person's unified social
credit code from the (demo) licence scanner or the on-screen keyboard. Each is checked at its
field as it is typed: what is still missing, or what is wrong (the character, where it can say).

Both write into the visit (identity is kept for the visit, and cleared with it on 首页 or idle)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.commitments import CreditRecord
from kiosk.domain.ids import mask_id, resident_id_problem, uscc_problem
from kiosk.domain.personas import PERSONAS
from kiosk.domain.visit import Visit
from kiosk.ui.kiosk.devices import failed_text, read_card
from kiosk.ui.shared.deferral_words import uscc_status
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import Keypad, OnScreenKeyboard, button, label, named, restyle, set_text

_ID = "IdentityScreen"  # the 取号确认 screen's words for the same things (one translation)
ID_WORDS = {
    "chars": QT_TRANSLATE_NOOP("IdentityScreen", "只有最后一位可以是 X"),
    "birth_date": QT_TRANSLATE_NOOP("IdentityScreen", "第 7–14 位的出生日期不对，请核对"),
    "checksum": QT_TRANSLATE_NOOP("IdentityScreen", "身份证号码有误，请逐位核对"),
}


def id_status(resident_id: str, today: _dt.date, language: Language) -> tuple[str, bool]:
    """(what the ID field says, whether it is an error): the digits still to come, or what is wrong."""
    if not resident_id:
        return "", False
    if len(resident_id) < 18:
        return language.translate(_ID, QT_TRANSLATE_NOOP("IdentityScreen", "还差 {n} 位")).format(
            n=18 - len(resident_id)), False
    problem = resident_id_problem(resident_id, today)
    if problem is None:
        return "", False
    return language.translate(_ID, ID_WORDS.get(problem, QT_TRANSLATE_NOOP("IdentityScreen", "身份证号码不对"))), True


def _mark(field: QLineEdit, error_label, status: tuple[str, bool], active: bool = True) -> None:
    msg, error = status
    error_label.setText(msg or " ")  # an empty line keeps its height: the keys never jump
    error_label.setProperty("class", "error" if error else "muted")
    restyle(error_label)
    field.setProperty("class", "invalid" if error else ("active" if active else ""))
    restyle(field)


class IdEntry(Retranslating, QWidget):
    """The demo ID-card reader (persona cards) and the keypad with the ID field. ``changed()``
    after every change; :meth:`valid_id` is the number once it is a valid one."""

    changed = Signal()

    def __init__(self, visit: Visit, language: Language, today: Callable[[], _dt.date], prefix: str):
        super().__init__()
        self.visit, self.language, self.today = visit, language, today
        self.setObjectName(f"{prefix}_id_entry")
        self.required = False  # set when the citizen went on without a number: said at the field
        self.card_failed = False  # the reader did not read the card tapped: said at the field
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(10)
        self.reader_title = label(cls="h2")
        root.addWidget(self.reader_title)
        cards = QGridLayout()
        cards.setSpacing(12)
        self.persona_buttons = {}
        for i, p in enumerate(PERSONAS):
            b = button(f"{prefix}_persona_{p.id}", "persona", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, pid=p.id: self.read_card(pid))
            cards.addWidget(b, i // 2, i % 2)
            self.persona_buttons[p.id] = b
        root.addLayout(cards)
        self.manual_title = label(cls="h2")
        root.addWidget(self.manual_title)
        row = QHBoxLayout()
        row.setSpacing(20)
        fields = QVBoxLayout()
        fields.setSpacing(6)
        self.field = named(QLineEdit(), f"{prefix}_id_field")
        self.field.setReadOnly(True)  # typed into by the keypad, or by typed_key() from a keyboard
        self.field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.error = label(cls="muted")
        self.error.setObjectName(f"{prefix}_id_error")
        fields.addWidget(self.field)
        fields.addWidget(self.error)
        fields.addStretch(1)
        row.addLayout(fields, 3)
        self.keypad = Keypad(language)
        self.keypad.typed.connect(lambda ch: self._edit(lambda s: s + ch if len(s) < 18 else s))
        self.keypad.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keypad.cleared.connect(lambda: self._edit(lambda s: ""))
        for b in self.keypad.findChildren(type(self.keypad.clear)):
            b.setObjectName(f"{prefix}_{b.objectName()}")
        row.addWidget(self.keypad, 2)
        root.addLayout(row)
        self.retranslate()

    def read_card(self, pid: str) -> None:
        """The virtual ID-card reader: a tap on a demo card 'reads' it (or the reader fails: said)."""
        p = read_card(self, pid)
        if p is None:
            return
        self.visit.persona_id, self.visit.persona_tags, self.visit.resident_id = p.id, p.tags, p.resident_id
        self.required = False
        self.refresh()
        self.changed.emit()

    def _edit(self, fn) -> None:
        if self.visit.persona_id:  # typing replaces a card that was read
            self.visit.persona_id, self.visit.persona_tags, self.visit.resident_id = "", (), ""
        self.visit.resident_id = fn(self.visit.resident_id)
        self.required = self.card_failed = False
        self.refresh()
        self.changed.emit()

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard types digits (and X) into the field."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._edit(lambda s: s[:-1])
            return True
        text = event.text().upper()
        if len(text) == 1 and (text.isdigit() or text == "X"):
            self._edit(lambda s: s + text if len(s) < 18 else s)
            return True
        return False

    def status(self) -> tuple[str, bool]:
        if self.card_failed and not self.visit.resident_id:
            return failed_text(self.language), True
        if self.required and not self.visit.resident_id:
            return self.tr("请刷身份证，或用数字键输入身份证号"), True
        return id_status(self.visit.resident_id, self.today(), self.language)

    def valid_id(self) -> str | None:
        rid = self.visit.resident_id
        return rid if rid and resident_id_problem(rid, self.today()) is None else None

    def refresh(self) -> None:
        v = self.visit
        self.field.setText(mask_id(v.resident_id) if v.persona_id else v.resident_id)
        _mark(self.field, self.error, self.status())
        for pid, b in self.persona_buttons.items():
            b.setChecked(pid == v.persona_id)
        self.retranslate()

    def retranslate(self) -> None:
        en = self.language.english
        ctx = self.language.translate
        self.reader_title.setText(ctx(_ID, QT_TRANSLATE_NOOP("IdentityScreen", "请把身份证放到读卡区（演示：点一张卡）")))
        self.manual_title.setText(self.tr("或用数字键输入身份证号"))
        for p in PERSONAS:
            name = p.name_en if en else p.name
            desc = p.description_en if en else p.description
            chosen = p.id == self.visit.persona_id
            read = ctx(_ID, QT_TRANSLATE_NOOP("IdentityScreen", "（已读取）")) if chosen else ""
            set_text(self.persona_buttons[p.id], f"{'✓ ' if chosen else ''}{name}\n{desc}", name + read)
            self.persona_buttons[p.id].setAccessibleDescription(desc)
        self.field.setPlaceholderText(ctx(_ID, QT_TRANSLATE_NOOP("IdentityScreen", "18 位，最后一位可以是 X")))
        self.field.setAccessibleName(ctx(_ID, QT_TRANSLATE_NOOP("IdentityScreen", "身份证号")))
        self.error.setText(self.status()[0] or " ")


class CodeEntry(Retranslating, QWidget):
    """A legal person's unified social credit code: the demo licence scanner (cards for a few
    companies of the credit list) and the on-screen keyboard with the code field."""

    changed = Signal()

    def __init__(self, visit: Visit, language: Language, licences: Sequence[CreditRecord], prefix: str):
        super().__init__()
        self.visit, self.language = visit, language
        self.setObjectName(f"{prefix}_code_entry")
        self.required = False
        self.licences = list(licences)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(10)
        self.scan_title = label(cls="h2")
        root.addWidget(self.scan_title)
        cards = QGridLayout()
        cards.setSpacing(12)
        self.licence_buttons = {}
        for i, rec in enumerate(self.licences):
            b = button(f"{prefix}_licence_{rec.code}", "persona", checkable=True, wrap=True)
            b.clicked.connect(lambda _=False, code=rec.code: self.scan(code))
            cards.addWidget(b, i // 2, i % 2)
            self.licence_buttons[rec.code] = b
        root.addLayout(cards)
        self.manual_title = label(cls="h2")
        root.addWidget(self.manual_title)
        self.field = named(QLineEdit(), f"{prefix}_code_field")
        self.field.setReadOnly(True)
        self.field.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        root.addWidget(self.field)
        self.error = label(cls="muted")
        self.error.setObjectName(f"{prefix}_code_error")
        root.addWidget(self.error)
        self.keyboard = OnScreenKeyboard(language)
        self.keyboard.typed.connect(self._typed)
        self.keyboard.backspace.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keyboard.cleared.connect(lambda: self._edit(lambda s: ""))
        self.keyboard.space.hide()  # a code has no spaces
        for b in self.keyboard.findChildren(type(self.keyboard.clear)):
            b.setObjectName(f"{prefix}_{b.objectName()}")
        root.addWidget(self.keyboard)
        self.retranslate()

    def scan(self, code: str) -> None:
        """The demo licence scanner: a tap on a licence 'scans' its QR code (the credit code)."""
        self.visit.credit_code = code
        self.required = False
        self.refresh()
        self.changed.emit()

    def _typed(self, ch: str) -> None:
        if ch.strip():
            self._edit(lambda s: s + ch.upper() if len(s) < 18 else s)

    def _edit(self, fn) -> None:
        self.visit.credit_code = fn(self.visit.credit_code)
        self.required = False
        self.refresh()
        self.changed.emit()

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard types letters and digits into the field."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._edit(lambda s: s[:-1])
            return True
        text = event.text()
        if len(text) == 1 and text.isascii() and text.isalnum():
            self._typed(text)
            return True
        return False

    def status(self) -> tuple[str, bool]:
        if self.required and not self.visit.credit_code:
            return self.tr("请扫描营业执照，或输入 18 位统一社会信用代码"), True
        return uscc_status(self.visit.credit_code, self.language)

    def valid_code(self) -> str | None:
        code = self.visit.credit_code
        return code if code and uscc_problem(code) is None else None

    def refresh(self) -> None:
        self.field.setText(self.visit.credit_code)
        _mark(self.field, self.error, self.status())
        for code, b in self.licence_buttons.items():
            b.setChecked(code == self.visit.credit_code)
        self.retranslate()

    def retranslate(self) -> None:
        en = self.language.english
        self.scan_title.setText(self.tr("请扫描营业执照上的二维码（演示：点一张执照）"))
        self.manual_title.setText(self.tr("或用键盘输入统一社会信用代码"))
        for rec in self.licences:
            name = rec.name_en if en else rec.name
            chosen = rec.code == self.visit.credit_code
            set_text(self.licence_buttons[rec.code], f"{'✓ ' if chosen else ''}{name}\n{rec.code}",
                     name + (self.tr("（已扫描）") if chosen else ""))
            self.licence_buttons[rec.code].setAccessibleDescription(rec.code)
        self.field.setPlaceholderText(self.tr("18 位，由数字和大写字母组成"))
        self.field.setAccessibleName(self.tr("统一社会信用代码"))
        self.error.setText(self.status()[0] or " ")
