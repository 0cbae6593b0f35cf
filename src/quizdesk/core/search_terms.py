"""Chinese and English names of the same concept, for search.

The bank writes many concepts either way: a question titled
"介绍一下Transformer中的Self-Attention机制" is the attention question, but a
search for 注意力 found it only through its answer, behind every title that
says 注意力 in passing. A query term that is one of these names also matches
the others (in titles and in the full-text index). Only whole terms are
looked up, and only names of three or more characters are used as
alternatives, so every alternative can use the trigram index; English names
that are parts of common words ("rag" in "storage", "gan" in "organ") are
left out.
"""

from __future__ import annotations

# Each group: names of one concept. Lower case; English names match any case.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("注意力", "attention"),
    ("自注意力", "self-attention"),
    ("交叉注意力", "cross-attention"),
    ("多头注意力", "multi-head attention"),
    ("归一化", "normalization"),
    ("批归一化", "batchnorm", "batch norm"),
    ("层归一化", "layernorm", "layer norm"),
    ("量化", "quantization"),
    ("蒸馏", "知识蒸馏", "distillation"),
    ("梯度", "gradient"),
    ("梯度裁剪", "gradient clipping"),
    ("优化器", "optimizer"),
    ("学习率", "learning rate"),
    ("损失函数", "loss function"),
    ("扩散模型", "diffusion model"),
    ("扩散", "diffusion"),
    ("微调", "fine-tuning", "finetuning"),
    ("嵌入", "embedding"),
    ("卷积", "convolution"),
    ("池化", "pooling"),
    ("激活函数", "activation function"),
    ("正则化", "regularization"),
    ("过拟合", "overfitting"),
    ("反向传播", "backpropagation"),
    ("张量", "tensor"),
    ("剪枝", "pruning"),
    ("检索", "retrieval"),
    ("采样", "sampling"),
    ("位置编码", "positional encoding", "position encoding"),
    ("交叉熵", "cross-entropy", "cross entropy"),
    ("强化学习", "reinforcement learning"),
    ("生成对抗网络", "对抗网络", "generative adversarial"),
    ("变分自编码器", "vae"),
    ("残差连接", "残差", "residual"),
    ("编码器", "encoder"),
    ("解码器", "decoder"),
    ("分词器", "tokenizer"),
    ("混合专家", "moe", "mixture of experts"),
    ("知识图谱", "knowledge graph"),
    ("向量数据库", "vector database"),
    ("检索增强生成", "检索增强", "retrieval-augmented"),
    ("思维链", "chain-of-thought", "chain of thought"),
    ("幻觉", "hallucination"),
    ("对比学习", "contrastive learning"),
    ("目标检测", "object detection"),
    ("语义分割", "semantic segmentation"),
)

_ALTERNATIVES: dict[str, tuple[str, ...]] = {}
for _group in _GROUPS:
    for _name in _group:
        # Only alternatives of three or more characters: a pair would expand
        # into hundreds of index terms, a single letter into everything.
        _ALTERNATIVES[_name] = tuple(other for other in _group if other != _name and len(other) >= 3)


def alternatives(term: str) -> tuple[str, ...]:
    """Other names of the concept ``term`` names (empty when it is not in the list)."""
    return _ALTERNATIVES.get(term.lower(), ())
