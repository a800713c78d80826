from __future__ import annotations

import pytest

from cleaner import Config, clean
from cleaner.edit import Safety, apply, check_disjoint
from cleaner.passes.punctuation import LATER_ITEM_RULE, QUOTED_TERM_RULE, SECOND_COLON_RULE, build

PUNCTUATION = Config(passes=("punctuation",))


def test_a_half_width_comma_in_chinese_becomes_full_width() -> None:
    assert clean("习近平总书记向大赛致贺信,对技能人才工作作出重要指示", PUNCTUATION).text == (
        "习近平总书记向大赛致贺信，对技能人才工作作出重要指示"
    )


def test_spaces_around_a_converted_mark_go_with_it() -> None:
    assert clean("2020年12月10日 , 中华人民共和国", PUNCTUATION).text == "2020年12月10日，中华人民共和国"


def test_question_and_exclamation_marks_become_full_width() -> None:
    assert clean("怎么办?加油!", PUNCTUATION).text == "怎么办？加油！"


def test_half_width_brackets_around_chinese_become_full_width() -> None:
    assert clean("人社部门党委(党组)理论学习中心组", PUNCTUATION).text == "人社部门党委（党组）理论学习中心组"


def test_a_list_marker_in_half_width_brackets_becomes_full_width() -> None:
    assert clean("(一)加强组织领导。", PUNCTUATION).text == "（一）加强组织领导。"


def test_neighbouring_bracket_pairs_convert_together() -> None:
    assert clean("总书记(1)(2)", PUNCTUATION).text == "总书记（1）（2）"


def test_a_full_width_bracket_closed_by_a_half_width_one_is_completed() -> None:
    assert clean("（人社部明电〔2020〕9号)要求", PUNCTUATION).text == "（人社部明电〔2020〕9号）要求"


@pytest.mark.parametrize(("text", "cleaned"), [
    ("居民人均可支配收入增长5.3%.\n居民消费价格上涨。", "居民人均可支配收入增长5.3%。\n居民消费价格上涨。"),
    ("发现并转诊重症患者330余人 -  \n医疗队员们在休息。", "发现并转诊重症患者330余人。\n医疗队员们在休息。"),
])
def test_a_point_or_hyphen_ending_a_line_of_text_is_a_full_stop_at_once(text: str, cleaned: str) -> None:
    assert clean(text, PUNCTUATION).text == cleaned


@pytest.mark.parametrize("text", [
    "人身险保费收入15.26亿.\n元，增长8.1%。",  # a figure's unit on the next line: the line runs on
    "现将有关情况通报如下-\n检查发现问题12个。",  # it introduces what follows: a colon
    "柏溪县人民政府办公室-\n2024年3月1日",  # an issuer's name above the date
    "（一）加强组织领导.\n各地要高度重视。",  # a heading of its own line
])
def test_a_line_end_point_that_may_not_end_a_paragraph_is_not_made_a_full_stop_at_once(text: str) -> None:
    assert "full-stop.line-end" not in {edit.rule_id for edit in clean(text, PUNCTUATION).edits}


def test_an_exclamation_mark_after_a_figure_goes_to_review_as_a_comma() -> None:
    # (no exclamation follows a figure in official prose: OCR misread ，；。)
    result = clean("全年生猪存栏13.82万头，下降4.3% ! 全年生猪出栏22.1万头。", PUNCTUATION)
    [mark] = [edit for edit in result.edits if edit.before == "!"]
    assert (mark.after, mark.safety, mark.alternatives) == ("，", Safety.REVIEW, ("；", "。", "！"))


def test_a_straight_quote_far_from_its_opening_quote_goes_to_review() -> None:
    # (inside a long quotation it is as often a comma or full stop OCR misread)
    result = clean("他说：“今年以来，我们的订单翻了一番\"但用工还是紧张。", PUNCTUATION)
    assert [(edit.after, edit.safety) for edit in result.edits if edit.rule_id == "quote.paired"] == [
        ("”", Safety.REVIEW)]


@pytest.mark.parametrize(
    "text", ["联系电话;0539-8123456", "传真 ; 0539-8123457", "联系电话；0539-8123456", "附件;1.评分标准"]
)
def test_a_semicolon_between_a_contact_label_and_its_number_is_its_colon(text: str) -> None:
    result = clean(text, PUNCTUATION)
    assert result.text == text.replace(" ", "").replace(";", "：").replace("；", "：")
    assert {edit.safety for edit in result.edits} == {Safety.AUTO}


@pytest.mark.parametrize("text", ["拨打电话；", "电话；请于", "联系电话：0539-8123456", "详见附件；二是",
                                  "各单位要明确1名联系人；负责信息报送，每周一报送"])  # (no field: a clause)
def test_a_semicolon_after_a_contact_label_before_no_number_stays(text: str) -> None:
    assert "full-width.contact-label-colon" not in {edit.rule_id for edit in clean(text, PUNCTUATION).edits}


@pytest.mark.parametrize("text", [
    "各类别抽检结果如下;\n", "户名;长沙市建筑工程有限公司", "统一社会信用代码;91430521MA4R7D2K5X",
    "邮政编码;413002", "联系人;刘先生，电话0731-84561234", "（三）联系人;教务处学籍科　邝老师",
])
def test_a_semicolon_after_如下_or_between_a_fields_label_and_its_value_is_its_colon(text: str) -> None:
    assert clean(text, PUNCTUATION).text.replace("：", ";") == text.replace("；", ";")
    assert "：" in clean(text, PUNCTUATION).text


def test_two_straight_quotes_far_apart_go_to_review() -> None:
    # (Tesseract reads a Kai face's ，。 as " : a long span between two is seldom one quotation)
    text = '通过部门共享获取的信息"不再要求家长提交纸质材料；对材料不全的，应当一次性告知需要补充的内容"\n'
    result = clean(text, PUNCTUATION)
    assert {(edit.rule_id, edit.safety) for edit in result.edits if edit.before == '"'} == {
        ("quote.paired", Safety.REVIEW)}
    assert result.text.count('"') == 2  # (nothing applied to them unattended)


def test_a_half_width_bracket_closed_by_a_full_width_one_is_completed() -> None:
    assert clean("(此件主动公开）", PUNCTUATION).text == "（此件主动公开）"


def test_a_quotation_closed_by_a_straight_quote_is_completed() -> None:
    assert clean('增强“四个意识"、坚定', PUNCTUATION).text == "增强“四个意识”、坚定"


def test_straight_quotes_around_chinese_become_chinese_quotes() -> None:
    assert clean('推进"人人持证、技能社会"建设', PUNCTUATION).text == "推进“人人持证、技能社会”建设"


@pytest.mark.parametrize("text", ['粮食总产量142.8万吨"增长1.9%，其中"夏粮', '服务价格上涨1.18%"工业生产者"出厂价格',
                                  '起始价为768万元 "竞买保证金"为154万元'])
def test_straight_quotes_where_ocr_reads_a_mark_after_a_figure_or_a_space_are_paired_for_review(text: str) -> None:
    result = clean(text, PUNCTUATION)
    assert result.applied == ()
    assert {(edit.rule_id, edit.safety) for edit in result.pending} == {("quote.paired", Safety.REVIEW)}


def test_the_year_of_a_document_number_is_set_in_hexagonal_brackets() -> None:
    assert clean("鄂办发[2017]144号", PUNCTUATION).text == "鄂办发〔2017〕144号"


def test_spaces_around_the_year_of_a_document_number_go_with_the_brackets() -> None:
    assert clean("鄂办发 [2017] 144号", PUNCTUATION).text == "鄂办发〔2017〕144号"


def test_a_space_after_a_year_already_in_hexagonal_brackets_goes() -> None:
    assert clean("鄂办发〔2017〕 144号", PUNCTUATION).text == "鄂办发〔2017〕144号"


def test_the_year_of_a_serial_issue_is_set_in_hexagonal_brackets_even_at_a_line_start() -> None:
    assert clean("会议纪要\n[2025] 第9期\n", PUNCTUATION).text == "会议纪要\n〔2025〕第9期\n"


def test_a_bracketed_year_after_a_number_is_not_a_document_number() -> None:
    assert clean("共3 [2017] 144号", PUNCTUATION).edits == ()


def test_a_document_number_inside_brackets_is_fixed_throughout() -> None:
    assert clean("（鄂办发[2017]144号)、(鄂办发[2018]43号)", PUNCTUATION).text == (
        "（鄂办发〔2017〕144号）、（鄂办发〔2018〕43号）"
    )


def test_numbers_decimals_and_times_are_left_alone() -> None:
    text = "共1,000人，增长3.5%，会议10:30开始"
    assert clean(text, PUNCTUATION).edits == ()


def test_email_addresses_and_urls_are_left_alone() -> None:
    text = "邮箱：415426865@qq.com，网址：http://www.mohrss.gov.cn/a?b=1"
    assert clean(text, PUNCTUATION).edits == ()


def test_a_mark_inside_a_www_address_is_left_alone() -> None:
    assert clean("见www.example.cn/资料,下载", PUNCTUATION).edits == ()


def test_a_mark_inside_an_ftp_address_is_left_alone() -> None:
    assert clean("见ftp://example.cn/资料,下载", PUNCTUATION).edits == ()


def test_a_mark_beside_an_address_that_only_looks_like_a_url_is_converted() -> None:
    assert clean("见xttp://资料,下载", PUNCTUATION).text == "见xttp://资料，下载"


def test_a_phone_number_after_a_label_keeps_its_digits() -> None:
    assert clean("电话:027-51828284", PUNCTUATION).text == "电话：027-51828284"


def test_latin_text_is_left_alone() -> None:
    text = "Hello, world (again): yes; really? f(x)!"
    assert clean(text, PUNCTUATION).edits == ()


def test_a_colon_in_running_chinese_text_goes_to_review() -> None:
    result = clean("完善落实就业创业、人事人才、工资待遇:劳动保障等政策", PUNCTUATION)
    assert [(edit.before, edit.after, edit.safety) for edit in result.pending] == [(":", "：", Safety.REVIEW)]


@pytest.mark.parametrize("text", ["我县发展还存在一些困难和问题:一是财政收入增长乏力",
                                  "全县经济社会发展的主要预期目标是:地区生产总值增长6%左右",
                                  "现场管理规范有序，值得推广的做法主要有:推行网格化管理"])
def test_a_colon_before_a_first_item_or_after_an_introducing_verb_is_converted_at_once(text: str) -> None:
    assert clean(text, PUNCTUATION).text == text.replace(":", "：")


def test_a_half_width_comma_beside_a_full_width_one_is_dropped() -> None:
    assert clean("取得了相应职称,，职称和职业技能", PUNCTUATION).text == "取得了相应职称，职称和职业技能"


def test_a_stray_half_width_opening_bracket_between_hanzi_becomes_full_width_at_once() -> None:
    result = clean("各技工院校(职业培训机构", PUNCTUATION)
    assert (result.text, [edit.rule_id for edit in result.applied]) == (
        "各技工院校（职业培训机构", ["bracket.stray-opening"])


@pytest.mark.parametrize("text", ["按上年标准(300元执行", "保障措施\n(一入加强组织领导", "实施方案 (2026-2028年"])
def test_a_stray_half_width_bracket_elsewhere_in_chinese_text_becomes_full_width_at_once(text: str) -> None:
    result = clean(text, PUNCTUATION)
    assert [(edit.before, edit.after, edit.safety) for edit in result.applied if edit.before == "("] == [
        ("(", "（", Safety.AUTO)]


@pytest.mark.parametrize("text", ["峡水发 (2026]\n", "人社职司便函(2021 1号"])
def test_a_stray_bracket_before_a_document_numbers_year_goes_to_review(text: str) -> None:
    # (it is what is left of the year's 〔: （ would be as wrong as ( is)
    result = clean(text, PUNCTUATION)
    assert [(edit.before, edit.after, edit.safety) for edit in result.pending] == [("(", "（", Safety.REVIEW)]


def test_a_stray_bracket_beside_the_same_bracket_of_a_converted_pair_is_an_echo() -> None:
    once = clean("总书记(1))", PUNCTUATION)
    assert once.text == "总书记（1）"
    assert clean(once.text, PUNCTUATION).edits == ()


def test_a_bracket_beside_a_quote_this_run_makes_chinese_is_in_chinese_context() -> None:
    once = clean('“总书记"(1)', PUNCTUATION).text
    assert once == "“总书记”（1）"
    assert clean(once, PUNCTUATION).edits == ()


def test_stray_brackets_after_their_full_width_form_are_all_echoes() -> None:
    assert clean("摘自（人民日报）))", PUNCTUATION).text == "摘自（人民日报）"


def test_stray_brackets_after_a_converted_pair_are_all_echoes() -> None:
    assert clean("总书记(1)))", PUNCTUATION).text == "总书记（1）"


@pytest.mark.parametrize(("ocr", "cleaned"), [("公平合理)!", "公平合理）！"), ("公平合理) !", "公平合理）！")])
def test_a_mark_after_a_stray_closing_bracket_that_converts_converts_with_it(ocr: str, cleaned: str) -> None:
    """(A second run sees the mark beside ）, so this run must convert it already.)"""
    once = clean(ocr, PUNCTUATION).text
    assert (once, clean(once, PUNCTUATION).edits) == (cleaned, ())


def test_a_mark_before_a_title_mark_pair_that_becomes_round_is_in_chinese_context() -> None:
    once = clean("0,(《一)", PUNCTUATION).text
    assert (once, clean(once, PUNCTUATION).edits) == ("0，（一）", ())


def test_a_mark_after_a_stray_bracket_echo_is_in_chinese_context() -> None:
    assert clean("摘自（人民日报）)!", PUNCTUATION).text == "摘自（人民日报）！"


def test_two_commas_a_space_apart_ending_a_paragraph_become_one() -> None:
    once = clean("总书记, ,", PUNCTUATION).text
    assert (once, clean(once, PUNCTUATION).edits) == ("总书记，", ())


def test_a_label_colon_is_told_by_the_characters_before_it_not_the_marks_or_spaces() -> None:
    once = clean("总书记总书记的!\t:总书记", PUNCTUATION)
    assert once.text == "总书记总书记的！：总书记"
    assert clean(once.text, PUNCTUATION).edits == ()


def test_a_mark_that_starts_a_line_goes_to_review() -> None:
    result = clean("各地要认真组织学习。\n:贯彻落实会议精神。", PUNCTUATION)
    assert [(edit.before, edit.after, edit.rule_id, edit.safety) for edit in result.edits] == [
        (":", "：", "full-width.line-start", Safety.REVIEW),
    ]


def test_a_comma_that_ends_a_paragraph_goes_to_review_with_a_full_stop_as_alternative() -> None:
    result = clean("各地要认真组织学习,\n贯彻落实会议精神。", PUNCTUATION)
    assert [(edit.after, edit.alternatives, edit.safety) for edit in result.edits] == [
        ("，", ("。",), Safety.REVIEW),
    ]


def test_a_doubled_mark_at_a_line_start_is_read_once() -> None:
    assert clean("!!总书记", PUNCTUATION).text == "！总书记"


def test_two_commas_ending_a_paragraph_become_one_and_cleaning_again_changes_nothing() -> None:
    once = clean("中文,,", PUNCTUATION).text
    assert (once, clean(once, PUNCTUATION).edits) == ("中文，", ())


def test_a_run_of_half_width_marks_beside_its_full_width_form_is_all_echo() -> None:
    assert clean("中;;；", PUNCTUATION).text == "中；"


def test_a_doubled_sentence_mark_is_one_mark_read_twice() -> None:
    assert clean("怎么办??", PUNCTUATION).text == "怎么办？"


def test_an_unpaired_bracket_beside_its_full_width_form_is_an_echo() -> None:
    assert clean("（((）", PUNCTUATION).text == "（）"


def test_a_title_mark_closed_by_a_round_bracket_is_a_round_bracket_pair() -> None:
    assert [clean(text, PUNCTUATION).text for text in ("《一) 加强组织领导", "保障厅《局）：", "〈三)完善政策")] == [
        "（一） 加强组织领导", "保障厅（局）：", "（三）完善政策"
    ]


def test_titles_and_brackets_inside_titles_stay_titles() -> None:
    assert [clean(text, PUNCTUATION).text for text in ("学习《决定（草案）》精神", "《关于印发〈方案〉的通知》")] == [
        "学习《决定（草案）》精神", "《关于印发〈方案〉的通知》"
    ]


def test_a_mark_after_a_title_mark_closed_round_is_in_chinese_context_at_once() -> None:
    once = clean("保障厅《局) :\n今年4月", PUNCTUATION).text
    assert (once, clean(once, PUNCTUATION).text) == ("保障厅（局）：\n今年4月", "保障厅（局）：\n今年4月")


def test_half_width_brackets_echoing_a_title_mark_closed_round_go_with_it() -> None:
    assert [clean(text, PUNCTUATION).text for text in ("(《一)加强", "《一))加强")] == ["（一）加强", "（一）加强"]


def test_a_half_width_full_stop_ending_a_chinese_sentence_is_proposed_as_a_full_stop_for_review() -> None:
    result = clean("占比达到35%.该负责人强调", PUNCTUATION)
    assert [(edit.before, edit.after, edit.safety, edit.alternatives) for edit in result.pending] == [
        (".", "。", Safety.REVIEW, ("、", "，"))
    ]


def test_a_point_in_numbers_urls_and_heading_numerals_is_no_full_stop() -> None:
    texts = ("增长3.5个百分点", "网址www.gov.cn", "一.总体要求", "1.职业技能培训")
    assert [clean(text, PUNCTUATION).pending for text in texts] == [(), (), (), ()]


def test_a_list_number_whose_closing_bracket_ocr_read_as_a_title_mark_becomes_a_round_pair() -> None:
    assert [clean(text, PUNCTUATION).text for text in ("(三》对标世赛", "（2〉加强", "见《三》")] == [
        "（三）对标世赛", "（2）加强", "见《三》"
    ]


def test_a_colon_ending_a_long_paragraph_goes_to_review_but_one_ending_an_introducer_does_not() -> None:
    long_paragraph = (
        "各级人力资源社会保障部门要认真组织发动，在全社会大力弘扬劳模精神、劳动精神、工匠精神，"
        "营造人人皆可成才、人人尽展其才的良好环境:\n下一段"
    )
    introducer = (
        "为深入贯彻落实有关精神，结合我省实际，经研究，现就进一步做好职业技能提升有关工作通知如下:\n一、总体要求"
    )
    assert [clean(text, PUNCTUATION).pending != () for text in (long_paragraph, introducer, "各市人社局:\n正文")] == [
        True, False, False
    ]


def test_spaces_around_a_mark_left_for_review_go_at_once() -> None:
    result = clean("完善落实就业创业、人事人才、工资待遇 : 劳动保障等政策", PUNCTUATION)
    assert (result.text, [edit.before for edit in result.pending]) == (
        "完善落实就业创业、人事人才、工资待遇:劳动保障等政策", [":"]
    )


def test_a_title_whose_closing_mark_ocr_read_as_a_round_bracket_is_completed_as_a_title() -> None:
    assert [clean(text, PUNCTUATION).text for text in ("以《云川统计年鉴）为准", "依据《劳动法)规定", "《一)加强")] == [
        "以《云川统计年鉴》为准", "依据《劳动法》规定", "（一）加强"
    ]
    # (a covenant, a list of powers, a code of practice are titles too)
    assert clean("制定了《崟峰村灌溉设施管护公约），由村民轮流担任", PUNCTUATION).text == (
        "制定了《崟峰村灌溉设施管护公约》，由村民轮流担任")
    assert clean("对照《权责清单）逐项落实", PUNCTUATION).text == "对照《权责清单》逐项落实"
    assert clean("请问，《若干措施）在资金上", PUNCTUATION).text == "请问，《若干措施》在资金上"
    # (a title whose closing mark OCR read twice, )》, is no round bracket)
    assert clean("主要内容《办法)》共六章", PUNCTUATION).text == "主要内容《办法》共六章"
    assert clean("《实施细则（试行)》", PUNCTUATION).text == "《实施细则（试行）》"


@pytest.mark.parametrize(("ocr", "cleaned"), [
    ("地区生产总值《GDP) 3486.72亿元", "地区生产总值（GDP） 3486.72亿元"),
    ("35周岁以下《1988年6月1日以后出生）", "35周岁以下（1988年6月1日以后出生）"),
    ("本报讯《记者吴晓岗，通讯员齐明）近日", "本报讯（记者吴晓岗，通讯员齐明）近日"),
    ("印发《2024年统计公报)的通知", "印发《2024年统计公报》的通知"),  # a title: its close was misread
    ("本报讯《记者王明）近日", "本报讯（记者王明）近日"),  # a few hanzi: one pair, made once
    ("陈国栋〈云岭县水利局工程师）、周慧敏〈女，岗西县桃溪镇党委委员、副镇长）",
     "陈国栋（云岭县水利局工程师）、周慧敏（女，岗西县桃溪镇党委委员、副镇长）"),  # posts in a list of names
    ("落实情况《含整改前后对比照片）书面报送", "落实情况（含整改前后对比照片）书面报送"),
    ("根据《蓝岭市防汛抗旱工作奖励办法）有关规定", "根据《蓝岭市防汛抗旱工作奖励办法》有关规定"),  # a long title
    ("印发《技能人才薪酬分配指引）等", "印发《技能人才薪酬分配指引》等"),
    ("您提出的《关于加强县城停车设施建设的提案）收悉", "您提出的《关于加强县城停车设施建设的提案》收悉"),
    ("您提出的《关于加快发展县域经济的建议）收悉", "您提出的《关于加快发展县域经济的建议》收悉"),
])
def test_a_title_mark_around_what_no_title_is_was_a_round_bracket(ocr: str, cleaned: str) -> None:
    assert clean(ocr, PUNCTUATION).text == cleaned


@pytest.mark.parametrize("ocr", [
    "制定《潭川县制造业高质量发展三年行动方案2025—2027年）风，",  # the title's years, its （ lost
    "列入《宁川县城镇老旧小区改造三年行动计划2024—2026年) 》，",  # closed by 》 after the bracket
    "列入《城镇老旧小区改造三年行动计划【2024—2026年）》",  # a bracket inside
])
def test_a_round_bracket_closing_one_inside_a_title_leaves_the_title_mark(ocr: str) -> None:
    assert "bracket.title-mark-for-round" not in {edit.rule_id for edit in clean(ocr, PUNCTUATION).edits}


def test_semicolons_between_the_items_of_a_list_become_full_width_at_once() -> None:
    several = "培训不少于8万人次;新增高技能人才1万人;新增就业2万人。"
    numbered = "拥护中国共产党的领导;（二）具有良好的品行"
    assert [clean(text, PUNCTUATION).text for text in (several, numbered)] == [
        "培训不少于8万人次；新增高技能人才1万人；新增就业2万人。", "拥护中国共产党的领导；（二）具有良好的品行",
    ]


def test_a_semicolon_ending_a_later_item_of_a_list_set_a_line_each_becomes_full_width_at_once() -> None:
    text = "县级物流配送中心建设；\n乡镇商贸中心新建和改造提升;\n村级便民商店连锁化改造;\n"
    assert clean(text, PUNCTUATION).text == text.replace(";", "；")


def test_the_first_line_of_such_a_list_may_be_its_introduction_and_goes_to_review() -> None:
    result = clean("重点支持以下项目;\n县级物流配送中心建设；\n", PUNCTUATION)
    assert (result.text.startswith("重点支持以下项目;"), [edit.safety for edit in result.pending]) == (
        True, [Safety.REVIEW])


def test_a_semicolon_between_two_clauses_is_converted_at_once() -> None:
    # (on the OCR sets, 9 of 10 such were ；; the tenth a misread ，：。, which ； leaves no worse)
    assert clean("市场主体活力持续增强;营商环境不断优化", PUNCTUATION).text == "市场主体活力持续增强；营商环境不断优化"


def test_a_semicolon_that_may_stand_for_a_colon_or_beside_no_clause_goes_to_review() -> None:
    for text, proposed, other in (
        ("现就有关工作要求;一、深刻认识;二、抓好落实", "：", "；"),  # (after a word that introduces a list)
        ("省人力资源和社会保障局;根据文件精神", "：", "；"),  # (after an addressee)
        ("发现问题一处。整改期限;立即整改", "；", "："),  # (after a label that opens its sentence)
        ("全年共受理信息公开申请数量;?件", "；", "："),  # (before no clause)
        ("这是全县人民团结奋斗的结果。;在此，我代表县人民政府", "；", "："),  # (after a sentence's end)
        ("统筹安排全市制造业高质;量发展专项资金", "；", "："),  # (inside a word: a speck)
    ):
        result = clean(text, PUNCTUATION)
        assert ";" in result.text
        assert (";", proposed, (other,), Safety.REVIEW) in [
            (edit.before, edit.after, edit.alternatives, edit.safety) for edit in result.pending
        ]


def test_a_semicolon_before_a_list_number_ocr_bracketed_oddly_converts_in_the_first_run() -> None:
    once = clean("总书记;《一)加强领导", PUNCTUATION).text
    assert (once, clean(once, PUNCTUATION).edits) == ("总书记；（一）加强领导", ())


def test_a_label_colon_before_spaces_and_digits_is_converted_at_once() -> None:
    assert clean("为做好工作，现将有关事项通知如下。联系电话 : 027-51828284", PUNCTUATION).text == (
        "为做好工作，现将有关事项通知如下。联系电话：027-51828284"
    )


def test_a_second_colon_in_a_sentence_after_a_clause_is_a_misread_semicolon() -> None:
    text = "会议要求：一是牵头完成辨识；二是严格执行审批制度，一律不得进入作业：三是配齐装备。"
    assert clean(text, PUNCTUATION).text == text.replace("作业：", "作业；")
    half_width = "会议要求:一是牵头完成辨识;二是严格执行审批制度,一律不得进入作业:三是配齐装备。"
    assert clean(half_width, PUNCTUATION).text == text.replace("作业：", "作业；")


@pytest.mark.parametrize(("ocr", "cleaned"), [
    ("农产品附加值不高：二是新型农业经营主体带动能力不足。", "农产品附加值不高；二是新型农业经营主体带动能力不足。"),
    ("与生活垃圾混放的：（二）未按规定登记的；", "与生活垃圾混放的；（二）未按规定登记的；"),
    ("附加值不高:二是新型主体", "附加值不高；二是新型主体"),
    ("率达到93.5%：（十二）完善机制", "率达到93.5%；（十二）完善机制"),
    ("观摩点建设情况介绍:\n\n《三) 云岭县", "观摩点建设情况介绍；\n\n（三） 云岭县"),  # the item on the next line
    ("培训情况：\n2.加强师资", "培训情况；\n2.加强师资"),
])
def test_a_colon_before_a_lists_later_item_is_a_misread_semicolon(ocr: str, cleaned: str) -> None:
    result = clean(ocr, PUNCTUATION)
    assert (result.text, LATER_ITEM_RULE in [edit.rule_id for edit in result.edits]) == (cleaned, True)


@pytest.mark.parametrize("text", ["主要问题：一是资金不足；二是人才缺乏。", "工作要求：（一）加强领导",
                                  "比例为1：2是合理的", "通知如下：\n（一）加强领导", "时间：2.5小时",
                                  "禁止生产经营下列食品、食品相关产品：（十）标注虚假生产日期的食品"])
def test_a_colon_before_a_lists_first_item_stays(text: str) -> None:
    """(Also across a line break: 通知如下：⏎（一）…; and a law quoted from one of its items on, after 下列)"""
    assert LATER_ITEM_RULE not in [edit.rule_id for edit in clean(text, PUNCTUATION).edits]


def test_a_semicolon_ending_a_list_item_before_the_next_item_on_its_line_converts_at_once() -> None:
    result = clean("填写部门负责同志各1名;\n（三）参会人员", PUNCTUATION)
    assert (result.text, [edit.safety for edit in result.edits]) == (
        "填写部门负责同志各1名；\n（三）参会人员", [Safety.AUTO])


@pytest.mark.parametrize(("ocr", "cleaned"), [
    ("同比增长1.3%;粮食总产量", "同比增长1.3%；粮食总产量"),
    ("总数达到45家 ; 新培育", "总数达到45家；新培育"),
    ("人员6万人以上;新增高技能人才", "人员6万人以上；新增高技能人才"),
])
def test_a_semicolon_after_a_figure_ends_one_of_a_list_of_figures(ocr: str, cleaned: str) -> None:
    result = clean(ocr, PUNCTUATION)
    assert (result.text, {edit.safety for edit in result.edits}) == (cleaned, {Safety.AUTO})


def test_a_lone_semicolon_after_other_text_goes_to_review() -> None:
    result = clean("调整了电梯井位置;并协商给予补偿", PUNCTUATION)
    assert [(edit.after, edit.safety) for edit in result.edits] == [("；", Safety.REVIEW)]


def test_a_standards_name_before_its_code_keeps_its_title_marks() -> None:
    text = "监测结果均低于《电磁环境控制限值）（GB8702-2014）规定的公众曝露控制限值。"
    assert clean(text, PUNCTUATION).text == "监测结果均低于《电磁环境控制限值》（GB8702-2014）规定的公众曝露控制限值。"


def test_a_term_the_document_quotes_gets_back_a_quote_ocr_lost_or_turned() -> None:
    text = "“技能夜校”开进村\n开展“技能夜校活动的一个场景。\n参加技能夜校”培训的学员。\n“技能夜校“则瞄准"
    assert clean(text, PUNCTUATION).text == (
        "“技能夜校”开进村\n开展“技能夜校”活动的一个场景。\n参加“技能夜校”培训的学员。\n“技能夜校”则瞄准")


@pytest.mark.parametrize("text", [
    "“光盘”行动。持续开展“光盘行动”，节约。",  # a longer quoted term that starts with a shorter one
    "“技能夜校”开进村。开展“技能夜校活动，参加技能夜校”培训。",  # one pair on the line, as far as it shows
    "“技能夜校”开进村。技能夜校在各村开办。",  # unquoted is no missing quote
    "“夜校”夜校”开办",  # the quote before closes the term's occurrence just before
    "“满意”2.91万条、基本满意”3214条",  # a word of two the document quotes once: the quote is another's
    "把“群众”放在心上。就把被困群众”接上了岸。",  # (a stray quote beside it)
])
def test_quotes_that_pair_up_stay(text: str) -> None:
    assert QUOTED_TERM_RULE not in [edit.rule_id for edit in clean(text, PUNCTUATION).edits]


@pytest.mark.parametrize("text", ["技夜动“夜能\"夜能”“ 技", ",“动动”动动”“", "“技能\n\"技能\"\n“，技能"])
def test_putting_quotes_back_is_stable(text: str) -> None:
    once = clean(text, PUNCTUATION).text
    assert clean(once, PUNCTUATION).text == once


def test_a_question_mark_converts_at_once_only_after_a_question_word() -> None:
    asked = clean("你们准备好了吗?我们出发。这是为什么?因为", PUNCTUATION)
    assert asked.text == "你们准备好了吗？我们出发。这是为什么？因为"
    misread = clean("培训不少于8万人次?新增取得", PUNCTUATION)
    assert (misread.text, [edit.safety for edit in misread.edits]) == ("培训不少于8万人次?新增取得", [Safety.REVIEW])


def test_a_second_colon_not_before_a_list_item_is_proposed_for_review() -> None:
    """(Clean news text has many: 记者…报道：…千里淮河传来喜讯：…)"""
    text = "其中企业职工岗位技能提升培训不少于8万人次；新增取得职业资格证书人员6万人以上：新增高技能人才1.8万人。"
    result = clean(text, PUNCTUATION)
    (edit,) = [edit for edit in result.edits if edit.rule_id == SECOND_COLON_RULE]
    assert (result.text, edit.after, edit.safety, edit.alternatives) == (text, "；", Safety.REVIEW, ("：",))


def test_labels_and_a_colon_after_a_number_keep_their_colon() -> None:
    for text in ("报名时间：2024年6月3日；报名地点：学院行政楼305室。", "联系人：孙明远，联系电话：0576-88123456。",
                 "在校学生2万人；中等职业学校3：所，在校学生"):
        assert SECOND_COLON_RULE not in [edit.rule_id for edit in clean(text, PUNCTUATION).edits]


def test_a_closing_mark_ocr_set_at_the_next_line_start_goes_back_to_the_line_it_closes() -> None:
    once = clean("保持高度一致\n.三、以习近平总书记重要指示精神为动力", PUNCTUATION).text
    assert (once, clean(once, PUNCTUATION).edits) == ("保持高度一致。\n三、以习近平总书记重要指示精神为动力", ())
    assert clean("良好氛围\n\n。各地学习", PUNCTUATION).text == "良好氛围。\n\n各地学习"
    assert clean("技能提升培训1\n.支持企业", PUNCTUATION).text == "技能提升培训1\n.支持企业"
    # (a heading takes no mark: the point is what is left of the next item's number, 1.)
    heading = "一、存在的问题和隐患\n.二号车间反应釜区域"
    assert clean(heading, PUNCTUATION).text == heading
    # (nor where the document numbers its items 1. 2. …: the point is an item's whose number OCR lost)
    items = "1.建立路况台账，实行一路一档管理\n.科学评定等级，委托第三方检测\n3.加快危旧桥梁改造\n"
    assert clean(items, PUNCTUATION).text == items


def test_a_colon_ending_an_entry_before_a_line_that_opens_alike_is_a_semicolon() -> None:
    for colon in ("：", ":"):
        text = f"任命黄海涛为县交通运输局副局长（试用期一年）{colon}\n任命许文静为县卫生健康局副局长；\n"
        assert clean(text, PUNCTUATION).text == text.replace(colon, "；")


@pytest.mark.parametrize("text", [
    "会议决定：\n会议要求各单位抓好落实。\n",  # (an introduction, not an entry)
    "经研究，县政府常务会议审议通过的有关事项如下：\n县政府要求各单位抓好落实。\n",
    "第十三条　考核内容包括车辆停放秩序和投诉处理情况等：\n第十四条　考核结果分为三个等次。\n",
])
def test_a_colon_before_a_line_that_opens_alike_stays_after_an_introduction_or_an_article(text: str) -> None:
    assert clean(text, PUNCTUATION).text == text


def test_a_stray_closing_bracket_after_chinese_text_becomes_full_width_at_once() -> None:
    assert clean("各乡镇街道)、各部门和重点企业", PUNCTUATION).text == "各乡镇街道）、各部门和重点企业"
    assert clean("各县《市、区)要参照建立", PUNCTUATION).text == "各县（市、区）要参照建立"


def test_a_colon_after_a_word_that_introduces_what_follows_converts_at_once() -> None:
    text = "安全生产委员会召开第二次会议，研究部署二季度重点工作，会议要求:一是牵头完成辨识"
    assert clean(text, PUNCTUATION).text == text.replace(":", "：")


def test_a_bracket_pair_made_round_changes_its_brackets_alone_and_leaves_a_quote_inside_to_its_rule() -> None:
    # (found by fuzzing: `《…）` made round once spanned a straight quote the pass pairs too, and the
    # two overlapping edits failed the text)
    text = '《5日前增长8.3%.3%日前142.8万吨"甘振兴、一）”'
    edits = build(Config()).propose(text)
    check_disjoint(edits)
    assert [(edit.before, edit.after, edit.rule_id) for edit in edits] == [
        ("《", "（", "bracket.title-mark-for-round"), ('"', "“", "quote.paired")]


def test_a_correction_proposed_inside_a_bracket_pair_made_round_stays_apart_from_it() -> None:
    # (one edit for the whole pair merged the detector's review proposal inside with it, and the
    # pair went to review too)
    result = clean("由城关镇人民政府《城北街道少事处)负责组织实施。")
    assert (result.text, [(edit.before, edit.after) for edit in result.pending]) == (
        "由城关镇人民政府（城北街道少事处）负责组织实施。", [("少", "从")])


@pytest.mark.parametrize("text", ['《5日前增长8.39%1.39%5日前142.8万吨"甘振兴、【一）”',
                                  '2.农村《18.6万件要坚持"【一）《GDP){三）统计公报会议纪要，”2.农村7月'])
def test_texts_where_a_later_look_made_such_a_pair_clean_whole(text: str) -> None:
    result = clean(text)
    assert apply(text, result.applied) == result.text
    apply(text, result.applied + result.pending)


@pytest.mark.parametrize("ocr", [
    "抽查工地31个，达标25个，达标率80.6%：苍垣县抽查工地26个。",
    # (a label's colon earlier in the sentence changes nothing)
    "水路：货运量0.73亿吨，同比增长5.7%：货物周转量12亿吨公里。",
])
def test_a_colon_after_a_figure_ending_a_clause_becomes_a_semicolon(ocr: str) -> None:
    result = clean(ocr, PUNCTUATION)
    assert result.text == ocr.replace("%：", "%；")
    assert [edit.rule_id for edit in result.applied] == ["colon.after-figure"]


def test_a_colon_after_a_figure_before_what_elaborates_it_is_proposed_as_a_comma() -> None:
    result = clean("全年发放补贴资金4120万元，比上年多300万元：惠及农户3.2万户。", PUNCTUATION)
    assert [(edit.before, edit.after, edit.safety, edit.alternatives) for edit in result.pending] == [
        ("：", "，", Safety.REVIEW, ("；", "。"))]


@pytest.mark.parametrize("text", [
    "广告上如此写道：“1998：向德国马克告别。",
    "全市共有企业300家，其中：规模以上企业50家。",
    "联系人：王明，联系电话：0539-6287452：手机：13800000000。",  # (a telephone number)
])
def test_a_colon_after_a_year_a_telephone_number_or_a_word_is_no_such_figure(text: str) -> None:
    assert clean(text, PUNCTUATION).edits == ()


@pytest.mark.parametrize("ocr", [
    "进出口总额增长6.9%，完成21.3亿元;\n实际利用外资1860万美元",  # at a line's end
    "城镇调查失业率控制在5.5%以内;脱贫人口人均纯收入增长",  # a bound after the figure
])
def test_a_semicolon_after_a_figure_ends_an_item_of_a_list_of_figures(ocr: str) -> None:
    assert clean(ocr, PUNCTUATION).text == ocr.replace(";", "；")


def test_a_closing_quote_that_opens_a_paragraph_closes_the_one_before_or_is_read_for_another_mark() -> None:
    # (it closes the quote the paragraph before left open)
    quoted = "他指出：“要坚持系统观念，为推进工作提供了实践方向。\n”赵永峰同志指出，进入新时代。\n"
    assert clean(quoted, PUNCTUATION).text == quoted.replace("。\n”", "。”\n")
    # (it opens a quote that closes later in its paragraph: OCR read “ as ”)
    speech = "大家用沙袋筑起了一道围井。\n”一袋沙子四十来斤，我们扛了一整夜。”老王说。\n"
    assert clean(speech, PUNCTUATION).text == speech.replace("\n”一袋", "\n“一袋")
    # (after a sentence's end it closes nothing: a speck)
    speck = "每组座谈时间约2.5小时。\n”各组要认真记录。\n"
    assert clean(speck, PUNCTUATION).text == speck.replace("”", "")
    # (but before a bracket or a heading's number and bracket it is OCR's reading of （)
    for bracket in ("资源社会保障部报告。\n”(全)落实技能人才激励政策\n", "以后出生)。\n”全)县备招聘岗位\n"):
        assert "”" in clean(bracket, PUNCTUATION).text
