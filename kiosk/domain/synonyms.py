"""Everyday words for official terms (``assets/catalogue/synonyms.yaml``): data and validation.

A citizen says 户口, 开公司 or 驾照; the catalogue says 户籍, 设立登记 and 驾驶证. Each group of the
file maps everyday ``words`` to the official ``terms`` as they occur in the catalogue's names and
aliases (Chinese groups under ``zh:``) or English names and aliases (``en:``). ``fillers`` are
words a citizen puts around what they want (我要, 怎么办) that search may leave out of a Chinese
phrase it splits at an everyday word. Format: ``assets/catalogue/SCHEMA.md``.

The file is validated with the catalogue (:func:`kiosk.domain.catalogue.load_catalogue`), through
the catalogue's reporter, so a bad file lists every problem as ``file:line: field: message``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.domain.yamlfile import LineDict, LineList

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class SynonymGroup:
    """Everyday ``words`` that stand for the official ``terms`` (lower-case for English)."""

    words: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Synonyms:
    zh: tuple[SynonymGroup, ...] = ()
    en: tuple[SynonymGroup, ...] = ()
    fillers: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)


class Reporter(Protocol):
    """What :func:`check_synonyms` needs of the catalogue's problem reporter."""

    def add(self, line: int, fld: str, message: str) -> None: ...

    def record(self, data: Any, where: str, line: int, spec: dict[str, Any]) -> dict[str, Any] | None: ...


def _words(v: Any) -> str | None:
    if not isinstance(v, list) or not v:
        return "must be a non-empty list of words"
    for w in v:
        if not isinstance(w, str) or not w.strip():
            return "must list non-empty words (one is empty or not text)"
        if any(ord(c) < 32 for c in w):
            return f"'{w}' holds a control character"
    return None


GROUP_FIELDS: dict[str, tuple[bool, Any, Any]] = {
    "words": (True, _words, None),
    "terms": (True, _words, None),
}


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


def check_synonyms(data: Any, rep: Reporter, texts: dict[str, list[str]]) -> Synonyms:
    """Validate the parsed file ``data``; report every problem to ``rep``.

    ``texts``: per language ("zh", "en"), every item and bundle name and alias, in which each
    official term must occur (English compared in lower case).
    """
    if data is None:
        rep.add(1, "(file)", "the file is empty: it must have a 'zh:' or 'en:' list of groups")
        return Synonyms()
    if not isinstance(data, LineDict):
        rep.add(getattr(data, "line", 1) or 1, "(file)", "must be a mapping with 'zh:', 'en:' and 'fillers:'")
        return Synonyms()
    for key in data:
        if key not in (*LANGUAGES, "fillers"):
            rep.add(data.line_of(key), str(key), "unknown top-level key (zh, en or fillers)")
    if not any(k in data for k in LANGUAGES):
        rep.add(data.line, "(file)", "must have a 'zh:' or 'en:' list of groups")
    groups: dict[str, tuple[SynonymGroup, ...]] = {}
    for lang in LANGUAGES:
        groups[lang] = tuple(_check_groups(data, lang, rep, texts.get(lang, [])))
    fillers: tuple[str, ...] = ()
    if "fillers" in data:
        raw = data["fillers"]
        msg = _words(raw)
        if msg:
            rep.add(data.line_of("fillers"), "fillers", msg)
        else:
            fillers = tuple(_unique(raw, raw, "fillers", rep, data.line_of("fillers")))
    return Synonyms(groups["zh"], groups["en"], fillers)


def _unique(values: list[str], seq: Any, where: str, rep: Reporter, line: int) -> list[str]:
    out: list[str] = []
    for j, v in enumerate(values):
        n = _norm(v)
        if n in out:
            rep.add(seq.line_of(j) if isinstance(seq, LineList) else line, f"{where}[{j}]", f"'{v}' is listed twice")
        else:
            out.append(n)
    return out


def _check_groups(data: LineDict, lang: str, rep: Reporter, texts: list[str]) -> list[SynonymGroup]:
    if lang not in data:
        return []
    seq = data[lang]
    if not isinstance(seq, LineList):
        rep.add(data.line_of(lang), lang, "must be a list of groups")
        return []
    haystack = "\x00".join(t.lower() for t in texts)
    seen: dict[str, str] = {}  # everyday word -> where it was first listed
    out = []
    for i, raw in enumerate(seq):
        where = f"{lang}[{i}]"
        rec = rep.record(raw, where, seq.line_of(i), GROUP_FIELDS)
        if rec is None or _words(rec["words"]) or _words(rec["terms"]):
            continue
        ok = True
        words = _unique(rec["words"], rec["words"], f"{where}.words", rep, raw.line_of("words"))
        terms = _unique(rec["terms"], rec["terms"], f"{where}.terms", rep, raw.line_of("terms"))
        for j, word in enumerate(words):
            line = _line(rec["words"], j, raw.line_of("words"))
            if word in seen:
                rep.add(line, f"{where}.words[{j}]", f"'{word}' is already listed in {seen[word]}")
                ok = False
            else:
                seen[word] = where
            if word in terms:
                rep.add(line, f"{where}.words[{j}]", f"'{word}' is also one of the group's terms")
                ok = False
        for j, term in enumerate(terms):
            if term not in haystack:
                kind = "English name or alias" if lang == "en" else "item or bundle name or alias"
                rep.add(_line(rec["terms"], j, raw.line_of("terms")), f"{where}.terms[{j}]",
                        f"'{term}' occurs in no {kind} of the catalogue")
                ok = False
        if ok:
            out.append(SynonymGroup(tuple(words), tuple(terms)))
    return out


def _line(seq: Any, j: int, default: int) -> int:
    return seq.line_of(j) if isinstance(seq, LineList) else default


def catalogue_texts(names: Iterable[tuple[str, Iterable[str], str, Iterable[str]]]) -> dict[str, list[str]]:
    """Per language, the texts an official term may occur in: (name, aliases, name_en, aliases_en)
    of every item and bundle."""
    zh: list[str] = []
    en: list[str] = []
    for name, aliases, name_en, aliases_en in names:
        zh += [name, *aliases]
        en += [name_en, *aliases_en]
    return {"zh": zh, "en": en}
