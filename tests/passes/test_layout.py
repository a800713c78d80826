from __future__ import annotations

import pytest

from cleaner import Config, clean
from cleaner.edit import Safety
from cleaner.layout_decide import _decide_column
from cleaner.layout_lines import split_lines
from cleaner.passes.layout import build

LAYOUT = Config(passes=("layout",))

# A page of an official document: 28 characters a line, paragraphs indented by two.
PAGE = (
    "  各市县人力资源社会保障部门要切实担负起职责使命，深\n"
    "刻认识和把握加强技能人才队伍建设的目标任务、主攻方向、关\n"
    "键环节，借势借机借力，精心谋划落实，不断提高工作的针对性\n"
    "和实效性。\n"
    "  要健全职业技能竞赛制度，完善以世界技能大赛为引领、中\n"
    "华人民共和国职业技能大赛为龙头、全国行业职业技能竞赛和全\n"
    "省各级职业技能竞赛为主体的职业技能竞赛体系，广泛开展竞赛\n"
    "活动。\n"
)
PAGE_PARAGRAPHS = (
    "各市县人力资源社会保障部门要切实担负起职责使命，深刻认识和把握加强技能人才队伍建设的目标任务、"
    "主攻方向、关键环节，借势借机借力，精心谋划落实，不断提高工作的针对性和实效性。\n"
    "要健全职业技能竞赛制度，完善以世界技能大赛为引领、中华人民共和国职业技能大赛为龙头、"
    "全国行业职业技能竞赛和全省各级职业技能竞赛为主体的职业技能竞赛体系，广泛开展竞赛活动。\n"
)


def test_lines_running_to_the_column_width_join_and_short_sentence_ends_break() -> None:
    assert clean(PAGE, LAYOUT).text == PAGE_PARAGRAPHS


def test_blank_lines_between_wrapped_lines_are_dropped() -> None:
    assert clean(PAGE.replace("\n", "\n\n"), LAYOUT).text == PAGE_PARAGRAPHS


def test_paragraphs_can_be_separated_by_a_blank_line() -> None:
    blank_line = LAYOUT.with_(paragraph_separator="\n\n")
    assert clean(PAGE, blank_line).text == PAGE_PARAGRAPHS.replace("\n", "\n\n", 1)


def test_a_short_line_without_punctuation_keeps_its_break_and_the_join_goes_to_review() -> None:
    text = "二、认真落实技能人才队伍建设各项要求，推动技能人才发\n展再上新的台阶\n" + PAGE
    result = clean(text, LAYOUT)
    assert result.text == "二、认真落实技能人才队伍建设各项要求，推动技能人才发展再上新的台阶\n" + PAGE_PARAGRAPHS
    assert [(edit.before, edit.after, edit.safety) for edit in result.pending] == [("\n", "", Safety.REVIEW)]


def test_a_short_numbered_heading_in_a_column_ends_its_paragraph_without_review() -> None:
    result = clean("一、总体要求\n" + PAGE, LAYOUT)
    assert (result.text, result.pending) == ("一、总体要求\n" + PAGE_PARAGRAPHS, ())


def test_a_numbered_list_item_wrapping_short_of_the_width_leaves_the_join_for_review() -> None:
    result = clean(PAGE + "2.高职组：智能制造、大数据技术与应用等\n30个赛项。\n" + PAGE, LAYOUT)
    assert [(edit.rule_id, edit.before) for edit in result.pending] == [("join.short-line", "\n")]


def test_a_sentence_ending_at_full_width_before_an_indented_line_ends_the_paragraph() -> None:
    text = (
        "各市县人力资源社会保障部门要切实担负起职责使命，深刻认\n"
        "识和把握加强技能人才队伍建设的目标任务、主攻方向、关键\n"
        "环节，借势借机借力，精心谋划落实，不断提高工作的针对性。\n"
        "要健全职业技能竞赛制度，完善以世界技能大赛为引领、中\n"
        "华人民共和国职业技能大赛为龙头、全国行业职业技能竞赛和全\n"
        "省各级职业技能竞赛为主体的职业技能竞赛体系，广泛开展竞赛\n"
        "活动。\n"
    )
    assert clean(text, LAYOUT).text.split("\n")[0].endswith("针对性。")


def test_a_sentence_ending_at_full_width_joins_a_next_line_that_is_not_indented() -> None:
    text = (
        "各市县人力资源社会保障部门要切实担负起职责使命，深刻认\n"
        "识和把握加强技能人才队伍建设的目标任务、主攻方向、关键\n"
        "环节，借势借机借力，精心谋划落实，不断提高工作的针对性。\n"
        "要健全职业技能竞赛制度，完善以世界技能大赛为引领、中华\n"
        "人民共和国职业技能大赛为龙头、全国行业职业技能竞赛和全\n"
        "省各级职业技能竞赛为主体的职业技能竞赛体系，广泛开展。\n"
    )
    assert clean(text, LAYOUT).text == text.replace("\n", "").rstrip() + "\n"


# A page whose third line lost two commas and a full stop to OCR: it ends mid-text two ems short.
LOST_MARKS = (
    "各地要把加强技能人才队伍建设作为一项重要任务，纳入本地区\n"
    "经济社会发展规划，健全工作机制，明确责任分工，细化政策措\n"
    "施加大资金投入推动各项任务落地见效要完善技能人才培\n"
    "养、使用、评价、激励制度，畅通技能人才职业发展通道，营造\n"
    "“劳动光荣、技能宝贵、创造伟大”的良好氛围，为经济高质量\n"
    "发展提供有力支撑。要加强统筹协调，定期研究解决工作中的重\n"
    "大问题，及时总结推广各地好经验好做法，以钉钉子精神抓好各\n"
    "项任务落实，确保取得实效。\n"
)


def test_a_line_ending_mid_text_a_little_short_of_the_width_is_a_wrap() -> None:
    result = clean(LOST_MARKS, LAYOUT)
    assert result.text == LOST_MARKS.replace("\n", "").rstrip() + "\n"
    assert "join.near-full-width" in [edit.rule_id for edit in result.applied]


def test_a_line_ending_mid_text_a_little_short_before_an_indented_line_goes_to_review() -> None:
    text = LOST_MARKS.replace("技能人才培\n养、", "技能人才\n选拔、")  # 人才|选拔 splits no word
    text = text.replace("畅通技能人才职业发展通道", "畅通技能人才发展通道")
    result = clean(text, LAYOUT)
    assert result.text.split("\n")[0].endswith("落地见效要完善技能人才")
    assert [(edit.rule_id, edit.safety) for edit in result.pending] == [("join.short-line", Safety.REVIEW)]


def test_a_short_line_whose_break_splits_a_word_joins() -> None:
    text = LOST_MARKS.replace("畅通技能人才职业发展通道", "畅通技能人才发展通道")
    result = clean(text, LAYOUT)
    assert "落地见效要完善技能人才培养、使用" in result.text
    assert [(edit.rule_id, edit.safety) for edit in result.applied if edit.start == text.index("培\n") + 1] == [
        ("join.split-word", Safety.AUTO)
    ]


def test_a_break_between_two_words_is_not_taken_for_a_split_word() -> None:
    # 技能|人才: the line's own last two characters are a word; 能人 across the break is not one.
    text = "各地要认真学习，加强技能\n人才工作。\n"
    assert clean(text, LAYOUT).text == text


def test_a_heading_marker_starts_a_new_line() -> None:
    text = "现就有关要求通知如下：\n（一）加强组织领导。\n（二）狠抓落实落地。\n"
    assert clean(text, LAYOUT).text == text


def test_list_items_stay_apart() -> None:
    text = "现就有关事项通知如下：\n1. 加强组织领导\n2. 完善政策措施\n3. 强化宣传引导\n"
    assert clean(text, LAYOUT).text == text


def test_articles_of_a_regulation_stay_apart_and_their_wrapped_lines_join() -> None:
    text = (
        "第一条　为了规范职业技能等级认定工作，根据有关规定，制定\n本办法。\n"
        "第二条　本办法适用于职业技能等级认定活动，以及对相关机\n构的监督管理。\n"
    )
    assert clean(text, LAYOUT).text == (
        "第一条　为了规范职业技能等级认定工作，根据有关规定，制定本办法。\n"
        "第二条　本办法适用于职业技能等级认定活动，以及对相关机构的监督管理。\n"
    )


def test_signature_dates_and_contact_lines_stand_alone() -> None:
    text = (
        "各地请于10月30日前报送省人力资源和社会保障厅。\n联系人：孙正民\n电话：027-51828284\n"
        "湖北省人力资源和社会保障厅\n\n\n2019年10月16日\n"
    )
    assert clean(text, LAYOUT).text == text.replace("\n\n\n", "\n")


def test_payment_lines_stand_alone_like_contact_lines() -> None:
    text = ("联系电话：0796-8521190\n开户单位：禾溪县公共资源交易中心\n开户银行：禾溪县农商银行城关支行\n"
            "账号：6230 1234 5678 9012\n网址：http://ggzy.hexi.gov.cn\n")
    assert clean(text, LAYOUT).text == text


@pytest.mark.parametrize(("ocr", "cleaned"), [
    ("会务联系人：赵凯，联系电话：0577-87326514，手机：\n13905917286\n材料联系人：林雨桐\n",
     "会务联系人：赵凯，联系电话：0577-87326514，手机：13905917286\n材料联系人：林雨桐\n"),
    ("加盖单位公章后扫描发送至电子邮箱：\nqfjyj_cg2026@163.com，逾期不予受理。\n",
     "加盖单位公章后扫描发送至电子邮箱：qfjyj_cg2026@163.com，逾期不予受理。\n"),
    # (an address OCR garbled past its @ still runs on from its label)
    ("联系电话：0731-85216643，电子邮箱:\nhcjyjjcel1 63.com\n",
     "联系电话：0731-85216643，电子邮箱:hcjyjjcel1 63.com\n"),
    ("地点：昭屏市公共资源交易网\n(http://ggzy.zhaoping.gov.cn)\n方式：网上递交。\n",
     "地点：昭屏市公共资源交易网(http://ggzy.zhaoping.gov.cn)\n方式：网上递交。\n"),
    ("2025年度未组织开展应急演练，演练记录缺失。整改期限：\n2026年4月10日前。\n9.企业全员安全生产责任制\n",
     "2025年度未组织开展应急演练，演练记录缺失。整改期限：2026年4月10日前。\n9.企业全员安全生产责任制\n"),
    # (a phone number's label whose colon OCR read as another mark or lost; a deadline in a task's bracket)
    ("联系人：郑坪县水利局王文，联系电话;\n0539-7711629。\n", "联系人：郑坪县水利局王文，联系电话;0539-7711629。\n"),
    ("联系人：县医疗保障局待遇保障股周立群，联系电话\n0578-6123457\n",
     "联系人：县医疗保障局待遇保障股周立群，联系电话0578-6123457\n"),
    ("（责任单位：区市场监管局；完成时限：\n2026年6月底前）\n（二）加强停放充电管理。\n",
     "（责任单位：区市场监管局；完成时限：2026年6月底前）\n（二）加强停放充电管理。\n"),
    # (any value that closes the bracket a label stands in; not a list's next item, 《四)…, after 运维人员:)
    ("防止“一次改造、长期失管”。（责任单位：市住房和城乡建设局，各区人民政府；完成时限：\n长期坚持）\n",
     "防止“一次改造、长期失管”。（责任单位：市住房和城乡建设局，各区人民政府；完成时限：长期坚持）\n"),
])
def test_a_value_a_wrap_carried_to_the_next_line_joins_its_label(ocr: str, cleaned: str) -> None:
    assert clean(ocr, LAYOUT).text == cleaned


def test_a_colon_before_a_list_item_or_a_year_still_ends_its_line() -> None:
    text = "主要任务如下：\n1.加强组织领导。\n2024年工作要点如下：\n2024年全县要完成任务。\n"
    assert clean(text, LAYOUT).text == text
    # (an issuer's name above its date, a colon read after it, is no label)
    signed = "全面提升经办服务水平。\n南屏县人力资源和社会保障局：\n2026年1月15日\n"
    assert clean(signed, LAYOUT).text == signed


def test_a_contact_line_whose_label_says_whose_stands_alone_even_at_the_column_width() -> None:
    # (a second clean must not join the full-width contact line a first one made to the next)
    contacts = ("会务联系人：赵凯，联系电话：0577-87326514，手机：13905917286\n"
                "材料联系人：林雨桐，联系电话：0577-87326530\n")
    assert clean(PAGE + contacts, LAYOUT).text == PAGE_PARAGRAPHS + contacts


def test_a_title_without_about_set_on_two_lines_at_the_top_joins() -> None:
    text = (
        "武政办〔2021〕12号\n\n      武汉市2021年职业技能提升行动\n            实施方案\n"
        "各区人民政府，市政府各委、办、局：\n" + PAGE
    )
    head = "武政办〔2021〕12号\n武汉市2021年职业技能提升行动实施方案\n各区人民政府，市政府各委、办、局：\n"
    assert clean(text, LAYOUT).text == head + PAGE_PARAGRAPHS


@pytest.mark.parametrize("about", ["", "会议听取了县财政局关于一季度预算执行\n"])
def test_the_issuers_name_set_above_a_title_without_about_stands_apart(about: str) -> None:
    # (a wrapped body line that says 关于 changes nothing: a second run sees it inside a paragraph)
    text = f"柏溪县人民政府\n会议纪要\n〔2025〕第9期\n{about}" + PAGE
    once = clean(text, LAYOUT).text
    assert once.startswith("柏溪县人民政府\n会议纪要\n")
    assert clean(once, LAYOUT).applied == ()


@pytest.mark.parametrize("title", ["2026年度县级农业产业化重点龙头企业拟认定名单公示", "节约用水倡议书"])
def test_a_notices_and_an_appeals_title_stands_apart_from_the_text_under_it(title: str) -> None:
    assert clean(f"{title}\n" + PAGE, LAYOUT).text == f"{title}\n" + PAGE_PARAGRAPHS


def test_lines_with_commas_at_the_top_are_no_title_without_about() -> None:
    text = "各单位要按照要求，认真做好\n工作方案\n" + PAGE
    assert "join.title" not in [edit.rule_id for edit in clean(text, LAYOUT).applied]


def test_the_issuers_name_above_the_date_starts_a_line_even_after_a_lost_full_stop() -> None:
    text = (
        "  四、严格责任追究。对因工作不力、措施不到位导致事故发生的，要严\n"
        "肃追究有关单位和人员的责任，并依法依规严肃处理，决不姑息迁就\n"
        "              县安全生产委员会办公室\n"
        "                 2023年5月8日\n"
    )
    assert clean(text, LAYOUT).text == (
        "四、严格责任追究。对因工作不力、措施不到位导致事故发生的，要严肃追究有关单位和人员的责任，"
        "并依法依规严肃处理，决不姑息迁就\n县安全生产委员会办公室\n2023年5月8日\n"
    )


def test_a_long_issuers_name_wrapped_in_a_column_is_not_taken_apart() -> None:
    text = "各地学习贯彻情况要及时向省人社厅报告。\n山西省人力资源和社会保\n障厅办公室\n2020年12月24日\n"
    decisions = [edit.rule_id for edit in clean(text, LAYOUT).pending + clean(text, LAYOUT).applied]
    assert "break.signature" not in decisions


def test_a_letterhead_an_ocr_garbled_document_number_and_an_addressee_without_its_colon_stand_alone() -> None:
    head = (
        "河北省人力资源和社会保障厅文件\n冀人社函 [2021] ]号\n关于做好技能人才培养工作的通知\n"
        "各市人力资源和社会保障局\n"
    )
    result = clean(head + LOST_MARKS, LAYOUT)
    assert result.text == head + LOST_MARKS.replace("\n", "").rstrip() + "\n"
    assert result.pending == ()


def test_an_addressee_under_the_document_number_below_a_title_of_a_letter_type_stands_alone() -> None:
    # (a procuratorate's 检察建议书: issuer, type, number, then the addressee above the body)
    text = ("郗岭县人民检察院\n检察建议书\n郗检行公建〔2026〕4号\n郗岭县自然资源局：\n"
            "本院在履行公益诉讼检察职责中发现，你局在查处辖区内违法占用耕地行为过程中存在未依法全面履行监管职责的情形。\n")
    assert clean(text, LAYOUT).text == text


def test_a_party_line_under_a_decisions_number_is_no_addressee_though_a_wrap_leaves_a_colon_at_its_end() -> None:
    body = ("当事人：丰岚市禾润百货超市有限公司，主体资格证照名称：\n"
            "营业执照，住所丰岚市东城区建设路一百八十八号，法定代表\n"
            "人王志华。经查，当事人于二〇二五年十月销售的散装白酒经\n"
            "抽样检验，酒精度项目不符合产品明示标准和质量要求，货值\n"
            "金额共计三千二百元，违法所得九百六十元，上述事实清楚。\n")
    text = "丰岚市市场监督管理局\n行政处罚决定书\n丰市监处罚〔2026〕12号\n" + body
    assert clean(text, LAYOUT).text == text.replace(body, body.replace("\n", "") + "\n")


def test_an_attachment_list_ends_above_the_issuer_signing_under_it() -> None:
    text = ("附件：1．澄州市城市居民生活用水价格调整方案\n2．听证会参加人报名表\n3．听证会旁听人员报名表\n"
            "澄州市发展和改革委员会\n2026年4月16日\n")
    assert clean(text, LAYOUT).text == text


def test_a_first_body_line_ending_like_an_organisation_is_no_addressee() -> None:
    # (为深入贯彻落实…工作部⏎署，…: a wrap after the title, whose last character 部 ends many names)
    text = (
        "青岚区电动自行车安全隐患全链条整治行动方案\n"
        "为深入贯彻落实上级关于电动自行车安全隐患全链条整治工作部\n"
        "署，有效防范和遏制电动自行车火灾事故，结合我区实际，制定\n"
        "本方案。\n一、工作目标\n"
    )
    opening = "为深入贯彻落实上级关于电动自行车安全隐患全链条整治工作部署，"
    assert clean(text, LAYOUT).text.startswith(text.split("\n")[0] + "\n" + opening)


def test_a_headlines_subtitle_and_a_bracketed_byline_in_a_column() -> None:
    # (the subtitle's dash opens a line of its own under the headline; the byline's ideographic spaces
    # are no table row's gaps, so the lead runs on after the wrap inside the bracket)
    column = (
        "山区群众在家门口拍上了“CT”\n——青岚县远程影像诊断中心运\n行一年见闻\n"
        "本报讯（记者　刘晓峰　通讯员　陈思\n远）“以前拍个片子要跑到市里，\n来回一整天，现在在镇卫生院就\n"
        "能做，结果当天出来。”3月12日，\n在青岚县东山镇卫生院，68岁的\n村民王秀英拿着检查报告说。\n"
    )
    assert clean(column, LAYOUT).text == (
        "山区群众在家门口拍上了“CT”\n——青岚县远程影像诊断中心运行一年见闻\n"
        "本报讯（记者　刘晓峰　通讯员　陈思远）“以前拍个片子要跑到市里，来回一整天，现在在镇卫生院就能做，"
        "结果当天出来。”3月12日，在青岚县东山镇卫生院，68岁的村民王秀英拿着检查报告说。\n"
    )


def test_an_attachment_list_item_naming_a_year_starts_its_line() -> None:
    body = (
        "为表彰先进、树立典型，市政府决定，授予青岚县应急\n管理局等16个单位“2025年度全市森林防火工作先进集\n"
        "体”称号，授予张建国等24名同志“2025年度全市森林\n防火工作先进个人”称号。\n"
    )
    attachments = "附件：1.2025年度全市森林防火工作先进集体名单\n2.2025年度全市森林防火工作先进个人名单\n"
    assert clean(body + attachments, LAYOUT).text.endswith("称号。\n" + attachments)


def test_an_addressee_set_on_two_lines_is_one_paragraph() -> None:
    head = (
        "峄川市水利局\n峰水发〔2026〕14号\n关于召开全市农村供水保障工作会议的通知\n"
        "各县（市、区）水利局、农业农村局，峄川经济技术开发区社会\n事务局，市直有关单位，各有关供水企业：\n"
    )
    result = clean(head + LOST_MARKS, LAYOUT)
    assert result.text.startswith(head.replace("社会\n事务局", "社会事务局"))


def test_lines_each_a_label_and_its_count_stay_apart_even_at_the_column_width() -> None:
    lines = ("规章：本年制发0件，本年废止0件，现行有效件数2件\n"
             "行政规范性文件：本年制发3件，本年废止1件，现行有效件数17件\n"
             "行政许可：本年处理决定数量1426件\n")
    assert clean(PAGE + lines, LAYOUT).text == PAGE_PARAGRAPHS + lines


def test_the_fields_of_a_notice_each_opening_with_a_label_stay_apart() -> None:
    # (the first field's last line ends a bracket at the column width: text would run on)
    fields = ("时间：2025年8月28日至2025年9月4日，每天上午8:30至12:00，\n"
              "下午14:30至17:30，周末照常办理（北京时间，法定节假日除外）\n"
              "地点：枫泉县公共资源交易中心网站，投标人登录后下载招标文件\n")
    assert clean(PAGE + fields, LAYOUT).text == PAGE_PARAGRAPHS + (
        "时间：2025年8月28日至2025年9月4日，每天上午8:30至12:00，下午14:30至17:30，周末照常办理"
        "（北京时间，法定节假日除外）\n"
        "地点：枫泉县公共资源交易中心网站，投标人登录后下载招标文件\n"
    )


def test_a_line_ending_with_a_title_before_a_short_line_runs_on() -> None:
    # (a sentence does not end at 》, so the shorter next line is no indented paragraph's first)
    text = PAGE + ("2025年7月28日，本局向当事人依法送达了《行政处罚告知书》\n"
                   "（丰市监罚告〔2025〕17号），告知当事人拟作出处罚的\n"
                   "内容及事实、理由、依据，并告知当事人依法享有的权利。\n")
    assert "《行政处罚告知书》（丰市监罚告〔2025〕17号）" in clean(text, LAYOUT).text


def test_a_clause_ending_on_a_semicolon_at_the_full_width_runs_on_to_a_short_last_line() -> None:
    text = PAGE + ("全年城镇常住居民人均可支配收入53174元，比上年增长5.4%；\n"
                   "农村居民人均可支配收入27812元，增长6.9%。\n")
    assert clean(text, LAYOUT).text == PAGE_PARAGRAPHS + text[len(PAGE):].replace("\n", "", 1)


def test_a_semicolon_before_a_labelled_line_or_an_item_or_after_a_list_introduction_keeps_its_break() -> None:
    for lines in ("县应急管理局：负责森林火灾扑救的组织协调工作，指导做好防控；\n县林业局：负责火情监测。\n",
                  "县应急管理局负责森林火灾扑救的组织协调工作，指导做好防控;\n{4）县林业局负责火情监测。\n",
                  "县财政统筹安排专项资金和上级配套资金，重点支持以下项目;\n县级物流配送中心建设。\n"):
        assert clean(PAGE + lines, LAYOUT).text == PAGE_PARAGRAPHS + lines


def test_entries_ending_on_a_semicolon_at_the_full_width_stay_lines_when_the_next_opens_alike() -> None:
    # (an appointment notice: 任命…；⏎任命…；, each entry its own line, its semicolon at the width)
    entries = ("任命黄海涛为县交通运输局副局长（试用期一年）；\n"
               "任命许文静为县卫生健康局副局长（挂职，时间两年）；\n"
               "任命林秀英为县市场监督管理局副局长（试用期一年）；\n"
               "任命高志远为县应急管理局副局长。\n")
    assert clean(PAGE + entries, LAYOUT).text == PAGE_PARAGRAPHS + entries
    # (a colon OCR read for the semicolon ends an entry as well)
    misread = entries.replace("）；\n任命许", "）:\n任命许")
    assert clean(PAGE + misread, LAYOUT).text == PAGE_PARAGRAPHS + misread
    # (nor when a wrap falls after the first of such clauses: the next line is no whole entry)
    principles = ("坚持县级主导、乡镇主责、村级主体，分级负责、分类施策；\n"
                  "坚持日常养护与专项整治相结合，预防性养护与修复性养护相结\n"
                  "合；坚持资金投入与绩效考核相挂钩。\n")
    assert "分类施策；坚持日常养护" in clean(PAGE + principles, LAYOUT).text
    # (but clauses that open alike inside one paragraph run on: 坚持…；坚持…；⏎坚持…)
    clauses = ("坚持人民至上、生命至上；坚持预防为主、防抗救相结合；\n"
               "坚持统一领导、分级负责，属地为主、层级响应的原则。\n")
    assert clean(PAGE + clauses, LAYOUT).text == PAGE_PARAGRAPHS + clauses.replace("；\n", "；", 1)


def test_a_numbered_heading_ending_with_a_word_is_not_joined_to_the_text_after_it() -> None:
    # (回顾 + 过去 would read as 回顾过去, but the heading ends with a word of its own)
    text = "一、2025年工作回顾\n过去一年，面对需求收缩、极端天气多发等多重困难，全县上下攻坚克难。\n"
    assert clean(text, LAYOUT).text == text


def test_a_count_line_before_a_line_that_is_a_label_alone_keeps_its_break() -> None:
    lines = ("行政规范性文件：本年制发3件，本年废止1件，现行有效件数17件\n"
             "第二十条第（五）项：\n"
             "行政许可：本年处理决定数量1426件\n")
    assert clean(PAGE + lines, LAYOUT).text == PAGE_PARAGRAPHS + lines


def test_a_document_number_with_a_lost_bracket_stands_alone() -> None:
    assert split_lines("冀人社函20217号")[0].standalone


def test_a_signature_date_whose_last_character_ocr_misread_stands_alone() -> None:
    assert split_lines("2021年3月5曰")[0].standalone
    assert [line.standalone for line in split_lines("2025年9月26晶\n2025年2月28已\n")] == [True, True]


def test_a_numbered_item_whose_point_tesseract_set_apart_is_an_item() -> None:
    assert [line.marker for line in split_lines("2 .加强师资队伍建设\n2 .5万元以上\n")] == [True, False]


def test_a_date_that_opens_a_sentence_does_not_stand_alone() -> None:
    assert not split_lines("2025年9月26日起施行本办法")[0].standalone


def test_a_sentence_ending_in_a_year_and_number_is_not_a_document_number() -> None:
    assert not split_lines("按规定编为第2021号")[0].standalone


def test_a_page_number_read_onto_the_end_of_a_paragraph_does_not_split_it() -> None:
    text = LOST_MARKS.replace("确保取得实效。", "确保取得实效          3")
    assert clean(text, LAYOUT).text.count("\n") == 1


def test_a_title_set_on_two_lines_is_joined() -> None:
    text = (
        "人社部函〔2021〕49号\n关于深入学习贯彻习近平总书记\n致首届全国职业技能大赛贺信精神的通知\n"
        "各省、自治区、直辖市人力资源社会保障厅（局）：\n"
    )
    assert clean(text, LAYOUT).text == (
        "人社部函〔2021〕49号\n关于深入学习贯彻习近平总书记致首届全国职业技能大赛贺信精神的通知\n"
        "各省、自治区、直辖市人力资源社会保障厅（局）：\n"
    )


def test_a_paragraph_cut_at_a_page_break_keeps_its_break_and_the_join_goes_to_review() -> None:
    # Lines that are already paragraphs: a cut mid-sentence reads like a paragraph whose full stop
    # OCR lost (and like the paragraphs a first run made from a column, on a second run).
    text = (
        "一、深刻认识重要指示的重大意义\n\n"
        "习近平总书记对技能人才工作作出重要指示，着眼民族未来，把握时代\n\n"
        "脉搏，高瞻远瞩，为做好新时代技能人才工作指明了前进方向。\n\n"
        "二、切实做好技能人才工作\n"
    )
    result = clean(text, LAYOUT)
    assert result.text == text.replace("\n\n", "\n")
    assert [(edit.before, edit.after, edit.rule_id, edit.safety) for edit in result.pending] == [
        ("\n", "", "join.page-break", Safety.REVIEW)
    ]


def test_a_paragraph_cut_at_a_page_break_inside_a_word_is_rejoined() -> None:
    text = (
        "一、深刻认识重要指示的重大意义\n\n"
        "习近平总书记对技能人才工作作出重要指示，坚持立德树人、提高质\n\n"
        "量，促进就业，服务发展。\n\n"
        "二、切实做好技能人才工作\n"
    )
    assert clean(text, LAYOUT).text == (
        "一、深刻认识重要指示的重大意义\n"
        "习近平总书记对技能人才工作作出重要指示，坚持立德树人、提高质量，促进就业，服务发展。\n"
        "二、切实做好技能人才工作\n"
    )


def test_a_page_cut_through_a_four_character_word_is_rejoined() -> None:
    text = (
        "习近平总书记的重要指示，深刻阐明了职业教育在全面建设社会主义现代化国家新征程中的地位和作用，"
        "为做好当前和今后一个时期技能人才队伍建设工作指明了前进\n\n"
        "方向，提供了根本遵循。职业教育是国民教育体系和人力资源开发的重要组成部分。\n"
    )
    result = clean(text, LAYOUT)
    assert result.text == text.replace("\n\n", "", 1)
    assert "join.split-word" in [edit.rule_id for edit in result.applied]


@pytest.mark.parametrize(("cut", "whole"), [("7月\n5日前", "7月5日前"), ("2024\n年底前", "2024年底前"),
                                           ("达到\n18.6万件后", "达到18.6万件后"), ("11\n个村民小组", "11个村民小组")])
def test_a_date_or_figure_cut_from_its_unit_at_a_page_break_is_rejoined(cut: str, whole: str) -> None:
    text = ("各单位请于6月5日前将活动方案、联络员名单报送县安委办，活动期间每周五报送工作进展，"
            f"请于{cut}报送活动总结。\n\n联系人：孙明远\n")
    result = clean(text, LAYOUT)
    assert f"请于{whole}报送活动总结。\n" in result.text
    assert "join.split-figure" in [edit.rule_id for edit in result.applied]


def test_a_list_item_after_a_word_that_takes_a_figure_is_no_figure() -> None:
    text = "全县共有以下几类企业申报，涉及行业较多，其中主要为\n\n1.农产品加工企业。\n"
    assert "\n1.农产品加工企业" in clean(text, LAYOUT).text


@pytest.mark.parametrize("heading", ["【五) 深化农村综合改革。", "{三）及时报送信息。", "《一)加强组织领导。",
                                     "(二》具有良好品行。"])
def test_a_list_heading_whose_brackets_ocr_misread_still_starts_a_paragraph(heading: str) -> None:
    text = f"推动乡村由“一时美”向“持久美”转变“\n\n{heading}稳妥推进第二轮土地承包到期后再延长三十年试点。\n"
    assert f"\n{heading}" in clean(text, LAYOUT).text


def test_a_line_that_starts_with_an_enumeration_comma_is_a_heading_that_lost_its_number() -> None:
    """(No line of print starts with 、: OCR dropped the 一 of 一、 or the like.)"""
    text = "经第三方造价咨询机构审核，项目总投资为6840万元\n、申请补助的理由\n（一）群众诉求迫切。\n"
    assert clean(text, LAYOUT).text == text


def test_a_paragraph_ending_on_a_comma_before_another_keeps_its_break_and_the_join_goes_to_review() -> None:
    text = "各地要认真组织学习，深刻领会重要指示精神，\n\n全面推进技能人才工作。\n"
    result = clean(text, LAYOUT)
    assert result.text == text.replace("\n\n", "\n")
    assert [(edit.rule_id, edit.safety) for edit in result.pending] == [("join.short-continuing", Safety.REVIEW)]


def test_a_paragraph_ending_on_an_enumeration_comma_joins_the_next() -> None:
    text = "以守底线、强弱项、\n\n补短板、抓特色为主线，推动技工教育发展。\n"
    assert clean(text, LAYOUT).text == "以守底线、强弱项、补短板、抓特色为主线，推动技工教育发展。\n"


def test_a_short_line_of_a_column_ending_on_an_opening_bracket_joins_the_next() -> None:
    # Half the column wide: a paragraph never ends on an opening bracket, however short its line.
    text = PAGE.replace("借势借机借力，精心谋划落实，不断提高工作的针对性\n", "借势（\n")
    assert "关键环节，借势（和实效性。" in clean(text, LAYOUT).text


def test_a_newspaper_column_rejoins_and_breaks_at_indented_paragraph_starts() -> None:
    text = (
        "数据显示，“十三五”期间，\n我国大规模高质量开展职业技\n能培训，5年共开展补贴性培训\n"
        "近1亿人次，贫困劳动力培训约\n1000万人次。\n"
        "不过，我国技能劳动者占就\n业人口总量的比重仅为26%，高\n技能人才占技能人才总量的比\n"
        "重为28%，与发达国家相比仍然\n存在较大差距。\n"
    )
    assert clean(text, LAYOUT).text == (
        "数据显示，“十三五”期间，我国大规模高质量开展职业技能培训，5年共开展补贴性培训近1亿人次，"
        "贫困劳动力培训约1000万人次。\n"
        "不过，我国技能劳动者占就业人口总量的比重仅为26%，高技能人才占技能人才总量的比重为28%，"
        "与发达国家相比仍然存在较大差距。\n"
    )


def test_a_paragraph_running_from_a_wide_column_into_a_narrow_one_stays_one_paragraph() -> None:
    text = (
        "人社部作为人力资源服务业的主\n管部门，在此次招聘行动中，将\n根据统一安排开展一系列活动，\n"
        "组织国家级人力资源服务\n产业园及各类人力资源服\n务机构，搭建集中招聘平\n台，实施线上线下结合。\n"
    )
    assert clean(text, LAYOUT).text == text.replace("\n", "").rstrip() + "\n"


def test_a_two_column_page_read_column_after_column_keeps_a_paragraph_across_the_columns() -> None:
    first_column = (
        "各地要把技能人才工作摆在更加\n突出的位置，加强组织领导，健\n全工作机制，明确责任分工，细\n"
        "化政策措施，加大资金投入，推\n动各项任务落地见效。\n"
        "  要完善技能人才培养、使用、\n评价、激励制度，畅通技能人才\n职业发展通道，营造良好氛围，\n"
    )
    second_column = (
        "为经济高质量发展提供有力人才\n支撑。要加强统筹协调，及时研\n究解决工作中的重大问题，总结\n"
        "推广各地好经验好做法，抓好各\n项任务落实，确保取得实效。\n"
    )
    assert clean(first_column + second_column, LAYOUT).text == (
        "各地要把技能人才工作摆在更加突出的位置，加强组织领导，健全工作机制，明确责任分工，细化政策措施，"
        "加大资金投入，推动各项任务落地见效。\n"
        "要完善技能人才培养、使用、评价、激励制度，畅通技能人才职业发展通道，营造良好氛围，"
        "为经济高质量发展提供有力人才支撑。要加强统筹协调，及时研究解决工作中的重大问题，"
        "总结推广各地好经验好做法，抓好各项任务落实，确保取得实效。\n"
    )


def test_table_of_contents_lines_stay_apart() -> None:
    text = "目  录\n第一章  总则……………………1\n第二章  职业技能等级认定………5\n第三章  监督管理………………12\n"
    assert clean(text, LAYOUT).text == text


def test_footnotes_stay_apart_from_the_text_they_follow() -> None:
    text = (
        "各地要认真落实《关于提高技术工人待遇的意见》①和《技能人才\n"
        "薪酬分配指引》②等政策要求，不断提升技能人才政治待遇、经济\n"
        "待遇、社会待遇，提高技能人才职业荣誉感和获得感，激发技能人\n"
        "才干事创业的积极性。\n"
        "①中共中央办公厅、国务院办公厅2018年印发。\n"
        "②人力资源社会保障部办公厅2021年印发。\n"
    )
    paragraphs = clean(text, LAYOUT).text.split("\n")
    assert paragraphs[1:] == ["①中共中央办公厅、国务院办公厅2018年印发。", "②人力资源社会保障部办公厅2021年印发。", ""]


def test_latin_words_split_across_lines_are_joined_with_a_space() -> None:
    text = (
        "各地要加强人工智能、大数据等新技术培训，推广machine\n"
        "learning等课程，提高技能人才数字素养，加快培养高技能人才\n"
        "和大国工匠，加快推进人人持证、技能社会建设，推动经济发展\n"
        "提供有力人才保障。\n"
    )
    assert "machine learning" in clean(text, LAYOUT).text


def test_leading_and_trailing_white_space_is_trimmed() -> None:
    assert clean("\n\n  各地要认真组织学习。  \n\n\n", LAYOUT).text == "各地要认真组织学习。\n"


def test_a_single_line_without_a_final_newline_keeps_its_end() -> None:
    assert clean("各地要认真组织学习。", LAYOUT).edits == ()


def test_each_line_break_gets_its_own_edit() -> None:
    edits = build(LAYOUT).propose(PAGE)
    assert [edit.rule_id for edit in edits] == [
        "trim.start", "join.wrapped", "join.wrapped", "join.wrapped", "break.short-line",
        "join.wrapped", "join.wrapped", "join.wrapped",
    ]
    assert all(edit.before.strip(" \n") == "" for edit in edits)


def test_layout_applies_nothing_on_its_own_output(seeds: dict[str, str]) -> None:
    for name, text in seeds.items():
        once = clean(text, LAYOUT).text
        assert clean(once, LAYOUT).applied == (), name


def test_a_heading_after_a_line_cut_mid_sentence_is_not_joined_to_it() -> None:
    text = "各地要认真组织学习；推进工作\n加强组织领导\n狠抓落实落地\n"
    assert clean(text, LAYOUT).text == text


def test_spaces_the_spacing_pass_removes_do_not_count_towards_a_line_width() -> None:
    # Measured with its ideographic space the first line is wider than the second by more than a
    # wrap allows; without it, as the second run sees it, the two lines would read as a column.
    typography = Config(passes=("layout", "spacing", "punctuation"))
    once = clean("总书动\u3000的\n总书动", typography).text
    assert clean(once, typography).applied == ()


def test_paragraphs_made_from_a_column_are_not_joined_on_a_second_run() -> None:
    # The first paragraph lost its full stop: the column shows its last line short, so the break
    # stays (the join goes to review); a second run sees two paragraphs of running text.
    text = PAGE.replace("和实效性。", "和实效性")
    once = clean(text, LAYOUT).text
    assert once == PAGE_PARAGRAPHS.replace("和实效性。", "和实效性")
    assert clean(once, LAYOUT).applied == ()


def test_paragraphs_of_the_same_length_are_not_taken_for_a_column() -> None:
    # Seventy ems: wider than any printed line, so these are paragraphs already, not a page's lines.
    paragraph = (
        "各地要把加强技能人才队伍建设作为一项重要任务，纳入本地区经济社会发展规划，健全工作机制，"
        "明确责任分工，细化政策措施，加大资金投入，推动各项任务落地见效"
    )
    text = f"{paragraph}\n{paragraph}\n{paragraph}\n{paragraph}\n"
    assert clean(text, LAYOUT).applied == ()


def test_a_line_leaving_a_bracket_open_that_the_next_line_closes_joins_it() -> None:
    text = (
        "（五）根据《关于实施技能振兴计划的若干意见》（鄂办发\n\n"
        "[2017]144号）、《关于提高技术工人待遇的意见》，做好工作。\n"
    )
    assert clean(text, LAYOUT).text == text.replace("\n\n", "")


def test_a_number_spaced_off_chinese_text_is_read_alike_before_and_after_the_spacing_pass() -> None:
    typography = Config(passes=("layout", "spacing", "punctuation"))
    once = clean("总书记  0\n总书记", typography).text
    assert clean(once, typography).applied == ()


def test_a_few_short_lines_alike_in_width_are_not_taken_for_a_column() -> None:
    # Narrower than any printed column: a name, a heading and a number, each on its own line.
    assert clean("总书记\n0\n总书记\n", LAYOUT).applied == ()


def test_stray_marks_joined_to_the_text_before_them_join_the_stray_marks_after() -> None:
    once = clean("各地要认真组织学习\n。\n，\n", LAYOUT).text
    assert once == "各地要认真组织学习。，\n"
    assert clean(once, LAYOUT).applied == ()


def test_a_sentence_whose_closing_mark_ocr_set_on_the_next_line_ends_there_and_the_mark_goes_back() -> None:
    text = ("各地要深入学习领会，切实把思想和行动统一到党中央决策部署上来，以实际行动同党中央保持高度一致\n"
            ". 三、以习近平总书记重要指示精神为强大动力，切实做好技能人才工作")
    once = clean(text).text
    assert once.startswith("各地要深入学习领会") and "保持高度一致。\n三、以习近平" in once
    assert clean(once).applied == ()


def test_an_article_whose_space_ocr_lost_starts_a_paragraph_after_a_sentence_end() -> None:
    text = ("（四）发生医疗废物流失、泄漏、扩散未及时报告的。\n"
            "第十八条发生医疗废物流失、泄漏、扩散时，相关科室应\n当立即采取减少危害的紧急处理措施。\n")
    assert clean(text, LAYOUT).text == (
        "（四）发生医疗废物流失、泄漏、扩散未及时报告的。\n"
        "第十八条发生医疗废物流失、泄漏、扩散时，相关科室应当立即采取减少危害的紧急处理措施。\n")


def test_a_reference_to_an_article_that_a_line_starts_with_is_no_article() -> None:
    text = "各单位要按照本办法的要求，严格依照本办法\n第二条规定的程序办理相关手续，确保工作\n"
    assert clean(text, LAYOUT).text == text.replace("本办法\n第二条", "本办法第二条")


def test_a_line_far_wider_than_the_column_that_ends_a_sentence_is_a_paragraph_that_ends_there() -> None:
    # (as a second run sees a paragraph a first run made, among the column's lines: it runs on into
    # the next paragraph only if it were a line of the column)
    text = "要求" * 40 + "，原则上不予受理。\n" + "将对反映的问题及时进行调查核实" * 3 + "。\n"
    paragraph, following = split_lines(text)
    decision = _decide_column(paragraph, following, width=27.75, first_line=False)
    assert (decision.verdict.name, decision.rule_id) == ("BREAK", "break.paragraph-line")


def test_a_sentence_end_short_of_the_width_by_less_than_the_number_after_it_is_a_wrap() -> None:
    # (a newspaper column of 13: 2025年 could not follow 全覆盖。 on its line, and the next line is not indented)
    column = ("重要抓手，建成县级电商公共\n服务中心1个、乡镇电商服务\n站14个、村级电商服务点126\n"
              "个，实现行政村全覆盖。\n2025年，全县农产品网络零\n售额达到8.6亿元，同比增长\n"
              "27.3%，带动农民人均增收\n1300多元。\n")
    assert "全覆盖。2025年" in clean(column, LAYOUT).text
    # (but a short line before an indented one, or before an item's number, ends its paragraph)
    assert "全覆盖。\n" in clean(column.replace("\n2025年，全县农产品网络零", "\n2025年，全县农产品网"), LAYOUT).text


def test_a_line_ending_with_a_phone_number_ends_its_paragraph() -> None:
    # (a duty table whose gaps OCR lost: each row ends with the leader's mobile number)
    rows = ("10月2日（星期四）杨丽华副县长13574210367\n10月3日（星期五）袁国庆副县长13907392841\n"
            "10月4日（星期六）邓振华副县长13973906625\n10月5日（星期日）蔡文军副县长13807394172\n"
            "10月6日（星期一）宋佳副县长13511278430\n")
    assert clean(rows, LAYOUT).text == rows
    # (but a phone number runs on to another, or to its label, on the next line)
    fields = "联系人：王明，联系电话：0578-6634218，手机：\n13757820436\n"
    assert "手机：13757820436" in clean(PAGE + fields, LAYOUT).text


def test_a_contact_line_a_wrap_cut_inside_its_bracketed_note_runs_on() -> None:
    text = "联系人：李明\n联系电话：0793-6128305（办公室），13907935216（手\n机）\n传真：0793-6128310\n"
    assert clean(text, LAYOUT).text == text.replace("（手\n机）", "（手机）")


def test_an_address_a_wrap_cut_before_its_unit_runs_on() -> None:
    text = "地址：东港市海滨大道1688号东港职业技术学院行政楼305\n室\n监督电话：0518-87654321\n"
    assert clean(text, LAYOUT).text == text.replace("305\n室", "305室")


def test_the_field_naming_a_tasks_units_stands_on_its_own_line() -> None:
    # (the task's full stop OCR read as a quote or an asterisk; the field's colon as a semicolon)
    text = ("对临水临崖、急弯陡坡等路段增设护栏、警示标志和减速设施，消除安全隐患“\n"
            "责任单位; 县交通运输局、县应急管理局，各乡镇人民政府\n"
            "（三）加强日常养护管理\n"
            "1.落实路长制。由乡镇、村主要负责人担任路长，在路段显著位置设立公示牌*\n"
            "牵头单位：县交通运输局\n")
    assert clean(text, LAYOUT).text == text
    # (but a field inside brackets, or after a comma, may run on: the line's width decides)
    for mark in "；，":
        bracketed = f"广泛开展职业技能竞赛活动（牵头单位：县人力资源社会保障局{mark}\n配合单位：县财政局、县教育局）\n"
        result = clean(PAGE + bracketed, LAYOUT)
        wrap = len(PAGE) + bracketed.index("\n")
        assert [edit.rule_id for edit in result.applied + result.pending if edit.start == wrap] != []


def test_minutes_lists_of_who_attended_and_sat_in_stand_on_lines_of_their_own() -> None:
    # (the list of those who attended fills its line)
    text = PAGE + ("出席：王立军、李红梅、张建国、陈晓东、刘志强、赵国庆、宋嘉\n"
                   "列席：于建林（区政府办公室）、龙少华（区发展改革局）\n")
    assert clean(text, LAYOUT).text.endswith("宋嘉\n列席：于建林（区政府办公室）、龙少华（区发展改革局）\n")


def test_a_newspapers_byline_stands_on_its_own_line_under_the_headline() -> None:
    # (a column of 13: the byline wraps, and its first line is as wide as the headline's)
    column = ("暴雨夜里的一场\n“实战”演练\n一桐溪县开展防汛抢险\n综合应急演练见闻\n本报记者许晓峰通讯\n员梁文静\n"
              "报告指挥部，石门水库\n上游三小时降雨量已达到128\n毫米，预计未来还将持续强\n降雨！”凌晨两点，桐溪县\n")
    assert "演练见闻\n本报记者许晓峰通讯员梁文静\n报告指挥部" in clean(column, LAYOUT).text
    # (but a reporter a sentence names runs on)
    text = PAGE + "今年以来，全县上下扎实推进各项工作，县委书记王立军在接受\n本报记者采访时表示，\n"
    assert "在接受本报记者采访时表示" in clean(text, LAYOUT).text


# Tesseract's page: a paragraph's 。 read as an opening quote, a blank line after each paragraph.
QUOTE_FOR_FULL_STOP_PAGE = (
    "  要健全职业技能竞赛制度，完善以世界技能大赛为引领、中\n"
    "华人民共和国职业技能大赛为龙头、全国行业职业技能竞赛和全\n"
    "省各级职业技能竞赛为主体的职业技能竞赛体系，广泛开展竞赛\n"
    "活动，每年不少于两次“\n"
    "\n"
    "  各市县人力资源社会保障部门要切实担负起职责使命，深\n"
    "刻认识和把握加强技能人才队伍建设的目标任务、主攻方向、关\n"
    "键环节，不断提高工作的针对性和实效性“\n"
    "\n"
    "第九条“集中充电场所的收费标准应当在场所显著位置公示，不\n"
    "得超出公示标准收取费用。\n"
)


def test_an_opening_quote_ending_a_paragraph_before_a_blank_line_is_its_full_stop() -> None:
    cleaned = clean(QUOTE_FOR_FULL_STOP_PAGE, LAYOUT)
    assert cleaned.text.split("\n")[:2] == [
        "要健全职业技能竞赛制度，完善以世界技能大赛为引领、中华人民共和国职业技能大赛为龙头、全国行业职业技能竞赛"
        "和全省各级职业技能竞赛为主体的职业技能竞赛体系，广泛开展竞赛活动，每年不少于两次。",
        "各市县人力资源社会保障部门要切实担负起职责使命，深刻认识和把握加强技能人才队伍建设的目标任务、主攻方向、"
        "关键环节，不断提高工作的针对性和实效性。",
    ]
    assert cleaned.text.split("\n")[2].startswith("第九条")
    assert {edit.rule_id for edit in cleaned.applied if edit.after.startswith("。")} == {"break.quote-for-full-stop"}
    assert clean(cleaned.text, LAYOUT).applied == ()


def test_an_opening_quote_at_a_line_end_without_a_blank_line_after_it_opens_a_quote() -> None:
    text = "要坚持以人民为中心的发展思想，深入开展“\n我为群众办实事”实践活动，切实解决群众急难愁盼问题。\n"
    assert clean(text, LAYOUT).text == text.replace("开展“\n", "开展“")


def test_a_line_closing_a_quote_it_opened_may_still_end_in_a_quote_read_for_a_full_stop() -> None:
    text = ("二、深化改革\n各地要把“放管服”改革不断引向深入，持续优化营商\n环境，切实提升群众满意度“\n\n"
            "三、加强组织领导\n各地要高度重视。\n")
    assert "切实提升群众满意度。\n三、加强组织领导\n" in clean(text, LAYOUT).text


def test_a_quote_left_open_on_its_line_is_not_read_as_a_full_stop() -> None:
    text = "会上，\n他说：“这项工作关系到千家万户，我们一定要把它办好“\n\n群众纷纷表示赞同。\n大家表示。\n会后。\n"
    assert "办好。" not in clean(text, LAYOUT).text


def test_in_a_text_with_a_blank_line_after_every_line_an_opening_quote_ending_a_line_opens_a_quote() -> None:
    text = "要坚持以人民为中心的发展思想，深入开展“\n\n我为群众办实事”实践活动，切实解决群众急难\n\n愁盼问题。\n"
    assert clean(text, LAYOUT).text == text.replace("\n\n", "")


def test_a_letters_closing_stands_on_its_own_line_above_its_salute() -> None:
    # (此致敬礼 reads as one word, but a letter sets 此致 and 敬礼 on lines of their own)
    text = "沩宁人民永远欢迎你们常回来看看，共同见证沩宁更加美好的未来！\n此致\n敬礼！\n"
    assert clean(text, LAYOUT).text == text


def test_short_issuers_names_above_the_date_each_stand_on_their_own_line() -> None:
    text = ("感谢社会各界的关爱和支持。\n中共沩宁县委\n沩宁县人民政府\n2026年2月10日\n")
    assert clean(text, LAYOUT).text == text


def test_short_issuers_names_opening_a_page_above_the_date_each_stand_on_their_own_line() -> None:
    text = "中共溧峪县委\n溧峪县人民政府\n2026年3月5日\n"
    assert clean(text, LAYOUT).text == text


def test_a_judgments_bench_lines_of_post_and_name_each_stand_on_their_own_line() -> None:
    text = ("如不服本判决，可在接到判决书的第二日起十日内提出上诉。\n审\u3000判\u3000长\u3000阚立新\n"
            "人民陪审员\u3000鄢桂芝\n人民陪审员\u3000晁守仁\n二〇二六年三月五日\n")
    assert clean(text, LAYOUT).text == text


def test_a_judgments_bench_stands_line_by_line_where_ocr_lost_the_gaps_after_the_posts() -> None:
    text = ("如不服本判决，可在接到判决书的第二日起十日内提出上诉。\n审判长阚立新\n人民陪审员鄢桂芝\n"
            "人民陪审员晁守仁\n二〇二六年三月五日\n")
    assert clean(text, LAYOUT).text == text


def test_a_judgments_certification_and_its_clerk_stand_on_their_own_lines() -> None:
    text = "二〇二六年三月五日\n本件与原本核对无异\n书\u3000记\u3000员\u3000禤晓蕾\n"
    assert clean(text, LAYOUT).text == text


def test_a_closing_formula_stands_on_its_own_line_under_a_contact_line_as_wide_as_the_column() -> None:
    page = ("电池据为己有后私自拆解，不得向土地、河道倾倒含重金属的废\n"
            "液废渣。守护一方水土，既是检察机关的职责，也需要每一位市\n民的自觉参与。发现相关违法线索的，可以拨打12309检察服务\n热线，或者登录12309中国检察网\n"
            "(https://www.12309.gov.cn）反映。\n联系人：滍原县人民检察院第五检察部宰卫东，联系电话：\n0394-5216638\n"
            "电子邮箱：zyxjcy-gyss2026@163.com\n通信地址：滍原县城关镇迎宾大道218号（邮编：466300）\n特此公告。\n"
            "滍原县人民检察院\n")
    assert "（邮编：466300）\n特此公告。\n滍原县人民检察院\n" in clean(page, LAYOUT).text


def test_an_agendas_title_and_the_role_lines_under_its_items_stand_apart() -> None:
    text = ("漭川县2026年全县农业农村工作会议议程\n时间：2026年2月27日（星期五）8:30—11:30\n"
            "地点：县行政中心第一会议室\n主持人：县委副书记、县长\u3000逄嘉禾\n"
            "一、8:30—8:45\u3000县委常委、组织部部长宣读表彰决定\n"
            "二、8:45—9:00\u3000为先进单位和先进个人颁奖\n颁奖人：出席会议的县领导\n"
            "三、9:00—9:50\u3000县委书记作重要讲话\n")
    assert clean(text, LAYOUT).text == text


def test_an_agendas_reader_and_the_leaders_attending_open_lines_of_their_own() -> None:
    text = ("于表彰2025年度乡村振兴工作先进单位和先进个人的决定》\n宣读人：县委常委、组织部部长\u3000逄嘉禾\n"
            "五、10:40—11:40\u3000县委书记缪承岳讲话\n出席领导：县委书记缪承岳，县委副书记、县长逄嘉禾\n")
    assert clean(text, LAYOUT).text == text


def test_rows_opening_with_a_time_or_date_range_stand_apart_where_ocr_lost_the_gap() -> None:
    text = ("9:50—10:20\u3000观摩崀溪镇半岭村民宿集群、鄞塘乡古村落保护利用项目\n"
            "10:20—10:40播放全县乡村旅游发展专题片\n10:40—11:30交流发言（每个单位不超过8分钟）\n")
    assert clean(text, LAYOUT).text == text


def test_a_range_of_times_inside_a_sentence_runs_on() -> None:
    text = "实行24小时值班和领导带班制度。白天值班时间为每日\n8:30—17:30，17:30至次日8:30为夜间值班时间。\n"
    assert "为每日8:30—17:30，" in clean(text, LAYOUT).text


def test_a_numbered_heading_whose_mark_ocr_read_as_a_space_stands_on_its_own_line() -> None:
    text = "情节严重、违反法律法规的，移交有关部门依法处理\n八 附则\n18.本村规民约自公布之日起施行。\n"
    assert "依法处理\n八 附则\n" in clean(text, LAYOUT).text


def test_the_distribution_line_of_minutes_opens_its_own_line() -> None:
    assert clean("记录: 揭思十\n\n分送: 县人民政府各位副县长，县直有关单位，有关乡镇人\n").text.startswith(
        "记录：揭思十\n分送：")


def test_rows_opening_with_a_time_or_date_range_and_a_gap_each_stand_on_their_own_line() -> None:
    text = ("9:30—9:50\u3000观摩崀溪镇半岭村民宿集群、鄞塘乡古村落保护利用项目\n9:50—10:10\u3000返回县文化馆\n"
            "2009年2月—2021年6月\u3000硚溪区浍塘乡党委副书记、乡长\n2021年6月至今\u3000硚溪区农业农村局副局长\n")
    assert clean(text, LAYOUT).text == text


def test_a_bare_title_mid_document_and_the_addressee_under_it_stand_apart() -> None:
    text = ("中共涞川县委组织部\n2026年3月30日\n（有效期七天）\n证明\n中共涞川县委组织部：\n"
            "你部介绍信（涞组介字〔2026〕15号）收悉。经核实，该同志在我单位工作期间表现良好。\n")
    assert clean(text, LAYOUT).text == text


def test_issuers_set_on_one_line_above_a_title_with_about_stand_apart_from_it() -> None:
    text = ("中共溧峪县委办公室\u3000溧峪县人民政府办公室\n关于召开全县乡村旅游发展推进会的通知\n"
            "各乡镇党委、政府，县直各单位：\n经县委、县政府同意，定于4月召开全县乡村旅游发展推进会。\n")
    assert clean(text, LAYOUT).text == text
