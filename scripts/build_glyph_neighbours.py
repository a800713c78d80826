#!/usr/bin/env python3
"""Build dictionaries/glyph_neighbours.tsv: the visually nearest characters of every character.

Renders all 6,763 GB2312 hanzi, plus the digits, Latin letters, punctuation and kana that OCR
confuses with them, in three CJK faces: a Song/Ming-style serif and a Hei-style sans (Debian's
`fonts-noto-cjk`: Noto Serif CJK SC and Noto Sans CJK SC) and a Kai (Debian's `fonts-lxgw-wenkai`:
LXGW WenKai), all SIL OFL 1.1. Official documents are set in those styles (GB/T 9704: a Song
title, Hei and Kai headings, a FangSong body, which draws Song's shapes with Kai's slanting, even
strokes). It compares them by ink layout (blurred bitmaps at two scales) and stroke directions
(gradient-orientation histograms). The score of a pair is the mean over the faces. Each character
keeps its nearest neighbours with scores (three decimals).

Set-up (once):  apt-get update && apt-get install -y fonts-noto-cjk fonts-lxgw-wenkai && pip install pillow numpy
Rebuild:        python scripts/build_glyph_neighbours.py [-o dictionaries/glyph_neighbours.tsv]

The output is deterministic: float64 arithmetic, scores rounded, ties broken by code point.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = (
    # (path, index in the collection, name, Debian package): the SC faces of fonts-noto-cjk, and a Kai.
    # (The Kai adds the misreadings of brush-drawn strokes: on the OCR sets' Kai pages 4% more of the
    # substitutions have the right character among the 12 neighbours, and 3% more on the Noto pages.)
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2, "Noto Serif CJK SC", "fonts-noto-cjk"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC", "fonts-noto-cjk"),
    ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", 0, "LXGW WenKai", "fonts-lxgw-wenkai"),
)
CANVAS = 64  # pixels per em box
FONT_SIZE = 56
NEIGHBOURS = 12
MIN_SCORE = 0.30
CELLS = 8  # stroke-direction grid
BINS = 8  # stroke-direction bins over 180 degrees

# Non-hanzi that OCR reads in place of hanzi or the reverse (一/-, 口/□/〇/0, 工/エ, 力/カ, 二/=, 十/+).
EXTRA = (
    "0123456789"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "，。、；：？！（）《》〈〉【】〔〕「」『』“”‘’—…·－～＋＝□〇○"
    ",.;:?!()[]<>-+=~/\\|'\"_"
    "エカロタトニハヘメリレ力"
)


def charset() -> list[str]:
    """GB2312 level 1 and 2 hanzi in code order, then EXTRA (duplicates dropped)."""
    chars: list[str] = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                char = bytes((high, low)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            chars.append(char)
    seen = set(chars)
    for char in EXTRA:
        if char not in seen:
            seen.add(char)
            chars.append(char)
    return chars


def render(char: str, font: ImageFont.FreeTypeFont) -> Image.Image:
    """The glyph on a fixed em box (not cropped: where a stroke sits matters to OCR too)."""
    image = Image.new("L", (CANVAS, CANVAS), 0)
    draw = ImageDraw.Draw(image)
    draw.text((CANVAS / 2, CANVAS / 2), char, fill=255, font=font, anchor="mm")
    return image


def _unit(vector: NDArray[np.float64]) -> NDArray[np.float64]:
    vector = vector - vector.mean()
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def ink_features(image: Image.Image) -> NDArray[np.float64]:
    """Where the ink is: the blurred bitmap at two scales."""
    parts = []
    for radius, size in ((2.0, 32), (4.0, 16)):
        blurred = image.filter(ImageFilter.GaussianBlur(radius)).resize((size, size), Image.Resampling.BOX)
        parts.append(_unit(np.asarray(blurred, dtype=np.float64).ravel()))
    return np.concatenate(parts) / np.sqrt(len(parts))


def stroke_features(image: Image.Image) -> NDArray[np.float64]:
    """Which way the strokes run where: gradient orientation histograms on an 8 x 8 grid (HOG-like)."""
    pixels = np.asarray(image.filter(ImageFilter.GaussianBlur(2.0)), dtype=np.float64)
    gradient_y, gradient_x = np.gradient(pixels)
    magnitude = np.hypot(gradient_x, gradient_y)
    orientation = np.minimum((np.arctan2(gradient_y, gradient_x) % np.pi) / np.pi * BINS, BINS - 1).astype(int)
    cell = CANVAS // CELLS
    histogram = np.stack([
        (magnitude * (orientation == bin_index)).reshape(CELLS, cell, CELLS, cell).sum(axis=(1, 3))
        for bin_index in range(BINS)
    ], axis=-1)
    return _unit(np.sqrt(histogram.ravel()))


def features(image: Image.Image) -> NDArray[np.float64]:
    """Ink layout and stroke directions with equal weight; the dot product of two is their score."""
    return np.concatenate([ink_features(image), stroke_features(image)]) / np.sqrt(2.0)


def similarity(chars: list[str]) -> NDArray[np.float64]:
    total = np.zeros((len(chars), len(chars)))
    for path, index, _name, _package in FONTS:
        font = ImageFont.truetype(path, FONT_SIZE, index=index)
        matrix = np.stack([features(render(char, font)) for char in chars])
        total += matrix @ matrix.T
    return total / len(FONTS)


def neighbour_lines(chars: list[str], scores: NDArray[np.float64]) -> list[str]:
    lines = []
    for row, char in enumerate(chars):
        rounded = np.round(scores[row], 3)
        rounded[row] = -1.0
        order = sorted(
            (index for index in np.argpartition(-rounded, NEIGHBOURS * 2)[: NEIGHBOURS * 2]),
            key=lambda index: (-rounded[index], ord(chars[index])),
        )
        kept = [f"{chars[i]}:{rounded[i]:.3f}" for i in order[:NEIGHBOURS] if rounded[i] >= MIN_SCORE]
        if kept:
            lines.append(f"{char}\t{' '.join(kept)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).resolve().parent.parent
                        / "dictionaries" / "glyph_neighbours.tsv")
    args = parser.parse_args()
    chars = charset()
    scores = similarity(chars)
    body = "\n".join(neighbour_lines(chars, scores)) + "\n"
    header = (
        "# Visually nearest characters (generated by scripts/build_glyph_neighbours.py; do not edit).\n"
        f"# {len(chars)} characters: GB2312 hanzi + digits, Latin, punctuation, kana; faces: "
        + ", ".join(f"{name} ({package})" for _, _, name, package in FONTS)
        + " (Debian packages, SIL OFL 1.1).\n"
        "# Score: mean of ink-layout correlation (blurred bitmaps) and stroke-direction correlation (HOG-like),\n"
        "# averaged over the faces (1 = identical).\n"
        "# Format: char<TAB>neighbour:score neighbour:score ... (best first)\n"
    )
    args.output.write_text(header + body, encoding="utf-8")
    digest = hashlib.sha256((header + body).encode("utf-8")).hexdigest()[:16]
    print(f"wrote {args.output} ({len(chars)} characters, sha256 {digest})")


if __name__ == "__main__":
    main()
