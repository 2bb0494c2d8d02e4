"""Graph transformer: full self-attention over the nodes of a padded hit graph.

Inputs: `nodes` (B, N, F) and `mask` (B, N), 1 for real nodes and 0 for padding. Padded keys get a large
negative attention bias; the pooled representation is the masked mean of the final node states.
No positional encoding: the node features (eta, phi, layer, ...) carry the geometry.
"""
from torch import nn

from .base import TaggerModel
from .graphs import PAD_DISTANCE, masked_mean
from .layers import TransformerBlock


class GraphTransformer(TaggerModel):
    arch = "graphtransformer"
    kind = "graph"

    def __init__(self, num_nodes=256, num_features=8, embed_dim=64, depth=3, heads=4, mlp_ratio=2):
        super().__init__(num_nodes=num_nodes, num_features=num_features, embed_dim=embed_dim, depth=depth,
                         heads=heads, mlp_ratio=mlp_ratio)
        self.input_names = ["nodes", "mask"]
        self.embed = nn.Linear(num_features, embed_dim)
        self.blocks = nn.ModuleList([TransformerBlock(embed_dim, heads, num_nodes, mlp_ratio) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim)
        self.head = nn.Sequential(nn.Linear(embed_dim, embed_dim), nn.ReLU(), nn.Linear(embed_dim, 1))

    def sample_shapes(self):
        n = self.hparams["num_nodes"]
        return [(n, self.hparams["num_features"]), (n,)]

    def example_inputs(self, batch, seed=0):
        nodes, _ = super().example_inputs(batch, seed)
        n = self.hparams["num_nodes"]
        # Graphs of varied size: sample b keeps its first n - b * n // (2 * batch) nodes.
        mask = nodes.new_ones(batch, n)
        for b in range(batch):
            mask[b, n - b * n // (2 * batch):] = 0
        return nodes * mask.unsqueeze(-1), mask

    def forward(self, nodes, mask):
        m = mask.unsqueeze(-1)
        bias = ((mask - 1.0) * PAD_DISTANCE).reshape(-1, 1, 1, self.hparams["num_nodes"])
        x = self.embed(nodes)
        for block in self.blocks:
            x = block(x, bias)
        return self.head(masked_mean(self.norm(x), m))
