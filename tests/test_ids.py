import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.ids import (
    age_on,
    birth_date,
    id_check_char,
    mask_id,
    mask_phone,
    phone_problem,
    resident_id_problem,
    uscc_problem,
)
from kiosk.domain.personas import PERSONAS

TODAY = dt.date(2026, 11, 27)


def test_design_example_is_valid():
    assert id_check_char("11010519491231002") == "X"
    assert resident_id_problem("11010519491231002X", TODAY) is None
    assert resident_id_problem("11010519491231002x", TODAY) is None  # lower-case x accepted


def test_each_kind_of_bad_id_is_named():
    assert resident_id_problem("", TODAY) == "empty"
    assert resident_id_problem("1101051949123100", TODAY) == "length"
    assert resident_id_problem("1101051949123100XX", TODAY) == "chars"
    assert resident_id_problem("110105194913310025", TODAY) == "birth_date"  # month 13
    assert resident_id_problem("110105203001010011", TODAY) == "birth_date"  # born in the future
    assert resident_id_problem("110105194912310021", TODAY) == "checksum"


def test_birth_date_and_age():
    assert birth_date("11010519491231002X") == dt.date(1949, 12, 31)
    assert age_on("11010519491231002X", dt.date(2026, 12, 30)) == 76
    assert age_on("11010519491231002X", dt.date(2026, 12, 31)) == 77


def test_personas_have_valid_numbers_and_no_duplicates():
    assert len(PERSONAS) >= 5
    assert len({p.resident_id for p in PERSONAS}) == len(PERSONAS)
    for p in PERSONAS:
        assert resident_id_problem(p.resident_id, TODAY) is None, p
    elder = next(p for p in PERSONAS if p.id == "elder")
    assert age_on(elder.resident_id, TODAY) >= 70


def test_uscc_checksum():
    # built from the GB 32100 rule: weights 3^i mod 31, check = (31 - sum % 31) % 31
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91320583MA1MXXXX0"
    total = sum(alphabet.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    code = body + alphabet[(31 - total % 31) % 31]
    assert uscc_problem(code) is None
    wrong = body + alphabet[((31 - total % 31) % 31 + 1) % 31]
    assert uscc_problem(wrong) == "checksum"
    assert uscc_problem("91320583MA1MXXXXI0") == "chars"  # I is not in the alphabet
    assert uscc_problem("123") == "length"


def test_phone_numbers():
    assert phone_problem("13912345678") is None
    assert phone_problem("12912345678") == "prefix"
    assert phone_problem("1391234567") == "length"
    assert phone_problem("1391234567a") == "chars"
    assert mask_phone("13912345678") == "139****5678"
    assert mask_id("11010519491231002X") == "110105********002X"


@given(st.text(max_size=30))
def test_validators_never_raise(text):
    assert resident_id_problem(text, TODAY) in (None, "empty", "length", "chars", "birth_date", "checksum")
    assert uscc_problem(text) in (None, "empty", "length", "chars", "checksum")
    assert phone_problem(text) in (None, "empty", "length", "chars", "prefix")
    mask_id(text)
    mask_phone(text)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY), st.integers(0, 999),
       st.sampled_from(["320583", "110105", "440305"]))
def test_any_number_built_with_the_check_char_is_valid(born, serial, area):
    first17 = f"{area}{born:%Y%m%d}{serial:03d}"
    assert resident_id_problem(first17 + id_check_char(first17), TODAY) is None
    wrong = next(c for c in "0123456789X" if c != id_check_char(first17))
    assert resident_id_problem(first17 + wrong, TODAY) == "checksum"
