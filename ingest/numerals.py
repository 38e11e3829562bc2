"""Chinese numerals, and how many items a numeral shorthand (数字缩略语) promises.

A numeral shorthand counts what it abbreviates, which gives a free consistency check on an extracted expansion:

| shorthand shape                     | example           | counts                     |
|-------------------------------------|-------------------|----------------------------|
| numeral + word, repeated            | 三联两防, 两库一平台 | 3 + 2 = 5, 2 + 1 = 3     |
| numeral + measure word + noun       | 六大机制, 十三类人员 | 6, 13                     |
| N位一体, N合一 (idioms of unity)      | 三位一体, 四侦合一 | 3, 4 (the 一 is not a count) |
| a run of numerals only              | 三二一, 12345      | one part per numeral: 3, 5 |
| 1, 2, 3… in a row, then a word      | 123交通圈, 1234工作法 | one part per digit: 3, 4 |
| digit formula                       | 1+6, 1+N+X        | 1 + 6 = 7 or 2 parts; 3 parts |
| list of counted parts               | 3个目标、6大体系   | 2 parts (or 3 + 6)         |
| N个 + anything: N of that thing     | 三个一, 三个一体化  | 3, 3                       |
| equal numerals pair up              | 四查四改, 两站两员  | 8 or 4 pairs               |
| a numeral closing a word at the end | 六统一, 三唯一     | 6, 3 (统一 is a word)       |
| a quantity with its unit            | 15分钟养老服务圈   | none (a radius, no set)    |
| one Y for each X                    | 一床一码, 一村一品 | none (a rule per unit)     |
| one and many                        | 一云多芯, 一套多用 | none                       |
| a lone 一 without a measure word     | 一网通办, 一站式   | none (一条主线, 一个目标: 1) |

``count_options`` returns every plausible count, the most literal first; ``declared_count`` picks the first,
or the one an expansion agrees with. ``fold_years`` spells years written digit by digit in Chinese numerals
(二〇二四年) in Arabic digits, same length, so that date patterns written for 2024年 read them too.
"""

from __future__ import annotations

import re
from functools import lru_cache

DIGITS = {"零": 0, "双": 2, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
_NUMBER = re.compile(rf"[{NUMERAL_CHARS}]+|\d+")
# 十四五, 十三五: a five-year plan, not a count.
_FIVE_YEAR_PLAN = re.compile(r"^十[一二三四五六七八九]五(规划|时期|期间)?$")
_UNITY_IDIOM = re.compile(rf"^([{NUMERAL_CHARS}]+|\d+)[^{NUMERAL_CHARS}\d]?(?:位一体|合一|为一体)")
_FORMULA = re.compile(r"^[0-9A-Za-z]+(?:\+[0-9A-Za-z]+)+$")
_DIGIT_RUN = re.compile(r"^\d{2,9}$")
# Digits counting up from 1 before a word number the parts, one each (123出行交通圈: 1小时、2小时、3小时), not 123 things.
_COUNTING_UP = re.compile(r"^(?:1234567|123456|12345|1234|123)(?!\d)(?![个项条类种大件支名家位人户次])(?=[\u4e00-\u9fff])")
_DOTTED_DIGITS = re.compile(rf"^(?:\d+|[{NUMERAL_CHARS}]+)(?:[.、](?:\d+|[{NUMERAL_CHARS}]+))+(?![个大项类种])")  # 1.3.5分钟, 一、三、五分钟
_QUANTITY = re.compile(rf"^(?:\d+|[{NUMERAL_CHARS}]+)(?:分钟|小时|公里|千米|平方米|米|万元|亿元|元|吨|亩|人次|%)")
_PER_UNIT = re.compile(r"^一[^\d一二两三四五六七八九十百千]{1,3}一[^\d一二两三四五六七八九十百千]{1,3}$")
_NUMERALS_ONLY = re.compile(rf"^[{NUMERAL_CHARS}、,.·]+$")
# Numbers that count no items: a ratio (一对一, 1对1) and a top-N honour (十佳民警, 10佳社区民警, 百强县).
_NO_SET = re.compile(rf"^(?:[{NUMERAL_CHARS}\d]+对[{NUMERAL_CHARS}\d多]|(?:[{NUMERAL_CHARS}]+|\d+)[佳强])")
# N个 counts N things, whatever follows (三个一 = 一张图、一个库、一套制度; 三个一体化; 四个100%); several N个 add up.
_N_GE = re.compile(rf"([{NUMERAL_CHARS}]+|\d+)个")


# A year written digit by digit: 二〇二四年, 二零二三年, 二O二五年 (a letter O for 〇), 一九九八年; or the first year
# of a range (二〇二三至二〇二五年). Not 一二三四 in a list, nor the 三年 of 二〇二三年 alone.
_DIGIT_CHARS = "〇零○OＯ一二三四五六七八九"
_YEAR_NUMERALS = re.compile(
    rf"(?<![{_DIGIT_CHARS}十百千])(?:一九|二[〇零○OＯ])[{_DIGIT_CHARS}]{{2}}(?=\s*(?:年|[至到\-~—–－～〜]))"
)
_YEAR_DIGITS = str.maketrans({char: str(DIGITS.get(char, 0)) for char in _DIGIT_CHARS})


def fold_years(text: str) -> str:
    """``text`` with years in Chinese numerals spelled in digits (二〇二四年底前 -> 2024年底前), same length."""
    if "年" not in text:
        return text
    return _YEAR_NUMERALS.sub(lambda match: match.group().translate(_YEAR_DIGITS), text)


def parse_number(text: str) -> int | None:
    """Value of a Chinese (十三, 二十, 两) or Arabic numeral; None if ``text`` is not one number."""
    if text.isdigit():
        return int(text)
    if not text or any(char not in DIGITS and char not in UNITS for char in text):
        return None
    total, current = 0, None
    for char in text:
        if char in DIGITS:
            if current is not None:  # two digits in a row (一二) are not one number
                return None
            current = DIGITS[char]
        else:
            total += (1 if current is None else current) * UNITS[char]
            current = None
    return total + (current or 0)


def count_options(label: str) -> list[int]:
    """The counts a shorthand may promise, most literal first; empty when it promises none."""
    return list(_count_options(label))


@lru_cache(maxsize=4096)
def _count_options(label: str) -> tuple[int, ...]:
    """``count_options`` remembered: extraction asks about the same few labels again and again."""
    return tuple(_counts(label))


def _counts(label: str) -> list[int]:
    label = label.strip().strip('"“”')
    if not label or label.startswith("第") or _FIVE_YEAR_PLAN.match(label) or _NO_SET.match(label):
        return []
    unity = _UNITY_IDIOM.match(label)
    if unity:
        value = parse_number(unity.group(1))
        return [value] if value else []
    if _FORMULA.match(label):
        parts = label.split("+")
        numbers = [int(p) for p in parts if p.isdigit()]
        if len(numbers) == len(parts):
            return _unique([sum(numbers), len(parts)])
        return [len(parts)]
    dotted = _DOTTED_DIGITS.match(label)
    if dotted:
        return [len(re.split(r"[.、]", dotted.group()))]
    if _QUANTITY.match(label) or _PER_UNIT.match(label) or re.search(r"[多若]", label):
        return []
    if _DIGIT_RUN.match(label):
        return [len(label)]
    counting_up = _COUNTING_UP.match(label)
    if counting_up:
        return [len(counting_up.group())]
    if _NUMERALS_ONLY.match(label):
        numerals = [n for n in re.split(r"[、,.·]", label) if n] if re.search(r"[、,.·]", label) else list(label)
        return [len(numerals)]
    if re.search(r"[、,]", label):  # 2个目标、4大体系、3项制度: the parts, or everything they count
        parts = [p for p in re.split(r"[、,]", label) if p]
        counts = [_counts(p) for p in parts]
        if all(counts):
            return _unique([len(parts), sum(c[0] for c in counts)])
        return []
    if _N_GE.match(label):
        values = [parse_number(m.group(1)) for m in _N_GE.finditer(label)]
        return [sum(values)] if all(values) else []
    numbers = list(_NUMBER.finditer(label))
    if len(numbers) > 1 and numbers[-1].end() == len(label) and not numbers[-1].group().isdigit():
        numbers = numbers[:-1]  # 六统一: a numeral that ends the label closes a word (统一, 唯一), it counts nothing
    values = [parse_number(m.group()) for m in numbers]
    values = [v for v in values if v]
    # a number that ends the label (三个100%) or is glued to a unit is a value, not a count
    if not values:
        return []
    first = _NUMBER.search(label)
    if first.start() != 0 and not re.match(r"^[新双大小老]", label):
        return []
    if re.search(r"\d+%", label):
        values = values[:1]
    if values == [1] and not re.match(r"^一[个条项大类种张套支批份位名家层级]", label):
        return []  # 一网通办: "one" describes, it counts nothing
    if len(values) > 1 and len(set(values)) == 1 and values[0] > 1:
        return _unique([sum(values), values[0]])  # 四查四改: four pairs (查制度改制度…) or eight actions
    return [sum(values)]


def declared_count(label: str, expansion: list[str] | None = None) -> int | None:
    """The count ``label`` promises: the option ``expansion`` agrees with, else the most literal one."""
    options = count_options(label)
    if not options:
        return None
    if expansion is not None and len(expansion) in options:
        return len(expansion)
    return options[0]


def is_per_unit(label: str) -> bool:
    """Whether ``label`` is a rule of one thing per unit (一床一码: one code for each bed), not a count."""
    return bool(_PER_UNIT.match(label.strip().strip('"“”')))


def is_quantity(label: str) -> bool:
    """Whether ``label`` opens with a quantity and its unit (15分钟养老服务圈, 三十分钟)."""
    return bool(_QUANTITY.match(label.strip().strip('"“”')))


def is_numeral_shorthand(label: str) -> bool:
    """Whether ``label`` is a counting shorthand (三联两防, 五查, 1+6, 12345)."""
    return bool(count_options(label))


def _unique(values: list[int]) -> list[int]:
    return list(dict.fromkeys(values))
