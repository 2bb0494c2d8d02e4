"""What every tagger model shares: its inputs, outputs, example batch and the config that rebuilds it."""
import torch
from torch import nn


class TaggerModel(nn.Module):
    """A model that knows its own ONNX contract.

    `hparams` holds the constructor arguments so that a checkpoint or model card can rebuild the model
    without the training command line. Subclasses set `arch`, `kind` ("image" or "graph"),
    `input_names` and `output_names`.
    """

    arch = ""
    kind = "image"

    def __init__(self, **hparams):
        super().__init__()
        self.hparams = dict(hparams)
        self.input_names = ["image"]
        self.output_names = ["logit"]

    def sample_shapes(self):
        """Per-sample shape of each input (without the batch dimension), in `input_names` order."""
        raise NotImplementedError

    def example_inputs(self, batch, seed=0):
        """A reproducible random batch, used for export tracing and parity checks."""
        gen = torch.Generator().manual_seed(seed)
        return tuple(torch.randn((batch,) + tuple(s), generator=gen) for s in self.sample_shapes())

    def inputs_from_batch(self, batch):
        """Picks this model's inputs out of a loader batch (a dict of tensors), in `input_names` order."""
        key = {"image": "x", "nodes": "x", "position": "position", "mask": "mask"}
        return tuple(batch[key[name]] for name in self.input_names)

    def describe(self):
        return {"arch": self.arch, "kind": self.kind, "hparams": dict(self.hparams),
                "inputs": {n: list(s) for n, s in zip(self.input_names, self.sample_shapes())},
                "outputs": list(self.output_names)}


class TargetScaling(nn.Module):
    """Maps a network's normalised regression output back to physical units inside the graph.

    Training works in normalised units (loss on (y - offset) / scale); the exported model then returns
    the physical quantity (a mass in GeV) so the C++ tagger needs no side information.
    """

    def __init__(self, offset=0.0, scale=1.0):
        super().__init__()
        self.register_buffer("offset", torch.tensor(float(offset)))
        self.register_buffer("scale", torch.tensor(float(scale)))

    def forward(self, x):
        return x * self.scale + self.offset

    def normalise(self, y):
        return (y - self.offset) / self.scale
