"""Import of heading-style Markdown: DESIGN.md budget "4 MB, ~1,500 questions ≤ 3 s".

    python benchmarks/bench_import.py [--quick]

Generates a question-bank folder from a fixed seed — Chinese prose, display and
inline formulas, code blocks with ``# comment`` lines, answer sub-headings,
tables of contents, sections, ``<font>`` and HTML headings, in several files
and folders — and times :func:`run_import` (read, decode, split, write into a
fresh SQLite database, commit, then the render check of every answer), the
function the CLI and the GUI call. The database is created (and migrated)
before the clock starts. Besides the budget row (1,500 questions), 1,700
questions is the size of the larger public repository of issue 15.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

Row = dict[str, Any]
BUDGET_S = 3.0
BUDGET_QUESTIONS = 1500
REPOSITORY_QUESTIONS = 1700  # the larger public interview repository (issue 15); same 3 s budget
TARGET_BYTES_PER_QUESTION = 2800  # 1,500 questions ≈ 4 MB, as in the budget

_TERMS = (
    "梯度下降", "注意力机制", "批归一化", "残差连接", "交叉熵", "正则化", "学习率预热", "混合精度", "知识蒸馏",
    "量化", "剪枝", "位置编码", "对比学习", "扩散模型", "变分自编码器", "强化学习", "奖励模型", "LoRA",
    "Transformer", "Adam", "Dropout", "KV Cache", "FlashAttention", "RLHF", "RAG", "beam search",
)
_STEMS = ("什么是{t}？", "为什么需要{t}？", "如何理解{t}？", "简述{t}的原理", "{t}有哪些优缺点？", "说说{t}的作用")
_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def _prose(rng: random.Random, chars: int) -> str:
    words = []
    while sum(len(w) for w in words) < chars:
        words.append(rng.choice(_TERMS) if rng.random() < 0.08 else "".join(rng.choice(_CHARS) for _ in range(rng.randint(1, 3))))
        if rng.random() < 0.12:
            words.append("，")
    return "".join(words) + "。"


def _answer(rng: random.Random, level: int) -> str:
    parts = [_prose(rng, rng.randint(80, 150)) for _ in range(rng.randint(2, 4))]
    parts.append(f"其中 $\\alpha_{{{rng.randint(1, 9)}}} = \\frac{{1}}{{\\sqrt{{d_k}}}}$ 控制尺度，<font color=red>{rng.choice(_TERMS)}</font> 是关键。<br>")
    parts.append("$$\n\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V\n$$")
    for k in range(rng.randint(1, 2)):
        parts.append("#" * min(level + 1, 6) + f" {k + 1}. {rng.choice(('训练阶段', '推理阶段', '全局最优', '损失函数', '实现细节'))}")
        parts.append(_prose(rng, rng.randint(110, 200)))
    parts.append(
        "```python\n# 计算 softmax（注释不是标题）\n## 也不是标题\nimport torch\n"
        f"x = torch.randn({rng.randint(2, 64)}, {rng.randint(2, 64)})\nprint(torch.softmax(x, dim=-1).sum(-1))\n```"
    )
    parts.extend(_prose(rng, rng.randint(60, 140)) for _ in range(rng.randint(1, 3)))
    return "\n\n".join(parts)


def _file(rng: random.Random, first: int, count: int, style: int) -> str:
    titles = [rng.choice(_STEMS).format(t=rng.choice(_TERMS)) + f"（{first + i}）" for i in range(count)]
    out = [f"# 面试题第 {first // count + 1} 部分", ""]
    if style % 2 == 0:
        out += ["## 目录", ""] + [f"- [{i + 1}. {t}](#{i + 1}-{t})" for i, t in enumerate(titles)] + [""]
    for i, title in enumerate(titles):
        if i % 25 == 0:
            out += [f"## 第{i // 25 + 1}节 基础概念", "", _prose(rng, 40), ""]
        if style == 1:
            out.append(f'<h3 id="q{first + i}">{i + 1}.{title}</h3>')
        elif style == 2:
            out.append(f"### 【{i + 1}】{title}")
        else:
            out.append(f"### {i + 1}. {title}")
        out += ["", _answer(rng, 3), "", "[返回目录](#目录)" if style % 2 == 0 else "---", ""]
    return "\n".join(out)


def generate_bank(root: Path, questions: int, seed: int = 20240611) -> int:
    """Write a bank of ``questions`` questions under ``root``; returns its size in bytes."""
    rng = random.Random(seed)
    per_file = 100
    total = 0
    for index, first in enumerate(range(0, questions, per_file)):
        folder = root / f"{index // 4 + 1:02d}-模块{index // 4 + 1}"
        folder.mkdir(parents=True, exist_ok=True)
        text = _file(rng, first, min(per_file, questions - first), index % 3)
        data = text.encode("utf-8")
        (folder / f"{index % 4 + 1:02d}-主题.md").write_bytes(data)
        total += len(data)
    return total


def _time_import(bank: Path, data_dir: Path) -> tuple[float, int]:
    from quizdesk.core.content.importer import run_import
    from quizdesk.core.db.store import open_store

    store = open_store(data_dir)  # creating and migrating the DB is not part of the import
    try:
        start = time.perf_counter()
        report = run_import([bank], session_factory=store.session_factory, data_dir=data_dir)
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    return elapsed, report.imported


def run(quick: bool) -> list[Row]:
    sizes = (1000, BUDGET_QUESTIONS, REPOSITORY_QUESTIONS) if quick else (1000, BUDGET_QUESTIONS, REPOSITORY_QUESTIONS, 5000)
    repeats = 1 if quick else 3
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="quizdesk-bench-import-") as tmp:
        for size in sizes:
            bank = Path(tmp) / f"bank-{size}"
            size_bytes = generate_bank(bank, size)
            _time_import(bank, Path(tmp) / f"warm-{size}")  # warm-up: imports, regex compilation
            samples = []
            for r in range(repeats):
                seconds, imported = _time_import(bank, Path(tmp) / f"data-{size}-{r}")
                if imported != size:
                    raise RuntimeError(f"imported {imported} of {size} generated questions")
                samples.append(seconds)
            rows.append({
                "name": f"import heading-style Markdown, {size} questions",
                "value": statistics.median(samples),
                "unit": "s",
                "budget": BUDGET_S if size in (BUDGET_QUESTIONS, REPOSITORY_QUESTIONS) else None,
                "note": f"{size_bytes / 1024 / 1024:.1f} MiB in {-(-size // 100)} files, fresh SQLite DB",
                "size": size,
            })
    return rows


if __name__ == "__main__":
    for r in run("--quick" in sys.argv):
        budget = f"budget {r['budget']:g} {r['unit']}" if r["budget"] else ""
        print(f"{r['name']:48} {r['value']:7.3f} {r['unit']}  {budget:14} {r['note']}")
