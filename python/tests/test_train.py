"""Training: a few steps per architecture, the full command line, resume, early stopping, errors."""
import contextlib
import io
import json
import os
import unittest

import h5py
import numpy as np
import torch

import helpers
from e2e_train import export, synthetic, train
from e2e_train.data import BatchStream, DataSpec, make_splits
from e2e_train.distributed import Context
from e2e_train.models import build_model
from e2e_train.tasks import TASKS
from e2e_train.trainer import Trainer, TrainConfig
from test_models import SMALL

QUIET = ["--no-progress"]


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = train.main(argv + QUIET)
    return rc, out.getvalue(), err.getvalue()


class FewSteps(helpers.TempDirTest):
    def test_each_arch_learns_a_fixed_batch_from_hdf5(self):
        p = self.path("toy.h5")
        synthetic.write(p, "e2e", 64, channels=3, size=32, seed=4, graph_nodes=24, graph_features=5)
        train_split, _, _ = make_splits([p])
        for arch, kwargs in SMALL.items():
            torch.manual_seed(0)
            model = build_model(arch, **kwargs)
            spec = DataSpec(num_nodes=24)
            batch = next(iter(BatchStream(train_split, spec, model.kind, 16, shuffle=True, seed=1)))
            inputs = model.inputs_from_batch(batch)
            self.assertEqual(tuple(inputs[0].shape)[1:], tuple(model.sample_shapes()[0]), arch)
            opt = torch.optim.Adam(model.parameters(), lr=2e-3)
            losses = []
            for _ in range(40):
                loss = TASKS["qg"].loss(model(*inputs), batch["y"], model)
                opt.zero_grad()
                loss.backward()
                opt.step()
                losses.append(float(loss))
            self.assertTrue(np.all(np.isfinite(losses)), arch)
            # Deterministic seeds; every arch drops by 15-40% here, so 10% leaves room for numerics.
            self.assertLess(losses[-1], 0.9 * losses[0], f"{arch}: {losses[0]:.3f} -> {losses[-1]:.3f}")

    def test_trainer_runs_epochs_for_graph_and_image_models(self):
        p = self.path("toy.h5")
        synthetic.write(p, "e2e", 96, channels=3, size=32, seed=5, graph_nodes=24, graph_features=5)
        tr, va, _ = make_splits([p], val_fraction=0.25)
        for arch in ("vit", "edgeconv"):
            model = build_model(arch, **SMALL[arch])
            trainer = Trainer(model, TASKS["tau"], DataSpec(num_nodes=24), tr, va,
                              TrainConfig(epochs=2, batch=12, lr=1e-3, progress=False), Context(), self.tmp)
            state = trainer.fit(log=lambda *_: None)
            self.assertEqual([h["epoch"] for h in state.history], [1, 2], arch)
            self.assertEqual(state.history[0]["steps"], 72 // 12, arch)
            self.assertTrue(all(np.isfinite(h["val_loss"]) for h in state.history), arch)
            self.assertTrue(os.path.isfile(trainer.best_path), arch)


class ProgressBar(unittest.TestCase):
    def test_draws_on_request_and_stays_silent_off_a_terminal(self):
        from e2e_train.progress import Progress
        shown = io.StringIO()
        with Progress(3, "epoch 1/1", stream=shown, enabled=True, min_interval=0.0) as bar:
            for _ in range(3):
                bar.update(loss=0.5)
        self.assertIn("3/3", shown.getvalue())
        self.assertIn("loss=0.5", shown.getvalue())
        quiet = io.StringIO()  # not a tty
        with Progress(3, stream=quiet) as bar:
            bar.update(3)
        self.assertEqual(quiet.getvalue(), "")


class CommandLine(helpers.TempDirTest):
    def setUp(self):
        super().setUp()
        self.data, self.test = self.path("train.h5"), self.path("test.h5")
        synthetic.write(self.data, "e2e", 320, channels=2, size=32, seed=1, graphs=False)
        synthetic.write(self.test, "e2e", 120, channels=2, size=32, seed=2, graphs=False)

    def test_classifier_run_writes_onnx_card_and_plots(self):
        out = self.path("run")
        rc, log, err = run_cli(["--task", "top", "--arch", "resnet15", "--data", self.data, "--test", self.test,
                                "--out", out, "--epochs", "3", "--batch", "16", "--lr", "2e-3", "--seed", "3"])
        self.assertEqual(rc, 0, err)
        with open(os.path.join(out, "top_resnet15.json")) as f:
            card = json.load(f)
        m = card["metrics"]
        self.assertEqual((m["evaluated_on"], m["n_signal"] + m["n_background"]), ("test", 120))
        self.assertGreater(m["auc"], 0.6)
        self.assertGreater(m["auc_error_hanley_mcneil"], 0.0)
        self.assertEqual(card["inputs"][0]["channels"], ["ch0", "ch1"])
        self.assertEqual(card["inputs"][0]["shape"], ["batch", 2, 32, 32])
        self.assertEqual(card["inputs"][0]["preprocessing"]["scales"], [1.0, 1.0])
        self.assertAlmostEqual(card["inputs"][0]["frame_scales"][0], 0.1, places=6)
        self.assertEqual(card["data"]["train"]["samples"], 288)
        self.assertEqual((card["training"]["seed"], card["training"]["epochs_run"]), (3, 3))
        self.assertEqual(card["training"]["device"], "cpu")
        self.assertEqual(card["parity"]["legs"]["numpy"]["status"], "passed")
        for png in card["plots"].values():
            self.assertTrue(os.path.isfile(os.path.join(out, png)), png)
        self.assertTrue(os.path.isfile(os.path.join(out, card["onnx"]["file"])))
        self.assertIn("AUC", log)
        # Re-export the best checkpoint on a held-out batch of the test file through the export CLI.
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            rc = export.main(["--checkpoint", os.path.join(out, "best.pt"), "--out", self.path("again.onnx"),
                              "--data", self.test, "--batch", "8", "--e2e", self.path("absent")])
        self.assertEqual(rc, 0, buf.getvalue())
        self.assertRegex(buf.getvalue(), r"parity numpy +passed")
        self.assertEqual(export.op_histogram(self.path("again.onnx")), card["onnx"]["ops"])

    def test_resume_continues_where_the_checkpoint_stopped(self):
        out = self.path("run")
        args = ["--task", "qg", "--arch", "resnet15", "--data", self.data, "--out", out, "--batch", "32",
                "--max-samples", "128"]
        self.assertEqual(run_cli(args + ["--epochs", "2"])[0], 0)
        with open(os.path.join(out, "qg_resnet15.json")) as f:
            first = json.load(f)["training"]["history"]
        rc, log, err = run_cli(args + ["--epochs", "3", "--resume"])
        self.assertEqual(rc, 0, err)
        self.assertIn("resumed at epoch 2", log)
        with open(os.path.join(out, "qg_resnet15.json")) as f:
            history = json.load(f)["training"]["history"]
        self.assertEqual([h["epoch"] for h in history], [1, 2, 3])
        self.assertEqual(history[:2], first)

    def test_early_stopping_when_validation_does_not_improve(self):
        out = self.path("run")
        rc, _, err = run_cli(["--task", "qg", "--arch", "resnet15", "--data", self.data, "--out", out,
                              "--epochs", "10", "--lr", "0", "--patience", "2", "--max-samples", "64"])
        self.assertEqual(rc, 0, err)
        with open(os.path.join(out, "qg_resnet15.json")) as f:
            t = json.load(f)["training"]
        self.assertEqual((t["epochs_run"], t["best_epoch"], t["early_stopped"]), (3, 1, True))

    def test_mass_regression_reports_resolution_per_bin(self):
        data = self.path("mass.h5")
        synthetic.write(data, "e2e", 320, channels=1, size=32, seed=3, mass=True, graphs=False)
        out = self.path("run")
        rc, _, err = run_cli(["--task", "mass", "--arch", "resnet15", "--data", data, "--out", out,
                              "--epochs", "4", "--lr", "2e-3", "--batch", "16"])
        self.assertEqual(rc, 0, err)
        with open(os.path.join(out, "mass_resnet15.json")) as f:
            card = json.load(f)
        with h5py.File(data) as f:
            spread = float(np.std(f["y"][288:]))
        self.assertEqual(card["outputs"][0]["name"], "mass")
        self.assertEqual([i["name"] for i in card["inputs"]], ["image", "position"])
        self.assertGreater(len(card["metrics"]["bins"]), 3)
        # Better than predicting the mean: the model has learnt something about the mass.
        self.assertLess(card["metrics"]["resolution"], 0.8 * spread)
        self.assertTrue(os.path.isfile(os.path.join(out, "mass_resnet15_mass.png")))

    def test_public_egamma_files_one_per_class(self):
        files = []
        for label in (0, 1):
            path = self.path(f"class{label}.h5")
            synthetic.write(path, "egamma", 80, seed=10 + label)
            with h5py.File(path, "a") as f:
                f["y"][...] = label
            files.append(path)
        out = self.path("run")
        rc, _, err = run_cli(["--task", "egamma", "--arch", "resnet15", "--data"] + files +
                             ["--out", out, "--epochs", "1", "--batch", "16"])
        self.assertEqual(rc, 0, err)
        with open(os.path.join(out, "egamma_resnet15.json")) as f:
            card = json.load(f)
        # Held out per file: both classes in the validation split.
        self.assertEqual((card["metrics"]["n_signal"], card["metrics"]["n_background"]), (8, 8))
        self.assertEqual(card["inputs"][0]["channels"], ["ecal", "ecal_time"])

    def test_user_mistakes_give_one_line_and_exit_1(self):
        rc, _, err = run_cli(["--task", "qg", "--arch", "resnet15", "--data", self.path("missing.h5"),
                              "--out", self.path("run")])
        self.assertEqual(rc, 1)
        self.assertRegex(err.strip(), r"^e2e_train.train: error: .*missing.h5: no such file$")
        rc, _, err = run_cli(["--task", "mass", "--arch", "vit", "--data", self.data, "--out", self.path("run")])
        self.assertEqual(rc, 1)
        self.assertIn("not vit", err)
        rc, _, err = run_cli(["--task", "qg", "--arch", "edgeconv", "--data", self.data, "--out", self.path("run")])
        self.assertEqual(rc, 1)
        self.assertIn("no hit graphs", err)


if __name__ == "__main__":
    unittest.main()
