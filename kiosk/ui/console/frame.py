"""The frame every console panel shares: its column, the title at the top and the button that
closes it (the window's own panels, and the promises' staff panels)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.shared.widgets import button, label


def panel_frame(panel: QWidget, name: str, on_close: Callable[..., object],
                spacing: int = 10) -> tuple[QVBoxLayout, QLabel, QPushButton]:
    """Lay ``panel`` out as a console panel: the column (returned, for what follows), the title
    ``console_{name}_title`` and the close button ``console_{name}_cancel`` wired to ``on_close``."""
    lay = QVBoxLayout(panel)
    lay.setContentsMargins(22, 12, 22, 14)
    lay.setSpacing(spacing)
    title = label(cls="h2")
    title.setObjectName(f"console_{name}_title")
    close = button(f"console_{name}_cancel")
    close.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    close.clicked.connect(on_close)
    top = QHBoxLayout()
    top.setSpacing(16)
    top.addWidget(title, 1)
    top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
    lay.addLayout(top)
    return lay, title, close
