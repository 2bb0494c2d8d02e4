"""Helpers for graph models on padded node sets (B, N, F).

A padded graph has all-zero feature rows after its last real node (see data.py); `node_mask` recovers the
mask from the features, so a model can be exported with the node tensor as its only input.
"""
import torch

# Added to the distance of padded nodes so that a real node never picks one as a neighbour while it has
# enough real ones. Large against any feature-space distance, small enough to stay finite in float32.
PAD_DISTANCE = 1.0e9


def node_mask(x):
    """(B, N, 1) float mask: 1 for a real node, 0 for an all-zero (padding) row."""
    return (x.abs().sum(dim=-1, keepdim=True) > 0).to(x.dtype)


def knn_indices(x, mask, k):
    """Indices (B, N, k) of the k nearest nodes of each node (itself included), by squared distance."""
    sq = (x * x).sum(dim=-1, keepdim=True)
    dist = sq - 2.0 * torch.matmul(x, x.transpose(1, 2)) + sq.transpose(1, 2)
    dist = dist + (1.0 - mask.transpose(1, 2)) * PAD_DISTANCE
    return torch.topk(dist, k, dim=-1, largest=False, sorted=True)[1]


def gather_neighbours(x, idx, nodes, k, channels):
    """Features of each node's neighbours, (B, N, k, C), from x (B, N, C) and idx (B, N, k).

    torch.gather (ONNX GatherElements) keeps the batch dimension apart without building per-batch offsets
    (which would need Range/Shape ops in the exported graph). The index is widened to the channel count by
    adding a constant zero row: expand/repeat export as Expand/Tile with unfolded shape arithmetic.
    Sizes are Python ints so that the traced reshape targets stay constants.
    """
    widen = torch.zeros((1, 1, channels), dtype=idx.dtype, device=idx.device)
    flat = idx.reshape(-1, nodes * k, 1) + widen
    return torch.gather(x, 1, flat).reshape(-1, nodes, k, channels)


def masked_mean(x, mask):
    """Mean over real nodes: x (B, N, C), mask (B, N, 1)."""
    return (x * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)


def masked_max(x, mask):
    """Max over real nodes; padded rows are pushed down so they never win (0 for an empty graph)."""
    return (x - (1.0 - mask) * PAD_DISTANCE).amax(dim=1) * (mask.amax(dim=1) > 0).to(x.dtype)
