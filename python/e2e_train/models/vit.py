"""Vision transformer for detector images.

Patch embedding (a conv with kernel = stride = patch), a class token, learned position embeddings,
`depth` pre-norm transformer blocks, final LayerNorm, linear head on the class token.
Reference config: 8x128x128, patch 8 (256 patches + class token), width 192, depth 6, 3 heads.
"""
import torch
from torch import nn

from .base import TaggerModel
from .layers import TransformerBlock


class VisionTransformer(TaggerModel):
    arch = "vit"
    kind = "image"

    def __init__(self, in_channels=8, height=128, width=128, patch=8, embed_dim=192, depth=6, heads=3,
                 mlp_ratio=4):
        super().__init__(in_channels=in_channels, height=height, width=width, patch=patch,
                         embed_dim=embed_dim, depth=depth, heads=heads, mlp_ratio=mlp_ratio)
        if height % patch or width % patch:
            raise ValueError(f"vit: image {height}x{width} is not a multiple of patch {patch}")
        self.patches = (height // patch) * (width // patch)
        tokens = self.patches + 1
        self.embed_dim = embed_dim
        self.patch_embed = nn.Conv2d(in_channels, embed_dim, patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, tokens, embed_dim))
        nn.init.trunc_normal_(self.cls_token, std=0.02)
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        self.blocks = nn.ModuleList([TransformerBlock(embed_dim, heads, tokens, mlp_ratio) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim)
        self.head = nn.Linear(embed_dim, 1)

    def sample_shapes(self):
        h = self.hparams
        return [(h["in_channels"], h["height"], h["width"])]

    def forward(self, image):
        x = self.patch_embed(image).reshape(-1, self.embed_dim, self.patches).transpose(1, 2)
        # The class token is broadcast against a zeroed slice of x instead of expand(batch, ...), so the
        # exported graph needs no Shape/Expand arithmetic on the dynamic batch dimension.
        cls = x[:, :1] * 0.0 + self.cls_token
        x = torch.cat([cls, x], dim=1) + self.pos_embed
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x[:, 0]))
