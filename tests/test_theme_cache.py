"""The exported theme cache: never a folder in /tmp shared by every user, and a broken export is
replaced instead of crashing the kiosk."""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

import pytest

from kiosk.ui.shared import theme
from kiosk.ui.shared.theme import NORMAL, load_fonts, stylesheet


@pytest.fixture
def shared_tmp(tmp_path, monkeypatch) -> Path:
    """Stand-in for the system's temporary folder (shared by every user)."""
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setattr(theme, "_private", None, raising=False)
    return shared


def test_an_unusable_cache_never_uses_a_shared_tmp_folder(qapp, tmp_path, shared_tmp, caplog):
    # another user has planted a stylesheet where the old fallback looked for one
    key = theme._key(NORMAL, load_fonts())
    planted = shared_tmp / "kiosk-theme" / key
    planted.mkdir(parents=True)
    (planted / "material.qss").write_text("QWidget { background: red; } /* planted */", encoding="utf-8")
    blocked = tmp_path / "data" / "cache"
    blocked.parent.mkdir()
    blocked.write_text("a file where the cache folder should be")

    with caplog.at_level(logging.WARNING, logger="kiosk.ui.shared.theme"):
        assert "planted" not in stylesheet(NORMAL, blocked)
    assert "unusable" in caplog.text
    folder, qss = theme.material(NORMAL, load_fonts(), blocked)
    assert "planted" not in qss and "QPushButton" in qss
    private = folder.parent
    assert private != shared_tmp / "kiosk-theme"
    assert stat.S_IMODE(private.stat().st_mode) == 0o700 and private.stat().st_uid == os.getuid()
    # the same process reuses its private folder (no second export)
    assert theme.material(NORMAL, load_fonts(), blocked)[0] == folder


def broken_export(cache: Path, how: str) -> Path:
    """A cache whose normal-mode export is broken in way ``how``."""
    target = cache / "theme" / theme._key(NORMAL, load_fonts())
    target.parent.mkdir(parents=True)
    if how == "key folder is a file":
        target.write_text("not a folder")
        return target
    target.mkdir()
    qss = target / "material.qss"
    if how == "qss is a directory":
        qss.mkdir()
        (qss / "x").write_text("x")
    elif how == "qss is empty":
        qss.write_bytes(b"")
    elif how == "qss is not UTF-8":
        qss.write_bytes(b"\xff\xfe\x00garbage\x80")
    elif how == "qss is a dangling link":
        qss.symlink_to(target / "nowhere")
    return target


@pytest.mark.parametrize("how", ["qss is a directory", "qss is empty", "qss is not UTF-8",
                                 "key folder is a file", "qss is a dangling link"])
def test_a_broken_export_is_rebuilt(qapp, tmp_path, shared_tmp, caplog, how):
    cache = tmp_path / "cache"
    target = broken_export(cache, how)
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.shared.theme"):
        assert "QPushButton" in stylesheet(NORMAL, cache)
    folder, _ = theme.material(NORMAL, load_fonts(), cache)
    assert folder == target and (target / "material.qss").is_file()  # repaired in place
    assert not list(target.parent.glob("*.broken-*"))  # the broken one is gone
    assert theme._private is None  # no fallback needed
    if how != "qss is a dangling link":
        assert "broken" in caplog.text


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_an_unreadable_export_is_rebuilt(qapp, tmp_path, shared_tmp):
    cache = tmp_path / "cache"
    target = broken_export(cache, "none")
    (target / "material.qss").write_text("x")
    (target / "material.qss").chmod(0)
    assert "QPushButton" in theme.material(NORMAL, load_fonts(), cache)[1]


def test_a_broken_export_in_an_unwritable_cache_falls_back(qapp, tmp_path, shared_tmp, monkeypatch):
    """Cannot be moved aside (e.g. the theme folder is read-only): the private folder is used."""
    cache = tmp_path / "cache"
    broken_export(cache, "qss is a directory")

    def refused(*a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(theme.os, "rename", refused)
    folder, qss = theme.material(NORMAL, load_fonts(), cache)
    assert "QPushButton" in qss and folder.parent == theme._private
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
