"""What every blind round's scorer shares: the comparison form of text, summing per-document tallies, the table.

The rounds (tests/test_blind_unseen*.py) differ in what they expect and how they match it; these pieces do not.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

from plankg.evaluation.score import Score


def norm(text: str | None) -> str:
    """Comparison form: NFKC, quotes and dashes folded (the documents print them in several widths)."""
    text = unicodedata.normalize("NFKC", text or "")
    for quotes, plain in (("“”\"", '"'), ("‘’", "'"), ("—–－", "-")):
        for char in quotes:
            text = text.replace(char, plain)
    return text.strip()


def summed(tallies: Iterable[dict[str, Score]]) -> dict[str, Score]:
    """Per category, the sum of the tallies of every document, in the order categories first appear."""
    total: dict[str, Score] = {}
    for document in tallies:
        for category, tally in document.items():
            total[category] = total.get(category, Score()) + tally
    return total


def table(tallies: dict[str, Score]) -> str:
    return "\n".join(f"{category:26} P {t.precision:.2f}  R {t.recall:.2f}  (tp {t.tp}, fp {t.fp}, fn {t.fn})"
                     for category, t in tallies.items())
