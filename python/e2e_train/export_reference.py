"""Export the engine's reference models with fixed-seed random weights, plus PyTorch's outputs for parity.

  python3 -m e2e_train.export_reference --out DIR [--only resnet15_photon1,edgeconv] [--opset 17]
For each model: DIR/<name>.onnx and DIR/<name>.h5, whose datasets are named after the ONNX inputs and
outputs (an input batch and PyTorch's outputs for it); DIR/manifest.json lists shapes, FLOPs, ops and the
parity of the exported file against PyTorch.
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
import torch

from . import export
from .flops import count_flops
from .models import build_model

# name -> (arch, constructor arguments, parity batch)
REFERENCE_MODELS = {
    "resnet15_photon1": ("resnet15", dict(in_channels=1, height=32, width=32), 8),
    "resnet15_photon2": ("resnet15", dict(in_channels=2, height=32, width=32), 8),
    "resnet15_jet5": ("resnet15", dict(in_channels=5, height=125, width=125), 4),
    "resnet15_jet8": ("resnet15", dict(in_channels=8, height=125, width=125), 4),
    "simplenet": ("simplenet", dict(in_channels=8, height=128, width=128), 2),
    "vit": ("vit", dict(in_channels=8, height=128, width=128, patch=8, embed_dim=192, depth=6, heads=3), 2),
    "edgeconv": ("edgeconv", dict(num_nodes=256, num_features=8, k=16), 4),
}


def reference_inputs(model, batch, seed):
    """Random inputs; graph batches get varied real-node counts so padding is exercised."""
    inputs = model.example_inputs(batch, seed)
    if model.kind != "graph" or len(inputs) != 1:
        return inputs
    nodes = inputs[0].clone()
    n = nodes.shape[1]
    for b in range(batch):
        nodes[b, n - b * n // (2 * batch):] = 0.0
    return (nodes,)


def export_one(name, out_dir, opset=export.DEFAULT_OPSET, seed=1234, e2e_bin=None, parity=True):
    arch, kwargs, batch = REFERENCE_MODELS[name]
    torch.manual_seed(seed)
    model = build_model(arch, **kwargs).eval()
    inputs = reference_inputs(model, batch, seed)
    onnx_path = os.path.join(out_dir, f"{name}.onnx")
    export.export_onnx(model, onnx_path, inputs, opset)
    with torch.no_grad():
        outputs = model(*inputs)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    tensors = {n: t.numpy() for n, t in zip(model.input_names, inputs)}
    tensors.update({n: t.numpy() for n, t in zip(model.output_names, outputs)})
    export.write_tensors(os.path.join(out_dir, f"{name}.h5"), tensors,
                         {"model": name, "seed": seed, "opset": opset, "torch": torch.__version__,
                          "inputs": list(model.input_names), "outputs": list(model.output_names)})
    entry = {"arch": arch, "config": model.describe()["hparams"], "onnx": os.path.basename(onnx_path),
             "data": f"{name}.h5", "inputs": {n: list(t.shape) for n, t in zip(model.input_names, inputs)},
             "outputs": {n: list(t.shape) for n, t in zip(model.output_names, outputs)},
             "gflop_per_sample": count_flops(model, inputs[:len(model.input_names)]) / 1e9,
             "parameters": sum(p.numel() for p in model.parameters()),
             "onnx_bytes": os.path.getsize(onnx_path), "ops": export.op_histogram(onnx_path)}
    if parity:
        entry["parity"] = export.check_parity(model, onnx_path, inputs, e2e_bin)
    return entry


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m e2e_train.export_reference", description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--only", help=f"comma-separated subset of: {', '.join(REFERENCE_MODELS)}")
    p.add_argument("--opset", type=int, default=export.DEFAULT_OPSET)
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--e2e", help="e2e binary for the engine parity leg (default: $E2E_BIN)")
    p.add_argument("--no-parity", action="store_true", help="skip the parity legs (faster)")
    a = p.parse_args(argv)
    names = a.only.split(",") if a.only else list(REFERENCE_MODELS)
    unknown = [n for n in names if n not in REFERENCE_MODELS]
    if unknown:
        print(f"e2e_train.export_reference: error: unknown model(s) {unknown}", file=sys.stderr)
        return 2
    os.makedirs(a.out, exist_ok=True)
    manifest, ok = {"opset": a.opset, "seed": a.seed, "torch": torch.__version__, "onnx": onnx.__version__,
                    "models": {}}, True
    for name in names:
        entry = export_one(name, a.out, a.opset, a.seed, a.e2e, not a.no_parity)
        manifest["models"][name] = entry
        status = "" if a.no_parity else ("parity ok" if entry["parity"]["passed"] else "PARITY FAILED")
        ok = ok and (a.no_parity or entry["parity"]["passed"])
        print(f"{name:18s} {entry['gflop_per_sample']:8.3f} GFLOP/sample {entry['parameters']:>10d} params  {status}")
        if not a.no_parity:
            print(export.format_parity(entry["parity"]))
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, default=lambda v: v.item() if isinstance(v, np.generic) else str(v))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
