"""The mock printer never says "printed" for a file a full disk cut short."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

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

    def paint(slip, path, *args):
        real(slip, path, *args)
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
