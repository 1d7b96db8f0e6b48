"""An empty, comment-only or list-shaped data file is one problem that names the file, never
"has 0 problem(s)"."""

from __future__ import annotations

import pytest

from kiosk.cli import _print_problems
from kiosk.domain.hall import load_hall
from kiosk.domain.yamlfile import ValidationError

EMPTY = {"empty": "", "blank lines": "\n\n   \n", "a comment": "# the hall, to be filled in\n",
         "a document marker": "---\n", "null": "null\n"}


@pytest.mark.parametrize("text", EMPTY.values(), ids=EMPTY.keys())
def test_an_empty_hall_file_is_one_problem(tmp_path, capsys, text):
    path = tmp_path / "hall.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_hall(path)
    (problem,) = err.value.problems
    assert (problem.file, problem.line, problem.field) == (str(path), 1, "(file)")
    assert problem.message == "the file is empty: it must define name, hours, categories and windows"

    _print_problems(err.value)
    out = capsys.readouterr().err.splitlines()
    assert out[0] == "hall.yaml has 1 problem(s):"
    assert out[1] == (f"  {path}:1: (file): "
                      "the file is empty: it must define name, hours, categories and windows")


@pytest.mark.parametrize("text, what", [("- name: 张浦\n- hours: []\n", "a list"),
                                        ("just some words\n", "a single value")])
def test_a_hall_file_that_is_no_mapping(tmp_path, capsys, text, what):
    path = tmp_path / "my-hall.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_hall(path)
    (problem,) = err.value.problems
    assert problem.line == 1 and problem.field == "(file)" and problem.message.endswith(f"not {what}")
    _print_problems(err.value)
    assert capsys.readouterr().err.startswith("my-hall.yaml has 1 problem(s):\n")


def test_problems_in_several_files_name_them_all(tmp_path, capsys):
    from kiosk.domain.yamlfile import Problem

    err = ValidationError([Problem(str(tmp_path / "vocab.yaml"), 3, "themes", "must be a list"),
                           Problem(str(tmp_path / "items-a.yaml"), 1, "items", "must be a list")])
    _print_problems(err)
    assert capsys.readouterr().err.splitlines()[0] == "items-a.yaml, vocab.yaml have 2 problem(s):"


def test_no_problems_is_never_printed_as_zero(capsys):
    _print_problems(ValidationError([]))
    head = capsys.readouterr().err.splitlines()[0]
    assert "0 problem" not in head and "1 problem(s)" in head


def test_the_hall_names_its_language(tmp_path):
    from kiosk.domain.hall import DEFAULT_FILE, load_hall
    from kiosk.domain.yamlfile import ValidationError

    assert load_hall().language == "zh_CN"
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    english = tmp_path / "hall-en.yaml"
    english.write_text(text.replace("language: zh_CN", "language: en_US"), encoding="utf-8")
    assert load_hall(english).language == "en_US"
    bad = tmp_path / "hall-fr.yaml"
    bad.write_text(text.replace("language: zh_CN", "language: fr_FR"), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_hall(bad)
    assert any(p.field == "hall.language" and "zh_CN, en_US" in p.message for p in err.value.problems)
