"""The detector pass: corrections nobody listed, proposed from evidence.

Two strategies (cleaner/detect_*.py) find candidates: characters that fit no word where a
visually similar or often-confused character would make a frequent one (lexicon + glyph
neighbours + learned confusions), and near-misses of terms the document itself uses many times.
Each candidate's gain (log10 odds) becomes a confidence; only very confident ones are `auto`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from cleaner.config import Config
from cleaner.data import data_file
from cleaner.detect_context import CONTEXT_FILE, ContextModel, load_model
from cleaner.detect_extra import propose as propose_extra
from cleaner.detect_flags import prepare_bigram_numbers
from cleaner.detect_lexicon import CONTEXT, SEPARATION, survey_of
from cleaner.detect_lexicon import propose as propose_by_lexicon
from cleaner.detect_model import DetectorModel, Guard, Proposal
from cleaner.detect_tables import DIVISIONS, LEARNED_FILE, PLACE_SUFFIXES, TABLES_FILE, is_han, load_tables
from cleaner.detect_terms import MIN_TERM_COUNT, hanzi_grams, trigram_counts
from cleaner.detect_vocabulary import amended_counts, amended_vocabulary, vocabulary_of
from cleaner.edit import Edit, Safety
from cleaner.glyphs import builtin_glyph_table
from cleaner.learn import ConfusionTable, load_confusion_table
from cleaner.lexicon import builtin_lexicon

NAME = "detector"
# Confidence = P(correction right | gain), logistic in the gain (log10 odds), per strategy. The glyph
# curve is a maximum-likelihood fit on the learning split (`benchmarks/bench_detector.py calibrate
# ... --learning`: FASPell minus every 5th record, seed_ocr documents 0-2). The vocabulary strategy
# learns nothing from data (the document and the lexicon are its evidence), so its curve is the fit
# over all of seed_ocr's 62 vocabulary proposals (`bench_detector.py calibrate seed_ocr.jsonl`):
# automatic from gain 0.43 (confidence 0.875, below). Its 30 proposals between gain 1.4 and 3.5 on
# seed_ocr and on an OCR set of ten unseen documents (benchmarks/ocr_set) were right 29 times (the
# wrong one restores 建设 of a department's name 建设司 whose 设 OCR dropped). A restored character
# is weaker evidence (a writer may abbreviate a term; 3 of 10 helped on seed_ocr): its curve is the
# vocabulary strategy's first curve moved by 2, and it is never automatic.
MIDPOINT = {"glyph": -1.3, "vocabulary": -2.0, "dropped": 1.95, "extra": 1.95}
STEEPNESS = {"glyph": 1.4, "vocabulary": 0.8, "dropped": 0.9, "extra": 0.9}
# Automatic from confidence 0.945, i.e. glyph gain 0.75: on the learning split 98.7% of glyph
# proposals above gain 1.0 helped (443 of 449) and 94.6% between 0.75 and 1.0 (70 of 74); on
# FASPell's held-out fifth, seed_ocr and an OCR set of unseen documents (benchmarks/ocr_set) 44 of
# 44 between 0.75 and 1.0 did, against 93% between 0.4 and 0.6. (Until 2026-12-06: 0.96, gain 1.0.)
# A near-miss of the document's own term was automatic from 0.925 (gain 1.15): on the 29 page sets
# (2026-12-07) its proposals between 0.925 and 0.945, each applied alone, brought 39 texts closer
# to the truth, left one as far (居→局 of 居局长职务) and took none further. (From 0.90 it also made
# People's Daily's 分别代表本国政府 → 中国政府, beside 4 x 中国政府.) From 0.875 (gain 0.43) since the
# fifteenth session: on the 36 development page sets such proposals between 0.875 and 0.925 brought
# 128 texts closer, left 5 as far (a wrong character for another) and took none further; on the
# unseen ones (held_out_18, seed_ocr, People's Daily's OCR pages) 10 closer, none else. Clean text:
# the gold and the truths none, People's Daily the one above. (From 0.85 养犬人 would
# become 养大人 too.)
AUTO_CONFIDENCE = {"glyph": 0.945, "vocabulary": 0.875}
# ... and only when the text itself reads clearly better: a likely misreading (a learned confusion
# of log10 P -0.2) must not carry a weak reading (免贵姓 -> 免费姓). On the learning split this
# keeps 412 of the 443 right automatic glyph proposals and 4 of the 6 wrong ones.
MIN_AUTO_LANGUAGE_GAIN = 1.75
# ... and only when no correction of a character beside it comes close: 忧惠意识 reads as a word
# both as 优惠意识 (gain 1.44) and 忧患意识 (1.16), and which character OCR misread is a guess.
MIN_AUTO_LEAD = 1.0
# A glyph correction whose three hanzi around it the document itself has elsewhere (教村建设 beside
# 教材建设) needs no likely misreading to be automatic, only the two conditions above: documents
# repeat their phrases, and a misreading seldom makes what the page says elsewhere. On every OCR
# set (seed_ocr, FASPell and the generated pages) it made 134 more right automatic edits and one
# neutral; on People's Daily's 1.86 M characters one wrong one (两国同为 -> 两国间为).
ECHOED_CONFIDENCE = 0.97
# A glyph correction after which the text reads far better (language gain 3.5 and more: 电梯的维保资任
# -> 责任, 节能产蝇 -> 产品) is automatic from confidence 0.8, the two conditions above still holding:
# OCR's worst misreadings are of glyphs no table links closely, so their channel is weak evidence
# and the text's own is strong. Such proposals, each applied alone (2026-12-07), brought 453 texts
# of the 36 development page sets closer to the truth and left 9 as far; on sets never learned from
# (held_out_18's pages, People's Daily's OCR pages, seed_ocr) 37 closer, 6 as far (another wrong
# character); none further. On 2.07 M characters of clean text (the gold, three sets' truths,
# People's Daily) it made 2 wrong edits (甚焉 -> 甚至, 独辫 -> 独立). See docs/detector.md.
# (Tried from 3.25 in the eighteenth session: the review proposals it would add brought 336 texts of
# 43 page sets closer, left 23 as far and took 12 further, all twelve one document's 助餐助浴 ->
# 助帮助浴 (the lexicon lacks 助餐); clean text one (美好的夙望 -> 展望). One wrong edit in 31 is
# below what an automatic one must be: left at 3.5.)
SURE_READING_LANGUAGE_GAIN = 3.5
# Such a reading also needs no lead over a rival correction beside it (eighteenth session): of the
# review proposals held back by their rival alone, those with that language gain brought 27 texts
# of 29 page sets (24 documents) closer, where the gain was chosen, and 23 of 24 on 14 other sets
# (19 documents; the other took one further); clean text has none.
# So is one the character context model alone favours by 6 (log10) or more (满意率均这到 -> 达到,
# 未持证上疝 -> 上岗), whatever the lexicon says: of such review proposals, 281 of 283 on the
# development page sets brought the text closer and two left it as far, 12 of 12 on held_out_18's
# pages and seed_ocr, 83 of 85 on People's Daily's OCR pages (whose text the model was built from);
# the gold and four sets' truths (274 k characters) have none; People's Daily itself 4 (旅英学子 ->
# 旅美, 没存多少粮 -> 没有).
SURE_READING_CONTEXT_GAIN = 6.0
# ... and so is one both the lexicon and the context model favour by 5 or more, two readings of the
# text agreeing (演练结章了 -> 结束了: lexicon gain +5.1, context gain +5.5; 芒盖全区 -> 覆盖全区):
# such review proposals (eighteenth session, each applied alone) brought 137 texts of 29 page sets
# closer and left 11 as far, where the gain was chosen, and on 14 other page sets 84 closer and 6 as
# far; none took a text further, and clean text (2.07 M characters) has none.
AGREED_READING_GAIN = 5.0
SURE_READING_CONFIDENCE = 0.8
MAX_ROUNDS = 4
MAX_CHECKED_CORRECTIONS = 20  # beyond this many corrections another round is cheaper than checking
# A restored character is never automatic: whether a term lacks a character depends on counts
# that other corrections change, and a writer may shorten a term on purpose.
AUTOMATIC_KINDS = frozenset({"glyph", "vocabulary"})
RESCORED = CONTEXT + SEPARATION  # lexicon proposals this close to a correction are scored again


class DetectorPass:
    name = NAME

    def __init__(self, model: DetectorModel) -> None:
        self.model = model
        self.sources = {f"builtin:{name}": digest for name, digest in model.sources.items()}

    def propose(self, text: str) -> list[Edit]:
        return [_edit(proposal) for proposal in settled_proposals(text, self.model)]

    def preload(self) -> None:
        """Load every table now (they load on first use otherwise): before worker processes are
        forked, so that they share one copy instead of building one each."""
        model = self.model
        model.lexicon.table()
        model.context.build()
        model.glyphs, model.learned.counts  # noqa: B018 - cached on first use
        prepare_bigram_numbers(model.tables.known)


def settled_proposals(text: str, model: DetectorModel) -> list[Proposal]:
    """Proposals that stay the same once the automatic ones are applied: a correction can make a
    term more frequent (职业教 from 2 to 3 occurrences) and so reveal another near-miss, which a
    second run on the output would find. Automatic substitutions (same length) are applied and
    the text searched again until nothing new is automatic (a few rounds at most): the document
    strategy again when a term may have changed, the lexicon strategy around the corrections."""
    current = text
    protected = protected_positions(text)
    settled: dict[int, Proposal] = {}
    survey = survey_of(current, model)
    grams = hanzi_grams(current)
    trigrams = trigram_counts(grams)
    vocabulary = vocabulary_of(current, model, survey, trigrams, grams)
    by_vocabulary = vocabulary.proposals
    unsearched: list[int] = []  # corrected since the vocabulary was searched
    by_lexicon = propose_by_lexicon(current, model, survey)
    for _round in range(MAX_ROUNDS):
        found = by_vocabulary + by_lexicon
        candidates = _disjoint([proposal for proposal in found if proposal.start not in protected]
                               if protected else found)
        marked = _correlatives_marked(current, model, _cut_offs_marked(
            current, _name_guesses_marked(current, model, candidates)))
        proposals = _echoes_marked(current, trigrams, marked)
        if _round == 0 and len(current) >= MIN_QUIET_TEXT:
            proposals = _lone_unexplained_marked(proposals)
        fresh = [
            proposal for proposal in proposals
            if proposal.start not in settled and len(proposal.before) == len(proposal.after) == 1
            and _automatic(proposal)
        ]
        if not fresh or _round == MAX_ROUNDS - 1:
            break
        characters = list(current)
        for proposal in fresh:
            characters[proposal.start] = proposal.after
            settled[proposal.start] = proposal
        previous, current = current, "".join(characters)
        terms_changed = _in_frequent_ngram(current, fresh)
        if not terms_changed and not _beside_suspect(fresh, survey.near):
            break
        changed = [proposal.start for proposal in fresh]
        survey = survey.amended(current, changed)
        trigrams = amended_counts(trigrams, previous, current, changed, 3)
        unsearched += changed
        if terms_changed:
            vocabulary = amended_vocabulary(vocabulary, current, model, survey, trigrams, unsearched)
            by_vocabulary, unsearched = vocabulary.proposals, []
        around = [proposal.start for proposal in fresh]
        by_lexicon = sorted(
            [proposal for proposal in by_lexicon if not _close(proposal.start, around, RESCORED)]
            + propose_by_lexicon(current, model, survey, _within(survey.near, around, RESCORED)),
            key=lambda item: (item.start, item.end),
        )
    corrected = sorted(settled)
    others = [
        proposal for proposal in proposals
        # No corrected position inside the proposal (at its point, for an insertion).
        if bisect_left(corrected, proposal.start) == bisect_left(corrected, max(proposal.end, proposal.start + 1))
    ]
    # Characters OCR inserted, in the text as the substitutions left it (the same positions).
    extras = [proposal for proposal in propose_extra(current, model, protected) if proposal.start not in settled]
    if extras:
        others = _disjoint(others + extras)
    return sorted(list(settled.values()) + others, key=lambda item: (item.start, item.end))


# Where the detector proposes nothing:
# - a document number's issuer abbreviation (鄂人社函〔2019〕29号, 国办发[2017]144号): no words, so every
#   character looks suspect, and a "correction" there is a guess (函 -> 团);
# - the unit after a number (2020年12月29日, 15号): right as it stands (29日玉午 -> 29白玉午);
# - a name in a list of names (郑敦训、房维中、赵海…; 王昭耀、杨多良（回）): two or three hanzi beside
#   a 、 and set off on the other side too. A name is no word, so the lexicon reads it as a misreading
#   of one (沈国舫 -> 沈国防): on People's Daily's 1.86 M characters of January 1998, 17 of the
#   detector's 67 automatic edits were in such lists;
# - a reporter's or author's name in a byline (记者郝云甫, 通讯员…), for the same reason.
# (its closing bracket perhaps read as a letter before the serial number: 自然资罚[2025j17号)
_BRACKETED_YEAR = re.compile("[〔\\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*(?:[〕\\]］】)）]|[jJlI|](?=[ \t]*[0-9]))")
MAX_ISSUER = 8
_NUMBER_UNIT = re.compile("[0-9０-９][年月日号]")
_BYLINE_NAME = re.compile("(?:记者|通讯员|摄影|撰稿|作者)[ \t]*([\u4e00-\u9fff]{2,3})(?=$|[）)，,、\\s])", re.MULTILINE)
_NOTED_COMMA = re.compile("(?:[（(][^）)\\n]{1,5}[）)])?、")
_LISTED_NAME = re.compile(
    "(?:(?<=、)|(?<=^)|(?<=[，,（(：:\\s]))[\u4e00-\u9fff]{2,3}(?=、|$|[，,（(）)；;。\\s])", re.MULTILINE
)


def protected_positions(text: str) -> set[int]:
    """The positions in `text` the detector leaves alone (see above)."""
    found: set[int] = set()
    for match in _BRACKETED_YEAR.finditer(text):
        position = match.start() - 1
        while position >= 0 and text[position] in " \t":
            position -= 1
        issuer_end = position
        while position >= 0 and issuer_end - position < MAX_ISSUER and is_han(text[position]):
            position -= 1
        if issuer_end - position >= 2:
            found.update(range(position + 1, issuer_end + 1))
    found.update(match.end() - 1 for match in _NUMBER_UNIT.finditer(text))
    found.update(position for match in _BYLINE_NAME.finditer(text) for position in range(*match.span(1)))
    if "、" in text:
        for match in _LISTED_NAME.finditer(text):
            start, end = match.span()
            # (beside the 、, or a bracketed note between: 沈国舫（女）、)
            if text[start - 1:start] == "、" or _NOTED_COMMA.match(text, end):
                found.update(range(start, end))
    return found


MIN_NAMED = 1  # other times the document has a name's last character before its suffix (禾县)


def _name_guesses_marked(text: str, model: DetectorModel, proposals: list[Proposal]) -> list[Proposal]:
    """`proposals`, those that change the last character of a place's name before its suffix marked
    as guesses (`Guard.NAME_GUESS`): into another usual last character (梧川市 -> 梧州市), or one
    the document has before the same suffix elsewhere (音禾县 -> 音乐县 beside 青禾县 and 彰禾县: the
    name's own, whatever OCR made of the character before it) into one that makes no word with the
    suffix (a document whose 城市 OCR reads as 域市 throughout still has it corrected)."""
    finals = model.tables.place_finals
    marked = []
    for proposal in proposals:
        suffix = text[proposal.end:proposal.end + 1]
        if (suffix in PLACE_SUFFIXES and proposal.before and (
            (proposal.before in finals and proposal.after in finals)
            or (text.count(proposal.before + suffix) > MIN_NAMED
                and proposal.after + suffix not in model.lexicon.centizipf_by_word)  # (域市 -> 城市 is no name)
            or _makes_no_known_place(text, proposal, suffix, model)
        )) or (proposal.guard is None and _renames_a_named_place(text, proposal, finals)):
            proposal = proposal.guarded(Guard.NAME_GUESS)
        marked.append(proposal)
    return marked


def _makes_no_known_place(text: str, proposal: Proposal, suffix: str, model: DetectorModel) -> bool:
    """Whether `proposal` changes the last character of a name of two hanzi that opens a line or a
    clause or follows a division's, before a county's or a city's suffix, into a name the lexicon has
    not got with its suffix (临渚县 -> 临港县, though 临港 is a word; not 临近市 -> 临沂市, nor 金市 ->
    全市, a word): a guess at the document's own name, however rare its character."""
    start = proposal.start
    if suffix not in _COUNTY_OR_CITY or start < 1 or not is_han(text[start - 1]):
        return False
    opening = text[start - 2] if start > 1 else "\n"
    if is_han(opening) and opening not in DIVISIONS:
        return False  # (a name opens a line or a clause, or follows a division's: 1.临渚县, 湖南省临渚县)
    words = model.lexicon.centizipf_by_word  # (read only here: a clean line reads no big table)
    if words.get(text[proposal.end:proposal.end + 2], 0) >= SUFFIX_OPENS_A_WORD:
        return False  # (no suffix but a word's first character: 农留市场 -> 农贸市场, 常务别县长 -> 副县长)
    named = proposal.after + suffix
    return named not in words and text[start - 1] + named not in words


_COUNTY_OR_CITY = frozenset("县市")
# How common a word the suffix opens with the next character must be for the suffix to be read as that
# word's (市场, 县长, 县城, 县委, 县级, 市民: centizipf 352-564) rather than as the suffix of a name
# followed by a body's (县民政局, 县人民政府, 县政协: 县民, 县人, 县政 189-260).
SUFFIX_OPENS_A_WORD = 300


def _renames_a_named_place(text: str, proposal: Proposal, finals: frozenset[str]) -> bool:
    """Whether `proposal` changes a surname (仝氏祠堂 -> 金氏), the surname a village is named after
    (仝家圩村 -> 全家圩村), or the first character of a two-hanzi place's name before its suffix where the
    name follows another division's (沅安区渚口镇 -> 港口镇, 沱口镇崮前村 -> 面前村), opens a line or a
    clause (its second character one that ends many names), or is one the document names more than
    MIN_NAMED times, into a name it has less often (赣阳市 ten times -> 朝阳市; 嵩原市 twice -> 高原市,
    OCR's misreading once): the document's own name, however rare its character."""
    if len(proposal.before) != 1:
        return False
    if _SURNAME_AFTER.match(text, proposal.end):
        return True
    name = text[proposal.end:proposal.end + 2]
    if len(name) < 2 or name[1] not in PLACE_SUFFIXES:
        return False
    opening = text[proposal.start - 1] if proposal.start else "\n"
    if opening in DIVISIONS:
        return True  # (a name that follows a division's: 沅安区渚口镇, 沱口镇崮前村)
    if name[0] in finals and not (is_han(opening) or opening.isdigit()):
        return True  # (a name that opens a line or a clause: ⏎渚阳县…)
    named = text.count(proposal.before + name)
    return named > MIN_NAMED and text.count(proposal.after + name) < named


# What follows a surname: 氏 (仝氏祠堂), or 家 and a village's word (仝家圩村, 王家庄, 李家湾).
_SURNAME_AFTER = re.compile("氏|家[\u4e00-\u9fff]?[村庄屯寨湾坪圩营堡铺店岭沟洼坳]")


# The end of a line of text with a sentence mark in it (a paragraph, not a title or a heading).
_CUT_LINE_END = re.compile("[ \t\u3000]*(?:\n|$)")
_SENTENCE_MARKS = "，。；"
# ... and at least this long: a page's last line or more (a short line of a few words ending with no
# mark is a subtitle's or a heading's sentence, not one a page break cut: FASPell's held-out fifth,
# whose sentences have a median of 10 characters, lost right corrections to this guard without it).
MIN_CUT_PARAGRAPH = 20


def _cut_offs_marked(text: str, proposals: list[Proposal]) -> list[Proposal]:
    """`proposals`, those that change the last hanzi of a paragraph of sentences that ends with no
    mark marked as cut off (`Guard.CUT_OFF`)."""
    marked = []
    for proposal in proposals:
        end = max(proposal.end, proposal.start + 1)
        if proposal.kind != "extra" and _CUT_LINE_END.match(text, end) and is_han(text[end - 1]):
            line = text[text.rfind("\n", 0, proposal.start) + 1:proposal.start]
            if len(line) >= MIN_CUT_PARAGRAPH and any(mark in line for mark in _SENTENCE_MARKS):
                proposal = proposal.guarded(Guard.CUT_OFF)
        marked.append(proposal)
    return marked


MIN_QUIET_TEXT = 1000  # characters of a text whose lack of other misreadings says something


def _lone_unexplained_marked(proposals: list[Proposal]) -> list[Proposal]:
    """`proposals`, their near-misses whose misreading nothing explains marked as `Guard.NO_OTHER_MISREADING`
    when no other proposal is automatic: the text shows no sign of OCR. (On People's Daily's 1.86 M
    characters, 23 of the 24 automatic such near-misses were in 40-line stretches with no other
    automatic correction, all wrong: 依法治税 → 依法治国; on the OCR sets 21 of about 560 were, 21 right.)"""
    if not any(proposal.unexplained for proposal in proposals) or any(
            _automatic(proposal) and not proposal.unexplained for proposal in proposals):
        return proposals
    return [proposal.guarded(Guard.NO_OTHER_MISREADING) if proposal.unexplained else proposal
            for proposal in proposals]


# A correlative construction: any verb or adjective stands between its two characters (越打越顺).
_CORRELATIVE = "越"
MIN_WORD_ZIPF = 3.0  # a hanzi this frequent as a word by itself may be that verb or adjective


def _correlatives_marked(text: str, model: DetectorModel, proposals: list[Proposal]) -> list[Proposal]:
    """`proposals`, those that change a word by itself between the two 越 of 越…越… marked as
    `Guard.CORRELATIVE` (People's Daily's 越打越顺 -> 越来越顺)."""
    marked = []
    for proposal in proposals:
        if (len(proposal.before) == 1 and proposal.start > 0
                and text[proposal.start - 1] == _CORRELATIVE == text[proposal.end:proposal.end + 1]
                and model.lexicon.zipf(proposal.before) >= MIN_WORD_ZIPF):
            proposal = proposal.guarded(Guard.CORRELATIVE)
        marked.append(proposal)
    return marked


def _close(position: int, around: list[int], distance: int) -> bool:
    """Whether `position` is within `distance` of one of the sorted positions `around`."""
    index = bisect_left(around, position - distance)
    return index < len(around) and around[index] <= position + distance


def _within(positions: list[int], around: list[int], distance: int) -> list[int]:
    """Those of the sorted `positions` within `distance` of one of the positions `around`, in order."""
    found: set[int] = set()
    for centre in around:
        found.update(positions[bisect_left(positions, centre - distance):bisect_right(positions, centre + distance)])
    return sorted(found)


def _beside_suspect(fresh: list[Proposal], near: list[int]) -> bool:
    """Whether another suspect sits next to a correction (a stronger proposal may have kept it out
    of this round)."""
    for proposal in fresh:
        index = bisect_left(near, proposal.start - SEPARATION)
        if any(other != proposal.start for other in near[index:bisect_right(near, proposal.start + SEPARATION)]):
            return True
    return False


def _in_frequent_ngram(corrected: str, fresh: list[Proposal]) -> bool:
    """Whether a corrected character now sits in a frequent 3- or 4-gram (a term, whose
    near-misses gain evidence)."""
    if len(fresh) > MAX_CHECKED_CORRECTIONS:
        return True
    for proposal in fresh:
        position = proposal.start
        for size in (3, 4):
            for start in range(max(0, position - size + 1), position + 1):
                gram = corrected[start:start + size]
                if len(gram) == size and corrected.count(gram) >= MIN_TERM_COUNT:
                    return True
    return False


def _echoes_marked(text: str, trigrams: Counter[str], proposals: list[Proposal]) -> list[Proposal]:
    """Glyph proposals with their `echo`: three hanzi the correction would make here that the text
    has elsewhere (named in the evidence)."""
    marked = []
    for proposal in proposals:
        echo = _echo(text, trigrams, proposal) if proposal.kind == "glyph" else ""
        marked.append(replace(proposal, echo=echo, evidence=f"{proposal.evidence}; the text has {echo} "
                              f"elsewhere ({trigrams[echo]}x)") if echo else proposal)
    return marked


def _echo(text: str, trigrams: Counter[str], proposal: Proposal) -> str:
    position, after = proposal.start, proposal.after
    for first in range(max(0, position - 2), position + 1):
        window = text[first:position] + after + text[position + 1:first + 3]
        if len(window) == 3 and trigrams.get(window, 0) > 0:
            return window
    return ""


def confidence(proposal: Proposal) -> float:
    """Probability that the correction is right, from its gain (logistic, calibrated per strategy)."""
    return 1.0 / (1.0 + math.exp(-STEEPNESS[proposal.kind] * (proposal.gain - MIDPOINT[proposal.kind])))


def _automatic(proposal: Proposal) -> bool:
    """Confident enough to apply unattended."""
    return (proposal.kind in AUTOMATIC_KINDS and proposal.guard is None
            and (bool(proposal.echo) or confidence(proposal) >= _auto_confidence(proposal))
            and (proposal.language_gain is None or proposal.language_gain >= MIN_AUTO_LANGUAGE_GAIN)
            and (proposal.rival_gain is None or proposal.gain - proposal.rival_gain >= MIN_AUTO_LEAD
                 or _sure_reading(proposal)))


def _auto_confidence(proposal: Proposal) -> float:
    """The confidence from which a proposal is automatic: lower when the text reads far better."""
    if _sure_reading(proposal) or (proposal.kind == "glyph" and (
            (proposal.context_gain or 0.0) >= SURE_READING_CONTEXT_GAIN
            or min(proposal.context_gain or 0.0, proposal.lexicon_gain or 0.0) >= AGREED_READING_GAIN)):
        return SURE_READING_CONFIDENCE
    return AUTO_CONFIDENCE[proposal.kind]


def _sure_reading(proposal: Proposal) -> bool:
    """Whether a glyph correction makes the text read far better (SURE_READING_LANGUAGE_GAIN)."""
    return proposal.kind == "glyph" and (proposal.language_gain or 0.0) >= SURE_READING_LANGUAGE_GAIN


def _edit(proposal: Proposal) -> Edit:
    automatic = _automatic(proposal)
    sure = max(confidence(proposal), ECHOED_CONFIDENCE) if proposal.echo and automatic else confidence(proposal)
    return Edit(
        proposal.start, proposal.end, proposal.before, proposal.after, NAME, f"detector.{proposal.kind}",
        round(sure, 3),
        _reason(proposal),
        Safety.AUTO if automatic else Safety.REVIEW,
        (),
        proposal.evidence,
    )


def _reason(proposal: Proposal) -> str:
    if proposal.guard is not None:
        return _GUARD_REASONS[proposal.guard](proposal.before, proposal.after)
    if proposal.kind == "vocabulary":
        return f"near-miss of a term this document uses often: {proposal.before}→{proposal.after}"
    if proposal.kind == "dropped":
        return f"a term this document uses often lacks {proposal.after} here"
    if proposal.kind == "extra":
        return f"{proposal.before} splits a word its neighbours make: OCR inserted it"
    if proposal.echo:
        return (f"{proposal.before} fits no word here; the similar {proposal.after} makes a frequent one, "
                "as this document reads elsewhere")
    return f"{proposal.before} fits no word here; the similar {proposal.after} makes a frequent one"


_NEAR_MISS = "near-miss of a term this document uses often: {0}→{1}; but "
_GUARD_REASONS = {
    Guard.NAME_GUESS: (
        "{0} ends a place's name before its suffix (市, 县, 区 …), as it does elsewhere in the document or as "
        "{1} does in other names: which name is meant is a guess"
    ).format,
    Guard.OTHER_COMPOUND: (
        _NEAR_MISS + "{0} ends words after a stem (局, 场, 业 …) and nothing explains the misreading: perhaps "
        "another word"
    ).format,
    Guard.OWN_CHARACTER: (
        _NEAR_MISS + "{0} is a rare character the document uses often and nothing explains the misreading: "
        "perhaps a name's own"
    ).format,
    Guard.CUT_OFF: (
        "{0}→{1} would make a word; but {0} ends a paragraph cut off with no mark (a page break?): the word "
        "may go on beyond it"
    ).format,
    Guard.REPEATED_UNEXPLAINED: (
        _NEAR_MISS + "the document repeats it and nothing explains the misreading: perhaps a term of its own"
    ).format,
    Guard.STEM_AFTER_OTHERS: (
        _NEAR_MISS + "{0} is a word by itself, the rest of the term follows other words too (由市…, 经县…) "
        "and nothing explains the misreading: perhaps the text's own"
    ).format,
    Guard.NO_OTHER_MISREADING: (
        _NEAR_MISS + "nothing explains the misreading, and the text shows no other: perhaps the text's own word"
    ).format,
    Guard.CORRELATIVE: (
        "{0} stands between the two 越 of 越…越…, which take any verb or adjective (越打越顺): 越{1}越 is "
        "only the more frequent"
    ).format,
}


def _disjoint(proposals: list[Proposal]) -> list[Proposal]:
    """The strongest proposals that do not overlap, in text order (the vocabulary strategy first on ties)."""
    chosen: list[Proposal] = []
    starts: list[int] = []  # of the chosen, sorted; `by_start` in the same order
    by_start: list[Proposal] = []
    longest = 0
    for proposal in sorted(proposals, key=lambda item: (-item.gain, item.kind == "glyph", item.start)):
        # Only a chosen proposal starting from `longest` before this one to its end can conflict.
        low = bisect_left(starts, proposal.start - longest)
        near = by_start[low:bisect_right(starts, proposal.end)]
        if all(proposal.end <= other.start or other.end <= proposal.start for other in near):
            if proposal.start == proposal.end and any(other.start == proposal.start for other in near):
                continue
            chosen.append(proposal)
            index = bisect_right(starts, proposal.start)
            starts.insert(index, proposal.start)
            by_start.insert(index, proposal)
            longest = max(longest, proposal.end - proposal.start)
    return sorted(chosen, key=lambda item: (item.start, item.end))


def build(config: Config) -> DetectorPass:
    return DetectorPass(builtin_model())


@lru_cache(maxsize=1)
def builtin_model() -> DetectorModel:
    """The shipped tables, once per process (the derived caches key on this one model): the small
    derived ones at once, the big ones when a text first has a position worth scoring."""
    return DetectorModel(load_tables(data_file(TABLES_FILE)), builtin_lexicon, builtin_glyph_table, builtin_learned,
                         builtin_context)


def builtin_learned() -> ConfusionTable:
    return load_confusion_table(data_file(LEARNED_FILE))


def builtin_context() -> ContextModel:
    return load_model(data_file(CONTEXT_FILE))
