"""The physics tasks: what the label means, the loss, and how outputs become scores or masses."""
from dataclasses import dataclass

import torch
from torch.nn import functional as F


@dataclass(frozen=True)
class Task:
    name: str
    regression: bool
    positive: str
    negative: str = ""

    def loss(self, output, target, model):
        """output: model output (B, 1); target: (B,). Regression is trained in normalised units."""
        output = output.reshape(-1)
        if not self.regression:
            return F.binary_cross_entropy_with_logits(output, target)
        scaling = model.target
        # L1 is robust to the long tails of merged-photon mass targets.
        return F.l1_loss(scaling.normalise(output), scaling.normalise(target))

    def predictions(self, output):
        """Scores in [0, 1] for classifiers, the physical target for regression."""
        output = output.reshape(-1)
        return output if self.regression else torch.sigmoid(output)

    def output_meaning(self):
        if self.regression:
            return f"{self.positive}, in the units of the training target"
        return (f"logit of P({self.positive}); score = sigmoid(logit); label 1 = {self.positive}, "
                f"label 0 = {self.negative}")


TASKS = {
    "egamma": Task("egamma", False, "electron", "photon"),
    "qg": Task("qg", False, "quark jet", "gluon jet"),
    "top": Task("top", False, "top-quark jet", "QCD jet"),
    "tau": Task("tau", False, "hadronic tau jet", "QCD jet"),
    "mass": Task("mass", True, "object mass"),
}
