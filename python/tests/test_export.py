"""ONNX export: dynamic batch, op subset, parity legs (NumPy, engine) and the reference-model exporter."""
import contextlib
import io
import json
import os
import stat
import sys
import unittest

import h5py
import numpy as np
import onnx
import torch

import helpers
from e2e_train import export, export_reference, onnx_numpy
from e2e_train.models import build_model
from test_models import SMALL

# Ops the engine is asked to support; anything else in an export is a regression in the model code.
ENGINE_OPS = {"Conv", "Gemm", "MatMul", "Relu", "MaxPool", "Add", "Sub", "Mul", "Div", "Concat", "Softmax",
              "LayerNormalization", "Erf", "TopK", "Gather", "GatherElements", "Reshape", "Transpose", "Flatten",
              "Slice", "Unsqueeze", "ReduceSum", "ReduceMax", "ReduceMean", "Pow", "Sqrt", "Abs", "Greater",
              "Cast", "Clip", "Constant", "Identity"}


def _fake_engine(path, body):
    """A stand-in `e2e` executable (Python) whose `infer` subcommand runs `body`."""
    with open(path, "w") as f:
        f.write(f"#!{sys.executable}\n"
                f"import sys\nsys.path.insert(0, {helpers.PYTHON_DIR!r})\n"
                "import h5py, numpy as np, onnx\nfrom e2e_train import onnx_numpy\n"
                "args = sys.argv[1:]\n"
                "if args[:1] != ['infer']:\n    sys.exit(2)\n"
                "if '--help' in args:\n    sys.exit(0)\n"
                "opt = dict(zip(args[1::2], args[2::2]))\n" + body)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


_RUN_MODEL = ("m = onnx.load(opt['--model'])\n"
              "with h5py.File(opt['--in']) as f:\n"
              "    feeds = {i.name: f[i.name][()] for i in m.graph.input}\n"
              "outs = onnx_numpy.run(m, feeds)\n"
              "with h5py.File(opt['--out'], 'w') as f:\n"
              "    for o, v in zip(m.graph.output, outs):\n"
              "        f[o.name] = v * SCALE\n")


class RoundTrip(helpers.TempDirTest):
    def test_every_arch_exports_with_dynamic_batch_and_matches_pytorch(self):
        for arch, kwargs in SMALL.items():
            torch.manual_seed(0)
            model = build_model(arch, **kwargs).eval()
            path = self.path(f"{arch}.onnx")
            export.export_onnx(model, path, model.example_inputs(2))
            proto = onnx.load(path)
            self.assertEqual([i.name for i in proto.graph.input], model.input_names, arch)
            self.assertEqual([o.name for o in proto.graph.output], model.output_names, arch)
            self.assertEqual(proto.graph.input[0].type.tensor_type.shape.dim[0].dim_param, "batch", arch)
            self.assertLessEqual(set(export.op_histogram(path)), ENGINE_OPS, arch)
            for batch in (1, 5):
                inputs = model.example_inputs(batch, seed=batch)
                report = export.check_parity(model, path, inputs, e2e_bin=self.path("absent"))
                self.assertEqual(report["legs"]["numpy"]["status"], "passed", f"{arch} batch {batch}")
                self.assertLess(report["legs"]["numpy"]["max_rel_error"], export.PARITY_TOLERANCE)
                self.assertTrue(report["passed"])

    def test_opset_13_decomposes_layernorm_and_still_matches(self):
        for arch, kwargs in SMALL.items():
            model = build_model(arch, **kwargs).eval()
            path = self.path(f"{arch}13.onnx")
            export.export_onnx(model, path, model.example_inputs(2), opset=13)
            self.assertEqual(onnx.load(path).opset_import[0].version, 13)
            ops = export.op_histogram(path)
            self.assertLessEqual(set(ops), ENGINE_OPS, arch)
            self.assertNotIn("LayerNormalization", ops)
            if arch == "vit":
                self.assertIn("ReduceMean", ops)
            self.assertTrue(export.check_parity(model, path, model.example_inputs(3), self.path("no"))["passed"])

    def test_opset_outside_range_is_refused(self):
        model = build_model("resnet15", **SMALL["resnet15"])
        with self.assertRaisesRegex(ValueError, "opset 11"):
            export.export_onnx(model, self.path("x.onnx"), model.example_inputs(1), opset=11)

    def test_a_wrong_weight_fails_the_parity_check(self):
        model = build_model("resnet15", **SMALL["resnet15"]).eval()
        path = self.path("r.onnx")
        export.export_onnx(model, path, model.example_inputs(2))
        proto = onnx.load(path)
        w = proto.graph.initializer[0]
        arr = onnx.numpy_helper.to_array(w).copy()
        arr.flat[0] += 1.0
        w.CopyFrom(onnx.numpy_helper.from_array(arr, w.name))
        onnx.save(proto, path)
        report = export.check_parity(model, path, model.example_inputs(4))
        self.assertEqual(report["legs"]["numpy"]["status"], "failed")
        self.assertFalse(report["passed"])

    def test_numpy_evaluator_names_unsupported_ops(self):
        node = onnx.helper.make_node("Loop", ["a"], ["b"], name="weird")
        graph = onnx.helper.make_graph([node], "g", [onnx.helper.make_tensor_value_info("a", 1, [1])],
                                       [onnx.helper.make_tensor_value_info("b", 1, [1])])
        with self.assertRaisesRegex(onnx_numpy.UnsupportedOp, "node 'weird': op Loop"):
            onnx_numpy.run(onnx.helper.make_model(graph), {"a": np.zeros(1, np.float32)})


class EngineLeg(helpers.TempDirTest):
    def setUp(self):
        super().setUp()
        self.model = build_model("resnet15", **SMALL["resnet15"]).eval()
        self.onnx = self.path("m.onnx")
        export.export_onnx(self.model, self.onnx, self.model.example_inputs(2))
        self.inputs = self.model.example_inputs(3)

    def leg(self, binary):
        return export.check_parity(self.model, self.onnx, self.inputs, e2e_bin=binary)["legs"]["e2e"]

    def test_missing_binary_is_skipped_with_its_path(self):
        leg = self.leg(self.path("no-e2e"))
        self.assertEqual(leg["status"], "skipped")
        self.assertIn("no-e2e", leg["reason"])

    def test_binary_without_infer_is_skipped(self):
        binary = self.path("e2e-old")
        with open(binary, "w") as f:
            f.write("#!/bin/sh\necho 'e2e: usage error: unknown subcommand infer' >&2\nexit 2\n")
        os.chmod(binary, 0o755)
        leg = self.leg(binary)
        self.assertEqual(leg["status"], "skipped")
        self.assertIn("unknown subcommand infer", leg["reason"])

    def test_engine_outputs_are_compared_by_name(self):
        good = _fake_engine(self.path("e2e-good"), "SCALE = 1.0\n" + _RUN_MODEL)
        self.assertEqual(self.leg(good)["status"], "passed")
        bad = _fake_engine(self.path("e2e-bad"), "SCALE = 1.01\n" + _RUN_MODEL)
        leg = self.leg(bad)
        self.assertEqual(leg["status"], "failed")
        self.assertGreater(leg["max_rel_error"], 5e-3)
        crash = self.path("e2e-crash")
        with open(crash, "w") as f:
            f.write("#!/bin/sh\n[ \"$2\" = --help ] && exit 0\necho 'e2e: error: op TopK unsupported' >&2\nexit 1\n")
        os.chmod(crash, 0o755)
        leg = self.leg(crash)
        self.assertEqual(leg["status"], "failed")
        self.assertIn("op TopK unsupported", leg["reason"])

    def test_real_engine_when_built(self):
        binary = export.find_e2e()
        leg = self.leg(binary)
        if leg["status"] == "skipped":
            self.skipTest(f"engine parity leg skipped: {leg['reason']}")
        self.assertEqual(leg["status"], "passed", leg)


class ReferenceModels(helpers.TempDirTest):
    def test_reference_files_hold_named_inputs_and_pytorch_outputs(self):
        with contextlib.redirect_stdout(io.StringIO()) as log:
            rc = export_reference.main(["--out", self.tmp, "--only", "resnet15_photon1,edgeconv", "--no-parity"])
        self.assertIn("edgeconv", log.getvalue())
        self.assertEqual(rc, 0)
        with open(self.path("manifest.json")) as f:
            manifest = json.load(f)
        self.assertEqual(set(manifest["models"]), {"resnet15_photon1", "edgeconv"})
        for name, inputs in (("resnet15_photon1", {"image": [8, 1, 32, 32]}), ("edgeconv", {"nodes": [4, 256, 8]})):
            entry = manifest["models"][name]
            self.assertEqual(entry["inputs"], inputs)
            self.assertNotIn("parity", entry)
            proto = onnx.load(self.path(entry["onnx"]))
            with h5py.File(self.path(entry["data"])) as f:
                feeds = {i.name: f[i.name][()] for i in proto.graph.input}
                want = f[proto.graph.output[0].name][()]
            got = onnx_numpy.run(proto, feeds)[0]
            self.assertLess(export.relative_error(got, want), 1e-5, name)
        with h5py.File(self.path("edgeconv.h5")) as f:
            # Later samples are padded: the exporter must exercise the padding path.
            self.assertTrue(np.all(f["nodes"][3, 200:] == 0))
        with contextlib.redirect_stderr(io.StringIO()) as err:
            self.assertEqual(export_reference.main(["--out", self.tmp, "--only", "resnet99"]), 2)
        self.assertIn("resnet99", err.getvalue())

    def test_reference_configs_are_the_ones_the_engine_expects(self):
        ref = export_reference.REFERENCE_MODELS
        self.assertEqual(ref["resnet15_jet8"][1], dict(in_channels=8, height=125, width=125))
        self.assertEqual(ref["vit"][1]["patch"], 8)
        self.assertEqual((ref["vit"][1]["embed_dim"], ref["vit"][1]["depth"]), (192, 6))
        self.assertEqual(ref["edgeconv"][1], dict(num_nodes=256, num_features=8, k=16))


if __name__ == "__main__":
    unittest.main()
