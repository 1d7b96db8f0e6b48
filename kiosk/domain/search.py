"""Catalogue search: Chinese text, full pinyin, pinyin initials, aliases, English and codes.

Ranking: an exact match beats a prefix (or word-start) match, which beats a match inside the
text; within the same kind of match the official name beats an alias, which beats pinyin, which
beats English; then shorter names first. Every hit says which text matched and where, so the
screen can highlight it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

EXACT, PREFIX, INSIDE = 3, 2, 1

# field weights (must stay below 1000 so the match kind dominates)
W_NAME, W_ALIAS, W_NAME_PY, W_ALIAS_PY, W_CODE, W_NAME_EN, W_ALIAS_EN = 600, 500, 450, 400, 380, 350, 300


@dataclass(frozen=True)
class Doc:
    """Something findable: a catalogue item or a 一件事 bundle."""

    key: str
    name: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    key: str
    score: int
    field: str  # "name", "alias", "name_en", "alias_en" or "code"
    text: str  # the text that matched (the name, an alias, the English name ...)
    spans: tuple[tuple[int, int], ...]  # character ranges of ``text`` to highlight


class _Text:
    """One searchable Chinese text with its pinyin forms and their maps back to characters."""

    __slots__ = ("text", "low", "initials", "ini_map", "full", "full_map")

    def __init__(self, text: str, syllables: list[str]):
        self.text = text
        self.low = text.lower()
        ini, ini_map, full, full_map = [], [], [], []
        for i, syl in enumerate(syllables):
            if not syl:
                continue
            ini.append(syl[0])
            ini_map.append(i)
            full.append(syl)
            full_map.extend([i] * len(syl))
        self.initials, self.ini_map = "".join(ini), ini_map
        self.full, self.full_map = "".join(full), full_map


def _kind(text: str, q: str, pos: int) -> int:
    if pos == 0:
        return EXACT if len(text) == len(q) else PREFIX
    return PREFIX if not text[pos - 1].isalnum() else INSIDE


def _chars(mapping: list[int], start: int, length: int) -> tuple[int, int]:
    return mapping[start], mapping[start + length - 1] + 1


class SearchIndex:
    def __init__(self, docs: Iterable[Doc], syllables: Callable[[str], list[str]]):
        # per document, prepared once: the filter string, the Chinese texts with their pinyin, and
        # the plain texts (English, code) — a keystroke only runs str.find over them
        self._docs: list[tuple[Doc, str, list[tuple[_Text, str, int, int]], list[tuple[str, str, str, int]]]] = []
        for d in docs:
            zh = [(_Text(d.name, syllables(d.name)), "name", W_NAME, W_NAME_PY)]
            zh += [(_Text(a, syllables(a)), "alias", W_ALIAS, W_ALIAS_PY) for a in d.aliases]
            plain = [(d.key, d.key.lower(), "code", W_CODE), (d.name_en, d.name_en.lower(), "name_en", W_NAME_EN)]
            plain += [(a, a.lower(), "alias_en", W_ALIAS_EN) for a in d.aliases_en]
            parts = [low for _, low, _, _ in plain]
            for t, *_ in zh:
                parts += [t.low, t.initials, t.full]
            self._docs.append((d, "\x00".join(parts), zh, plain))

    def __len__(self) -> int:
        return len(self._docs)

    def search(self, query: str) -> list[Hit]:
        q = " ".join((query or "").lower().split())
        if not q:
            return []
        qt = q.replace(" ", "")
        ascii_q = q.isascii()
        found: list[tuple[int, int, str, Doc, tuple[str, str, tuple[int, int]]]] = []
        for doc, hay, zh, plain in self._docs:
            if q not in hay and qt not in hay:
                continue
            score, best = _best(q, qt, ascii_q, zh, plain)
            if best is not None:
                found.append((-score, len(doc.name), doc.key, doc, best))
        found.sort(key=lambda h: h[:3])
        return [Hit(key, -neg, field, text, (span,)) for neg, _, key, _, (field, text, span) in found]


def _best(q: str, qt: str, ascii_q: bool, zh: Any, plain: Any) -> tuple[int, Any]:
    """The best (score, (field, text, span)) of one document for the query."""
    best_score, best = -1, None
    n, nt = len(q), len(qt)
    for t, field, w, wpy in zh:
        pos = t.low.find(q)
        if pos >= 0:
            score = _kind(t.low, q, pos) * 1000 + w
            if score > best_score:
                best_score, best = score, (field, t.text, (pos, pos + n))
        if ascii_q:
            for form, mapping in ((t.initials, t.ini_map), (t.full, t.full_map)):
                pos = form.find(qt)
                if pos >= 0:
                    kind = EXACT if pos == 0 and len(form) == nt else PREFIX if pos == 0 else INSIDE
                    score = kind * 1000 + wpy
                    if score > best_score:
                        best_score, best = score, (field, t.text, _chars(mapping, pos, nt))
    if ascii_q:
        for text, low, field, w in plain:
            pos = low.find(q)
            while pos >= 0:  # the first match at a word start, or else the first match
                score = _kind(low, q, pos) * 1000 + w
                if score > best_score:
                    best_score, best = score, (field, text, (pos, pos + n))
                if pos == 0 or not low[pos - 1].isalnum():
                    break
                pos = low.find(q, pos + 1)
    return best_score, best
