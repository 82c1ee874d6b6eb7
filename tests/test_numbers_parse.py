"""Number phrases in English, Spanish and Portuguese: digits by locale, spelled numbers, vague amounts."""

from __future__ import annotations

import pytest

from wirewatch.errors import ResourceError
from wirewatch.numbers import Amount, find_numbers, open_ended, parse_number


@pytest.mark.parametrize(
    ("lang", "phrase", "value"),
    [
        ("en", "7,000", 7000),
        ("en", "1.5 million", 1_500_000),
        ("en", "12", 12),
        ("es", "7.000", 7000),
        ("es", "1,5 mil", 1500),
        ("es", "1.5 millones", 1_500_000),
        ("es", "2 mil", 2000),
        ("pt", "3 mil e 500", 3500),
        ("pt", "1.200", 1200),
        ("pt", "2,3 mil", 2300),
        ("pt", "7 000", 7000),
    ],
)
def test_digits_follow_the_locale(lang: str, phrase: str, value: int) -> None:
    assert parse_number(phrase, lang) == Amount(value, value, value)


@pytest.mark.parametrize(
    ("lang", "phrase", "value"),
    [
        ("en", "twenty-three", 23),
        ("en", "one hundred and twenty", 120),
        ("en", "a dozen", 12),
        ("es", "doce", 12),
        ("es", "doscientos cincuenta", 250),
        ("es", "veintiún", 21),
        ("es", "dos mil", 2000),
        ("pt", "sete mil", 7000),
        ("pt", "mil e quinhentos", 1500),
        ("pt", "vinte e três", 23),
    ],
)
def test_spelled_numbers(lang: str, phrase: str, value: int) -> None:
    assert parse_number(phrase, lang) == Amount(value, value, value)


@pytest.mark.parametrize(
    ("lang", "phrase", "low"),
    [
        ("en", "tens", 10), ("en", "dozens", 12), ("en", "scores", 20), ("en", "hundreds", 100),
        ("en", "thousands", 1000), ("en", "tens of thousands", 10000),
        ("es", "decenas", 10), ("es", "docenas", 12), ("es", "centenares", 100), ("es", "cientos", 100),
        ("es", "miles", 1000), ("pt", "dezenas", 10), ("pt", "centenas", 100), ("pt", "milhares", 1000),
    ],
)
def test_vague_amounts_use_acled_constants(lang: str, phrase: str, low: int) -> None:
    amount = parse_number(phrase, lang)
    assert amount is not None and amount.low == low and amount.vague and open_ended(amount)


def test_find_numbers_gives_offsets_and_splits_joined_numbers() -> None:
    text = "between eight and ten soldiers and 1,500 civilians"
    found = find_numbers(text, "en")
    assert [text[n.start : n.end] for n in found] == ["eight", "ten", "1,500"]
    assert [n.amount.low for n in found] == [8, 10, 1500]


def test_articles_are_weak_ones() -> None:
    (n,) = find_numbers("a soldier", "en")
    assert n.weak and n.amount.low == 1
    assert parse_number("a", "en") is None  # an article alone is no number phrase


@pytest.mark.parametrize("phrase", ["", "   ", "soldiers", "12 soldiers", "\x00\ufffd"])
def test_not_a_single_number_phrase(phrase: str) -> None:
    assert parse_number(phrase, "en") is None


def test_huge_input_is_scanned_without_error() -> None:
    text = "At least 12 people were killed. " * 5000
    assert len(find_numbers(text, "en")) == 5000


def test_unsupported_language_says_which_are() -> None:
    with pytest.raises(ResourceError, match="supported: en, es, pt"):
        parse_number("12", "fr")
