"""The service-item catalogue (事项目录): data classes, loading and validation.

Format: ``assets/catalogue/SCHEMA.md``. :func:`load_catalogue` returns a :class:`Catalogue` or
raises :class:`~kiosk.domain.yamlfile.ValidationError` listing every problem with file, line and
field.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, cast

from kiosk import ASSETS
from kiosk.domain.synonyms import SynonymGroup, Synonyms, catalogue_texts, check_synonyms
from kiosk.domain.yamlfile import LineDict, LineList, Problem, ValidationError, load

log = logging.getLogger(__name__)

DEFAULT_DIR = ASSETS / "catalogue"

AUDIENCES = ("个人", "法人")
ZONES = ("重点项目开工", "重点企业开办", "重点群体服务")
ITEM_TYPES = ("行政许可", "行政确认", "行政给付", "行政征收", "行政裁决", "行政奖励", "行政备案",
              "其他行政权力", "公共服务")
KINDS = ("即办件", "承诺件")
WINDOWS = ("comprehensive", "realty", "police", "cannot_do", "assist")
ITEM_CODE = re.compile(r"[A-Z]{4}-\d{3}")
FEE_VARIES = "varies"  # ``fee: varies``: the fee depends on the case; fee_note gives the rule
YUAN = re.compile(r"(\d+(?:\.\d+)?)\s*元")  # an amount a fee note names
BUNDLE_CODE = re.compile(r"YJS-\d{2}")


@dataclass(frozen=True)
class Term:
    """A theme, a department of the hall or a deciding authority above the town."""

    code: str
    name: str
    name_en: str
    institution: bool = False  # a 事业单位: accepts and serves, never decides a licence


#: Identity documents are core (never 容缺) wherever they are asked for: a material whose name holds
#: one (居民身份证, 户口簿, 护照, 居住证 — not 居住证明, a proof of address — or 营业执照).
IDENTITY_DOCUMENT = re.compile(r"居民身份证|户口簿|护照|居住证(?!明)|营业执照")


@dataclass(frozen=True)
class Material:
    name: str
    name_en: str
    originals: int
    copies: int
    deferrable: bool = False  # 容缺: may follow later on a written commitment
    e_license: bool = False  # 电子证照: the hall fetches it, nothing to bring
    note: str = ""  # when or by whom it is needed (已婚者提供): part of 一次性告知
    note_en: str = ""  # its English twin (required wherever ``note`` is set)
    form: bool = False  # the applicant's own document (申请表, 承诺书, 章程, 合同): filled in or e-signed online
    core: bool = False  # a core document of the item: never 容缺 (so are identity documents, :attr:`is_core`)

    @property
    def is_core(self) -> bool:
        """Core: flagged so, or an identity document (:data:`IDENTITY_DOCUMENT`) — never 容缺."""
        return self.core or bool(IDENTITY_DOCUMENT.search(self.name))

    @property
    def shown(self) -> bool:
        """An original someone else issued that must be shown: no fully online (零跑动) item can ask for it."""
        return self.originals > 0 and not self.e_license and not self.form


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    aliases_en: tuple[str, ...]
    department: str  # the hall's unit that accepts and handles it (受理)
    decided_by: str  # who decides (审批): ``department`` itself, or an authority above the town
    audience: tuple[str, ...]
    theme: str
    zone: str | None
    type: str
    kind: str
    legal_days: int
    promised_days: int
    fee: float | None  # yuan, 0 = 不收费; None (``fee: varies`` in the file): it depends on the case, fee_note says how
    fee_note: str
    visits: int
    online: bool
    window: str
    materials: tuple[Material, ...]
    note: str = ""  # one practical tip
    note_en: str = ""  # English twins, required wherever the Chinese is set
    fee_note_en: str = ""
    self_service: bool = False  # 零材料自助: the kiosk fills its forms in on screen and fetches the rest

    @property
    def fee_varies(self) -> bool:
        """The fee depends on the case (住宅/非住宅, 一次/多次): ``fee_note`` gives the rule, no single figure."""
        return self.fee is None

    @property
    def on_behalf(self) -> bool:
        """Accepted here for an authority above the town (昆山市, 苏州市): 受理/代办, not the town's decision."""
        return self.decided_by != self.department

    @property
    def zero_material(self) -> bool:
        """零材料: nothing to bring, because there is nothing or 电子证照 covers it all."""
        return all(m.e_license for m in self.materials)


@dataclass(frozen=True)
class Bundle:
    """一件事: several items handled in one visit."""

    code: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    items: tuple[str, ...]
    window: str
    promised_days: int
    hours: int | None
    description: str
    description_en: str
    produces: tuple[str, ...] = ()  # materials one member item issues for the next (营业执照): never asked for


@dataclass(frozen=True)
class Catalogue:
    items: tuple[Item, ...]
    bundles: tuple[Bundle, ...]
    themes: tuple[Term, ...]
    departments: tuple[Term, ...]  # the hall's units: an item's accepting ``department``
    authorities: tuple[Term, ...] = ()  # deciding authorities above the town: an item's ``decided_by``
    by_code: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)
    bundle_by_code: dict[str, Bundle] = field(default_factory=dict, compare=False, repr=False)
    theme_by_code: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)
    department_by_code: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)
    authority_by_code: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)
    synonyms: Synonyms = field(default_factory=Synonyms, repr=False)  # synonyms.yaml: everyday words for search

    def __post_init__(self) -> None:
        self.by_code.update((i.code, i) for i in self.items)
        self.bundle_by_code.update((b.code, b) for b in self.bundles)
        self.theme_by_code.update((t.code, t) for t in self.themes)
        self.department_by_code.update((d.code, d) for d in self.departments)
        self.authority_by_code.update((a.code, a) for a in self.authorities)

    def decider(self, item: Item) -> Term:
        """Who decides ``item``: its own department, or the authority above the town it is accepted for."""
        return self.department_by_code.get(item.decided_by) or self.authority_by_code[item.decided_by]

    def items_where(self, theme: str | None = None, department: str | None = None,
                    audience: str | None = None) -> list[Item]:
        return [i for i in self.items
                if (theme is None or i.theme == theme)
                and (department is None or i.department == department)
                and (audience is None or audience in i.audience)]

    def bundle_items(self, bundle: Bundle) -> list[Item]:
        return [self.by_code[c] for c in bundle.items if c in self.by_code]

    def bundle_materials(self, bundle: Bundle) -> list[Material]:
        """What the applicant brings for a package: its items' materials, repeats (身份证 …) once,
        without what the package itself issues on the way (``produces``: the 营业执照 of 开办企业一件事)."""
        seen, out = set(bundle.produces), []
        for item in self.bundle_items(bundle):
            for m in item.materials:
                if m.name not in seen:
                    seen.add(m.name)
                    out.append(m)
        return out


# --- field checks: each returns an error message or None ---------------------------------------

Check = Callable[[Any], "str | None"]


def _text(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "must be non-empty text"


def _int0(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and v >= 0
    return None if ok else "must be a whole number ≥ 0"


def _num0(v: Any) -> str | None:
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 and v == v
    return None if ok else "must be a number ≥ 0"


def _bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def _one_of(choices: Iterable[Any]) -> Check:
    choices = tuple(choices)

    def check(v: Any) -> str | None:
        try:
            ok = v in choices and not isinstance(v, bool)
        except TypeError:
            ok = False
        return None if ok else "must be one of " + ", ".join(map(str, choices))

    return check


def _text_list(v: Any) -> str | None:
    if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
        return "must be a list of non-empty texts"
    return None


def _pattern(rx: re.Pattern[str]) -> Check:
    def check(v: Any) -> str | None:
        return None if isinstance(v, str) and rx.fullmatch(v) else f"must match {rx.pattern}"

    return check


def _list_of(choices: Iterable[str]) -> Check:
    choices = tuple(choices)

    def check(v: Any) -> str | None:
        if not isinstance(v, list) or not v or any(not isinstance(x, str) or x not in choices for x in v):
            return "must be a non-empty list of " + ", ".join(choices)
        if len(set(v)) != len(v):
            return "lists a value twice"
        return None

    return check


# field -> (required, check, default)
ITEM_FIELDS: dict[str, tuple[bool, Check, Any]] = {
    "code": (True, _pattern(ITEM_CODE), None),
    "name": (True, _text, None),
    "name_en": (True, _text, None),
    "aliases": (True, _text_list, None),
    "aliases_en": (False, _text_list, []),
    "department": (True, _text, None),
    "decided_by": (True, _text, None),
    "audience": (True, _list_of(AUDIENCES), None),
    "theme": (True, _text, None),
    "zone": (False, _one_of(ZONES), None),
    "type": (True, _one_of(ITEM_TYPES), None),
    "kind": (True, _one_of(KINDS), None),
    "legal_days": (True, _int0, None),
    "promised_days": (True, _int0, None),
    "fee": (True, lambda v: None if v == FEE_VARIES else _num0(v) and f"must be a number ≥ 0 or '{FEE_VARIES}'", None),
    "fee_note": (False, _text, ""),
    "fee_note_en": (False, _text, ""),
    "visits": (True, _one_of((0, 1)), None),
    "online": (True, _bool, None),
    "window": (True, _one_of(WINDOWS), None),
    "materials": (True, lambda v: None if isinstance(v, list) else "must be a list", None),
    "note": (False, _text, ""),
    "note_en": (False, _text, ""),
    "self_service": (False, _bool, False),
}

MATERIAL_FIELDS: dict[str, tuple[bool, Check, Any]] = {
    "name": (True, _text, None),
    "name_en": (True, _text, None),
    "originals": (True, _int0, None),
    "copies": (True, _int0, None),
    "deferrable": (False, _bool, False),
    "e_license": (False, _bool, False),
    "note": (False, _text, ""),
    "note_en": (False, _text, ""),
    "form": (False, _bool, False),
    "core": (False, _bool, False),
}

BUNDLE_FIELDS: dict[str, tuple[bool, Check, Any]] = {
    "code": (True, _pattern(BUNDLE_CODE), None),
    "name": (True, _text, None),
    "name_en": (True, _text, None),
    "aliases": (True, _text_list, None),
    "items": (True, lambda v: None if isinstance(v, list) and len(v) >= 2 and all(isinstance(x, str) for x in v)
              else "must list at least two item codes", None),
    "window": (True, _one_of(WINDOWS), None),
    "promised_days": (True, _int0, None),
    "hours": (False, lambda v: _int0(v) or (None if v > 0 else "must be > 0"), None),
    "description": (True, _text, None),
    "description_en": (True, _text, None),
    "produces": (False, _text_list, []),
}

TERM_FIELDS: dict[str, tuple[bool, Check, Any]] = {
    "code": (True, _text, None),
    "name": (True, _text, None),
    "name_en": (True, _text, None),
}
UNIT_FIELDS = {**TERM_FIELDS, "institution": (False, _bool, False)}  # departments and authorities
VOCAB_KEYS = ("themes", "departments", "authorities", "approval_bureau")


@dataclass(frozen=True)
class Vocab:
    """vocab.yaml as the items are checked against it."""

    themes: frozenset[str]
    departments: dict[str, Term]
    authorities: dict[str, Term]
    approval_bureau: str | None  # 一枚印章管审批: the hall unit that decides the town's licences


class _Reporter:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int, fld: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, fld, message))

    def record(self, data: Any, where: str, line: int, spec: dict[str, Any]) -> dict[str, Any] | None:
        """Check one mapping against ``spec``; the cleaned dict, or None if it is no mapping."""
        if not isinstance(data, LineDict):
            self.add(line, where, "must be a mapping of fields")
            return None
        out: dict[str, Any] = {}
        for name, (required, check, default) in spec.items():
            if name not in data:
                if required:
                    self.add(data.line, f"{where}.{name}", "is missing")
                out[name] = default
                continue
            value = data[name]
            if value is None and not required:
                out[name] = default
                continue
            msg = check(value)
            if msg:
                self.add(data.line_of(name), f"{where}.{name}", msg)
            out[name] = value
        for name in data:
            if name not in spec:
                self.add(data.line_of(name), f"{where}.{name}", "unknown field")
        return out

    def twins(self, data: LineDict, where: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Each Chinese text in ``pairs`` and its English twin: both or neither (COPY.md: a condition
        is part of 一次性告知, in both languages)."""
        for zh, en in pairs:  # a present but bad value was reported by record() already
            if data.get(zh) is not None and data.get(en) is None:
                self.add(data.line_of(zh), f"{where}.{en}", f"is missing: '{zh}' needs its English twin")
            elif data.get(en) is not None and data.get(zh) is None:
                self.add(data.line_of(en), f"{where}.{zh}", f"is missing: '{en}' translates a Chinese '{zh}'")


def _top_list(data: Any, key: str, rep: _Reporter) -> LineList:
    if not isinstance(data, LineDict) or key not in data:
        rep.add(getattr(data, "line", 1) or 1, key, f"the file must have a top-level '{key}:' list")
        return LineList()
    value = data[key]
    if not isinstance(value, LineList):
        rep.add(data.line_of(key), key, "must be a list")
        return LineList()
    for other in data:
        if other != key:
            rep.add(data.line_of(other), str(other), "unknown top-level key")
    return value


def _check_terms(data: Any, key: str, rep: _Reporter, spec: dict[str, tuple[bool, Check, Any]] = TERM_FIELDS,
                 required: bool = True, taken: dict[str, str] | None = None) -> list[Term]:
    """The terms listed under ``key``; ``taken``: codes already used by another list (code -> list)."""
    seq = data.get(key) if isinstance(data, LineDict) else None
    if seq is None and not required and isinstance(data, LineDict):
        return []
    if not isinstance(seq, LineList):
        rep.add(getattr(data, "line", 1) or 1, key, "must be a list")
        return []
    out, seen = [], {} if taken is None else taken
    for i, raw in enumerate(seq):
        rec = rep.record(raw, f"{key}[{i}]", seq.line_of(i), spec)
        if rec and not any(_text(rec[f]) for f in TERM_FIELDS) and not _bool(rec.get("institution", False)):
            if rec["code"] in seen:
                where = "is used twice" if seen[rec["code"]] == key else f"is already a code in {seen[rec['code']]}"
                rep.add(seq.line_of(i), f"{key}[{i}].code", f"'{rec['code']}' {where}")
            seen[rec["code"]] = key
            out.append(Term(rec["code"], rec["name"], rec["name_en"], rec.get("institution", False)))
    return out


def _check_vocab(vocab: Any, rep: _Reporter) -> tuple[list[Term], list[Term], list[Term], str | None]:
    """Themes, departments, authorities (optional) and the approval bureau (optional) of vocab.yaml."""
    themes = _check_terms(vocab, "themes", rep)
    taken: dict[str, str] = {}
    depts = _check_terms(vocab, "departments", rep, UNIT_FIELDS, taken=taken)
    authorities = _check_terms(vocab, "authorities", rep, UNIT_FIELDS, required=False, taken=taken)
    bureau = vocab.get("approval_bureau") if isinstance(vocab, LineDict) else None
    if bureau is not None:
        if not isinstance(bureau, str) or bureau not in {d.code for d in depts}:
            rep.add(vocab.line_of("approval_bureau"), "approval_bureau",
                    f"must be the code of one of the departments, not {bureau!r}")
            bureau = None
        elif any(d.code == bureau and d.institution for d in depts):
            rep.add(vocab.line_of("approval_bureau"), "approval_bureau",
                    f"'{bureau}' is an institution (事业单位): it cannot decide licences")
    if isinstance(vocab, LineDict):
        for key in vocab:
            if key not in VOCAB_KEYS:
                rep.add(vocab.line_of(key), str(key), "unknown top-level key (" + ", ".join(VOCAB_KEYS) + ")")
    return themes, depts, authorities, bureau


def _item_label(rec: dict[str, Any] | None, i: int) -> str:
    code = rec.get("code") if rec else None
    return f"items[{i}]" + (f"({code})" if isinstance(code, str) else "")


def _check_decider(rec: dict[str, Any], line_of: Callable[[str], int], label: str, rep: _Reporter,
                   vocab: Vocab) -> None:
    """Who accepts and who decides: the hall accepts (``department``, a hall unit); a hall unit decides
    only what it accepts itself, the town's licences only the approval bureau (一枚印章管审批), a
    事业单位 never a licence; an authority above the town decides what the hall accepts for it."""
    dept, decider = rec["department"], rec["decided_by"]
    if isinstance(dept, str) and dept not in vocab.departments:
        where = " (an authority above the town decides, it does not accept: put it in decided_by)" \
            if dept in vocab.authorities else " (see vocab.yaml)"
        rep.add(line_of("department"), f"{label}.department", f"unknown department code '{dept}'{where}")
    if not isinstance(decider, str):
        return
    unit = vocab.departments.get(decider) or vocab.authorities.get(decider)
    if unit is None:
        rep.add(line_of("decided_by"), f"{label}.decided_by",
                f"unknown department or authority code '{decider}' (see vocab.yaml)")
        return
    licence = rec["type"] == "行政许可"
    if decider in vocab.departments and dept in vocab.departments and decider != dept:
        rep.add(line_of("decided_by"), f"{label}.decided_by",
                f"'{decider}' is a unit of the hall, and a hall unit decides only what it accepts itself: "
                f"decided_by must be '{dept}' (the department) or an authority above the town")
    elif decider in vocab.departments and licence and vocab.approval_bureau and decider != vocab.approval_bureau:
        rep.add(line_of("decided_by"), f"{label}.decided_by",
                f"一枚印章管审批: a licence (行政许可) the town decides is decided by '{vocab.approval_bureau}', "
                f"not '{decider}'; if it was not delegated to the town, name the authority that decides it")
    if unit.institution and licence:
        rep.add(line_of("decided_by"), f"{label}.decided_by",
                f"'{decider}' ({unit.name}) is an institution (事业单位): it cannot decide a licence (行政许可)")


def _check_fee(rec: dict[str, Any], line_of: Callable[[str], int], label: str, rep: _Reporter) -> None:
    """Never one misleading figure: a fee that varies says so (``fee: varies``) and gives its rule."""
    fee, note = rec["fee"], rec["fee_note"]
    if fee == FEE_VARIES:
        if not note:
            rep.add(line_of("fee"), f"{label}.fee_note",
                    "is missing: a fee that varies needs its rule in fee_note (住宅每件80元，非住宅每件550元)")
        return
    if _num0(fee) or not isinstance(note, str):
        return
    others = sorted({float(a) for a in YUAN.findall(note)} - {float(fee)})
    if others:
        amounts = ", ".join(f"{a:g}元" for a in others)
        rep.add(line_of("fee"), f"{label}.fee",
                f"fee_note names other amounts ({amounts}): the fee varies, so write 'fee: {FEE_VARIES}' and give "
                f"the whole rule in fee_note, not one figure")


def _check_material(m: Material, mraw: LineDict, where: str, rec: dict[str, Any], line_of: Callable[[str], int],
                    label: str, rep: _Reporter) -> None:
    """零跑动 asks for no original to show; 容缺 never for a core document or an e-certificate."""
    if rec["visits"] == 0 and m.shown:
        rep.add(line_of("visits"), f"{label}.visits",
                f"visits 0 (零跑动), but {where} '{m.name}' is an original to show: let the window fetch it "
                f"(e_license), ask for a scan (copies), mark it form if the applicant fills it in or signs it, "
                f"or say visits: 1")
    if m.deferrable and m.is_core:
        why = "flagged core" if m.core else "an identity document"
        rep.add(mraw.line_of("deferrable"), f"{where}.deferrable",
                f"'{m.name}' is a core document ({why}): 容缺 is only for a secondary material")
    if m.deferrable and m.e_license:
        rep.add(mraw.line_of("deferrable"), f"{where}.deferrable",
                f"'{m.name}' is an e-certificate the window fetches: there is nothing to hand in later")


def _check_item(raw: Any, i: int, line: int, rep: _Reporter, vocab: Vocab) -> Item | None:
    label = _item_label(raw if isinstance(raw, dict) else None, i)
    before = len(rep.problems)
    rec = rep.record(raw, label, line, ITEM_FIELDS)
    if rec is None:
        return None
    line_of = raw.line_of
    _check_decider(rec, line_of, label, rep, vocab)
    themes = vocab.themes
    if isinstance(rec["theme"], str):
        if rec["theme"] not in themes:
            rep.add(line_of("theme"), f"{label}.theme", f"unknown theme code '{rec['theme']}' (see vocab.yaml)")
        elif isinstance(rec["code"], str) and not rec["code"].startswith(rec["theme"] + "-"):
            rep.add(line_of("code"), f"{label}.code", f"must start with its theme code '{rec['theme']}-'")
    legal, promised, kind = rec["legal_days"], rec["promised_days"], rec["kind"]
    if not _int0(legal) and not _int0(promised):
        if legal > 0 and promised > legal:
            rep.add(line_of("promised_days"), f"{label}.promised_days",
                    f"promised {promised} days exceeds the legal limit of {legal}")
        if kind == "即办件" and promised != 0:
            rep.add(line_of("promised_days"), f"{label}.promised_days", "must be 0 for 即办件")
        if kind == "承诺件" and promised == 0:
            rep.add(line_of("promised_days"), f"{label}.promised_days", "must be > 0 for 承诺件")
    if rec["visits"] == 0 and rec["online"] is False:
        rep.add(line_of("visits"), f"{label}.visits", "0 visits (零跑动) needs online: true")
    rep.twins(raw, label, [("note", "note_en"), ("fee_note", "fee_note_en")])
    _check_fee(rec, line_of, label, rep)
    materials: list[Material] = []
    mats = rec["materials"]
    if isinstance(mats, LineList):
        for j, mraw in enumerate(mats):
            where = f"{label}.materials[{j}]"
            mark = len(rep.problems)
            m = rep.record(mraw, where, mats.line_of(j), MATERIAL_FIELDS)
            if m is None:
                continue
            if not _int0(m["originals"]) and not _int0(m["copies"]) and m["originals"] + m["copies"] < 1:
                rep.add(mraw.line_of("copies"), f"{where}.copies", "originals + copies must be at least 1")
            rep.twins(mraw, where, [("note", "note_en")])
            if len(rep.problems) == mark:
                material = Material(**m)
                _check_material(material, mraw, where, rec, line_of, label, rep)
                materials.append(material)
    if rec["self_service"] is True:
        left = [m.name for m in materials if not (m.e_license or m.form)]
        if left or not any(m.e_license for m in materials):
            rep.add(line_of("self_service"), f"{label}.self_service",
                    f"the kiosk completes an item alone only when it fills in the forms and fetches every other "
                    f"material as an e-certificate: {'、'.join(left) if left else 'no e-certificate'} "
                    f"{'must be brought' if left else 'to fetch'}")
    if len(rep.problems) != before:
        return None
    return Item(
        code=rec["code"], name=rec["name"].strip(), name_en=rec["name_en"].strip(),
        aliases=tuple(a.strip() for a in rec["aliases"]), aliases_en=tuple(a.strip() for a in rec["aliases_en"]),
        department=rec["department"], decided_by=rec["decided_by"], audience=tuple(rec["audience"]),
        theme=rec["theme"], zone=rec["zone"],
        type=rec["type"], kind=kind, legal_days=legal, promised_days=promised,
        fee=None if rec["fee"] == FEE_VARIES else rec["fee"],
        fee_note=rec["fee_note"], visits=rec["visits"], online=rec["online"], window=rec["window"],
        materials=tuple(materials), note=rec["note"], note_en=rec["note_en"], fee_note_en=rec["fee_note_en"],
        self_service=rec["self_service"],
    )


def check_items_file(path: Path, vocab: Vocab) -> tuple[list[Item], list[Problem]]:
    data, problems = load(path)
    rep = _Reporter(str(path))
    rep.problems.extend(problems)
    if data is None and problems:  # unreadable or not YAML
        return [], rep.problems
    seq = _top_list(data, "items", rep)  # an empty file lands here too: "must have 'items:'"
    items = []
    for i, raw in enumerate(seq):
        item = _check_item(raw, i, seq.line_of(i), rep, vocab)
        if item is not None:
            items.append(item)
    return items, rep.problems


def _item_lines(path: Path) -> dict[str, int]:
    data, _ = load(path)
    seq = data.get("items") if isinstance(data, LineDict) else None
    if not isinstance(seq, LineList):
        return {}
    return {raw["code"]: raw.line_of("code") for raw in seq
            if isinstance(raw, LineDict) and isinstance(raw.get("code"), str)}


def load_catalogue(folder: Path = DEFAULT_DIR, only: Path | None = None) -> Catalogue:
    """Load and validate the catalogue in ``folder``; raise ValidationError with every problem.

    ``only``: validate this one items file against the folder's vocabulary (``catalogue check FILE``).
    """
    folder = Path(folder)
    problems: list[Problem] = []
    vocab_path = folder / "vocab.yaml"
    vocab, p = load(vocab_path)
    problems += p
    if vocab is None and not p:  # nothing but blanks or comments
        problems.append(Problem(str(vocab_path), 1, "(file)",
                                "the file is empty: it must define themes and departments"))
    vrep = _Reporter(str(vocab_path))
    themes, depts, authorities, bureau = _check_vocab(vocab, vrep) if vocab is not None else ([], [], [], None)
    problems += vrep.problems
    checked = Vocab(frozenset(t.code for t in themes), {d.code: d for d in depts}, {a.code: a for a in authorities},
                    bureau)

    files = [Path(only)] if only else sorted(folder.glob("items-*.yaml"))
    if not files:
        problems.append(Problem(str(folder), 0, "(folder)", "no items-*.yaml files"))
    items: list[Item] = []
    origin: dict[str, tuple[Path, str]] = {}
    for path in files:
        file_items, p = check_items_file(path, checked)
        problems += p
        for item in file_items:
            for key, what in ((item.code, "code"), (item.name, "name")):
                if key in origin:
                    first_path, _ = origin[key]
                    line = _item_lines(path).get(item.code, 0)
                    problems.append(Problem(str(path), line, f"{item.code}.{what}",
                                            f"'{key}' is already used in {first_path.name}"))
                else:
                    origin[key] = (path, what)
            items.append(item)

    bundles: list[Bundle] = []
    bundle_path = folder / "bundles.yaml"
    if only is None and bundle_path.exists():
        bundles, p = _check_bundles(bundle_path, {i.code: i for i in items})
        problems += p
    synonyms = Synonyms()
    synonyms_path = folder / "synonyms.yaml"
    if only is None and synonyms_path.exists():
        synonyms, p = _check_synonyms(synonyms_path, items, bundles)
        problems += p
    if problems:
        raise ValidationError(problems)
    return Catalogue(tuple(items), tuple(bundles), tuple(themes), tuple(depts), tuple(authorities), synonyms=synonyms)


def _check_synonyms(path: Path, items: list[Item], bundles: list[Bundle]) -> tuple[Synonyms, list[Problem]]:
    """synonyms.yaml (:mod:`kiosk.domain.synonyms`): every official term occurs in the catalogue."""
    data, problems = load(path)
    rep = _Reporter(str(path))
    rep.problems.extend(problems)
    if data is None and problems:
        return Synonyms(), rep.problems
    texts = catalogue_texts([(i.name, i.aliases, i.name_en, i.aliases_en) for i in items]
                            + [(b.name, b.aliases, b.name_en, ()) for b in bundles])
    return check_synonyms(data, rep, texts), rep.problems


def _check_bundles(path: Path, items: dict[str, Item]) -> tuple[list[Bundle], list[Problem]]:
    data, problems = load(path)
    rep = _Reporter(str(path))
    rep.problems.extend(problems)
    if data is None and problems:
        return [], rep.problems
    seq = _top_list(data, "bundles", rep)
    out, seen = [], set()
    for i, raw in enumerate(seq):
        label = f"bundles[{i}]"
        before = len(rep.problems)
        rec = rep.record(raw, label, seq.line_of(i), BUNDLE_FIELDS)
        if rec is None:
            continue
        if isinstance(rec["code"], str):
            if rec["code"] in seen:
                rep.add(raw.line_of("code"), f"{label}.code", f"'{rec['code']}' is used twice")
            seen.add(rec["code"])
        if isinstance(rec["items"], LineList):
            for j, code in enumerate(rec["items"]):
                if isinstance(code, str) and code not in items:
                    rep.add(rec["items"].line_of(j), f"{label}.items[{j}]", f"unknown item code '{code}'")
            needed = {m.name for code in rec["items"] if code in items for m in items[code].materials}
            if isinstance(rec["produces"], LineList):
                for j, name in enumerate(rec["produces"]):
                    if isinstance(name, str) and name not in needed:
                        rep.add(rec["produces"].line_of(j), f"{label}.produces[{j}]",
                                f"'{name}' is not a material of any of the package's items")
        if len(rep.problems) == before:
            out.append(Bundle(rec["code"], rec["name"], rec["name_en"], tuple(rec["aliases"]),
                              tuple(rec["items"]), rec["window"], rec["promised_days"], rec["hours"],
                              rec["description"], rec["description_en"], tuple(rec["produces"])))
    return out, rep.problems


#: The shipped catalogue, validated ahead (scripts/build_caches.py; tests/test_shipped_caches.py
#: fails when it is not the catalogue as it is now).
SHIPPED_CACHE = ASSETS / "cache" / "catalogue.pickle"


def load_catalogue_cached(folder: Path = DEFAULT_DIR, cache_dir: Path | None = None,
                          shipped: Path | None = None) -> Catalogue:
    """:func:`load_catalogue`, remembered in ``cache_dir`` until a catalogue file changes.

    Validating 381 items costs ~0.1 s at every start; the validated result is pickled under a key
    made of every file's name, size and modification time, the kiosk version and the data classes'
    fields, so an edited file is always validated again. The cache only ever saves time: a missing,
    truncated, foreign or unreadable one, or a cache folder that cannot be written, is logged and
    the catalogue validated as if there were none. Only :class:`ValidationError` (a bad catalogue)
    is raised.

    ``shipped``: a catalogue validated ahead (:data:`SHIPPED_CACHE`, the kiosk's start-up), used
    when it holds exactly these files (by content) and these data classes — so a fresh install
    validates nothing; otherwise it is ignored like a missing cache.
    """
    folder = Path(folder)
    if cache_dir is None and shipped is None:
        return load_catalogue(folder)
    cache = _cache_file(folder, Path(cache_dir)) if cache_dir is not None else None
    if cache is not None:
        cat = _read_cache(cache)
        if cat is not None:
            return cat
    if shipped is not None:
        cat = read_shipped(folder, shipped)
        if cat is not None:
            return cat
    cat = load_catalogue(folder)
    if cache is not None:
        _write_cache(cache, cat)
    return cat


def _layout() -> str:
    """The data classes' fields: a pickle made with other fields is never read."""
    return "".join(f"{cls.__name__}:{','.join(f.name for f in fields(cls))};"
                   for cls in (Catalogue, Item, Material, Bundle, Term, Synonyms, SynonymGroup))


def content_key(folder: Path) -> str | None:
    """A key for the catalogue files in ``folder`` by content (and the data classes' fields);
    None if a file cannot be read."""
    import hashlib

    h = hashlib.sha256(_layout().encode())
    try:
        for path in sorted(Path(folder).glob("*.yaml")):
            data = path.read_bytes()
            h.update(f"{path.name}:{len(data)};".encode())
            h.update(data)
    except OSError as exc:
        log.info("shipped catalogue not used: cannot read %s: %s", folder, exc)
        return None
    return h.hexdigest()


def read_shipped(folder: Path, shipped: Path = SHIPPED_CACHE) -> Catalogue | None:
    """The catalogue validated ahead into ``shipped``, if it is the one in ``folder`` now; else None."""
    import pickle

    try:
        with Path(shipped).open("rb") as f:
            obj = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as exc:
        log.warning("ignoring unreadable shipped catalogue %s (%s: %s)", shipped, type(exc).__name__, exc)
        return None
    if not (isinstance(obj, dict) and obj.get("key") and obj.get("key") == content_key(folder)):
        log.info("shipped catalogue %s is not the catalogue in %s as it is now; validating it", shipped, folder)
        return None
    cat = obj.get("catalogue")
    if not _is_whole_catalogue(cat):
        log.warning("ignoring shipped catalogue %s: not a complete catalogue", shipped)
        return None
    return cast(Catalogue, cat)


def write_shipped(folder: Path = DEFAULT_DIR, shipped: Path = SHIPPED_CACHE) -> Catalogue:
    """Validate the catalogue in ``folder`` (raises ValidationError) and ship it into ``shipped``."""
    import pickle

    cat = load_catalogue(folder)
    shipped.parent.mkdir(parents=True, exist_ok=True)
    shipped.write_bytes(pickle.dumps({"key": content_key(folder), "catalogue": cat}, protocol=5))
    return cat


def _cache_file(folder: Path, cache_dir: Path) -> Path | None:
    """The cache file for the catalogue in ``folder`` as it is now; None if a file cannot be listed."""
    import hashlib

    from kiosk import __version__

    h = hashlib.sha256(__version__.encode())
    h.update(_layout().encode())  # a changed class never reads an old pickle
    try:
        for path in sorted(folder.glob("*.yaml")):
            st = path.stat()
            h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    except OSError as exc:  # a file vanished or the folder is unreadable: validation will say which
        log.info("catalogue cache not used: cannot list %s: %s", folder, exc)
        return None
    return cache_dir / f"catalogue-{h.hexdigest()[:20]}.pickle"


def _read_cache(cache: Path) -> Catalogue | None:
    """The catalogue pickled in ``cache``, or None (logged) when it is missing or not a whole one."""
    import pickle

    try:
        with cache.open("rb") as f:
            obj = pickle.load(f)
    except FileNotFoundError:
        log.info("no catalogue cache yet at %s; validating the catalogue", cache)
        return None
    except Exception as exc:
        log.warning("ignoring unreadable catalogue cache %s (%s: %s); validating the catalogue again",
                    cache, type(exc).__name__, exc)
        return None
    if not _is_whole_catalogue(obj):
        log.warning("ignoring catalogue cache %s: it holds a %s, not a complete catalogue; "
                    "validating the catalogue again", cache, type(obj).__name__)
        return None
    return cast(Catalogue, obj)


def _write_cache(cache: Path, cat: Catalogue) -> None:
    """Pickle ``cat`` into ``cache`` through a temporary file; a failure is logged, never raised."""
    import os
    import pickle
    import tempfile

    tmp: str | None = None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=cache.stem + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(cat, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
        tmp = None
    except (OSError, pickle.PicklingError) as exc:
        log.warning("cannot save the catalogue cache %s: %s; the next start validates again",
                    cache, getattr(exc, "strerror", None) or exc)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _is_whole(obj: Any, cls: type) -> bool:
    """``obj`` is exactly a ``cls`` carrying every field the class has now."""
    return type(obj) is cls and _field_names(cls) <= vars(obj).keys()


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return _FIELD_NAMES[cls]


def _is_whole_catalogue(obj: Any) -> bool:
    """``obj`` is a :class:`Catalogue` of this version's items, materials, bundles and terms."""
    if not _is_whole(obj, Catalogue):
        return False
    parts = ((obj.items, Item), (obj.bundles, Bundle), (obj.themes, Term), (obj.departments, Term),
             (obj.authorities, Term))
    if not all(isinstance(seq, tuple) and all(_is_whole(x, cls) for x in seq) for seq, cls in parts):
        return False
    if not all(isinstance(i.materials, tuple) and all(_is_whole(m, Material) for m in i.materials)
               for i in obj.items):
        return False
    syn = obj.synonyms
    if not (_is_whole(syn, Synonyms) and all(isinstance(seq, tuple) and all(_is_whole(g, SynonymGroup) for g in seq)
                                             for seq in (syn.zh, syn.en))):
        return False
    if not all(i.decided_by in obj.department_by_code or i.decided_by in obj.authority_by_code for i in obj.items):
        return False
    return len(obj.by_code) == len(obj.items) and len(obj.bundle_by_code) == len(obj.bundles)
