"""Character classes of Chinese typesetting shared by the layout, spacing and punctuation passes.

Each class is a string usable inside a regular-expression character class (`[...]`), so the
passes can build their patterns from one definition.
"""

from __future__ import annotations

import re

# Han ideographs: the BMP blocks, compatibility ideographs and the supplementary extensions.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
# Full-width and CJK punctuation and symbols (、。〈〉《》「」『』【】〔〕 … ，：；！？（） and friends),
# plus the curly quotes, dashes and ellipsis that Chinese text sets at full width.
CJK_PUNCTUATION = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
)
# Characters that belong to Chinese running text: ideographs and Chinese punctuation.
CJK = HAN + CJK_PUNCTUATION
# Digits (ASCII and full-width) and the percent signs that typeset tight against Chinese.
DIGIT = "0-9\uff10-\uff19%\uff05\u2030"
# Latin letters (ASCII and full-width).
LATIN = "A-Za-z\uff21-\uff3a\uff41-\uff5a"
# Horizontal white space that OCR puts inside a line (not line breaks).
INLINE_SPACE = " \t\u3000\u00a0"
# The half-width marks the punctuation pass makes full-width in Chinese text, and their full forms.
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# Besides an ideograph, what a half-width . that ends a Chinese sentence (OCR's reading of 。)
# follows: a percent sign or a closing Chinese mark. Layout reads such a line as ending a
# sentence; punctuation proposes 。 for the point.
FULL_STOP_AFTER = "%％）”」』》"
# A sentence's closing mark that OCR may set at the start of the next line (一致⏎.三、), and what
# may follow it there besides a hanzi: layout ends the sentence on the line before, and punctuation
# moves the mark back, so both must find the same cases.
SENTENCE_END_MARKS = "。.！!？?"
OPENING_MARKS = "（(“《〈"
# The numerals a heading's number is written in (一、 … 二十九、, （三）): one to ten.
HEADING_NUMERALS = "一二三四五六七八九十"
# Words that say a list follows (通知如下, 重点做好以下工作, 下列情形): a pattern's alternatives.
LIST_INTRODUCERS = "如下|以下|下列|如次"
# The label of a field naming the units that do a task, as work plans set it on its own line under
# each task (责任单位：县交通运输局，各乡镇人民政府; 牵头单位：…), its colon perhaps read as a
# semicolon and the first character of 责任 or 牵头 misread (表任单位, 幸头单位). No sentence of the
# texts and news we measured on has one inside it.
UNIT_FIELD_LABEL = (
    "(?:(?:责任|牵头|配合|参与|主办|承办|协办|协助|实施|联系)单位|[\u4e00-\u9fff](?:任|头)单位)[ \t\u3000]*[：:;；]"
)
# Measure words and units a count is written with right after its number (36个, 15万元, 20辆): a
# number before one is a count, not a list item's or a percentage's.
COUNT_UNITS = "个名家人项次年月日号万亿千百元户所座条件台辆间亩吨米倍批期届类种处位"
# Words a figure follows, which no sentence ends on (`教育支出38.62亿元，增长⏎5.1%…`): a line ending
# in one runs on to the figure on the next line, which may look like a numbered item.
# What follows a figure as its unit (2026年, 3个, 300余名): a number before one is no list item's or code.
FIGURE_UNITS = "年月日号时分秒个名人元万亿千百次家件项条岁天届期批所座台辆吨米度倍余多周"
TAKES_A_FIGURE = (
    "增长", "下降", "提高", "降低", "增加", "减少", "上升", "回落", "达到", "达", "为", "占", "约", "共", "计",
    "合计", "超过", "不少于", "不低于",
)

# A run of full-width digits and Latin letters, with a full-width point between digits and a
# percent sign after them (`２０２０`, `ＷＴＯ`, `３．５％`): what the widths pass makes ordinary.
FULL_WIDTH_RUN = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*(?:(?<=[０-９])％)?")
# U+FF01-U+FF5E are U+0021-U+007E shifted by 0xFEE0.
_HALF_WIDTH = str.maketrans({chr(code + 0xFEE0): chr(code) for code in range(0x21, 0x7F)})


def ordinary(run: str) -> str:
    """A run of FULL_WIDTH_RUN in ordinary (half-width) characters."""
    return run.translate(_HALF_WIDTH)


def with_ordinary_runs(text: str) -> str:
    """`text` as the widths pass leaves it: every FULL_WIDTH_RUN ordinary."""
    return FULL_WIDTH_RUN.sub(lambda match: ordinary(match.group()), text)
