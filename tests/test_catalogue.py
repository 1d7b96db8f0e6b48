"""The shipped catalogue, and many malformed ones: every problem with file, line and field."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.domain.catalogue import DEFAULT_DIR, load_catalogue
from kiosk.domain.hall import load_hall
from kiosk.domain.yamlfile import ValidationError

GOOD_ITEM = """\
  - code: QYKB-001
    name: 有限责任公司设立登记
    name_en: Limited company registration
    aliases: [开公司]
    department: XZSP
    decided_by: XZSP
    audience: [法人]
    theme: QYKB
    zone: 重点企业开办
    type: 行政许可
    kind: 承诺件
    legal_days: 15
    promised_days: 1
    fee: 0
    visits: 1
    online: true
    window: comprehensive
    materials:
      - {name: 居民身份证, name_en: ID card, originals: 1, copies: 0, e_license: true}
      - {name: 公司章程, name_en: Articles, originals: 1, copies: 0, deferrable: true}
"""


def make_catalogue(tmp_path: Path, items_text: str, bundles_text: str | None = None) -> Path:
    folder = tmp_path / "cat"
    folder.mkdir(parents=True)
    shutil.copy(DEFAULT_DIR / "vocab.yaml", folder / "vocab.yaml")
    (folder / "items-test.yaml").write_text(items_text, encoding="utf-8")
    if bundles_text is not None:
        (folder / "bundles.yaml").write_text(bundles_text, encoding="utf-8")
    return folder


def problems_of(folder: Path) -> list:
    with pytest.raises(ValidationError) as err:
        load_catalogue(folder)
    return err.value.problems


def test_shipped_catalogue_is_complete(catalogue):
    assert len(catalogue.items) == 381  # the seed's 381 offline items
    assert len({i.name for i in catalogue.items}) == len(catalogue.items)
    assert len(catalogue.bundles) >= 10
    for b in catalogue.bundles:
        assert all(code in catalogue.by_code for code in b.items)
    themes = {i.theme for i in catalogue.items}
    for must in ("QYKB", "GTGS", "SPJY", "JSGC", "BDCD", "HJBL", "JZZM", "SHBX", "YLBX", "GJJF", "TYJR",
                 "CJRF", "LNRY", "SYFW", "JYXX", "MZFW", "SWFW"):
        assert must in themes
    assert {"个人", "法人"} <= {a for i in catalogue.items for a in i.audience}
    assert any(m.deferrable for i in catalogue.items for m in i.materials)
    assert any(m.e_license for i in catalogue.items for m in i.materials)
    assert {i.window for i in catalogue.items} >= {"comprehensive", "realty", "police", "assist"}
    assert any(b.hours == 4 for b in catalogue.bundles)  # 企业开办 in 0.5 working days


def test_no_filler_names(catalogue):
    import re

    for item in catalogue.items:
        assert not re.search(r"事项\d+|item \d+", item.name + item.name_en, re.I), item.code


def test_good_minimal_catalogue_loads(tmp_path):
    cat = load_catalogue(make_catalogue(tmp_path, "items:\n" + GOOD_ITEM))
    item = cat.by_code["QYKB-001"]
    assert item.materials[0].e_license and item.materials[1].deferrable
    assert not item.zero_material


def test_every_problem_is_reported_with_line_and_field(tmp_path):
    bad = GOOD_ITEM.replace("fee: 0", "fee: -5").replace("kind: 承诺件", "kind: 快办件") \
        .replace("department: XZSP", "department: NOPE").replace("    online: true\n", "")
    folder = make_catalogue(tmp_path, "items:\n" + bad)
    problems = problems_of(folder)
    found = {(p.line, p.field) for p in problems}
    lines = bad.splitlines()

    def line_of(prefix):
        return next(i for i, text in enumerate(lines, start=2) if text.strip().startswith(prefix))

    assert (line_of("fee:"), "items[0](QYKB-001).fee") in found
    assert (line_of("kind:"), "items[0](QYKB-001).kind") in found
    assert (line_of("department:"), "items[0](QYKB-001).department") in found
    assert (2, "items[0](QYKB-001).online") in found  # missing: reported at the item's first line
    assert all(p.file.endswith("items-test.yaml") for p in problems)
    assert len(problems) == 4


@pytest.mark.parametrize("change, field, message", [
    (("code: QYKB-001", "code: qykb-1"), "code", "must match"),
    (("theme: QYKB", "theme: HJBL"), "code", "must start with its theme code"),
    (("theme: QYKB", "theme: ZZZZ"), "theme", "unknown theme code"),
    (("audience: [法人]", "audience: [公司]"), "audience", "must be a non-empty list"),
    (("audience: [法人]", "audience: [法人, 法人]"), "audience", "twice"),
    (("promised_days: 1", "promised_days: 30"), "promised_days", "exceeds the legal limit"),
    (("kind: 承诺件", "kind: 即办件"), "promised_days", "must be 0 for 即办件"),
    (("promised_days: 1", "promised_days: 0"), "promised_days", "must be > 0 for 承诺件"),
    (("visits: 1\n    online: true", "visits: 0\n    online: false"), "visits", "needs online: true"),
    (("online: true", "online: false\n    visits2: 1"), "visits2", "unknown field"),
    (("visits: 1", "visits: 2"), "visits", "must be one of 0, 1"),
    (("online: true", "online: yes please"), "online", "must be true or false"),
    (("legal_days: 15", "legal_days: 1.5"), "legal_days", "whole number"),
    (("window: comprehensive", "window: anywhere"), "window", "must be one of"),
    (("zone: 重点企业开办", "zone: 别的专区"), "zone", "must be one of"),
    (("aliases: [开公司]", "aliases: 开公司"), "aliases", "list of non-empty texts"),
    (("name_en: Limited company registration", "name_en: ''"), "name_en", "non-empty text"),
    (("originals: 1, copies: 0, e_license", "originals: 0, copies: 0, e_license"), "materials[0].copies", "at least 1"),
    (("deferrable: true", "deferrable: maybe"), "materials[1].deferrable", "true or false"),
    (("{name: 公司章程, name_en: Articles, ", "{name: 公司章程, "), "materials[1].name_en", "is missing"),
])
def test_malformed_item_fields(tmp_path, change, field, message):
    old, new = change
    assert old in GOOD_ITEM
    folder = make_catalogue(tmp_path, "items:\n" + GOOD_ITEM.replace(old, new))
    problems = problems_of(folder)
    hits = [p for p in problems if p.field.endswith("." + field)]
    assert hits, problems
    assert message in hits[0].message
    assert hits[0].line > 1


def test_yaml_syntax_error_has_a_line(tmp_path):
    folder = make_catalogue(tmp_path, "items:\n  - code: [unclosed\n    name: x\n")
    (p,) = problems_of(folder)
    assert p.field == "(yaml)" and p.line >= 2 and p.file.endswith("items-test.yaml")


def test_duplicate_keys_codes_and_names(tmp_path):
    twice = GOOD_ITEM + GOOD_ITEM.replace("QYKB-001", "QYKB-002")
    dup_key = GOOD_ITEM.replace("    fee: 0\n", "    fee: 0\n    fee: 1\n")
    folder = make_catalogue(tmp_path, "items:\n" + twice + dup_key)
    messages = [str(p) for p in problems_of(folder)]
    assert any("duplicate key" in m and ".fee" in m for m in messages)
    assert any("is already used" in m and ".name" in m for m in messages)
    assert any("QYKB-001" in m and "is already used" in m and ".code" in m for m in messages)


def test_wrong_top_level_and_non_mapping_items(tmp_path):
    folder = make_catalogue(tmp_path, "things:\n  - 1\n")
    assert any("top-level 'items:'" in p.message for p in problems_of(folder))
    folder2 = make_catalogue(tmp_path / "b", "items:\n  - just text\n  - 42\n")
    problems = problems_of(folder2)
    assert [p.line for p in problems] == [2, 3]
    assert all("mapping of fields" in p.message for p in problems)


def test_not_utf8_and_empty_file(tmp_path):
    folder = make_catalogue(tmp_path, "")
    (folder / "items-test.yaml").write_bytes("items:\n  - name: 营业执照\n".encode("gbk"))
    assert any("not UTF-8" in p.message for p in problems_of(folder))
    folder2 = make_catalogue(tmp_path / "b", "")
    assert problems_of(folder2)


def test_bad_bundles(tmp_path):
    bundles = textwrap.dedent("""\
        bundles:
          - code: YJS-01
            name: 开办企业一件事
            name_en: Start a business
            aliases: [开公司]
            items: [QYKB-001, QYKB-999]
            window: comprehensive
            promised_days: 0
            hours: 4
            description: 一次办完
            description_en: All in one visit
          - code: YJS-1
            name: x
        """)
    folder = make_catalogue(tmp_path, "items:\n" + GOOD_ITEM, bundles)
    problems = problems_of(folder)
    assert any(p.line == 6 and "unknown item code 'QYKB-999'" in p.message for p in problems)
    assert any(p.field == "bundles[1].code" and p.line == 12 for p in problems)
    assert any(p.field == "bundles[1].items" and "is missing" in p.message for p in problems)


def test_cli_check_lists_problems_and_exits_1(tmp_path, capsys):
    folder = make_catalogue(tmp_path, "items:\n" + GOOD_ITEM.replace("fee: 0", "fee: free"))
    assert main(["catalogue", "check", "--catalogue", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "items-test.yaml:" in err and ".fee: must be a number" in err
    assert main(["catalogue", "check"]) == 0
    assert "381 items" in capsys.readouterr().out


def test_cli_check_one_file(tmp_path, capsys):
    bad = tmp_path / "items-x.yaml"
    bad.write_text("items:\n" + GOOD_ITEM.replace("theme: QYKB", "theme: QQQQ"), encoding="utf-8")
    assert main(["catalogue", "check", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().err


def test_kiosk_refuses_a_bad_catalogue_without_traceback(tmp_path, capsys):
    folder = make_catalogue(tmp_path, "items:\n" + GOOD_ITEM.replace("visits: 1", "visits: 7"))
    assert main(["--catalogue", str(folder), "--data-dir", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert ".visits: must be one of 0, 1" in err and "Traceback" not in err


def test_hall_file_validation(tmp_path):
    hall = load_hall()
    assert len(hall.windows_for("comprehensive")) >= 3
    src = (DEFAULT_DIR.parent / "hall.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "hall.yaml"
    bad.write_text(src.replace("prefix: B", "prefix: A").replace("categories: [police]", "categories: [polis]"),
                   encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_hall(bad)
    text = str(err.value)
    assert "'A' is used twice" in text and "unknown category 'polis'" in text
    assert "no window serves category 'police'" in text


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.dictionaries(st.sampled_from(["code", "name", "name_en", "aliases", "fee", "materials", "visits",
                                        "kind", "legal_days", "promised_days", "theme", "audience", "x"]),
                       yaml_values, max_size=10))
def test_validator_never_crashes_on_random_items(tmp_path_factory, item):
    folder = make_catalogue(tmp_path_factory.mktemp("h"), yaml.safe_dump({"items": [item]}, allow_unicode=True))
    with pytest.raises(ValidationError) as err:
        load_catalogue(folder)
    assert all(p.file and p.field for p in err.value.problems)


def test_an_empty_vocabulary_is_said_in_its_own_file(tmp_path):
    folder = tmp_path / "cat"
    shutil.copytree(DEFAULT_DIR, folder)
    (folder / "vocab.yaml").write_text("# to do\n", encoding="utf-8")
    problems = problems_of(folder)
    assert any(p.file == str(folder / "vocab.yaml") and p.line == 1 and p.field == "(file)"
               and p.message == "the file is empty: it must define themes and departments" for p in problems)


def test_a_package_never_asks_for_what_it_issues_itself(catalogue):
    names = [m.name for m in catalogue.bundle_materials(catalogue.bundle_by_code["YJS-01"])]
    assert "营业执照" not in names and "公司章程" in names  # 开办企业一件事 issues the licence on the way
    assert catalogue.bundle_by_code["YJS-01"].produces == ("营业执照",)


def test_a_produced_material_must_belong_to_a_member_item(tmp_path):
    import shutil

    from kiosk.domain.catalogue import DEFAULT_DIR, ValidationError, load_catalogue

    folder = tmp_path / "cat"
    shutil.copytree(DEFAULT_DIR, folder)
    path = folder / "bundles.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("produces: [营业执照]  # issued by QYKB-001",
                                                             "produces: [房产证]  # issued by QYKB-001"), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_catalogue(folder)
    assert "bundles[0].produces[0]: '房产证' is not a material of any of the package's items" in str(err.value)


# --- who accepts and who decides (CATALOGUE.md: a town hall shows county-level items as 受理/代办) ---

def item_problems(tmp_path: Path, *changes: tuple[str, str]) -> list:
    """The problems of GOOD_ITEM with ``changes`` applied (each ``old`` must be there)."""
    text = GOOD_ITEM
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    folder = make_catalogue(tmp_path, "items:\n" + text)
    try:
        load_catalogue(folder)
    except ValidationError as err:
        return err.problems
    return []


def line_in_good_item(prefix: str) -> int:
    """The file line of GOOD_ITEM's first line starting with ``prefix`` ("items:" is line 1)."""
    return next(i for i, text in enumerate(GOOD_ITEM.splitlines(), start=2) if text.strip().startswith(prefix))


def test_an_item_accepted_for_a_county_authority_loads(tmp_path):
    folder = make_catalogue(tmp_path, "items:\n" + GOOD_ITEM.replace("decided_by: XZSP", "decided_by: KS-SCJ"))
    cat = load_catalogue(folder)
    item = cat.by_code["QYKB-001"]
    assert item.on_behalf and cat.decider(item).name == "昆山市市场监督管理局"
    assert cat.department_by_code[item.department].name == "张浦镇行政审批局"
    town = load_catalogue(make_catalogue(tmp_path / "t", "items:\n" + GOOD_ITEM)).by_code["QYKB-001"]
    assert not town.on_behalf


@pytest.mark.parametrize("changes, field, fragment", [
    ([("decided_by: XZSP", "decided_by: KS-NOPE")], "decided_by", "unknown department or authority code 'KS-NOPE'"),
    ([("    decided_by: XZSP\n", "")], "decided_by", "is missing"),
    # a hall unit decides only what it accepts itself
    ([("decided_by: XZSP", "decided_by: SCJG")], "decided_by", "a hall unit decides only what it accepts itself"),
    # the accepting department is a hall unit, never an authority above the town
    ([("department: XZSP", "department: KS-SCJ")], "department", "put it in decided_by"),
    # 一枚印章管审批: a licence the town decides is the approval bureau's
    ([("department: XZSP", "department: PCS"), ("decided_by: XZSP", "decided_by: PCS")], "decided_by",
     "一枚印章管审批"),
    # a 事业单位 never decides a licence (the culture centre: the old 文体 licences)
    ([("department: XZSP", "department: WTL"), ("decided_by: XZSP", "decided_by: WTL")], "decided_by",
     "institution (事业单位): it cannot decide a licence"),
])
def test_who_decides_is_checked(tmp_path, changes, field, fragment):
    problems = item_problems(tmp_path, *changes)
    hits = [p for p in problems if p.field == f"items[0](QYKB-001).{field}" and fragment in p.message]
    assert hits, problems
    expected = line_in_good_item(f"{field}:") if any(f"{field}:" in new for _, new in changes) else 2
    assert hits[0].line == expected and hits[0].file.endswith("items-test.yaml")


def test_a_town_unit_may_decide_what_is_not_a_licence(tmp_path):
    assert item_problems(tmp_path, ("department: XZSP", "department: PCS"), ("decided_by: XZSP", "decided_by: PCS"),
                         ("type: 行政许可", "type: 行政确认")) == []
    # an institution may accept for a county authority, and decide a public service itself
    assert item_problems(tmp_path / "a", ("department: XZSP", "department: WTL"),
                         ("decided_by: XZSP", "decided_by: KS-WHJ")) == []
    assert item_problems(tmp_path / "b", ("department: XZSP", "department: GYJ"), ("decided_by: XZSP", "decided_by: GYJ"),
                         ("type: 行政许可", "type: 公共服务")) == []


def write_vocab(folder: Path, departments: str, authorities: str = "", bureau: str = "") -> None:
    themes = "themes:\n  - {code: QYKB, name: 企业开办, name_en: Starting a business}\n"
    (folder / "vocab.yaml").write_text(themes + "departments:\n" + departments + bureau
                                       + ("authorities:\n" + authorities if authorities else ""), encoding="utf-8")


def test_vocabulary_checks(tmp_path):
    folder = make_catalogue(tmp_path, "items:\n" + GOOD_ITEM.replace("decided_by: XZSP", "decided_by: KS-A"))
    write_vocab(folder,
                "  - {code: XZSP, name: 审批局, name_en: Bureau}\n"
                "  - {code: WTL, name: 中心, name_en: Centre, institution: true}\n",
                "  - {code: KS-A, name: 市局, name_en: County bureau, institution: true}\n"
                "  - {code: XZSP, name: 重复, name_en: Twice}\n",
                "approval_bureau: WTL\nextras: 1\n")
    problems = problems_of(folder)
    text = "\n".join(map(str, problems))
    assert "vocab.yaml:10: authorities[1].code: 'XZSP' is already a code in departments" in text
    assert "vocab.yaml:6: approval_bureau: 'WTL' is an institution (事业单位): it cannot decide licences" in text
    assert "vocab.yaml:7: extras: unknown top-level key" in text
    # an authority that is a 事业单位 decides no licence either
    assert any(p.field == "items[0](QYKB-001).decided_by" and "'KS-A' (市局) is an institution" in p.message
               for p in problems)
    write_vocab(folder, "  - {code: XZSP, name: 审批局, name_en: Bureau}\n", bureau="approval_bureau: NOPE\n")
    assert any(p.field == "approval_bureau" and "must be the code of one of the departments" in p.message
               for p in problems_of(folder))


# --- 零跑动 and originals; 容缺 and core documents ---------------------------------------------------

@pytest.mark.parametrize("material, ok", [
    ("{name: 居住证, name_en: Residence permit, originals: 1, copies: 0}", False),  # to show: no 零跑动
    ("{name: 居住证, name_en: Residence permit, originals: 1, copies: 0, e_license: true}", True),  # fetched
    ("{name: 劳动合同, name_en: Labour contract, originals: 0, copies: 1}", True),  # a scan
    ("{name: 申请表, name_en: Application form, originals: 1, copies: 0, form: true}", True),  # filled in online
])
def test_zero_visits_never_ask_for_an_original_to_show(tmp_path, material, ok):
    own = ("deferrable: true}", "deferrable: true, form: true}")  # GOOD_ITEM's articles: signed online
    problems = item_problems(tmp_path, ("visits: 1", "visits: 0"), own, (own[1], own[1] + f"\n      - {material}"))
    if ok:
        assert problems == []
        return
    (p,) = problems
    assert (p.field, p.line) == ("items[0](QYKB-001).visits", line_in_good_item("visits:"))
    assert "visits 0 (零跑动), but items[0](QYKB-001).materials[2] '居住证' is an original to show" in p.message


def test_the_articles_in_good_item_are_the_applicants_own(tmp_path):
    """GOOD_ITEM's 公司章程 is an original, not marked form: fine with one visit, refused with none."""
    problems = item_problems(tmp_path, ("visits: 1", "visits: 0"))
    assert [p.field for p in problems] == ["items[0](QYKB-001).visits"] and "'公司章程'" in problems[0].message
    assert item_problems(tmp_path / "a", ("visits: 1", "visits: 0"), ("deferrable: true", "deferrable: true, form: true")) \
        == []


@pytest.mark.parametrize("material, fragment", [
    ("{name: 无犯罪记录证明, name_en: Certificate of no criminal record, originals: 1, copies: 0, deferrable: true, "
     "core: true}", "'无犯罪记录证明' is a core document (flagged core)"),
    ("{name: 法定代表人居民身份证, name_en: ID, originals: 1, copies: 0, deferrable: true}",
     "'法定代表人居民身份证' is a core document (an identity document)"),
    ("{name: 户口簿, name_en: Hukou, originals: 1, copies: 0, deferrable: true}", "an identity document"),
    ("{name: 不动产权证书, name_en: Title, originals: 1, copies: 0, deferrable: true, e_license: true}",
     "an e-certificate the window fetches: there is nothing to hand in later"),
])
def test_no_accept_now_submit_later_for_a_core_document(tmp_path, material, fragment):
    text = GOOD_ITEM + f"      - {material}\n"
    (p,) = problems_of(make_catalogue(tmp_path, "items:\n" + text))
    assert p.field == "items[0](QYKB-001).materials[2].deferrable" and fragment in p.message
    assert p.line == len(text.splitlines()) + 1  # the material's own line


def test_a_proof_of_address_is_not_a_residence_permit(tmp_path):
    """居住证明 (where one lives) may follow later; 居住证 (the permit, an identity document) may not."""
    ok = GOOD_ITEM + "      - {name: 住房产权或居住证明, name_en: Proof of address, originals: 0, copies: 1, deferrable: true}\n"
    load_catalogue(make_catalogue(tmp_path, "items:\n" + ok))


def test_shipped_catalogue_follows_the_fact_review(catalogue):
    """CATALOGUE.md's findings hold for every item: each names who accepts and who decides, licences
    the town decides are the approval bureau's, no 零跑动 asks for an original to show, no 容缺 on a
    core document — and the examples it named are fixed."""
    by = catalogue.by_code
    for item in catalogue.items:
        assert item.department in catalogue.department_by_code, item.code
        decider = catalogue.decider(item)
        if item.type == "行政许可" and not item.on_behalf:
            assert item.decided_by == "XZSP", item.code
        assert not (item.type == "行政许可" and decider.institution), item.code
        assert not (item.visits == 0 and any(m.shown for m in item.materials)), item.code
        assert not any(m.deferrable and (m.is_core or m.e_license) for m in item.materials), item.code
    with_deferrable = [i for i in catalogue.items if any(m.deferrable for m in i.materials)]
    assert len(with_deferrable) >= 30  # 容缺+承诺+信用 stays the hall's practice for secondary materials
    for code, name in (("JTYS-005", "无犯罪记录证明"), ("SHBX-017", "事故调查报告或证人证言"), ("RCFW-004", "不动产权证书")):
        (m,) = [m for m in by[code].materials if m.name == name]
        assert m.is_core and not m.deferrable, code
    county = {"MZFW-016": "KS-MZJ", "CRJZ-001": "KS-GAJ", "MZFW-010": "KS-MZJ", "JYXX-006": "KS-JYJ",
              "WSJK-003": "KS-WJW", "TYJR-012": "KS-TYJ", "RCFW-014": "KS-KJJ", "XFAQ-002": "KS-YJJ", "JTYS-001": "KS-JTJ"}
    assert {code: by[code].decided_by for code in county} == county
    assert all(by[c].decided_by == "XZSP" for c in ("CSGL-001", "JSGC-005", "WHLY-001", "WHLY-006"))  # 一枚印章
    names = {t.name for t in (*catalogue.departments, *catalogue.authorities)}
    assert not any("安全生产监督管理局" in n or "交通运输管理所" in n for n in names)
    assert (by["MZFW-010"].legal_days, by["SPJY-007"].legal_days, by["SPJY-008"].legal_days) == (60, 20, 20)
    assert "户口簿" not in {m.name for m in by["MZFW-016"].materials}
    assert "校外培训机构设立审批" not in {i.name for i in catalogue.items}
    # fees as rules: 不动产登记 80 housing / 550 non-housing, 小微企业 exempt; 港澳签注 15 / 30 / 80+
    assert all(by[c].fee_varies and "80元" in by[c].fee_note and "550元" in by[c].fee_note
               for c in ("BDCD-001", "BDCD-002", "BDCD-003", "BDCD-008"))
    assert all("小微企业" in by[c].fee_note for c in ("BDCD-001", "BDCD-002", "BDCD-003", "BDCD-008"))
    assert by["CRJZ-005"].fee_varies and all(f in by["CRJZ-005"].fee_note for f in ("15元", "30元", "80元"))


def test_shipped_packages_use_the_national_names(catalogue):
    names = {b.name for b in catalogue.bundles}
    national = {"企业信息变更一件事", "开办运输企业一件事", "经营主体信用修复一件事", "企业注销登记一件事",
                "水电气网联合报装一件事", "新生儿出生一件事", "教育入学一件事", "残疾人服务一件事", "退休一件事",
                "二手房转移登记及水电气网联动过户一件事", "军人退役一件事"}
    assert national <= names
    assert {"开办餐饮店一件事（个体工商户）", "开办餐饮店一件事（公司）"} <= names  # both routes
    assert {"开办企业一件事", "建设项目开工一件事", "身后一件事", "人才引进一件事"} <= names  # local ones kept
    items = {b.name: set(b.items) for b in catalogue.bundles}
    assert "QYKB-021" in items["开办企业一件事"] and {"QYKB-022", "QYKB-023"} <= items["企业注销登记一件事"]
    assert {"SYFW-006", "WSJK-010"} <= items["新生儿出生一件事"] and "SWFW-016" in items["二手房转移登记及水电气网联动过户一件事"]
    assert not {"HJBL-016", "BDCD-023"} & items["教育入学一件事"]
    assert "JSGC-004" not in catalogue.by_code and "JSGC-004" not in items["建设项目开工一件事"]


# --- a fee that varies is a rule, never one figure (不动产登记: 80 housing / 550 non-housing) ----------

RULE = ("    fee: 0\n", "    fee: varies\n    fee_note: 住宅每件80元，非住宅每件550元；小微企业免收\n"
        "    fee_note_en: CNY 80 per case for a home, CNY 550 for other property; small and micro businesses are exempt\n")


def test_a_fee_that_varies_loads_as_its_rule(tmp_path):
    assert item_problems(tmp_path, RULE) == []
    item = load_catalogue(tmp_path / "cat").by_code["QYKB-001"]
    assert item.fee is None and item.fee_varies and item.fee_note.startswith("住宅每件80元")
    town = load_catalogue(make_catalogue(tmp_path / "t", "items:\n" + GOOD_ITEM)).by_code["QYKB-001"]
    assert town.fee == 0 and not town.fee_varies


@pytest.mark.parametrize("change, field, fragment", [
    (("    fee: 0\n", "    fee: varies\n"), "fee_note", "a fee that varies needs its rule in fee_note"),
    (("    fee: 0\n", "    fee: sometimes\n"), "fee", "must be a number ≥ 0 or 'varies'"),
    ((RULE[0], RULE[1].replace("fee: varies", "fee: 80")), "fee", "fee_note names other amounts (550元): the fee varies"),
    ((RULE[0], "    fee: 20\n    fee_note: 工本费；因损坏换领的收40元\n    fee_note_en: Production fee; CNY 40 if damaged\n"),
     "fee", "(40元)"),
])
def test_one_figure_for_a_fee_that_varies_is_refused(tmp_path, change, field, fragment):
    problems = item_problems(tmp_path, change)
    assert [p.field for p in problems] == [f"items[0](QYKB-001).{field}"], problems
    assert fragment in problems[0].message and problems[0].line == line_in_good_item("fee:")


def test_one_fee_with_what_it_is_for_is_fine(tmp_path):
    assert item_problems(tmp_path, (RULE[0], "    fee: 10\n    fee_note: 证书工本费每本10元\n"
                                             "    fee_note_en: CNY 10 per certificate\n")) == []


def test_self_service_only_when_the_kiosk_can_do_it_alone(tmp_path):
    """零材料自助: every material a form the kiosk fills in or an e-certificate it fetches."""
    from kiosk.domain.selfservice import issues_licence, self_serviceable

    form = ("deferrable: true}", "form: true}\n    self_service: true")
    assert item_problems(tmp_path / "a", form) == []
    (p,) = item_problems(tmp_path / "b", ("deferrable: true}", "deferrable: true}\n    self_service: true"))
    assert p.field == "items[0](QYKB-001).self_service" and "公司章程 must be brought" in p.message
    (p,) = item_problems(tmp_path / "c", form, ("e_license: true}", "form: true}"))
    assert "no e-certificate to fetch" in p.message
    item = load_catalogue(make_catalogue(tmp_path / "d", "items:\n" + GOOD_ITEM.replace(*form))).items[0]
    assert self_serviceable(item) and issues_licence(item)
    plain = load_catalogue(make_catalogue(tmp_path / "e", "items:\n" + GOOD_ITEM.replace("deferrable: true}", "form: true}")))
    assert not self_serviceable(plain.items[0])  # a form without self_service: filled in at the window


def test_the_seeds_zero_material_licences_can_be_done_at_the_kiosk(catalogue):
    """The seed's first 零材料 business licence from a self-service machine: a company and an 个体工商户."""
    from kiosk.domain.selfservice import self_serviceable

    for code in ("QYKB-001", "GTGS-001"):
        assert self_serviceable(catalogue.by_code[code]), code
