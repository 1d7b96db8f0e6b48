"""Per-character pinyin for search, with a cache so a warm start never imports pypinyin.

``syllables(text)`` returns one entry per character of ``text``: the toneless pinyin of a Han
character, the lower-cased character for letters and digits, and "" for punctuation and spaces.

The pinyin of every text of the shipped catalogue is shipped too (``assets/cache/pinyin.json``,
written by ``scripts/build_caches.py``; ``tests/test_shipped_caches.py`` fails when it lacks a text
or differs from pypinyin), so not even a fresh kiosk imports pypinyin for it (~0.25 s, ~20 MB):
``PinyinCache(path, shipped=SHIPPED)`` reads it under the data directory's own cache, which then
only ever holds what the shipped one lacks.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from kiosk import ASSETS

log = logging.getLogger(__name__)

#: The pinyin of the shipped catalogue's texts, built ahead (scripts/build_caches.py).
SHIPPED = ASSETS / "cache" / "pinyin.json"


def _compute(texts: list[str]) -> dict[str, list[str]]:
    from pypinyin import Style, lazy_pinyin  # deferred: ~0.25 s to import

    out: dict[str, list[str]] = {}
    for text in texts:
        keep: Any = lambda run: list(run)  # non-Chinese runs: one "syllable" per character
        syl = lazy_pinyin(text, style=Style.NORMAL, errors=keep)
        if len(syl) != len(text):  # defensive: fall back to character by character
            syl = [lazy_pinyin(c, style=Style.NORMAL, errors=keep)[0] for c in text]
        out[text] = [s.lower() if s.isalnum() else "" for s in syl]
    return out


class PinyinCache:
    """Syllables for many texts, remembered in a JSON file (``path``) between runs, over the
    ``shipped`` ones (read-only; None: none)."""

    def __init__(self, path: Path | None = None, shipped: Path | None = None):
        self.path = Path(path) if path else None
        self._own = read_map(self.path) if self.path else {}  # what the data directory's cache holds
        self._map = {**(read_map(Path(shipped)) if shipped else {}), **self._own}

    def prepare(self, texts: list[str]) -> None:
        """Compute whatever is missing for ``texts`` in one go and save the cache."""
        missing = sorted({t for t in texts if t not in self._map})
        if not missing:
            return
        computed = _compute(missing)
        self._map.update(computed)
        self._own.update(computed)
        if self.path:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(dump(self._own), encoding="utf-8")
                os.replace(tmp, self.path)
            except OSError as exc:  # a read-only or full disk only costs speed next time
                log.warning("cannot save pinyin cache %s: %s", self.path, exc)

    def syllables(self, text: str) -> list[str]:
        """The syllables of ``text``; one that was not prepared (a typed query: closest() compares
        its pinyin) is computed and neither remembered nor saved."""
        got = self._map.get(text)
        return got if got is not None else _compute([text])[text]


def read_map(path: Path) -> dict[str, list[str]]:
    """The text → syllables map saved in ``path``; {} (logged, unless there is no file) when it
    cannot be read. Entries that do not have one syllable per character are left out.

    A file written by :func:`dump` (one entry a line) is parsed a line at a time: a worker thread
    reading it never holds the GIL for long (one json.loads of the 50,000-item cache holds it for
    ~0.1–0.2 s, and the GUI thread with it)."""
    try:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        if len(lines) > 2 and lines[0] == "{" and lines[-1] == "}":
            data: Any = {}
            for line in lines[1:-1]:
                data.update(json.loads("{" + line.rstrip(",") + "}"))
        else:
            data = json.loads(text)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable pinyin cache %s: %s", path, exc)
        return {}
    if not isinstance(data, dict):
        log.warning("ignoring pinyin cache %s: not a JSON object", path)
        return {}
    return {k: v for k, v in data.items() if isinstance(v, list) and len(v) == len(k)}


def dump(entries: dict[str, list[str]]) -> str:
    """``entries`` as a JSON object, sorted, one entry a line (see :func:`read_map`)."""
    lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(entries.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_shipped(texts: list[str], path: Path = SHIPPED) -> dict[str, list[str]]:
    """Compute the pinyin of ``texts`` (pypinyin) and write it to ``path`` (:func:`dump`)."""
    computed = _compute(sorted(set(texts)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(computed), encoding="utf-8")
    return computed
