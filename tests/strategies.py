"""Hypothesis strategies for text that looks like OCR of official documents (tests and fuzzing)."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces OCR output is made of: hanzi (including confusion keys), both punctuation widths,
# headings, dates, numbers (some full-width), Latin, e-mail/phone fragments, page numbers, spaces
# and line breaks.
PIECES = (
    "总书动", "殿切", "平合", "公平合理", "风来", "能人才", "宣传", "自已", "地位 and 作用",
    "摘自（人民日报）", "國家發展", "視類", "乾", "技能人才", "习近平", "通知", "的", "是",
    "，", ",", "。", ".", "：", ":", "；", ";", "？", "?", "！", "!", "（", "(", "）", ")",
    "[2017]", "〔2020〕", "《", "》", "“", "”", '"', "、", "一、", "（一）", "(1)", "1.", "第三条",
    "2020 年 12 月 10 日", "3.14", "25%", "027-51828284", "415426865@qq.com", "https://www.gov.cn/a",
    "Research and Development", "ｆｕｌｌ", " ", "  ", "\u3000", "\n", "\n\n", "\t", "附件：",
    "联系人：", "电 话", "𠀀", "\u200b", "e\u0301", "カ", "○", "二○二○年",
    "\n— 2 —\n", "第3页 共5页", "一 4 一", "２０２０年", "３．５％", "《一)", "〈三）",
)


# What the rules of the later passes fire on (percent nines, misread brackets and dots, quotes after
# figures, lists of names, the lost full stop, titles and the issuer's name above them, a figure cut
# from the word it follows), to meet each other and the pieces above.
RULE_TRIGGERS = (
    "增长8.39%", "1.39%", "142.8万吨\"", "·", "要坚持", "甘振兴、", "附件：1，", "柏溪县人民政府", "会议纪要",
    "达到", "18.6万件", "“双品牌”", "院校“双品牌", "(三) ", "{三）", "【一）", "十三五", "期间", "工高校毕业生",
    "本报讯《记者王明）", "《GDP)", "*", "=", "制定本方案", "关于", "\x0c", "7月", "5日前",
)


@st.composite
def ocr_text(draw: st.DrawFn, max_pieces: int = 40, triggers: bool = False) -> str:
    """A string of OCR-like pieces, sometimes with random characters mixed in; with `triggers`,
    the rules' trigger strings among them."""
    pieces = draw(st.lists(
        st.one_of(st.sampled_from(PIECES + RULE_TRIGGERS if triggers else PIECES), st.text(max_size=3)),
        max_size=max_pieces,
    ))
    return "".join(pieces)
