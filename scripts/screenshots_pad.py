"""Render window 1's rating pad offscreen at 800x1280 into docs/screenshots/pad/.

    python scripts/screenshots_pad.py [--out DIR]

A fresh temporary data directory; window 1 finishes a ticket (a Counter on the hall's store) and
the pad, told by its change bridge, is driven by taps — in the four combinations (normal/长辈版 ×
中文/English, each a pad of its own: language and mode belong to the terminal). Files, each
``SET-NN-what.png`` (SET: normal, elder, en, en-elder):

``01-idle``        between services: 请在办理结束后评价 and the hall's 好差评 promise
``02-levels``      the service just finished and the five levels
``03-praise``      满意 chosen, two praise tags ticked (✓)
``04-no-reason``   非常不满意 sent without a reason: the message at the field
``05-words``       the keyboard open, a reason typed, a problem tag ticked
``06-thanks``      thanks, and when the hall calls back
``07-rated``       a service rated meanwhile at the kiosk: said politely
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

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import Settings, build_pad, load_data, make_promises, staff_desk  # noqa: E402
from kiosk.domain.counter import Counter  # noqa: E402
from kiosk.domain.desk import Request  # noqa: E402
from kiosk.domain.feedback import Level, Tag  # noqa: E402
from kiosk.store.db import SqlStore  # noqa: E402
from kiosk.ui.shared.bridge import ChangeBridge  # noqa: E402
from kiosk.ui.shared.i18n import Language  # noqa: E402

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "pad")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication([])
    catalogue, hall = load_data()
    def clock() -> _dt.datetime:
        return FIXED_NOW

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), voice_engine="none")
        store = SqlStore.open(Path(tmp))
        bridge = ChangeBridge(store, clock)
        bridge.start()
        bridge.timer.stop()  # asked by hand below
        promises = make_promises(store, staff_desk(settings, catalogue, hall, store, clock))
        counter = Counter(store, hall, 1, clock)

        def serve(request: Request) -> None:
            promises.desk.issue(request)
            counter.call_next()
            counter.start()
            counter.finish()
            bridge.refresh()

        for which, (lang, elder) in SETS.items():
            pad = build_pad(settings, catalogue, hall, 1, promises, bridge, Language(lang), elder=elder)
            pad.show()

            shoot(pad, args.out, f"{which}-01-idle")
            serve(Request(item_code="QYKB-001"))
            shoot(pad, args.out, f"{which}-02-levels")
            tap(pad.panel.level_buttons[Level.SATISFIED])
            tap(pad.panel.tag_buttons[Tag.KIND])
            tap(pad.panel.tag_buttons[Tag.TOLD_ONCE])
            shoot(pad, args.out, f"{which}-03-praise")
            tap(pad.panel.change)
            tap(pad.panel.level_buttons[Level.VERY_DISSATISFIED])
            tap(pad.panel.submit)
            shoot(pad, args.out, f"{which}-04-no-reason")
            tap(pad.panel.keys_button)
            for ch in "PAIDUI":
                tap(pad.panel.keys.keys[ch])
            tap(pad.panel.tag_buttons[Tag.LONG_WAIT])
            shoot(pad, args.out, f"{which}-05-words")
            tap(pad.panel.submit)
            shoot(pad, args.out, f"{which}-06-thanks")
            tap(pad.thanks_page.done)  # a finished rating hands the pad back in the hall's defaults ...
            if pad.language.current != lang:  # ... so the next citizen switches again
                tap(pad.header.lang)
            if pad.header.elder.isChecked() != elder:
                tap(pad.header.elder)
            serve(Request(category="consult"))
            promises.rate(pad.ticket, Level.VERY_SATISFIED)  # at the kiosk, meanwhile
            tap(pad.panel.level_buttons[Level.FAIR])
            tap(pad.panel.submit)
            shoot(pad, args.out, f"{which}-07-rated")
            pad.close()
            pad.deleteLater()
            QApplication.processEvents()
        bridge.stop()
        store.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
