"""The mock printer: the ticket slip written as a PDF through Qt's PDF writer.

The slip is an 80 mm till roll: one page as long as its text, every line wrapped to the paper's
width and measured before it is drawn, so nothing is cut however long an item's name is. In 长辈版
it is printed in large print (body 16 pt instead of 9 pt).

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
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.domain.desk import Slip
from kiosk.domain.promises import ticket_ref
from kiosk.ui.shared.widgets import paint_qr, qr_matrix


class PrintError(OSError):
    """The slip could not be written. ``errno`` says why when the system told; ``str()`` is the
    reason in words, without the "[Errno N]" prefix."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


#: Free space below which a failed or cut-short write is put down to a full disk.
NEARLY_FULL = 1 << 20

#: The till roll: its width and margins (mm); the page is as long as the slip.
PAPER_WIDTH_MM = 80.0
MARGIN_MM = 4.0
RESOLUTION = 300  # dots per inch


@dataclass(frozen=True)
class PrintSizes:
    """Point sizes of the slip's text."""

    hall: float  # the hall's name, bold
    body: float  # the caption and every line of ``lines``
    number: float  # the ticket number, bold


NORMAL_PRINT = PrintSizes(hall=10, body=9, number=40)
LARGE_PRINT = PrintSizes(hall=18, body=16, number=56)  # 长辈版: body ≥ 16 pt


def print_sizes(large: bool) -> PrintSizes:
    return LARGE_PRINT if large else NORMAL_PRINT


def slip_qr_text(slip: Slip, hall_name: str) -> str:
    t = slip.ticket
    issued = _dt.datetime.fromtimestamp(t.issued_at).strftime("%Y-%m-%d %H:%M")
    # the last line names the ticket for 服务评价 at the kiosk (its QR scanner types this text)
    return f"{hall_name}\n{t.number} {t.subject}\n{slip.category_name} {issued}\n{ticket_ref(t)}"


def write_slip_pdf(slip: Slip, folder: Path, family: str, hall_name: str, lines: list[str],
                   large: bool = False) -> Path:
    """Write an 80 mm receipt for ``slip`` into ``folder`` and return the file, complete; in large
    print (长辈版) with ``large``.

    Raises :class:`PrintError`: "the disk is full" (errno ENOSPC) when it is, "the slip file is
    incomplete" when the written file fails :func:`check_pdf`; no partial file is left behind."""
    t = slip.ticket
    return write_receipt_pdf(Path(folder) / f"{t.day}-{t.number}.pdf", t.number, hall_name, lines,
                             slip_qr_text(slip, hall_name), family, large)


def write_receipt_pdf(path: Path, number: str, hall_name: str, lines: list[str], qr_text: str, family: str,
                      large: bool = False) -> Path:
    """Write a receipt at ``path`` (a slip, a self-service result): the hall, ``lines[0]`` as its
    caption, ``number`` in large bold type (smaller when it would not fit the paper's width), the
    other lines and a QR code of ``qr_text``; checked and renamed into place as
    :func:`write_slip_pdf` says."""
    path = Path(path)
    part: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".part")
        os.close(fd)
        part = Path(name)
        _paint(part, number, qr_text, family, hall_name, lines, large)
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


@dataclass(frozen=True)
class _Block:
    text: str
    font: QFont
    rect: QRectF  # where it is drawn, in device dots from the top left of the printable area


_FLAGS = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)


def layout_slip(number: str, hall_name: str, lines: list[str], family: str, large: bool,
                writer: QPdfWriter, width: float) -> tuple[list[_Block], QRectF]:
    """Every text block of the slip, wrapped to ``width`` dots and stacked, and the QR code's square
    below them: each block is as tall as its wrapped text measures on ``writer``."""
    sizes = print_sizes(large)
    blocks: list[_Block] = []
    y = 0.0

    def block(text: str, pt: float, bold: bool = False, after: float = 0.45, fit: bool = False) -> None:
        nonlocal y
        font = QFont(family)
        font.setPointSizeF(pt)
        font.setBold(bold)
        # without the font's localised forms and ligatures every glyph keeps its Unicode in the PDF: a
        # reader (or a copy) finds "A012" and "Unified", not the private codes the Chinese forms of the
        # digits and the "fi" ligature are written as
        font.setFeature(QFont.Tag("locl"), 0)
        font.setFeature(QFont.Tag("liga"), 0)
        metrics = QFontMetricsF(font, writer)
        while fit and pt > sizes.body and metrics.horizontalAdvance(text) > width:  # one line, never cut
            pt -= 1
            font.setPointSizeF(pt)
            metrics = QFontMetricsF(font, writer)
        height = max(metrics.boundingRect(QRectF(0, 0, width, 1e7), _FLAGS, text).height(), metrics.height())
        blocks.append(_Block(text, font, QRectF(0, y, width, height)))
        y += height + metrics.height() * after

    block(hall_name, sizes.hall, True)
    block(lines[0], sizes.body)
    block(number, sizes.number, True, after=0.15, fit=True)
    for line in lines[1:]:
        block(line, sizes.body)
    side = width * 0.55
    return blocks, QRectF((width - side) / 2, y + width * 0.02, side, side)


def _paint(path: Path, number: str, qr_text: str, family: str, hall_name: str, lines: list[str],
           large: bool = False) -> None:
    """Draw the receipt into a PDF at ``path`` (an existing file is overwritten): one page of the
    till roll's width, as long as the receipt."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setPageSize(QPageSize(QSizeF(PAPER_WIDTH_MM, 160), QPageSize.Unit.Millimeter, "receipt"))
    blocks, qr = layout_slip(number, hall_name, lines, family, large, writer, writer.width())
    length_mm = (qr.bottom() / RESOLUTION * 25.4) + 2 * MARGIN_MM + 1
    writer.setPageSize(QPageSize(QSizeF(PAPER_WIDTH_MM, length_mm), QPageSize.Unit.Millimeter, "receipt"))
    writer.setTitle(f"{hall_name} {number}")
    p = QPainter()
    if not p.begin(writer):
        raise PrintError(errno.EIO, f"cannot write {path.name}")
    try:
        for b in blocks:
            p.setFont(b.font)
            p.drawText(b.rect, _FLAGS | int(Qt.TextFlag.TextDontClip), b.text)
        paint_qr(p, qr_matrix(qr_text), qr)
    finally:
        finished = p.end()
    if not finished:
        raise PrintError(errno.EIO, "the slip file is incomplete: the PDF writer could not finish it")
