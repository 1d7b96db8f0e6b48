"""Render the study's questionnaires on the kiosk offscreen at 1080x1920 into
docs/screenshots/questionnaire/.

    python scripts/screenshots_questionnaire.py [--out DIR] [--set normal|elder|en|en-elder]

The kiosk in the four combinations (normal/长辈版 × 中文/English), each set a process of its own, with
the questionnaire over it as a participant sees it after a task and after a condition's block,
answered by taps. Files, each ``SET-NN-what.png``:

``01-seq``          the SEQ after a task: nothing chosen
``02-seq-chosen``   6 chosen: ✓ on it
``03-seq-no-answer`` 下一题 without an answer: said at the answers, the page stays
``04-sus-first``    the SUS's first item (5 points, the two ends named)
``05-sus-last``     its tenth item answered: 完成
``06-umux``         UMUX-Lite's first item (7 points)
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import shot_sets  # noqa: E402  (scripts/: the screenshot scripts' shared command line)
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import Settings, build_kiosk_window, load_data, start_qt  # noqa: E402
from kiosk.ui.study.questionnaire import Questionnaire  # noqa: E402
from kiosk.usability.questionnaires import UMUX_LITE, Question, after_block, seq_after  # noqa: E402

SETS = {"normal": ("zh_CN", False), "elder": ("zh_CN", True), "en": ("en_US", False), "en-elder": ("en_US", True)}
FIXED_NOW = _dt.datetime(2026, 11, 27, 10, 12)


def tap(widget) -> None:
    if not (widget.isVisible() and widget.isEnabled()):
        raise SystemExit(f"{widget.objectName()} cannot be tapped: the screenshot would not show what it says")
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def shoot(w, out: Path, name: str) -> None:
    QApplication.processEvents()
    w.grab().save(str(out / f"{name}.png"))


def render(which: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = start_qt()
    catalogue, hall = load_data()
    language, elder = SETS[which]
    with tempfile.TemporaryDirectory() as tmp:
        w, store = build_kiosk_window(app, Settings(data_dir=Path(tmp), language=language, elder=elder, voice=False),
                                      catalogue, hall, clock=lambda: FIXED_NOW)
        w.show()
        q = Questionnaire(w)
        q.ask(seq_after("start-business"))
        shoot(w, out, f"{which}-01-seq")
        tap(q.choices[5])
        shoot(w, out, f"{which}-02-seq-chosen")
        q.ask(seq_after("start-business"))
        tap(q.next)
        shoot(w, out, f"{which}-03-seq-no-answer")
        q.ask(after_block(True, False))
        shoot(w, out, f"{which}-04-sus-first")
        for value in (4, 2, 4, 2, 4, 2, 4, 2, 5):
            tap(q.choices[value - 1])
            tap(q.next)
        tap(q.choices[1])
        shoot(w, out, f"{which}-05-sus-last")
        q.ask((Question(UMUX_LITE, 1),))
        shoot(w, out, f"{which}-06-umux")
        q.close_now()
        w.close()
        store.close()


def main(argv: list[str] | None = None) -> int:
    return shot_sets.main(__file__, __doc__, SETS, render, ROOT / "docs" / "screenshots" / "questionnaire", argv)


if __name__ == "__main__":
    sys.exit(main())
