"""The study report in a real browser: Debian's ``chromium`` renders report.html headless, once to
its DOM (after the page's scripts ran) and once to a PNG. No console message, no script error
(the page marks one on <body>), every figure the analysis expects in the rendered DOM, and a
screenshot that is not blank.

Without chromium the test is skipped and says so; under ``CI=true`` it fails instead (.ci/run
installs chromium).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

import pytest

from kiosk.usability.analysis import analyse_dir
from kiosk.usability.report import SCRIPT, write_report
from kiosk.usability.synthetic import write_study_dir

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
         "--no-first-run", "--disable-extensions", "--allow-file-access-from-files"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        reason = "the browser check needs Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return found


def run(binary, page, *extra, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "DISPLAY", "WAYLAND"))}
    env["HOME"] = str(cwd)  # a throw-away profile
    return subprocess.run([binary, *FLAGS, f"--user-data-dir={cwd / 'profile'}", *extra, page.as_uri()],
                          capture_output=True, text=True, timeout=60, env=env, cwd=cwd)


def console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_page_script_errors_are_caught(tmp_path):
    """The check itself: a page that throws is marked and its console line is seen."""
    binary = chromium()
    bad = tmp_path / "bad.html"
    bad.write_text(f"<!doctype html><html><head><script>{SCRIPT}</script></head><body><p>x</p>"
                   "<script>undefinedFunction()</script></body></html>", encoding="utf-8")
    done = run(binary, bad, "--dump-dom", cwd=tmp_path)
    assert 'data-error="' in done.stdout and "undefinedFunction" in done.stdout
    assert any("undefinedFunction" in line for line in console(done.stderr))


def test_report_renders_in_chromium(tmp_path):
    binary = chromium()
    started = time.monotonic()
    study_dir, study = write_study_dir(tmp_path / "data", participants=4, seed=7, cut_short=1)
    out = tmp_path / "out"
    write_report(study_dir, out, study)
    a = analyse_dir(study_dir, study)
    views = {t.view for t in a.taps if t.screen}
    views |= {tuple(p.stem.split("__")) for p in study_dir.glob("participants/*/screens/*.png")}
    steps = sum(len(r.steps) for r in a.runs)

    dom = run(binary, out / "report.html", "--dump-dom", cwd=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console(dom.stderr) == []
    body = re.search(r"<body([^>]*)>", dom.stdout)
    assert body is not None
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    assert "data-error" not in attrs
    assert attrs.get("data-ready") == "1"  # the page's script ran to the end
    assert int(attrs["data-heatmaps"]) == len(views)
    assert int(attrs["data-steps"]) == steps
    for section in ("overview", "tasks", "compare", "questionnaires", "heatmaps", "replay"):
        assert f'id="{section}"' in dom.stdout
    for screen, mode, lang in views:
        assert f'id="heat-{screen}-{mode}-{lang}"' in dom.stdout
    assert dom.stdout.count("<svg") >= len(views) + steps
    assert "为开办企业取号" in dom.stdout and "cut short" in dom.stdout

    shot = tmp_path / "report.png"
    done = run(binary, out / "report.html", f"--screenshot={shot}", "--window-size=1280,2400", cwd=tmp_path)
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    assert console(done.stderr) == []
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 2400)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 2400, 16)}
    assert len(colours) > 40  # text, tables, the header bar: not a blank page
    assert time.monotonic() - started < 40
