"""The mock printer never says "printed" for a file a full disk cut short."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPdfWriter
from PySide6.QtPdf import QPdfDocument

from kiosk.ui.kiosk import slip_pdf
from kiosk.ui.kiosk.slip_pdf import PrintError, check_pdf, pdf_problem, write_slip_pdf
from kiosk.ui.shared.theme import load_fonts

ISSUED = 1_795_500_000.0  # 2026-11-24


def slip(number: str = "A001") -> SimpleNamespace:
    """What write_slip_pdf reads of a Slip."""
    ticket = SimpleNamespace(day="2026-11-27", number=number, issued_at=ISSUED, subject="营业执照")
    return SimpleNamespace(ticket=ticket, category_name="综合窗口")


def write(folder: Path, number: str = "A001") -> Path:
    return write_slip_pdf(slip(number), folder, load_fonts(), "张浦镇政务服务中心", ["综合受理", "前面还有 0 人"])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_good_slip_is_a_complete_private_pdf(qapp, tmp_path):
    path = write(tmp_path / "slips")
    assert path == tmp_path / "slips" / "2026-11-27-A001.pdf"
    data = path.read_bytes()
    assert pdf_problem(data) is None and data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    check_pdf(path)
    assert leftovers(path.parent) == [path.name]  # no temporary file left
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # a reprint replaces it
    assert write(tmp_path / "slips") == path and leftovers(path.parent) == [path.name]


def cut_short(monkeypatch, keep) -> None:
    """Make the PDF writer's file end early, as on a nearly full disk."""
    real = slip_pdf._paint

    def paint(path, *args):
        real(path, *args)
        data = Path(path).read_bytes()
        Path(path).write_bytes(data[: keep(len(data))])

    monkeypatch.setattr(slip_pdf, "_paint", paint)


@pytest.mark.parametrize("keep", [lambda n: n // 2, lambda n: n - 7, lambda n: 0, lambda n: 200],
                         ids=["half", "no %%EOF", "empty", "header only"])
def test_a_truncated_slip_is_refused_and_removed(qapp, tmp_path, monkeypatch, keep):
    cut_short(monkeypatch, keep)
    with pytest.raises(PrintError) as err:
        write(tmp_path)
    assert "the slip file is incomplete" in str(err.value) and "[Errno" not in str(err.value)
    assert err.value.errno == errno.EIO
    assert leftovers(tmp_path) == []


def test_a_truncated_reprint_keeps_the_good_slip(qapp, tmp_path, monkeypatch):
    good = write(tmp_path)
    before = good.read_bytes()
    cut_short(monkeypatch, lambda n: n // 2)
    with pytest.raises(PrintError):
        write(tmp_path)
    assert leftovers(tmp_path) == [good.name] and good.read_bytes() == before


def test_a_truncated_slip_on_a_nearly_full_disk_says_so(qapp, tmp_path, monkeypatch):
    cut_short(monkeypatch, lambda n: n // 2)
    monkeypatch.setattr(slip_pdf.shutil, "disk_usage", lambda p: SimpleNamespace(total=10**9, used=10**9, free=4096))
    with pytest.raises(PrintError) as err:
        write(tmp_path)
    assert "the slip file is incomplete" in str(err.value) and "the disk is full" in str(err.value)
    assert err.value.errno == errno.ENOSPC


def no_space(*a, **kw):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["mkstemp", "paint", "replace", "read back"])
def test_a_full_disk_anywhere_says_the_disk_is_full(qapp, tmp_path, monkeypatch, where):
    if where == "mkstemp":
        monkeypatch.setattr(slip_pdf.tempfile, "mkstemp", no_space)
    elif where == "paint":
        monkeypatch.setattr(slip_pdf, "_paint", no_space)
    elif where == "replace":
        monkeypatch.setattr(slip_pdf.os, "replace", no_space)
    else:
        monkeypatch.setattr(slip_pdf, "check_pdf", no_space)
    with pytest.raises(PrintError) as err:
        write(tmp_path)
    assert err.value.errno == errno.ENOSPC and "the disk is full" in str(err.value)
    assert leftovers(tmp_path) == []


def test_an_unwritable_slips_folder_is_a_print_error(qapp, tmp_path):
    blocked = tmp_path / "slips"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(PrintError) as err:
        write(blocked)
    assert err.value.errno == errno.EEXIST and f"File exists ({blocked})" in str(err.value)


def test_pdf_problem_names_what_is_missing():
    assert pdf_problem(b"hello") == "it does not start with %PDF-"
    assert pdf_problem(b"%PDF-1.4\n1 0 obj\n") == "it does not end with %%EOF"
    assert pdf_problem(b"%PDF-1.4\n%%EOF\n") == "it has no startxref before %%EOF"
    assert pdf_problem(b"%PDF-1.4\nxref\nstartxref\n999\n%%EOF\n") == "its cross-reference table is not at byte 999"
    assert pdf_problem(b"%PDF-1.4\n<< /Type /Pages >>\nxref\nstartxref\n28\n%%EOF\n") == "it has no page"
    assert pdf_problem(b"%PDF-1.4\n<< /Type /Page >>\nxref\nstartxref\n27\n%%EOF\n") is None


# --- every line printed, in normal and large print ---------------------------------------------------

CLOSING_EN = "Missed your call? Ask at the service desk. Couldn't get it done? Window 9."
HALL_EN = "Zhangpu Town Government Service Centre"


def pdf_text(path: Path) -> tuple[int, QSizeF, str]:
    """(pages, the first page's size in points, the text of every page) as a PDF reader finds it."""
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    return doc.pageCount(), doc.pagePointSize(0), text


def overlapping_glyphs(path: Path) -> tuple[int, float]:
    """(pairs of printed characters drawn over each other, the lowest character's bottom in points):
    a wrapped line drawn over the next one is unreadable."""
    doc = QPdfDocument()
    doc.load(str(path))
    boxes = [b for poly in doc.getAllText(0).bounds() if (b := poly.boundingRect()).width() and b.height()]
    area = lambda r: r.width() * r.height()
    pairs = sum(area(a.intersected(b)) > 0.3 * min(area(a), area(b)) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    return pairs, max(b.bottom() for b in boxes)


def words(text: str) -> list[str]:
    """The words of ``text`` (letters only: Qt's PDF writer maps some digits of the bundled CJK font
    to the wrong characters for readers, although they print right)."""
    return re.findall(r"[A-Za-z']+|[\u4e00-\u9fff]", text)


def in_order(needle: list[str], haystack: list[str]) -> bool:
    found = iter(haystack)
    return all(any(w == h for h in found) for w in needle)


def english_lines(name: str, *extra: str) -> list[str]:
    return ["Queue ticket", name, "Please wait for General window 1–5", "People ahead of you: 12",
            "Estimated wait: about 20–30 min", *extra, "Issued 2026-11-24 09:20", CLOSING_EN]


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large print"])
def test_the_longest_english_item_name_and_every_line_are_printed(qapp, tmp_path, catalogue, large):
    item = max(catalogue.items, key=lambda i: len(i.name_en))
    lines = english_lines(item.name_en)
    path = write_slip_pdf(slip(), tmp_path, load_fonts(), HALL_EN, lines, large=large)
    pages, size, text = pdf_text(path)
    assert pages == 1 and size.width() == pytest.approx(80 / 25.4 * 72, abs=1)  # one 80 mm till-roll slip
    printed = words(text)
    assert in_order(words(HALL_EN), printed) and "Centre" in printed
    assert in_order(words(item.name_en), printed), (item.name_en, text)
    for line in lines:
        assert in_order(words(line), printed), (line, text)
    assert in_order(["Couldn't", "get", "it", "done", "Window"], printed[-8:])
    overlaps, lowest = overlapping_glyphs(path)
    assert overlaps == 0 and lowest < size.height()


def test_a_long_chinese_slip_in_large_print(qapp, tmp_path, catalogue):
    item = max(catalogue.items, key=lambda i: len(i.name))
    lines = ["取号凭条", item.name, "请到 1–5 号综合窗口等候叫号", "前面还有 12 人", "预计等候约 20–30 分钟",
             "绿色通道 · 优先叫号", "快到您时短信提醒 138****5678", "取号时间 2026-11-24 09:20",
             "过号了？请到服务台说明，可重新排队。办不成事？请到 9 号专窗"]
    path = write_slip_pdf(slip(), tmp_path, load_fonts(), "张浦镇政务服务中心", lines, large=True)
    pages, size, text = pdf_text(path)
    assert pages == 1
    assert in_order(words("".join(lines)), words(text)), text
    overlaps, lowest = overlapping_glyphs(path)
    assert overlaps == 0 and lowest < size.height()


def test_large_print_is_at_least_16_pt_and_the_roll_grows_to_fit(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(slip_pdf.RESOLUTION)
    lines = english_lines("Business licence")
    normal, qr_normal = slip_pdf.layout_slip("A001", HALL_EN, lines, load_fonts(), False, writer, 850)
    large, qr_large = slip_pdf.layout_slip("A001", HALL_EN, lines, load_fonts(), True, writer, 850)
    body = lambda blocks: [b.font.pointSizeF() for b in blocks[3:]]  # after the hall, caption and number
    assert set(body(normal)) == {9} and min(body(large)) >= 16  # 长辈版: large print
    assert large[0].font.pointSizeF() > normal[0].font.pointSizeF() and large[2].font.pointSizeF() > 40
    for blocks, qr in ((normal, qr_normal), (large, qr_large)):  # stacked, never overlapping
        tops = [b.rect for b in blocks] + [qr]
        assert all(a.bottom() <= b.top() for a, b in zip(tops, tops[1:]))
    assert qr_large.bottom() > qr_normal.bottom()
    # the printed page is as long as the slip: longer in large print, longer with more lines
    length = {}
    for name, large_print, extra in (("normal", False, ()), ("large", True, ()),
                                     ("large+", True, ("Priority service",) * 6)):
        folder = tmp_path / name
        path = write_slip_pdf(slip(), folder, load_fonts(), HALL_EN, english_lines("Business licence", *extra),
                              large=large_print)
        pages, size, text = pdf_text(path)
        assert pages == 1 and "Window" in text
        length[name] = size.height()
    assert length["normal"] < length["large"] < length["large+"]
