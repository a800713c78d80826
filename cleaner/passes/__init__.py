"""The registry of passes, in the order the pipeline runs them.

Each entry names a module with `build(config) -> Pass`; modules are imported only when a
pipeline that uses them is built, so `cleaner --version` stays fast.
"""

from __future__ import annotations

PASS_MODULES: dict[str, str] = {
    "pages": "cleaner.passes.pages",
    "layout": "cleaner.passes.layout",
    "widths": "cleaner.passes.widths",
    "spacing": "cleaner.passes.spacing",
    "punctuation": "cleaner.passes.punctuation",
    "variants": "cleaner.passes.variants",
    "confusions": "cleaner.passes.confusions",
    "rules": "cleaner.passes.rules",
    "detector": "cleaner.passes.detector",
}

# The canonical order (DESIGN.md): layout first, so later passes see rejoined paragraphs; page
# numbers out before it, so it can rejoin a paragraph a page break cut. Confusions before variants
# (DESIGN.md has them the other way round): an entry that names a traditional character OCR read
# for a simplified one (结東 → 结束) must fire before the variants pass proposes the character's
# simplified form (东) for review, which would block it.
PASS_ORDER: tuple[str, ...] = (
    "pages",
    "layout",
    "widths",
    "spacing",
    "punctuation",
    "confusions",
    "variants",
    "rules",
    "detector",
)


def available_passes() -> tuple[str, ...]:
    """Names of the passes this installation has, in pipeline order."""
    return tuple(name for name in PASS_ORDER if name in PASS_MODULES)
