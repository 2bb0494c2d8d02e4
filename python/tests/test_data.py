"""Readers for the three layouts, preprocessing, splits and the chunked batch stream."""
import unittest

import h5py
import numpy as np

import helpers
from e2e_train import synthetic
from e2e_train.data import BatchStream, DataSpec, make_splits, read_block
from e2e_train.layouts import DataError, Source


class Layouts(helpers.TempDirTest):
    def test_e2e_layout_applies_zero_suppression_then_scales(self):
        p = self.path("e2e.h5")
        synthetic.write(p, "e2e", 20, channels=3, size=16, seed=1)
        src = Source(p)
        self.assertEqual((src.layout, src.channels, src.image_shape), ("e2e", ["ch0", "ch1", "ch2"], (3, 16, 16)))
        spec = DataSpec(channels=["ch2", "ch0"], scales=[2.0, 0.5], zero_suppression=[0.5, 0.0])
        block = read_block(src, 3, 9, spec, "image")
        with h5py.File(p) as f:
            raw = f["X"][3:9]
            y = f["y"][3:9]
        want = np.stack([np.where(np.abs(raw[:, 2]) < 0.5, 0, raw[:, 2]) * 2.0, raw[:, 0] * 0.5], axis=1)
        np.testing.assert_allclose(block["x"], want, rtol=1e-6)
        np.testing.assert_array_equal(block["y"], y)
        self.assertEqual(block["position"].shape, (6, 2))
        self.assertEqual(spec.resolved["channels"], ["ch2", "ch0"])

    def test_file_scales_are_recorded_not_applied_again(self):
        p = self.path("e2e.h5")
        synthetic.write(p, "e2e", 8, channels=2, size=8)
        spec = DataSpec()
        block = read_block(Source(p), 0, 8, spec, "image")
        with h5py.File(p) as f:
            np.testing.assert_array_equal(block["x"], f["X"][:])
        np.testing.assert_allclose(spec.resolved["frame_scales"], [0.1, 0.1], rtol=1e-6)
        self.assertEqual(spec.resolved["scales"], [1.0, 1.0])

    def test_declared_layout_attribute_wins(self):
        p = self.path("declared.h5")
        synthetic.write(p, "egamma", 4)
        with h5py.File(p, "a") as f:
            f.attrs["layout"] = "e2e"
        self.assertEqual(Source(p).layout, "e2e")
        self.assertEqual(Source(p, "egamma").layout, "egamma")

    def test_public_egamma_layout_is_read_channels_last(self):
        p = self.path("eg.h5")
        synthetic.write(p, "egamma", 10, seed=2)
        src = Source(p)
        self.assertEqual((src.layout, src.channels, src.image_shape), ("egamma", ["ecal", "ecal_time"], (2, 32, 32)))
        block = read_block(src, 0, 10, DataSpec(), "image")
        with h5py.File(p) as f:
            np.testing.assert_array_equal(block["x"], f["X"][:].transpose(0, 3, 1, 2))

    def test_public_jet_layout_names_channels_and_maps_m0(self):
        p = self.path("jet.h5")
        synthetic.write(p, "jet", 6, channels=8, size=20, seed=3)
        src = Source(p)
        self.assertEqual(src.layout, "jet")
        self.assertEqual(src.channels[:3], ["trk_pt", "trk_d0", "trk_dz"])
        self.assertEqual(Source(p, "jets").layout, "jet")
        block = read_block(src, 1, 4, DataSpec(), "image")
        with h5py.File(p) as f:
            np.testing.assert_array_equal(block["x"], f["X_jets"][1:4].transpose(0, 3, 1, 2))
            np.testing.assert_array_equal(block["m"], f["m0"][1:4])
            np.testing.assert_array_equal(block["pt"], f["pt"][1:4])

    def test_graphs_are_padded_and_cut_with_a_mask(self):
        p = self.path("g.h5")
        with h5py.File(p, "w") as f:
            f["graph_nodes"] = np.arange(1, 31, dtype=np.float32).reshape(15, 2)
            f["graph_node_offsets"] = np.array([0, 3, 3, 15], dtype=np.int64)
            f["y"] = np.array([0, 1, 0], dtype=np.float32)
            f.attrs["graph_features"] = ["a", "b"]
        src = Source(p)
        self.assertEqual(src.graph_features, ["a", "b"])
        block = read_block(src, 0, 3, DataSpec(num_nodes=5), "graph")
        np.testing.assert_array_equal(block["mask"], [[1, 1, 1, 0, 0], [0] * 5, [1] * 5])
        np.testing.assert_array_equal(block["x"][0, :3], [[1, 2], [3, 4], [5, 6]])
        np.testing.assert_array_equal(block["x"][0, 3:], 0)
        np.testing.assert_array_equal(block["x"][2], np.arange(7, 17).reshape(5, 2))
        # A block that does not start at row 0 uses offsets relative to its own first node.
        np.testing.assert_array_equal(read_block(src, 2, 3, DataSpec(num_nodes=5), "graph")["x"][0], block["x"][2])

    def test_errors_name_the_file_and_the_problem(self):
        with self.assertRaisesRegex(DataError, "nothere.h5: no such file"):
            Source(self.path("nothere.h5"))
        p = self.path("e2e.h5")
        synthetic.write(p, "e2e", 4, channels=2, size=8, graphs=False)
        with self.assertRaisesRegex(DataError, r"channels \['hcal'\] not in"):
            read_block(Source(p), 0, 2, DataSpec(channels=["hcal"]), "image")
        with self.assertRaisesRegex(DataError, "no hit graphs"):
            read_block(Source(p), 0, 2, DataSpec(), "graph")
        with self.assertRaisesRegex(DataError, "scales has 3 values for 2 channels"):
            read_block(Source(p), 0, 2, DataSpec(scales=[1, 2, 3]), "image")
        bad = self.path("bad.h5")
        with open(bad, "w") as f:
            f.write("not hdf5")
        with self.assertRaisesRegex(DataError, "not a readable HDF5 file"):
            Source(bad)


class SplitsAndStreams(helpers.TempDirTest):
    def setUp(self):
        super().setUp()
        self.a, self.b = self.path("a.h5"), self.path("b.h5")
        synthetic.write(self.a, "e2e", 100, channels=1, size=8, seed=1)
        synthetic.write(self.b, "e2e", 60, channels=1, size=8, seed=2)

    def test_holdout_is_per_file_and_max_samples_is_shared(self):
        train, val, test = make_splits([self.a, self.b], val_fraction=0.1, max_samples=80)
        self.assertIsNone(test)
        self.assertEqual([(a, b) for _, a, b in val.ranges], [(90, 100), (54, 60)])
        self.assertEqual([(a, b) for _, a, b in train.ranges], [(0, 50), (0, 30)])

    def test_val_files_replace_the_holdout(self):
        train, val, _ = make_splits([self.a], val=[self.b])
        self.assertEqual((train.size, val.size), (100, 60))

    def test_each_epoch_sees_every_training_row_once_across_ranks(self):
        train, _, _ = make_splits([self.a], val=[self.b])
        seen = []
        for rank in range(2):
            stream = BatchStream(train, DataSpec(), "image", 7, shuffle=True, seed=5, rank=rank, world=2,
                                 drop_last=False)
            # Rows are identified by their image sums (noise makes them unique).
            seen.append(np.concatenate([b["x"].sum(dim=(1, 2, 3)).numpy() for b in stream]))
        with h5py.File(self.a) as f:
            want = np.sort(f["X"][:].sum(axis=(1, 2, 3)))
        self.assertEqual(len(np.unique(want)), 100)
        np.testing.assert_allclose(np.sort(np.concatenate(seen)), want, rtol=1e-5)

    def test_shuffle_is_seeded_and_changes_with_the_epoch(self):
        train, _, _ = make_splits([self.a])
        def order(seed, epoch):
            s = BatchStream(train, DataSpec(), "image", 10, shuffle=True, seed=seed)
            s.set_epoch(epoch)
            return np.concatenate([b["x"].sum(dim=(1, 2, 3)).numpy() for b in s])
        np.testing.assert_array_equal(order(1, 0), order(1, 0))
        self.assertFalse(np.array_equal(order(1, 0), order(1, 1)))
        self.assertFalse(np.array_equal(order(1, 0), order(2, 0)))

    def test_steps_per_epoch_is_equal_on_all_ranks(self):
        train, _, _ = make_splits([self.a, self.b])
        streams = [BatchStream(train, DataSpec(), "image", 8, True, seed=0, rank=r, world=2) for r in range(2)]
        steps = streams[0].steps_per_epoch()
        self.assertEqual(steps, streams[1].steps_per_epoch())
        self.assertTrue(all(len(list(s)) >= steps for s in streams))
        self.assertGreater(steps, 0)

    def test_validation_stream_keeps_the_partial_batch_in_file_order(self):
        _, val, _ = make_splits([self.a], val_fraction=0.25)
        ys = [b["y"].numpy() for b in BatchStream(val, DataSpec(), "image", 10, shuffle=False)]
        self.assertEqual([len(y) for y in ys], [10, 10, 5])
        with h5py.File(self.a) as f:
            np.testing.assert_array_equal(np.concatenate(ys), f["y"][75:100])


if __name__ == "__main__":
    unittest.main()
