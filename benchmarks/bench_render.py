"""Rendering budgets: a typical answer uncached (≤ 150 ms) and cached (≤ 15 ms).

    python benchmarks/bench_render.py [--quick]

A typical answer is ~2,000 characters of Chinese and English with three
formulas (one display), a table, a list and one code block. "Uncached" starts
from an empty formula cache and a text not seen before (the process itself is
warm, as in the running app); "cached" shows the same answer again. Both are
measured in the core and in the AnswerView (including turning SVGs into
images and laying out the document). The ratio compares the core's uncached
render with plain Python-Markdown on the same text.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

TYPICAL_ANSWER = r"""## 介绍一下 Transformer 中的 Self-Attention 机制

自注意力让序列里每个位置根据**内容**决定从其他位置取多少信息，一步就能连接任意两个位置。输入 $X\in\mathbb{R}^{n\times d}$ 经三个线性层得到查询、键和值，然后

$$
\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}} + M\right)V
$$

查询与键的点积衡量位置之间的匹配程度，softmax 按行归一化成权重，再对值加权求和。掩码把被屏蔽的位置设为负无穷（因果掩码屏蔽未来，padding 掩码屏蔽补齐位）。为什么要除以 $\sqrt{d_k}$：若各分量独立、方差为 1，点积的方差随维度线性增长，softmax 接近 one-hot，梯度几乎为零；缩放后方差回到 1。

**多头注意力**：把 d 维拆成 h 个头，每个头在不同子空间里计算注意力，拼接后再乘输出矩阵。总计算量与单头相当，却能同时关注不同类型的关系，例如语法依存和指代。

| 结构 | 时间复杂度 | 路径长度 | 并行 |
|---|---|---|---|
| 自注意力 | 平方级 | 1 | 是 |
| RNN | 线性 | n | 否 |
| 卷积 | 线性 | log n | 是 |

**特点**

- 与 RNN 相比：任意两位置路径长度为 1，且所有位置可并行计算；
- 代价：时间与显存随序列长度平方增长（FlashAttention 通过分块计算避免把注意力矩阵完整存下来）；
- 不含位置编码时，对输入做置换，输出也只做相同置换，所以必须另加位置信息；
  - 绝对位置：正弦编码或可学习嵌入；
  - 相对位置：T5 偏置、RoPE 旋转；
- 交叉注意力的查询来自解码器，键和值来自编码器。

```python
import math
import torch
import torch.nn.functional as F

def attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask=None) -> torch.Tensor:
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(mask == 0, float("-inf"))
    return F.softmax(scores, dim=-1) @ v
```

**与其他结构的比较**：卷积只看局部窗口，需要堆叠很多层才能覆盖整个序列，但参数共享、归纳偏置强，小数据上更稳；循环网络按时间步顺序计算，隐藏状态要把历史压缩进固定维度，长距离依赖容易衰减，训练也无法在序列维度上并行。自注意力用内容决定连接，既能并行又能直接建模远距离关系，代价是平方级的计算和显存，以及对位置信息的依赖。长序列场景常见的改进包括稀疏注意力（局部窗口加全局 token）、低秩或核函数近似的线性注意力、滑动窗口与分块计算，以及推理阶段的多查询和分组查询注意力，它们分别从计算量、显存和 KV Cache 大小几个方向入手。

### 要点
- 注意力权重由查询与键的相似度经 softmax 得到，再对值加权求和
- 除以维度的平方根是为了控制点积的方差
- 多头在不同子空间里并行计算，再拼接投影
- 复杂度随序列长度平方增长，长序列需要稀疏或线性近似
- 必须另加位置信息，常见做法是正弦编码、可学习嵌入、相对位置偏置和 RoPE

实践中还要注意数值稳定：softmax 前减去每行最大值，半精度训练时在 float32 中累加；推理时用 KV Cache 复用历史键值，避免重复计算。面试时可以补充：注意力权重可视化只能部分解释模型行为，不能直接当作因果解释。另外，训练初期注意力分布往往接近均匀，随着训练逐渐变得稀疏；如果发现某些头的权重长期集中在分隔符或第一个 token 上，通常说明这些头在充当“注意力汇聚点”，剪掉它们对效果影响不大。评估长上下文能力时，可以用大海捞针式的检索任务，观察模型在不同位置取回信息的准确率，并结合困惑度曲线一起判断。
"""

BUDGET_UNCACHED_MS = 150.0
BUDGET_CACHED_MS = 15.0


def _median_ms(function: Callable[[int], Any], runs: int) -> float:
    function(-1)  # warm-up: imports, fonts, lexers
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        function(i)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _core_rows(runs: int) -> list[dict[str, Any]]:
    import markdown

    from quizdesk.core.render import MathCache, clear_answer_cache, render_markdown

    def uncached(i: int) -> None:
        clear_answer_cache()
        render_markdown(TYPICAL_ANSWER + f"\n<!-- {i} -->\n", cache=MathCache())

    warm = MathCache()
    render_markdown(TYPICAL_ANSWER, cache=warm)

    def cached(_i: int) -> None:
        render_markdown(TYPICAL_ANSWER, cache=warm)

    def plain(i: int) -> None:
        markdown.markdown(TYPICAL_ANSWER + f"\n<!-- {i} -->\n", extensions=["tables", "fenced_code", "sane_lists", "footnotes"])

    uncached_ms = _median_ms(uncached, runs)
    cached_ms = _median_ms(cached, runs * 5)
    plain_ms = _median_ms(plain, runs)
    return [
        {"name": "render: typical answer, uncached (core)", "value_ms": uncached_ms, "budget_ms": BUDGET_UNCACHED_MS,
         "note": f"{len(TYPICAL_ANSWER):,} chars, 3 formulas, 1 code block"},
        {"name": "render: typical answer, cached (core)", "value_ms": cached_ms, "budget_ms": BUDGET_CACHED_MS},
        {"name": "render: plain Python-Markdown, same text", "value_ms": plain_ms, "budget_ms": None},
        {"name": "render: uncached / plain Python-Markdown", "value": uncached_ms / plain_ms, "unit": "×", "budget": None},
    ]


def _view_rows(runs: int) -> list[dict[str, Any]]:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from quizdesk.core.render import MathCache, clear_answer_cache
    from quizdesk.ui.widgets.answer_view import AnswerView

    app = QApplication.instance() or QApplication([])
    view = AnswerView(cache=MathCache())
    view.resize(760, 700)

    def uncached(i: int) -> None:
        clear_answer_cache()
        view._cache = MathCache()  # noqa: SLF001 - a fresh formula cache per run is the point
        view.set_markdown(TYPICAL_ANSWER + f"\n<!-- {i} -->\n")
        view.document().size()  # force layout

    warm = MathCache()

    def cached(_i: int) -> None:
        view._cache = warm  # noqa: SLF001
        view.set_markdown(TYPICAL_ANSWER)
        view.document().size()

    rows = [
        {"name": "render: show typical answer in AnswerView, uncached", "value_ms": _median_ms(uncached, runs),
         "budget_ms": BUDGET_UNCACHED_MS},
        {"name": "render: show typical answer in AnswerView, cached", "value_ms": _median_ms(cached, runs * 5),
         "budget_ms": BUDGET_CACHED_MS},
    ]
    view.deleteLater()
    app.processEvents()
    return rows


def _percentile_rows(label: str, timings: list[tuple[float, str]], budget_ms: float, note: str) -> list[dict[str, Any]]:
    timings = sorted(timings)
    values = [t for t, _ in timings]
    over = sum(1 for t in values if t > budget_ms)
    worst_ms, worst_id = timings[-1]
    return [
        {"name": f"render: bundled answers {label}, median", "value_ms": statistics.median(values), "note": note},
        {"name": f"render: bundled answers {label}, p95", "value_ms": values[max(0, math.ceil(len(values) * 0.95) - 1)],
         "budget_ms": budget_ms},
        {"name": f"render: bundled answers {label}, slowest", "value_ms": worst_ms, "budget_ms": budget_ms,
         "note": f"{worst_id}; {over} of {len(values)} over {budget_ms:g} ms"},
    ]


def _bundled_rows(repeats: int = 3) -> list[dict[str, Any]]:
    """Every answer of the bundled bank rendered uncached, then cached: the typical
    answer above is one point; this is the whole distribution a user meets.

    Uncached: an empty formula cache (memory and folder) per answer. Cached: the
    next launch — formulas on disk, nothing in memory, no whole-answer hit.
    CPU time of the rendering thread (the machine is shared; this is one thread's work).
    """
    import tempfile

    from quizdesk.core.content.bank_parser import parse_bank
    from quizdesk.core.paths import bundled_content_dir
    from quizdesk.core.render import MathCache, clear_answer_cache, render_markdown

    questions = parse_bank(bundled_content_dir()).questions
    from quizdesk.core.render.code_blocks import lift_fences
    from quizdesk.core.render.code_highlight import _lexer

    # Warm-up: imports, the math font, the CJK fallback font (loaded on the first
    # CJK character in a formula). Once per process in the app too.
    render_markdown(TYPICAL_ANSWER + "\n\n$\\text{中文}$\n", cache=MathCache())
    texts = [("\n\n".join(part for part in (q.body_md, q.answer_md) if part), q.external_id) for q in questions]
    # Pygments compiles a language's lexer on its first use in the process (C++: ~0.1 s):
    # also once per process, and not about formulas, so measured on its own row.
    languages = {block.language.strip().lower() for text, _ in texts for block in lift_fences(text).blocks if block.language}
    start = time.thread_time()
    for language in languages:
        try:
            _lexer(language)
        except Exception:  # noqa: BLE001 - an unknown language is plain text in the app too
            pass
    lexers_ms = (time.thread_time() - start) * 1000
    # Each answer `repeats` times, its median: one answer's figure should not be one
    # scheduler hiccup on a shared machine (the first pass also loads glyphs once).
    runs_uncached: list[list[float]] = [[] for _ in texts]
    runs_cached: list[list[float]] = [[] for _ in texts]
    for repeat in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            for i, (text, _qid) in enumerate(texts):  # a folder per answer: shared formulas are drawn again
                clear_answer_cache()
                start = time.thread_time()
                render_markdown(text, cache=MathCache(Path(folder) / str(i)))
                runs_uncached[i].append((time.thread_time() - start) * 1000)
            for i, (text, _qid) in enumerate(texts):
                clear_answer_cache()
                start = time.thread_time()
                render_markdown(text, cache=MathCache(Path(folder) / str(i)))
                runs_cached[i].append((time.thread_time() - start) * 1000)
    uncached = [(statistics.median(runs), qid) for runs, (_text, qid) in zip(runs_uncached, texts)]
    cached = [(statistics.median(runs), qid) for runs, (_text, qid) in zip(runs_cached, texts)]
    note = f"{len(texts)} answers, CPU time, median of {repeats} per answer"
    lexer_row = {"name": "render: Pygments lexers of the bank, first use", "value_ms": lexers_ms,
                 "note": f"{len(languages)} languages, once per process (not in the rows below)"}
    return [lexer_row] + (_percentile_rows("uncached", uncached, BUDGET_UNCACHED_MS, note + ", each with an empty formula cache")
            + _percentile_rows("cached", cached, BUDGET_CACHED_MS, note + ", formulas from the disk cache"))


def run(quick: bool) -> list[dict[str, Any]]:
    """Figures as rows: name, value_ms (or value + unit), budget_ms."""
    runs = 5 if quick else 21
    rows = _core_rows(runs)
    rows += _bundled_rows(1 if quick else 3)
    try:
        rows += _view_rows(runs)
    except ImportError as exc:  # a core-only environment
        rows.append({"name": "render: AnswerView figures", "value": float("nan"), "unit": "ms", "note": str(exc)})
    return rows


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        value = row.get("value_ms", row.get("value"))
        unit = "ms" if "value_ms" in row else row.get("unit", "")
        budget = row.get("budget_ms")
        verdict = "" if budget is None else ("within" if value <= budget else "OVER")
        print(f"{row['name']:58} {value:8.2f} {unit:2} {'' if budget is None else f'budget {budget:g} ms':>14}  {verdict}"
              + (f"  ({row['note']})" if row.get("note") else ""))
