"""Render the window console offscreen at 1280x800 into docs/screenshots/console/.

    python scripts/screenshots_console.py [--out DIR]

A fresh temporary data directory with a few tickets; the console is driven by taps.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import build_console, load_data  # noqa: E402
from kiosk.domain.desk import Request, TicketDesk  # noqa: E402
from kiosk.domain.personas import persona  # noqa: E402
from kiosk.store.db import Store  # noqa: E402
from kiosk.ui.i18n import Language  # noqa: E402
from kiosk.ui.theme import NORMAL, Theme  # noqa: E402


def tap(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QTest.qWait(30)


def render(app, out: Path, lang: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    catalogue, hall = load_data()
    with tempfile.TemporaryDirectory() as tmp:
        Theme(app, Path(tmp) / "cache").apply(NORMAL)
        store = Store.open(Path(tmp))
        now = [_dt.datetime(2026, 11, 27, 10, 12)]
        clock = lambda: now[0]  # noqa: E731
        desk = TicketDesk(store, catalogue, hall, clock)
        elder = persona("elder")
        desk.issue(Request(item_code="QYKB-001"), elder.resident_id, elder.tags, use_green=True)
        for code in ("SHBX-001", "HJBL-002", "GJJF-001"):
            desk.issue(Request(item_code=code))
        desk.issue(Request(category="consult"))
        language = Language(app)
        language.set(lang)
        w = build_console(catalogue, hall, 1, store, None, language, clock)
        w.show()
        QTest.qWait(50)
        w.grab().save(str(out / f"{lang}-01-idle.png"))
        tap(w.actions["call_next"])
        now[0] += _dt.timedelta(minutes=1)
        tap(w.actions["start"])
        tap(w.material_buttons[0])
        w.grab().save(str(out / f"{lang}-02-serving.png"))
        tap(w.actions["transfer"])
        w.grab().save(str(out / f"{lang}-03-transfer.png"))
        tap(w.transfer_panel.cancel)
        tap(w.actions["finish"])
        tap(w.actions["call_number"])
        for key in ("callpad_letter_A", "callpad_digit_0", "callpad_digit_0", "callpad_digit_3"):
            tap(w.findChild(type(w.actions["call_next"]), key))
        w.grab().save(str(out / f"{lang}-04-call-number.png"))
        tap(w.call_pad.ok)
        tap(w.actions["no_show"])
        tap(w.pause_button)
        tap(w.findChild(type(w.actions["call_next"]), "pause_reason_午间轮岗"))
        w.grab().save(str(out / f"{lang}-05-paused.png"))
        w.close()
        language.set("zh_CN")
        w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "console")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    for lang in ("zh_CN", "en_US"):
        render(app, args.out, lang)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
