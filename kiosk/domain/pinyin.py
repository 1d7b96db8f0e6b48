"""Per-character pinyin for search, with a cache so a warm start never imports pypinyin.

``syllables(text)`` returns one entry per character of ``text``: the toneless pinyin of a Han
character, the lower-cased character for letters and digits, and "" for punctuation and spaces.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


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
    """Syllables for many texts, remembered in a JSON file (``path``) between runs."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else None
        self._map: dict[str, list[str]] = {}
        if self.path and self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    self._map = {k: v for k, v in data.items() if isinstance(v, list) and len(v) == len(k)}
            except (OSError, ValueError) as exc:
                log.warning("ignoring unreadable pinyin cache %s: %s", self.path, exc)

    def prepare(self, texts: list[str]) -> None:
        """Compute whatever is missing for ``texts`` in one go and save the cache."""
        missing = sorted({t for t in texts if t not in self._map})
        if not missing:
            return
        self._map.update(_compute(missing))
        if self.path:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(json.dumps(self._map, ensure_ascii=False), encoding="utf-8")
                os.replace(tmp, self.path)
            except OSError as exc:  # a read-only or full disk only costs speed next time
                log.warning("cannot save pinyin cache %s: %s", self.path, exc)

    def syllables(self, text: str) -> list[str]:
        """The syllables of ``text``; one that was not prepared (a typed query: closest() compares
        its pinyin) is computed and neither remembered nor saved."""
        got = self._map.get(text)
        return got if got is not None else _compute([text])[text]
