"""The example study report in docs/study-report/: report.html, its CSV files, and report.png as
headless Chromium renders it.

    python scripts/study_report_example.py [--out DIR] [--participants N] [--from STUDY_DIR]

Without --from the session is synthetic (kiosk/usability/synthetic.py: the shipped example study,
simulated participants) over the kiosk's own screenshots from docs/screenshots, shrunk to a third
(360×640) so the page stays small; with --from STUDY_DIR it reports a real recorded study instead.
Needs Debian's chromium for the PNG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from kiosk.usability.report import write_report  # noqa: E402
from kiosk.usability.synthetic import DOC_SHOTS, write_study_dir  # noqa: E402

WIDTH = 1280


def shrink_shots(into: Path) -> Path:
    """docs/screenshots/<set>/ for the screens the study shows, scaled to 360×640."""
    for mode in ("normal", "elder", "en", "en-elder"):
        for name in DOC_SHOTS.values():
            src = ROOT / "docs" / "screenshots" / mode / f"{name}.png"
            if src.is_file():
                (into / mode).mkdir(parents=True, exist_ok=True)
                img = QImage(str(src)).scaled(360, 640, Qt.AspectRatioMode.IgnoreAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)
                img.save(str(into / mode / f"{name}.png"), "PNG")
    return into


def render_png(page: Path, png: Path) -> None:
    """The page as Chromium draws it, 1280 px wide, cut below its last content."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is needed for the PNG (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={WIDTH},16000",
                        page.as_uri()], check=True, capture_output=True)
    img = QImage(str(png))
    background = img.pixel(WIDTH - 3, img.height() - 3)
    bottom = img.height() - 1
    while bottom > 0 and all(img.pixel(x, bottom) == background for x in range(0, WIDTH, 7)):
        bottom -= 1
    img.copy(0, 0, WIDTH, min(img.height(), bottom + 24)).save(str(png), "PNG")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "study-report")
    ap.add_argument("--participants", type=int, default=12)
    ap.add_argument("--from", dest="source", type=Path, default=None, help="a recorded study directory")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.source is None:
            shots = shrink_shots(Path(tmp) / "shots")
            study_dir, _ = write_study_dir(Path(tmp) / "data", participants=args.participants, seed=2026,
                                           cut_short=1, real_screens=shots)
        else:
            study_dir = args.source
        args.out.mkdir(parents=True, exist_ok=True)
        done = write_report(study_dir, args.out)
    page = args.out / "report.html"
    # the example names no temporary folder of this machine
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(str(study_dir), f"studies/{study_dir.name}"), encoding="utf-8")
    render_png(page, args.out / "report.png")
    print(f"{page}: {done['html_bytes'] / 1e6:.2f} MB; {args.out / 'report.png'}: "
          f"{(args.out / 'report.png').stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
