"""The validated-catalogue cache only ever saves time: whatever is wrong with it, the catalogue is
validated again and the kiosk carries on."""

from __future__ import annotations

import dataclasses
import logging
import os
import pickle
from pathlib import Path

import pytest

from kiosk.domain import catalogue as cat_mod
from kiosk.domain.catalogue import DEFAULT_DIR, Catalogue, load_catalogue_cached


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("catalogue-*.pickle"))


@pytest.fixture
def warm(tmp_path: Path) -> Path:
    """A cache folder holding one good cache file."""
    cache = tmp_path / "cache"
    load_catalogue_cached(DEFAULT_DIR, cache)
    assert len(cache_files(cache)) == 1
    return cache


def counting(monkeypatch) -> list[int]:
    """Count calls of load_catalogue (the slow validation) made by load_catalogue_cached."""
    calls: list[int] = []
    real = cat_mod.load_catalogue

    def spy(*a, **kw):
        calls.append(1)
        return real(*a, **kw)

    monkeypatch.setattr(cat_mod, "load_catalogue", spy)
    return calls


def test_a_good_cache_is_used(warm, monkeypatch, catalogue):
    calls = counting(monkeypatch)
    cat = load_catalogue_cached(DEFAULT_DIR, warm)
    assert calls == [] and cat == catalogue and cat.by_code["QYKB-001"].name


GARBAGE = {
    "empty": b"",
    "truncated": None,  # the first half of the good file
    "garbage": b"\x00\xff not a pickle at all \x80\x05",
    "other protocol": b"\x80\x63garbage",
    "text": b"hello world\n",
    "wrong type": pickle.dumps({"items": []}),
    "a list": pickle.dumps([1, 2, 3]),
    "unknown class": b"\x80\x04\x95\x1c\x00\x00\x00\x00\x00\x00\x00\x8c\x08no.such\x94\x8c\x05Thing\x94\x93\x94.",
}


@pytest.mark.parametrize("kind", GARBAGE)
def test_a_corrupt_cache_is_rebuilt(warm, monkeypatch, caplog, catalogue, kind):
    (path,) = cache_files(warm)
    data = GARBAGE[kind]
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2] if data is None else data)
    calls = counting(monkeypatch)
    with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
        cat = load_catalogue_cached(DEFAULT_DIR, warm)
    assert cat == catalogue and calls == [1]
    assert any(r.levelno == logging.WARNING and "catalogue cache" in r.getMessage() for r in caplog.records)
    # ... and the good copy is written back: the next start reads it
    calls.clear()
    assert load_catalogue_cached(DEFAULT_DIR, warm) == catalogue and calls == []


def raw(cls: type, **fields) -> object:
    """An instance of ``cls`` with exactly ``fields``, as an unpickled object may be."""
    obj = object.__new__(cls)
    vars(obj).update(fields)
    return obj


def test_a_catalogue_of_another_shape_is_not_trusted(warm, monkeypatch, catalogue, caplog):
    """A pickled Catalogue whose parts are not this version's classes, or miss fields."""
    (path,) = cache_files(warm)
    whole = vars(catalogue)
    item = catalogue.items[0]
    fakes = {
        "a text for an item": raw(Catalogue, **{**whole, "items": ("not an item",)}),
        "an item without materials": raw(Catalogue, **{**whole, "items": (
            raw(type(item), **{k: v for k, v in vars(item).items() if k != "materials"}),)}),
        "a dict for a term": raw(Catalogue, **{**whole, "departments": ({"code": "X"},)}),
        "no lookup tables": raw(Catalogue, **{k: v for k, v in whole.items() if k != "by_code"}),
        "a list for the items": raw(Catalogue, **{**whole, "items": list(catalogue.items)}),
    }
    for what, fake in fakes.items():
        path.write_bytes(pickle.dumps(fake))
        calls = counting(monkeypatch)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="kiosk.domain.catalogue"):
            assert load_catalogue_cached(DEFAULT_DIR, warm) == catalogue, what
        assert calls == [1], what
        assert "not a complete catalogue" in caplog.text, what
        monkeypatch.undo()


def test_a_lookalike_class_is_not_a_catalogue(catalogue):
    @dataclasses.dataclass
    class Lookalike:
        items: tuple

    assert not cat_mod._is_whole_catalogue(Lookalike(catalogue.items))
    assert cat_mod._is_whole_catalogue(catalogue)


def test_a_cache_path_that_is_a_directory(warm, catalogue, caplog):
    (path,) = cache_files(warm)
    path.unlink()
    path.mkdir()
    (path / "something").write_text("x")
    with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
        assert load_catalogue_cached(DEFAULT_DIR, warm) == catalogue
    assert "cannot save the catalogue cache" in caplog.text
    assert not list(warm.glob("*.tmp"))  # no temporary file left behind


def test_a_cache_dir_that_is_a_file(tmp_path, catalogue, caplog):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
        assert load_catalogue_cached(DEFAULT_DIR, blocked) == catalogue
    assert "cannot save the catalogue cache" in caplog.text


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_an_unwritable_cache_dir(tmp_path, catalogue, caplog):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
            assert load_catalogue_cached(DEFAULT_DIR, cache) == catalogue
        assert "cannot save the catalogue cache" in caplog.text
    finally:
        cache.chmod(0o700)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_an_unreadable_cache_file(warm, catalogue, caplog):
    (path,) = cache_files(warm)
    path.chmod(0)
    with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
        assert load_catalogue_cached(DEFAULT_DIR, warm) == catalogue
    assert "ignoring unreadable catalogue cache" in caplog.text


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch, catalogue, caplog):
    def full(*a, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pickle, "dump", full)
    cache = tmp_path / "cache"
    with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
        assert load_catalogue_cached(DEFAULT_DIR, cache) == catalogue
    assert "No space left on device" in caplog.text
    assert list(cache.iterdir()) == []


def test_a_refused_cache_dir(tmp_path, monkeypatch, catalogue, caplog):
    """Works as root too, where chmod cannot make a folder unwritable."""
    import tempfile

    def refused(*a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with caplog.at_level(logging.INFO, logger="kiosk.domain.catalogue"):
        assert load_catalogue_cached(DEFAULT_DIR, tmp_path / "cache") == catalogue
    assert "cannot save the catalogue cache" in caplog.text and "Permission denied" in caplog.text


def test_a_missing_cache_is_said_at_info_only(tmp_path, catalogue, caplog):
    with caplog.at_level(logging.DEBUG, logger="kiosk.domain.catalogue"):
        assert load_catalogue_cached(DEFAULT_DIR, tmp_path / "cache") == catalogue
    assert caplog.records and all(r.levelno == logging.INFO for r in caplog.records)
