"""latex2mathml's MathML adjusted to TeX's rules before ziamath lays it out.

Four places where ziamath (which follows the MathML operator dictionary) draws a
formula differently from TeX and MathJax:

* **Delimiters stretch only when asked to.** In TeX a delimiter grows only
  with ``\\left``/``\\right``/``\\middle``, ``\\big`` and friends, or inside a
  matrix environment. latex2mathml leaves some plain delimiters without a
  ``stretchy`` attribute (``\\Vert``, ``\\vert``, ``\\lVert``, ``\\lfloor``,
  ``\\lbrace`` …) and ziamath's dictionary makes them stretchy, so
  ``\\frac{1}{2} D(P\\Vert Q)`` drew a ‖ as tall as the fraction. They are marked
  ``stretchy="false"``; the matrix environments' bare fences (next to an
  ``<mtable>``) keep stretching.
* **A sign after an operator is unary.** TeX turns a binary atom into an
  ordinary one when nothing it could combine with stands on its left: at the
  start of a group, or after an opening delimiter, punctuation, a relation, a
  binary operator or a large operator (TeXbook, appendix G, rule 5), and when
  a relation, closing delimiter or punctuation follows (rule 6). ziamath only
  knows "first in the row", so ``\\max(-c, x)`` got binary spaces around the
  minus. Such a sign gets ``form="prefix"`` and no space on either side, which
  is how TeX spells it too (``{-}c``).
* **No space between an operator name and its parenthesis**: ``\\max(a, b)``,
  not "max (a, b)" (TeX puts no glue between an Op and an Open atom).
* **Sized delimiters by name**: after ``\\big``/``\\Big``/``\\bigl``…
  latex2mathml leaves a named delimiter as its command (``<mo>\\|</mo>``,
  ``\\lVert``, ``\\langle``), which was refused as an unknown command; it is
  replaced by its character, so ``\\big\\| x \\big\\|`` draws as in TeX.

The rewrite works on the element tree only; ziamath itself is not patched.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

# Vertical delimiters (ziamath's dictionary makes most of them stretchy).
_DELIMITERS = frozenset("()[]{}⟨⟩⌈⌉⌊⌋⟪⟫|‖∣∥❘")
_SIGNS = frozenset("−-+±∓")
# TeX atom classes of what may stand left of a sign.
_OPEN = frozenset("([{⟨⌈⌊⟪")
_CLOSE = frozenset(")]}⟩⌉⌋⟫")
_PUNCT = frozenset(",;")
_BIN = frozenset("+−-±∓×·⋅∗*∘∙÷∩∪∧∨⊕⊖⊗⊘⊙⊎⊓⊔⋄△▽∖≀⋆")
_REL = frozenset("=<>≤≥≦≧≠≈≡≢∼≃≅≍∝≪≫≺≻⪯⪰⊂⊃⊆⊇⊄⊅⊈⊉⊊⊋∈∉∋∌⊏⊐⊑⊒⊢⊣⊨⊥∣∥:≔←→↔⇐⇒⇔↦⟵⟶⟷⟸⟹⟺↑↓⇑⇓≐≜≝≺≻⊲⊳")
_LARGE_OPS = frozenset("∑∏∐∫∬∭∮∯∰∲∳⋀⋁⋂⋃⨀⨁⨂⨄⨆")
# Delimiters latex2mathml leaves as their command after \big and friends.
NAMED_DELIMITERS = {
    "\\|": "‖", "\\Vert": "‖", "\\lVert": "‖", "\\rVert": "‖", "\\vert": "|", "\\lvert": "|", "\\rvert": "|",
    "\\mid": "∣", "\\langle": "⟨", "\\rangle": "⟩", "\\lfloor": "⌊", "\\rfloor": "⌋", "\\lceil": "⌈",
    "\\rceil": "⌉", "\\{": "{", "\\}": "}", "\\lbrace": "{", "\\rbrace": "}", "\\lbrack": "[", "\\rbrack": "]",
    "\\backslash": "\\", "\\uparrow": "↑", "\\downarrow": "↓", "\\updownarrow": "↕", "\\Uparrow": "⇑",
    "\\Downarrow": "⇓", "\\Updownarrow": "⇕",
}
# Elements whose children form a horizontal row (an inferred mrow in MathML).
_ROWS = frozenset({"math", "mrow", "mstyle", "msqrt", "mtd", "mpadded", "mphantom", "menclose", "merror"})
_SCRIPTED = frozenset({"msub", "msup", "msubsup", "munder", "mover", "munderover"})
_SPACES = frozenset({"mspace"})


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _text(element: ET.Element) -> str:
    return (element.text or "").strip()


def _atom_class(element: ET.Element) -> str:
    """TeX's class of an atom: ord, op, bin, rel, open, close or punct."""
    tag = _tag(element)
    if tag in _SCRIPTED and len(element):
        return _atom_class(element[0])  # a scripted atom keeps its nucleus's class
    if tag not in {"mo", "mi"}:
        return "ord"
    text = _text(element)
    if tag == "mo" and text.isalpha() and len(text) > 1:
        return "op"  # \max, \min, \lim, \log …
    if len(text) != 1:
        return "ord"
    if text in _OPEN:
        return "open"
    if text in _CLOSE:
        return "close"
    if tag == "mi":
        return "ord"  # \vert, \Vert, letters
    if text in _PUNCT:
        return "punct"
    if text in _LARGE_OPS:
        return "op"
    if text in _BIN:
        return "bin"
    if text in _REL:
        return "rel"
    return "ord"


def _nucleus(element: ET.Element) -> ET.Element:
    """The element itself, or the base of a scripted one (``\\rVert^2``, ``\\max_x``)."""
    return element[0] if _tag(element) in _SCRIPTED and len(element) else element


def _fix_delimiters(row: list[ET.Element]) -> None:
    for i, child in enumerate(row):
        delimiter = _nucleus(child)
        if _tag(delimiter) not in {"mo", "mi"} or _text(delimiter) not in _DELIMITERS:
            continue
        if any(key in delimiter.attrib for key in ("stretchy", "minsize", "maxsize")):
            continue  # \left, \middle, \big … said what they want
        beside = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        if any(_tag(other) == "mtable" for other in beside):
            continue  # pmatrix, vmatrix …: TeX's \left … \right
        delimiter.set("stretchy", "false")


def _fix_spacing(row: list[ET.Element]) -> None:
    atoms = [child for child in row if _tag(child) not in _SPACES]  # glue is not an atom
    for i, child in enumerate(atoms):
        before = _atom_class(atoms[i - 1]) if i > 0 else None
        after = _atom_class(atoms[i + 1]) if i + 1 < len(atoms) else None
        nucleus = _nucleus(child)
        if _tag(nucleus) != "mo" or "form" in nucleus.attrib:
            continue
        text = _text(nucleus)
        if text in _SIGNS and nucleus is child:
            if before in {None, "op", "bin", "rel", "open", "punct"} or after in {None, "rel", "close", "punct"}:
                child.attrib.update({"form": "prefix", "lspace": "0em", "rspace": "0em"})
        elif _atom_class(child) == "op" and after == "open" and text.isalpha():
            # TeX puts no space between an operator name and an opening
            # delimiter: \max(a, b), not "max (a, b)".
            nucleus.set("rspace", "0em")


def apply(element: ET.Element) -> None:
    """Rewrite the MathML tree ``element`` in place (see the module docstring)."""
    for node in element.iter():
        if _tag(node) == "mo" and _text(node) in NAMED_DELIMITERS:
            node.text = NAMED_DELIMITERS[_text(node)]
    for node in element.iter():
        if _tag(node) in _ROWS:
            row = list(node)
            _fix_delimiters(row)
            _fix_spacing(row)
