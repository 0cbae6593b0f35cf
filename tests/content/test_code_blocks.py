"""Every ```python block of the bundled bank runs: the bank's code is checked like code.

A block that imports only the standard library and numpy is run in its own
subprocess (in a fresh temporary folder, with a timeout that guards against a
hang, not a speed limit) and must exit 0. A block that needs a package the
tests do not install (torch, PIL, cv2, fastapi, ...) cannot be run here; those
blocks are not skipped silently: the set of them, with the packages each
needs, must equal ``NOT_RUN`` below, so a new block that needs torch is added
to that list on purpose (or rewritten with numpy), and a block that stops
needing torch leaves it and starts being run. Every block, run or not, must at
least compile.

Blocks are found by the bank parser's own fence walk (``fenced_blocks``) and
named after their question: ``<question id>#<n>``, the n-th python block of
that question (a block before a file's first question is ``<file>#<n>``).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from quizdesk.core.content.bank_parser import bank_files, fenced_blocks, parse_bank

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
PYTHON = {"python", "python3", "py"}
# What the tests install besides the standard library (the `test` extra of pyproject.toml).
INSTALLED = frozenset(sys.stdlib_module_names) | {"numpy"}
# A hang guard, far above the slowest block (about 5 s of CPU), not a speed test.
TIMEOUT_S = 180.0

# The blocks the tests cannot run: block → (the packages it imports that the tests do not
# install, why the block is worth its dependency). Keep it in bank order.
NOT_RUN: dict[str, tuple[str, str]] = {
    "img-dpi#1": ("PIL", "Pillow writes the DPI into the file's metadata"),
    "img-sd3-improvements#1": ("torch", "SD3's logit-normal timestep sampling in PyTorch"),
    "img-comfyui-node-architecture#1": ("torch", "a ComfyUI custom node works on torch IMAGE tensors"),
    "img-adetailer#1": ("PIL", "crops and pastes the detected face with Pillow"),
    "dl-gradient-clipping#1": ("torch", "clip_grad_norm_ in a PyTorch training step"),
    "dl-dataloader-internals#1": ("torch", "an IterableDataset sharded across DataLoader workers"),
    "dl-q-prefetch-count#1": ("torch", "the question is about torch's DataLoader prefetching"),
    "dl-3d-convolution#1": ("torch", "nn.Conv3d shapes on a video tensor"),
    "dl-newgelu#1": ("torch", "NewGELU checked against torch's exact and tanh GELU"),
    "dl-q-conv3d-params#1": ("torch", "the question counts an nn.Conv3d layer's parameters"),
    "dl-q-conv3d-shape#1": ("torch", "the question asks an nn.Conv3d layer's output shape"),
    "dl-transformer-inputs#1": ("torch", "sinusoidal position encoding and embeddings in PyTorch"),
    "dl-self-attention#1": ("torch", "attention checked against torch's scaled_dot_product_attention"),
    "dl-kv-cache#1": ("torch", "decoding with a KV cache compared with full recomputation in PyTorch"),
    "ml-cosine-loss#1": ("torch", "gradients of a cosine loss through autograd"),
    "ml-kl-vs-cross-entropy#1": ("torch", "torch's kl_div and cross_entropy conventions"),
    "ml-topk#1": ("torch", "torch.topk next to the numpy version"),
    "py-flask-ai-service#1": ("PIL flask", "a Flask service that decodes uploaded images with Pillow"),
    "py-transparent-images#1": ("PIL cv2", "transparency with both Pillow and OpenCV"),
    "dep-sdpa-flash#1": ("torch", "selects SDPA's flash backend on a CUDA device"),
    "dep-sdpa-mem-eff#1": ("torch", "SDPA's memory-efficient backend"),
    "dep-model-memory-cache#1": ("torch", "a model cache holding torch modules"),
    "dep-onnx-gpu-to-cpu#1": ("onnx onnxruntime", "builds a tiny ONNX model and runs it in onnxruntime"),
    "dep-base64-image#1": ("PIL", "Base64 round trip of an image encoded by Pillow"),
    "dep-mcp-protocol#1": ("mcp", "an MCP server written with the official Python SDK"),
    "cs-io-overhead-reduce#1": ("torch", "DataLoader settings (workers, pinned memory) that cut I/O waits"),
    "cs-uvicorn#1": ("fastapi pydantic", "a FastAPI app served by Uvicorn"),
    "cs-q-async-blocking#1": ("fastapi", "the question is about a blocking call in a FastAPI endpoint"),
    "llm-rope-long-context#1": ("torch", "RoPE applied to query/key tensors in PyTorch"),
    "llm-dpo#1": ("torch", "the DPO loss on torch log-probabilities"),
    "llm-lora#1": ("torch", "a LoRA nn.Module wrapping a frozen linear layer"),
    "llm-decoding-strategies#1": ("torch", "temperature, top-k and top-p sampling on torch logits"),
    "mm-clip-infonce#1": ("torch", "CLIP's symmetric InfoNCE loss as an nn.Module"),
    "mm-image-tokenization#1": ("torch", "ViT patch embedding as an nn.Conv2d"),
    "mm-llava#1": ("torch", "LLaVA's MLP projector in PyTorch"),
}


@dataclass(frozen=True)
class PythonBlock:
    key: str  # "<question id>#<n>"
    where: str  # "content/<module>/<file>.md:<line of the opening fence>"
    source: str


def python_blocks(root: Path) -> list[PythonBlock]:
    """Every ```python block under ``root``, named after the question it belongs to."""
    result = parse_bank(root)
    headings: dict[str, list[tuple[int, str]]] = {}
    for q in result.questions:
        headings.setdefault(q.source_path, []).append((q.source_line, q.external_id))
    blocks = []
    for path in bank_files(root):
        relative = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        counts: Counter[str] = Counter()
        for block in fenced_blocks(text):
            if block.language not in PYTHON:
                continue
            above = [qid for line, qid in sorted(headings.get(relative, [])) if line < block.line]
            owner = above[-1] if above else relative
            counts[owner] += 1
            where = f"{root.name}/{relative}:{block.line}"
            blocks.append(PythonBlock(f"{owner}#{counts[owner]}", where, block.source))
    return blocks


def missing_packages(source: str) -> frozenset[str]:
    """The top-level packages ``source`` imports (anywhere in it) that the tests do not install.

    Code that does not parse imports nothing we can name: it is run, and fails there."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return frozenset()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return frozenset(names - INSTALLED)


def run_block(block: PythonBlock, timeout: float = TIMEOUT_S) -> str | None:
    """Run ``block`` in its own interpreter and folder; the failure in words, or None if it exits 0."""
    with tempfile.TemporaryDirectory(prefix="quizdesk-block-") as folder:
        script = Path(folder) / "block.py"
        script.write_text(block.source + "\n", encoding="utf-8")
        try:
            # -I: the block sees neither the repository nor PYTHON* variables; -X utf8: it may print Chinese.
            done = subprocess.run(
                [sys.executable, "-I", "-X", "utf8", str(script)],
                cwd=folder, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return f"{block.where} ({block.key}): still running after {timeout:.0f} s"
    if done.returncode == 0:
        return None
    stderr = done.stderr.decode("utf-8", "replace").strip().splitlines()
    tail = "\n    ".join(stderr[-8:])
    return f"{block.where} ({block.key}): exit code {done.returncode}\n    {tail}"


def run_all(blocks: list[PythonBlock], timeout: float = TIMEOUT_S) -> list[str]:
    """The failures of ``blocks``, run a few at a time (one per core: CI has two)."""
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        return [failure for failure in pool.map(lambda b: run_block(b, timeout), blocks) if failure]


def compile_problems(blocks: list[PythonBlock]) -> list[str]:
    problems = []
    for block in blocks:
        try:
            compile(block.source, block.where, "exec")
        except SyntaxError as error:
            problems.append(f"{block.where} ({block.key}): {error.msg} at line {error.lineno} of the block")
    return problems


@lru_cache(maxsize=1)
def bank_blocks() -> tuple[PythonBlock, ...]:
    return tuple(python_blocks(CONTENT))


def test_every_python_block_is_found_and_named_once() -> None:
    fences = sum(
        1 for path in bank_files(CONTENT)
        for block in fenced_blocks(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        if block.language in PYTHON
    )
    keys = [block.key for block in bank_blocks()]
    assert fences > 0 and len(keys) == fences
    assert [key for key, n in Counter(keys).items() if n > 1] == []


def test_every_python_block_compiles() -> None:
    assert compile_problems(list(bank_blocks())) == []


def test_the_blocks_not_run_are_exactly_the_listed_ones() -> None:
    """A block needing an uninstalled package is listed on purpose; a listed block that no longer needs one is run."""
    needing = {b.key: " ".join(sorted(missing_packages(b.source))) for b in bank_blocks() if missing_packages(b.source)}
    listed = {key: packages for key, (packages, _reason) in NOT_RUN.items()}
    where = {b.key: b.where for b in bank_blocks()}
    unlisted = {f"{where[k]} ({k})": needing[k] for k in needing.keys() - listed.keys()}
    stale = {k: listed[k] for k in listed.keys() - needing.keys()}
    changed = {f"{where[k]} ({k})": f"listed {listed[k]!r}, imports {needing[k]!r}"
               for k in needing.keys() & listed.keys() if needing[k] != listed[k]}
    assert (unlisted, stale, changed) == ({}, {}, {}), (
        "add new blocks to NOT_RUN with a reason (or use only the standard library and numpy); "
        "remove entries that no longer need a package"
    )
    assert all(reason.strip() for _packages, reason in NOT_RUN.values())


@pytest.mark.slow
def test_every_block_using_only_the_standard_library_and_numpy_runs() -> None:
    runnable = [block for block in bank_blocks() if not missing_packages(block.source)]
    assert runnable
    failures = run_all(runnable)
    assert failures == [], "\n" + "\n".join(failures)


# The checks above on a made-up bank: each kind of broken block is caught.

HEADER = "# 标题\n<!-- module: 模块; module_en: Module; topic: 主题; topic_en: Topic -->\n\n"


def _question(qid: str, *codes: str) -> str:
    blocks = "".join(f"```python\n{code}\n```\n\n" for code in codes)
    return f"## 问题 {qid}？\n<!-- id: {qid}; type: open -->\n\n答案。\n\n{blocks}### 要点\n- 一\n\n"


def _bank(tmp_path: Path, text: str) -> list[PythonBlock]:
    folder = tmp_path / "content" / "01-m"
    folder.mkdir(parents=True)
    (folder / "01-t.md").write_text(HEADER + text, encoding="utf-8")
    return python_blocks(tmp_path / "content")


def test_blocks_are_named_after_their_question_and_order(tmp_path: Path) -> None:
    blocks = _bank(tmp_path, "```python\nprint('intro')\n```\n\n" + _question("q-a", "x = 1", "y = 2") + _question("q-b", "z = 3"))
    assert [(b.key, b.source) for b in blocks] == [
        ("01-m/01-t.md#1", "print('intro')"), ("q-a#1", "x = 1"), ("q-a#2", "y = 2"), ("q-b#1", "z = 3"),
    ]
    assert blocks[1].where == "content/01-m/01-t.md:13"


def test_a_broken_block_fails_and_says_where_and_why(tmp_path: Path) -> None:
    blocks = _bank(tmp_path, _question(
        "q-ok", "import math, numpy as np\nprint('中文', math.pi, np.arange(3))",
        "import numpy as np\nassert np.allclose(np.eye(2) @ [1, 2], [1, 3]), 'wrong'",  # a wrong claim
        "import sys\nsys.exit(3)",
        "import json\nopen('scratch.txt', 'w').write(json.dumps([1]))",  # writes in its own folder
    ))
    failures = run_all(blocks)
    assert len(failures) == 2
    assert failures[0].startswith("content/01-m/01-t.md:") and "(q-ok#2): exit code 1" in failures[0]
    assert "AssertionError: wrong" in failures[0]
    assert "(q-ok#4)" not in "".join(failures) and "(q-ok#3): exit code 3" in failures[1]
    assert not (REPO / "scratch.txt").exists()


def test_a_block_that_hangs_is_stopped_and_reported(tmp_path: Path) -> None:
    (block,) = _bank(tmp_path, _question("q-hang", "while True:\n    pass"))
    assert run_block(block, timeout=1.0) == f"{block.where} (q-hang#1): still running after 1 s"


def test_uninstalled_packages_are_named_and_syntax_errors_caught(tmp_path: Path) -> None:
    torch, pil, local, broken = _bank(tmp_path, _question(
        "q-x", "import torch.nn as nn\nimport numpy as np", "def f():\n    from PIL import Image\n    import os",
        "from . import sibling\nimport collections.abc", "print('unclosed'",
    ))
    assert missing_packages(torch.source) == {"torch"}
    assert missing_packages(pil.source) == {"PIL"}  # imports inside functions count too
    assert missing_packages(local.source) == frozenset()
    assert missing_packages(broken.source) == frozenset()  # not listable: it is run and fails
    problems = compile_problems([torch, pil, local, broken])
    assert len(problems) == 1 and problems[0].startswith(f"{broken.where} (q-x#4): ")
