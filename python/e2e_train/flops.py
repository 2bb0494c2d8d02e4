"""Counts a model's multiply-add work (x 2 = FLOPs) in Conv2d, Linear and batched MatMul layers.

Elementwise ops, pooling and softmax are not counted: they are memory-bound and small next to the
matrix work. Attention's two matmuls are counted through a torch.matmul hook on the Attention module.
"""
import torch
from torch import nn

from .models.layers import Attention


def count_flops(model, inputs):
    """FLOPs for one forward pass of `inputs` (a tuple), divided by the batch size."""
    total = [0]

    def conv_hook(mod, args, out):
        cin_per_group = mod.in_channels // mod.groups
        kernel = 1
        for k in mod.kernel_size:
            kernel *= k
        total[0] += 2 * out.numel() * cin_per_group * kernel

    def linear_hook(mod, args, out):
        total[0] += 2 * out.numel() * mod.in_features

    def attention_hook(mod, args, out):
        batch_tokens = out.numel() // (mod.heads * mod.head_dim)
        # q k^T and softmax(.) v: each tokens x tokens x head_dim per head.
        total[0] += 2 * 2 * batch_tokens * mod.tokens * mod.heads * mod.head_dim

    handles = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            handles.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            handles.append(m.register_forward_hook(linear_hook))
        elif isinstance(m, Attention):
            handles.append(m.register_forward_hook(attention_hook))
    try:
        with torch.no_grad():
            model.eval()(*inputs)
    finally:
        for h in handles:
            h.remove()
    return total[0] / inputs[0].shape[0]
