"""The facts extracted from one document: the contract between extraction and the graph.

Every fact carries a ``Span`` into ``Document.text`` (the cleaned text, which keeps the original characters):
that is its provenance. ``evidence`` is the exact source text of the fact, ``sentence`` the sentence around it.
Extraction modules only produce these dataclasses; ``plankg.graph.rdf`` turns them into RDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) in ``Document.text``."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass
class Document:
    """A source document reduced to clean text; all spans of its facts index into ``text``."""

    id: str  # stable slug, from the file name
    source: str  # path or URL as given by the user
    sha256: str  # of the raw bytes: an unchanged document is skipped on rebuild
    format: str  # txt | html | docx | pdf
    text: str  # cleaned text, original characters kept (chrome and injected spam removed)
    encoding: str | None = None  # detected encoding of a plain-text source
    # Metadata printed around the body rather than in it: page header fields (发布机构, 公开日期, 索引号…, whose lines
    # also stay in ``text``), HTML <meta> tags, DOCX core properties, PDF info; label -> value as printed.
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class CitedDocument:
    """A document the plan cites as 《title》, optionally with its number (〔2021〕3号)."""

    title: str
    doc_number: str | None
    evidence: Span


@dataclass
class PlanMeta:
    title: str
    issuer: str | None = None
    doc_number: str | None = None  # e.g. 渭政办发〔2021〕3号
    issued: str | None = None  # ISO date YYYY-MM-DD
    published: str | None = None  # ISO date YYYY-MM-DD
    period_start: int | None = None  # year
    period_end: int | None = None  # year
    kind: str | None = None  # 规划 | 实施方案 | 工作计划 | 工作要点 | 工作总结 | 意见 | 通知 ...
    cited: list[CitedDocument] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)  # field name -> where it was read


@dataclass
class Heading:
    """One node of the outline: 第一章, 一、, (一), 1., 1、, (1), ①, 一是."""

    id: str  # unique within the document, e.g. "h12"
    level: int  # 1 = top; nesting follows the order in which numbering styles appear
    style: str  # numbering style key, e.g. "cn-dun" for 一、, "paren-cn" for (一)
    number: str  # as printed: "一、", "(一)", "1.", "一是"
    title: str  # the heading's own words (up to the first 。 for run-in headings)
    span: Span  # the whole heading line or run-in phrase
    body: Span  # the text this heading governs, up to the next heading of the same or higher level
    parent: str | None = None  # id of the enclosing heading
    box: str | None = None  # title of the 专栏 box the heading stands in: 专栏1  监测预警重点工程 -> 监测预警重点工程


@dataclass
class Due:
    """A deadline as printed (2022年6月底前, 年底前, 到2025年), resolved to a date where possible."""

    text: str
    year: int | None
    month: int | None = None
    date: str | None = None  # ISO date of the deadline's last day, e.g. 2022-06-30
    span: Span | None = None


@dataclass
class AgencyRef:
    """An organization named in the text, normalized and resolved within the plan's jurisdiction."""

    name: str  # normalized full name: 临江市财政局
    printed: str  # as printed: 市财政局
    span: Span
    role: str = "responsible"  # lead | responsible | supporting | member
    collective: bool = False  # a set of organs (各街道办事处, 市级各有关部门, 各区县人民政府), not one organ
    person: bool = False  # the holders of a post, not an organ (牵头单位主要负责同志, 相关部门负责人, 市、县两级党政领导)


@dataclass
class Target:
    """A quantitative target: 达到95%以上 -> (indicator, '≥', 95, '%')."""

    indicator: str
    comparator: str  # ≥ ≤ > < = ≈
    value: float
    unit: str | None
    year: int | None
    value_text: str  # as printed: 达到95%以上
    evidence: Span
    sentence: Span
    task: str | None = None  # Task.id
    kind: str = "target"  # target | achieved
    nature: str | None = None  # binding (约束性) | expected (预期性) | None: the plan does not say


@dataclass
class Task:
    """A unit of work: a numbered item under a task heading, a task-list line or a task-table row."""

    id: str  # unique within the document, e.g. "t17"
    number: str | None  # as printed: "17", "一", "(3)"
    title: str
    text: str  # full body text of the task
    span: Span  # where the task (title + body) is
    heading: str | None = None  # Heading.id that holds it
    parent: str | None = None  # Task.id of an enclosing task (table item -> sub-task)
    due: Due | None = None
    agencies: list[AgencyRef] = field(default_factory=list)
    source: str = "outline"  # outline | list | table
    table: str | None = None  # table caption, e.g. 附表1 重大改革清单
    category: str | None = None  # table category row, e.g. 一、信息化项目


@dataclass
class Responsibility:
    """An explicit statement that an agency is responsible for something (X负责Y, 由X牵头)."""

    agency: AgencyRef
    text: str  # what it is responsible for
    pattern: str  # the cue: 负责 | 牵头 | 由X牵头 | 领导小组 ...
    evidence: Span
    sentence: Span
    task: str | None = None  # Task.id, where the statement sits inside a task


@dataclass
class TermSense:
    """One sense of a shorthand in one document: a 名词解释 entry, an inline definition or an undefined use."""

    id: str  # unique within the document, e.g. "g3"
    label: str  # the shorthand as printed, without quotes: 三联两防
    kind: str  # glossary-section | inline | undefined
    definition: str | None  # the defining text as printed
    expansion: list[str]  # component items in order
    evidence: Span
    sentence: Span
    declared_count: int | None = None  # what the numerals promise (三联两防 -> 5), None if not a numeral term
    count_agrees: bool | None = None  # len(expansion) == declared_count, None when not checkable
    parent: str | None = None  # TermSense.id of an enclosing entry (七大警务 inside 1234567)
    alt_labels: list[str] = field(default_factory=list)  # variant spellings seen for this sense


@dataclass
class Mention:
    """A use of a term or a named system/body (…中心, …平台, …系统, …工程, …机制, …队) in the text."""

    label: str  # normalized label (quotes stripped)
    kind: str  # term | system
    span: Span  # the mention itself
    sentence: Span
    system_kind: str | None = None  # 中心 | 平台 | 系统 | 工程 | 机制 | 队 ... for systems


@dataclass
class Prerequisite:
    """``dependent`` relies on ``prerequisite``: from a cue (依托X, 在X基础上 …), a table's order, or builds/relies-on."""

    dependent: str  # text as printed
    prerequisite: str  # text as printed
    cue: str  # 依托X | 以X为基础 | 在X基础上 | 为X奠定基础 | table-order | builds ...
    cue_class: str  # listed | listed-variant | extended | table-order | builds
    evidence: Span
    sentence: Span
    dependent_task: str | None = None  # Task.id when the dependent is a task
    prerequisite_task: str | None = None  # Task.id when the prerequisite is a task


@dataclass
class DocumentFacts:
    """Everything extracted from one document."""

    document: Document
    plan: PlanMeta
    headings: list[Heading] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    agencies: list[AgencyRef] = field(default_factory=list)  # every agency mention
    terms: list[TermSense] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    prerequisites: list[Prerequisite] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)

    def evidence(self, span: Span) -> str:
        return span.text(self.document.text)
