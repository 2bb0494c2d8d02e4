"""mixdata: balanced, disjoint, shuffled splits that keep every row's image, columns and graph together."""
import unittest

import h5py
import numpy as np

from helpers import TempDirTest

from e2e_train import mixdata, pack, synthetic
from e2e_train.layouts import DataError, Source
from e2e_train.recipes import RECIPES


def _signature(f, i):
    """A row's identity across files: its pt plus a checksum of its image and graph."""
    a, b = f["graph_node_offsets"][i], f["graph_node_offsets"][i + 1]
    return (round(float(f["pt"][i]), 4), round(float(f["X"][i].sum()), 3),
            round(float(f["graph_nodes"][a:b].sum()), 3), int(b - a))


class MixTest(TempDirTest):
    def make(self, name, n, seed):
        synthetic.write(self.path(name), samples=n, seed=seed, channels=3, size=16, graphs=True, graph_nodes=12)
        return self.path(name)

    def test_balanced_disjoint_and_rows_intact(self):
        sig, bkg = self.make("sig.h5", 60, 1), self.make("bkg.h5", 90, 2)
        counts, used = mixdata.mix([sig, bkg], self.path("mixed"), (0.6, 0.2, 0.2), True, seed=3, log=lambda *_: None)
        self.assertEqual(sum(counts.values()), 120)          # min(60, 90) from each input
        self.assertEqual(list(used.values()), [60, 60])
        originals = {}
        for path in (sig, bkg):
            with h5py.File(path) as f:
                for i in range(60):
                    originals[_signature(f, i)] = path
        seen = []
        for split in mixdata.SPLITS:
            with h5py.File(self.path(f"mixed/{split}.h5")) as f:
                self.assertEqual(f["X"].shape[0], counts[split])
                self.assertEqual(len(f["graph_node_offsets"]), counts[split] + 1)
                self.assertEqual(list(f.attrs["channels"]), ["ch0", "ch1", "ch2"])
                sigs = [_signature(f, i) for i in range(counts[split])]
                # Every output row is one input row, whole: image, pt and graph from the same object.
                self.assertTrue(all(s in originals for s in sigs))
                from_sig = sum(originals[s] == sig for s in sigs)
                self.assertEqual(from_sig, counts[split] // 2)  # each split balanced
                seen += sigs
        self.assertEqual(len(set(seen)), len(seen))          # no row in two splits
        with h5py.File(self.path("mixed/train.h5")) as f:
            order = [originals[_signature(f, i)] == sig for i in range(counts["train"])]
        self.assertNotEqual(order, sorted(order))             # shuffled, not class blocks

    def test_same_inputs_same_output(self):
        sig, bkg = self.make("sig.h5", 20, 1), self.make("bkg.h5", 20, 2)
        for out in ("a", "b"):
            mixdata.mix([sig, bkg], self.path(out), seed=7, log=lambda *_: None)
        with h5py.File(self.path("a/test.h5")) as a, h5py.File(self.path("b/test.h5")) as b:
            np.testing.assert_array_equal(a["X"][()], b["X"][()])
            np.testing.assert_array_equal(a["graph_nodes"][()], b["graph_nodes"][()])

    def test_unbalanced_keeps_all_and_mismatch_is_an_error(self):
        a = self.make("a.h5", 30, 1)
        counts, _ = mixdata.mix([a], self.path("m"), balance=False, log=lambda *_: None)
        self.assertEqual(sum(counts.values()), 30)
        synthetic.write(self.path("other.h5"), samples=10, seed=2, channels=2, size=16)
        with self.assertRaisesRegex(DataError, "channels"):
            mixdata.mix([a, self.path("other.h5")], self.path("x"), log=lambda *_: None)


class PackTest(TempDirTest):
    def test_packed_file_reads_back_as_float32_within_half_precision(self):
        synthetic.write(self.path("a.h5"), samples=40, seed=4, channels=3, size=16, graphs=True, graph_nodes=12)
        pack.pack(self.path("a.h5"), self.path("b.h5"))
        a, b = Source(self.path("a.h5")), Source(self.path("b.h5"))
        self.assertEqual((a.channels, a.file_scales, a.size), (b.channels, b.file_scales, b.size))
        xa, xb = a.read_images(0, 40), b.read_images(0, 40)
        self.assertEqual(xb.dtype, np.float32)
        np.testing.assert_allclose(xb, xa, rtol=1e-3, atol=1e-4)
        self.assertTrue(np.any(xb != xa))                        # really stored as float16
        (na, ma), (nb, mb) = a.read_graphs(0, 40, 16), b.read_graphs(0, 40, 16)
        np.testing.assert_array_equal(ma, mb)
        np.testing.assert_allclose(nb, na, rtol=1e-3, atol=1e-3)
        np.testing.assert_array_equal(a.read_column("y", 0, 40), b.read_column("y", 0, 40))


class RecipeTest(unittest.TestCase):
    def test_every_tagger_has_a_recipe_with_seed_channels(self):
        self.assertEqual(sorted(RECIPES), ["egamma", "mass", "qg", "tau", "top"])
        self.assertEqual(RECIPES["top"].channels, ["trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2",
                                                    "bpix3"])
        self.assertEqual(len(RECIPES["tau"].channels), 13)
        self.assertEqual(RECIPES["egamma"].channels, ["ecal", "ecal_time"])
        for r in RECIPES.values():
            opts = r.frames_options()
            self.assertEqual(opts[opts.index("--channels") + 1].split(","), r.channels)
            self.assertEqual(len(opts[opts.index("--scales") + 1].split(",")), len(r.channels))
            self.assertEqual(len(r.samples), 1 if r.tagger == "mass" else 2)


if __name__ == "__main__":
    unittest.main()
