"""ResNet-15, the E2E reference CNN (SPEC.md section 5).

Stem: 7x7 conv to 16 channels (stride 2, padding 1, as in the original E2E code), ReLU, 2x2 max-pool.
Then 3 residual blocks at 16 channels, one stride-2 block 16 -> 32 with a 1x1 shortcut, 3 blocks at
32 channels. Each block is two 3x3 convs and no batch norm: 1 + 7 * 2 = 15 convs (the 1x1 shortcut is a
projection, not counted). Global max-pool, then one linear layer to a logit. For regression the object's
(ieta, iphi) are appended to the pooled features before that last layer.

Cost (conv + linear, counted by e2e_train.flops): 103 MFLOP for 8x125x125, matching SPEC's ~103.
"""
import torch
from torch import nn
from torch.nn import functional as F

from .base import TaggerModel, TargetScaling

# Raw (ieta, iphi) crop positions live on the 280 x 360 frame grid; scaling them inside the graph keeps
# the exported contract "feed the raw indices" while the last layer sees O(1) values.
POSITION_SCALE = (1.0 / 280.0, 1.0 / 360.0)


class ResBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.shortcut = nn.Conv2d(cin, cout, 1, stride=stride) if (stride != 1 or cin != cout) else None

    def forward(self, x):
        out = self.conv2(F.relu(self.conv1(x)))
        skip = x if self.shortcut is None else self.shortcut(x)
        return F.relu(out + skip)


def _conv_out(size, kernel, stride, pad):
    return (size + 2 * pad - kernel) // stride + 1


class ResNet15(TaggerModel):
    arch = "resnet15"
    kind = "image"

    def __init__(self, in_channels=8, height=125, width=125, widths=(16, 32), blocks=(3, 3), stem_stride=2,
                 regression=False, target_offset=0.0, target_scale=1.0):
        super().__init__(in_channels=in_channels, height=height, width=width, widths=list(widths),
                         blocks=list(blocks), stem_stride=stem_stride, regression=regression,
                         target_offset=float(target_offset), target_scale=float(target_scale))
        w0, w1 = widths
        self.stem = nn.Conv2d(in_channels, w0, 7, stride=stem_stride, padding=1)
        layers = [ResBlock(w0, w0, 1) for _ in range(blocks[0])]
        layers.append(ResBlock(w0, w1, 2))
        layers += [ResBlock(w1, w1, 1) for _ in range(blocks[1])]
        self.blocks = nn.Sequential(*layers)
        # The global pool is a fixed-size MaxPool so the ONNX graph has no shape-dependent ops.
        h = _conv_out(height, 7, stem_stride, 1) // 2
        w = _conv_out(width, 7, stem_stride, 1) // 2
        if min(h, w) < 1:
            raise ValueError(f"resnet15: input {height}x{width} is too small for the stem")
        self.pooled_hw = (_conv_out(h, 3, 2, 1), _conv_out(w, 3, 2, 1))
        self.regression = regression
        if regression:
            self.register_buffer("position_scale", torch.tensor(POSITION_SCALE))
            self.head = nn.Linear(w1 + 2, 1)
            self.target = TargetScaling(target_offset, target_scale)
            self.input_names = ["image", "position"]
            self.output_names = ["mass"]
        else:
            self.head = nn.Linear(w1, 1)

    def sample_shapes(self):
        h = self.hparams
        shapes = [(h["in_channels"], h["height"], h["width"])]
        if self.regression:
            shapes.append((2,))
        return shapes

    def example_inputs(self, batch, seed=0):
        inputs = super().example_inputs(batch, seed)
        if not self.regression:
            return inputs
        gen = torch.Generator().manual_seed(seed + 1)
        position = torch.rand((batch, 2), generator=gen) * torch.tensor([280.0, 360.0])
        return inputs[0], position

    def features(self, image):
        x = F.max_pool2d(F.relu(self.stem(image)), 2)
        x = self.blocks(x)
        return F.max_pool2d(x, self.pooled_hw).flatten(1)

    def forward(self, image, position=None):
        x = self.features(image)
        if not self.regression:
            return self.head(x)
        x = torch.cat([x, position * self.position_scale], dim=1)
        return self.target(self.head(x))
