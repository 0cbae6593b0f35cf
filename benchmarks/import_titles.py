"""Precision and recall of imported card titles on corpora of known answer (issue 15).

    python benchmarks/import_titles.py [--files N] [--seed S]

Two corpora, each with the titles a reader would call the questions:

* the fixture files of ``tests/fixtures/import/styles15/`` (one per style), with
  the titles the tests assert;
* a synthetic corpus of ``N`` files generated from a fixed seed in the styles of
  public Chinese and English interview repositories: ``## 【一】title``,
  ``### 1. title``, ``### 3.1.1 title？`` outlines (generic leaves such as
  模型结构 named with their parent, parents with text of their own, empty
  stubs), ``<h1 id>12.title</h1>``, ``<h2 id>问题 7：…</h2>`` listed in a table
  of contents with ``### 基本概念`` sub-headings at the same or a deeper level
  and an ``<h1>`` question among ``<h2>`` ones, README housekeeping and a
  recruiting calendar (no questions), titles such as ``1*1卷积的作用``,
  ``\\_\\_name\\_\\_``, HTML attribute debris, ``<font>`` tags.

Precision: share of imported titles that are expected; recall: share of
expected titles imported (multisets per file). Run it against another checkout
with ``PYTHONPATH=<checkout>/src`` to compare.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
if "--installed" not in sys.argv:
    sys.path.insert(0, str(HERE.parent / "src"))

_TERMS = (
    "梯度下降", "注意力机制", "批归一化", "残差连接", "交叉熵", "正则化", "学习率预热", "知识蒸馏", "位置编码",
    "对比学习", "扩散模型", "LoRA", "Transformer", "Adam", "Dropout", "KV Cache", "RLHF", "beam search",
)
_QUESTION = ("什么是{t}？", "为什么需要{t}？", "如何理解{t}？", "简述{t}的原理", "{t}有哪些优缺点？", "说说{t}的作用")
_PLAIN = ("{t}", "{t} 的结构", "{t}与正则", "{t}的实现")
_GENERIC = ("模型结构", "定义", "输入层", "优缺点", "损失函数")
_SUBHEADINGS = ("基本概念", "训练时", "推理时", "实现细节", "公式")
_ODD_TITLES = (
    ("1*1卷积的作用", "1*1卷积的作用"),
    ("\\_\\_name\\_\\_ 的作用", "__name__ 的作用"),
    ("__init__ 和 __new__ 的区别", "__init__ 和 __new__ 的区别"),
)


def _prose(rng: random.Random) -> str:
    return f"{rng.choice(_TERMS)}是常见的方法，公式 $ x_{rng.randint(1, 9)}^2 $ 描述了它，<font color=red>{rng.choice(_TERMS)}</font> 是关键。"


def _body(rng: random.Random, sub_level: int | None) -> list[str]:
    out = ["", _prose(rng), ""]
    if rng.random() < 0.3:
        out += ["$$", "\\begin{eqnarray} L &=& \\sum_i (y_i - \\hat y_i)^2 \\end{eqnarray}", "$$", ""]
    if sub_level is not None and rng.random() < 0.5:
        out += ["#" * sub_level + f" {rng.choice(_SUBHEADINGS)}", "", _prose(rng), ""]
    if rng.random() < 0.3:
        out += ["```python", "# 注释，不是标题", "x = 1", "```", ""]
    return out


def _title(rng: random.Random, k: int) -> tuple[str, str]:
    """(as written, as expected) for question k."""
    if rng.random() < 0.08:
        return rng.choice(_ODD_TITLES)
    text = rng.choice(_QUESTION).format(t=rng.choice(_TERMS)) + f"（{k}）"
    return text, text


def _bracket(rng: random.Random) -> tuple[str, list[str]]:
    out, expected = ["# 面试题", ""], []
    for k in range(rng.randint(4, 12)):
        written, title = _title(rng, k)
        out.append(f"## 【{k + 1}】{written}")
        if rng.random() < 0.08:
            out.append("")  # an empty stub: not a card
            continue
        out += _body(rng, 3)
        expected.append(title)
    return "\n".join(out), expected


def _numbered(rng: random.Random) -> tuple[str, list[str]]:
    out, expected = ["# 深度学习", "", "## 基础", ""], []
    for k in range(rng.randint(4, 12)):
        written, title = _title(rng, k)
        out.append(f"### {k + 1}. {written}")
        out += _body(rng, 4)
        expected.append(title)
    out += ["## 参考资料", "", "- 某论文"]
    return "\n".join(out), expected


def _outline(rng: random.Random, english: bool = False) -> tuple[str, list[str]]:
    chapter = rng.randint(2, 9)
    out, expected = [f"# 第{chapter}章 网络" if not english else f"# Chapter {chapter} Models", ""], []
    for section in range(1, rng.randint(2, 4) + 1):
        parent = rng.choice(_TERMS)
        out += [f"## {chapter}.{section} {parent}", ""]
        if rng.random() < 0.5:
            out += [_prose(rng), _prose(rng), ""]
            expected.append(parent)
        elif rng.random() < 0.5:
            out += ["本节介绍基础。", ""]  # a one-line introduction: reported, not a card
        for leaf in range(1, rng.randint(1, 4) + 1):
            if rng.random() < 0.3:
                name = rng.choice(_GENERIC) if not english else rng.choice(("Definition", "Model structure", "Loss function"))
                title = f"{parent}：{name}"
            else:
                name = rng.choice(_QUESTION + _PLAIN).format(t=rng.choice(_TERMS)) + f"（{section}.{leaf}）"
                title = name
            out.append(f"### {chapter}.{section}.{leaf} {name}")
            if rng.random() < 0.06:
                out.append("")  # an empty stub: not a card
                continue
            out += _body(rng, 4)
            expected.append(title)
            if rng.random() < 0.2:
                # A deeper numbered question under this one (mixed depths in one chapter).
                deep = rng.choice(_QUESTION).format(t=rng.choice(_TERMS)) + f"（{section}.{leaf}.1）"
                out += [f"#### {chapter}.{section}.{leaf}.1 {deep}"] + _body(rng, 5)
                expected.append(deep)
    return "\n".join(out), expected


def _html(rng: random.Random, level: int) -> tuple[str, list[str]]:
    count = rng.randint(4, 12)
    titles = [_title(rng, k) for k in range(count)]
    out = ["# 面试题（HTML）", "", "## 目录", ""]
    out += [f"- [问题 {k + 1}：{t[0]}](#q{k})" for k, t in enumerate(titles)] + [""]
    expected = []
    for k, (written, title) in enumerate(titles):
        tag = level if rng.random() > 0.15 else rng.choice((1, 3))  # an <h1> or <h3> question among <h2> ones
        out.append(f'<h{tag} id="q{k}">问题 {k + 1}：{written}</h{tag}>')
        out += _body(rng, rng.choice((level, level + 1)))  # sub-headings at the same or a deeper level
        expected.append(title)
    out += ["## 参考文献", "", "- 某论文"]
    return "\n".join(out), expected


def _html_h1(rng: random.Random) -> tuple[str, list[str]]:
    out, expected = [], []
    for k in range(rng.randint(4, 10)):
        written, title = _title(rng, k)
        debris = '">' if rng.random() < 0.1 else ""
        out.append(f'<h1 id="{k + 11}">{debris}{k + 11}.{written}</h1>')
        out += _body(rng, None)
        expected.append(title)
    return "\n".join(out), expected


def _readme(_rng: random.Random) -> tuple[str, list[str]]:
    return "# 面试笔记\n\n欢迎 Star。\n\n## 联系方式\n\n邮箱 a@b.c\n\n## 如何贡献？\n\n提交 PR。\n\n## 致谢\n\n感谢。\n", []


def _calendar(_rng: random.Random) -> tuple[str, list[str]]:
    return "# 2024 秋招日历\n\n## 8 月\n\n| 公司 | 网申 |\n|---|---|\n| 甲 | 8.1 |\n\n## 9 月\n\n| 公司 | 网申 |\n|---|---|\n| 乙 | 9.1 |\n", []


_STYLES = [
    _bracket, _numbered, _outline, lambda r: _outline(r, english=True), lambda r: _html(r, 2), _html_h1, _readme, _calendar,
]


def generate(root: Path, files: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    truth: dict[str, list[str]] = {}
    for index in range(files):
        style = _STYLES[index % len(_STYLES)]
        text, expected = style(rng)
        name = f"{index:03d}.md" if style not in (_readme, _calendar) else f"{index:03d}-{'README' if style is _readme else '秋招日历'}.md"
        (root / name).write_text(text, encoding="utf-8")
        truth[name] = expected
    return truth


def score(root: Path, truth: dict[str, list[str]]) -> tuple[float, float, int, int, list[str]]:
    from quizdesk.core.content.importer import plan_import

    plan = plan_import([root])
    got: dict[str, list[str]] = {}
    for q in plan.questions:
        got.setdefault(q.source_path, []).append(q.title)
    hits = predicted = expected = 0
    misses: list[str] = []
    for name in sorted(set(truth) | set(got)):
        want, have = Counter(truth.get(name, [])), Counter(got.get(name, []))
        common = sum((want & have).values())
        hits += common
        predicted += sum(have.values())
        expected += sum(want.values())
        misses += [f"{name}: extra {t!r}" for t in (have - want).elements()] + [f"{name}: missing {t!r}" for t in (want - have).elements()]
    return hits / max(predicted, 1), hits / max(expected, 1), predicted, expected, misses


def fixture_truth() -> dict[str, list[str]]:
    """The titles the fixture tests assert (read from the test file, not imported: any checkout can be measured)."""
    import ast

    source = (HERE.parent / "tests" / "core" / "content" / "test_import_styles15.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "EXPECTED" for t in node.targets):
            expected: dict[str, list[str]] = ast.literal_eval(node.value)
            return {**expected, "README.md": [], "2024秋招日历.md": []}
    raise LookupError("EXPECTED not found in test_import_styles15.py")


def main() -> None:
    files = int(sys.argv[sys.argv.index("--files") + 1]) if "--files" in sys.argv else 240
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20261205
    fixtures = HERE.parent / "tests" / "fixtures" / "import" / "styles15"
    p, r, n, m, misses = score(fixtures, fixture_truth())
    print(f"fixtures styles15: precision {p:.1%} recall {r:.1%} ({n} imported, {m} expected)")
    for line in misses[:10]:
        print("   ", line)
    with tempfile.TemporaryDirectory(prefix="quizdesk-titles-") as tmp:
        truth = generate(Path(tmp), files, seed)
        p, r, n, m, misses = score(Path(tmp), truth)
    print(f"synthetic corpus ({files} files, seed {seed}): precision {p:.1%} recall {r:.1%} ({n} imported, {m} expected)")
    for line in misses[:10]:
        print("   ", line)


if __name__ == "__main__":
    main()
