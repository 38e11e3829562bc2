"""Chinese numerals and the counts that numeral shorthand promises."""

import pytest

from plankg.ingest.numerals import count_options, declared_count, fold_years, is_numeral_shorthand, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("七", 7), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("35", 35), ("一二", None), ("几", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("label", "options"),
    [
        ("两查一改", [3]),  # numeral + word, repeated: 2 + 1
        ("三统五专", [8]),
        ("八严禁", [8]),
        ("十二类场所", [12]),
        ("五位一体", [5]),  # the 一 of 一体 is no count
        ("三网合一", [3]),
        ("七六五", [3]),  # numerals only: one part each
        ("2468", [4]),  # a run of digits: one part each
        ("2+4", [6, 2]),  # 2 + 4 items, or two parts
        ("1+N+M", [3]),
        ("4个坚持、2项保障", [2, 6]),
        ("十五五", []),  # a five-year plan, not a count
        ("第三方平台", []),
        ("平安建设", []),
        ("最美跑一次", []),  # a numeral inside a phrase is no shorthand
    ],
)
def test_count_options(label, options):
    assert count_options(label) == options


def test_declared_count_prefers_the_option_the_expansion_agrees_with():
    assert declared_count("2+4") == 6
    assert declared_count("2+4", ["甲", "乙"]) == 2
    assert declared_count("2+4", ["甲", "乙", "丙"]) == 6  # no option agrees: the literal count stands
    assert declared_count("平安建设", ["甲"]) is None


def test_is_numeral_shorthand():
    assert is_numeral_shorthand("双随机") and is_numeral_shorthand("3+X")
    assert not is_numeral_shorthand("智慧社区")


@pytest.mark.parametrize(("label", "options"), [
    ("三个一", [3]),  # N个 + a number: N things, each "one"
    ("四个100%", [4]),
    ("六统一", [6]),  # 统一 is a word: its 一 counts nothing
    ("三唯一", [3]),
    ("两减速一停车", [3]),  # a 一 inside the label still counts
    ("一数一源一标准", [3]),
])
def test_counts_of_n_ge_and_of_a_closing_yi(label, options):
    assert count_options(label) == options


@pytest.mark.parametrize(("label", "options"), [
    ("三个一体化", [3]),  # N个 counts N, whatever follows
    ("两个确保一个率先", [3]),
    ("四查四改", [8, 4]),  # equal numerals: eight actions or four pairs
    ("一数一源一标准", [3]),  # pairs of one are no option
    ("15分钟生活圈", []),  # a quantity with its unit
    ("一、三、五分钟", [3]),  # …unless it lists several
    ("一床一码", []),  # one thing for each unit
    ("一云多芯", []),  # one and many
    ("一网通办", []),  # a lone 一 without a measure word
    ("一条主线", [1]),
])
def test_counts_that_are_pairs_quantities_or_no_count(label, options):
    assert count_options(label) == options


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("二〇二四年底前", "2024年底前"),
        ("到二零二五年", "到2025年"),
        ("二O二三年", "2023年"),  # a letter O printed for 〇
        ("一九九八年", "1998年"),
        ("二〇二三至二〇二五年", "2023至2025年"),  # the first year of a range has no 年 of its own
        ("一二三四年", "一二三四年"),  # not a year: no 二〇 or 一九 to open it
        ("二〇二三", "二〇二三"),  # no 年 anywhere
        ("三十二〇二三年", "三十二〇二三年"),  # inside a longer numeral
    ],
)
def test_fold_years_spells_chinese_numeral_years_in_digits(text, folded):
    assert fold_years(text) == folded and len(fold_years(text)) == len(text)


def test_digits_counting_up_before_a_word_number_one_part_each():
    from plankg.ingest.numerals import count_options
    assert count_options("123出行交通圈") == [3]
    assert count_options("1234工作法") == [4]
    assert count_options("123项") == [123]  # a count of items, not parts numbered 1, 2, 3
