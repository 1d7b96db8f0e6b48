"""Catalogue search: Chinese text, full pinyin, pinyin initials, aliases, English, codes and the
everyday words of ``synonyms.yaml``.

Ranking. Each text of a document (its name, an alias, the pinyin of either, the code, the English
name or an English alias) is matched against the query; the best match counts:

- an exact match beats a prefix match (the text, or in Chinese and English texts any word of it,
  starts with the query), which beats a match inside the text; the best occurrence in a text
  counts (the first at a word start, or else the first);
- within the same kind of match the official name beats an alias, which beats pinyin (the name's
  before an alias's), which beats the code, the English name, an English alias;
- then shorter names first, then the code.

The score is ``kind * 1000 + weight`` (``EXACT``/``PREFIX``/``INSIDE`` times 1000, the field
weights below 1000), so the kind of match always dominates.

Everyday words (:mod:`kiosk.domain.synonyms`). A query that is an everyday word, or the start of
one (in Chinese, in its pinyin or initials, or in English at a word start), also matches every
document whose Chinese (or English) name or alias contains one of the official terms the word
stands for, as if the query had been that term: the kind of match is the lesser of how the query
matched the word (exact or prefix) and where the term stands in the document's text (the whole
text, at a word start, inside); the weight is below every direct field (``W_SYN*``), plus
``W_SYN_NAME`` when the term is in the name rather than an alias. A document matched both
directly and through a word keeps the better score. Such a hit reports the document's text that
holds the official term, highlights the term there, and names the everyday word in ``Hit.via``:
户口 finds 户籍证明出具 with ``field="name"``, the span of 户籍 and ``via="户口"``.

Several words. A query of several words ("居住证 办理", "登记 结婚", "licence business") matches
a document when the whole query does (spaces ignored in pinyin, as before) or when every word
does, each on its own (directly or through an everyday word) and in any order; the words' score
is the lowest of the words' scores, and the document keeps the better of the whole query's and
the words' score. A Chinese word that contains an everyday word is split there ("补办身份证" →
"补办" + "身份证"), leaving out the file's fillers (我要, 怎么办 …). A words hit reports the text
where most of the words matched, with every word's span in it.

Speed. ``search()`` scores each document with at most three ``str.find`` calls on one prepared
string (weight-ordered parts, word-start suffixes, a byte per character giving its weight), so a
keystroke never runs the per-text matcher over every document; it sorts integer keys and builds
:class:`Hit` objects only for the ranks that are read (the screen reads 200). The result is a
sequence whose ``len()`` is the number of matching documents.

``closest()`` offers the nearest documents when a query finds little or nothing: edit distance on
Chinese characters, on pinyin (a Chinese query is also compared by its pinyin, so 户藉 finds
户籍) and on English.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import NamedTuple, overload

from kiosk.domain.synonyms import Synonyms

EXACT, PREFIX, INSIDE = 3, 2, 1

# field weights (must stay below 1000 so the match kind dominates; multiples of 10)
W_NAME, W_ALIAS, W_NAME_PY, W_ALIAS_PY, W_CODE, W_NAME_EN, W_ALIAS_EN = 600, 500, 450, 400, 380, 350, 300
# an everyday word (synonyms.yaml) matched in Chinese, in pinyin or initials, in English; + W_SYN_NAME
# when the official term is in the name (or English name) rather than an alias
W_SYN, W_SYN_PY, W_SYN_EN, W_SYN_NAME = 250, 210, 170, 10

_CTRL = {i: " " for i in range(32)} | {0x7F: " "}
_TOP = 4000  # above every score: sort keys are (_TOP - score) * len(docs) + rank of the name


def _lower(text: str) -> str:
    """``text.lower()``, keeping one character for each character (spans stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def normalize(query: str) -> str:
    """The query as search sees it: lower case, control characters dropped, single spaces."""
    return " ".join(_lower((query or "").translate(_CTRL)).split())


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
    via: str = ""  # the everyday word (synonyms.yaml) through which ``text`` matched, if any


class _Text:
    """One searchable Chinese text with its pinyin forms and their maps back to characters."""

    __slots__ = ("text", "low", "field", "w", "wpy", "initials", "ini_map", "full", "full_map")

    def __init__(self, text: str, syllables: list[str], field: str, w: int, wpy: int):
        self.text, self.low, self.field, self.w, self.wpy = text, _lower(text), field, w, wpy
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


class _Doc:
    __slots__ = ("key", "name", "zh", "plain")

    def __init__(self, d: Doc, syllables: Callable[[str], list[str]]):
        self.key, self.name = d.key, d.name
        self.zh = [_Text(d.name, syllables(d.name), "name", W_NAME, W_NAME_PY)]
        self.zh += [_Text(a, syllables(a), "alias", W_ALIAS, W_ALIAS_PY) for a in d.aliases]
        self.plain = [(d.key, _lower(d.key), "code", W_CODE), (d.name_en, _lower(d.name_en), "name_en", W_NAME_EN)]
        self.plain += [(a, _lower(a), "alias_en", W_ALIAS_EN) for a in d.aliases_en]


def _occ(low: str, s: str) -> tuple[int, int]:
    """(kind, position) of the best occurrence of ``s`` in ``low``; (0, -1) when there is none."""
    pos = low.find(s)
    if pos < 0:
        return 0, -1
    if pos == 0:
        return (EXACT if len(low) == len(s) else PREFIX), 0
    first = pos
    while pos >= 0:
        if not low[pos - 1].isalnum():
            return PREFIX, pos
        pos = low.find(s, pos + 1)
    return INSIDE, first


def _py_kind(form: str, st: str, pos: int) -> int:
    return EXACT if pos == 0 and len(form) == len(st) else PREFIX if pos == 0 else INSIDE


_NOT_ALNUM = re.compile(r"[\W_]")  # exactly the characters for which str.isalnum() is false


def _chars(mapping: list[int], start: int, length: int) -> tuple[int, int]:
    return mapping[start], mapping[start + length - 1] + 1


def _mark(low: str) -> str:
    """``low`` with ``\x02`` before each word start: the first character and every character
    after one that is not alphanumeric. A marked query occurs in a marked text exactly where the
    query occurs in the text at a word start; without its first marker, wherever it occurs."""
    if low.isalnum():
        return "\x02" + low
    out, last = ["\x02"], 0
    for m in _NOT_ALNUM.finditer(low):
        out += (low[last:m.end()], "\x02")
        last = m.end()
    out.append(low[last:])
    return "".join(out)


def _prepared(doc: _Doc) -> tuple[str, bytes, int, int, list[int], list[tuple[str, str, list[int] | None]]]:
    """One string holding every part of ``doc`` in weight order, and the weight of each character.

    Each part is ``\x00`` + the marked text (:func:`_mark`) + ``\x01``: the first occurrence of
    ``"\x00"+mark(q)+"\x01"`` is the best exact match, of ``mark(q)`` the best match at a word
    start, of ``mark(q)[1:]`` the best match at all. Chinese texts come first (up to ``z_end``),
    then the pinyin forms (up to ``p_end``; only their start counts as a word start), then the
    code and the English texts. Also returns each part's start and (field, text, pinyin map).
    """
    s_parts: list[str] = []
    m_parts: list[bytes] = []
    starts: list[int] = []
    info: list[tuple[str, str, list[int] | None]] = []
    at = 0

    def add(low: str, w: int, field: str, text: str, mapping: list[int] | None) -> None:
        nonlocal at
        item = "\x00" + (_mark(low) if mapping is None else "\x02" + low) + "\x01"
        s_parts.append(item)
        m_parts.append(bytes((w // 10,)) * len(item))
        starts.append(at)
        info.append((field, text, mapping))
        at += len(item)

    for t in doc.zh:
        add(t.low, t.w, t.field, t.text, None)
    z_end = at
    for t in doc.zh:
        add(t.initials, t.wpy, t.field, t.text, t.ini_map)
        add(t.full, t.wpy, t.field, t.text, t.full_map)
    p_end = at
    for text, low, field, w in doc.plain:
        add(low, w, field, text, None)
    return "".join(s_parts), b"".join(m_parts), z_end, p_end, starts, info


_WORD_START = re.compile("\x02([^\x00\x01\x02])")


def _initials(prepared: str, weights: bytes, z_end: int) -> tuple[str, bytes, str]:
    """The first character of every word start in a prepared string, with its weight (a
    one-character query is a prefix match where it is one of these), and those of the Chinese texts."""
    chars, w = [], []
    z = 0
    for m in _WORD_START.finditer(prepared):
        chars.append(m.group(1))
        w.append(weights[m.start()])
        if m.start() < z_end:
            z += 1
    return "".join(chars), bytes(w), "".join(chars[:z])


# --- everyday words -----------------------------------------------------------------------------

class _Posting(NamedTuple):
    kind: int  # where the official term stands in ``text``
    bonus: int  # W_SYN_NAME when ``text`` is the name (or English name)
    field: str
    text: str
    span: tuple[int, int]


class _Group:
    """One synonyms.yaml group, resolved against the documents."""

    __slots__ = ("lang", "terms", "postings", "best")

    def __init__(self, lang: str, terms: tuple[str, ...]):
        self.lang, self.terms = lang, terms
        self.postings: list[dict[int, list[_Posting]]] = [{} for _ in terms]  # per term: doc -> where
        self.best: dict[int, tuple[int, int]] = {}  # doc -> best score part if the word matched (exactly, as a prefix)

    def add(self, t: int, doc: int, p: _Posting) -> None:
        self.postings[t].setdefault(doc, []).append(p)
        e, pr = self.best.get(doc, (0, 0))
        self.best[doc] = (max(e, p.kind * 1000 + p.bonus), max(pr, min(PREFIX, p.kind) * 1000 + p.bonus))


@dataclass(frozen=True)
class _Term:
    """One thing to match: the whole query or one of its words."""

    s: str  # as typed (lower case, single spaces)
    st: str  # without spaces (pinyin)
    ascii: bool
    words: tuple[tuple[int, int, int, str], ...]  # everyday words it matches: (kind, weight, group, word)


@dataclass(frozen=True)
class _Plan:
    whole: _Term
    words: tuple[_Term, ...]  # empty for a single word


# --- the index ----------------------------------------------------------------------------------

class SearchIndex:
    def __init__(self, docs: Iterable[Doc], syllables: Callable[[str], list[str]], synonyms: Synonyms | None = None):
        self._syllables = syllables
        self._docs = [_Doc(d, syllables) for d in docs]
        n = len(self._docs)
        # rank of each document by (name length, code): the tie-break after the score
        self._by_rank = sorted(range(n), key=lambda i: (len(self._docs[i].name), self._docs[i].key))
        self._rank = [0] * n
        for r, i in enumerate(self._by_rank):
            self._rank[i] = r
        prepared = [_prepared(d) for d in self._docs]
        self._S = [p[0] for p in prepared]
        self._M = [p[1] for p in prepared]
        self._zend = [p[2] for p in prepared]
        self._pend = [p[3] for p in prepared]
        self._zero = [0] * n
        self._lens = [len(p[0]) for p in prepared]
        self._starts = [p[4] for p in prepared]
        self._info = [p[5] for p in prepared]
        self._SZ = [p[0][:p[2]] for p in prepared]  # the Chinese texts alone, for a Chinese query
        firsts = [_initials(p[0], p[1], p[2]) for p in prepared]
        self._W = [f[0] for f in firsts]
        self._WM = [f[1] for f in firsts]
        self._WZ = [f[2] for f in firsts]
        # exact matches: text -> [(doc, weight, region: 0 Chinese, 1 pinyin, 2 code and English)]
        self._exact: dict[str, list[tuple[int, int, int]]] = {}
        for i, d in enumerate(self._docs):
            texts = [(t.low, t.w, 0) for t in d.zh] + [(f, t.wpy, 1) for t in d.zh for f in (t.initials, t.full)]
            for low, w, region in texts + [(low, w, 2) for _, low, _, w in d.plain]:
                self._exact.setdefault(low, []).append((i, w, region))
        self._groups: list[_Group] = []
        self._words: list[tuple[str, int, list[tuple[str, str]]]] = []  # (word, group, [(kind of form, form)])
        self._fillers: frozenset[str] = frozenset()
        self._vocabulary: frozenset[str] = frozenset()  # Chinese everyday words and terms, to split phrases at
        if synonyms:
            self._add_synonyms(synonyms)

    def __len__(self) -> int:
        return len(self._docs)

    # --- set-up -------------------------------------------------------------------------------

    def _add_synonyms(self, synonyms: Synonyms) -> None:
        zh_texts = [(i, t.field, t.text, t.low) for i, d in enumerate(self._docs) for t in d.zh]
        en_texts = [(i, field, text, low) for i, d in enumerate(self._docs)
                    for text, low, field, _ in d.plain if field in ("name_en", "alias_en")]
        vocabulary: set[str] = set()
        for lang, groups, texts in (("zh", synonyms.zh, zh_texts), ("en", synonyms.en, en_texts)):
            big = "\x00".join(low for *_, low in texts)
            starts, pos = [], 0
            for *_, low in texts:
                starts.append(pos)
                pos += len(low) + 1
            for g in groups:
                group = _Group(lang, tuple(_lower(t) for t in g.terms))
                gi = len(self._groups)
                self._groups.append(group)
                for ti, term in enumerate(group.terms):
                    seen: set[int] = set()
                    at = big.find(term)
                    while at >= 0:
                        k = bisect_right(starts, at) - 1
                        if k not in seen:
                            seen.add(k)
                            doc, field, text, low = texts[k]
                            kind, p = _occ(low, term)
                            bonus = W_SYN_NAME if field in ("name", "name_en") else 0
                            group.add(ti, doc, _Posting(kind, bonus, field, text, (p, p + len(term))))
                        at = big.find(term, at + 1)
                for w in g.words:
                    low = _lower(w)
                    forms = [("zh", low)] if lang == "zh" else [("en", low)]
                    if lang == "zh":
                        t = _Text(w, self._syllables(w), "", 0, 0)
                        forms += [("py", t.initials), ("py", t.full)]
                    self._words.append((low, gi, forms))
                if lang == "zh":
                    vocabulary.update(x for x in (*map(_lower, g.words), *group.terms) if len(x) >= 2 and not x.isascii())
        self._vocabulary = frozenset(vocabulary)
        self._fillers = frozenset(_lower(f) for f in synonyms.fillers)

    # --- queries ------------------------------------------------------------------------------

    def _term(self, s: str) -> _Term:
        st = s.replace(" ", "")
        is_ascii = s.isascii()
        found = []
        for word, gi, forms in self._words:
            best = 0
            weight = 0
            for kind_of, form in forms:
                if kind_of == "zh":
                    k = EXACT if s == form else PREFIX if form.startswith(s) else 0
                    w = W_SYN
                elif not is_ascii:
                    continue
                elif kind_of == "py":
                    k = EXACT if st == form else PREFIX if form.startswith(st) else 0
                    w = W_SYN_PY
                else:
                    k = _occ(form, s)[0]
                    k = k if k >= PREFIX else 0
                    w = W_SYN_EN
                if k * 1000 + w > best * 1000 + weight and k:
                    best, weight = k, w
            if best:
                found.append((best, weight, gi, word))
        return _Term(s, st, is_ascii, tuple(found))

    def _split(self, word: str) -> list[str]:
        """A Chinese word cut at the everyday words and official terms it holds (the longest first)."""
        if word.isascii() or not self._vocabulary or word in self._vocabulary:
            return [word]
        longest = max(map(len, self._vocabulary))
        out: list[str] = []
        rest, i = "", 0
        while i < len(word):
            for n in range(min(longest, len(word) - i), 1, -1):
                if word[i:i + n] in self._vocabulary:
                    if rest:
                        out.append(rest)
                    out.append(word[i:i + n])
                    rest, i = "", i + n
                    break
            else:
                rest += word[i]
                i += 1
        if rest:
            out.append(rest)
        return out

    def _plan(self, q: str) -> _Plan:
        parts: list[str] = []
        for w in q.split(" "):
            parts += self._split(w)
        parts = list(dict.fromkeys(parts))
        parts = [w for w in parts if w not in self._fillers] or parts
        words = () if parts == [q] else tuple(self._term(w) for w in parts)
        return _Plan(self._term(q), words)

    # --- fast scores --------------------------------------------------------------------------

    def _needles(self, s: str, st: str, is_ascii: bool) -> list[tuple[list[int], list[int], str, int]]:
        """Where to look for what: (part starts, part ends, marked query, its length in the text)."""
        if not is_ascii:  # Chinese texts only
            return [(self._zero, self._zend, _mark(s), len(s))]
        if s == st:  # everywhere
            return [(self._zero, self._lens, _mark(s), len(s))]
        # spaces: Chinese and English texts with them, pinyin without them
        return [(self._zero, self._lens, _mark(s), len(s)), (self._zend, self._pend, "\x02" + st, len(st))]

    def _direct_scores(self, s: str, st: str, is_ascii: bool) -> dict[int, int]:
        """doc -> best direct score for ``s`` (Chinese, code, English) and ``st`` (pinyin).

        Exact matches come from a dict; the rest from ``str.find`` over the prepared strings (run
        by ``map`` over every document when most of them match, as a first letter does)."""
        M = self._M
        exact: dict[int, int] = {}
        for x, regions in ((s, (0,) if not is_ascii else (0, 1, 2) if s == st else (0, 2)),
                           (st, (1,) if is_ascii and s != st else ())):
            for doc, w, region in self._exact.get(x, ()) if regions else ():
                if region in regions and 3000 + w > exact.get(doc, 0):
                    exact[doc] = 3000 + w
        out: dict[int, int] = {}
        for lo, hi, mq, _ in self._needles(s, st, is_ascii):
            inside = mq[1:]
            if hi is self._lens:  # whole strings: no bounds to pass (str.find runs faster without)
                S, bounded = self._S, False
            elif hi is self._zend:
                S, bounded = self._SZ, False
            else:
                S, bounded = self._S, True
            found = list(map(str.find, S, repeat(inside), lo, hi) if bounded else map(str.find, S, repeat(inside)))
            matched = len(found) - found.count(-1)
            if not matched:
                continue
            if matched * 4 > len(S):  # most documents: let str.find and bytes indexing run over all of them
                if len(inside) == 1 and not bounded:  # one character: look among the word starts' first characters
                    p_at = list(map(str.find, self._W if S is self._S else self._WZ, repeat(inside)))
                    w_p = list(map(bytes.__getitem__, self._WM, p_at))  # at -1: the last byte, masked below
                else:
                    p_at = list(map(str.find, S, repeat(mq), lo, hi) if bounded else map(str.find, S, repeat(mq)))
                    w_p = list(map(bytes.__getitem__, M, p_at))
                w_i = list(map(bytes.__getitem__, M, found))
                part = {i: 2000 + wp * 10 if p >= 0 else 1000 + wi * 10
                        for i, (f, p, wp, wi) in enumerate(zip(found, p_at, w_p, w_i)) if f >= 0}
            else:
                part = {}
                for i in [i for i, f in enumerate(found) if f >= 0]:
                    p = S[i].find(mq, lo[i], hi[i])
                    part[i] = 2000 + M[i][p] * 10 if p >= 0 else 1000 + M[i][found[i]] * 10
            if out:
                for i, sc in part.items():
                    if sc > out.get(i, 0):
                        out[i] = sc
            else:
                out = part
        for doc, sc in exact.items():
            out[doc] = sc  # an exact match is the best there is
        return out

    def _direct_hit(self, doc: int, term: _Term) -> tuple[int, str, str, tuple[tuple[int, int], ...]]:
        """(score, field, text, spans) of the best direct match of ``term`` in ``doc`` (score 0: none),
        read off the prepared string: the first part, in weight order, with the best kind of match."""
        S, M = self._S[doc], self._M[doc]
        best: tuple[int, str, str, tuple[tuple[int, int], ...]] = (0, "", "", ())
        for lo, hi, mq, n in self._needles(term.s, term.st, term.ascii):
            a, b = lo[doc], hi[doc]
            at = S.find("\x00" + mq + "\x01", a, b)
            if at >= 0:
                kind, at = EXACT, at + 2
            else:
                at = S.find(mq, a, b)
                if at >= 0:
                    kind, at = PREFIX, at + 1
                else:
                    kind, at = INSIDE, S.find(mq[1:], a, b)
                    if at < 0:
                        continue
            score = kind * 1000 + M[at] * 10
            if score > best[0]:
                k = bisect_right(self._starts[doc], at) - 1
                start = self._starts[doc][k]
                field, text, mapping = self._info[doc][k]
                raw = at - start - 1 - S.count("\x02", start + 1, at)
                span = _chars(mapping, raw, n) if mapping is not None else (raw, raw + n)
                best = (score, field, text, (span,))
        return best

    def _term_scores(self, term: _Term) -> dict[int, int]:
        out = self._direct_scores(term.s, term.st, term.ascii)
        for kind, weight, gi, _ in term.words:
            slot = 0 if kind == EXACT else 1
            for doc, best in self._groups[gi].best.items():
                sc = best[slot] + weight
                if sc > out.get(doc, 0):
                    out[doc] = sc
        return out

    def _scores(self, plan: _Plan) -> dict[int, int]:
        whole = self._term_scores(plan.whole)
        if not plan.words:
            return whole
        each = sorted((self._term_scores(t) for t in plan.words), key=len)
        first, rest = each[0], each[1:]
        for doc, sc in first.items():
            for other in rest:
                o = other.get(doc, 0)
                if o < sc:
                    sc = o
                    if not o:
                        break
            if sc > whole.get(doc, 0):
                whole[doc] = sc
        return whole

    # --- the public side ----------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None) -> Results:
        """Every matching document, best first (see the module's docstring for the ranking).

        The result is a sequence of :class:`Hit`; its ``len()`` is the number of matches (with
        ``limit``: at most ``limit``; ``total`` always counts them all). Hits are built when read.
        """
        q = normalize(query)
        if not q:
            return Results(self, None, [], 0)
        plan = self._plan(q)
        scores = self._scores(plan)
        n, rank = len(self._docs), self._rank
        keys = sorted([(_TOP - sc) * n + rank[doc] for doc, sc in scores.items()])
        total = len(keys)
        if limit is not None:
            del keys[max(0, limit):]
        return Results(self, plan, keys, total)

    def _hit(self, key: int, plan: _Plan) -> Hit:
        n = len(self._docs)
        doc = self._by_rank[key % n]
        score = _TOP - key // n
        if not plan.words:
            direct = self._direct_hit(doc, plan.whole)
            if direct[0] == score:  # an everyday word only counts when it does better
                return Hit(self._docs[doc].key, score, *direct[1:])
        _, field, text, spans, via = self._explain(doc, plan)
        return Hit(self._docs[doc].key, score, field, text, spans, via)

    # --- what matched: the straightforward matcher, run for the hits that are read -------------

    def _explain(self, doc: int, plan: _Plan) -> tuple[int, str, str, tuple[tuple[int, int], ...], str]:
        """(score, field, text, spans, via) of ``doc`` for the query; score 0 if it does not match."""
        whole = self._term_best(doc, plan.whole)
        if not plan.words:
            return whole
        each = [self._term_best(doc, t) for t in plan.words]
        low = min(e[0] for e in each)
        if not low or whole[0] >= low:
            return whole
        # the text most words matched in (the first such), with every one of their spans
        counts: dict[tuple[str, str], int] = {}
        for e in each:
            counts[(e[1], e[2])] = counts.get((e[1], e[2]), 0) + 1
        field, text = max(counts, key=lambda ft: counts[ft])
        spans = sorted(sp for e in each if (e[1], e[2]) == (field, text) for sp in e[3])
        merged: list[tuple[int, int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        via = next((e[4] for e in each if (e[1], e[2]) == (field, text) and e[4]), "")
        return low, field, text, tuple(merged), via

    def _term_best(self, doc: int, term: _Term) -> tuple[int, str, str, tuple[tuple[int, int], ...], str]:
        d = self._docs[doc]
        s, st, n, nt = term.s, term.st, len(term.s), len(term.st)
        best: tuple[int, str, str, tuple[tuple[int, int], ...], str] = (0, "", "", (), "")
        for t in d.zh:
            kind, pos = _occ(t.low, s)
            if kind and kind * 1000 + t.w > best[0]:
                best = (kind * 1000 + t.w, t.field, t.text, ((pos, pos + n),), "")
            if term.ascii:
                for form, mapping in ((t.initials, t.ini_map), (t.full, t.full_map)):
                    pos = form.find(st)
                    if pos >= 0 and _py_kind(form, st, pos) * 1000 + t.wpy > best[0]:
                        best = (_py_kind(form, st, pos) * 1000 + t.wpy, t.field, t.text, (_chars(mapping, pos, nt),), "")
        if term.ascii:
            for text, low, field, w in d.plain:
                kind, pos = _occ(low, s)
                if kind and kind * 1000 + w > best[0]:
                    best = (kind * 1000 + w, field, text, ((pos, pos + n),), "")
        for kind, weight, gi, word in term.words:
            group = self._groups[gi]
            for postings in group.postings:
                for p in postings.get(doc, ()):
                    sc = min(kind, p.kind) * 1000 + weight + p.bonus
                    if sc > best[0]:
                        best = (sc, p.field, p.text, (p.span,), word)
        return best

    # --- near misses --------------------------------------------------------------------------

    def closest(self, query: str, limit: int = 5) -> list[Hit]:
        """The documents nearest to a query that ``search()`` does not find, nearest first.

        Edit distance (insertions, deletions, substitutions) between the query and the closest
        stretch of a text: Chinese characters against Chinese names and aliases; a Chinese query's
        pinyin, or a Latin query, against the names' and aliases' pinyin; a Latin query against
        the English names and aliases. Up to 1 edit for 3–6 characters (2 from 7), and for Latin
        letters 1 from 4, 2 from 8, 3 from 13. The score is ``1000 - 1000 * edits / length``
        (homophones: 1000), below every ``search()`` score; ties go to the name before an alias,
        then to shorter names. Documents that ``search()`` finds are left out.
        """
        q = normalize(query)
        qt = q.replace(" ", "")
        if len(qt) < 2 or limit <= 0:
            return []
        found = self._scores(self._plan(q))
        paths: list[tuple[str, str, int]] = []
        if not qt.isascii():
            paths.append(("zh", qt, 0 if len(qt) < 3 else 1 if len(qt) <= 6 else 2))
            py = "".join(self._syllables(qt))
            if py.isascii() and len(py) >= 2:
                paths.append(("py", py, _letters_k(len(py))))
        else:
            paths.append(("py", qt, _letters_k(len(qt))))
            paths.append(("en", q, _letters_k(len(q))))
        best: dict[int, tuple[int, int, Hit]] = {}  # doc -> (cost, -weight, hit)
        for path, pattern, k in paths:
            if path != "py" and k == 0:
                continue  # an exact match of Chinese or English is search()'s
            pieces = _pieces(pattern, k + 1)
            lo, hi = {"zh": (self._zero, self._zend), "py": (self._zend, self._pend), "en": (self._pend, self._lens)}[path]
            count: Counter[int] = Counter()
            for piece in dict.fromkeys(p for _, p in pieces):
                at = map(str.find, self._S, repeat(_mark(piece)[1:]), lo, hi)
                count.update([i for i, p in enumerate(at) if p >= 0])
            rank = self._rank
            candidates = sorted((i for i in count if i not in found), key=lambda i: (-count[i], rank[i]))[:_MAX_CANDIDATES]
            for i in candidates:
                for field, text, hay, mapping, weight in self._near_texts(i, path):
                    m = _near(pattern, pieces, hay, k)
                    if m is None:
                        continue
                    dist, a, b = m
                    cost = dist * 1000 // len(pattern)
                    if mapping is not None:
                        a, b = (mapping[a], mapping[b - 1] + 1) if b > a else (mapping[a], mapping[a])
                    hit = Hit(self._docs[i].key, 1000 - cost, field, text, ((a, b),) if b > a else ())
                    cand = (cost, -weight, hit)
                    if i not in best or cand[:2] < best[i][:2]:
                        best[i] = cand
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], kv[1][1], self._rank[kv[0]]))
        return [h for _, (_, _, h) in ranked[:limit]]

    def _near_texts(self, i: int, path: str) -> Iterator[tuple[str, str, str, list[int] | None, int]]:
        d = self._docs[i]
        if path == "zh":
            for t in d.zh:
                yield t.field, t.text, t.low, None, t.w
        elif path == "py":
            for t in d.zh:
                yield t.field, t.text, t.full, t.full_map, t.wpy
        else:
            for text, low, field, w in d.plain:
                if field != "code":
                    yield field, text, low, None, w


# documents closest() checks per kind of text: those holding the most pieces of the query, then the shortest names
_MAX_CANDIDATES = 60


def _letters_k(n: int) -> int:
    return 0 if n < 4 else 1 if n < 8 else 2 if n < 13 else 3


def _pieces(pattern: str, n: int) -> list[tuple[int, str]]:
    """``pattern`` cut into ``n`` nearly equal pieces, with their offsets: a stretch of text
    within fewer than ``n`` edits of ``pattern`` holds one of them unchanged."""
    n = max(1, min(n, len(pattern)))
    size, extra = divmod(len(pattern), n)
    out, at = [], 0
    for j in range(n):
        step = size + (1 if j < extra else 0)
        out.append((at, pattern[at:at + step]))
        at += step
    return [(off, p) for off, p in out if p.strip()]


def _near(pattern: str, pieces: list[tuple[int, str]], text: str, k: int) -> tuple[int, int, int] | None:
    """:func:`_approx` run only around the places where a piece of ``pattern`` occurs in ``text``
    (a stretch within ``k`` edits holds one of the ``k + 1`` pieces unchanged)."""
    best: tuple[int, int, int] | None = None
    m = len(pattern)
    for off, piece in pieces:
        at = text.find(piece)
        while at >= 0:
            a = max(0, at - off - k)
            found = _approx(pattern, text[a:at - off + m + k], k)
            if found is not None and (best is None or found[0] < best[0]):
                best = (found[0], found[1] + a, found[2] + a)
            at = text.find(piece, at + 1)
    return best


def _approx(pattern: str, text: str, k: int) -> tuple[int, int, int] | None:
    """(edits, start, end) of the stretch of ``text`` nearest to ``pattern``, if at most ``k`` edits."""
    m = len(pattern)
    prev = list(range(m + 1))
    prev_start = [0] * (m + 1)
    best: tuple[int, int, int] | None = None
    for j, c in enumerate(text, 1):
        cur = [0] * (m + 1)
        cur_start = [j] * (m + 1)
        for i in range(1, m + 1):
            v, st = prev[i - 1] + (pattern[i - 1] != c), prev_start[i - 1]
            if prev[i] + 1 < v:
                v, st = prev[i] + 1, prev_start[i]
            if cur[i - 1] + 1 < v:
                v, st = cur[i - 1] + 1, cur_start[i - 1]
            cur[i], cur_start[i] = v, st
        if cur[m] <= k and (best is None or cur[m] < best[0]):
            best = (cur[m], cur_start[m], j)
        prev, prev_start = cur, cur_start
    if m <= k and best is None:
        best = (m, 0, 0)
    return best


class Results(Sequence[Hit]):
    """The ranked hits of one query; a :class:`Hit` is built when it is read.

    ``len()`` is the number of hits held (every match, or at most the ``limit`` asked for);
    ``total`` is the number of documents that matched.
    """

    def __init__(self, index: SearchIndex, plan: _Plan | None, keys: list[int], total: int):
        self._index, self._plan, self._keys, self.total = index, plan, keys, total
        self._built: dict[int, Hit] = {}

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, i: int) -> Hit: ...

    @overload
    def __getitem__(self, i: slice) -> list[Hit]: ...

    def __getitem__(self, i: int | slice) -> Hit | list[Hit]:
        if isinstance(i, slice):
            return [self._get(j) for j in range(*i.indices(len(self._keys)))]
        if i < 0:
            i += len(self._keys)
        if not 0 <= i < len(self._keys):
            raise IndexError("search result index out of range")
        return self._get(i)

    def _get(self, i: int) -> Hit:
        hit = self._built.get(i)
        if hit is None:
            assert self._plan is not None
            hit = self._built[i] = self._index._hit(self._keys[i], self._plan)
        return hit

    def __iter__(self) -> Iterator[Hit]:
        for i in range(len(self._keys)):
            yield self._get(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Results, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: Sequence[Hit]) -> list[Hit]:  # as a list of hits would
        return [*self, *other]

    def __radd__(self, other: Sequence[Hit]) -> list[Hit]:
        return [*other, *self]

    def __repr__(self) -> str:
        return f"Results({len(self)} of {self.total}: {self[:3]!r}{' …' if len(self) > 3 else ''})"

