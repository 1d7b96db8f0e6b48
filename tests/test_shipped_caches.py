"""What the kiosk ships ready-made (scripts/build_caches.py): it must be exactly what the kiosk would
build now, a fresh install must then build none of it, and an out-of-date one must never be used."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from kiosk.app import pinyin_texts
from kiosk.domain import pinyin
from kiosk.domain.catalogue import DEFAULT_DIR, SHIPPED_CACHE, load_catalogue, load_catalogue_cached, read_shipped

ROOT = Path(__file__).resolve().parent.parent


@cache
def stale() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("build_caches", ROOT / "scripts" / "build_caches.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.stale())


def needs_current() -> None:
    if stale():
        pytest.skip("the shipped caches are out of date: see test_the_shipped_caches_are_current")


def test_the_shipped_caches_are_current(qapp):
    assert not stale(), "\n".join(stale()) + "\nrun: python scripts/build_caches.py"


def test_the_shipped_catalogue_is_the_validated_catalogue(qapp):
    needs_current()
    shipped = read_shipped(DEFAULT_DIR, SHIPPED_CACHE)
    assert shipped == load_catalogue(DEFAULT_DIR)
    assert load_catalogue_cached(DEFAULT_DIR, None, SHIPPED_CACHE) == shipped


def test_an_edited_catalogue_is_validated_not_taken_from_the_shipped_one(tmp_path, caplog):
    folder = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_DIR, folder)
    path = folder / "items-life.yaml"
    original = load_catalogue(folder).items
    first = next(i for i in original if f"name: {i.name}\n" in path.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace(f"name: {first.name}\n", "name: 改过的名称\n", 1),
                    encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
        cat = load_catalogue_cached(folder, tmp_path / "cache", SHIPPED_CACHE)
    assert cat.by_code[first.code].name == "改过的名称"
    assert "not the catalogue" in caplog.text


def test_a_broken_shipped_catalogue_is_ignored(tmp_path, caplog):
    broken = tmp_path / "catalogue.pickle"
    broken.write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING, logger="kiosk.domain.catalogue"):
        cat = load_catalogue_cached(DEFAULT_DIR, None, broken)
    assert len(cat.items) == len(load_catalogue(DEFAULT_DIR).items)
    assert "ignoring unreadable shipped catalogue" in caplog.text


def test_the_shipped_pinyin_spares_pypinyin(tmp_path, catalogue, monkeypatch):
    needs_current()

    def refused(texts):
        raise AssertionError(f"pypinyin asked for {texts[:3]}")

    monkeypatch.setattr(pinyin, "_compute", refused)
    cache = pinyin.PinyinCache(tmp_path / "pinyin.json", shipped=pinyin.SHIPPED)
    cache.prepare(pinyin_texts(catalogue))
    name = catalogue.items[0].name
    assert cache.syllables(name) == pinyin.read_map(pinyin.SHIPPED)[name] and len(cache.syllables(name)) == len(name)
    assert not (tmp_path / "pinyin.json").exists()  # the data directory's cache holds only what the shipped lacks


def test_the_pinyin_cache_keeps_only_what_the_shipped_one_lacks(tmp_path):
    shipped = tmp_path / "shipped.json"
    shipped.write_text(pinyin.dump({"社保": ["she", "bao"]}), encoding="utf-8")
    cache = pinyin.PinyinCache(tmp_path / "own.json", shipped=shipped)
    cache.prepare(["社保", "公积金"])
    assert pinyin.read_map(tmp_path / "own.json") == {"公积金": ["gong", "ji", "jin"]}
    again = pinyin.PinyinCache(tmp_path / "own.json", shipped=shipped)
    assert again.syllables("社保") == ["she", "bao"] and again.syllables("公积金") == ["gong", "ji", "jin"]


def test_pinyin_files_one_entry_a_line_and_the_old_one_line_files_both_read(tmp_path):
    entries = {"户籍": ["hu", "ji"], "A类": ["a", "lei"], '引号"': ["yin", "hao", ""]}
    new = tmp_path / "new.json"
    new.write_text(pinyin.dump(entries), encoding="utf-8")
    assert json.loads(new.read_text(encoding="utf-8")) == entries  # still plain JSON
    assert len(new.read_text(encoding="utf-8").splitlines()) == len(entries) + 2
    assert pinyin.read_map(new) == entries
    old = tmp_path / "old.json"
    old.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    assert pinyin.read_map(old) == entries
    new.write_text("{\n\"户籍\": [\"hu\", \n}\n", encoding="utf-8")
    assert pinyin.read_map(new) == {}


def test_the_shipped_theme_is_used_only_under_its_key(qapp):
    from kiosk.ui.shared import theme

    needs_current()
    family = theme.load_fonts()
    for mode in (theme.NORMAL, theme.ELDER):
        key = theme._key(mode, family)
        qss = theme.read_shipped(mode, key)
        assert qss and "QPushButton" in qss
        assert theme.read_shipped(mode, key + "0") is None
        for name in set(theme.ICON_REF.findall(qss)):
            assert (theme.SHIPPED_THEME / name).is_file(), name


FRESH = """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kiosk.app import Settings, build_kiosk_window, load_data
data = Path(sys.argv[1])
catalogue, hall = load_data(None, data / "cache")
app = QApplication([])
window, store = build_kiosk_window(app, Settings(data_dir=data, voice_engine="none"), catalogue, hall)
window.show()
while not window.warmed_up:
    app.processEvents()
window.header.elder.click()  # 长辈版: its look too
app.processEvents()
print(sorted(m for m in ("qt_material", "pypinyin") if m in sys.modules))
store.close()
"""


def test_a_fresh_install_builds_none_of_it(tmp_path):
    needs_current()
    data = tmp_path / "data"
    out = subprocess.run([sys.executable, "-c", FRESH, str(data)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr[-2000:]
    imported = out.stdout.strip().splitlines()[-1]
    assert "qt_material" not in imported and "pypinyin" not in imported
    cache = data / "cache"
    written = sorted(str(p.relative_to(cache)) for p in cache.rglob("*")) if cache.exists() else []
    assert written == []  # no theme export, no validated catalogue, no pinyin: all shipped
