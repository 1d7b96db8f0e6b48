"""The study file (kiosk/usability/study.py load_study / check_study): the shipped example and the
end-to-end test's tiny study load; a bad file reports every problem with its line and field."""

from pathlib import Path

import pytest

from kiosk.app import load_data
from kiosk.domain.yamlfile import ValidationError
from kiosk.usability.study import SCREENS, Criterion, Design, check_study, load_study

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TWO = DATA / "study-two-tasks.yaml"


@pytest.fixture(scope="module")
def shipped():
    return load_data()


def test_screens_are_the_kiosks_screens():
    from kiosk.ui.shared.navigator import Screen

    assert {s.value for s in Screen} == SCREENS


def test_the_tiny_study_loads_with_the_shipped_catalogue_and_hall(shipped):
    catalogue, hall = shipped
    study = load_study(TWO, catalogue, hall)
    assert study.id == "two-tasks" and study.design is Design.WITHIN and study.umux_lite and study.sus
    assert [t.id for t in study.tasks] == ["find-rating", "consult-ticket"]
    assert [(c.id, c.elder, c.voice) for c in study.conditions] == [("standard", False, None), ("elder", True, False)]
    first, second = study.tasks
    assert (first.success.kind, first.success.screen, first.limit, first.ideal) == \
        (Criterion.SCREEN, "rate", 60.0, ("home", "rate"))
    assert (second.success.kind, second.success.category) == (Criterion.TICKET, "consult")
    assert study.source == TWO
    assert check_study(TWO, catalogue, hall) == []


def test_a_broken_file_raises_with_every_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad Id\ntitle: t\ntitle_en: t\nconditions: []\ntasks: []\ncolour: red\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_study(bad)
    text = str(err.value)
    assert f"{bad}:1: id: must be a short code" in text
    assert f"{bad}:4: conditions: must be a list of one or more" in text
    assert f"{bad}:5: tasks: must be a list of one or more" in text
    assert f"{bad}:6: colour: unknown field" in text
