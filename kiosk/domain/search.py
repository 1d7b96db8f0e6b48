"""Catalogue search: Chinese text, full pinyin, pinyin initials, aliases, English and codes.

Ranking: an exact match beats a prefix (or word-start) match, which beats a match inside the
text; within the same kind of match the official name beats an alias, which beats pinyin, which
beats English; then shorter names first. Every hit says which text matched and where, so the
screen can highlight it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

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
        self._docs: list[tuple[Doc, str, _Text, list[_Text], str, list[str]]] = []
        for d in docs:
            name = _Text(d.name, syllables(d.name))
            aliases = [_Text(a, syllables(a)) for a in d.aliases]
            name_en = d.name_en.lower()
            aliases_en = [a.lower() for a in d.aliases_en]
            parts = [d.key.lower(), name_en, *aliases_en]
            for t in (name, *aliases):
                parts += [t.low, t.initials, t.full]
            self._docs.append((d, "\x00".join(parts), name, aliases, name_en, aliases_en))

    def __len__(self) -> int:
        return len(self._docs)

    def search(self, query: str) -> list[Hit]:
        q = " ".join((query or "").lower().split())
        if not q:
            return []
        q_tight = q.replace(" ", "")
        hits: list[tuple[int, int, str, Hit]] = []
        for doc, hay, name, aliases, name_en, aliases_en in self._docs:
            if q not in hay and q_tight not in hay:
                continue
            hit = self._best(doc, q, q_tight, name, aliases, name_en, aliases_en)
            if hit is not None:
                hits.append((-hit.score, len(doc.name), doc.key, hit))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits]

    @staticmethod
    def _best(doc: Doc, q: str, qt: str, name: _Text, aliases: list[_Text], name_en: str,
              aliases_en: list[str]) -> Hit | None:
        best: Hit | None = None

        def offer(kind: int, weight: int, field: str, text: str, span: tuple[int, int]) -> None:
            nonlocal best
            score = kind * 1000 + weight
            if best is None or score > best.score:
                best = Hit(doc.key, score, field, text, (span,))

        for t, field, w, wpy in [(name, "name", W_NAME, W_NAME_PY)] + [
                (a, "alias", W_ALIAS, W_ALIAS_PY) for a in aliases]:
            pos = t.low.find(q)
            if pos >= 0:
                offer(_kind(t.low, q, pos), w, field, t.text, (pos, pos + len(q)))
            if qt.isascii():
                for form, mapping in ((t.initials, t.ini_map), (t.full, t.full_map)):
                    pos = form.find(qt) if qt else -1
                    if pos >= 0:
                        kind = EXACT if pos == 0 and len(form) == len(qt) else PREFIX if pos == 0 else INSIDE
                        offer(kind, wpy, field, t.text, _chars(mapping, pos, len(qt)))
        if q.isascii():
            pos = doc.key.lower().find(q)
            if pos >= 0:
                offer(_kind(doc.key.lower(), q, pos), W_CODE, "code", doc.key, (pos, pos + len(q)))
            for text, low, field, w in [(doc.name_en, name_en, "name_en", W_NAME_EN)] + [
                    (a, a.lower(), "alias_en", W_ALIAS_EN) for a in doc.aliases_en]:
                pos = low.find(q)
                while pos >= 0:
                    offer(_kind(low, q, pos), w, field, text, (pos, pos + len(q)))
                    if pos == 0 or not low[pos - 1].isalnum():
                        break
                    pos = low.find(q, pos + 1)
        return best
