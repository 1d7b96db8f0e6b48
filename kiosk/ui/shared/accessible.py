"""What screen readers are told beyond Qt's defaults: a heading is a heading; announcements.

Qt exposes every QLabel as static text. A screen reader's users move through a screen by its
headings, so the labels styled as headings (``class`` h1 or h2, the header's screen title among
them) are exposed with the Heading role through an accessibility factory, their name their text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel

HEADING_CLASSES = frozenset({"h1", "h2"})

_interfaces: dict[int, QAccessibleInterface] = {}  # alive as long as their label: Qt holds them too
_installed = False


def is_heading(obj: QObject) -> bool:
    return isinstance(obj, QLabel) and bool(set(str(obj.property("class") or "").split()) & HEADING_CLASSES)


class _Heading(QAccessibleWidget):
    def __init__(self, label: QLabel):
        super().__init__(label, QAccessible.Role.Heading)
        self.label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.label.accessibleName() or self.label.text()
        return super().text(kind)


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if not is_heading(obj):
        return None
    iface = _Heading(obj)  # type: ignore[arg-type]
    _interfaces[id(obj)] = iface
    obj.destroyed.connect(lambda *_args, key=id(obj): _interfaces.pop(key, None))
    return iface


def install_accessibility() -> None:
    """Install the factory once per process (before the first accessible is asked for)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Have a screen reader say ``text`` now, without moving the focus (an AT-SPI announcement from
    ``source``): what appeared where the person is not — a hint at the answers after 下一题, a
    task's end in a status line. Nothing when no assistive technology listens."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
