"""Full stops OCR lost at the end of a paragraph that a heading follows, or that ends in a figure.

A body paragraph of an official document ends with a mark; when the line after it is a heading
(`一、`, `（二）`, `3.`, `第五条`) the paragraph cannot run on, so a paragraph of sentences (it has
a `，`, `；` or `。`) that ends in a hanzi, a `%` or a closing quote lost its `。`:
`…制定本方案⏎一、总体要求` → `…制定本方案。⏎一、总体要求`. (A list of names joined by `、` alone
ends with a full stop in some documents and with none in others: it is left as it is.) So does a
paragraph of sentences that ends in a percentage or a sum of money where another paragraph of text
follows (`…增长6.2%⏎全年粮食播种面积…`, `…投资3200万元⏎全年…`): a bulletin's paragraphs end with their
figures, and Tesseract and RapidOCR drop the `。` after them.

Not where the mark is unclear: a heading that is a paragraph of its own (`（一）坚持系统观念，统筹推进`
takes no full stop; an article's number, `第十二条　经营者应当…`, opens sentences, not a heading),
a last clause that introduces a list (`通知如下`, `做好以下工作`: a colon), the first item of an
attachment list (`附件：1，…路线图`), a bracket left open (a table row's `（城关镇，粮油加工`), a
digit at the end (often a misread mark itself: `达到32%以上5`), OCR noise in the last clause (Latin
marks, a folio's spaced remains, a stray quote), a heading run into the last sentence, or a line too
short to tell from a title.

On the development OCR sets (pages and whole documents, Noto and Kai faces) 135 of 140 such full
stops brought the text closer to the truth and none took it further; none fired on the truths, the
gold or 1.86 M characters of People's Daily. On a second held-out set (six unseen documents, both
faces) 48 of 57 did and 4 took it further, all on the noisiest Kai pages: a heading run into the
paragraph (`…服务岗“二，报名条件`) and a figure cut off (`…增长⏎5.…`) are now skipped as well.
"""

from __future__ import annotations

from cleaner.edit import Edit, Safety, fast_edit
from cleaner.lazy_regex import lazy_compile
from cleaner.roster_rows import ends_in_figure
from cleaner.typography import FIGURE_UNITS, HEADING_NUMERALS, LIST_INTRODUCERS, TAKES_A_FIGURE, UNIT_FIELD_LABEL

RULE = "sentence.lost-full-stop"
_NUMERALS = HEADING_NUMERALS
# (Its brackets as OCR may read them, which a later pass sets right: 【一）, {三）, (二》. Not a figure a
# wrap cut after its digit and a misread point: `1.万人次以上`; nor a reference to an article's item
# that labels the lines below it: `第二十条第（五）项：`.)
_HEADING = lazy_compile(
    f"[ \t\u3000]*(?:[{_NUMERALS}]{{1,3}}、|[（(【{{〔［\\[《〈][{_NUMERALS}]{{1,3}}[）)]"
    f"|[（(][{_NUMERALS}]{{1,3}}[》〉]|[0-9]{{1,2}}[.．、](?![0-9万亿千百])|第[{_NUMERALS}百零〇]+[条章节](?![第（(]))"
)
# A line break before a heading (the break first: a pattern opening with a literal is scanned for in C).
_BEFORE_HEADING = lazy_compile(f"\n(?={_HEADING.pattern})")
# A paragraph that starts as a heading (OCR may have misread its `、`: `三，切实加强…`, or lost its
# number: `、申请补助的理由`).
# (Or a list item whose point OCR read as a comma or lost: `11，骨顶摩崖造像，唐，…村`, `6三口古道，明至清，…`;
# not a figure and its unit, `12月…`, `3个…`.)
_OWN_HEADING = lazy_compile(
    f"[ \t\u3000]*(?:[{_NUMERALS}]{{0,3}}[、，,.．]|[（(][{_NUMERALS}]{{1,3}}[）)]"
    f"|[0-9]{{1,2}}(?:[.．、，,](?![0-9])|(?=[\u4e00-\u9fff])(?![{FIGURE_UNITS}]))"
    f"|第[{_NUMERALS}百零〇]+)"
)
# An article of a regulation (第十二条　农贸市场开办者应当…): its number opens sentences, not a heading.
_ARTICLE = lazy_compile(f"[ \t\u3000]*第[{_NUMERALS}百零〇]+条")
# A shorter line with a comma is as likely a heading or a title (counted without quotes and spaces,
# which later passes put in or take out: they must not change the verdict).
MIN_LENGTH = 16
_NOT_COUNTED = lazy_compile("[“”\"‘’' \t\u3000]")
_SENTENCE_MARK = lazy_compile("[，；。]")
# A paragraph with this many times as many 、 as other marks is a list of names (OCR misreads a
# 、 as ， or 。 now and then).
LIST_SHARE = 4
_CLAUSE_MARKS = "，、；。："
_INTRODUCES = lazy_compile(f"{LIST_INTRODUCERS}|附件")
# OCR noise where the mark was: Latin marks, a run of spaces (a folio's remains).
_NOISE = lazy_compile("[,;:!?()\\[\\]<>_|\\-]|(?<![0-9])\\.|\\.(?![0-9])|[ \t\u3000]{2}")
# A heading run into the paragraph's last sentence (`…日常管理第二章、投放与运营`), its 章 or 条 perhaps
# misread (`…交接工作“=第三前，分类收集与运送`): the paragraph's mark belongs before it.
# So does a numbered heading (`…语言服务岗“二，报名条件`, `…场景=二 提升…`, `…（二）加强…`).
_RUN_IN_HEADING = lazy_compile(
    f"(?:第[{_NUMERALS}百零〇]+(?:[条章节]|[\u4e00-\u9fff]?[，,、 \u3000])"
    f"|(?<![{_NUMERALS}])[{_NUMERALS}]{{1,3}}[，,、.． \u3000]"
    f"|[（(【{{〔［\\[《〈][{_NUMERALS}]{{1,3}}[）)》〉】])"  # (its brackets as OCR may read them: 【二》)
)
# The first item of a list of attachments whose label OCR misread (`耐件;1，挂牌出让地块位置示意图`).
_FIRST_ITEM = lazy_compile("[:：;；][ \t]*1[，,.．、]")
_HAN = lazy_compile("[\u4e00-\u9fff]")
_FIGURE_AND_UNIT = lazy_compile(f"[0-9][0-9.%‰]*(?:(?![年月日号时])[{FIGURE_UNITS}]){{0,2}}")
# A paragraph that is a field naming units or people, as minutes and plans set them under each item
# (责任单位：县水利局，县财政局配合⏎二、关于…): it takes no full stop. (Not a time or a place: 开标地点：
# …开标大厅，投标人应在规定时间内完成投标文件解密。 is a sentence.)
_FIELD = lazy_compile(
    f"[ \t\u3000”“\"]*(?:{UNIT_FIELD_LABEL}|(?:责任人|联系人|出\\s*席|列\\s*席|请\\s*假"
    "|记\\s*录|主\\s*送|抄\\s*送|参加人员|参会人员)[ \t\u3000]*[：:;；])"  # (its colon perhaps read as ;)
)
CONFIDENCE = 0.9


def lost_full_stops(text: str, pass_name: str) -> list[Edit]:
    """The `。` to put at the end of each paragraph of sentences that a heading follows, or that ends
    in a percentage or a sum of money before another paragraph, for the pass `pass_name`."""
    if "\n" not in text:
        return []
    breaks = {match.start(): _HEADING_REASON for match in _BEFORE_HEADING.finditer(text)}
    for match in _FIGURE_BEFORE_PARAGRAPH.finditer(text):
        breaks.setdefault(match.end() - 1, _FIGURE_REASON)
    edits = []
    unmarked_items: bool | None = None  # whether the text's numbered items end without a mark (once asked)
    for position, reason in sorted(breaks.items()):
        start = text.rfind("\n", 0, position) + 1
        paragraph = text[start:position].rstrip(" \t\u3000")
        if (paragraph and _unended(paragraph[-1]) and _lost_full_stop(paragraph)
                and not _continues_a_list(paragraph, text, position)
                and not (reason is _FIGURE_REASON and _among_rows(paragraph, text, start, position))):
            if len(paragraph) < MAX_SHORT_LINE:
                unmarked_items = _items_end_unmarked(text) if unmarked_items is None else unmarked_items
                if unmarked_items:
                    continue
            end = start + len(paragraph)
            edits.append(fast_edit(end, end, "", "。", pass_name, RULE, CONFIDENCE, reason, Safety.AUTO))
    return edits


_HEADING_REASON = "a paragraph of sentences ends without a mark where a heading follows: OCR lost its 。"
_FIGURE_REASON = ("a paragraph of sentences ends in a percentage or a sum of money without a mark, and another "
                  "paragraph follows: OCR lost its 。")
# A percentage or a sum of money ending a line before a paragraph of text (a bulletin's `…增长6.2%⏎全年
# 粮食播种面积…`, `…资金1200万元⏎全年…`): on the OCR sets, of 169 such paragraphs of sentences (a `，`,
# 16 characters or more) ending in a percentage all 169 had lost a `。` there, and 42 of 42 ending in a
# sum (2026-12-07); none in clean text. (Before a list's numbered item, `…达到85%⏎4.农业…`, the mark is
# as often `；`.) (Not before a byline: a news story's deck above it ends with no mark. Only `%`: the
# widths pass has made `％` one, and a paragraph ending in `‰` is not one `_unended` takes.)
_FIGURE_BEFORE_PARAGRAPH = lazy_compile(
    "(?:%|(?<=[0-9])元|(?<=[0-9][万亿千百])元)[ \t\u3000]*\n(?=[ \t\u3000]*[\u4e00-\u9fff“])"
    "(?![ \t\u3000]*(?:本报|记者|通讯员|新华社|特约))"
)

# A short line ending in a figure beside another such is a row of a table or a ranking whose fields
# OCR ran together (`格溪乡　完成投资2630万元，完成率69.8%` over `…完成率73.1%`): a row takes no full stop.
# (Short: under MAX_SHORT_LINE characters, as is a list item's line below.)
MAX_SHORT_LINE = 40


def _among_rows(paragraph: str, text: str, start: int, position: int) -> bool:
    """Whether `paragraph` (the line from `start` to the break at `position`) is a short line ending in
    a figure whose line before or after (blank lines skipped) is one too."""
    if len(paragraph) >= MAX_SHORT_LINE:
        return False
    before = text[:start].rstrip().rpartition("\n")[2]
    after = text[position:].lstrip().partition("\n")[0]
    return any(0 < len(line) < MAX_SHORT_LINE and ends_in_figure(line.rstrip(" \t\u3000"))
               for line in (before, after))


# A numbered item's line and how it ends: a list whose items end without a mark (a list of sites:
# `1.老吉坪遗址，新石器时代至商，峰山县确口镇赵坪村`) takes none on a short item before a heading either.
_NUMBERED_LINE_END = lazy_compile("(?m)^[ \t\u3000]*[0-9]{1,2}[.．、][^\n]*?([\u4e00-\u9fff]|[。；;])[ \t\u3000]*$")
MIN_UNMARKED_ITEMS = 2


def _items_end_unmarked(text: str) -> bool:
    """Whether MIN_UNMARKED_ITEMS or more of the text's numbered lines end in a hanzi, and more of
    them than end in a full stop or a semicolon."""
    endings = [match.group(1) for match in _NUMBERED_LINE_END.finditer(text)]
    unmarked = sum(1 for ending in endings if ending not in "。；;")
    return unmarked >= MIN_UNMARKED_ITEMS and unmarked > len(endings) - unmarked


# A line that opens like a heading (`十、`, `一、`) but goes on with what the paragraph before it left
# open: a wrap inside a list of names (`…来自新疆、内蒙⏎十、辽宁、吉林…`: OCR read 古 as 十) or after a word
# that introduces what follows (`…特别是⏎一、二把手…`). On People's Daily's OCR pages 13 such full
# stops took the text further from the truth; no paragraph of the truths ends so before a heading.
_ENUMERATED_LINE = lazy_compile(f"[ \t\u3000]*[{_NUMERALS}]{{1,3}}、[\u4e00-\u9fff]{{1,3}}、")
_INTRODUCES_MORE = ("特别是", "尤其是", "以及", "包括", "并且", "而且", "例如", "比如", "其中")


def _continues_a_list(paragraph: str, text: str, position: int) -> bool:
    """Whether the line after `paragraph` (from the break at `position`) goes on with it: it opens
    like a `一、` heading and lists on with 、 after a last clause that lists with 、, or it follows a
    word that introduces more."""
    if paragraph.endswith(_INTRODUCES_MORE):
        return True
    last = paragraph[max(map(paragraph.rfind, "，；。：")) + 1:]
    return "、" in last and _ENUMERATED_LINE.match(text, position + 1) is not None


def _unended(last: str) -> bool:
    """Whether a paragraph ending in `last` ends without a mark: in a hanzi, a % or a closing quote;
    not in 了, which ends no paragraph of official prose but is Tesseract's reading of 。 in a Kai
    face (…定位装置了⏎四)建立…: 3 of 3 such full stops on the OCR sets were one too many)."""
    return ("\u4e00" <= last <= "\u9fff" and last != "了") or last in "%”"


def _lost_full_stop(paragraph: str) -> bool:
    if len(paragraph) - len(_NOT_COUNTED.findall(paragraph)) < MIN_LENGTH or not _SENTENCE_MARK.search(paragraph):
        return False
    if paragraph.count("、") >= LIST_SHARE * len(_SENTENCE_MARK.findall(paragraph)):
        return False  # a list of names, one or two of its 、 misread
    if paragraph.lstrip(" \t\u3000").startswith("附件") or _FIRST_ITEM.search(paragraph[-40:]):
        return False  # an attachment list's first item (附件：1.…): the items take no full stop
    if _FIELD.match(paragraph):
        return False  # a field that names units or people (责任单位：县水利局，…配合): no sentence
    heading = _OWN_HEADING.match(paragraph)
    if heading is not None and "。" not in paragraph[heading.end():] and not _ARTICLE.match(paragraph):
        return False  # a heading of its own line: no full stop (an article's text is sentences)
    if paragraph.count("（") + paragraph.count("(") > paragraph.count("）") + paragraph.count(")"):
        return False
    if paragraph.endswith("”") and paragraph.count("“") < paragraph.count("”"):
        return False
    last = paragraph[max(map(paragraph.rfind, _CLAUSE_MARKS)) + 1:]  # the last clause
    sentence = paragraph[paragraph.rfind("。") + 1:]
    # (Run in: after the sentence's first character, where the paragraph's own heading would be.)
    if paragraph.endswith(TAKES_A_FIGURE) or _RUN_IN_HEADING.search(sentence.lstrip(" \t\u3000"), 1):
        return False
    # (its words, not figures and their units where it has several: 91.39%　4分　3分, a table's row run
    # into the paragraph; a date's units are words enough: 整改期限：2026年3月20日前)
    words = _FIGURE_AND_UNIT.sub("", last) if len(_FIGURE_AND_UNIT.findall(last)) >= 2 else last
    return (len(_HAN.findall(words)) >= 2 and not _INTRODUCES.search(last)
            and not _NOISE.search(last) and last.count("“") <= last.count("”"))
