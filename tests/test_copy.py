"""How the hall speaks: the glossary (``assets/glossary.yaml``) against every text a citizen reads.

- every English text of the catalogue, of ``hall.yaml`` and of the translations uses the glossary's
  term for a concept, never one it forbids, and says "free" only where its Chinese does;
- the Chinese a citizen reads (data files, translation sources) has no system words (校验, 激活 …),
  no staff jargon (午间岗, 值班) and no Chinese term the glossary replaces;
- a text that is exactly a glossary term has the glossary's English as its twin;
- every Chinese condition, tip and fee note of the catalogue has its English twin (the validator);
- one English name per material across the catalogue.

:func:`glossary_problems` reads YAML data files, the ``.ts`` translations and Python UI sources; the
UI's Chinese follows the rules too (``docs/copy-ui-changes.md`` records what was changed and why).
"""

from __future__ import annotations

import ast
import html
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.domain.catalogue import DEFAULT_DIR, load_catalogue
from kiosk.domain.yamlfile import LineDict, LineList, ValidationError, load

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
GLOSSARY = ASSETS / "glossary.yaml"
TS = ASSETS / "i18n" / "kiosk_en_US.ts"
#: What people type to search: not display text, so not held to the glossary ("business license",
#: "elderly" are right there): the items' and bundles' aliases and the whole synonyms file.
SEARCH_WORDS = {"aliases", "aliases_en"}
SEARCH_FILES = {"synonyms.yaml"}
DATA = [*sorted(p for p in (ASSETS / "catalogue").glob("*.yaml") if p.name not in SEARCH_FILES),
        ASSETS / "hall.yaml", *sorted((ASSETS / "studies").glob("*.yaml"))]  # a study's tasks are read to participants
UI_SOURCES = sorted((ROOT / "kiosk" / "ui").rglob("*.py"))
UI_CHANGES = ROOT / "docs" / "copy-ui-changes.md"


@dataclass(frozen=True)
class Text:
    """One text as a citizen (or, ``staff``, a window's staff) reads it."""

    file: str
    line: int
    where: str
    lang: str  # "zh" or "en"
    text: str
    twin: str | None = None  # the same text in the other language, where known
    staff: bool = False


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    where: str
    lang: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


# --- the glossary --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    zh: tuple[str, ...]
    en: str
    staff: str | None
    twin: bool
    not_: tuple[re.Pattern[str], ...]
    not_for_citizens: tuple[re.Pattern[str], ...]
    not_zh: tuple[str, ...]
    allowed: tuple[str, ...]


def _word(term: str) -> re.Pattern[str]:
    """``term`` as a whole word or phrase, any case, with an optional plural ending."""
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?:e?s)?(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    system_words: tuple[str, ...]
    staff_jargon: tuple[str, ...]
    free_needs: tuple[str, ...]
    staff_contexts: frozenset[str]


@cache
def glossary() -> Glossary:
    data = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    terms = []
    for t in data["terms"]:
        terms.append(Term(
            zh=tuple(t["zh"]), en=t["en"], staff=t.get("staff"), twin=bool(t.get("twin")),
            not_=tuple(_word(w) for w in t.get("not", [])),
            not_for_citizens=tuple(_word(w) for w in t.get("not_for_citizens", [])),
            not_zh=tuple(t.get("not_zh", [])), allowed=tuple(t.get("allowed", []))))
    return Glossary(tuple(terms), tuple(data["system_words"]), tuple(data["staff_jargon"]),
                    tuple(data["free_needs"]), frozenset(data["staff_contexts"]))


# --- texts: YAML data, .ts translations, Python UI sources ----------------------------------------

def _label(node: LineDict, path: str) -> str:
    """``items[3](QYKB-004)``, ``windows[8](9)``: the list index and the record's code or number."""
    code = node.get("code", node.get("number"))
    return f"{path}({code})" if isinstance(code, (str, int)) and not isinstance(code, bool) else path


def _shown(path: Path) -> str:
    """A path as problems name it: relative to the repository when it is inside."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _yaml_texts(path: Path) -> Iterator[Text]:
    data, problems = load(path)
    assert not problems, [str(p) for p in problems]

    def walk(node: Any, where: str) -> Iterator[Text]:
        if isinstance(node, LineDict):
            here = _label(node, where)
            for key, value in node.items():
                key = str(key)
                if key in SEARCH_WORDS:
                    continue
                name = f"{here}.{key}" if here else key
                if isinstance(value, str):
                    en = key.endswith("_en")
                    other = node.get(key[:-3] if en else key + "_en")
                    yield Text(_shown(path), node.line_of(key), name, "en" if en else "zh", value,
                               other if isinstance(other, str) else None)
                else:
                    yield from walk(value, name)
        elif isinstance(node, LineList):
            for i, value in enumerate(node):
                if isinstance(value, str):
                    yield Text(_shown(path), node.line_of(i), f"{where}[{i}]", "zh", value)
                else:
                    yield from walk(value, f"{where}[{i}]")

    yield from walk(data, "")


_MESSAGE = re.compile(r"<message[^>]*>(?P<body>.*?)</message>", re.S)
_CONTEXT = re.compile(r"<context>\s*<name>(?P<name>[^<]*)</name>(?P<body>.*?)</context>", re.S)


def _ts_texts(path: Path) -> Iterator[Text]:
    """Each message's source (Chinese) and translation (English), at the .ts line, with the code's
    file and line in ``where``."""
    text = path.read_text(encoding="utf-8")
    staff = glossary().staff_contexts
    for ctx in _CONTEXT.finditer(text):
        name = html.unescape(ctx["name"])
        for msg in _MESSAGE.finditer(ctx["body"]):
            body = msg["body"]
            source = re.search(r"<source>(.*?)</source>", body, re.S)
            translation = re.search(r"<translation[^>]*>(.*?)</translation>", body, re.S)
            loc = re.search(r'<location filename="([^"]*)" line="(\d+)"', body)
            if source is None:
                continue
            zh = html.unescape(source[1])
            en = html.unescape(translation[1]) if translation else ""
            code = f" ({Path(loc[1]).name}:{loc[2]})" if loc else ""
            start = ctx.start("body") + msg.start("body")
            zh_line = text.count("\n", 0, start + source.start()) + 1
            yield Text(_shown(path), zh_line, f"{name}{code} {zh!r}", "zh", zh, en or None, name in staff)
            if translation:
                en_line = text.count("\n", 0, start + translation.start()) + 1
                yield Text(_shown(path), en_line, f"{name}{code} {zh!r}", "en", en, zh, name in staff)


def _py_texts(path: Path) -> Iterator[Text]:
    """The Chinese sources of tr() / translate() / QT_TRANSLATE_NOOP() calls, context as lupdate
    sees it (the enclosing class for tr())."""
    staff = glossary().staff_contexts
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def visit(node: ast.AST, cls: str) -> Iterator[Text]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield from visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                        for a in child.args]
                context, source = None, None
                if fname == "tr" and args and args[0] is not None:
                    context, source = cls, args[0]
                elif fname in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and args[1] is not None:
                    context, source = args[0] or cls, args[1]
                if source is not None:
                    yield Text(_shown(path), child.lineno, f"{context} {source!r}", "zh", source, None,
                               context in staff)
            yield from visit(child, cls)

    yield from visit(tree, "(module)")


def texts(paths: Iterable[Path]) -> Iterator[Text]:
    for path in paths:
        path = Path(path)
        if path.suffix == ".yaml":
            yield from _yaml_texts(path)
        elif path.suffix == ".ts":
            yield from _ts_texts(path)
        elif path.suffix == ".py":
            yield from _py_texts(path)
        else:
            raise ValueError(f"glossary_problems cannot read {path}")


# --- the checks ----------------------------------------------------------------------------------

def _has(word: str, text: str) -> bool:
    if word.isascii():
        return bool(_word(word).search(text))
    return word in text


def _same(text: str, expected: str) -> bool:
    """Equal but for the case of the first letter (a label starts with a capital)."""
    a, b = text.strip(), expected.strip()
    return bool(a) and a[0].lower() + a[1:] == b[0].lower() + b[1:]


def text_problems(t: Text) -> list[str]:
    g = glossary()
    out = []
    if not t.staff:
        for word in g.system_words:
            if _has(word, t.text):
                out.append(f"system word '{word}' on a citizen's screen")
        for word in g.staff_jargon:
            if word in t.text:
                out.append(f"staff jargon '{word}' on a citizen's screen")
    if t.lang == "zh":
        if not t.staff:
            for term in g.terms:
                for bad in term.not_zh:
                    if bad in t.text:
                        out.append(f"'{bad}': say '{term.zh[0]}'")
        return out
    masked = t.text
    for term in g.terms:
        for ok in term.allowed:
            masked = re.sub(re.escape(ok), " ", masked, flags=re.IGNORECASE)
    for term in g.terms:
        for rx in term.not_ + (() if t.staff else term.not_for_citizens):
            m = rx.search(masked)
            if m:
                out.append(f"'{m[0]}' is not our English for {'/'.join(term.zh)}: say '{term.en}'")
        if term.twin and t.twin is not None and t.twin.strip() in term.zh:
            expected = term.staff if t.staff and term.staff else term.en
            if not _same(t.text, expected):
                out.append(f"{t.twin.strip()} is '{expected}', not '{t.text}'")
    if not t.staff and t.twin is not None and re.search(r"\bfree\b", t.text, re.IGNORECASE) \
            and not any(k in t.twin for k in g.free_needs):
        out.append(f"says 'free' where the Chinese does not ({t.twin!r})")
    return out


def glossary_problems(paths: Iterable[Path]) -> list[Problem]:
    """Every text in ``paths`` (YAML data, .ts translations, Python UI sources) that breaks the
    glossary, as ``file:line: where: message``."""
    found = set()
    for t in texts(paths):
        for message in text_problems(t):
            found.add(Problem(t.file, t.line, t.where, t.lang, message))
    return sorted(found)


def show(problems: Iterable[Problem]) -> str:
    return "\n".join(map(str, problems))


# --- the shipped files ---------------------------------------------------------------------------

def test_the_glossary_is_well_formed():
    g = glossary()
    assert len(g.terms) >= 40
    zh = [z for t in g.terms for z in t.zh]
    assert len(zh) == len(set(zh)), "a Chinese term belongs to one concept"
    for t in g.terms:
        assert t.en and t.zh
        for rx in t.not_:  # a term never forbids its own English
            assert not rx.search(t.en), (t.en, rx.pattern)


def test_catalogue_and_hall_follow_the_glossary():
    problems = glossary_problems(DATA)
    assert not problems, "\n" + show(problems)


def test_english_translations_follow_the_glossary():
    problems = [p for p in glossary_problems([TS]) if p.lang == "en"]
    assert not problems, "\n" + show(problems)


def ui_chinese_problems() -> list[Problem]:
    return [p for p in glossary_problems([TS, *UI_SOURCES]) if p.lang == "zh"]


def test_ui_chinese_follows_the_glossary():
    problems = ui_chinese_problems()
    assert not problems, "\n" + show(problems)


def test_every_ui_chinese_problem_is_in_the_change_list():
    """Nothing is skipped silently: each Chinese UI string the glossary rejects is quoted, as it
    is in the code, in docs/copy-ui-changes.md (with the wording that replaces it)."""
    doc = UI_CHANGES.read_text(encoding="utf-8")
    missing = sorted({f"{t.file}:{t.line}: {t.where}" for t in texts([TS, *UI_SOURCES])
                      if t.lang == "zh" and text_problems(t) and t.text not in doc})
    assert not missing, "add to docs/copy-ui-changes.md:\n" + "\n".join(missing)


def test_the_checks_see_the_files():
    """The scan reads what it should: every catalogue English text, both sides of every message."""
    ts = list(texts([TS]))
    assert sum(t.lang == "en" for t in ts) == sum(t.lang == "zh" for t in ts) > 200
    assert any(t.staff for t in ts) and not all(t.staff for t in ts)
    assert {p.name for p in DATA} >= {"vocab.yaml", "bundles.yaml", "items-life.yaml", "hall.yaml"}
    data = list(texts(DATA))
    assert sum(t.where.endswith(".note_en") for t in data) == 208 + 128
    assert sum(t.where.endswith(".fee_note_en") for t in data) == 45
    assert not any(t.where.rsplit(".", 1)[-1] in SEARCH_WORDS for t in data)
    assert any(t.staff for t in texts(UI_SOURCES)) and sum(1 for _ in texts(UI_SOURCES)) > 200


def test_one_english_name_per_material(catalogue):
    names: dict[str, set[str]] = defaultdict(set)
    for item in catalogue.items:
        for m in item.materials:
            names[m.name].add(m.name_en)
    twice = {zh: sorted(en) for zh, en in names.items() if len(en) > 1}
    assert not twice


def test_every_condition_tip_and_fee_note_has_its_english(catalogue):
    items = catalogue.items
    assert all(bool(i.note) == bool(i.note_en) and bool(i.fee_note) == bool(i.fee_note_en) for i in items)
    assert all(bool(m.note) == bool(m.note_en) for i in items for m in i.materials)
    assert sum(1 for i in items if i.note_en) == 208 and sum(1 for i in items if i.fee_note_en) == 45
    assert sum(1 for i in items for m in i.materials if m.note_en) == 128
    # 不收费 with other fees to pay (COPY.md): the English says what is paid, never "free"
    health = catalogue.by_code["SPJY-012"]
    assert health.fee == 0 and "另行收取" in health.fee_note and "free" not in health.fee_note_en.lower()


# --- the checks themselves -----------------------------------------------------------------------

def check(lang: str, text: str, twin: str | None = None, staff: bool = False) -> list[str]:
    return text_problems(Text("f", 1, "w", lang, text, twin, staff))


@pytest.mark.parametrize("text, twin, fragment", [
    ("Elder mode", "长辈版", "'Elder mode' is not our English for 长辈版"),
    ("Elderly mode", None, "'Elderly mode'"),
    ("Bring your business license", None, "'business license'"),
    ("Go to counter 3", None, "'counter'"),
    ("One-stop package · 4 services", None, "'One-stop package'"),
    ("Your queue number", None, "'queue number'"),
    ("Green channel (priority)", None, "'Green channel'"),
    ("Sole proprietors", "个体工商户", "'Sole proprietors'"),
    ("Help for seniors", None, "'seniors'"),
    ("Free", "不收费", None),  # 不收费 may say free
    ("Free", "体检费另行收取", "says 'free'"),
    ("The disk is full", None, "system word 'disk'"),
    ("Missed your number? Ask for a no-show", None, "'no-show'"),
    ("Resident identity card", "居民身份证", "'Resident identity card'"),
    ("ID card", "居民身份证", "居民身份证 is 'resident ID card'"),
])
def test_english_checks(text, twin, fragment):
    problems = check("en", text, twin)
    if fragment is None:
        assert not problems
    else:
        assert any(fragment in p for p in problems), problems


def test_english_checks_pass_good_text():
    for text in ("Senior mode", "Sole proprietorship enterprise registration", "Disabled Persons' Federation",
                 "Licensed pharmacist", "People with disabilities", "Window 3", "Encounter", "Enquiries"):
        assert check("en", text) == [], text
    assert check("en", "Resident ID card", "居民身份证") == []
    assert check("en", "No-show", "过号", staff=True) == []  # the console's word
    assert check("en", "Missed your number", "过号") == []


def test_chinese_checks():
    assert any("'磁盘'" in p for p in check("zh", "磁盘已满，暂时无法保存"))
    assert any("'校验'" in p for p in check("zh", "身份证号码校验不通过"))
    assert any("'兜底'" in p for p in check("zh", "这里兜底"))
    assert any("'值班'" in p for p in check("zh", "周末有值班"))
    assert any("'disk'" in p for p in check("zh", "暂时无法取号：the disk is full"))
    assert any("'涉外投资人'" in p for p in check("zh", "帮办代办：涉外投资人"))
    assert check("zh", "过号激活", staff=True) == []  # the console's button
    assert check("zh", "过号了？请到服务台说明，可重新排队") == []


def test_problems_name_file_line_and_context(tmp_path):
    data = tmp_path / "hall.yaml"
    data.write_text("name: 大厅\nname_en: Hall\nhours:\n  - {days: 午间岗, days_en: Lunchtime desk, time: x}\n",
                    encoding="utf-8")
    ts = tmp_path / "k.ts"
    ts.write_text('<TS>\n<context>\n    <name>HomeScreen</name>\n    <message>\n'
                  '        <location filename="../../kiosk/ui/home.py" line="7"/>\n'
                  '        <source>长辈版</source>\n        <translation>Elder mode</translation>\n'
                  '    </message>\n</context>\n</TS>\n', encoding="utf-8")
    ui = tmp_path / "screen.py"
    ui.write_text("class Screen:\n    def retranslate(self):\n        self.tr('磁盘已满')\n", encoding="utf-8")
    problems = [str(p) for p in glossary_problems([data, ts, ui])]
    assert f"{data}:4: hours[0].days: staff jargon '午间岗' on a citizen's screen" in problems
    assert any(p.startswith(f"{data}:4: hours[0].days_en: 'Lunchtime desk'") for p in problems)
    assert any(p.startswith(f"{ts}:7: HomeScreen (home.py:7) '长辈版': 'Elder mode'") for p in problems)
    assert f"{ui}:3: Screen '磁盘已满': system word '磁盘' on a citizen's screen" in problems
    assert f"{ts}:7: HomeScreen (home.py:7) '长辈版': 长辈版 is 'Senior mode', not 'Elder mode'" in problems
    assert len(problems) == 5


# --- the validator: the English twin wherever the Chinese exists ---------------------------------

ITEM = """\
items:
  - code: QYKB-001
    name: 有限责任公司设立登记
    name_en: Registration of a new limited liability company
    aliases: []
    department: XZSP
    decided_by: XZSP
    audience: [法人]
    theme: QYKB
    type: 行政许可
    kind: 即办件
    legal_days: 3
    promised_days: 0
    fee: 0
    fee_note: 体检费另行收取
    fee_note_en: The health check is charged separately
    visits: 1
    online: true
    window: comprehensive
    materials:
      - {name: 结婚证, name_en: Marriage certificate, originals: 1, copies: 0, note: 已婚者提供, note_en: If married}
    note: 须先公告。
    note_en: Publish a notice first.
"""


def catalogue_problems(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "cat"
    folder.mkdir()
    shutil.copy(DEFAULT_DIR / "vocab.yaml", folder / "vocab.yaml")
    (folder / "items-test.yaml").write_text(text, encoding="utf-8")
    try:
        load_catalogue(folder)
    except ValidationError as err:
        return [str(p) for p in err.problems]
    return []


def test_a_complete_item_loads(tmp_path):
    assert catalogue_problems(tmp_path, ITEM) == []
    folder = tmp_path / "cat"
    item = load_catalogue(folder).items[0]
    assert (item.note_en, item.fee_note_en, item.materials[0].note_en) == \
        ("Publish a notice first.", "The health check is charged separately", "If married")


@pytest.mark.parametrize("drop, line, field, message", [
    ("    note_en: Publish a notice first.\n", 22, "items[0](QYKB-001).note_en", "'note' needs its English twin"),
    ("    fee_note_en: The health check is charged separately\n", 15, "items[0](QYKB-001).fee_note_en",
     "'fee_note' needs its English twin"),
    (", note_en: If married", 21, "items[0](QYKB-001).materials[0].note_en", "'note' needs its English twin"),
    ("    note: 须先公告。\n", 22, "items[0](QYKB-001).note", "'note_en' translates a Chinese 'note'"),
    (", note: 已婚者提供", 21, "items[0](QYKB-001).materials[0].note", "'note_en' translates a Chinese 'note'"),
])
def test_a_missing_twin_is_reported_with_file_line_and_field(tmp_path, drop, line, field, message):
    assert drop in ITEM
    problems = catalogue_problems(tmp_path, ITEM.replace(drop, ""))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{tmp_path / 'cat' / 'items-test.yaml'}:{line}: {field}: is missing: ")
    assert message in problems[0]


def test_every_missing_twin_is_reported_at_once(tmp_path):
    text = ITEM.replace("    note_en: Publish a notice first.\n", "").replace(", note_en: If married", "") \
        .replace("    fee_note_en: The health check is charged separately\n", "")
    assert len(catalogue_problems(tmp_path, text)) == 3


def test_an_empty_twin_is_a_problem_too(tmp_path):
    problems = catalogue_problems(tmp_path, ITEM.replace("note_en: If married", "note_en: ''"))
    assert len(problems) == 1 and "materials[0].note_en: must be non-empty text" in problems[0]
