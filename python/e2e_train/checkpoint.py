"""Checkpoints: model description + weights, optimiser/scheduler state and the training bookkeeping.

Only tensors and plain containers are stored, so they load with torch.load(weights_only=True) on torch 2
(the default from 2.6 on). torch 1.13's weights-only unpickler rejects plain Python floats, so there the
files (our own) are loaded the classic way. Files are written to a temporary name and renamed.
"""
import inspect
import os

import torch

from .models import model_from_description


def save(path, payload):
    tmp = f"{path}.tmp"
    torch.save(payload, tmp)
    os.replace(tmp, path)


def load(path):
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{path}: no such checkpoint")
    kwargs = {"map_location": "cpu"}
    if "weights_only" in inspect.signature(torch.load).parameters:
        kwargs["weights_only"] = int(torch.__version__.split(".")[0]) >= 2
    return torch.load(path, **kwargs)


def load_model(path):
    """The model of a checkpoint, weights loaded, in eval mode; `data_spec` and `task` attached."""
    ckpt = load(path)
    model = model_from_description(ckpt["model"])
    model.load_state_dict(ckpt["state_dict"])
    model.data_spec = ckpt.get("data_spec")
    model.task = ckpt.get("task")
    return model.eval()
