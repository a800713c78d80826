"""Layout on page shapes the samples do not have: the gold texts typeset again, then rejoined.

Each gold text (one paragraph per line) is set as a page would print it, for every combination of
a column width (12-15 ems as in a newspaper column, 20, 28 as on an A4 official document, 35), a
first-line indent (two ideographic spaces) or none (OCR lost it), and a blank line between printed
lines or none; every --page-lines lines a page number line (`— 3 —`) is set between blank lines.
Closing marks are never set at a line's start (they hang at the end of the line before, as Chinese
typesetting does). The pages and layout passes then rejoin the lines, and the paragraph breaks
they keep are compared with the gold's: precision, recall and F1 per shape, and the breaks missed
or made, with their context, for the worst shapes.

    python benchmarks/bench_layout_rewrap.py [GOLD_DIR ...] [--page-lines 22] [--show 5]

GOLD_DIR defaults to samples/gold (files *.txt, one paragraph per line).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from cleaner import clean
from cleaner.config import Config

SAMPLES_GOLD = Path(__file__).resolve().parent.parent / "samples" / "gold"
WIDTHS = (13, 20, 28, 35)
# Marks a typesetter never sets at a line's start.
NO_LINE_START = frozenset("，。、；：？！）》”’」』】〕…—,.;:?!)")
INDENT = "\u3000\u3000"


@dataclass(frozen=True)
class Shape:
    width: int
    indent: bool
    blank_lines: bool

    def __str__(self) -> str:
        return (f"width {self.width:>2}, {'indent' if self.indent else 'no indent'}, "
                f"{'blank lines' if self.blank_lines else 'no blank lines'}")


def char_width(char: str) -> float:
    return 0.5 if char.isascii() else 1.0


def wrap(paragraph: str, width: int, indent: bool) -> list[str]:
    """The printed lines of one paragraph in a column of `width` ems."""
    lines: list[str] = []
    line = INDENT if indent else ""
    used = 2.0 if indent else 0.0
    for char in paragraph:
        needed = char_width(char)
        if used + needed > width and line.strip() and char not in NO_LINE_START:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += needed
    if line.strip():
        lines.append(line)
    return lines


def typeset(paragraphs: list[str], shape: Shape, page_lines: int) -> str:
    printed = [line for paragraph in paragraphs for line in wrap(paragraph, shape.width, shape.indent)]
    out: list[str] = []
    for index, line in enumerate(printed):
        if index and page_lines and index % page_lines == 0:
            out += ["", f"— {index // page_lines} —", ""]
        out.append(line)
        if shape.blank_lines:
            out.append("")
    return "\n".join(out) + "\n"


def break_offsets(paragraphs: list[str]) -> set[int]:
    """Offsets, in the text without white space, where a paragraph ends (the last excluded)."""
    offsets, total = set(), 0
    for paragraph in paragraphs[:-1]:
        total += len("".join(paragraph.split()))
        offsets.add(total)
    return offsets


@dataclass
class Tally:
    kept: int = 0  # breaks the gold has and the output keeps
    made: int = 0  # breaks the output has and the gold does not
    missed: int = 0

    def figures(self) -> tuple[float, float, float]:
        precision = self.kept / max(1, self.kept + self.made)
        recall = self.kept / max(1, self.kept + self.missed)
        return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def context(solid: str, offset: int) -> str:
    return f"{solid[max(0, offset - 12):offset]}|{solid[offset:offset + 8]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, default=[SAMPLES_GOLD])
    parser.add_argument("--page-lines", type=int, default=22, help="lines per page (0: no page numbers)")
    parser.add_argument("--show", type=int, default=5, help="errors listed per shape")
    arguments = parser.parse_args()
    documents = [
        [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        for folder in arguments.gold for path in sorted(folder.glob("*.txt"))
    ]
    config = Config(passes=("pages", "layout"))
    overall = Tally()
    print(f"{len(documents)} documents, {sum(map(len, documents)) - len(documents)} gold breaks each shape")
    for width, indent, blank_lines in product(WIDTHS, (True, False), (False, True)):
        shape = Shape(width, indent, blank_lines)
        tally, errors = Tally(), []
        for paragraphs in documents:
            output = clean(typeset(paragraphs, shape, arguments.page_lines), config).text
            wanted = break_offsets(paragraphs)
            found = break_offsets([line for line in output.splitlines() if line.strip()])
            tally.kept += len(wanted & found)
            tally.made += len(found - wanted)
            tally.missed += len(wanted - found)
            solid = "".join("".join(paragraphs).split())
            errors += [f"made   {context(solid, offset)}" for offset in sorted(found - wanted)]
            errors += [f"missed {context(solid, offset)}" for offset in sorted(wanted - found)]
        precision, recall, f1 = tally.figures()
        print(f"{shape}:  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
        for error in errors[:arguments.show]:
            print(f"      {error}")
        overall.kept += tally.kept
        overall.made += tally.made
        overall.missed += tally.missed
    precision, recall, f1 = overall.figures()
    print(f"all shapes:  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
