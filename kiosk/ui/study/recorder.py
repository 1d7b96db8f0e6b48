"""The study's recorder: one kiosk window turned into :class:`kiosk.usability.session.Session`
events (STUDY.md "Event conventions").

What it hears, and only from ITS kiosk (several terminals may share the process):

- presses and releases (a finger on the touch screen, or a mouse) with kiosk-window positions,
  the objectName under the finger (the nearest ancestor that has one), whether that is something
  that takes a tap and whether it was enabled, and on release how far the finger moved;
- keys of a physical keyboard (any character typed is ``#``; only keys such as Escape by name);
- the navigator's moves (SCREEN, with how, and on the item screen the item or bundle), 返回 (the
  header's, a screen's own, Escape) and the header's 首页, each just before the move it makes;
- the idle countdown (IDLE_WARNING once per countdown) and the timeout (IDLE_RESET);
- validation errors: an error label coming into view (its objectName, never its text);
- what the voice says (its length and language only), where the keyboard focus goes;
- the kiosk's own ``happened`` events (APP).

Privacy: the keypad's and keyboards' digit and letter keys are recorded as ``pad_#`` / ``key_#``
(:func:`masked`), typed text never; screenshots are taken on a screen's arrival, and not at all
while the visit holds personal data or when the citizen comes back to a screen (``how == "back"``:
it shows what they entered there).

Screenshots: the first time the participant's kiosk shows a screen in a mode and a language, the
kiosk window is grabbed once it has been painted (before any input on it) to
``<screens>/<screen>__<normal|elder>__<lang>.png``, at half the reference width (:data:`SHOT_WIDTH`:
enough to see the screen under a heat map, a quarter of the bytes in the report and on disk).

How it sees the input: every event of the application passes the kiosk's own application-wide
event filter, which hands it to :meth:`Recorder.event_seen` (``KioskWindow.study_filter``) — an
extra application filter would be one more Python call for each of the hundreds of events a tap
sets off. It looks only at input, paints of labels and the window's update requests (one type
test for all else) and only at widgets of its kiosk window. An input event goes to each parent in
turn while none takes it: it is recorded once, where it landed first. A finger is recorded by the
mouse press and release Qt makes of it (``info["touch"]``): no widget of the kiosk takes touch
events itself (its scrolling follows the mouse gesture), so every touch becomes one — the touch
events before it, which nothing takes, are not recorded twice. benchmarks/study_recording.py holds
a tap with the recorder on to ≤ 1.1× the same tap without.

:meth:`Recorder.detach` removes every hook.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QInputDevice
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from kiosk.ui.shared.navigator import Screen
from kiosk.ui.shared.theme import ELDER
from kiosk.usability.events import AppEvent, Kind
from kiosk.usability.session import Session

#: a screenshot's width in pixels (the kiosk's reference width is 1080; taps keep its coordinates)
SHOT_WIDTH = 540

log = logging.getLogger(__name__)

#: a key of the keypad, a keyboard or the rating screen's ticket keys: the character is masked
_KEY_NAME = re.compile(r"^(.*(?:pad|key|digit|letter))_[0-9A-Za-z]$")

_PRESS, _RELEASE = QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease
_DOUBLE = QEvent.Type.MouseButtonDblClick
_KEY = QEvent.Type.KeyPress
_PAINT, _HIDE = QEvent.Type.Paint, QEvent.Type.Hide
_UPDATE = QEvent.Type.UpdateRequest
#: every event type the filter looks at (everything else returns at the first test)
_WANTED = frozenset({_PRESS, _RELEASE, _DOUBLE, _KEY, _PAINT, _HIDE, _UPDATE})

_CONTROLS = (QAbstractButton, QLineEdit, QAbstractSlider, QComboBox, QTabBar)

#: keys recorded by name (anything else that types a character is "#")
_NAMED_KEYS = {Qt.Key.Key_Escape: "Escape", Qt.Key.Key_Backspace: "Backspace", Qt.Key.Key_Tab: "Tab",
               Qt.Key.Key_Backtab: "Backtab", Qt.Key.Key_Return: "Return", Qt.Key.Key_Enter: "Enter",
               Qt.Key.Key_Space: "Space", Qt.Key.Key_Up: "Up", Qt.Key.Key_Down: "Down", Qt.Key.Key_Left: "Left",
               Qt.Key.Key_Right: "Right", Qt.Key.Key_PageUp: "PageUp", Qt.Key.Key_PageDown: "PageDown",
               Qt.Key.Key_Home: "Home", Qt.Key.Key_End: "End", Qt.Key.Key_Delete: "Delete"}

#: a drag, not a tap, when the finger moved more than this between press and release (px)
DRAG_PX = 20


def masked(name: str) -> str:
    """``pad_5`` → ``pad_#``, ``report_text_key_A`` → ``report_text_key_#``: the character a key
    types is never in the record; other names are kept."""
    m = _KEY_NAME.match(name)
    return f"{m.group(1)}_#" if m else name


def widget_name(widget: QWidget | None, top: QWidget) -> str:
    """The objectName of ``widget`` or of its nearest ancestor (below ``top``) that has one (Qt's
    own ``qt_…`` names — a scroll area's viewport — are skipped), masked."""
    while widget is not None and widget is not top:
        name = widget.objectName()
        if name and not name.startswith("qt_"):
            return masked(name)
        widget = widget.parentWidget()
    return top.objectName() if widget is top else ""


def control_of(widget: QWidget | None, top: QWidget, local: QPoint) -> tuple[QWidget | None, bool]:
    """(the control the tap at ``local`` in ``widget`` is on, or None; for an item view, whether
    there is an item there)."""
    pos = local
    while widget is not None and widget is not top:
        if isinstance(widget, _CONTROLS):
            return widget, True
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractItemView) and widget is parent.viewport():
            return parent, parent.indexAt(pos).isValid()
        pos = widget.mapToParent(pos)
        widget = parent
    return None, False


class Recorder(QObject):
    """Records ``kiosk`` (a :class:`kiosk.ui.kiosk.window.KioskWindow`) into ``session``;
    ``screens`` is the participant's screenshot folder (None: no screenshots)."""

    def __init__(self, kiosk, session: Session, screens: Path | None = None):
        super().__init__(kiosk)
        self.kiosk, self.session = kiosk, session
        self.screens = Path(screens) if screens is not None else None
        self.shot: set[str] = set()  # the screenshots taken (file stems)
        self._pending: str | None = None  # a screenshot to take once the screen is painted
        self._last: tuple[int, float, float, int] | None = None  # the input event last recorded (dedup)
        self._last_widget: QWidget | None = None  # …and where it landed
        self._press: QPoint | None = None
        self._warned = False
        self._errors: set[int] = set()  # error labels in view (their ids), so each showing is one event
        self._hooks: list[tuple[object, object]] = []
        self._attached = True
        app = QApplication.instance()
        # the kiosk's own application-wide filter hands every event on (KioskWindow.study_filter)
        kiosk.study_filter = self.event_seen
        self._hook(kiosk.nav.changed, self._screen)
        self._hook(kiosk.went_back, lambda: self.session.record(Kind.BACK))
        self._hook(kiosk.went_home, lambda: self.session.record(Kind.HOME))
        self._hook(kiosk.idle.warning, self._idle_warning)
        self._hook(kiosk.idle.resumed, self._idle_over)
        self._hook(kiosk.idle.expired, self._idle_expired)
        self._hook(kiosk.speaker.spoken, self._spoken)
        self._hook(kiosk.happened, self._happened)
        self._hook(app.focusChanged, self._focus)
        if kiosk.nav.current is not None:  # the screen it is on now (its first screenshot too)
            self._arrived(kiosk.nav.current, "start")

    def _hook(self, signal, slot) -> None:
        signal.connect(slot)
        self._hooks.append((signal, slot))

    def detach(self) -> None:
        """Remove every hook: the kiosk runs on as if never recorded."""
        if not self._attached:
            return
        self._attached = False
        if self.kiosk.study_filter == self.event_seen:
            self.kiosk.study_filter = None
        for signal, slot in self._hooks:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the kiosk (or its signal's owner) is gone already
                pass
        self._hooks.clear()
        self._pending = None

    # --- the kiosk's signals ----------------------------------------------------------------------

    def _screen(self, screen: Screen) -> None:
        self._arrived(screen, self.kiosk.nav.how or "go")

    def _arrived(self, screen: Screen, how: str) -> None:
        info: dict[str, str] = {"how": how}
        request = self.kiosk.visit.request
        if screen == Screen.ITEM and request is not None:
            if request.item_code:
                info["item"] = request.item_code
            elif request.bundle_code:
                info["bundle"] = request.bundle_code
        self.session.record(Kind.SCREEN, info, screen=screen.value)
        # a screenshot of what the screen shows on arrival: never when the visitor comes back to it
        # (it shows what they entered) nor while the visit holds anything personal
        if self.screens is not None and how != "back" and not self.kiosk.visit.has_personal_data:
            stem = self._stem(screen)
            if stem not in self.shot:
                self._pending = stem

    def _stem(self, screen: Screen) -> str:
        mode = "elder" if self.kiosk.theme.mode == ELDER else "normal"
        return f"{screen.value}__{mode}__{self.kiosk.language.current}"

    def _idle_warning(self, _seconds: int) -> None:
        if not self._warned:
            self._warned = True
            self.session.record(Kind.IDLE_WARNING)

    def _idle_over(self) -> None:
        self._warned = False

    def _idle_expired(self) -> None:
        self._warned = False
        self.session.record(Kind.IDLE_RESET)

    def _spoken(self, text: str, language: str) -> None:
        self.session.record(Kind.VOICE, {"chars": len(text), "language": language})

    def _happened(self, what: str, info: dict) -> None:
        self.session.record(Kind.APP, {"what": AppEvent(what).value, **info})

    def _focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self.kiosk:
            self.session.record(Kind.FOCUS, widget=widget_name(new, self.kiosk))

    # --- the application's events ------------------------------------------------------------------

    def event_seen(self, watched: QObject, event: QEvent) -> None:
        """Every event of the application, before it is delivered (the kiosk's filter hands it on)."""
        kind = event.type()
        if kind not in _WANTED:
            return
        if kind is _UPDATE:
            if self._pending is not None and watched is self.kiosk:
                QTimer.singleShot(0, self, self._grab)  # after this paint
            return
        if kind is _PAINT or kind is _HIDE:
            if isinstance(watched, QLabel) and (kind is _HIDE or watched.window() is self.kiosk):
                self._label(watched, kind)
            return
        if not isinstance(watched, QWidget) or watched.window() is not self.kiosk:
            return
        if kind is _PRESS or kind is _RELEASE or kind is _DOUBLE:
            self._pointer(watched, event, kind is not _RELEASE)
        elif kind is _KEY:
            self._key(watched, event)

    def _first(self, watched: QWidget, event, x: float, y: float) -> bool:
        """Whether ``event`` is new (an input event goes to each parent in turn while none takes it:
        it is recorded once, where it landed first)."""
        key = (event.type().value, x, y, event.timestamp())
        last = self._last_widget
        if (key == self._last and last is not None and last is not watched and shiboken6.isValid(last)
                and watched.isAncestorOf(last)):
            return False
        self._last, self._last_widget = key, watched
        return True

    def _pointer(self, watched: QWidget, event, press: bool) -> None:
        glob = event.globalPosition()
        if not self._first(watched, event, glob.x(), glob.y()):
            return
        if press and self._pending is not None:
            self._grab()  # the screen as it arrived, before the tap changes it
        pos = self.kiosk.mapFromGlobal(glob.toPoint())
        touch = event.device().type() == QInputDevice.DeviceType.TouchScreen
        self._input(watched, event.position().toPoint(), pos, press, touch)

    def _input(self, watched: QWidget, local: QPoint, pos: QPoint, press: bool, touch: bool) -> None:
        control, on_item = control_of(watched, self.kiosk, local)
        interactive = control is not None and on_item
        enabled = control.isEnabled() if control is not None else watched.isEnabled()
        name = widget_name(control if control is not None else watched, self.kiosk)
        info: dict[str, int | bool] = {}
        if touch:
            info["touch"] = True
        if press:
            self._press = pos
            self.session.record(Kind.PRESS, info, x=pos.x(), y=pos.y(), widget=name, interactive=interactive,
                                enabled=enabled)
        else:
            start = self._press or pos
            info["moved"] = round(((pos.x() - start.x()) ** 2 + (pos.y() - start.y()) ** 2) ** 0.5)
            self._press = None
            self.session.record(Kind.RELEASE, info, x=pos.x(), y=pos.y(), widget=name, interactive=interactive,
                                enabled=enabled)

    def _key(self, watched: QWidget, event) -> None:
        if event.isAutoRepeat() or not self._first(watched, event, float(event.key()), 0.0):
            return
        if self._pending is not None:
            self._grab()
        key = _NAMED_KEYS.get(Qt.Key(event.key()))
        if key is None:
            if not event.text() or not event.text().isprintable():
                return  # a modifier alone, a function key: nothing the citizen typed
            key = "#"
        self.session.record(Kind.KEY, {"key": key}, widget=widget_name(watched, self.kiosk))

    def _label(self, label: QLabel, kind: QEvent.Type) -> None:
        """An error label came into view (painted with words in the "error" class: shown, given
        its words, or turned into an error): one VALIDATION event with its objectName — never its
        words (they may quote what was typed). Hidden, emptied or no longer an error, it is out of
        view again (its next showing is another event)."""
        ident = id(label)
        error = kind is _PAINT and "error" in str(label.property("class") or "").split() and bool(label.text().strip())
        if not error:
            self._errors.discard(ident)
            return
        if ident in self._errors:
            return
        self._errors.add(ident)
        self.session.record(Kind.VALIDATION, widget=widget_name(label, self.kiosk))

    # --- screenshots ---------------------------------------------------------------------------------

    def take_pending(self) -> None:
        """Take the screenshot waiting for the screen's paint now: something is about to cover the
        screen (the questionnaire after a task that arriving here ended)."""
        if self._pending is not None:
            self._grab()

    def _grab(self) -> None:
        stem, self._pending = self._pending, None
        if stem is None or self.screens is None or stem in self.shot or not self._attached:
            return
        if any(w.isVisible() for w in (self.kiosk.overlay, self.kiosk.staff_pad)):
            return  # the idle warning or the staff's PIN over it: not the screen
        self.shot.add(stem)
        try:
            self.screens.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = self.screens / f"{stem}.png"
            shot = self.kiosk.grab().scaledToWidth(SHOT_WIDTH, Qt.TransformationMode.SmoothTransformation)
            if not path.exists() and not shot.save(str(path), "PNG"):
                log.warning("screenshot %s not written", path)
        except OSError as exc:
            log.warning("screenshot %s not written: %s", stem, exc)
