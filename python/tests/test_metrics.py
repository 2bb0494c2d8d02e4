"""AUC, ROC, AUC uncertainties and regression summaries against independent computations."""
import os
import unittest

import numpy as np

import helpers
from e2e_train import metrics


def _brute_auc(y, s):
    pos, neg = s[y > 0.5], s[y < 0.5]
    diff = pos[:, None] - neg[None, :]
    return ((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size


class Classifier(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(7)
        self.y = (rng.random(600) < 0.4).astype(np.float32)
        # Rounded scores create many ties, the hard case for rank statistics.
        self.s = np.round(rng.normal(self.y * 0.8, 1.0), 1)

    def test_auc_equals_pairwise_count_with_ties(self):
        self.assertAlmostEqual(metrics.auc(self.y, self.s), _brute_auc(self.y, self.s), places=12)

    def test_auc_equals_area_under_roc_curve(self):
        fpr, tpr, thr = metrics.roc_curve(self.y, self.s)
        self.assertEqual((fpr[0], tpr[0], fpr[-1], tpr[-1]), (0.0, 0.0, 1.0, 1.0))
        self.assertTrue(np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0))
        trapezoid = getattr(np, "trapezoid", None) or np.trapz  # renamed in numpy 2
        self.assertAlmostEqual(trapezoid(tpr, fpr), metrics.auc(self.y, self.s), places=12)

    def test_matches_sklearn(self):
        from sklearn.metrics import roc_auc_score, roc_curve
        self.assertAlmostEqual(metrics.auc(self.y, self.s), roc_auc_score(self.y, self.s), places=12)
        fpr, tpr, _ = metrics.roc_curve(self.y, self.s)
        sk_fpr, sk_tpr, _ = roc_curve(self.y, self.s, drop_intermediate=False)
        np.testing.assert_allclose(fpr, sk_fpr)
        np.testing.assert_allclose(tpr, sk_tpr)

    def test_perfect_and_inverted_scores(self):
        y = np.array([0, 0, 1, 1])
        self.assertEqual(metrics.auc(y, np.array([0.1, 0.2, 0.8, 0.9])), 1.0)
        self.assertEqual(metrics.auc(y, np.array([0.9, 0.8, 0.2, 0.1])), 0.0)

    def test_hanley_mcneil_agrees_with_bootstrap(self):
        summary = metrics.classifier_summary(self.y, self.s, bootstrap_rounds=300)
        hm, bs = summary["auc_error_hanley_mcneil"], summary["auc_error_bootstrap"]
        self.assertGreater(hm, 0.005)
        self.assertLess(abs(hm - bs) / hm, 0.3)
        self.assertEqual(summary["n_signal"] + summary["n_background"], 600)

    def test_hanley_mcneil_known_value(self):
        # A = 0.8, 50 + 50: Q1 = 0.8/1.2, Q2 = 1.28/1.8.
        q1, q2 = 0.8 / 1.2, 2 * 0.64 / 1.8
        want = np.sqrt((0.8 * 0.2 + 49 * (q1 - 0.64) + 49 * (q2 - 0.64)) / 2500)
        self.assertAlmostEqual(metrics.auc_error_hanley_mcneil(0.8, 50, 50), want, places=12)

    def test_single_class_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "both classes"):
            metrics.auc(np.ones(5), np.arange(5))


class Regression(unittest.TestCase):
    def test_bias_and_resolution_per_bin(self):
        rng = np.random.default_rng(1)
        true = rng.uniform(0.0, 10.0, 20000)
        pred = true + 0.5 + rng.normal(0.0, 0.1 * true + 0.05)
        summary = metrics.regression_summary(pred, true, bins=5)
        self.assertEqual(len(summary["bins"]), 5)
        for b in summary["bins"]:
            centre = 0.5 * (b["lo"] + b["hi"])
            self.assertAlmostEqual(b["bias"], 0.5, delta=0.05)
            # The resolution grows with mass: ~0.1 * centre + 0.05 (smeared by the bin width).
            self.assertAlmostEqual(b["resolution"], 0.1 * centre + 0.05, delta=0.02 + 0.03 * centre)
        self.assertEqual(sum(b["count"] for b in summary["bins"]), 20000)


class Plots(helpers.TempDirTest):
    def test_plots_are_written_as_png(self):
        rng = np.random.default_rng(0)
        y = (rng.random(200) < 0.5).astype(float)
        s = 1 / (1 + np.exp(-rng.normal(y, 1.0)))
        metrics.plot_roc(self.path("roc.png"), y, s)
        metrics.plot_scores(self.path("scores.png"), y, s)
        metrics.plot_loss(self.path("loss.png"), [{"epoch": 1, "train_loss": 1.0, "val_loss": 1.1},
                                                  {"epoch": 2, "train_loss": 0.5, "val_loss": 0.7}])
        true = rng.uniform(0, 1, 300)
        metrics.plot_mass(self.path("mass.png"), true + 0.01, true, metrics.regression_summary(true + 0.01, true))
        for name in ("roc", "scores", "loss", "mass"):
            with open(self.path(f"{name}.png"), "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n", name)
            self.assertGreater(os.path.getsize(self.path(f"{name}.png")), 1000)


if __name__ == "__main__":
    unittest.main()
