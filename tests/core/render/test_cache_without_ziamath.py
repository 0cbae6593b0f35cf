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
