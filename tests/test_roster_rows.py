"""Roster rows: a list of people, one to a line (a name, a gap, a post), stays a list."""

from __future__ import annotations

from cleaner import Config, clean
from cleaner.roster_rows import coded_rows, figure_rows, post_rows, row_flags, row_gaps, split_row_names, unit_rows

# As Tesseract reads a printed list: each gap as spaces or a stray quote, the lines short of the
# column by different amounts.
READ = (
    "二、先进个人（36名）\n"
    "周立新”县应急管理局党组书记、局长\n"
    "刘海燕 县水利局副局长\n"
    "陈 刚 县气象局气象台台长\n"
    "何丽娟“城关镇滨河社区党委书记\n"
    "黄德胜 ”石门乡党委书记\n"
    "希望受到表扬的先进集体和先进个人珍惜荣誉、戒骄戒躁，继续发扬连续作战的优良作风，在灾后恢复重建中再创佳绩。\n"
)
LIST = (
    "二、先进个人（36名）\n"
    "周立新\u3000县应急管理局党组书记、局长\n"
    "刘海燕\u3000县水利局副局长\n"
    "陈\u3000刚\u3000县气象局气象台台长\n"
    "何丽娟\u3000城关镇滨河社区党委书记\n"
    "黄德胜\u3000石门乡党委书记\n"
    "希望受到表扬的先进集体和先进个人珍惜荣誉、戒骄戒躁，继续发扬连续作战的优良作风，在灾后恢复"
    "重建中再创佳绩。\n"
)


def test_a_name_a_gap_and_a_post_make_a_row() -> None:
    assert row_flags(["周立新”县应急管理局局长", "刘海燕 县水利局副局长", "陈 刚 县气象局台长"]) == [True] * 3


def test_an_opening_quote_after_a_name_makes_a_row_only_between_rows() -> None:
    lines = ["马俊杰”城关镇副镇长", "何丽娟“城关镇滨河社区党委书记", "黄德胜 石门乡党委书记"]
    assert row_flags(lines) == [True, True, True]
    assert row_flags(["技能夜校“则瞄准了县城的用工需求", "何丽娟“城关镇滨河社区"]) == [False, False]


def test_chapters_articles_and_bracketed_notes_are_no_rows() -> None:
    assert row_flags(["第一章 总则", "第一条 为加强管理", "玉兰 (女) 、修德兴、闫建华"]) == [False, False, False]


def test_the_gaps_of_rows_beside_rows_are_found_and_a_lone_row_shape_is_not() -> None:
    text = "周立新”县应急管理局局长\n刘海燕 县水利局副局长\n"
    assert [text[start:end] for start, end in row_gaps(text)] == ["”", " "]
    assert row_gaps("说明如下：\n运维”模式，由电梯企业负责。\n") == []


def test_the_pipeline_keeps_the_list_one_person_to_a_line_with_ideographic_gaps() -> None:
    assert clean(READ).text == LIST


def test_a_cleaned_list_is_left_as_it_is() -> None:
    assert clean(LIST).text == LIST


def test_one_row_already_set_keeps_its_gap_on_its_own() -> None:
    # (a second look at a few changed lines may see one row of a list without the rows beside it)
    assert clean("周立新\u3000县应急管理局党组书记、局长", Config(passes=("spacing",))).applied == ()


# As RapidOCR reads such a list when the gap is wide: name and post each a line of their own.
COLUMNS = ("二、先进个人（36名）\n吴志远\n国网桐岭县供电公司运维检修部主任\n郑小龙\n县人武部民兵应急连排长\n"
           "马俊杰\n城关镇党委副书记、镇长\n")


def test_names_each_before_a_post_on_the_next_line_are_split_rows() -> None:
    assert split_row_names(COLUMNS.splitlines()) == {1, 3, 5}
    assert split_row_names(["通知", "各乡镇人民政府，县直各单位：", "联系人", "王明"]) == set()  # no run of pairs


def test_the_pipeline_joins_each_name_to_its_post() -> None:
    cleaned = clean(COLUMNS).text
    assert cleaned == ("二、先进个人（36名）\n吴志远\u3000国网桐岭县供电公司运维检修部主任\n"
                       "郑小龙\u3000县人武部民兵应急连排长\n马俊杰\u3000城关镇党委副书记、镇长\n")
    assert clean(cleaned).text == cleaned


def test_a_bylines_gaps_read_as_spaces_or_quotes_become_ideographic_spaces() -> None:
    spacing = Config(passes=("spacing",))
    assert clean("本报记者”周明远”通讯员”吴佳琪\n清晨六点半，", spacing).text == (
        "本报记者\u3000周明远\u3000通讯员\u3000吴佳琪\n清晨六点半，")
    assert clean("本报记者 韩雪\n走进", spacing).text == "本报记者\u3000韩雪\n走进"
    # (and where OCR read no gap, in a newspaper's byline or one of two roles)
    assert clean("本报记者周明远通讯员吴佳琪\n清晨", spacing).text == (
        "本报记者\u3000周明远\u3000通讯员\u3000吴佳琪\n清晨")
    assert clean("记者王明\u3000通讯员李华\n", spacing).text == "记者\u3000王明\u3000通讯员\u3000李华\n"


def test_a_leads_byline_in_brackets_gets_its_gaps_only_where_ocr_read_one() -> None:
    assert clean("本报讯（记者　刘晓峰　通讯员陈思远）3月12日，记者在东山镇看到。").text == (
        "本报讯（记者　刘晓峰　通讯员　陈思远）3月12日，记者在东山镇看到。")
    read = "本报讯（记者刘晓峰 通讯员陈思远）记者在东山镇看到。"
    assert clean(read).text == "本报讯（记者　刘晓峰　通讯员　陈思远）记者在东山镇看到。"
    solid = "本报北京3月12日电（记者王浩）记者在东山镇看到。"  # (as many papers set it)
    assert clean(solid).text == solid


def test_a_line_that_opens_with_a_reporter_but_says_more_is_no_byline() -> None:
    spacing = Config(passes=("spacing",))
    for text in ("记者 了解到，今年全县将新建冷库20处。", "记者“一对一”走访了12户农民", "记者节快乐",
                 "本报记者王明李华"):
        assert "\u3000" not in clean(text, spacing).text


def test_lines_each_ending_with_a_post_three_in_a_row_are_a_list_whose_gaps_ocr_lost() -> None:
    lines = ["李国强县消防救援大队城关站站长", "吴志远国网桐岭县供电公司运维检修部主任", "郑小龙县人武部民兵应急连排长",
             "全面推进各项工作。"]
    assert post_rows(lines) == [True, True, True, False]
    more = ["笪小军婺北县茶业发展中心高级农艺师", "訾文静婺北县上坊乡党委委员", "陈晓东青岚县南山林场护林员"]
    assert post_rows(more) == [True] * 3
    assert post_rows(lines[1:]) == [False, False, False]  # (two in a row may be a wrapped sentence's lines)


def test_the_layout_keeps_such_a_list_one_person_to_a_line() -> None:
    rows = ("李国强县消防救援大队城关站站长\n吴志远国网桐岭县供电公司运维检修部主任\n郑小龙县人武部民兵应急连排长\n"
            "马俊杰城关镇党委副书记、镇长\n")
    assert clean(rows, Config(passes=("layout",))).text == rows


def test_lines_each_naming_a_unit_three_in_a_row_are_a_list_and_stay_lines() -> None:
    units = ["东澳镇退役军人志愿服务队", "东澳镇青年志愿者突击队", "东澳镇商会", "润丰水产有限公司"]
    assert unit_rows([*units, "对在防台抗台工作中表现突出的志愿者个人，镇里将另行表彰。"]) == [True] * 4 + [False]
    # (two in a row may be a wrapped sentence's lines)
    assert unit_rows(["由县应急管理局", "会同县水利局"]) == [False, False]
    closing = "对在防台抗台工作中表现突出的志愿者个人，镇里将另行表彰。\n"
    text = "现对以下单位予以通报表扬：\n" + "\n".join(units) + "\n" + closing
    assert clean(text).text == text



def test_units_a_government_body_a_station_or_a_village_end_with_are_units_too() -> None:
    units = ["梧桐区东山镇人民政府", "市气象局气象台", "省公安厅交通管理局", "青岚县南山国有林场", "东山镇红旗村",
             "浠川市农业农村局乡村产业发展科"]
    assert unit_rows(units) == [True] * 6


def test_a_name_may_carry_a_note_in_brackets() -> None:
    read = "张建国 青岚县林业局森林防火办公室主任\n李秀梅（女）”梧桐区东山镇党委副书记\n陈晓东 青岚县南山林场护林员\n"
    assert row_flags(read.splitlines()) == [True, True, True]
    assert clean(read).text == read.replace(" ", "\u3000").replace("”", "\u3000")

def test_a_lists_title_without_a_mark_stands_apart_from_the_list_under_it() -> None:
    units = "青岚县应急管理局\n青岚县林业局森林防火办公室\n梧桐区东山镇人民政府\n市气象局气象台\n"
    people = ("张建国　青岚县林业局森林防火办公室主任\n李秀梅（女）　梧桐区东山镇党委副书记\n"
              "陈晓东　青岚县南山林场护林员\n")
    text = "附件1\n2025年度森林防火工作先进集体名单\n" + units + "附件2\n2025年度森林防火工作先进个人名单\n" + people
    assert clean(text, Config(passes=("layout",))).text == text

def test_a_tables_rows_opening_with_serial_numbers_one_two_three_are_rows() -> None:
    # (a publicity list's table whose ideographic spaces OCR lost: 1赣阳市…公司芗山县绿茶、红茶)
    lines = ["序号企业名称所在县（区）主营产品", "1赣阳市嵊丰茶业有限公司芗山县绿茶、红茶",
             "2沅北县橙乡果业有限公司沅北县脐橙", "3赣阳市岚峰油茶科技有限公司浠阳区山茶油",
             "公示期为2026年5月10日至5月16日。"]
    assert coded_rows(lines) == [False, True, True, True, False]
    assert coded_rows(["1.加强组织领导", "2.落实责任", "3.完善制度"]) == [False, False, False]
    assert coded_rows(["3人受伤", "1人死亡", "2名群众"]) == [False, False, False]


# A recruitment notice's table of posts as OCR reads it: each row's cells run together after its post
# code, a long row wrapped onto a second line.
CODED_TABLE_READ = (
    "本次招聘岗位、人数及资格条件如下：\n"
    "101高中语文教师6本科及以上学历，汉语言文学、汉\n"
    "语言专业\n"
    "201初中英语教师8本科及以上学历，英语专业\n"
    "202初中道德与法治教师5本科及以上学历，思想政治\n"
    "教育、政治学与行政学专业\n"
    "301小学语文教师20大专及以上学历，专业不限\n"
    "302小学数学教师18大专及以上学历，专业不限\n"
)


def test_lines_opening_with_codes_of_one_length_three_or_more_are_a_tables_rows() -> None:
    lines = CODED_TABLE_READ.splitlines()
    assert coded_rows(lines) == [False, True, False, True, True, False, True, True]
    # (a figure before a unit or a date opens no row; nor do two codes, or codes of different lengths)
    figures = ["2026年全县", "2025年全县", "2024年全县", "300余名干部", "120名干部", "150名干部"]
    assert coded_rows(figures) == [False] * 6
    assert coded_rows(["101语文", "102数学"]) == [False, False]
    assert coded_rows(["101语文", "1020数学", "10数学"]) == [False, False, False]


def test_the_layout_starts_each_coded_row_on_its_own_line_and_joins_its_wrapped_lines() -> None:
    assert clean(CODED_TABLE_READ, Config(passes=("layout",))).text == (
        "本次招聘岗位、人数及资格条件如下：\n"
        "101高中语文教师6本科及以上学历，汉语言文学、汉语言专业\n"
        "201初中英语教师8本科及以上学历，英语专业\n"
        "202初中道德与法治教师5本科及以上学历，思想政治教育、政治学与行政学专业\n"
        "301小学语文教师20大专及以上学历，专业不限\n"
        "302小学数学教师18大专及以上学历，专业不限\n"
    )


# A bulletin's ranking of towns as OCR reads it, the gaps between its fields lost.
RANKING_READ = (
    "今冬各乡镇完成情况良好。\n"
    "附：各乡镇投资完成进度前五名\n"
    "砻口镇完成投资4860万元完成率82.6%\n"
    "枧头镇完成投资4215万元完成率78.4%\n"
    "蓼湾乡完成投资2970万元完成率73.1%\n"
    "各地经验\n"
)


def test_lines_each_ending_in_a_figure_three_in_a_row_are_a_tables_rows() -> None:
    assert figure_rows(RANKING_READ.splitlines()) == [False, False, True, True, True, False]
    # (two are not enough; nor are lines whose figure the next line goes on with: 2025⏎年底, 12⏎个)
    assert figure_rows(["砻口镇完成投资4860万元", "枧头镇完成投资4215万元", "各地经验"]) == [False] * 3
    wrapped = ["全县共有行政村12", "个，截至2025", "年底完成改造的有8", "个，其余村将在2026", "年完成。"]
    assert figure_rows(wrapped) == [False] * 5


def test_lines_of_figures_without_commas_are_rows_though_they_share_no_word() -> None:
    # (a table of indicators: target, result, weight and score, the gaps lost)
    lines = ["完成农村户厕改造数量3200户3085户8分7.5分", "户厕改造验收合格率≥95%96.8%5分5分",
             "生活垃圾收运体系覆盖行政村比例100%100%6分6分"]
    assert figure_rows(lines) == [True, True, True]
    # (a statistical paragraph's wrapped lines ending in figures are clauses, with commas)
    clauses = ["年末提高0.9个百分点全年出生人口3826人，出生率为6.55%", "死亡人口4169人，人口自然增长率为0.59%",
               "全年全体居民人均可支配收入52368元，比上年增长5.1%"]
    assert figure_rows(clauses) == [False, False, False]


def test_the_layout_keeps_such_rows_one_to_a_line_under_their_title() -> None:
    assert clean(RANKING_READ, Config(passes=("layout",))).text == RANKING_READ


def test_rows_ending_in_a_time_before_rows_opening_with_serial_numbers_are_rows_too() -> None:
    # (a timetable: a row's wrapped end, 17:00, before them; the serial number opens no figure's tail)
    lines = ["1招标文件获取2026年2月25日9:00至2026年3月3日", "17:00", "2投标人提出疑问截止2026年3月6日17:00",
             "3招标人澄清答复截止2026年3月9日17:00", "4投标保证金递交截止2026年3月17日17:00", "五、投标保证金"]
    assert figure_rows(lines) == [False, False, True, True, True, False]
