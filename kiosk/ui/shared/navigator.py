"""Navigation by enum: one navigator owns the QStackedWidget; screens only emit intents.

Every screen keeps one contract (:class:`Page`), so the terminal, the walker test and (later) the
usability recorder iterate the registered screens instead of knowing them by name."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from kiosk.ui.shared.i18n import Retranslating
from kiosk.ui.shared.widgets import to_top

#: the label classes a screen's voice reads on arrival: headings and the key lines
SPOKEN_CLASSES = frozenset({"h1", "h2", "lead", "big", "ticket-number", "badge-green", "badge-amber", "error"})


class Page(Retranslating):
    """Mixin for a terminal's screens (QWidget subclasses): what the navigator and the terminal
    ask of every one of them.

    ``enter()``        it is about to be shown (refresh from the visit)
    ``reset()``        forget everything this visitor entered on it (首页, the idle timeout)
    ``retranslate()``  show the terminal's language (from :class:`Retranslating`)
    ``spoken()``       what the voice reads after the screen's title: by default its headings
                       and key lines (labels of the classes in :data:`SPOKEN_CLASSES`), in order
    The look follows the terminal's Theme through the style sheet; screens never set fonts.
    """

    def enter(self) -> None:
        pass

    def reset(self) -> None:
        pass

    def spoken(self) -> str:
        widget: QWidget = self  # type: ignore[assignment]
        return "\n".join(lab.text() for lab in widget.findChildren(QLabel)
                         if lab.isVisibleTo(widget) and lab.text().strip()
                         and set(str(lab.property("class") or "").split()) & SPOKEN_CLASSES)


class Screen(Enum):
    HOME = "home"
    TICKET_MENU = "ticket_menu"
    CATALOGUE = "catalogue"
    ITEM = "item"
    IDENTITY = "identity"
    SLIP = "slip"
    RATE = "rate"  # 服务评价 (好差评) by ticket number or the slip's QR code
    OFFICER = "officer"  # 服务专员
    HOME_VISIT = "home_visit"  # 移动办公桌
    CHECKIN = "checkin"  # 预约签到
    REPORT = "report"  # 办不成事反映
    OPINION = "opinion"  # 意见建议
    RONGQUE = "rongque"  # 容缺受理: which materials follow later
    RONGQUE_APPLICANT = "rongque_applicant"  # … who commits (resident ID or credit code)
    RONGQUE_LETTER = "rongque_letter"  # … the 承诺书 to confirm
    SELF_SERVICE = "self_service"  # 零材料 self-service: identity
    SELF_CONFIRM = "self_confirm"  # … the fetched 电子证照 to confirm
    SELF_RESULT = "self_result"  # … done: the printed result


class Navigator(QObject):
    """``changed(Screen)`` after every move. ``back()`` returns along the path taken.

    Screens are registered as factories and built on first use (or by :meth:`build_all` once
    the kiosk is idle), so start-up builds only what the first frame shows.
    """

    changed = Signal(object)

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack)
        self.stack = stack
        self._factories: dict[Screen, Callable[[], QWidget]] = {}
        self._screens: dict[Screen, QWidget] = {}
        self._history: list[Screen] = []
        self.current: Screen | None = None
        self.how = ""  # how the last move came about: "go", "back", "home" or "replace" (the study record)

    def add(self, screen: Screen, factory: Callable[[], QWidget]) -> None:
        self._factories[screen] = factory

    def built(self, screen: Screen) -> bool:
        return screen in self._screens

    def widget(self, screen: Screen) -> QWidget:
        if screen not in self._screens:
            widget = self._factories[screen]()
            self._screens[screen] = widget
            self.stack.addWidget(widget)
        return self._screens[screen]

    def build_all(self) -> None:
        for screen in self._factories:
            self.widget(screen)

    def built_screens(self) -> list[QWidget]:
        """The screens built so far, in registration order."""
        return [self._screens[s] for s in self._factories if s in self._screens]

    def go(self, screen: Screen) -> None:
        if self.current is not None and self.current != screen:
            self._history.append(self.current)
        self.how = "go"
        self._show(screen, top=True)

    def back(self) -> None:
        """Return to the previous screen where the citizen left it (its scroll position kept)."""
        self.how = "back"
        self._show(self._history.pop() if self._history else Screen.HOME, top=False)

    def home(self) -> None:
        self._history.clear()
        self.how = "home"
        self._show(Screen.HOME, top=True)

    def replace(self, screen: Screen) -> None:
        """Go to ``screen`` without remembering the current one (e.g. after issuing a ticket)."""
        self.how = "replace"
        self._show(screen, top=True)

    def _show(self, screen: Screen, top: bool) -> None:
        widget = self.widget(screen)
        if isinstance(widget, Page):
            widget.enter()
        if top:
            to_top(widget)  # a screen opens at its top, its title in view
        self.current = screen
        self.stack.setCurrentWidget(widget)
        self.changed.emit(screen)
