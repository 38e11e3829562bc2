"""Prerequisites on a held-out set of sentences of our own, across sectors, written before the extractor saw them.

The sample corpus is all public security; these sentences are in the genre's wording for education, health,
transport, environment, 营商环境, agriculture and rural revitalization, with look-alikes that are NOT
prerequisites (an occasion, a lever, a carrier, an orientation; a working method; 倒逼; money as the support;
a baseline year). Each case states every expected (cue, prerequisite, dependent); a look-alike expects none.
Run this file as a script to print precision and recall on the set.
"""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.prerequisites import extract_prerequisites

# (sentence, [(cue, prerequisite, dependent), …]) as printed in the sentence.
STATED = [
    # education
    ("依托国家中小学智慧教育平台，推动优质课程资源向农村学校延伸。",
     [("依托X", "国家中小学智慧教育平台", "推动优质课程资源向农村学校延伸")]),
    ("充分利用闲置校舍资源，建设乡村幼儿园。", [("利用X", "闲置校舍资源", "建设乡村幼儿园")]),
    ("依托县级职业教育中心，开展农民工技能培训。", [("依托X", "县级职业教育中心", "开展农民工技能培训")]),
    # health
    ("以全民健康信息平台为依托，推进检查检验结果互认。",
     [("以X为依托", "全民健康信息平台", "推进检查检验结果互认")]),
    ("在现有养老服务中心基础上，增设日间照料床位。", [("在X基础上", "现有养老服务中心", "增设日间照料床位")]),
    # transport
    ("加快建设城市综合交通大数据中心，为交通拥堵治理提供数据支撑。",
     [("为X提供支撑", "城市综合交通大数据中心", "交通拥堵治理")]),
    ("建成智慧停车管理系统，有效缓解中心城区停车难问题，为城市交通治理提供支撑。",
     [("为X提供支撑", "智慧停车管理系统", "城市交通治理")]),
    # 营商环境
    ("全面推行“一网通办”，实现企业开办全流程网上办理，为优化营商环境奠定坚实基础。",
     [("为X奠定基础", "“一网通办”", "优化营商环境")]),
    ("借助“互联网+监管”系统，对重点企业开展非现场检查。",
     [("借助X", "“互联网+监管”系统", "对重点企业开展非现场检查")]),
    ("以数字政府建设为重要支撑，深化“放管服”改革。", [("以X为支撑", "数字政府建设", "深化“放管服”改革")]),
    ("依托“12345”政务服务便民热线，建立企业诉求快速响应机制。",
     [("依托X", "“12345”政务服务便民热线", "建立企业诉求快速响应机制")]),
    ("开发基于区块链技术的电子证照共享平台。", [("基于X的Y", "区块链技术", "电子证照共享平台")]),
    ("通过搭建中小企业融资服务平台，缓解企业融资难题。",
     [("通过X构建", "中小企业融资服务平台", "缓解企业融资难题")]),
    # environment
    ("通过农村污水处理设施建设，改善农村人居环境。", [("通过X建设", "农村污水处理设施建设", "改善农村人居环境")]),
    ("健全河湖长制信息系统，为河湖日常巡查提供技术支撑。", [("为X提供支撑", "河湖长制信息系统", "河湖日常巡查")]),
    ("利用卫星遥感影像，开展违法用地动态巡查。", [("利用X", "卫星遥感影像", "开展违法用地动态巡查")]),
    # emergency management, industry
    ("完善应急物资储备体系，为防汛抗旱提供有力保障。", [("为X提供保障", "应急物资储备体系", "防汛抗旱")]),
    ("建立健全危险化学品安全风险监测预警系统，实现重大危险源在线监测，为安全生产监管提供支撑。",
     [("为X提供支撑", "危险化学品安全风险监测预警系统", "安全生产监管")]),
    ("依托产业园区，以龙头企业为引领，培育新能源汽车产业集群。",
     [("依托X", "产业园区", "培育新能源汽车产业集群")]),
    ("加快推进标准厂房建设，为承接产业转移创造条件。", [("为X创造条件", "标准厂房建设", "承接产业转移")]),
    # agriculture, rural revitalization
    ("以高标准农田建设为基础，发展适度规模经营。", [("以X为基础", "高标准农田建设", "发展适度规模经营")]),
    ("在巩固脱贫攻坚成果的基础上，全面推进乡村振兴。", [("在X基础上", "巩固脱贫攻坚成果", "全面推进乡村振兴")]),
    ("推进供销社基层网点改造，夯实农村现代流通体系的基础。",
     [("夯实X基础", "供销社基层网点改造", "农村现代流通体系")]),
    ("依靠村级组织和驻村工作队，推动防返贫动态监测落实落地。",
     [("依靠X", "村级组织和驻村工作队", "推动防返贫动态监测落实落地")]),
    ("到2025年，建成覆盖城乡的公共文化服务网络，为群众就近参与文化活动提供支撑。",
     [("为X提供支撑", "覆盖城乡的公共文化服务网络", "群众就近参与文化活动")]),
    ("以完成农村集体产权制度改革为前提，稳妥推进农村集体经营性建设用地入市。",
     [("以X为前提", "完成农村集体产权制度改革", "稳妥推进农村集体经营性建设用地入市")]),
    ("按照全域治理要求，实施城乡供水一体化工程，为乡村产业发展提供水源保障。",
     [("为X提供保障", "城乡供水一体化工程", "乡村产业发展")]),
]

# Sentences whose cue-like words name no prerequisite.
LOOK_ALIKES = [
    "以创建国家卫生城市为契机，全面整治农贸市场环境。",
    "以“百千万工程”为抓手，推动县域经济高质量发展。",
    "以新时代文明实践中心为载体，开展移风易俗宣传。",
    "以高质量党建为引领，推动物业服务提质增效。",
    "以优化营商环境为主线，深化行政审批制度改革。",
    "坚持以人民健康为中心，以基层为重点，推动医疗资源下沉。",
    "以市场需求为导向，调整职业院校专业设置。",
    "以“一老一小”为重点，完善社区服务设施。",
    "去年以来，通过开展“双随机、一公开”抽查，查处违法案件36起。",  # a method, in a past achievement
    "通过线上线下相结合的方式，广泛宣传惠企政策。",  # a working method
    "2023年，通过“校聘乡用”方式招聘乡村教师120名。",
    "以督查问责倒逼工作落实。",
    "以人工智能赋能传统产业转型升级。",  # 以X赋能Y: a lever
    "以县城为重要载体推进新型城镇化。",
    "市财政局负责为乡村振兴重点项目提供资金保障。",
    "各级财政要为义务教育学校正常运转提供经费保障。",
    "依据《中华人民共和国安全生产法》，制定年度监督检查计划。",  # a normative basis
    "全市规模以上工业增加值在上年基础上增长6%。",  # a baseline year, not a prerequisite
    "提高水资源利用效率。",
]

# A second batch, written after the rules were revised on the first and before running the extractor on it:
# the honest measure of the revised rules.
FRESH = [
    ("依托省级政务云平台，推进部门业务系统迁移上云。", [("依托X", "省级政务云平台", "推进部门业务系统迁移上云")]),
    ("以国土空间基础信息平台为基础，构建国土空间规划“一张图”。",
     [("以X为基础", "国土空间基础信息平台", "构建国土空间规划“一张图”")]),
    ("在摸清历史文化资源底数的基础上，编制历史文化名城保护规划。",
     [("在X基础上", "摸清历史文化资源底数", "编制历史文化名城保护规划")]),
    ("完善住房公积金数据共享机制，为缴存职工异地购房提供便利。", []),  # a service, not support of work
    ("加快建设区域医疗中心，为群众就近享有优质医疗服务提供保障。",
     [("为X提供保障", "区域医疗中心", "群众就近享有优质医疗服务")]),
    ("推进智慧水利建设，构建数字孪生流域，为科学调度水资源提供决策支撑。",
     [("为X提供支撑", "数字孪生流域", "科学调度水资源")]),
    ("通过政府购买服务方式，引导社会力量参与居家养老服务。", []),  # a working method
    ("借助大数据分析手段，精准识别低收入人口。", [("借助X", "大数据分析手段", "精准识别低收入人口")]),
    ("利用现有文化站、农家书屋等阵地，开展群众性文化活动。",
     [("利用X", "现有文化站、农家书屋等阵地", "开展群众性文化活动")]),
    ("以“双减”政策落实为契机，丰富课后服务内容。", []),
    ("以标准化建设为抓手，提升基层市场监管所履职能力。", []),
    ("依托全国信用信息共享平台，对失信主体实施联合惩戒。",
     [("依托X", "全国信用信息共享平台", "对失信主体实施联合惩戒")]),
    ("整合现有监测站点，建成全覆盖的空气质量监测网络，为精准治污提供数据支撑。",
     [("为X提供支撑", "全覆盖的空气质量监测网络", "精准治污")]),
    ("建立科技特派员制度，为农业科技成果转化打通“最后一公里”。", []),  # no cue
    ("以县域医共体建设为依托，推动优质医疗资源下沉。", [("以X为依托", "县域医共体建设", "推动优质医疗资源下沉")]),
    ("基于城市信息模型（CIM）平台，开展城市体检评估。",
     [("基于X", "城市信息模型（CIM）平台", "开展城市体检评估")]),
    ("通过老旧小区改造，同步完善社区养老托育设施。", [("通过X", "老旧小区改造", "同步完善社区养老托育设施")]),
    ("以数字人民币试点为牵引，拓展消费应用场景。", []),
    ("在2023年基础上，全市粮食产量稳定在50万吨以上。", []),  # a baseline year
    ("为企业提供“一站式”政策咨询服务。", []),
    ("充分发挥行业协会作用，为企业“走出去”提供信息服务。", []),
    ("全面完成第三次国土调查，为编制国土空间总体规划奠定基础。",
     [("为X奠定基础", "第三次国土调查", "编制国土空间总体规划")]),
    ("依靠科技创新，推动传统产业转型升级。", [("依靠X", "科技创新", "推动传统产业转型升级")]),
    ("以乡村旅游为重要支撑，带动农民增收致富。", [("以X为支撑", "乡村旅游", "带动农民增收致富")]),
]

CASES = STATED + [(text, []) for text in LOOK_ALIKES] + FRESH


def stated(text: str) -> list[tuple[str, str, str]]:
    """The cue-stated prerequisites of one sentence as (cue, prerequisite, dependent)."""
    document = Document(id="h", source="h.txt", sha256="", format="txt", text=text)
    found = extract_prerequisites(document, [], [], [])
    return [(p.cue, p.prerequisite, p.dependent) for p in found if p.cue_class in ("listed", "listed-variant", "extended")]


@pytest.mark.parametrize("text, expected", CASES, ids=[f"case{index:02d}" for index in range(len(CASES))])
def test_heldout_sentence(text, expected):
    assert sorted(stated(text)) == sorted(expected)


def scores(cases: list[tuple] = CASES) -> dict[str, tuple[float, float]]:
    """Precision and recall over ``cases``: "sides" asks for both sides exactly, "prerequisite" for the
    prerequisite side only (what the gold scorer checks)."""
    result = {}
    for name, key in (("sides", lambda t: (t[1], t[2])), ("prerequisite", lambda t: t[1])):
        true_positive = predicted = wanted = 0
        for text, expected in cases:
            found = [key(t) for t in stated(text)]
            gold = [key(t) for t in expected]
            predicted, wanted = predicted + len(found), wanted + len(gold)
            true_positive += sum(1 for item in found if item in gold)
        result[name] = (true_positive / predicted if predicted else 1.0, true_positive / wanted)
    return result


if __name__ == "__main__":
    first = STATED + [(text, []) for text in LOOK_ALIKES]
    for label, cases in (("first batch", first), ("fresh batch", FRESH), ("all", CASES)):
        for name, (precision, recall) in scores(cases).items():
            print(f"held-out prerequisites, {label} ({name}): P {precision:.2f} R {recall:.2f} over {len(cases)}")
