"""EdgeConv graph network (dynamic graph CNN) on hit point clouds.

Each EdgeConv layer builds a kNN graph inside the model (pairwise squared distances, TopK), computes edge
features e_ij = MLP(theta (x_j - x_i) + phi x_i) and max-aggregates them over the k neighbours. The first
layer's graph uses the input features, later layers recompute it in feature space (dynamic graph).
The layers' outputs are concatenated, mixed per node, pooled (masked mean and max) and fed to a small head.
Reference config: N = 256 nodes, F = 8 features, k = 16, layers 64-64-128.
Padding: rows of all zeros are padding (see graphs.node_mask); they are never neighbours of real nodes
while a real node has k real ones, and their features are zeroed after each layer.
"""
import torch
from torch import nn

from .base import TaggerModel
from .graphs import gather_neighbours, knn_indices, masked_max, masked_mean, node_mask


class EdgeConv(nn.Module):
    def __init__(self, cin, cout, k, nodes):
        super().__init__()
        self.k, self.nodes, self.cin = k, nodes, cin
        self.theta = nn.Linear(cin, cout)
        self.phi = nn.Linear(cin, cout, bias=False)
        self.mlp = nn.Sequential(nn.ReLU(), nn.Linear(cout, cout), nn.ReLU())

    def forward(self, x, mask):
        idx = knn_indices(x, mask, self.k)
        nbr = gather_neighbours(x, idx, self.nodes, self.k, self.cin)
        centre = x.unsqueeze(2)
        edge = self.theta(nbr - centre) + self.phi(centre)
        return self.mlp(edge).amax(dim=2) * mask


class EdgeConvNet(TaggerModel):
    arch = "edgeconv"
    kind = "graph"

    def __init__(self, num_nodes=256, num_features=8, k=16, widths=(64, 64, 128), hidden=256):
        super().__init__(num_nodes=num_nodes, num_features=num_features, k=k, widths=list(widths), hidden=hidden)
        if not 1 <= k <= num_nodes:
            raise ValueError(f"edgeconv: k={k} must be in [1, num_nodes={num_nodes}]")
        self.input_names = ["nodes"]
        layers, cin = [], num_features
        for cout in widths:
            layers.append(EdgeConv(cin, cout, k, num_nodes))
            cin = cout
        self.layers = nn.ModuleList(layers)
        self.mix = nn.Sequential(nn.Linear(sum(widths), hidden), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def sample_shapes(self):
        return [(self.hparams["num_nodes"], self.hparams["num_features"])]

    def forward(self, nodes):
        mask = node_mask(nodes)
        x, outs = nodes, []
        for layer in self.layers:
            x = layer(x, mask)
            outs.append(x)
        h = self.mix(torch.cat(outs, dim=-1))
        return self.head(torch.cat([masked_mean(h, mask), masked_max(h, mask)], dim=-1))
