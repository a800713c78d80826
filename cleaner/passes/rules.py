"""The rules pass: regular-expression rules from the rule files, first rule wins on overlap."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from cleaner.config import Config
from cleaner.data import data_file
from cleaner.division_prefixes import RULE as DIVISION_PREFIX_RULE
from cleaner.division_prefixes import misread_prefixes
from cleaner.edit import Edit, apply, overlaps
from cleaner.errors import CleanerError
from cleaner.heading_numbers import MISREAD_RULE as HEADING_NUMBER_RULE
from cleaner.heading_numbers import misread_heading_numbers
from cleaner.item_points import RULE as ITEM_POINT_RULE
from cleaner.item_points import lost_item_points
from cleaner.lexicon import builtin_zipf
from cleaner.percent_nines import RULE as PERCENT_NINE_RULE
from cleaner.percent_nines import percent_nines
from cleaner.percent_signs import RULE as PERCENT_SIGN_RULE
from cleaner.percent_signs import percent_signs
from cleaner.rules import MATCH_TIMEOUT, Rule, load_rule_files
from cleaner.textspan import minimal_change

BUILTIN_RULES = "rules.toml"
NAME = "rules"


class RuleTimeoutError(CleanerError):
    """A rule's pattern took too long on a text (catastrophic backtracking)."""


class RulesPass:
    name = NAME
    # Rules that weigh evidence from the whole text: not proposed again on a part of it.
    whole_text_rules = frozenset(
        {PERCENT_NINE_RULE, PERCENT_SIGN_RULE, ITEM_POINT_RULE, HEADING_NUMBER_RULE, DIVISION_PREFIX_RULE}
    )

    def __init__(self, rules: tuple[Rule, ...], sources: dict[str, str]) -> None:
        self.rules = rules
        self.sources = sources

    def propose(self, text: str) -> list[Edit]:
        taken = TakenSpans()
        for rule in self.rules:
            for edit in rule_edits(rule, text):
                taken.claim(edit)
        # Evidence from the whole document, no pattern: the two-decimal percentages as OCR read them
        # (a 9 read into them); and, once the patterns have mended what they match (增长7.200 -> 7.2%,
        # 2 .落实 -> 2.落实), as a second clean would read it, whether it states percentages (a % read
        # as digits) and how it numbers its items.
        mended = apply(text, taken.edits) if taken.edits else text
        for edit in percent_nines(text, NAME):
            taken.claim(edit)
        for edit in percent_signs(text, NAME, mended):
            taken.claim(edit)
        for edit in lost_item_points(text, NAME, mended):
            taken.claim(edit)
        for edit in misread_heading_numbers(text, NAME):
            taken.claim(edit)
        for edit in misread_prefixes(text, NAME, builtin_zipf):
            taken.claim(edit)
        return sorted(taken.edits, key=lambda edit: (edit.start, edit.end))


class TakenSpans:
    """The spans of the Edits kept so far, sorted, so that whether a new one overlaps any of them
    is a bisection (a text with thousands of rule matches must not cost their square)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.edits: list[Edit] = []

    def claim(self, edit: Edit) -> bool:
        """Keep `edit` unless it overlaps a kept one; whether it was kept."""
        index = bisect_right(self.starts, edit.start)
        # Kept edits do not overlap each other, so only the neighbours either side can overlap it
        # (an insertion shares its point with at most one edit starting there, checked below too).
        neighbours = self.edits[max(0, index - 2):index + 1]
        if any(overlaps(edit.start, edit.end, other.start, other.end) for other in neighbours):
            return False
        self.starts.insert(index, edit.start)
        self.edits.insert(index, edit)
        return True


def rule_edits(rule: Rule, text: str) -> list[Edit]:
    """The Edits one rule proposes on `text`, each trimmed to the characters it changes."""
    edits = []
    try:
        for match in rule.pattern.finditer(text, timeout=MATCH_TIMEOUT):
            replaced = match.expand(rule.replacement)
            if replaced == match.group():
                continue
            offset, stop, replacement = minimal_change(match.group(), replaced)
            start = match.start() + offset
            end = match.start() + stop
            edits.append(Edit(
                start, end, text[start:end], replacement, NAME, rule.rule_id,
                rule.confidence, rule.message, rule.safety, (), f"rule at {rule.source}",
            ))
    except TimeoutError:
        raise RuleTimeoutError(
            f"{rule.source}: rule {rule.rule_id!r} took over {MATCH_TIMEOUT}s on one text; "
            "its pattern backtracks catastrophically"
        ) from None
    return edits


def rule_paths(config: Config) -> list[Path]:
    builtin = [data_file(BUILTIN_RULES)] if config.builtin_data else []
    return builtin + list(config.rules)


def build(config: Config) -> RulesPass:
    rule_set = load_rule_files(rule_paths(config))
    return RulesPass(rule_set.rules, rule_set.sources)
