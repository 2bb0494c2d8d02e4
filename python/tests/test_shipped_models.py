"""The shipped models (models/*.onnx + cards): what the C++ taggers read is there and consistent, the ONNX
graph matches its card, the recorded metrics are sensible, and the engine agrees with a reference on one input.

The card checks mirror src/e2e/taggers/ModelCard.cpp (the tagger's reader), so a card that would make a tagger
fail to load fails here first.
"""
import json
import os
import unittest

import numpy as np
import onnx

import helpers  # noqa: F401  (import path)
from e2e_train import export, onnx_numpy
from e2e_train.recipes import RECIPES

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = os.path.join(REPO, "models")
TASKS = {"egamma", "qg", "top", "tau", "mass"}
# src/e2e/frames/ChannelSet.cpp
CHANNELS = {"ecal", "hcal", "trk_pt", "trk_d0", "trk_dz", "bpix1", "bpix2", "bpix3", "bpix4", "tib1", "tib2",
            "tob1", "tob2", "ecal_time"}
# src/e2e/frames/HitGraphBuilder.cpp
NODE_FEATURES = {"deta", "dphi", "energy", "d0", "dz", "subdet", "layer"}
MAX_BYTES = 5 << 20


def shipped_names():
    return [t.name for r in RECIPES.values() for t in r.trainings]


def load_card(name):
    with open(os.path.join(MODELS, f"{name}.json")) as f:
        return json.load(f)


def per_channel(value, c):
    """ModelCard.cpp's `numbers`: absent, one number for all, or one per channel."""
    if value is None:
        return [1.0] * c
    if isinstance(value, (int, float)):
        return [float(value)] * c
    return [float(v) for v in value]


def sample_input(card, rng):
    """One object per input, shaped like real data: sparse non-negative images, zero-padded graphs."""
    feeds = {}
    for inp in card["inputs"]:
        shape = [1] + inp["shape"][1:]
        if inp["name"] == "image":
            x = rng.exponential(1.0, shape).astype(np.float32)
            x[rng.random(shape) < 0.9] = 0
        elif inp["name"] == "position":
            x = np.array([[140.0, 180.0]], dtype=np.float32)
        elif inp["name"] == "nodes":
            x = np.zeros(shape, dtype=np.float32)
            real = shape[1] // 3
            x[0, :real] = rng.normal(0, 1, (real, shape[2]))
        else:
            x = np.zeros(shape, dtype=np.float32)
            x[0, :shape[1] // 3] = 1
        feeds[inp["name"]] = x
    return feeds


class ShippedModelsTest(unittest.TestCase):
    def test_every_tagger_model_is_shipped(self):
        missing = [n for n in shipped_names() if not (os.path.isfile(os.path.join(MODELS, f"{n}.onnx")) and
                                                      os.path.isfile(os.path.join(MODELS, f"{n}.json")))]
        self.assertEqual(missing, [], "make them with python3 -m e2e_train.make_models --tagger all")

    def test_cards_have_what_the_taggers_read(self):
        for name in shipped_names():
            with self.subTest(model=name):
                card = load_card(name)
                self.assertEqual(card["name"], name)
                self.assertIn(card["task"], TASKS)
                self.assertTrue(card["inputs"])
                for inp in card["inputs"]:
                    self.assertEqual(inp["shape"][0], "batch")
                    dims = inp["shape"][1:]
                    self.assertTrue(all(isinstance(d, int) and d >= 1 for d in dims), dims)
                    if inp["name"] == "image":
                        self.assertEqual(len(dims), 3)
                        c = dims[0]
                        self.assertEqual(len(inp["channels"]), c)
                        self.assertLessEqual(set(inp["channels"]), CHANNELS)
                        pre = inp["preprocessing"]
                        for values in (inp.get("frame_scales"), pre.get("scales"), pre.get("zero_suppression")):
                            self.assertEqual(len(per_channel(values, c)), c)
                        self.assertTrue(all(np.isfinite(per_channel(inp.get("frame_scales"), c))))
                    elif inp["name"] == "nodes":
                        self.assertEqual(len(dims), 2)
                        self.assertEqual(len(inp["features"]), dims[1])
                        self.assertLessEqual(set(inp["features"]), NODE_FEATURES)
                        if inp.get("node_scales") is not None:
                            self.assertEqual(len(inp["node_scales"]), dims[1])
                    elif inp["name"] == "position":
                        self.assertEqual(dims, [2])
                    else:
                        self.assertEqual(inp["name"], "mask")
                        self.assertEqual(len(dims), 1)
                self.assertTrue(all(isinstance(o.get("name"), str) for o in card["outputs"]))
                self.assertTrue(card["outputs"])

    def test_cards_record_training_and_sensible_metrics(self):
        for name in shipped_names():
            with self.subTest(model=name):
                card = load_card(name)
                m, rec = card["metrics"], card["recipe"]
                self.assertEqual(m["evaluated_on"], "test")
                self.assertGreater(card["data"]["train"]["samples"], 0)
                self.assertIn("make_models", rec["make_models_command"])
                self.assertTrue(all(s["events"] > 0 and s["generate_command"] for s in rec["samples"]))
                self.assertIn("device", card["training"])
                self.assertTrue(card["parity"]["passed"])
                self.assertEqual(card["parity"]["legs"]["numpy"]["status"], "passed")
                if card["task"] == "mass":
                    self.assertLess(abs(m["bias"]), 0.2)
                    # m_A is flat in 0.1-1.2 GeV: always answering 0.65 GeV gives a mean |error| of 0.275 GeV.
                    self.assertLess(m["mae"], 0.23)
                    self.assertLess(m["resolution"], 0.3)
                else:
                    # Better than chance by well over the statistical error.
                    self.assertGreater(m["auc"] - 0.5, 5 * m["auc_error_hanley_mcneil"])
        top, qg = load_card("top_resnet15")["metrics"]["auc"], load_card("qg_resnet15")["metrics"]["auc"]
        self.assertGreater(top, qg, "boosted tops must be easier to tag than quark vs gluon")

    def test_onnx_matches_card_and_size(self):
        for name in shipped_names():
            with self.subTest(model=name):
                path = os.path.join(MODELS, f"{name}.onnx")
                self.assertLess(os.path.getsize(path), MAX_BYTES)
                model = onnx.load(path)
                onnx.checker.check_model(model)
                card = load_card(name)
                graph_inputs = [(i.name, [d.dim_value or d.dim_param for d in i.type.tensor_type.shape.dim])
                                for i in model.graph.input]
                self.assertEqual([i["name"] for i in card["inputs"]], [n for n, _ in graph_inputs])
                for inp, (_, dims) in zip(card["inputs"], graph_inputs):
                    self.assertIsInstance(dims[0], str)             # dynamic batch
                    self.assertEqual(list(dims[1:]), inp["shape"][1:])
                self.assertEqual([o["name"] for o in card["outputs"]], [o.name for o in model.graph.output])

    def test_engine_agrees_with_reference_on_one_input(self):
        rng = np.random.default_rng(5)
        binary = export.find_e2e()
        for name in shipped_names():
            with self.subTest(model=name):
                card = load_card(name)
                path = os.path.join(MODELS, f"{name}.onnx")
                feeds = sample_input(card, rng)
                names = [o["name"] for o in card["outputs"]]
                expected = onnx_numpy.run(path, feeds)
                self.assertTrue(all(np.all(np.isfinite(e)) for e in expected))
                leg = export._leg_e2e(path, feeds, expected, names, export.PARITY_TOLERANCE, binary)
                if leg["status"] == "skipped":
                    self.skipTest(leg["reason"])
                self.assertEqual(leg["status"], "passed", leg.get("reason", leg))


if __name__ == "__main__":
    unittest.main()
