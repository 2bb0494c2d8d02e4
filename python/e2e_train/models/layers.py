"""Transformer building blocks shared by the vision and graph transformers.

Attention is written out (Linear, Reshape, Transpose, MatMul, Softmax) instead of nn.MultiheadAttention so
the exported ONNX graph only holds ops our engine fuses well, with constant reshape targets and -1 for the
batch dimension (no Shape/Gather subgraphs).
"""
import math

import torch
from torch import nn


class Attention(nn.Module):
    def __init__(self, width, heads, tokens):
        super().__init__()
        if width % heads:
            raise ValueError(f"attention: width {width} is not divisible by heads {heads}")
        self.heads, self.tokens, self.head_dim = heads, tokens, width // heads
        self.query = nn.Linear(width, width)
        self.key = nn.Linear(width, width)
        self.value = nn.Linear(width, width)
        self.proj = nn.Linear(width, width)
        self.scale = 1.0 / math.sqrt(self.head_dim)

    def _split(self, x):
        return x.reshape(-1, self.tokens, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, bias=None):
        """`bias` is added to the attention scores (B, 1, 1, T): large negative values mask padded keys."""
        q = self._split(self.query(x) * self.scale)
        k = self._split(self.key(x))
        v = self._split(self.value(x))
        scores = torch.matmul(q, k.transpose(2, 3))
        if bias is not None:
            scores = scores + bias
        out = torch.matmul(torch.softmax(scores, dim=-1), v)
        out = out.transpose(1, 2).reshape(-1, self.tokens, self.heads * self.head_dim)
        return self.proj(out)


class TransformerBlock(nn.Module):
    """Pre-norm block: x + attn(LN(x)), then x + MLP(LN(x)) with an exact (Erf) GELU."""

    def __init__(self, width, heads, tokens, mlp_ratio=4):
        super().__init__()
        self.norm1 = nn.LayerNorm(width)
        self.attn = Attention(width, heads, tokens)
        self.norm2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, width * mlp_ratio), nn.GELU(), nn.Linear(width * mlp_ratio, width))

    def forward(self, x, bias=None):
        x = x + self.attn(self.norm1(x), bias)
        return x + self.mlp(self.norm2(x))
