"""The mock printer: the ticket slip written as a PDF through Qt's PDF writer."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.domain.desk import Slip
from kiosk.ui.widgets import paint_qr, qr_matrix


class PrintError(OSError):
    pass


def slip_qr_text(slip: Slip, hall_name: str) -> str:
    t = slip.ticket
    issued = _dt.datetime.fromtimestamp(t.issued_at).strftime("%Y-%m-%d %H:%M")
    return f"{hall_name}\n{t.number} {t.subject}\n{slip.category_name} {issued}"


def write_slip_pdf(slip: Slip, folder: Path, family: str, hall_name: str, lines: list[str]) -> Path:
    """Write an 80 mm receipt for ``slip`` into ``folder``; return the file. Raises PrintError."""
    t = slip.ticket
    path = Path(folder) / f"{t.day}-{t.number}.pdf"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        probe = path.with_suffix(".tmp")
        probe.write_bytes(b"")  # fail early and clearly on a read-only or full disk
        probe.unlink()
    except OSError as exc:
        raise PrintError(exc.errno, exc.strerror or str(exc)) from exc
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QSizeF(80, 160), QPageSize.Unit.Millimeter, "receipt"))
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(f"{hall_name} {t.number}")
    p = QPainter()
    if not p.begin(writer):
        raise PrintError(0, f"cannot write {path}")
    try:
        width = writer.width()
        y = 0.0

        def text(s: str, pt: float, bold: bool = False, h: float = 1.6) -> None:
            nonlocal y
            f = QFont(family)
            f.setPointSizeF(pt)
            f.setBold(bold)
            p.setFont(f)
            rect = QRectF(0, y, width, pt * h * writer.resolution() / 72)
            p.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, s)
            y += rect.height()

        text(hall_name, 10, True)
        text(lines[0], 9)
        text(t.number, 40, True, 1.4)
        for line in lines[1:]:
            text(line, 9, h=1.7)
        side = width * 0.55
        paint_qr(p, qr_matrix(slip_qr_text(slip, hall_name)), QRectF((width - side) / 2, y + 20, side, side))
    finally:
        p.end()
    if not path.exists() or path.stat().st_size == 0:
        raise PrintError(0, f"the PDF writer produced nothing at {path}")
    return path
