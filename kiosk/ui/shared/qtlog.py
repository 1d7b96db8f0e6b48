"""Route Qt's own messages (warnings from widgets, plugins ...) into Python logging."""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
           QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
           QtMsgType.QtFatalMsg: logging.CRITICAL}
_installed = False


def _handler(mode: QtMsgType, context, message: str) -> None:
    log.log(_LEVELS.get(mode, logging.WARNING), "%s", message)


def install_qt_message_handler() -> None:
    global _installed
    if not _installed:
        qInstallMessageHandler(_handler)
        _installed = True
