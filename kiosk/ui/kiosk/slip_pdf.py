"""The mock printer: the ticket slip written as a PDF through Qt's PDF writer.

The PDF is written under a temporary name, read back and checked (header, trailer, cross-reference
table, at least one page), and only then renamed into place: the kiosk never says "printed" for a
file that a full disk cut short.
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.domain.desk import Slip
from kiosk.ui.shared.widgets import paint_qr, qr_matrix


class PrintError(OSError):
    """The slip could not be written. ``errno`` says why when the system told; ``str()`` is the
    reason in words, without the "[Errno N]" prefix."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


#: Free space below which a failed or cut-short write is put down to a full disk.
NEARLY_FULL = 1 << 20


def slip_qr_text(slip: Slip, hall_name: str) -> str:
    t = slip.ticket
    issued = _dt.datetime.fromtimestamp(t.issued_at).strftime("%Y-%m-%d %H:%M")
    return f"{hall_name}\n{t.number} {t.subject}\n{slip.category_name} {issued}"


def write_slip_pdf(slip: Slip, folder: Path, family: str, hall_name: str, lines: list[str]) -> Path:
    """Write an 80 mm receipt for ``slip`` into ``folder`` and return the file, complete.

    Raises :class:`PrintError`: "the disk is full" (errno ENOSPC) when it is, "the slip file is
    incomplete" when the written file fails :func:`check_pdf`; no partial file is left behind."""
    t = slip.ticket
    path = Path(folder) / f"{t.day}-{t.number}.pdf"
    part: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".part")
        os.close(fd)
        part = Path(name)
        _paint(slip, part, family, hall_name, lines)
        check_pdf(part)
        os.replace(part, path)
        part = None
    except OSError as exc:
        raise _print_error(exc, path) from exc
    finally:
        if part is not None:
            try:
                part.unlink(missing_ok=True)
            except OSError:
                pass
    return path


def _print_error(exc: OSError, path: Path) -> PrintError:
    """``exc`` in the kiosk's words; a full disk is always said as such."""
    if exc.errno == errno.ENOSPC or _nearly_full(path.parent):
        reason = exc.strerror if isinstance(exc, PrintError) else None
        text = f"{reason}: the disk is full" if reason else f"the disk is full: cannot write {path.name}"
        return PrintError(errno.ENOSPC, text)
    if isinstance(exc, PrintError):
        return exc
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(path) else ""
    return PrintError(exc.errno or errno.EIO, f"cannot write {path}: {exc.strerror or exc}{where}")


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_STREAM = re.compile(rb"\d+\s+\d+\s+obj\b")


def pdf_problem(data: bytes) -> str | None:
    """Why ``data`` is not a complete PDF, or None when it is one: it starts with ``%PDF-``, ends
    with ``startxref N %%EOF`` within its last KB, has its cross-reference at byte N, and at least
    one page."""
    if not data.startswith(b"%PDF-"):
        return "it does not start with %PDF-"
    tail = data[-1024:]
    if b"%%EOF" not in tail:
        return "it does not end with %%EOF"
    m = _STARTXREF.search(tail)
    if m is None:
        return "it has no startxref before %%EOF"
    offset = int(m[1])
    if not (data.startswith(b"xref", offset) or _XREF_STREAM.match(data, offset)):
        return f"its cross-reference table is not at byte {offset}"
    if not _PAGE.search(data):
        return "it has no page"
    return None


def check_pdf(path: Path) -> None:
    """Raise PrintError (errno EIO) unless ``path`` holds a complete PDF (:func:`pdf_problem`)."""
    problem = pdf_problem(Path(path).read_bytes())
    if problem:
        raise PrintError(errno.EIO, f"the slip file is incomplete: {problem}")


def _paint(slip: Slip, path: Path, family: str, hall_name: str, lines: list[str]) -> None:
    """Draw the receipt into a PDF at ``path`` (an existing file is overwritten)."""
    t = slip.ticket
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QSizeF(80, 160), QPageSize.Unit.Millimeter, "receipt"))
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(f"{hall_name} {t.number}")
    p = QPainter()
    if not p.begin(writer):
        raise PrintError(errno.EIO, f"cannot write {path.name}")
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
        finished = p.end()
    if not finished:
        raise PrintError(errno.EIO, "the slip file is incomplete: the PDF writer could not finish it")
