"""Guard against a Qt binding that miscounts references to None (PySide6 6.12.0 on CPython 3.11:
every void call drops one reference, and a kiosk that paints for a while dies with
"deallocating None"). pyproject.toml excludes it; this test fails if such a build comes back."""

import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_calls_keep_none_alive():
    img = QImage(20, 20, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            p.drawRect(QRect(1, 1, 2, 2))
            p.setPen(QColor("red"))
        after = sys.getrefcount(None)
    finally:
        p.end()
    assert after - before > -50, f"None lost {before - after} references in 1000 void calls"
