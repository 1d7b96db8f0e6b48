"""A terminal's language: zh_CN (the source language) and en_US (from assets/i18n/*.qm).

Language belongs to one terminal, never to the process (several terminals share a process in
``kiosk hall``): no translator is installed on the application. Each terminal has its own
:class:`Language`; widgets built on :class:`Retranslating` translate through it (their ``tr``),
and a switch sends a LanguageChange event into that terminal's windows only, where each
widget re-runs its ``retranslate()``. The compiled catalogues are read once per process and
shared read-only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator, Signal
from PySide6.QtWidgets import QWidget

from kiosk import ASSETS

log = logging.getLogger(__name__)

I18N_DIR = ASSETS / "i18n"
ZH, EN = "zh_CN", "en_US"
LANGUAGES = (ZH, EN)

_catalogues: dict[str, QTranslator | None] = {}


def _catalogue(lang: str) -> QTranslator | None:
    """The compiled translations for ``lang`` (None: the source language, or none to be had)."""
    if lang == ZH:
        return None
    if lang not in _catalogues:
        translator = QTranslator()
        if translator.load(str(I18N_DIR / f"kiosk_{lang}.qm")):
            _catalogues[lang] = translator
        else:
            log.error("no translation file for %s", lang)
            _catalogues[lang] = None
    return _catalogues[lang]


class Language(QObject):
    """One terminal's UI language. ``changed`` is emitted after a switch, once every widget of
    the terminal shows its new text."""

    changed = Signal(str)

    def __init__(self, lang: str = ZH, parent: QObject | None = None):
        super().__init__(parent)
        self._roots: list[QWidget] = []
        self._translator: QTranslator | None = None
        self.current = ZH
        if lang != ZH:
            self._switch(lang)

    def attach(self, root: QWidget) -> None:
        """``root`` (a terminal's top-level window) follows this language from now on."""
        if root not in self._roots:
            self._roots.append(root)
            root.destroyed.connect(lambda *_: self._roots.remove(root) if root in self._roots else None)

    def translate(self, context: str, text: str) -> str:
        """``text`` (Chinese source, from ``context``) in this terminal's language."""
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text

    def _switch(self, lang: str) -> bool:
        translator = _catalogue(lang)
        if lang != ZH and translator is None:
            self.current, self._translator = ZH, None
            return False
        self.current, self._translator = lang, translator
        return True

    def set(self, lang: str) -> bool:
        if lang == self.current:
            return True
        ok = self._switch(lang)
        event = QEvent(QEvent.Type.LanguageChange)
        for root in list(self._roots):
            QCoreApplication.sendEvent(root, event)  # a QWidget passes it on to all its children
        self.changed.emit(self.current)
        return ok

    @property
    def english(self) -> bool:
        return self.current == EN


class Translating:
    """Mixin: ``self.tr`` translates through ``self.language`` (the terminal's), trying the
    class and then its bases as the context, as ``lupdate`` names contexts by the class whose
    code holds the string."""

    language: Language | None = None

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        language = self.language
        if language is None or language.current == ZH:
            return text
        for cls in type(self).__mro__:
            found = language.translate(cls.__name__, text)
            if found != text:
                return found
        return text


class Retranslating(Translating):
    """Mixin for QWidgets: calls ``self.retranslate()`` whenever the terminal's language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass
