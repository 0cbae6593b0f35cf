"""The ziamath internals the renderer replaces exist, with the parameters its wrappers pass on,
and they are replaced only through core/render/ziamath_patches.py."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from ziamath.mathfont import MathFont
from ziamath.nodes import mfrac, mnode
from ziamath.nodes.mnode import Mnode
from ziamath.nodes.mrow import Mrow

from quizdesk.core.render import cjk_fallback, layout_memo, math_svg, ziamath_patches
from quizdesk.core.render.ziamath_patches import OVERRIDDEN, TARGETS, Target

SRC = Path(__file__).resolve().parents[3] / "src" / "quizdesk"


def _parameters(target: Target) -> tuple[str, ...]:
    attribute = inspect.getattr_static(target.owner, target.name)
    function = attribute.__func__ if isinstance(attribute, classmethod) else attribute
    return tuple(inspect.signature(function).parameters)


@pytest.mark.parametrize("target", TARGETS + OVERRIDDEN, ids=lambda t: f"{t.owner.__name__}.{t.name}")
def test_each_target_exists_with_the_parameters_the_wrapper_passes_on(target: Target) -> None:
    assert hasattr(target.owner, target.name), f"ziamath/ziafont no longer has {target.owner.__name__}.{target.name}"
    if target in TARGETS:
        # The installed attribute is our wrapper: check the original it calls.
        original = ziamath_patches.ORIGINALS[target.name]
        assert tuple(inspect.signature(original).parameters) == target.parameters
    else:
        assert _parameters(target) == target.parameters


def test_parse_style_is_replaced_everywhere_ziamath_binds_it() -> None:
    """parse_style is a function the node modules import by name: every module
    that binds the original must be a target, or it would keep the original."""
    import sys

    binders = {name for name, module in sys.modules.items() if name.startswith("ziamath")
               and getattr(module, "parse_style", None) is ziamath_patches.original_parse_style}
    # styles defines it; zmath parses the root's style once per formula (not worth a patch).
    assert binders <= {"ziamath.styles", "ziamath.zmath"}
    assert {t.owner.__name__ for t in TARGETS if t.name == "parse_style"} == {"ziamath.nodes.mnode", "ziamath.nodes.mfrac"}


def test_the_wrappers_are_installed_once_rendering_is_imported() -> None:
    assert MathFont.findglyph is cjk_fallback._findglyph
    assert inspect.getattr_static(Mnode, "fromelement").__func__ is math_svg._budgeted_fromelement
    assert Mrow._get_height_nostretch is layout_memo.height_nostretch
    assert Mnode.size_px is layout_memo.size_px
    assert mnode.parse_style is mfrac.parse_style is layout_memo.parse_style
    layout_memo.install()  # again: still the wrappers, calling the originals
    assert Mrow._get_height_nostretch is layout_memo.height_nostretch
    assert ziamath_patches.original_height_nostretch is not layout_memo.height_nostretch
    cjk_fallback.install()  # installing again replaces the wrapper by itself, never wraps it twice
    assert MathFont.findglyph is cjk_fallback._findglyph
    assert ziamath_patches.original_findglyph is not cjk_fallback._findglyph


def _foreign_attribute_assignments(tree: ast.Module) -> list[str]:
    """``X.y = …`` where X comes from ziamath or ziafont (``ziamath.config.…`` is public: allowed)."""
    foreign: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("ziamath", "ziafont"):
            foreign.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            foreign.update(alias.asname or alias.name for alias in node.names if alias.name.split(".")[0] in ("ziamath", "ziafont"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            chain = []
            while isinstance(target, ast.Attribute):
                chain.append(target.attr)
                target = target.value
            if chain and isinstance(target, ast.Name) and target.id in foreign and "config" not in chain:
                found.append(f"{target.id}.{'.'.join(reversed(chain))} (line {node.lineno})")
    return found


def test_nothing_else_replaces_ziamath_internals() -> None:
    offenders = {
        str(path.relative_to(SRC)): hits
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "ziamath_patches.py"
        and (hits := _foreign_attribute_assignments(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}


def test_the_check_catches_a_patch_outside_the_module() -> None:
    planted = ast.parse("from ziamath.mathfont import MathFont\nimport ziamath\nMathFont.findglyph = f\nziamath.config.svg2 = False\n")
    assert _foreign_attribute_assignments(planted) == ["MathFont.findglyph (line 3)"]
