"""A formula drawn once is served from the disk cache without importing ziamath
(importing it costs ~160 ms: it parses its math font); ziamath loads only when a
formula is in no cache. Each render runs in a fresh interpreter, as a new launch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ANSWER = r"""DPO 的损失：

$$
\mathcal{L}_{\mathrm{DPO}} = -\mathbb{E}\left[\log\sigma\left(\beta\log\frac{\pi_\theta(y_w|x)}{\pi_{\mathrm{ref}}(y_w|x)}
- \beta\log\frac{\pi_\theta(y_l|x)}{\pi_{\mathrm{ref}}(y_l|x)}\right)\right]
$$

其中 $\beta$ 控制偏离参考模型的程度，$\sigma(x)=\frac{1}{1+e^{-x}}$。
"""

RENDER = r"""
import json, sys
from pathlib import Path
from quizdesk.core.render import MathCache, render_markdown
text, folder, color = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
answer = render_markdown(text, cache=MathCache(folder), color=color)
print(json.dumps({"ziamath": "ziamath" in sys.modules, "html": answer.html,
                  "images": {k: v.decode() for k, v in answer.images.items()},
                  "problems": [p.message for p in answer.problems]}))
"""


def _render(text: str, folder: Path, color: str = "#1f2328") -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-c", RENDER, text, str(folder), color],
                            capture_output=True, text=True, timeout=120, check=True)
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_cached_formulas_are_served_without_importing_ziamath(tmp_path: Path) -> None:
    first = _render(ANSWER, tmp_path)
    assert first["ziamath"] is True and first["problems"] == [] and len(first["images"]) == 3
    again = _render(ANSWER, tmp_path)
    assert again["ziamath"] is False
    assert again == {**first, "ziamath": False}  # the same HTML and the same drawings


def test_ziamath_loads_when_one_formula_is_new(tmp_path: Path) -> None:
    _render(ANSWER, tmp_path)
    assert _render(ANSWER + "\n\n$x^2$\n", tmp_path)["ziamath"] is True


def test_the_other_theme_needs_no_ziamath_either(tmp_path: Path) -> None:
    _render(ANSWER, tmp_path / "light")  # drawn in the light theme
    dark_drawn = _render(ANSWER, tmp_path / "dark", color="#dfe1e5")
    (tmp_path / "light").rename(tmp_path / "theme")
    dark = _render(ANSWER, tmp_path / "theme", color="#dfe1e5")
    assert dark == {**dark_drawn, "ziamath": False}  # the same as drawn in the dark theme


DEFERRED = r"""
import json, sys
from pathlib import Path
from quizdesk.core.render import MathCache, render_markdown
text, folder = sys.argv[1], Path(sys.argv[2])
answer = render_markdown(text, cache=MathCache(folder), draw=False)
print(json.dumps({"ziamath": "ziamath" in sys.modules, "html": answer.html, "images": len(answer.images),
                  "pending": answer.pending}))
"""


def test_drawing_can_be_deferred_without_loading_ziamath(tmp_path: Path) -> None:
    """What the answer view shows at once while a worker draws the rest."""
    result = subprocess.run([sys.executable, "-c", DEFERRED, ANSWER, str(tmp_path)],
                            capture_output=True, text=True, timeout=120, check=True)
    deferred = json.loads(result.stdout)
    assert deferred["ziamath"] is False and deferred["pending"] == 3 and deferred["images"] == 0
    assert r"\beta" in deferred["html"] and "其中" in deferred["html"]  # the text, formulas as their source
    _render(ANSWER, tmp_path)  # drawn (as the worker does), kept on disk
    result = subprocess.run([sys.executable, "-c", DEFERRED, ANSWER, str(tmp_path)],
                            capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(result.stdout) | {"html": ""} == {"ziamath": False, "html": "", "images": 3, "pending": 0}


def test_an_answer_with_formulas_left_undrawn_is_not_kept() -> None:
    from quizdesk.core.render import MathCache, render_markdown

    cache = MathCache()
    text = "kept $y = \\sqrt{q}$ or not"
    assert render_markdown(text, cache=cache, draw=False).pending == 1
    drawn = render_markdown(text, cache=cache)  # not the undrawn one from the answer cache
    assert drawn.pending == 0 and len(drawn.images) == 1
    assert render_markdown(text, cache=cache, draw=False) is drawn  # the drawn one serves both
