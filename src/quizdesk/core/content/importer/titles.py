"""Heading text → a clean question title, and how much a heading looks like a question.

Cleaning removes markup a title list cannot show (``<font>``, ``<a>``, ``**``)
and numbering (``1.``, ``【一】``, ``3.1.1``, ``Q1:``, ``第1题``): numbering is
the author's layout, it changes when questions are inserted, and the title is
what identifies a question across re-imports. Full-width punctuation stays.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

_CN_NUM = "0-9０-９一二三四五六七八九十百千零〇两"

# Numbering that marks a question ("Q1:", "第1题", "【一】").
_QUESTION_NUMBERING = [
    re.compile(r"^[QqＱｑ]\s*[0-9０-９]+(?:\s*[:：.．、)）\]】-]\s*|\s+)"),
    re.compile(r"^(?:问题|题目|面试题|问|题)\s*[0-9０-９]+\s*[:：.．、)）]?\s*"),
    re.compile(rf"^第\s*[{_CN_NUM}]+\s*[题问]\s*[:：.．、]?\s*"),
    re.compile(rf"^【\s*[{_CN_NUM}]+\s*】\s*"),
]
# Numbering that marks a chapter or section ("第三章", "Chapter 3").
_CHAPTER_NUMBERING = [
    re.compile(rf"^第\s*[{_CN_NUM}]+\s*(?:章|节|部分|篇|课|讲|部)\s*[:：.．、-]?\s*"),
    re.compile(r"^(?:chapter|part|section|lesson|unit)\s*[0-9]+\s*[:：.．、-]?\s*", re.IGNORECASE),
]
# Plain numbering, used for questions and sections alike ("1.", "3.1.1", "一、").
# Numbering is stripped only up to a separator: "3.1.1 title", "12.title", "12、title".
# What follows a multi-level number must not continue an expression ("12.1*1卷积":
# "12." is the numbering, "1*1卷积" the title), and "1." before a digit is only
# numbering when that digit starts such an expression.
_PLAIN_NUMBERING = [
    re.compile(r"^[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})+[.．、]?(?=\s|[^0-9０-９.．*＊×xX+\-/^%％])\s*"),
    re.compile(r"^[0-9０-９]{1,4}\s*[.．、)）:：]\s*(?![0-9０-９])"),
    re.compile(r"^[0-9０-９]{1,4}[.．、]\s*(?=[0-9０-９]{1,4}\s*[*＊×xX]\s*[0-9０-９])"),
    re.compile(r"^[（(\[]\s*[0-9０-９]{1,3}\s*[)）\]]\s*"),
    re.compile(r"^[一二三四五六七八九十百]+\s*[、.．:：]\s*"),
    re.compile(r"^[（(]\s*[一二三四五六七八九十百]+\s*[)）]\s*"),
    re.compile(r"^[\u2460-\u2473\u2776-\u277f]\s*"),  # ①…⑳, ❶…❿
]

# "3.5亿", "1.5 倍", "7.5B": a quantity, not section "3.5" (same syntax, told apart by the unit).
# A unit that also starts words (位置, 层归一化, 次梯度, 度量) only counts when no word follows it.
_QUANTITY_RE = re.compile(
    r"^[0-9０-９]+[.．][0-9０-９]+\s*(?:[倍亿万千百%％×秒元]|[个位层次轮度天年](?![\u4e00-\u9fff])|[xXBbMmKkGgTt](?![A-Za-z0-9]))"
)

_TAG_RE = re.compile(
    r"</?(?:font|span|a|b|strong|i|em|u|sup|sub|mark|small|big|center|p|div|del|s|ins|code|kbd|tt)\b[^>]*>",
    re.IGNORECASE,
)
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS_RES = [
    re.compile(r"\*\*(.+?)\*\*"),
    re.compile(r"__(.+?)__"),
    re.compile(r"~~(.+?)~~"),
    re.compile(r"(?<!\*)\*(?![\s*])(.+?)(?<![\s*])\*(?!\*)"),
    re.compile(r"(?<![_\w])_(?!\s)(.+?)(?<!\s)_(?![_\w])"),
]
_SPACE_RE = re.compile(r"[\s\u3000\u00a0]+")
# What is left of a broken tag at the start of a heading: '">52.title', 'id="x">title'.
_ATTRIBUTE_DEBRIS_RE = re.compile(r"""^\s*(?:[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+)\s*)*["']*\s*/?>\s*""")
# A stray tag opening cut off by the heading's end: 'title <a href="x"'.
_OPEN_TAG_DEBRIS_RE = re.compile(r"<[A-Za-z][^<>]*$")
# Markdown backslash escapes ("\_\_name\_\_"): the character is literal, never emphasis.
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Python's dunder names are code, not bold: "__name__", "__init__".
_DUNDER_RE = re.compile(r"(?<![\w])__([a-z][a-z0-9]*(?:_[a-z0-9]+)*)__(?![\w])")

_INTERROGATIVE_STARTS = (
    "什么", "为什么", "为何", "为啥", "如何", "怎么", "怎样", "哪些", "哪个", "哪种", "何为", "何谓",
    "介绍", "简介一下", "简述", "简要", "简单", "说说", "说一说", "说一下", "谈谈", "谈一谈", "讲讲",
    "讲一讲", "请", "解释", "描述", "阐述", "比较", "对比", "列举", "分析", "手写", "手撕", "推导",
    "证明", "是否", "能否", "能不能", "可以", "有没有", "了解",
)
_ENGLISH_STARTS = (
    "what", "why", "how", "when", "which", "who", "where", "explain", "describe", "compare",
    "define", "list", "implement", "derive", "is ", "are ", "can ", "does ", "do ", "should ",
)
_QUESTION_WORDS = (
    "什么", "为什么", "如何", "怎么", "怎样", "哪些", "哪个", "是否", "区别", "差异", "异同", "作用",
    "原理", "优缺点", "优势", "缺点", "吗", "呢", "理解", "意义", "含义", "有何", "为何", "多少",
    "怎么办", "介绍", "简述", "几种", "关系", "联系", "步骤", "流程", "场景",
)
#: Titles that name a part of a document, never a question.
SECTION_WORDS = frozenset(
    w.casefold()
    for w in (
        "目录", "前言", "序", "序言", "概述", "总结", "小结", "总览", "参考", "参考文献", "参考资料",
        "参考链接", "附录", "说明", "简介", "引言", "致谢", "更新日志", "版权声明", "声明", "返回目录",
        "扩展阅读", "延伸阅读", "推荐阅读", "相关阅读", "相关链接", "学习资料", "further reading", "see also",
        "contents", "table of contents", "toc", "references", "reference", "introduction", "summary",
        "overview", "preface", "appendix", "license", "changelog", "acknowledgements", "index",
    )
)


#: Titles of a repository's housekeeping, never interview questions ("如何贡献", "联系方式").
HOUSEKEEPING_WORDS = frozenset(
    w.casefold()
    for w in (
        "联系方式", "联系我", "联系我们", "联系作者", "贡献", "如何贡献", "参与贡献", "贡献指南", "贡献者", "贡献者名单",
        "致谢", "鸣谢", "交流", "交流群", "加入交流群", "公众号", "关注公众号", "微信", "微信群", "赞助", "打赏", "捐赠",
        "内推", "招聘", "更新记录", "更新说明", "版权", "许可", "许可证", "开源协议", "使用说明", "项目简介", "项目介绍",
        "star history", "stargazers", "contributing", "contributors", "contribution", "contact", "contact me",
        "sponsor", "sponsors", "donate", "support", "star", "acknowledgment", "credits", "about", "about me",
    )
)
# "2024 秋招日历", "春招时间表": a recruiting calendar, not a question.
_CALENDAR_RE = re.compile(r"(?:日历|时间表|时间线|日程|截止时间|网申时间)$")

#: Leaf titles that name a part of something, meaningless alone: they get their parent's title in front.
GENERIC_TITLES = frozenset(
    w.casefold()
    for w in (
        "定义", "概念", "基本概念", "基本原理", "原理", "思想", "核心思想", "主要思想", "基本思想", "动机", "背景",
        "结构", "模型结构", "网络结构", "整体结构", "架构", "模型架构", "网络架构", "输入层", "输出层", "隐藏层", "隐层",
        "损失函数", "目标函数", "优化", "优化方法", "训练", "训练过程",
        "训练方法", "推理", "预测", "公式", "数学公式", "推导", "公式推导", "计算", "计算过程", "计算方法", "算法",
        "算法流程", "算法步骤", "流程", "步骤", "实现", "代码", "代码实现", "伪代码", "示例", "例子", "举例", "应用",
        "应用场景", "使用场景", "适用场景", "特点", "优点", "缺点", "优缺点", "优势", "不足", "局限", "局限性", "缺陷",
        "改进", "改进方法", "创新点", "贡献", "作用", "意义", "参数", "超参数", "参数量", "复杂度", "时间复杂度",
        "结果", "实验", "效果", "分析", "小结", "总结", "简介", "介绍", "概述",
        "definition", "concept", "idea", "motivation", "structure", "model structure", "architecture",
        "input layer", "output layer", "hidden layer", "loss", "loss function", "training", "inference",
        "formula", "derivation", "algorithm", "implementation", "code", "example", "examples", "applications",
        "advantages", "disadvantages", "pros and cons", "pros", "cons", "limitations", "parameters", "complexity",
        "summary", "introduction", "overview",
    )
)
_GENERIC_STRIP = " :：.。?？!！"


@dataclass(frozen=True)
class Title:
    text: str  # cleaned, numbering stripped; may be empty (caller falls back)
    plain: str  # cleaned, numbering kept
    numbering: str  # "" | "question" | "chapter" | "plain"


_LITERAL_BASE = 0xF0000  # private-use code points stand in for escaped characters while emphasis is removed


def _hide(match: re.Match[str]) -> str:
    return chr(_LITERAL_BASE + ord(match.group(1)))


def _hide_dunder(match: re.Match[str]) -> str:
    hidden = chr(_LITERAL_BASE + ord("_")) * 2
    return f"{hidden}{match.group(1)}{hidden}"


def _show(text: str) -> str:
    return "".join(chr(ord(c) - _LITERAL_BASE) if _LITERAL_BASE <= ord(c) < _LITERAL_BASE + 128 else c for c in text)


def strip_markup(raw: str) -> str:
    """Heading text without tags, links, emphasis and entity escapes.

    Markdown escapes stay the characters they escape (``\\_\\_name\\_\\_`` →
    ``__name__``) and a Python dunder name is not emphasis; debris of a broken
    tag (``">52.title``) is dropped.
    """
    text = _BR_RE.sub(" ", raw)
    text = _IMG_RE.sub("", text)
    text = _TAG_RE.sub("", text)
    text = _ATTRIBUTE_DEBRIS_RE.sub("", text, count=1)
    text = _OPEN_TAG_DEBRIS_RE.sub("", text)
    text = _MD_IMAGE_RE.sub(r"\1", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    hidden = False
    if "\\" in text:
        text, count = _ESCAPE_RE.subn(_hide, text)
        hidden = count > 0
    if "__" in text:
        text, count = _DUNDER_RE.subn(_hide_dunder, text)
        hidden = hidden or count > 0
    for pattern in _EMPHASIS_RES:
        text = pattern.sub(r"\1", text)
    if hidden:  # a character loop: only for the few titles that had escapes
        text = _show(text)
    text = html.unescape(text)
    return _SPACE_RE.sub(" ", text).strip()


def _strip_numbering(text: str) -> tuple[str, str]:
    kind = ""
    if _QUANTITY_RE.match(text):
        return text, kind
    for _ in range(3):  # "【一】1. title": up to three stacked prefixes
        for name, patterns in (("question", _QUESTION_NUMBERING), ("chapter", _CHAPTER_NUMBERING), ("plain", _PLAIN_NUMBERING)):
            match = next((m for p in patterns if (m := p.match(text))), None)
            if match is not None and match.end() > 0:
                text = text[match.end():].lstrip()
                # The strongest evidence wins: a chapter stays a chapter.
                if not kind or (kind == "plain" and name != "plain"):
                    kind = name
                break
        else:
            break
    return text.lstrip(" \t-—:：.．、").strip(), kind


def clean_title(raw: str) -> Title:
    # Titles are cut at 300 characters anyway; cleaning more is wasted work.
    plain = strip_markup(raw[:1000])
    text, kind = _strip_numbering(plain)
    # "1. 2. 3." or a bare "Q1": nothing but numbering; keep what was there.
    return Title(text=text, plain=plain, numbering=kind)


def question_score(title: Title) -> int:
    """Evidence that a heading is a question (≥ 2: it looks like one).

    Ends in ？/? +3; starts with an interrogative or an imperative such as
    什么/如何/为什么/介绍/简述/说说 (or What/How/Explain…) +2; contains a
    question word (区别, 原理, 优缺点…) beyond being just that word +1;
    question numbering (Q1, 第1题, 【一】) +2, plain numbering (1., 3.1.1) +1;
    chapter numbering (第三章) or a document-part name (目录, 参考文献) −3.
    """
    text = title.text
    folded = text.casefold()
    score = 0
    if text.rstrip("*_ )）」』\"'”").endswith(("?", "？")):
        score += 3
    if text.startswith(_INTERROGATIVE_STARTS) or folded.startswith(_ENGLISH_STARTS):
        score += 2
    if any(word in text and len(text) > len(word) + 1 for word in _QUESTION_WORDS):
        score += 1
    score += {"question": 2, "plain": 1, "chapter": -3}.get(title.numbering, 0)
    bare = folded.strip(" :：?？!！")
    if bare in SECTION_WORDS or bare in HOUSEKEEPING_WORDS or _CALENDAR_RE.search(bare):
        score -= 3 if bare in SECTION_WORDS else 5  # "如何贡献？" must not look like a question
    return score


def is_generic(text: str) -> bool:
    """Whether a title names only a part (``模型结构``, ``定义``, ``Model structure``) and needs its parent's."""
    return text.casefold().strip(_GENERIC_STRIP) in GENERIC_TITLES


def id_key(title: str) -> str:
    """The title as it enters a question's stable id: case, width, spacing and end punctuation folded."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    folded = "".join(folded.split())
    return folded.rstrip("?？.。:：!！")
