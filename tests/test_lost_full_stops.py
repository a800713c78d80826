"""A paragraph of sentences that a heading follows gets back the `。` OCR lost at its end."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.edit import Safety, apply
from cleaner.lost_full_stops import RULE, lost_full_stops
from cleaner.pipeline import Pipeline


def stopped(text: str) -> str:
    return apply(text, lost_full_stops(text, "punctuation"))


@pytest.mark.parametrize("heading", ["一、总体要求", "（三）严格监督考核", "(二)具备条件", "2.加强师资",
                                     "第五条 本办法"])
def test_a_paragraph_of_sentences_before_a_heading_ends_with_a_full_stop(heading: str) -> None:
    text = f"为推动工作落实，结合我市实际，制定本方案\n{heading}\n"
    assert stopped(text) == f"为推动工作落实，结合我市实际，制定本方案。\n{heading}\n"


@pytest.mark.parametrize("ending", ["同比增长8.3%", "组建了86人的“流动教师队”"])
def test_a_figure_or_a_quoted_term_can_end_the_sentence(ending: str) -> None:
    text = f"今年以来，全县农业生产稳中有进，{ending}\n（三）农民收入稳步增长\n"
    assert stopped(text) == f"今年以来，全县农业生产稳中有进，{ending}。\n（三）农民收入稳步增长\n"


@pytest.mark.parametrize("heading", ["第十三条　农贸市场", "第三章　监督管理"])
def test_an_articles_text_is_sentences_though_its_number_opens_it(heading: str) -> None:
    text = f"第十二条　经营者应当在划定的摊位范围内摆放商品，不得占道经营\n{heading}\n"
    assert stopped(text) == f"第十二条　经营者应当在划定的摊位范围内摆放商品，不得占道经营。\n{heading}\n"


def test_a_paragraph_of_sentences_ending_in_a_percentage_before_another_paragraph_ends_with_a_full_stop() -> None:
    text = "全年农林牧渔业增加值12.3亿元，辅助性活动产值1.93亿元，增长6.2%\n全年粮食播种面积12.5万亩。\n"
    assert stopped(text) == text.replace("6.2%\n", "6.2%。\n")


def test_a_paragraph_of_sentences_ending_in_a_sum_of_money_before_another_paragraph_ends_with_a_full_stop() -> None:
    text = "全年共争取上级资金1.2亿元，其中中央预算内投资3200万元\n全年新开工项目86个。\n"
    assert stopped(text) == text.replace("3200万元\n", "3200万元。\n")
    # (not a unit after no figure: 单元, the word's own)
    unit = "本次共检查居民住宅楼12栋，涉及3个单元\n检查中发现的问题已当场整改。\n"
    assert lost_full_stops(unit, "punctuation") == []


@pytest.mark.parametrize("text", [
    "全市冷库总容量达到12万吨，蔬菜产地损耗率由25%降至7.6%\n本报记者　王晓川\n",  # a deck above a byline
    "全年共发放贷款1.2亿元，其中创业担保贷款3200万元\n本报记者　王晓川\n",  # likewise
    "新增就业5000人5836人116.7%\n失业人员再就业1200人1427人118.9%\n",  # a table's rows
    # a ranking's rows whose fields OCR ran together, a comma read in one
    "砻口镇完成投资2976万元，完成率73.1%\n梣溪乡完成投资2630万元，完成率69.8%\n白沙铺镇完成投资3180万元\n",
])
def test_a_figure_ending_a_line_gets_no_full_stop_where_the_mark_is_unclear(text: str) -> None:
    assert lost_full_stops(text, "punctuation") == []


def test_the_edit_is_automatic_and_names_its_rule() -> None:
    [edit] = lost_full_stops("为推动工作落实，结合我市实际，制定本方案\n一、总体要求\n", "punctuation")
    assert (edit.before, edit.after, edit.safety, edit.rule_id) == ("", "。", Safety.AUTO, RULE)


@pytest.mark.parametrize("text", [
    "（一）坚持系统观念，统筹推进各项工作\n（二）坚持问题导向\n",  # a heading of its own line
    "三，切实加强习近平总书记重要指示精神贯彻落实工作的组织领导\n（一）加强组织领导。\n",  # 、 misread
    "、申请补助的理由和依据，以及资金使用计划\n（一）群众诉求迫切\n",  # a heading that lost its number
    "为做好今年工作，现就有关事项通知如下\n一、总体要求\n",  # introduces a list: a colon
    "结合我市实际，重点做好以下五个方面工作\n（一）全力推进\n",
    "1.安澜县溪畔食用菌专业合作社（溪畔镇，食用菌种植\n2.安澜县明辉饲料有限公司\n",  # a bracket open
    "到2026年底高技能人才占技能人才总量的比例达到32%以上5\n二、重点任务\n",  # a figure: a misread mark
    "强化公共数据共享，开展授权运营试点;了\n（二）具备电子围栏\n",  # Latin marks: noise
    "为做好今年的工作，现提出以下意见。     5      本\n一、基础设施\n",  # a folio's remains
    "各区人民政府负责辖区内停放区域的日常管理第二章、投放与运营\n第五条 市交通运输主管部门\n",  # run in
    "为落实本方案，结合我市实际，制定本方案“一 总体要求\n(一) 指导思想\n",  # a stray quote
    "交接工作，第三前，分类收集与运送\n第九条 医疗废物\n",  # a chapter heading misread
    "总体要求，主要任务\n一、总体要求\n",  # too short to tell from a title
    "港澳台同胞可持有效证件报名参加语言服务岗“二，报名条件\n1.遵守国家法律法规\n",  # a heading run in
    "市本级主要支出项目执行情况：教育支出38.62亿元，增长\n5.社会保障和就业支出42.1亿元\n",  # figure lost
    "附件：1，汀阳市高标准农田建设现场推进会观摩路线图\n2.汀阳市推进会参会回执\n",  # attachments
    "开户银行：禾溪县农商银行城关支行耐件;1，挂牌出让地块位置示意图\n2.挂牌出让地块规划设计条件\n",  # 附件 misread
    "力争到年底累计培训，让更多农民凭技能端上金饭碗\n1.万人次以上，让更多农民\n",  # a figure, no item
    "行政规范性文件：本年制发3件，本年废止1件，现行有效件数17件\n第二十条第（五）项：\n",  # a reference
    "收运车辆要喷涂明显的分类标识，并安装卫星定位装置了\n（四）建立收运全程监管\n",  # 了: a misread 。
    "对纳入的便民商店，每个给予一次性补助1.5万元\"【二》健全农村物流配送体系\n1.推进县级物流配送中心建设\n",  # run in
    "市水利局防汛抗旱科、市应急管理局救援协调科、市供电公司调度控制中心\n二、禾溪县（7个）\n",  # a list
    "王立军、李红梅、张建国、陈晓东，刘志强、赵国庆、孙丽华\n三、梧塘县（15名）\n",  # a list, a 、 misread
    "全面贯彻党的二十大精神。\n一、总体要求\n",  # already ends with a mark
    "全面贯彻党的二十大精神，推动高质量发展\n各区人民政府：\n",  # no heading follows
    "责任单位：县水利局，县财政局、县卫生健康局、县生态环境分局配合\n三、关于老旧小区改造\n",  # a field
    "出席：王立军、李红梅，张建国、陈晓东、刘志强、赵国庆\n一、关于经济运行\n",
    "责任单位; 县交通运输局，各乡镇人民政府\n2.科学评定等级。\n",  # a field whose colon OCR read as ;
    "表任单位：县人力资源和社会保障局、县乡村振兴服务中心，各乡镇人民政府\n3.整治路域环境。\n",  # 责 misread
    "第十二条　农贸市场开办者在经营活动中，应当履行下列义务\n（一）建立制度\n",  # an article introducing items
    "第三章　监督管理与法律责任，附则\n第十条　市场监督管理部门\n",  # a chapter heading
    "会议组织了来自全国各地的代表，有来自新疆、内蒙\n十、辽宁、吉林等地的\n",  # a list's wrap, 古 misread
    "要加强各级领导班子的思想作风建设，特别是\n一、二把手要带头\n",  # a word that introduces more
    # an item whose number OCR lost, in a list whose items end without a mark
    "1.老吉坪遗址，新石器时代至商，峰山县确口镇赵坪村\n2.治河古渡遗址，汉至清，治水县涂滨街道埠头村\n"
    "峰山汉墓群，汉，峰山县贬山镇北坑村\n二、古建筑（5处）\n",
    # a table's rows run into a paragraph, the last clause figures and their units
    "新建农村生活污水处理设施60座51座，8分6.5分项目按期完工率100%，91.3%4分3分\n（三）效益指标\n",
])
def test_no_full_stop_where_the_mark_is_unclear(text: str) -> None:
    assert lost_full_stops(text, "punctuation") == []


def test_a_second_clean_adds_nothing() -> None:
    pipeline = Pipeline(Config())
    once = pipeline.run("为推动工作落实，结合我市实际，制定本方案\n\n一、总体要求\n（一）指导思想\n").text
    assert "制定本方案。\n一、总体要求" in once
    assert pipeline.run(once).text == once


def test_a_list_items_line_whose_point_ocr_read_as_a_comma_or_lost_takes_no_full_stop() -> None:
    # (a list of heritage sites: each item a name, an age and a place, no sentence)
    text = ("三、古建筑（5处）\n6三口古道，明至清，崞山县磴口镇至隰东区干子口村\n7．吉见坑戏台，清，隰东区各网壤村\n"
            "四、石窟寺及石刻（1处）\n11，骨顶摩崖造像，唐，隰东区骨顶村\n五、近现代重要史迹\n")
    assert lost_full_stops(text, "punctuation") == []
