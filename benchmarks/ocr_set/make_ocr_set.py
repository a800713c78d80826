#!/usr/bin/env python3
"""Build an OCR evaluation set from gold texts: typeset them as printed pages, degrade the pages,
read them back with real OCR engines, and write one JSONL record per page, engine and level.

Each `NN_name.txt` in `--texts` is a gold document (UTF-8, one paragraph per line). It is set as
A4 official pages (GB/T 9704 style: 28 characters a line, 22 lines a page, the title centred and
larger, body paragraphs indented two characters, `一、` headings in a sans face, signature and date
set right, hard line breaks at the column, closing marks never starting a line, opening marks never
ending one, the page number `— N —` at the foot); a text whose name contains `_news` is set instead
as a 13-character newspaper column, 36 lines a page, some paragraphs without indent, no folio. Every
page is degraded at three levels (mild, medium, harsh: lower resolution, rotation, blur, noise,
speckle, binarisation, JPEG compression; the parameters are in LEVELS) and read by each engine, which
keeps its own line breaks. A record is

    {id, engine, degradation, ocr, truth, cer_nows, cer_nl, doc, source, layout, chars_per_line,
     page, font, em_px, nominal_dpi, params, truth_chars_nows, starts_mid_paragraph,
     ends_mid_paragraph, printed_lines, seconds}

with `id` like `fresh_03/a4/p02/medium/tesseract` and `truth` the gold text of exactly that page:
its paragraphs one a line, a paragraph cut by a page break split there (the page number is not
part of the truth). Everything is deterministic: the random draws are seeded by document, page and
level.

Install the engines (outside the project's venv):

    apt-get install -y tesseract-ocr tesseract-ocr-chi-sim
    python -m venv /work/ocrvenv && /work/ocrvenv/bin/pip install rapidocr-onnxruntime pillow numpy

Run (one OCR process at a time; Tesseract and onnxruntime are held to one thread):

    nice -n 10 /work/ocrvenv/bin/python benchmarks/ocr_set/make_ocr_set.py \
        --texts benchmarks/ocr_set/texts --out /work/evalx/fresh_ocr.jsonl --engines tesseract,rapidocr

`--fonts kai` sets the pages in other typefaces (apt-get install -y fonts-arphic-ukai fonts-wqy-zenhei),
`--only 03,07` restricts the documents, `--levels mild` the levels, `--images DIR` keeps the
degraded page images. At the end the mean CER per engine and level is printed, as recorded and with
the page-number lines left out of the OCR (the seed set had none; the degradation was tuned on the
latter).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

NOTO = Path("/usr/share/fonts/opentype/noto")
# Font sets (`--fonts`): each face as (file, index of the simplified Chinese face in the collection).
# `noto` (Debian fonts-noto-cjk) is the default; `kai` (fonts-arphic-ukai, fonts-wqy-zenhei) sets the
# body in a Kai face and headings in a Hei one, glyphs unlike the Noto ones the glyph table and the
# learned confusions come from: a test of how the corrections carry over to another typeface.
FONT_SETS = {
    "noto": {
        "serif": (NOTO / "NotoSerifCJK-Regular.ttc", 2),
        "serif-bold": (NOTO / "NotoSerifCJK-Bold.ttc", 2),
        "sans": (NOTO / "NotoSansCJK-Regular.ttc", 2),
    },
    "kai": {
        "serif": (Path("/usr/share/fonts/truetype/arphic/ukai.ttc"), 0),
        "serif-bold": (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
        "sans": (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    },
}
FONT_NAMES = {"noto": "noto-serif-sc", "kai": "ar-pl-ukai-cn"}
FONT_SET = "noto"  # chosen by --fonts before anything is drawn
BASE_SEED = 20240601
SUPERSAMPLE = 3  # pages are drawn this many times larger, then scaled down like a scan
BINARIZE_THRESHOLD = 0.78  # a bitonal scan keeps a pixel black below this share of the way from ink to paper

CLOSING = set("，。、；：？！）》”’〕】」』,.;:?!)]%∶")
OPENING = set("（《“‘〔【「『([")
BODY_SIZE_POINTS = 16  # 三号, the body size of GB/T 9704
TITLE_SIZE_POINTS = 22  # 二号


# ---------------------------------------------------------------------------------------------
# Layout and degradation parameters


@dataclass(frozen=True)
class Layout:
    """A page geometry, in body ems."""

    name: str
    chars_per_line: int
    lines_per_page: int
    line_pitch: float
    page_width: float
    page_height: float
    margin_left: float
    margin_top: float
    folio: bool  # print `— N —` at the foot


# A4 210 x 297 mm with the 156 x 225 mm type area of GB/T 9704; one em is 16 pt = 5.64 mm.
A4 = Layout("a4", 28, 22, 1.81, 37.2, 52.6, 4.6, 6.5, True)
COLUMN = Layout("column", 13, 36, 1.45, 16.0, 55.0, 1.5, 1.5, False)


@dataclass(frozen=True)
class Degradation:
    """How a printed page is spoilt before OCR reads it."""

    name: str
    nominal_dpi: int
    rotation_degrees: float  # the page is turned by up to this much either way
    blur: float  # Gaussian radius in pixels at the final resolution
    noise: float  # standard deviation of the Gaussian grain
    ink: tuple[int, int]  # grey levels of the ink, darkest to palest
    paper: tuple[int, int]  # grey levels of the paper
    binarize: bool
    jpeg_quality: int
    speckle: float  # share of pixels flipped to dirt or dropout

    @property
    def em_px(self) -> int:
        return round(BODY_SIZE_POINTS * self.nominal_dpi / 72)


LEVELS = (
    Degradation("mild", 90, 0.25, 0.3, 4.0, (10, 45), (236, 252), False, 80, 0.0),
    Degradation("medium", 76, 0.6, 0.65, 10.0, (25, 70), (225, 248), False, 50, 0.0005),
    Degradation("harsh", 72, 1.0, 0.6, 8.0, (30, 80), (215, 245), True, 40, 0.001),
)


# ---------------------------------------------------------------------------------------------
# Paragraph styles


@dataclass(frozen=True)
class Style:
    """How one paragraph is set."""

    role: str
    face: str
    scale: float  # size relative to the body size
    align: str  # justify | centre | right
    first_indent: float  # ems, first line
    indent: float  # ems, following lines
    right_indent: float = 0.0


BODY = Style("body", "serif", 1.0, "justify", 2.0, 0.0)
FLUSH = Style("flush", "serif", 1.0, "justify", 0.0, 0.0)
HEADING = Style("heading", "sans", 1.0, "justify", 2.0, 0.0)
TITLE = Style("title", "serif-bold", TITLE_SIZE_POINTS / BODY_SIZE_POINTS, "centre", 0.0, 0.0)
BYLINE = Style("byline", "serif", 1.0, "centre", 0.0, 0.0)  # document number, issuer, date under a title
CHAPTER_HEADING = Style("chapter", "serif", 1.0, "centre", 0.0, 0.0)
SIGNATURE = Style("signature", "serif", 1.0, "right", 0.0, 0.0, right_indent=2.0)
ATTACHMENT_ITEM = Style("attachment", "serif", 1.0, "justify", 5.0, 5.0)  # under `附件：1.`
NEWS_TITLE = Style("title", "serif-bold", 1.25, "centre", 0.0, 0.0)
HEAD_ROLES = ("title", "byline")

SENTENCE_MARKS = re.compile(r"[。；！？]")
CLAUSE_MARKS = re.compile(r"[，。；：、！？]")
DOCUMENT_NUMBER = re.compile(r"〔\d{4}〕\d+号$")
DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
CHAPTER = re.compile(r"^第[一二三四五六七八九十百零]+章")
LEVEL_ONE_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
ATTACHMENT_ITEM_LINE = re.compile(r"^\d+[.．]")


def head_length(paragraphs: Sequence[str]) -> int:
    """How many leading paragraphs form the head (issuer, document number, title, byline)."""
    count = 0
    for text in paragraphs:
        if SENTENCE_MARKS.search(text) or text.endswith("：") or len(text) > 40 or CHAPTER.match(text):
            break
        count += 1
    return count


def closing_block(paragraphs: Sequence[str]) -> range:
    """The signature lines and the date that close the document (empty when there is no date)."""
    dates = [index for index, text in enumerate(paragraphs) if DATE_LINE.match(text)]
    if not dates or dates[-1] < len(paragraphs) - 3:
        return range(0)
    start = dates[-1]
    while start > 0:
        text = paragraphs[start - 1]
        if CLAUSE_MARKS.search(text) or len(text) > 20 or text[0].isdigit():
            break
        start -= 1
    return range(start, dates[-1] + 1)


def a4_styles(paragraphs: Sequence[str]) -> list[Style]:
    """Styles of an official document's paragraphs, from their form alone."""
    head = head_length(paragraphs)
    longest = max(range(head), key=lambda index: len(paragraphs[index]), default=-1)
    closing = closing_block(paragraphs)
    styles: list[Style] = []
    for index, text in enumerate(paragraphs):
        if index < head:
            is_title = index <= longest and not DOCUMENT_NUMBER.search(text) and not DATE_LINE.match(text)
            styles.append(TITLE if is_title else BYLINE)
        elif index == head and text.endswith("："):
            styles.append(FLUSH)  # the addressees
        elif index in closing:
            styles.append(SIGNATURE)
        elif CHAPTER.match(text):
            styles.append(CHAPTER_HEADING)
        elif LEVEL_ONE_HEADING.match(text) and len(text) <= 40 and not SENTENCE_MARKS.search(text[:-1]):
            styles.append(HEADING)
        elif ATTACHMENT_ITEM_LINE.match(text) and index > 0 and paragraphs[index - 1].startswith("附件："):
            styles.append(ATTACHMENT_ITEM)
        else:
            styles.append(BODY)
    return styles


def column_styles(paragraphs: Sequence[str], rng: random.Random) -> list[Style]:
    """Styles of a newspaper piece: a bold headline, then paragraphs, some set without indent."""
    styles: list[Style] = []
    for index, _text in enumerate(paragraphs):
        if index == 0:
            styles.append(NEWS_TITLE)
        else:
            styles.append(FLUSH if rng.random() < 0.3 else BODY)
    return styles


# ---------------------------------------------------------------------------------------------
# Line breaking


@cache
def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    path, index = FONT_SETS[FONT_SET][face]
    return ImageFont.truetype(str(path), size, index=index)


@cache
def advance(face: str, character: str) -> float:
    """The advance width of a character, in ems of its own size."""
    reference = 1000
    return font(face, reference).getlength(character) / reference


TOKEN = re.compile(
    r"[（《“‘〔【「『(\[]*"  # opening marks stay with what follows
    r"(?:[A-Za-z0-9][A-Za-z0-9.@&/_:\-]*[A-Za-z0-9%]|[A-Za-z0-9]%?|——|……|.)"
    r"[，。、；：？！）》”’〕】」』,.;:?!)\]∶]*"  # closing marks stay with what precedes
)


@dataclass(frozen=True)
class PrintedLine:
    """One printed line: a slice of one paragraph, or an empty line when paragraph is -1."""

    paragraph: int
    start: int
    end: int
    style: Style
    last: bool  # the paragraph's last line (not justified)


BLANK = PrintedLine(-1, 0, 0, BODY, True)


def width(text: str, face: str) -> float:
    return sum(advance(face, character) for character in text)


def break_paragraph(index: int, text: str, style: Style, column: float) -> list[PrintedLine]:
    """Break a paragraph into lines of at most `column` body ems; a line may overhang by closing
    marks of at most two ems, and a word of Latin letters or digits is not split unless it is
    longer than a line. A centred paragraph's lines are balanced (a title is not left with a
    last line of one word)."""
    if style.align == "centre":
        natural = width(text, style.face) * style.scale
        count = -(-natural // column)
        if count > 1:
            column = natural / count + style.scale
    scale = style.scale
    lines: list[PrintedLine] = []
    start = 0
    used = 0.0
    limit = (column - style.first_indent - style.right_indent) / scale

    def close(end: int) -> None:
        nonlocal start, used, limit
        lines.append(PrintedLine(index, start, end, style, False))
        start, used = end, 0.0
        limit = (column - style.indent - style.right_indent) / scale

    for match in TOKEN.finditer(text):
        token = match.group()
        token_width = width(token, style.face)
        core = token.rstrip("".join(CLOSING))
        if used + token_width <= limit + 1e-6:
            used += token_width
        elif core and used + width(core, style.face) <= limit + 1e-6 and token_width - width(core, style.face) <= 2.0:
            used += token_width  # closing marks overhang the margin
            close(match.end())
            continue
        elif token_width > limit:  # a word longer than the line: split it by characters
            for offset, character in enumerate(token):
                character_width = advance(style.face, character)
                if used + character_width > limit + 1e-6 and match.start() + offset > start:
                    close(match.start() + offset)
                used += character_width
        else:
            if match.start() > start:
                close(match.start())
            used = token_width
    if start < len(text) or not lines:
        lines.append(PrintedLine(index, start, len(text), style, True))
    else:
        last = lines[-1]
        lines[-1] = PrintedLine(last.paragraph, last.start, last.end, last.style, True)
    return lines


def typeset(paragraphs: Sequence[str], styles: Sequence[Style], layout: Layout) -> list[list[PrintedLine]]:
    """The pages of a document, each a list of printed lines (at most `lines_per_page`)."""
    flow: list[PrintedLine] = []
    for index, (text, style) in enumerate(zip(paragraphs, styles, strict=True)):
        previous = styles[index - 1].role if index > 0 else ""
        if previous in HEAD_ROLES and style.role not in HEAD_ROLES:
            flow.append(BLANK)  # a blank line under the title block
        if style.role == "signature" and previous not in ("", "signature"):
            flow.append(BLANK)  # the signature stands apart from the text
        flow.extend(break_paragraph(index, text, style, layout.chars_per_line))
    pages: list[list[PrintedLine]] = []
    for offset in range(0, len(flow), layout.lines_per_page):
        page = flow[offset : offset + layout.lines_per_page]
        while page and page[0] is BLANK:
            page = page[1:]
        if any(line is not BLANK for line in page):
            pages.append(page)
    return pages


@dataclass(frozen=True)
class PageTruth:
    text: str
    starts_mid_paragraph: bool
    ends_mid_paragraph: bool
    printed_lines: int


def page_truth(paragraphs: Sequence[str], page: Sequence[PrintedLine]) -> PageTruth:
    """The gold text of a page: each paragraph's part on the page, one a line."""
    parts: dict[int, tuple[int, int]] = {}
    for line in page:
        if line is BLANK:
            continue
        first, _ = parts.get(line.paragraph, (line.start, line.end))
        parts[line.paragraph] = (first, line.end)
    text = "\n".join(paragraphs[index][first:end] for index, (first, end) in parts.items())
    printed = [line for line in page if line is not BLANK]
    return PageTruth(
        text=text,
        starts_mid_paragraph=printed[0].start > 0,
        ends_mid_paragraph=printed[-1].end < len(paragraphs[printed[-1].paragraph]),
        printed_lines=len(printed),
    )


# ---------------------------------------------------------------------------------------------
# Drawing and degrading


def seed_for(*parts: object) -> int:
    return BASE_SEED + zlib.crc32("/".join(str(part) for part in parts).encode("utf-8"))


def paper_field(width_px: int, height_px: int, paper: tuple[int, int], rng: random.Random) -> Image.Image:
    """A sheet whose grey level wanders slowly between the paper's two levels."""
    grid = np.array([[rng.uniform(*paper) for _ in range(6)] for _ in range(8)], dtype=np.float32)
    return Image.fromarray(grid).resize((width_px, height_px), Image.Resampling.BICUBIC).convert("L")


def draw_page(
    paragraphs: Sequence[str], page: Sequence[PrintedLine], number: int, layout: Layout, level: Degradation,
    rng: random.Random,
) -> Image.Image:
    """The page printed at `SUPERSAMPLE` times the level's resolution, ink on paper."""
    em = level.em_px * SUPERSAMPLE
    width_px, height_px = round(layout.page_width * em), round(layout.page_height * em)
    image = paper_field(width_px, height_px, level.paper, rng)
    canvas = ImageDraw.Draw(image)
    column = layout.chars_per_line
    for row, line in enumerate(page):
        if line is BLANK:
            continue
        style = line.style
        size = round(em * style.scale)
        text = paragraphs[line.paragraph][line.start : line.end]
        natural = width(text, style.face) * style.scale
        indent = style.first_indent if line.start == 0 else style.indent
        available = column - indent - style.right_indent
        gap = 0.0
        if style.align == "justify" and not line.last and len(text) > 1 and natural < available:
            gap = (available - natural) / (len(text) - 1)
        if style.align == "centre":
            x = (column - natural) / 2
        elif style.align == "right":
            x = column - style.right_indent - natural
        else:
            x = indent
        baseline = layout.margin_top + row * layout.line_pitch + 0.88
        for character in text:
            ink = rng.randint(*level.ink)
            canvas.text(
                ((layout.margin_left + x) * em, baseline * em), character, font=font(style.face, size), fill=ink,
                anchor="ls",
            )
            x += advance(style.face, character) * style.scale + gap
    if layout.folio:
        draw_folio(canvas, number, layout, em, rng.randint(*level.ink))
    return image


def draw_folio(canvas: ImageDraw.ImageDraw, number: int, layout: Layout, em: int, ink: int) -> None:
    """The page number as GB/T 9704 sets it: `— N —` in 四号, a half-width space each side of
    the number, centred 7 mm under the type area."""
    scale = 14 / BODY_SIZE_POINTS
    parts = ("—", str(number), "—")
    gap = 0.5
    total = sum(width(part, "serif") for part in parts) + 2 * gap
    x = layout.margin_left + (layout.chars_per_line - total * scale) / 2
    baseline = layout.margin_top + layout.lines_per_page * layout.line_pitch + 1.6
    for part in parts:
        canvas.text((x * em, baseline * em), part, font=font("serif", round(em * scale)), fill=ink, anchor="ls")
        x += (width(part, "serif") + gap) * scale


def degrade(image: Image.Image, level: Degradation, rng: random.Random) -> tuple[bytes, float]:
    """The page as a scanner would deliver it (JPEG bytes) and the rotation applied."""
    rotation = round(rng.uniform(-level.rotation_degrees, level.rotation_degrees), 3)
    paper_mean = sum(level.paper) // 2
    turned = image.rotate(rotation, resample=Image.Resampling.BICUBIC, fillcolor=paper_mean)
    size = (turned.width // SUPERSAMPLE, turned.height // SUPERSAMPLE)
    scanned = turned.resize(size, Image.Resampling.BOX)
    if level.blur:
        scanned = scanned.filter(ImageFilter.GaussianBlur(level.blur))
    pixels = np.asarray(scanned, dtype=np.float64)
    generator = np.random.default_rng(rng.getrandbits(32))
    pixels = pixels + generator.normal(0.0, level.noise, pixels.shape)
    if level.speckle:
        dots = generator.random(pixels.shape)
        pixels[dots < level.speckle / 2] = level.ink[0]
        pixels[(dots >= level.speckle / 2) & (dots < level.speckle)] = level.paper[1]
    if level.binarize:
        ink, paper = sum(level.ink) / 2, sum(level.paper) / 2
        threshold = ink + BINARIZE_THRESHOLD * (paper - ink)
        pixels = np.where(pixels < threshold, 0.0, 255.0)
    page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=level.jpeg_quality, dpi=(level.nominal_dpi, level.nominal_dpi))
    return buffer.getvalue(), rotation


# ---------------------------------------------------------------------------------------------
# Engines


@dataclass(frozen=True)
class Engine:
    name: str  # short name used in ids
    label: str  # engine and version, recorded in each record
    read: Callable[[bytes], str]


def tesseract_engine() -> Engine:
    if shutil.which("tesseract") is None:
        raise SystemExit("make_ocr_set: tesseract is missing (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=True)
    number = version.stdout.split()[1] if version.stdout else "?"
    arguments = ["-l", "chi_sim", "--psm", "3"]
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def read(image: bytes) -> str:
        done = subprocess.run(["tesseract", "stdin", "stdout", *arguments], input=image, capture_output=True,
                              env=environment, check=True)
        return done.stdout.decode("utf-8").replace("\f", "").rstrip()

    return Engine("tesseract", f"tesseract {number} {' '.join(arguments)} (Debian tesseract-ocr-chi-sim)", read)


def rapidocr_engine() -> Engine:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as error:
        raise SystemExit(f"make_ocr_set: RapidOCR is missing ({error}); pip install rapidocr-onnxruntime") from None
    reader = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    version = metadata.version("rapidocr-onnxruntime")

    def read(image: bytes) -> str:
        result, _ = reader(image)
        return "\n".join(str(item[1]) for item in result or [])

    return Engine("rapidocr", f"rapidocr-onnxruntime-{version} (PP-OCRv4 det/rec, bundled models)", read)


ENGINES: dict[str, Callable[[], Engine]] = {"tesseract": tesseract_engine, "rapidocr": rapidocr_engine}


# ---------------------------------------------------------------------------------------------
# Scoring


WHITESPACE = re.compile(r"\s+")
HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
FOLIO_LINE = re.compile(r"^[\s—–\-一_~～]*\d{1,3}[\s—–\-一_~～]*$", re.MULTILINE)


def levenshtein(source: str, target: str) -> int:
    if len(source) < len(target):
        source, target = target, source
    previous = list(range(len(target) + 1))
    for row, source_character in enumerate(source, 1):
        current = [row]
        for column, target_character in enumerate(target, 1):
            current.append(min(previous[column] + 1, current[column - 1] + 1,
                               previous[column - 1] + (source_character != target_character)))
        previous = current
    return previous[-1]


def without_whitespace(text: str) -> str:
    return WHITESPACE.sub("", text)


def with_newlines(text: str) -> str:
    return re.sub(r"\n+", "\n", HORIZONTAL_SPACE.sub("", text)).strip("\n")


def character_error_rate(ocr: str, truth: str, normalise: Callable[[str], str]) -> float:
    reference = normalise(truth)
    return round(levenshtein(normalise(ocr), reference) / max(len(reference), 1), 5)


# ---------------------------------------------------------------------------------------------
# The set


def read_paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def document_id(path: Path) -> str:
    number = path.stem.split("_", 1)[0]
    return f"fresh_{number}"


def records_for(
    path: Path, engines: Sequence[Engine], levels: Sequence[Degradation], images: Path | None,
) -> Iterator[dict[str, Any]]:
    paragraphs = read_paragraphs(path)
    doc = document_id(path)
    layout = COLUMN if "_news" in path.stem else A4
    if layout is COLUMN:
        styles = column_styles(paragraphs, random.Random(seed_for(doc, "styles")))
    else:
        styles = a4_styles(paragraphs)
    pages = typeset(paragraphs, styles, layout)
    for level in levels:
        for number, page in enumerate(pages, 1):
            rng = random.Random(seed_for(doc, number, level.name))
            image, rotation = degrade(draw_page(paragraphs, page, number, layout, level, rng), level, rng)
            if images is not None:
                (images / f"{doc}_{layout.name}_p{number:02d}_{level.name}.jpg").write_bytes(image)
            truth = page_truth(paragraphs, page)
            params = {**asdict(level), "em_px": level.em_px, "rot_applied": rotation,
                      "seed": seed_for(doc, number, level.name)}
            for engine in engines:
                began = time.perf_counter()
                ocr = engine.read(image)
                seconds = round(time.perf_counter() - began, 2)
                yield {
                    "id": f"{doc}/{layout.name}/p{number:02d}/{level.name}/{engine.name}",
                    "engine": engine.label,
                    "degradation": level.name,
                    "ocr": ocr,
                    "truth": truth.text,
                    "cer_nows": character_error_rate(ocr, truth.text, without_whitespace),
                    "cer_nl": character_error_rate(ocr, truth.text, with_newlines),
                    "doc": doc,
                    "source": path.name,
                    "layout": layout.name,
                    "chars_per_line": layout.chars_per_line,
                    "page": number,
                    "font": FONT_NAMES[FONT_SET],
                    "em_px": level.em_px,
                    "nominal_dpi": level.nominal_dpi,
                    "params": params,
                    "truth_chars_nows": len(without_whitespace(truth.text)),
                    "starts_mid_paragraph": truth.starts_mid_paragraph,
                    "ends_mid_paragraph": truth.ends_mid_paragraph,
                    "printed_lines": truth.printed_lines,
                    "seconds": seconds,
                }


def summary(records: Sequence[dict[str, Any]]) -> list[str]:
    """Mean CER (errors over truth characters, whitespace removed) per engine and level."""
    rows = [f"{'engine':<10} {'level':<7} {'pages':>5} {'cer':>7} {'cer_body':>8}"]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in records:
        engine = record["id"].rsplit("/", 1)[1]
        groups.setdefault((engine, record["degradation"]), []).append(record)
    order = {level.name: index for index, level in enumerate(LEVELS)}
    for (engine, level), group in sorted(groups.items(), key=lambda item: (item[0][0], order[item[0][1]])):
        characters = sum(record["truth_chars_nows"] for record in group)
        errors = sum(record["cer_nows"] * record["truth_chars_nows"] for record in group)
        body_errors = sum(
            levenshtein(without_whitespace(FOLIO_LINE.sub("", record["ocr"])), without_whitespace(record["truth"]))
            for record in group
        )
        rows.append(f"{engine:<10} {level:<7} {len(group):>5} {errors / characters:>7.2%} "
                    f"{body_errors / characters:>8.2%}")
    return rows


def main(arguments: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=Path, required=True, help="directory of NN_name.txt gold texts")
    parser.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--engines", default="tesseract,rapidocr", help="comma-separated: tesseract, rapidocr")
    parser.add_argument("--levels", default=",".join(level.name for level in LEVELS))
    parser.add_argument("--only", default="", help="comma-separated document numbers (03,07); default all")
    parser.add_argument("--images", type=Path, help="also keep the degraded page images here")
    parser.add_argument("--fonts", choices=sorted(FONT_SETS), default="noto", help="typefaces (see FONT_SETS)")
    options = parser.parse_args(arguments)
    global FONT_SET
    FONT_SET = options.fonts

    names = [name.strip() for name in options.engines.split(",") if name.strip()]
    unknown = [name for name in names if name not in ENGINES]
    if unknown or not names:
        parser.error(f"unknown engines {unknown}; choose from {sorted(ENGINES)}")
    wanted_levels = options.levels.split(",")
    levels = [level for level in LEVELS if level.name in wanted_levels]
    only = {number.strip() for number in options.only.split(",") if number.strip()}
    texts = sorted(path for path in options.texts.glob("*.txt") if not only or path.stem.split("_", 1)[0] in only)
    if not texts or not levels:
        parser.error("no texts or no levels selected")
    engines = [ENGINES[name]() for name in names]
    if options.images is not None:
        options.images.mkdir(parents=True, exist_ok=True)
    options.out.parent.mkdir(parents=True, exist_ok=True)

    records: list[dict[str, Any]] = []
    with options.out.open("w", encoding="utf-8") as out:
        for path in texts:
            for record in records_for(path, engines, levels, options.images):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
                records.append(record)
            print(f"{path.name}: {sum(record['source'] == path.name for record in records)} records", file=sys.stderr)
    print("\n".join(summary(records)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
