"""DESIGN §3: kiosk/domain and kiosk/store (and the simulation, the usability study) never import Qt
(checked in a clean interpreter)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import kiosk.domain
import kiosk.sim
import kiosk.store
import kiosk.usability

ROOT = Path(__file__).resolve().parent.parent


def modules(pkg):
    return [f"{pkg.__name__}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]


def test_domain_store_and_sim_import_no_qt():
    names = modules(kiosk.domain) + modules(kiosk.store) + modules(kiosk.sim) + modules(kiosk.usability)
    assert len(names) >= 8
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qt_material')))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt imported by the domain/store layers: {out.stdout}"


def test_catalogue_cli_check_imports_no_qt():
    code = ("import sys\nfrom kiosk.cli import main\nrc = main(['catalogue', 'check'])\n"
            "print(rc, any(m.startswith('PySide6') for m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0 False"
