"""The form parts the 办不成事反映 and 意见建议 screens share: a field typed into by the on-screen
keyboard, the keypad (a mobile number) or a physical keyboard, with its message under it, and the
pad that types into whichever field the citizen chose.

A field keeps what was typed as it was typed — nothing is cut or dropped silently — and says
under it what the records would refuse (kiosk.domain.freetext: too long, invisible characters,
emoji; a mobile number that is not one), in the terminal's language, as it is typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.shared.casewords import phone_message, text_message
from kiosk.ui.shared.i18n import Language, Retranslating
from kiosk.ui.shared.widgets import Keypad, OnScreenKeyboard, label, named, restyle

#: The most a field takes from the keys: far past any limit (the message says how much to delete),
#: short of a key held down for ever.
HARD_CAP = 2000
PHONE_DIGITS = 11
#: Keys that act (move, confirm, go back) rather than type, whatever text they carry.
_NOT_TYPING = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape,
               Qt.Key.Key_Delete}


class EntryField(Retranslating, QWidget):
    """A heading, a line typed into by the pad (read-only to the system: no system keyboard
    pops up) and the line's message. ``tapped(field)`` when the citizen taps it or Tabs into it.
    ``limit`` is the text's length limit; ``phone`` makes it a mobile number (digits only)."""

    tapped = Signal(object)
    changed = Signal()

    def __init__(self, name: str, language: Language, limit: int = 0, phone: bool = False):
        super().__init__()
        self.language, self.limit, self.phone = language, limit, phone
        self.value = ""
        self.active = False
        self.required = ""  # what an empty required field says, once the citizen asked to go on
        self.insist = False  # the citizen asked to go on: an unfinished number is a problem now
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.heading = label(cls="lead")
        self.heading.setObjectName(f"{name}_heading")
        self.line = named(QLineEdit(), f"{name}_field")
        self.line.setReadOnly(True)
        self.line.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.line.installEventFilter(self)
        self.message = label(cls="muted")
        self.message.setObjectName(f"{name}_message")
        for w in (self.heading, self.line, self.message):
            lay.addWidget(w)
        self.refresh()

    # --- typing -----------------------------------------------------------------------------------

    def type(self, text: str) -> None:
        if self.phone:
            digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
            self.set_value((self.value + digits)[:PHONE_DIGITS])
        else:
            self.set_value((self.value + text)[:HARD_CAP])

    def backspace(self) -> None:
        self.set_value(self.value[:-1])

    def clear(self) -> None:
        self.set_value("")

    def set_value(self, value: str) -> None:
        self.value = value
        self.refresh()
        self.changed.emit()

    def reset(self) -> None:
        self.value, self.required, self.insist = "", "", False
        self.refresh()

    # --- what it says -------------------------------------------------------------------------------

    def status(self) -> tuple[str, bool]:
        """(the message under the field, whether it is a problem)."""
        if self.phone:
            msg, bad = phone_message(self.value, self.language)
            return msg, bad or bool(msg and self.insist)  # digits still missing, when it matters
        return text_message(self.value, self.limit, self.language, self.required)

    def problem(self) -> str:
        """Why the field cannot be kept as it is ("" when it can): an unfinished number is one
        (and is shown as one from now on)."""
        if self.phone:
            self.insist = True
            self.refresh()
        msg, bad = self.status()
        return msg if bad else ""

    def refresh(self) -> None:
        self.line.setText(self.value)
        msg, bad = self.status()
        self.message.setText(msg or " ")  # an empty line keeps its height: nothing jumps
        self.message.setProperty("class", "error" if bad else "muted")
        restyle(self.message)
        self.line.setProperty("class", "invalid" if bad else ("active" if self.active else ""))
        restyle(self.line)
        # a screen reader hears the field's name, then what it holds and its message
        self.line.setAccessibleDescription(msg if msg.strip() else "")

    def set_active(self, on: bool) -> None:
        self.active = on
        self.refresh()

    def retranslate(self) -> None:
        self.line.setAccessibleName(self.heading.text())
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.line and event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn):
            self.tapped.emit(self)
        return super().eventFilter(watched, event)


class EntryPad(QStackedWidget):
    """The on-screen keyboard (letters, digits, space) for a text field and the keypad for a
    mobile number: whichever the chosen field needs, typing into it. :meth:`typed_key` takes a
    physical keyboard's keys for it too."""

    def __init__(self, language: Language):
        super().__init__()
        self.setObjectName("entry_pad")
        self.target: EntryField | None = None
        self.keyboard = OnScreenKeyboard(language)
        self.keypad = Keypad(language)
        self.keypad.key_x.hide()  # a mobile number has no X (its place is kept: nothing moves)
        for pad in (self.keyboard, self.keypad):
            pad.typed.connect(lambda text: self.target.type(text) if self.target else None)
            pad.backspace.connect(lambda: self.target.backspace() if self.target else None)
            pad.cleared.connect(lambda: self.target.clear() if self.target else None)
            self.addWidget(pad)

    def set_target(self, field: EntryField | None) -> None:
        self.target = field
        self.setCurrentWidget(self.keypad if field is not None and field.phone else self.keyboard)

    def typed_key(self, event: QKeyEvent) -> bool:
        """A physical keyboard (or a scanner) types into the chosen field, whatever has the focus:
        every character it sends, so that what cannot be kept is said at the field, not dropped."""
        if self.target is None or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                       | Qt.KeyboardModifier.AltModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self.target.backspace()
            return True
        if event.key() in _NOT_TYPING or not event.text():
            return False
        self.target.type(event.text())
        return True
