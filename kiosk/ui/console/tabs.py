"""``kiosk hall``'s consoles: one tab per window, every tab on screen and a real touch target.

A plain QTabWidget sized its tabs by their text and hid windows 8–10 behind two 4 px scroll
arrows. Here the bar shares its width equally among the windows (no scroll arrows), and each tab
shows the window's number on one line and its name under it, wrapped to the tab's width; the bar
is as tall as the longest label needs (at least a 72 px target). Each tab's label is in its own
console's language (each console is a terminal of its own) and follows it when that console
switches. Keys: Tab reaches the bar, ← → (or Ctrl+Tab) move between windows."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionTab, QStylePainter, QTabBar, QTabWidget, QWidget

from kiosk.ui.console.window import REFERENCE_SIZE, ConsoleWindow
from kiosk.ui.shared.widgets import wrap_text

# The smallest tab (a touch target at the reference geometry) and the room kept around its label.
MIN_TAB = 72
PAD_X, PAD_Y = 6, 8


class WindowTabBar(QTabBar):
    """Tabs of equal width filling the bar, each label wrapped to fit (never elided, never
    scrolled out of sight)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hall_console_tabs")
        self.setExpanding(True)
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setDrawBase(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._width = REFERENCE_SIZE[0]

    # --- labels -----------------------------------------------------------------------------------

    def set_label(self, index: int, number: str, name: str, said: str) -> None:
        """Tab ``index`` shows ``number`` and ``name``; a screen reader hears ``said``."""
        self.setTabText(index, f"{number} {name}")  # also relays the bar out
        self.setAccessibleTabName(index, said)
        self.setTabToolTip(index, said)

    def set_width(self, width: int) -> None:
        """The width the bar has to share (its tab widget's)."""
        if width > 0 and width != self._width:
            self._width = width
            self.setIconSize(self.iconSize())  # a relayout with the new tab sizes
            self.updateGeometry()

    def text_rect(self, index: int):
        """Where tab ``index``'s label is drawn."""
        return self.tabRect(index).adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)

    def drawn_text(self, index: int) -> str:
        """Tab ``index``'s label as drawn: the number, then the name wrapped to the tab's width."""
        number, _, name = self.tabText(index).partition(" ")
        return "\n".join(x for x in (number, wrap_text(name, self.font(), self._share() - 2 * PAD_X)) if x)

    # --- sizes ------------------------------------------------------------------------------------

    def _share(self) -> int:
        return max(MIN_TAB, self._width // max(1, self.count()))

    def _height(self) -> int:
        fm = QFontMetrics(self.font())
        tallest = 0
        for i in range(self.count()):
            lines = self.drawn_text(i).count("\n") + 1
            tallest = max(tallest, fm.height() + (lines - 1) * fm.lineSpacing())
        return max(MIN_TAB, tallest + 2 * PAD_Y + 6)  # and the selected tab's 6 px bar

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802
        return QSize(self._share(), self._height())

    def minimumTabSizeHint(self, index: int) -> QSize:  # noqa: N802
        return QSize(MIN_TAB, self._height())

    # --- painting ---------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QStylePainter(self)
        for i in range(self.count()):
            opt = QStyleOptionTab()
            self.initStyleOption(opt, i)
            opt.text = self.drawn_text(i)
            p.drawControl(QStyle.ControlElement.CE_TabBarTab, opt)


class ConsoleTabs(QTabWidget):
    """Every window's console, one tab each (``kiosk hall``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hall_consoles")
        self.setTabBar(WindowTabBar(self))
        self.setDocumentMode(True)
        self.currentChanged.connect(lambda _i: self._name_bar())

    def add_console(self, console: ConsoleWindow) -> int:
        index = self.addTab(console, "")
        console.label_changed.connect(lambda c=console: self._label(c))
        self._label(console)
        return index

    def _label(self, console: ConsoleWindow) -> None:
        index = self.indexOf(console)
        if index >= 0:
            number, name = console.tab_label()
            self.tabBar().set_label(index, number, name, console.tab_name())
        self._name_bar()

    def _name_bar(self) -> None:
        """The bar is named in the language of the console it shows."""
        console = self.currentWidget()
        if isinstance(console, ConsoleWindow):
            self.tabBar().setAccessibleName(console.tabs_name())

    def reference_size(self) -> tuple[int, int]:
        """Each console at its 1280×800 reference, under a bar that fits every window's tab."""
        return REFERENCE_SIZE[0], REFERENCE_SIZE[1] + self.tabBar().sizeHint().height()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.tabBar().set_width(event.size().width())
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        console = self.currentWidget()
        if console is not None and self.focusWidget() is None:
            console.setFocus(Qt.FocusReason.OtherFocusReason)  # no focus ring until a key moves it
