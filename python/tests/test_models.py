"""Architectures: shapes, the ResNet-15 definition and cost anchors, configuration errors."""
import unittest

import helpers  # noqa: F401  (import path)
import torch
from torch import nn

from e2e_train.flops import count_flops
from e2e_train.models import ARCHS, EdgeConvNet, GraphTransformer, ResNet15, SimpleNet, VisionTransformer, build_model
from e2e_train.models.graphs import knn_indices, node_mask

SMALL = {
    "resnet15": dict(in_channels=3, height=32, width=32),
    "simplenet": dict(in_channels=3, height=32, width=32, widths=(8, 16), depths=(1, 2), hidden=16),
    "vit": dict(in_channels=3, height=32, width=32, patch=8, embed_dim=32, depth=2, heads=2),
    "edgeconv": dict(num_nodes=24, num_features=5, k=4, widths=(16, 16), hidden=32),
    "graphtransformer": dict(num_nodes=24, num_features=5, embed_dim=16, depth=2, heads=2),
}


class ModelShapes(unittest.TestCase):
    def test_every_arch_maps_a_batch_to_one_output_per_sample(self):
        self.assertEqual(set(SMALL), set(ARCHS))
        for arch, kwargs in SMALL.items():
            model = build_model(arch, **kwargs).eval()
            for batch in (1, 3):
                out = model(*model.example_inputs(batch))
                self.assertEqual(tuple(out.shape), (batch, 1), arch)
                self.assertTrue(torch.isfinite(out).all(), arch)

    def test_describe_rebuilds_the_same_architecture(self):
        from e2e_train.models import model_from_description
        for arch, kwargs in SMALL.items():
            a = build_model(arch, **kwargs)
            b = model_from_description(a.describe())
            b.load_state_dict(a.state_dict())
            x = a.example_inputs(2)
            self.assertTrue(torch.equal(a.eval()(*x), b.eval()(*x)), arch)

    def test_unknown_arch_is_named(self):
        with self.assertRaisesRegex(ValueError, "unknown architecture 'resnet50'"):
            build_model("resnet50")


class ResNet15Definition(unittest.TestCase):
    def test_has_fifteen_3x3_or_7x7_convs_and_one_shortcut_and_no_batchnorm(self):
        model = ResNet15(8, 125, 125)
        convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
        main = [c for c in convs if c.kernel_size != (1, 1)]
        self.assertEqual(len(main), 15)
        self.assertEqual([c.kernel_size for c in convs if c.kernel_size == (1, 1)], [(1, 1)])
        self.assertEqual(main[0].kernel_size, (7, 7))
        self.assertEqual(main[0].out_channels, 16)
        self.assertEqual(main[-1].out_channels, 32)
        self.assertFalse(any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in model.modules()))

    def test_jet_cost_matches_spec_anchor(self):
        # SPEC.md section 5: ~103 MFLOP per 8x125x125 jet.
        model = ResNet15(8, 125, 125)
        self.assertAlmostEqual(count_flops(model, model.example_inputs(1)) / 1e6, 103.0, delta=2.0)

    def test_regression_head_uses_the_position(self):
        torch.manual_seed(0)
        model = ResNet15(2, 32, 32, regression=True, target_offset=0.5, target_scale=0.2).eval()
        image, position = model.example_inputs(2)
        self.assertEqual(model.input_names, ["image", "position"])
        moved = model(image, position + torch.tensor([10.0, 40.0]))
        self.assertFalse(torch.allclose(model(image, position), moved))
        self.assertEqual(tuple(model.head.weight.shape), (1, 34))

    def test_too_small_input_is_rejected(self):
        with self.assertRaisesRegex(ValueError, "too small"):
            ResNet15(1, 4, 4)


class OtherArchitectures(unittest.TestCase):
    def test_simplenet_reference_cost_is_about_20_gflop(self):
        model = SimpleNet()
        gflop = count_flops(model, model.example_inputs(1)) / 1e9
        self.assertGreater(gflop, 19.0)
        self.assertLess(gflop, 21.0)

    def test_vit_reference_config_token_count(self):
        model = VisionTransformer(8, 128, 128, patch=8, embed_dim=192, depth=6, heads=3)
        self.assertEqual(model.patches, 256)
        self.assertEqual(tuple(model.pos_embed.shape), (1, 257, 192))
        self.assertEqual(len(model.blocks), 6)

    def test_vit_rejects_patch_that_does_not_tile(self):
        with self.assertRaisesRegex(ValueError, "patch"):
            VisionTransformer(8, 100, 100, patch=8)

    def test_knn_finds_true_nearest_neighbours_and_skips_padding(self):
        gen = torch.Generator().manual_seed(3)
        x = torch.randn(2, 10, 3, generator=gen)
        x[1, 7:] = 0.0
        idx = knn_indices(x, node_mask(x), 3)
        brute = torch.cdist(x, x).argsort(dim=-1)[..., :3]
        self.assertTrue(torch.equal(idx[0], brute[0]))
        self.assertTrue(torch.equal(idx[1, :7], torch.cdist(x[1, :7], x[1, :7]).argsort(dim=-1)[:, :3]))
        self.assertTrue((idx[1, :7] < 7).all())

    def test_edgeconv_ignores_padding_rows(self):
        torch.manual_seed(0)
        model = EdgeConvNet(num_nodes=20, num_features=4, k=4, widths=(8,), hidden=8).eval()
        real = torch.randn(1, 12, 4)
        a = model(torch.cat([real, torch.zeros(1, 8, 4)], dim=1))
        # The same graph with its nodes shuffled and padding intact: permutation invariant.
        b = model(torch.cat([real[:, torch.randperm(12)], torch.zeros(1, 8, 4)], dim=1))
        self.assertTrue(torch.allclose(a, b, atol=1e-5))

    def test_graph_transformer_masks_padded_nodes(self):
        torch.manual_seed(0)
        model = GraphTransformer(num_nodes=10, num_features=4, embed_dim=8, depth=1, heads=2).eval()
        nodes, mask = torch.randn(1, 10, 4), torch.ones(1, 10)
        mask[0, 6:] = 0
        garbage = nodes.clone()
        garbage[0, 6:] = 100.0
        self.assertTrue(torch.allclose(model(nodes, mask), model(garbage, mask), atol=1e-5))
        self.assertFalse(torch.allclose(model(nodes, mask), model(nodes, torch.ones(1, 10)), atol=1e-5))

    def test_edgeconv_k_must_fit_the_graph(self):
        with self.assertRaisesRegex(ValueError, "k=40"):
            EdgeConvNet(num_nodes=16, k=40)


if __name__ == "__main__":
    unittest.main()
