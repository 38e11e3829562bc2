"""Headings after a task table may hang under a category row inside it: the outline must not lose them."""

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

TEXT = """云岭县2024年智慧交通建设实施方案
一、主要任务
1.建设交通运行监测平台。年底前完成平台上线。
附表
重点项目清单
序号
项目名称
项目内容
完成时间
一、信息化项目
1
建设交通运行监测平台
汇聚路网、客运、货运数据。
2024年
二、装备项目
2
更新执法装备
配齐执法记录仪。
2025年
(一)完善工作机制
健全部门会商制度。
(二)强化资金保障
统筹安排项目资金。
"""


def test_headings_under_a_category_row_of_a_table_do_not_break_extraction():
    document = Document(id="yunling", source="yunling.txt", sha256="0", format="txt", text=TEXT)
    plan = extract_plan_meta(document)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, plan)
    table_titles = [t.title for t in tasks if t.source == "table" and t.number in {"1", "2"}]
    assert table_titles == ["建设交通运行监测平台", "更新执法装备"]
    assert any(t.title == "建设交通运行监测平台" and t.source != "table" for t in tasks)


TABLE_THEN_OUTLINE = """序号
改革名称
时间
一、深化执法体制改革
1
二、深化审批制度改革
2021年
(一)指导思想
(三)重点任务
1、落实安全管控措施，维护社会稳定。一是深入开展隐患排查。二是健全应急机制。
"""


def test_a_task_whose_heading_chain_passes_through_a_table_gets_its_deadline_context():
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=TABLE_THEN_OUTLINE)
    plan = extract_plan_meta(document)
    tasks = extract_tasks(document, extract_outline(document), plan)
    assert any(t.title.startswith("落实安全管控措施") for t in tasks)
