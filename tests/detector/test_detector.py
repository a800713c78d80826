"""The detector pass: corrections nobody listed, from the lexicon, glyph similarity and the
document's own vocabulary. Precision first: only very confident corrections are automatic."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.detect_flags import _bigram_numbers
from cleaner.detect_model import Proposal
from cleaner.edit import Edit, Safety, apply
from cleaner.passes import PASS_ORDER
from cleaner.passes.detector import (
    AUTO_CONFIDENCE,
    SURE_READING_CONFIDENCE,
    SURE_READING_LANGUAGE_GAIN,
    DetectorPass,
    _edit,
    build,
    confidence,
)
from cleaner.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def detector() -> DetectorPass:
    return build(Config())


def changes(edits: list[Edit]) -> list[tuple[str, str, str]]:
    return [(edit.before, edit.after, edit.safety.value) for edit in edits]


def test_string_one_edit_from_a_term_the_document_uses_often_is_corrected(detector: DetectorPass) -> None:
    text = "我们要深入学习贯彻习近平总书记重要讲话精神。" * 5 + "总书动强调，要坚持人民至上。"
    assert changes(detector.propose(text)) == [("动", "记", "auto")]


def test_the_document_term_correction_names_its_evidence(detector: DetectorPass) -> None:
    text = "我们要深入学习贯彻习近平总书记重要讲话精神。" * 5 + "总书动强调，要坚持人民至上。"
    [edit] = detector.propose(text)
    assert (edit.rule_id, edit.evidence.startswith("总书记 occurs 5x in this document")) == (
        "detector.vocabulary", True)


def test_character_fitting_no_word_becomes_its_similar_neighbour(detector: DetectorPass) -> None:
    assert changes(detector.propose("深入学习货彻党的二十大精神。")) == [("货", "贯", "auto")]


def test_a_common_word_by_itself_is_a_suspect_where_a_look_alike_joins_a_neighbour_into_a_word(
    detector: DetectorPass,
) -> None:
    # (大 is a word by itself; 大民 is none, 人民 is)
    assert changes(detector.propose("本文转载自《大民日报》。")) == [("大", "人", "auto")]
    assert detector.propose("这是一个很大的进步。") == []


def test_a_word_before_a_stem_that_follows_other_words_too_is_no_near_miss_to_correct_unattended(
    detector: DetectorPass,
) -> None:
    # (城市绿化 five times; 经 is a word, and 市绿化主管部门 is the city's greening authority)
    text = ("城市绿化主管部门负责本市城市绿化工作。城市绿化规划由城市绿化主管部门组织编制。"
            "城市绿化工程竣工后，应当经市绿化主管部门验收。")
    assert changes(detector.propose(text)) == [("经", "城", "review")]


def test_a_glyph_correction_names_the_context_models_gain(detector: DetectorPass) -> None:
    [edit] = detector.propose("深入学习货彻党的二十大精神。")
    assert "context gain +" in edit.evidence


def test_correction_offsets_point_at_the_misread_character(detector: DetectorPass) -> None:
    [edit] = detector.propose("深入学习货彻党的二十大精神。")
    assert (edit.start, edit.end) == (4, 5)


def test_less_certain_correction_is_left_for_review(detector: DetectorPass) -> None:
    assert changes(detector.propose("小明的成绩提高了很多，老师很满竟。")) == [("竟", "意", "review")]


def test_correct_rare_words_are_left_alone(detector: DetectorPass) -> None:
    assert detector.propose("他们在会上讨论了鲲鹏计划和饕餮纹饰的研究。") == []


def test_numerals_are_never_changed_toward_a_frequent_term(detector: DetectorPass) -> None:
    assert detector.propose("十二五规划。" * 5 + "十三五规划开局。") == []


def test_term_missing_a_character_is_restored_for_review(detector: DetectorPass) -> None:
    text = "要大力培养技能人才，壮大技能人才队伍。技能人才是支撑中国制造的重要力量。要向广大能人才致以问候。"
    assert changes(detector.propose(text)) == [("", "技", "review")]


def test_term_cut_by_a_line_break_lacks_nothing(detector: DetectorPass) -> None:
    text = "要大力培养技能人才，壮大技能人才队伍。技能人才是支撑中国制造的重要力量。总书记对技\n能人才作出指示。"
    assert detector.propose(text) == []


def test_term_cut_by_the_pages_edge_lacks_nothing(detector: DetectorPass) -> None:
    # (a page that starts inside a term: its first character ends the page before)
    text = "能人才队伍建设。要大力培养技能人才，壮大技能人才队伍。技能人才是支撑中国制造的重要力量。"
    assert detector.propose(text) == []


def test_a_frequent_term_does_not_extend_a_word_standing_on_its_own(detector: DetectorPass) -> None:
    text = "习近平总书记强调。" * 4 + "指示。\n总书记在讲话中指出。"
    assert detector.propose(text) == []


def test_a_likely_misreading_does_not_carry_a_weak_reading_to_automatic() -> None:
    proposal = Proposal(0, 1, "贵", "费", 3.0, "glyph", "", language_gain=1.5)
    assert (confidence(proposal) >= AUTO_CONFIDENCE["glyph"], _edit(proposal).safety) == (True, Safety.REVIEW)


def test_a_weak_misreading_is_automatic_when_the_text_reads_far_better(detector: DetectorPass) -> None:
    # 蝇 and 品 are no close glyphs, but 节能产品 reads far better than 节能产蝇.
    [edit] = detector.propose("各单位要优先采购节能产蝇、环境标志产品。")
    assert (edit.after, edit.safety, edit.confidence < AUTO_CONFIDENCE["glyph"]) == ("品", Safety.AUTO, True)


def test_a_weak_misreading_is_automatic_when_the_context_model_strongly_favours_it(detector: DetectorPass) -> None:
    # 未持证上疝: the lexicon finds 上岗 only somewhat better, the characters around it far better.
    [edit] = detector.propose("有3名员工未持证上疝，已责令整改。")
    assert (edit.after, edit.safety, edit.confidence < AUTO_CONFIDENCE["glyph"]) == ("岗", Safety.AUTO, True)


def test_a_weak_misreading_the_context_model_only_favours_is_left_for_review() -> None:
    proposal = Proposal(0, 1, "送", "运", 0.2, "glyph", "", language_gain=2.5, context_gain=5.0)
    assert (confidence(proposal) >= SURE_READING_CONFIDENCE, _edit(proposal).safety) == (True, Safety.REVIEW)


def test_a_weak_misreading_that_reads_only_somewhat_better_is_left_for_review() -> None:
    proposal = Proposal(0, 1, "资", "责", 0.2, "glyph", "", language_gain=3.0)
    assert (confidence(proposal) >= SURE_READING_CONFIDENCE, _edit(proposal).safety) == (True, Safety.REVIEW)


def test_reading_far_better_does_not_carry_a_misreading_below_its_floor() -> None:
    proposal = Proposal(0, 1, "蝇", "品", -0.5, "glyph", "", language_gain=4.0)
    assert (confidence(proposal) < SURE_READING_CONFIDENCE, _edit(proposal).safety) == (True, Safety.REVIEW)


def test_a_correction_with_a_close_rival_beside_it_is_left_for_review(detector: DetectorPass) -> None:
    # 忧惠意识 reads as a word both as 优惠意识 and as 忧患意识: which character OCR misread is a guess
    # (which of the two the scores favour depends on the learned tables).
    proposed = changes(detector.propose("要增强风险意识忧惠意识，切实维护社会稳定。"))
    assert len(proposed) == 1 and proposed[0] in {("忧", "优", "review"), ("惠", "患", "review")}


def test_a_clear_lead_over_the_rival_stays_automatic() -> None:
    proposal = Proposal(0, 1, "动", "记", 6.0, "glyph", "", language_gain=6.0, rival_gain=4.5)
    assert _edit(proposal).safety is Safety.AUTO


def test_a_sure_reading_needs_no_lead_over_its_rival() -> None:
    # (年度粮仿安全: 粮食安全 reads so much better that the correction of 仿's neighbour hardly matters)
    proposal = Proposal(0, 1, "仿", "食", 1.2, "glyph", "", language_gain=SURE_READING_LANGUAGE_GAIN, rival_gain=0.5)
    assert _edit(proposal).safety is Safety.AUTO


def test_below_a_sure_reading_a_close_rival_still_holds_a_correction_back() -> None:
    proposal = Proposal(0, 1, "仿", "食", 1.2, "glyph", "", language_gain=SURE_READING_LANGUAGE_GAIN - 0.1,
                        rival_gain=0.5)
    assert _edit(proposal).safety is Safety.REVIEW


def agreed(lexicon_gain: float, context_gain: float) -> Proposal:
    """A glyph correction of confidence about 0.9 whose lexicon and context model gains are these."""
    return Proposal(0, 1, "章", "束", 0.3, "glyph", "", language_gain=0.4 * lexicon_gain + 0.2 * context_gain,
                    context_gain=context_gain)


def test_a_correction_the_lexicon_and_the_context_model_both_favour_strongly_is_automatic() -> None:
    # (演练结章了 -> 结束了: lexicon gain +5.1, context gain +5.5, an unlikely misreading)
    assert (agreed(5.1, 5.5).lexicon_gain, _edit(agreed(5.1, 5.5)).safety) == (pytest.approx(5.1), Safety.AUTO)


def test_one_reading_strong_and_the_other_less_so_is_for_review() -> None:
    assert (_edit(agreed(6.2, 4.2)).safety, _edit(agreed(4.5, 5.8)).safety) == (Safety.REVIEW, Safety.REVIEW)


ECHOED = "各地要加强基础建设。以高质量发展为导向，如强基础建设。"


def test_a_correction_the_document_reads_elsewhere_is_automatic(detector: DetectorPass) -> None:
    # 如强 for 加强 is a likely misreading but no sure one; 加强基础建设 earlier in the text settles it.
    assert changes(detector.propose(ECHOED)) == [("如", "加", "auto")]


def test_without_the_reading_elsewhere_the_same_correction_is_for_review(detector: DetectorPass) -> None:
    assert changes(detector.propose("以高质量发展为导向，如强基础建设。")) == [("如", "加", "review")]


def test_a_correction_the_document_reads_elsewhere_says_so(detector: DetectorPass) -> None:
    [edit] = detector.propose(ECHOED)
    assert (edit.reason.endswith("as this document reads elsewhere"), edit.confidence >= AUTO_CONFIDENCE["glyph"]) == (
        True, True)


def test_the_evidence_names_the_reading_elsewhere(detector: DetectorPass) -> None:
    [edit] = detector.propose(ECHOED)
    assert edit.evidence.endswith("; the text has 加强基 elsewhere (1x)")


def test_the_reading_elsewhere_does_not_carry_a_weak_reading_to_automatic() -> None:
    proposal = Proposal(0, 1, "村", "材", -0.1, "glyph", "", language_gain=1.5, echo="教材建")
    assert (_edit(proposal).safety, _edit(proposal).confidence < AUTO_CONFIDENCE["glyph"]) == (Safety.REVIEW, True)


def test_the_reading_elsewhere_does_not_settle_a_close_rival() -> None:
    proposal = Proposal(0, 1, "姐", "娘", 0.3, "glyph", "", language_gain=2.3, rival_gain=-0.2, echo="姑娘，")
    assert _edit(proposal).safety is Safety.REVIEW


def test_nothing_is_proposed_in_a_document_numbers_issuer_abbreviation(detector: DetectorPass) -> None:
    assert detector.propose("湖北省人力资源和社会保障厅\n鄂人社困[2019)29号\n") == []
    # (its year's closing bracket read as a letter: 郗自然资罚[2025j17号, no near-miss of 自然资源)
    text = ("郗岭县自然资源局：\n你局作为自然资源主管部门，应当履行自然资源监管职责。"
            "已作出处罚决定《郗自然资罚[2025j17号）。")
    assert [edit.before for edit in detector.propose(text)] == []


def test_the_unit_after_a_number_is_left_alone(detector: DetectorPass) -> None:
    # (下午 read as 玉午: the misreading is 玉, not the 日 of the date before it)
    text = "2020年12月29日玉午，市人力资源和社会保障局党组书记为全体党员讲党课。"
    assert all(edit.before != "日" for edit in detector.propose(text))


def test_names_in_a_list_or_a_byline_are_left_alone(detector: DetectorPass) -> None:
    # (沈国舫 reads as a misreading of 沈国防, 郝云甫 of 郝云南: a name is no word)
    assert detector.propose("委员有：郑涛（女）、沈国舫、沈桂芳（女）、曾文仲、谢文霖等。") == []
    assert detector.propose("新华社哈瓦那１月１２日电（记者郝云甫）古巴第五届全国人大代表选举") == []


def test_one_place_names_last_character_for_another_before_its_suffix_is_only_a_guess(
    detector: DetectorPass,
) -> None:
    # (梧川市, a name the lexicon lacks, reads as a misreading of 梧州市; 川 and 州 both end many names)
    edits = detector.propose("梧川市城市生活垃圾分类管理实施细则")
    assert [(edit.before, edit.after, edit.safety) for edit in edits] == [("川", "州", Safety.REVIEW)]
    assert "place's name" in edits[0].reason


def test_a_place_names_own_character_that_the_document_repeats_before_its_suffix_is_only_a_guess(
    detector: DetectorPass,
) -> None:
    # (青禾县 misread once as 音禾县: 音乐 is a word, but the document names 禾县 twice elsewhere)
    text = "青禾县地处山区。郑小枚的变化，是音禾县农村电商发展的一个缩影。下一步，青禾县将建设农产品仓储中心。"
    assert all(edit.safety is Safety.REVIEW for edit in detector.propose(text) if edit.before == "禾")
    # (a suffix's usual word is no name: 城市 that OCR read as 域市 throughout is still corrected)
    text = "加强域市管理，提升域市品质，推进域市更新。"
    assert {(edit.before, edit.after, edit.safety) for edit in detector.propose(text)} == {("域", "城", Safety.AUTO)}


def test_a_county_or_city_the_correction_would_name_and_the_lexicon_has_not_got_is_only_a_guess(
    detector: DetectorPass,
) -> None:
    # (临渚县, named once on an attachment's page, read as 临港县 because 临港 is a word; no county is so named)
    edits = [edit for edit in detector.propose("附件：1.临渚县2027年元旦春节慰问对象汇总表") if edit.before == "渚"]
    assert edits and all(edit.safety is Safety.REVIEW for edit in edits)
    # (a correction that makes a word with the suffix is no guess: 城市 from 域市)
    edits = detector.propose("加强域市管理，提升域市品质，推进域市更新。")
    assert ("域", "城", Safety.AUTO) in {(edit.before, edit.after, edit.safety) for edit in edits}


def test_the_first_character_of_a_place_the_document_names_again_and_again_is_only_a_guess(
    detector: DetectorPass,
) -> None:
    # (赣阳市, its first character rare, read as 朝阳市 because 朝阳 is a word; the document names it thrice)
    text = ("赣阳市农业农村局关于2026年度赣阳市农业产业化市级重点龙头企业拟认定名单的公示。"
            "通讯地址：赣阳市崟峰路168号。")
    assert all(edit.safety is Safety.REVIEW for edit in detector.propose(text) if edit.before == "赣")
    # (nor when OCR read it once as the other name: 嵩原市 twice beside one 高原市)
    text = "（二）信函：寄至嵩原市迎宾大道36号嵩原市司法局。（三）登录高原市人民政府网站查询。"
    assert all(edit.safety is Safety.REVIEW for edit in detector.propose(text) if edit.before == "嵩")


@pytest.mark.parametrize("text", [
    "县级文物保护单位名单：7．马家坪戏台，清。8．仝氏祠堂，清，洺水县仝家圩村。",  # (金氏, 全家: a surname's)
    # (港口镇, 洛阳县: a name that follows another division's or opens a line, named once on the page)
    "授予沅安区渚口镇人民政府“先进集体”称号。\n渚阳县文化和旅游局\n2026年3月2日\n",
    # (面前村: a village's name after its township's, and named again; its second character no usual final)
    "被告人笪永福，住滹阳县沱口镇崮前村。二〇二三年三月，被告人擅自在崮前村集体所有的永久基本农田上硬化地面。",
    "群众反映的有关泷水镇埝头村集体土地征收补偿问题，泷水镇人民政府高度重视。埝头村村民委员会和泷水镇人民政府"
    "已于3月完成补偿。泷水镇人民政府将督促埝头村公开账目。",  # (人头村: 埝, rare, named thrice)
])
def test_a_surname_or_a_rare_character_a_name_repeats_is_not_corrected_unattended(
    detector: DetectorPass, text: str,
) -> None:
    assert [change for change in changes(detector.propose(text)) if change[2] == "auto"] == []


def test_the_last_hanzi_of_a_paragraph_cut_off_with_no_mark_is_never_corrected_unattended(
    detector: DetectorPass,
) -> None:
    # (遵守听证纪 of 纪律 at a page's end reads as a near-miss of the document's 听证会)
    text = "听证会由市发改委组织。听证会参加人应当按时出席听证会，遵守听证纪\n"
    edits = [edit for edit in detector.propose(text) if edit.before == "纪"]
    assert edits and all(edit.safety is Safety.REVIEW for edit in edits)
    assert "cut off" in edits[0].reason
    # (nor is a short one, a subtitle's or a heading's sentence: 严垂 → 严重 at once)
    assert [edit.safety for edit in detector.propose("他们说，这个问题很严垂\n")] == [Safety.AUTO]
    # (a paragraph that ends with its mark was not cut: the same near-miss is corrected)
    closed = text.replace("纪\n", "纪。\n")
    assert [edit.safety for edit in detector.propose(closed) if edit.before == "纪"] == [Safety.AUTO]


def test_the_word_between_the_two_yue_of_a_correlative_is_never_corrected_unattended(
    detector: DetectorPass,
) -> None:
    # (越…越… takes any verb or adjective: 越打越顺 is no misreading of the frequent 越来越, though the
    # lexicon reads it so; the price is that a real misreading there, 越未越好, waits for review too)
    for text, seen in (("下半时首钢队越打越顺，最后中锋连续得分。", "打"), ("我们的日子越未越好。", "未")):
        edits = [edit for edit in detector.propose(text) if edit.before == seen]
        assert [(edit.after, edit.safety) for edit in edits] == [("来", Safety.REVIEW)]
        assert "越…越" in edits[0].reason
    # (outside the construction a misreading as 来 is corrected at once)
    assert changes(detector.propose("我们要把握现在，开创美好未末。")) == [("末", "来", "auto")]


RULE_OF_LAW = ("本市深入推进依法治国实践，各部门坚持依法治国基本方略，把依法治国贯穿工作全过程。"
               + "全市经济运行总体平稳，居民收入稳步增长，社会事业全面发展，生态环境持续改善。" * 26
               + "税务局稽查分局依法治税，依靠广大群众堵塞漏洞。")


def test_a_near_miss_nothing_explains_in_a_long_text_with_no_other_misreading_is_only_proposed(
    detector: DetectorPass,
) -> None:
    # (依法治税 beside 3 x 依法治国: a clean text's own word; People's Daily had 23 such)
    edits = [edit for edit in detector.propose(RULE_OF_LAW) if edit.before == "税"]
    assert [(edit.after, edit.safety) for edit in edits] == [("国", Safety.REVIEW)]
    assert "shows no other" in edits[0].reason
    # (where OCR misread something else, the same near-miss is corrected at once)
    misread = RULE_OF_LAW + "这是全市人民的殿切期望。"
    assert [(edit.after, edit.safety) for edit in detector.propose(misread) if edit.before == "税"] == [
        ("国", Safety.AUTO)]


STATIONED = ("驻港部队进驻香港以来，驻港部队严格遵守基本法。驻港部队官兵纪律严明。"
             "驻港部队开放军营，市民参观驻港部队。") * 2


def test_a_near_miss_nothing_explains_is_corrected_when_the_document_has_it_once(detector: DetectorPass) -> None:
    edits = detector.propose(STATIONED + "新兵入伍期间，驻疆部队都要进行教育。")
    assert changes(edits) == [("疆", "港", "auto")]


def test_a_near_miss_nothing_explains_that_the_document_repeats_is_only_proposed(detector: DetectorPass) -> None:
    # (驻疆部队 twice beside ten 驻港部队: 疆 is no glyph neighbour of 港 nor a learned misreading, and
    # a string a document repeats is as likely a term of its own)
    edits = detector.propose(STATIONED + "新兵入伍期间，驻疆部队都要进行教育。目前，驻疆部队官兵和各界联欢。")
    assert changes(edits) == [("疆", "港", "review")] * 2
    assert "perhaps a term of its own" in edits[0].reason


def test_a_near_miss_swapping_a_words_last_character_for_another_is_only_proposed(detector: DetectorPass) -> None:
    # (采石业 beside six 采石场: 业 and 场 both end words after 采石, and nothing explains a misreading)
    text = "采石场关停后，采石场复绿。采石场工人转岗，采石场变公园。采石场的故事。采石场旧址。过去采石业是支柱产业。"
    edits = detector.propose(text)
    assert changes(edits) == [("业", "场", "review")]
    assert "perhaps another word" in edits[0].reason


def test_a_near_miss_swapping_a_bureaus_last_character_is_only_proposed(detector: DetectorPass) -> None:
    # (农村局作 of 县农业农村局作…报告 beside five 农村工作: 局 ends the bureau's name, and nothing explains a
    # misreading of 工 as 局)
    text = ("做好农村工作。抓好农村工作。农村工作会议召开。加强农村工作。农村工作要落实。"
            "会议议程：县农业农村局作全县乡村振兴工作报告。")
    edits = detector.propose(text)
    assert changes(edits) == [("局", "工", "review")]
    assert "perhaps another word" in edits[0].reason


APPOINTMENTS = ("李明，男，1975年生，现任{place}县副县长，拟任职务：{place}县委常委。"
                "王芳，女，1980年生，现任{place}县教育局局长，拟任职务：{place}县副县长。"
                "赵强，男，1978年生，现任{place}县财政局局长，拟任职务：{place}县政协副主席。"
                "刘伟，男，1979年生，现任{place}县交通局局长，{last}")


def test_a_rare_character_the_document_uses_often_is_not_taken_for_a_misreading(detector: DetectorPass) -> None:
    # (拟任崟阳县 beside three 拟任职务: 崟, a rare character, names the county throughout)
    edits = detector.propose(APPOINTMENTS.format(place="崟阳", last="拟任崟阳县委副书记。"))
    assert changes(edits) == [("崟", "职", "review")]
    assert "perhaps a name's own" in edits[0].reason


def test_a_rare_character_that_starts_a_places_name_is_not_taken_for_a_misreading(detector: DetectorPass) -> None:
    # (崟 once, but before 川县: a usual last character of names and a suffix)
    edits = detector.propose(APPOINTMENTS.format(place="东阳", last="拟任崟川县委副书记。"))
    assert changes(edits) == [("崟", "职", "review")]


PARKS = ("{name}公园管理办法\n第一条　为加强{city}城市公园管理，制定本办法。\n"
         "第二条　本办法适用于{city}城市公园的规划、建设和管理。城市公园是公益性城市基础设施。\n"
         "第三条　城市公园管理遵循政府主导、统筹规划的原则。城市公园应当免费开放。\n")


def test_the_last_character_of_a_place_the_text_names_again_is_not_taken_for_a_misreading(
    detector: DetectorPass,
) -> None:
    # (青岚市公园 beside five 城市公园: the text names 青岚市 again, so 岚 ends the city's name)
    edits = detector.propose(PARKS.format(name="青岚市", city="青岚市"))
    assert [change for change in changes(edits) if change[2] == "auto"] == []


def test_the_same_character_once_before_a_division_is_corrected(detector: DetectorPass) -> None:
    edits = detector.propose(PARKS.format(name="青坡市", city="本市"))
    assert ("坡", "城", "auto") in changes(edits)


def test_a_places_last_character_is_not_made_the_word_that_scopes_a_division(detector: DetectorPass) -> None:
    # (青岚市消防安全委员会 signs a notice that says 全市消防… three times: 青全市 is no phrase)
    text = ("为切实做好全市消防安全工作，市消防安全委员会决定开展全市消防安全专项检查。"
            "各单位要配合做好全市消防安全检查。\n青岚市消防安全委员会\n2026年3月20日\n")
    assert [change for change in changes(detector.propose(text)) if change[2] == "auto"] == []


def test_the_same_rare_character_once_is_corrected(detector: DetectorPass) -> None:
    edits = detector.propose(APPOINTMENTS.format(place="东阳", last="拟任崟务：东阳县委副书记。"))
    assert changes(edits) == [("崟", "职", "auto")]


def test_strong_evidence_is_automatic(detector: DetectorPass) -> None:
    proposal = Proposal(0, 1, "动", "记", 6.0, "vocabulary", "")
    assert confidence(proposal) >= AUTO_CONFIDENCE["vocabulary"]


def test_weak_evidence_is_below_the_automatic_threshold(detector: DetectorPass) -> None:
    proposal = Proposal(0, 1, "动", "记", 0.5, "glyph", "")
    assert confidence(proposal) < AUTO_CONFIDENCE["glyph"]


def test_a_restored_character_needs_more_evidence_than_a_substitution(detector: DetectorPass) -> None:
    substitution = Proposal(0, 1, "动", "记", 3.0, "vocabulary", "")
    restored = Proposal(0, 0, "", "记", 3.0, "dropped", "")
    assert confidence(restored) < confidence(substitution)


@pytest.mark.parametrize("gold", sorted((SAMPLES / "gold").glob("*.gold.txt")), ids=lambda path: path.name[:3])
def test_correct_documents_get_no_automatic_edits(detector: DetectorPass, gold: Path) -> None:
    edits = detector.propose(gold.read_text("utf-8"))
    assert [edit for edit in edits if edit.safety is Safety.AUTO] == []


@pytest.mark.parametrize("seed", sorted((SAMPLES / "seeds").glob("*.txt")), ids=lambda path: path.name[:3])
def test_edits_are_sorted_disjoint_and_match_the_text(detector: DetectorPass, seed: Path) -> None:
    text = seed.read_text("utf-8")
    edits = detector.propose(text)
    in_order = all(first.end <= second.start for first, second in pairwise(edits))
    assert (in_order, all(text[edit.start:edit.end] == edit.before for edit in edits)) == (True, True)


def test_detector_runs_last_in_the_default_pipeline() -> None:
    assert (PASS_ORDER[-1], Config().passes[-1]) == ("detector", "detector")


def test_pipeline_applies_an_automatic_detector_correction() -> None:
    result = Pipeline(Config()).run("切实加强组织颌导。")
    assert (result.text, [edit.pass_name for edit in result.applied]) == ("切实加强组织领导。", ["detector"])


def test_pipeline_leaves_a_review_correction_pending() -> None:
    result = Pipeline(Config()).run("小明的成绩提高了很多，老师很满竟。")
    assert (result.text, [(edit.pass_name, edit.after) for edit in result.pending]) == (
        "小明的成绩提高了很多，老师很满竟。", [("detector", "意")])


def test_the_pass_reports_the_hashes_of_its_tables(detector: DetectorPass) -> None:
    assert sorted(detector.sources) == [
        "builtin:char_ngrams.txt", "builtin:glyph_neighbours.tsv", "builtin:learned_confusions.tsv",
        "builtin:lexicon.tsv"]


CASCADE = "要办好职业教育。发展职业教育。落实职业教青大会精神，纳入各地职业敦育总体规划。"


def test_a_correction_that_makes_a_term_frequent_settles_in_the_same_run(detector: DetectorPass) -> None:
    assert changes(detector.propose(CASCADE)) == [("青", "育", "auto"), ("敦", "教", "auto")]


def test_output_of_the_automatic_corrections_gets_no_new_ones(detector: DetectorPass) -> None:
    edits = detector.propose(CASCADE)
    output = apply(CASCADE, tuple(edit for edit in edits if edit.safety is Safety.AUTO))
    assert detector.propose(output) == []


def test_a_restored_character_is_never_automatic(detector: DetectorPass) -> None:
    text = "人力资源服务。" * 6 + "发展人力资服务产业。"
    assert [(edit.after, edit.safety.value) for edit in detector.propose(text)] == [("源", "review")]


def test_preloading_builds_the_lexicon_table_before_workers_fork() -> None:
    detector = build(Config())
    detector.preload()
    assert isinstance(detector.model.lexicon.centizipf_by_word, dict)


def test_preloading_builds_the_context_model_and_reads_the_learned_table_before_workers_fork() -> None:
    detector = build(Config())
    detector.preload()
    assert isinstance(detector.model.context.probability, dict) and detector.model.learned.parsed


def test_preloading_builds_the_known_bigrams_numbers_before_workers_fork() -> None:
    detector = build(Config())
    detector.preload()
    assert _bigram_numbers(detector.model.tables.known).built is not None


def test_a_near_miss_of_the_documents_own_term_is_automatic_at_a_confidence_a_glyph_guess_is_not() -> None:
    # (the document's repeated term is evidence a lone glyph neighbour is not: both at about 0.935)
    near_miss = Proposal(0, 1, "管", "营", 1.35, "vocabulary", "")
    glyph_guess = Proposal(0, 1, "管", "营", 0.62, "glyph", "", language_gain=3.0)
    assert [round(confidence(proposal), 2) for proposal in (near_miss, glyph_guess)] == [0.94, 0.94]
    assert (_edit(near_miss).safety, _edit(glyph_guess).safety) == (Safety.AUTO, Safety.REVIEW)
