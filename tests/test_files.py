"""File privacy: the data directory is 0700 and every file the kiosk writes 0600."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.files import secure_dir

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def modes(top: Path) -> dict[str, int]:
    """Mode of ``top`` and of everything below it, by path relative to ``top``."""
    out = {".": stat.S_IMODE(top.stat().st_mode)}
    for path in top.rglob("*"):
        out[str(path.relative_to(top))] = stat.S_IMODE(path.lstat().st_mode)
    return out


def assert_private(top: Path) -> None:
    found = modes(top)
    wrong = {name: oct(mode) for name, mode in found.items()
             if mode != (0o700 if (top / name).is_dir() else 0o600)}
    assert not wrong, f"{len(wrong)} not private, e.g. {dict(list(wrong.items())[:8])}"


# A command run as an operator would, from a shell whose umask lets everyone read (022); then, in
# the same process, every other writer the kiosk has: the catalogue and theme caches, the log, a
# slip, and an SQLite database in WAL mode (as the store opens it) with its -wal and -shm.
SCRIPT = """
import logging, os, sqlite3, sys
from pathlib import Path
from types import SimpleNamespace
os.umask(0o022)
from kiosk.cli import main
data = Path(sys.argv[1])
rc = main(["catalogue", "search", "营业执照", "--data-dir", str(data)])

from kiosk.domain.catalogue import load_catalogue_cached
from kiosk.logs import setup_logging
load_catalogue_cached(cache_dir=data / "cache")
setup_logging(data)
logging.getLogger("kiosk").warning("written")

from PySide6.QtWidgets import QApplication
from kiosk.ui.kiosk.slip_pdf import write_slip_pdf
from kiosk.ui.shared.theme import NORMAL, load_fonts, stylesheet
app = QApplication([])
stylesheet(NORMAL, data / "cache")
ticket = SimpleNamespace(day="2026-11-27", number="A001", issued_at=1.7955e9, subject="营业执照")
write_slip_pdf(SimpleNamespace(ticket=ticket, category_name="综合"), data / "slips", load_fonts(), "张浦", ["a", "b"])

con = sqlite3.connect(data / "kiosk.db")
con.execute("pragma journal_mode=wal")
con.execute("create table t (x)")
con.execute("insert into t values (1)")
con.commit()
open_modes = {n: oct(os.stat(data / n).st_mode & 0o777) for n in ("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")}
con.close()  # the last connection removes -wal and -shm: their modes are taken while it is open
print(rc, open_modes)
"""


@posix_only
def test_a_command_writes_only_private_files(tmp_path):
    data = tmp_path / "data"
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(data)], cwd=ROOT, capture_output=True, text=True,
                         check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    rc, open_modes = out.stdout.splitlines()[-1].split(" ", 1)
    assert rc == "0"
    assert open_modes == str({"kiosk.db": "0o600", "kiosk.db-wal": "0o600", "kiosk.db-shm": "0o600"})
    assert {p.name for p in data.iterdir()} >= {"kiosk.db", "cache", "logs", "slips"}
    cache = data / "cache"
    assert (cache / "pinyin.json").is_file() and list(cache.glob("catalogue-*.pickle"))
    assert list(cache.glob("theme/normal-*/material.qss"))
    assert_private(data)


@posix_only
def test_secure_dir_creates_or_tightens(tmp_path):
    old = os.umask(0o022)
    try:
        new = secure_dir(tmp_path / "a" / "b")
        assert new == tmp_path / "a" / "b" and modes(new)["."] == 0o700
        loose = tmp_path / "loose"
        loose.mkdir(mode=0o755)
        loose.chmod(0o775)
        secure_dir(loose)
        assert modes(loose)["."] == 0o700
    finally:
        os.umask(old)


@posix_only
def test_check_data_dir_makes_the_data_dir_private(tmp_path):
    from kiosk.store.lazy import check_data_dir

    loose = tmp_path / "data"
    loose.mkdir()
    loose.chmod(0o755)
    check_data_dir(loose)
    assert modes(loose) == {".": 0o700}
    check_data_dir(tmp_path / "new" / "data")
    assert modes(tmp_path / "new" / "data") == {".": 0o700}


def test_kiosk_files_imports_no_qt():
    code = "import sys, kiosk.files\nprint(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
