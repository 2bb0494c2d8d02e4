"""After training: test metrics, ONNX export with parity check, plots and the model card `<name>.json`.

The card is the contract between training and the C++ taggers: it says which inputs the ONNX file takes
(names, shapes, channel order, preprocessing), what its output means, how it was trained and how well it
does. Field list: docs/training.md.
"""
import datetime
import json
import os
import platform

import numpy as np
import torch

from . import export, metrics
from .data import BatchStream

CARD_VERSION = 1


def _input_entries(model, spec):
    res = spec.resolved
    entries = []
    for name, shape in zip(model.input_names, model.sample_shapes()):
        e = {"name": name, "shape": ["batch"] + list(shape), "dtype": "float32"}
        if name == "image":
            e["meaning"] = "object image, channels-first (C, H, W)"
            e["channels"] = res.get("channels", [])
            e["frame_scales"] = res.get("frame_scales", [])
            e["preprocessing"] = {"zero_suppression": res.get("zero_suppression"), "scales": res.get("scales"),
                                  "order": "frame = raw * frame_scales (by the frame maker); "
                                           "x = where(|frame| < zero_suppression, 0, frame) * scales"}
        elif name == "position":
            e["meaning"] = "object (ieta, iphi) on the 280 x 360 frame grid, raw indices"
        elif name == "nodes":
            e["meaning"] = "hit-graph node features, padded with all-zero rows"
            e["features"] = res.get("graph_features", [])
            e["node_scales"] = spec.node_scales
        elif name == "mask":
            e["meaning"] = "1 for real nodes, 0 for padding"
        entries.append(e)
    return entries


def heldout_batch(model, split, spec, size):
    """The first `size` samples of the evaluation split, in the model's input order."""
    stream = BatchStream(split, spec, model.kind, size, shuffle=False)
    return model.inputs_from_batch(next(iter(stream)))


def finish(name, out_dir, model, task, spec, splits, result, train_info, e2e_bin=None, opset=export.DEFAULT_OPSET,
           log=print):
    """Writes <name>.onnx, <name>.json and the plots into out_dir; returns the card (a dict)."""
    model = model.cpu().eval()
    eval_name, eval_split = ("test", splits["test"]) if splits.get("test") else ("validation", splits["val"])
    onnx_path = os.path.join(out_dir, f"{name}.onnx")
    export.export_onnx(model, onnx_path, model.example_inputs(2), opset)
    with torch.no_grad():
        parity = export.check_parity(model, onnx_path, heldout_batch(model, eval_split, spec, 16), e2e_bin)
    log(f"wrote {onnx_path}\n{export.format_parity(parity)}")

    plots = {"loss": f"{name}_loss.png"}
    metrics.plot_loss(os.path.join(out_dir, plots["loss"]), train_info["history"])
    pred, true = result["pred"], result["true"]
    if task.regression:
        summary = metrics.regression_summary(pred, true)
        plots["mass"] = f"{name}_mass.png"
        metrics.plot_mass(os.path.join(out_dir, plots["mass"]), pred, true, summary)
        log(f"{eval_name}: bias {summary['bias']:.4g}, resolution {summary['resolution']:.4g} "
            f"(n = {summary['count']})")
    else:
        summary = metrics.classifier_summary(true, pred)
        plots["roc"], plots["scores"] = f"{name}_roc.png", f"{name}_scores.png"
        metrics.plot_roc(os.path.join(out_dir, plots["roc"]), true, pred, name)
        metrics.plot_scores(os.path.join(out_dir, plots["scores"]), true, pred)
        log(f"{eval_name}: AUC {summary['auc']:.4f} +- {summary['auc_error_hanley_mcneil']:.4f} "
            f"(Hanley-McNeil; bootstrap {summary['auc_error_bootstrap']:.4f}; n = {len(true)})")
    summary = dict(summary, evaluated_on=eval_name, loss=result["loss"])

    card = {
        "card_version": CARD_VERSION, "name": name, "task": task.name,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "onnx": {"file": os.path.basename(onnx_path), "opset": opset, "dynamic_batch": True,
                 "ops": export.op_histogram(onnx_path)},
        "model": model.describe(),
        "inputs": _input_entries(model, spec),
        "outputs": [{"name": n, "shape": ["batch", 1], "meaning": task.output_meaning()} for n in model.output_names],
        "data": {"spec": spec.to_dict(),
                 "train": {"files": splits["train"].describe(), "samples": splits["train"].size},
                 "validation": {"files": splits["val"].describe(), "samples": splits["val"].size},
                 "test": ({"files": splits["test"].describe(), "samples": splits["test"].size}
                          if splits.get("test") else None)},
        "training": dict(train_info, torch=torch.__version__, python=platform.python_version(),
                         host=platform.node()),
        "metrics": summary,
        "parity": parity,
        "plots": plots,
    }
    with open(os.path.join(out_dir, f"{name}.json"), "w") as f:
        json.dump(_finite(card), f, indent=2, default=_json_default)
    return card


def _finite(value):
    """Strict JSON has no NaN/Infinity: those become null."""
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    if isinstance(value, (float, np.floating)) and not np.isfinite(value):
        return None
    return value


def _json_default(value):
    if isinstance(value, (np.floating, np.integer)):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
