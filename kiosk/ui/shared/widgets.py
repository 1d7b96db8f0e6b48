"""Reusable touch widgets: buttons, the on-screen keyboard and keypad, the QR code, the header."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.shared.i18n import Language, Retranslating


def named(widget: QWidget, object_name: str, accessible: str = "") -> QWidget:
    """Give an interactive widget its objectName and accessibleName (recorder and screen readers)."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible or object_name)
    return widget


def classed(widget: QWidget, cls: str) -> QWidget:
    widget.setProperty("class", cls)
    return widget


def restyle(widget: QWidget) -> None:
    """Re-evaluate style rules after a ``class`` property change."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


#: Sent to a button (so every application event filter sees it) when a person presses or toggles
#: it — by a tap, a key, or a screen reader's action, which comes with no input event of its own.
#: The idle watcher counts it as activity.
PERSON_ACTED = QEvent.Type(QEvent.registerEventType())


class TapEquivalentButton(QPushButton):
    """A button whose screen-reader actions do exactly what a tap does.

    Qt gives a checkable button the accessible default action Toggle, which calls ``toggle()``:
    the check mark changes and ``toggled`` is emitted, but not ``clicked`` — the signal the
    screens act on — so a persona card or a chip toggled by a screen reader showed ticked while
    nothing happened. A change of the check state made neither by a click (tap, key, the Press
    action) nor by the program (``setChecked``) is an assistive technology's Toggle: it emits
    ``clicked`` as a tap does. Every press and such a toggle also sends PERSON_ACTED."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._clicking = False
        self._programmatic = False
        self.pressed.connect(self._acted)
        self.toggled.connect(self._toggled)

    def setChecked(self, checked: bool) -> None:  # noqa: N802 - the program's change, not the person's
        was, self._programmatic = self._programmatic, True
        try:
            super().setChecked(checked)
        finally:
            self._programmatic = was

    def nextCheckState(self) -> None:  # noqa: N802 - called by a click (tap, key, Press): clicked follows
        was, self._clicking = self._clicking, True
        try:
            super().nextCheckState()
        finally:
            self._clicking = was

    def _toggled(self, checked: bool) -> None:
        if self._clicking or self._programmatic:
            return
        self._acted()
        self.clicked[bool].emit(checked)

    def _acted(self) -> None:
        QCoreApplication.sendEvent(self, QEvent(PERSON_ACTED))


#: What a checkable button that shows its state itself (a chip) puts before its label when on.
ON_MARK = "✓ "


class KioskButton(TapEquivalentButton):
    """A touch button that keys and switches can use too: reached by Tab (a tap does not take
    the focus, so tapping an on-screen key leaves it in the field being typed), activated by
    Space, Enter or Return — and so by a switch mapped to any of them.

    With ``marked`` (a checkable chip), its state is never in its colour alone: checked, the
    label starts with ✓ (``text()`` stays the label set)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAutoDefault(False)
        self._label = ""
        self.marked = False

    def setText(self, text: str) -> None:  # noqa: N802
        self._label = text
        self._show()

    def text(self) -> str:
        return self._label

    def shown_text(self) -> str:
        """The label as drawn before any wrapping: with ✓ when marked and checked."""
        return (ON_MARK if self.marked and self.isChecked() else "") + self._label

    def _show(self) -> None:
        if self.shown_text() != QPushButton.text(self):
            QPushButton.setText(self, self.shown_text())

    def checkStateSet(self) -> None:  # noqa: N802 - every change of the check state, signals blocked or not
        super().checkStateSet()
        if self.marked:
            self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            if self.isEnabled():
                self.click()
            event.accept()
            return
        super().keyPressEvent(event)


def wrap_text(text: str, font: QFont, width: float) -> str:
    """``text`` broken into lines no wider than ``width`` pixels (words kept whole where the
    language has spaces, any character boundary in Chinese), its own line breaks kept."""
    lines: list[str] = []
    for para in text.split("\n"):
        layout = QTextLayout(para, font)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            lines.append(para[line.textStart():line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
        if not para:
            lines.append("")
    return "\n".join(lines)


class WrapButton(KioskButton):
    """A button whose text wraps onto more lines instead of being cut: it grows in height to fit
    (long bundle names in 长辈版, English descriptions on the ID cards)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _show(self) -> None:
        self._rewrap(self.width())

    def _text_width(self, width: int) -> int:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self)
        margin = self.width() - inner.width() if self.width() > inner.width() else 48
        return width - margin - 8

    def _rewrap(self, width: int) -> None:
        raw = self.shown_text()
        wrapped = wrap_text(raw, self.font(), self._text_width(width)) if width > 0 else raw
        if wrapped != QPushButton.text(self):
            QPushButton.setText(self, wrapped)
            self.updateGeometry()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """The designed height (the style sheet's) plus a line for every line the wrapping adds —
        and never less than all the lines need (a label of two lines on a chip one line high)."""
        raw, text_width = self.shown_text(), self._text_width(width)
        wrapped = wrap_text(raw, self.font(), text_width)
        added = wrapped.count("\n") - raw.count("\n")
        designed = max(self.minimumHeight(), super().sizeHint().height())
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self)
        frame = self.height() - inner.height() if self.height() > inner.height() else 16  # border and padding
        lines = self.fontMetrics().boundingRect(QRect(0, 0, max(1, text_width), 100_000),
                                                int(Qt.AlignmentFlag.AlignCenter), wrapped).height() + frame
        return max(designed + max(0, added) * self.fontMetrics().lineSpacing(), lines)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width()) if self.width() > 0 else hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rewrap(event.size().width())

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._rewrap(self.width())


def button(object_name: str, cls: str = "", checkable: bool = False, wrap: bool = False) -> QPushButton:
    """A touch button. A checkable chip shows ✓ when on (its state is not in its colour alone)."""
    b = WrapButton() if wrap else KioskButton()
    b.setObjectName(object_name)
    b.setAccessibleName(object_name)
    b.setCheckable(checkable)
    b.marked = checkable and "chip" in cls.split()
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    policy.setHeightForWidth(wrap)  # a layout asks a wrapping button its height for the width it gets
    b.setSizePolicy(policy)
    if cls:
        classed(b, cls)
    return b


def label(text: str = "", cls: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(wrap)
    if cls:
        classed(lab, cls)
    return lab


#: a heading too long for its line is drawn down to this share of its size before anything is cut
FIT_FLOOR = 0.8


class ElidedLabel(QLabel):
    """One line that never widens its window: a text too long for it is drawn smaller (down to
    80 % — a heading stays above the mode's smallest text size), and only then ends in …"""

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def fitted(self) -> tuple[QFont, str]:
        """The font and text drawn: what the screenshots and the walker check."""
        font, width = QFont(self.font()), self.contentsRect().width()
        size, floor = font.pixelSize(), max(1.0, self.font().pixelSize() * FIT_FLOOR)
        while size > floor and QFontMetrics(font).horizontalAdvance(self.text()) > width:
            size -= 1
            font.setPixelSize(size)
        return font, QFontMetrics(font).elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        font, text = self.fitted()
        p.setFont(font)
        p.setPen(self.palette().color(self.foregroundRole()))
        p.drawText(self.contentsRect(), int(self.alignment()), text)
        p.end()


def set_text(b: QPushButton, text: str, accessible: str | None = None) -> None:
    """Label ``b`` and name it for screen readers: ``accessible``, or the label itself. A shorter
    name for a label of several lines names its first line; the other lines become the accessible
    description, so a screen reader says all that is written on the button (WCAG 2.5.3)."""
    b.setText(text)
    b.setAccessibleName(accessible or text.replace("\n", " "))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if accessible and len(lines) > 1:
        b.setAccessibleDescription(" ".join(lines[1:]))


def touch_scrolling(area: QAbstractScrollArea) -> QAbstractScrollArea:
    """Make ``area`` scroll by dragging a finger (or the mouse) anywhere on it, with kinetic
    flicks. A tap still reaches the button under it: the press goes through at once, and when
    the finger then moves the scroller takes over and the button is released without a click.
    The scroll bar becomes a position indicator, not a target (too thin to hit, and not needed:
    the whole page is the handle)."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(area.viewport())
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)  # metres: 4 mm
    props.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.2)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootScrollDistanceFactor, 0.05)
    for policy in (QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
                   QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy):
        props.setScrollMetric(policy, QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
    scroller.setScrollerProperties(props)
    for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
        bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return area


def to_top(widget: QWidget) -> None:
    """Scroll every scrolling area in ``widget`` back to its start (a screen opens at its top)."""
    for area in widget.findChildren(QAbstractScrollArea):
        scroller = QScroller.scroller(area.viewport()) if QScroller.hasScroller(area.viewport()) else None
        if scroller is not None:
            scroller.stop()
        area.verticalScrollBar().setValue(0)
        area.horizontalScrollBar().setValue(0)


def scroll(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QFrame.Shape.NoFrame)
    touch_scrolling(area)
    return area


def scrolled_page(screen: QWidget, margins: int, spacing: int) -> tuple[QVBoxLayout, QVBoxLayout]:
    """Give ``screen`` a scrolling body. Returns (the screen's outer layout, for a fixed footer;
    the body's layout, for the content)."""
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    body = QWidget()
    content = QVBoxLayout(body)
    content.setContentsMargins(margins, margins * 3 // 4, margins, margins * 3 // 4)
    content.setSpacing(spacing)
    outer.addWidget(scroll(body), 1)
    return outer, content


def dimmed_card(overlay: QWidget, side: int, padding: int, spacing: int) -> QVBoxLayout:
    """Make ``overlay`` the dimmed layer over a whole terminal with one white card centred on it
    (the idle warning, the staff PIN pad: ``#IdleOverlay``/``#IdleCard`` in the style sheet).
    Returns the card's layout for its content."""
    overlay.setObjectName("IdleOverlay")
    lay = QVBoxLayout(overlay)
    lay.setContentsMargins(side, 0, side, 0)
    card = QFrame()
    card.setObjectName("IdleCard")
    content = QVBoxLayout(card)
    content.setContentsMargins(40, padding, 40, padding)
    content.setSpacing(spacing)
    lay.addStretch(1)
    lay.addWidget(card)
    lay.addStretch(1)
    return content


def clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.hide()
            w.setParent(None)  # gone from findChild at once, not only when deleteLater runs
            w.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class OnScreenKeyboard(Retranslating, QWidget):
    """Letters, digits, backspace, clear and space — a kiosk has no physical keyboard.

    Emits ``typed(str)`` for a key, ``backspace()`` and ``cleared()``.
    """

    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")

    def __init__(self, language: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.setObjectName("keyboard")
        grid = QVBoxLayout(self)
        grid.setSpacing(10)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for r, row in enumerate(self.ROWS):
            line = QHBoxLayout()
            line.setSpacing(10)
            if r >= 2:
                line.addStretch(r - 1)
            for ch in row:
                b = button(f"key_{ch}", "key")
                set_text(b, ch)
                b.clicked.connect(lambda _=False, c=ch: self.typed.emit(c.lower()))
                line.addWidget(b, 2)
                self.keys[ch] = b
            if r == 3:
                self.back = button("key_backspace", "key")
                self.back.clicked.connect(self.backspace)
                line.addWidget(self.back, 5)
            elif r >= 2:
                line.addStretch(r - 1)
            grid.addLayout(line)
        last = QHBoxLayout()
        last.setSpacing(10)
        self.clear = button("key_clear", "key")
        self.clear.clicked.connect(self.cleared)
        self.space = button("key_space", "key")
        self.space.clicked.connect(lambda: self.typed.emit(" "))
        last.addWidget(self.clear, 2)
        last.addWidget(self.space, 6)
        grid.addLayout(last)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.back, self.tr("← 退格"), self.tr("退格"))
        set_text(self.clear, self.tr("清空"))
        set_text(self.space, self.tr("空格"))


class Keypad(Retranslating, QWidget):
    """Digits, X (the resident-ID check character), backspace and clear: X and a wide 0, then
    清空 and a wide ← 退格 (room for "← Delete" in 长辈版)."""

    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, language: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.setObjectName("keypad")
        grid = QGridLayout(self)
        grid.setSpacing(10)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, ch in enumerate("123456789X0"):
            b = button(f"pad_{ch}", "key")
            set_text(b, ch)
            b.clicked.connect(lambda _=False, c=ch: self.typed.emit(c))
            grid.addWidget(b, i // 3, i % 3, 1, 2 if ch == "0" else 1)
            if ch == "X":
                self.key_x = b
                policy = b.sizePolicy()
                policy.setRetainSizeWhenHidden(True)  # hidden (on the phone field), its place stays: no jump
                b.setSizePolicy(policy)
        self.back = button("pad_backspace", "key", wrap=True)  # "← Delete" breaks onto two lines in a narrow pad
        self.back.clicked.connect(self.backspace)
        grid.addWidget(self.back, 4, 1, 1, 2)
        self.clear = button("pad_clear", "key")
        self.clear.clicked.connect(self.cleared)
        grid.addWidget(self.clear, 4, 0)
        QWidget.setTabOrder(self.clear, self.back)  # Tab goes left to right
        for col in range(3):
            grid.setColumnStretch(col, 1)
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.back, self.tr("← 退格"), self.tr("退格"))
        set_text(self.clear, self.tr("清空"))


class QrCode(QWidget):
    """Paints a QR code (segno) crisply at any size; no image files involved."""

    def __init__(self, side: int = 240, parent: QWidget | None = None):
        super().__init__(parent)
        self._matrix: tuple = ()
        self.text = ""
        self.setFixedSize(side, side)

    def set_text(self, text: str) -> None:
        self.text = text
        self._matrix = qr_matrix(text)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.size()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if self._matrix:
            paint_qr(p, self._matrix, QRectF(self.rect()))
        p.end()


@lru_cache(maxsize=64)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """Modules of a QR code for ``text`` (quiet zone included); long text is cut to fit.

    A fixed mask pattern: segno's automatic choice tries all eight in pure Python (~70 ms for a
    long checklist), and any mask gives a valid code."""
    import segno  # deferred: not needed to paint home

    for limit in (None, 600, 300):
        try:
            qr = segno.make(text if limit is None else text[:limit], error="m", micro=False, mask=2)
            break
        except segno.DataOverflowError:
            continue
    else:  # pragma: no cover - 300 characters always fit
        return ()
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix_iter(scale=1, border=2))


def paint_qr(p: QPainter, matrix, rect: QRectF) -> None:
    n = len(matrix)
    cell = min(rect.width(), rect.height()) / n
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                p.drawRect(QRectF(rect.x() + x * cell, rect.y() + y * cell, cell + 0.3, cell + 0.3))


class ChipRow(QWidget):
    """A wrapping set of checkable chips; emits ``chosen(key)`` (key None for 全部)."""

    chosen = Signal(object)

    def __init__(self, prefix: str, columns: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self.prefix = prefix
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setSpacing(12)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[object, QPushButton] = {}

    def set_chips(self, chips: Iterable[tuple[object, str]], current: object = None) -> None:
        clear_layout(self.grid)
        self.buttons = {}
        for i, (key, text) in enumerate(chips):
            b = button(f"{self.prefix}_{key}", "chip", checkable=True, wrap=True)
            set_text(b, text)
            b.setChecked(key == current)
            b.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self.grid.addWidget(b, i // self.columns, i % self.columns)
            self.buttons[key] = b
