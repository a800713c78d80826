from __future__ import annotations

from cleaner import Config, clean

SPACING = Config(passes=("spacing",))
TECHNICAL = SPACING.with_(profile="technical")


def test_spaces_between_chinese_and_numbers_are_removed() -> None:
    assert clean("2020 年 12 月 10 日", SPACING).text == "2020年12月10日"


def test_spaces_between_chinese_characters_are_removed() -> None:
    assert clean("电 话：027-51828284", SPACING).text == "电话：027-51828284"


def test_a_space_between_two_words_of_a_title_is_removed() -> None:
    assert clean("贺信精神的 通知", SPACING).text == "贺信精神的通知"


def test_a_space_before_a_percent_sign_is_removed() -> None:
    assert clean("比重仅为 26 %，高", SPACING).text == "比重仅为26%，高"


def test_spaces_around_chinese_punctuation_are_removed() -> None:
    assert clean("要求 ， 全省", SPACING).text == "要求，全省"


def test_spaces_between_latin_words_are_kept() -> None:
    text = "Research and Development 1 000 units"
    assert clean(text, SPACING).edits == ()


def test_the_official_profile_sets_latin_words_solid_against_chinese() -> None:
    assert clean("使用 Python 语言", SPACING).text == "使用Python语言"


def test_the_technical_profile_keeps_spaces_between_chinese_and_latin() -> None:
    assert clean("使用 Python 语言，共 3 个", TECHNICAL).text == "使用 Python 语言，共3个"


def test_the_space_after_an_article_number_is_kept() -> None:
    text = "第一条　为了规范职业技能等级认定工作"
    assert clean(text, SPACING).edits == ()


def test_in_a_text_of_articles_the_number_opening_a_paragraph_is_set_apart_by_an_ideographic_space() -> None:
    # (OCR reads the gap as a space, or not at all)
    text = ("第一章总则\n第一条为加强本院医疗废物管理，制定本办法。\n第二条 本办法所称医疗废物。\n"
            "第三条　本办法适用于本院。\n依照第四条规定的程序办理。\n第二十条第（五）项：\n"
            "第二章规划与建设\n第二十一条规定的期限届满的，从其规定。\n")
    assert clean(text, SPACING).text == (
        "第一章\u3000总则\n第一条\u3000为加强本院医疗废物管理，制定本办法。\n第二条\u3000本办法所称医疗废物。\n"
        "第三条\u3000本办法适用于本院。\n依照第四条规定的程序办理。\n第二十条第（五）项：\n"
        "第二章\u3000规划与建设\n第二十一条规定的期限届满的，从其规定。\n")
    # (but an ordinal that opens a sentence of another text is no article: 第一条生产线)
    news = "第一条生产线建成投产。\n第二条生产线年底开工。\n全市经济运行平稳。\n"
    assert clean(news, SPACING).edits == ()


def test_line_breaks_are_not_spacing() -> None:
    text = "各地要认真组织学习\n贯彻落实"
    assert clean(text, SPACING).edits == ()


def test_a_gap_between_two_labelled_fields_becomes_two_ideographic_spaces() -> None:
    cleaned = clean("联系人：王明    联系电话：027-51828284", SPACING).text
    assert cleaned == "联系人：王明\u3000\u3000联系电话：027-51828284"


def test_a_gap_before_a_label_after_latin_text_is_a_field_gap_too() -> None:
    assert clean("邮箱:ab@wh.gov.cn 网址:http://wh.gov.cn/", SPACING).text == "邮箱:ab@wh.gov.cn\u3000\u3000网址:http://wh.gov.cn/"


def test_a_gap_before_a_label_with_no_field_before_it_is_removed() -> None:
    assert clean("请与 联系人：王明 联系", SPACING).text == "请与联系人：王明联系"


def test_a_field_gap_already_set_is_left_alone() -> None:
    assert clean("联系人：王明\u3000\u3000电话：12345", SPACING).applied == ()


def test_a_gap_after_a_mark_that_already_separates_the_fields_is_no_field_gap() -> None:
    assert clean("联系人：王明， 电话：12345", SPACING).text == "联系人：王明，电话：12345"
    assert clean("电话：12345 , 邮箱：ab@qq.com", SPACING).applied == ()


def test_text_spaced_character_by_character_is_set_solid_labels_included() -> None:
    spaced = "联 系 电 话 : 027-51828284 , 邮 箱 : abc@qq.com"
    assert clean(spaced, SPACING).text == "联系电话 : 027-51828284 , 邮箱 : abc@qq.com"


def test_an_ideographic_space_between_chinese_characters_is_a_typesetters_and_stays() -> None:
    # (OCR never reads one: 本报记者　王明, 中共某县委书记　覃穆之)
    assert clean("本报记者\u3000封晓川\u3000通讯员\u3000蒋一鸣", SPACING).applied == ()


def test_the_space_after_a_sections_number_of_two_levels_stays_and_after_one_goes() -> None:
    # (2 推行… is as often a list item whose point OCR lost)
    assert clean("1.1 编制目的\n2.3.1 发生较大以上地质灾害\n2 推行新型学徒制", SPACING).text == (
        "1.1 编制目的\n2.3.1 发生较大以上地质灾害\n2推行新型学徒制"
    )


def test_the_gap_between_a_post_and_a_name_on_a_line_of_their_own_is_an_ideographic_space() -> None:
    # (a report's speaker under its title, a decree's signatory: OCR read the gap as a quote or spaces)
    text = "关于2025年度县级预算执行的审计工作报告\n梧桐县审计局局长”陈立华\n主任、各位副主任：\n市长 林启航\n"
    assert clean(text, SPACING).text == text.replace("局长”", "局长\u3000").replace("市长 ", "市长\u3000")


def test_the_gap_between_a_unit_and_a_contacts_name_is_an_ideographic_space() -> None:
    text = "联系人：县医疗保障局待遇保障股“周立群，联系电话：0539-1234567。"
    assert clean(text, SPACING).text == text.replace("股“", "股\u3000")


def test_a_quote_a_line_opened_itself_or_a_sentence_cut_after_a_name_keeps_its_marks() -> None:
    assert clean("他是“好局长”陈立华\n", SPACING).text == "他是“好局长”陈立华\n"
    assert clean("会议由县委书记 王明\n主持。", SPACING).text == "会议由县委书记王明\n主持。"


def test_a_gap_that_is_a_bylines_and_a_signatures_too_is_set_once() -> None:
    # (记者 is a post as well: both finders find the gap of 本报记者”韩雪, which once overlapped itself)
    assert clean("院长姚振宇\n\n本报记者”韩雪").text == "院长姚振宇\n本报记者\u3000韩雪\n"


def test_the_space_ocr_read_for_a_numbered_headings_mark_becomes_the_mark() -> None:
    assert clean("移交有关部门依法处理。\n八 附则\n二　提升政务服务效能\n", SPACING).text == (
        "移交有关部门依法处理。\n八、附则\n二、提升政务服务效能\n")


def test_a_numeral_and_a_space_before_running_text_or_two_other_hanzi_stay_text() -> None:
    assert clean("三 年来，全县上下\n二 训册\n", SPACING).text == "三年来，全县上下\n二训册\n"
