"""Runtime language switch: zh_CN (the source language) and en_US (from assets/i18n/*.qm).

Switching installs or removes the translator; Qt then sends every widget a LanguageChange event,
and widgets built on :class:`Retranslating` re-run their ``retranslate()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator, Signal

from kiosk import ASSETS

log = logging.getLogger(__name__)

I18N_DIR = ASSETS / "i18n"
ZH, EN = "zh_CN", "en_US"
LANGUAGES = (ZH, EN)


class Language(QObject):
    """The current UI language. ``changed`` is emitted after the switch."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication):
        super().__init__()
        self._app = app
        self._translator: QTranslator | None = None
        self.current = ZH

    def set(self, lang: str) -> bool:
        if lang == self.current:
            return True
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if lang != ZH:
            translator = QTranslator(self)
            if not translator.load(str(I18N_DIR / f"kiosk_{lang}.qm")):
                log.error("no translation file for %s", lang)
                self.current = ZH
                self.changed.emit(ZH)
                return False
            self._app.installTranslator(translator)
            self._translator = translator
        self.current = lang
        # Qt posts LanguageChange to the top-level widgets: deliver it now, so every widget shows
        # its new text when this returns (and a switch costs one pass, not an event-loop round trip)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(lang)
        return True

    @property
    def english(self) -> bool:
        return self.current == EN


class Retranslating:
    """Mixin for QWidgets: calls ``self.retranslate()`` whenever the language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass
