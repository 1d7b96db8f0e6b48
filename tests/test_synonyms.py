"""synonyms.yaml: everyday words for official terms, validated with the catalogue and cached with it."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from kiosk.domain.catalogue import DEFAULT_DIR, load_catalogue, load_catalogue_cached
from kiosk.domain.synonyms import SynonymGroup, Synonyms
from kiosk.domain.yamlfile import ValidationError


def names(catalogue, lang: str) -> list[str]:
    if lang == "zh":
        return [t for x in (*catalogue.items, *catalogue.bundles) for t in (x.name, *x.aliases)]
    return [t.lower() for i in catalogue.items for t in (i.name_en, *i.aliases_en)] + \
        [b.name_en.lower() for b in catalogue.bundles]


def test_the_shipped_file_is_loaded_with_the_catalogue(catalogue):
    syn = catalogue.synonyms
    assert len(syn.zh) >= 60 and len(syn.en) >= 20 and syn.fillers
    for lang, groups in (("zh", syn.zh), ("en", syn.en)):
        texts = names(catalogue, lang)
        for g in groups:
            assert g.words and g.terms
            for term in g.terms:  # what validation promises: each term is somewhere in the catalogue
                assert any(term in t for t in texts), (lang, term)
    words = [w for g in (*syn.zh, *syn.en) for w in g.words]
    assert len(words) == len(set(words))
    zh_words = {w for g in syn.zh for w in g.words}
    assert {"户口", "开公司", "身份证", "结婚", "社保卡", "公积金", "退休", "生娃", "驾照", "残疾证",
            "低保", "医保"} <= zh_words
    en_words = {w for g in syn.en for w in g.words}
    assert {"license", "enroll", "hukou", "start a company", "marry"} <= en_words


def test_a_folder_without_the_file_has_no_synonyms(tmp_path):
    folder = tmp_path / "cat"
    shutil.copytree(DEFAULT_DIR, folder)
    (folder / "synonyms.yaml").unlink()
    cat = load_catalogue(folder)
    assert cat.synonyms == Synonyms() and not cat.synonyms


def catalogue_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "cat"
    shutil.copytree(DEFAULT_DIR, folder)
    (folder / "synonyms.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


BAD = """\
    zh:
      - words: [户口]
        terms: [户籍]
      - words: [户口, 开公司]
        terms: [设立登记, 没有这个词]
      - words: [证, '']
        terms: [居民身份证]
      - words: [婚姻登记]
        terms: [婚姻登记]
      - words: [结婚]
      - {words: [低保], terms: [最低生活保障], note: x}
      - just text
    en:
      - words: [license]
        terms: [licence, no such phrase]
    colours: [red]
    fillers: [我要, 我要]
"""


def test_a_bad_file_lists_every_problem_with_line_and_field(tmp_path):
    folder = catalogue_with(tmp_path, BAD)
    with pytest.raises(ValidationError) as err:
        load_catalogue(folder)
    path = str(folder / "synonyms.yaml")
    got = {(p.line, p.field) for p in err.value.problems if p.file == path}
    assert got == {
        (4, "zh[1].words[0]"),  # 户口 is already listed in zh[0]
        (5, "zh[1].terms[1]"),  # occurs nowhere
        (6, "zh[2].words"),  # an empty word
        (8, "zh[3].words[0]"),  # a word that is its own term
        (10, "zh[4].terms"),  # missing
        (11, "zh[5].note"),  # unknown field
        (12, "zh[6]"),  # not a mapping
        (15, "en[0].terms[1]"),  # occurs in no English name
        (16, "colours"),  # unknown top-level key
        (17, "fillers[1]"),  # listed twice
    }, err.value
    text = str(err.value)
    assert f"{path}:5: zh[1].terms[1]: '没有这个词' occurs in no item or bundle name or alias" in text
    assert f"{path}:4: zh[1].words[0]: '户口' is already listed in zh[0]" in text
    assert all(p.file == path for p in err.value.problems)  # nothing else in the catalogue is blamed


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"),
    ("# only a comment\n", "the file is empty"),
    ("fillers: [我要]\n", "must have a 'zh:' or 'en:' list of groups"),
    ("zh: 户口\n", "must be a list of groups"),
    ("- a list\n", "must be a mapping"),
    ("zh: [\n", ""),  # not YAML: the parser's message
])
def test_an_empty_or_misshapen_file_is_reported(tmp_path, text, message):
    folder = catalogue_with(tmp_path, text)
    with pytest.raises(ValidationError) as err:
        load_catalogue(folder)
    assert err.value.problems and all(p.file.endswith("synonyms.yaml") for p in err.value.problems)
    assert any(message in p.message for p in err.value.problems), err.value


def test_the_cache_follows_an_edited_synonyms_file(tmp_path):
    folder = catalogue_with(tmp_path, "zh:\n  - words: [户口]\n    terms: [户籍]\n")
    cache = tmp_path / "cache"
    first = load_catalogue_cached(folder, cache)
    assert first.synonyms.zh == (SynonymGroup(("户口",), ("户籍",)),)
    assert load_catalogue_cached(folder, cache).synonyms == first.synonyms  # from the cache
    path = folder / "synonyms.yaml"
    path.write_text("zh:\n  - words: [户口, 户口本]\n    terms: [户籍]\n", encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # even within the clock's resolution
    again = load_catalogue_cached(folder, cache)
    assert again.synonyms.zh == (SynonymGroup(("户口", "户口本"), ("户籍",)),)
    path.write_text("zh:\n  - words: [户口]\n    terms: [不存在]\n", encoding="utf-8")
    with pytest.raises(ValidationError):  # a bad edit is never hidden by the cache
        load_catalogue_cached(folder, cache)


def test_a_cached_catalogue_without_synonyms_is_not_used(tmp_path, monkeypatch):
    """A pickle of a catalogue made before synonyms existed (no such attribute) is validated again."""
    import pickle

    from kiosk.domain import catalogue as cat_mod

    cache = tmp_path / "cache"
    good = load_catalogue_cached(DEFAULT_DIR, cache)
    (file,) = cache.glob("catalogue-*.pickle")
    old = pickle.loads(file.read_bytes())
    object.__delattr__(old, "synonyms")
    file.write_bytes(pickle.dumps(old))
    calls = []
    real = cat_mod.load_catalogue
    monkeypatch.setattr(cat_mod, "load_catalogue", lambda *a, **k: calls.append(1) or real(*a, **k))
    cat = load_catalogue_cached(DEFAULT_DIR, cache)
    assert calls == [1] and cat.synonyms == good.synonyms and cat.synonyms
