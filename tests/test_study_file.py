"""The study file (kiosk/usability/study.py load_study / check_study): the shipped example and the
end-to-end test's tiny study load; a bad file reports every problem at once, each with its line
and field; the example's plan gives every participant every task once, counterbalanced."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kiosk.domain.catalogue import DEFAULT_DIR
from kiosk.domain.yamlfile import ValidationError
from kiosk.usability.study import (
    SCREENS,
    Criterion,
    Design,
    Setup,
    SetupKind,
    check_study,
    load_study,
    parse_limit,
    plan_for,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = ROOT / "assets" / "studies" / "zhangpu-kiosk.yaml"
TWO = DATA / "study-two-tasks.yaml"
BROKEN = DATA / "study-broken.yaml"

TASK = """  - id: {id}
    title: 任务
    title_en: A task
    instructions: 请做。
    instructions_en: Please do it.
    success: {{kind: screen, screen: item, item: {item}}}
    limit: 60
"""


def study_text(tasks: str = TASK.format(id="t1", item="JZZM-002"), conditions: str = "", head: str = "") -> str:
    conditions = conditions or "  - {id: a, name: 甲, name_en: A}\n"
    return f"id: s\ntitle: 研究\ntitle_en: A study\n{head}conditions:\n{conditions}tasks:\n{tasks}"


def write(tmp_path: Path, text: str, name: str = "study.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines_and_fields(path, catalogue=None, hall=None) -> list[tuple[int, str]]:
    return [(p.line, p.field) for p in check_study(path, catalogue, hall)]


# --- the shipped studies --------------------------------------------------------------------------


def test_screens_are_the_kiosks_screens():
    from kiosk.ui.shared.navigator import Screen

    assert {s.value for s in Screen} == SCREENS


def test_the_example_loads_with_six_tasks_under_two_conditions(catalogue, hall):
    study = load_study(EXAMPLE, catalogue, hall)
    assert study.id == "zhangpu-kiosk" and study.design is Design.WITHIN and study.sus and study.umux_lite
    assert [(c.id, c.name, c.elder, c.voice) for c in study.conditions] == [
        ("standard", "标准版", False, None), ("senior", "长辈版", True, True)]
    assert len(study.tasks) >= 6
    by_id = {t.id: t for t in study.tasks}
    assert by_id["start-business"].success.bundle == "YJS-01"
    assert catalogue.bundle_by_code["YJS-01"].name == "开办企业一件事"
    permit = by_id["residence-permit"].success
    assert (permit.kind, permit.screen, catalogue.by_code[permit.item].name) == (Criterion.SCREEN, "item", "居住证申领")
    assert by_id["rate-service"].setup == (Setup(SetupKind.SERVED, "HJBL-008", 8),)
    assert by_id["check-in"].setup == (Setup(SetupKind.APPOINTMENT, "BDCD-022", 1),)
    kinds = {t.success.kind for t in study.tasks}
    assert {Criterion.TICKET, Criterion.SCREEN, Criterion.RATING, Criterion.CASE, Criterion.CHECKIN,
            Criterion.OFFICER} <= kinds
    for task in study.tasks:
        assert task.ideal[0] == "home" and 60 <= task.limit <= 600
        assert re.search(r"[\u4e00-\u9fff]", task.instructions) and not re.search(r"[\u4e00-\u9fff]",
                                                                                  task.instructions_en)
    assert check_study(EXAMPLE, catalogue, hall) == []


def test_the_tiny_study_loads(catalogue, hall):
    study = load_study(TWO, catalogue, hall)
    assert study.id == "two-tasks" and study.design is Design.WITHIN and study.umux_lite and study.sus
    assert [t.id for t in study.tasks] == ["find-rating", "consult-ticket"]
    assert [(c.id, c.elder, c.voice) for c in study.conditions] == [("standard", False, None), ("elder", True, False)]
    first, second = study.tasks
    assert (first.success.kind, first.success.screen, first.limit, first.ideal) == \
        (Criterion.SCREEN, "rate", 60.0, ("home", "rate"))
    assert (second.success.kind, second.success.category, second.ideal) == \
        (Criterion.TICKET, "consult", ("home", "ticket_menu", "identity"))
    assert study.source == TWO
    assert load_study(TWO) == study  # the same without the catalogue and hall to check the codes against


def test_plan_for_the_example_gives_each_participant_every_task_once(catalogue, hall):
    study = load_study(EXAMPLE, catalogue, hall)
    ids = sorted(t.id for t in study.tasks)
    under: Counter[tuple[str, str]] = Counter()
    follows: Counter[tuple[str, str]] = Counter()
    people = 2 * len(study.tasks)  # a whole square: 6 task orders × 2 condition orders
    for n in range(1, people + 1):
        plan = plan_for(study, f"P{n:02d}")
        steps = [(c.id, t.id) for c, t in plan.steps]
        assert sorted(t for _, t in steps) == ids, f"P{n:02d} gets every task once"
        assert sorted(b.condition.id for b in plan.blocks) == ["senior", "standard"]
        assert [len(b.tasks) for b in plan.blocks] == [3, 3]
        under.update(steps)
        follows.update(zip([t for _, t in steps], [t for _, t in steps[1:]]))
    assert set(under.values()) == {people // 2}, "every task under every condition equally often"
    assert len(follows) == 30 and set(follows.values()) == {2}, "every task follows every other equally often"
    assert plan_for(study, "P01").blocks[0].condition.id != plan_for(study, "P02").blocks[0].condition.id


# --- problems ---------------------------------------------------------------------------------------


def test_every_kind_of_problem_is_reported_with_its_line_and_field_all_at_once(catalogue, hall):
    expected = []
    for n, line in enumerate(BROKEN.read_text(encoding="utf-8").splitlines(), start=1):
        if "# ! " in line and not line.startswith("#"):
            expected += [(n, f.strip()) for f in line.split("# ! ")[1].split(";")]
    assert len(expected) > 30
    assert sorted(lines_and_fields(BROKEN, catalogue, hall)) == sorted(expected)
    with pytest.raises(ValidationError) as err:
        load_study(BROKEN, catalogue, hall)
    text = str(err.value)
    assert len(err.value.problems) == len(expected)
    for line in (f"{BROKEN}:27: tasks.0.success.item: no item 'GAHZ-999' in the catalogue",
                 f"{BROKEN}:9: colour: unknown field",
                 f"{BROKEN}:48: tasks.2.limt: unknown field",
                 f"{BROKEN}:36: tasks.1.ideal.1: 'nowhere' is not a screen",
                 f"{BROKEN}:34: tasks.1.setup: a 'rating' task needs a setup 'served: ITEM'",
                 f"{BROKEN}:55: tasks.3.setup.0.window: window 2 does not serve 'HJBL-008' 居民身份证换领 "
                 "(police: window 8)",
                 f"{BROKEN}:58: tasks.3.success.group: 'pets' is not a 服务专员 group of the hall",
                 f"{BROKEN}:73: tasks.5.success.item: 'HJBL-008' 居民身份证换领 has no 零材料 self-service"):
        assert line in text


def test_codes_are_checked_against_the_catalogue_and_hall_when_given(catalogue, hall):
    path = DATA / "study-unknown-codes.yaml"
    assert check_study(path) == []
    assert [(p.line, p.field, p.message) for p in check_study(path, catalogue, hall)] == [
        (14, "tasks.0.success.item", "no item 'ZZZZ-999' in the catalogue"),
        (21, "tasks.1.success.bundle", "no package 'YJS-99' in the catalogue"),
        (28, "tasks.2.setup.0.window", "the hall has no window 11")]


def test_a_yaml_mistake_is_said_at_its_line():
    (problem,) = check_study(DATA / "study-bad-yaml.yaml")
    assert (problem.line, problem.field) == (6, "(yaml)")


def test_without_a_catalogue_and_hall_codes_are_checked_by_their_form(tmp_path):
    text = study_text(TASK.format(id="t1", item="jzz") + TASK.format(id="t2", item="ZZZZ-999")
                      .replace("screen, screen: item, item: ZZZZ-999", "ticket, category: pets"))
    problems = check_study(write(tmp_path, text))
    assert [(p.field, p.message.split(" (")[0]) for p in problems] == [
        ("tasks.0.success.item", "'jzz' is not an item code"),
        ("tasks.1.success.category", "'pets' is not a category of the hall")]
    assert check_study(write(tmp_path, study_text(TASK.format(id="t1", item="ZZZZ-999")), "ok.yaml")) == []


@pytest.mark.parametrize(("text", "line", "field", "says"), [
    ("", 1, "(file)", "the file is empty"),
    ("# only a comment\n", 1, "(file)", "the file is empty"),
    ("- id: s\n- title: x\n", 1, "(file)", "must be a mapping"),
    ("id: s\ntitle: [unclosed\n", 3, "(yaml)", ""),
    ("id: s\nid: t\n", 2, "id", "duplicate key (first at line 1)"),
])
def test_a_file_that_is_no_study_is_said_plainly(tmp_path, text, line, field, says):
    problems = check_study(write(tmp_path, text))
    assert any((p.line, p.field) == (line, field) and says in p.message for p in problems), problems


def test_a_missing_file_and_missing_fields(tmp_path):
    (gone,) = check_study(tmp_path / "nope.yaml")
    assert (gone.field, gone.message) == ("(file)", "file not found")
    assert lines_and_fields(write(tmp_path, "id: s\n")) == [(1, "conditions"), (1, "tasks"), (1, "title"),
                                                           (1, "title_en")]
    assert lines_and_fields(write(tmp_path, study_text().replace("tasks:\n", "tasks:\n  - id: t0\n", 1))) == \
        [(7, "tasks.0.instructions"), (7, "tasks.0.instructions_en"), (7, "tasks.0.limit"),
         (7, "tasks.0.success"), (7, "tasks.0.title"), (7, "tasks.0.title_en")]


def test_a_within_subject_study_needs_a_task_per_condition(tmp_path):
    three = "".join(f"  - {{id: c{i}, name: 条件{i}, name_en: C{i}}}\n" for i in range(3))
    tasks = TASK.format(id="t1", item="JZZM-002") + TASK.format(id="t2", item="JZZM-003")
    (problem,) = check_study(write(tmp_path, study_text(tasks, three)))
    assert (problem.line, problem.field) == (8, "tasks") and "needs at least 3 tasks" in problem.message
    between = load_study(write(tmp_path, study_text(tasks, three, "design: between\n"), "between.yaml"))
    assert between.design is Design.BETWEEN and len(plan_for(between, "P03").blocks) == 1


@pytest.mark.parametrize(("value", "seconds"), [
    (120, 120.0), (90.5, 90.5), ("90 s", 90.0), ("3 min", 180.0), ("2 minutes", 120.0), ("45秒", 45.0),
    ("2 分钟", 120.0), (1800, 1800.0), ("30 min", 1800.0),
    (0, None), (-5, None), (1801, None), ("31 min", None), ("soon", None), (True, None), ("3 h", None)])
def test_a_time_limit_is_seconds_or_seconds_and_minutes_in_words(value, seconds):
    assert parse_limit(value) == seconds


def test_placeholders_need_their_setup_and_stray_braces_are_typos(tmp_path, catalogue, hall):
    task = TASK.format(id="t1", item="JZZM-002")
    good = task.replace("请做。", "号码 {ticket}，预约码 {code}。").replace("Please do it.", '"{ticket} and {code}."') + \
        "    setup: [{served: HJBL-008}, {appointment: BDCD-022}]\n"
    study = load_study(write(tmp_path, study_text(good)), catalogue, hall)
    assert study.tasks[0].setup == (Setup(SetupKind.SERVED, "HJBL-008", 8), Setup(SetupKind.APPOINTMENT, "BDCD-022"))
    stray = task.replace("Please do it.", "Please {do it.")
    assert [(p.field, p.message) for p in check_study(write(tmp_path, study_text(stray), "stray.yaml"))] == [
        ("tasks.0.instructions_en", "a stray '{' or '}': placeholders are written {ticket} or {code}")]
    twice = task + "    setup: [{served: HJBL-008}, {served: HJBL-009}]\n"
    (problem,) = check_study(write(tmp_path, study_text(twice), "twice.yaml"), catalogue, hall)
    assert problem.field == "tasks.0.setup.1" and "at most one of each" in problem.message


def test_a_condition_s_catalogue_variant_is_loaded_and_holds_the_task_s_codes(tmp_path, catalogue, hall):
    variant = tmp_path / "variant"
    shutil.copytree(DEFAULT_DIR, variant)
    (variant / "items-personal.yaml").unlink()  # JZZM-002 is one of its items
    (variant / "synonyms.yaml").unlink()  # it names items of that file
    bundles = (variant / "bundles.yaml").read_text(encoding="utf-8")
    (variant / "bundles.yaml").write_text("bundles: []\n" if "bundles:" in bundles else bundles, encoding="utf-8")
    conditions = "  - {id: a, name: 甲, name_en: A}\n  - {id: b, name: 乙, name_en: B, catalogue: variant}\n"
    tasks = TASK.format(id="t1", item="JZZM-002") + TASK.format(id="t2", item="QYKB-001")
    path = write(tmp_path, study_text(tasks, conditions))
    problems = check_study(path, catalogue, hall)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (13, "tasks.0.success.item", "no item 'JZZM-002' in the catalogue of condition 'b'")]
    assert check_study(path) == []  # without a catalogue, the variant is not loaded: only its folder must be there
    (variant / "vocab.yaml").write_text("themes: 12\n", encoding="utf-8")
    (problem,) = check_study(path, catalogue, hall)
    assert (problem.line, problem.field) == (6, "conditions.1.catalogue")
    assert problem.message.startswith("'variant' is not a valid catalogue:") and "vocab.yaml" in problem.message
    ok = load_study(write(tmp_path, study_text(TASK.format(id="t1", item="QYKB-001") + TASK.format(
        id="t2", item="QYKB-001").replace("id: t1", "id: t2"), conditions), "ok.yaml"))
    assert ok.conditions[1].catalogue == variant.resolve() and ok.conditions[0].catalogue is None
