"""SimpleNet: a plain (VGG-style, no residuals, no normalisation) deep CNN sized as a heavy reference load.

Five stages of 3x3 conv + ReLU separated by 2x2 max-pools, global max-pool, a two-layer head to a logit.
Reference config (8x128x128, widths 64-128-256-512-512, depths 5-5-4-4-4, 22 convs): 20.1 GFLOP per sample
(conv + linear multiply-adds x 2, counted by e2e_train.flops); ~21 M parameters. It exists to give the
engine a conv-bound model an order of magnitude heavier than ViT and two orders above ResNet-15.
"""
from torch import nn
from torch.nn import functional as F

from .base import TaggerModel

REFERENCE_WIDTHS = (64, 128, 256, 512, 512)
REFERENCE_DEPTHS = (5, 5, 4, 4, 4)


class SimpleNet(TaggerModel):
    arch = "simplenet"
    kind = "image"

    def __init__(self, in_channels=8, height=128, width=128, widths=REFERENCE_WIDTHS, depths=REFERENCE_DEPTHS,
                 hidden=256):
        super().__init__(in_channels=in_channels, height=height, width=width, widths=list(widths),
                         depths=list(depths), hidden=hidden)
        if len(widths) != len(depths):
            raise ValueError("simplenet: widths and depths must have the same length")
        layers, cin, h, w = [], in_channels, height, width
        for stage, (cout, depth) in enumerate(zip(widths, depths)):
            for _ in range(depth):
                layers += [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU()]
                cin = cout
            if stage + 1 < len(widths):
                layers.append(nn.MaxPool2d(2))
                h, w = h // 2, w // 2
        if min(h, w) < 1:
            raise ValueError(f"simplenet: input {height}x{width} is too small for {len(widths)} stages")
        self.body = nn.Sequential(*layers)
        self.pooled_hw = (h, w)
        self.head = nn.Sequential(nn.Linear(cin, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        # Plain deep stacks without normalisation need variance-preserving init to train at all.
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.zeros_(m.bias)

    def sample_shapes(self):
        h = self.hparams
        return [(h["in_channels"], h["height"], h["width"])]

    def forward(self, image):
        x = F.max_pool2d(self.body(image), self.pooled_hw).flatten(1)
        return self.head(x)
