"""Model parity (issue 6 item 8): the reference models exported from python/e2e_train, run through the e2e
engine (`e2e infer`) and ONNX Runtime (bench/peers/ort_run.mjs), agree with PyTorch to 1e-4 relative in fp32.
The ViT also runs exported at opset 13, where LayerNorm arrives decomposed (the engine fuses it back).

  PYTHONPATH=python /usr/bin/python3 tests/integration/model_parity.py --e2e BUILD/bin/e2e [--only a,b] [--work DIR]

Relative error = max |got - torch| / max |torch| per output (element-wise ratios mean nothing for logits near
zero); e2e and ORT are also compared with each other. The ORT leg is skipped, with the reason printed, only
when bench/peers/node_modules is missing (run `make deps`). Exit 1 when any leg that ran disagrees.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

from e2e_train.export import DEFAULT_OPSET
from e2e_train.export_reference import REFERENCE_MODELS, export_one

TOLERANCE = 1e-4
# Extra legs at another opset: below 17 PyTorch decomposes LayerNorm, which the engine fuses back (fuseLayerNorm).
EXTRA_OPSETS = [("vit", 13)]
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PEERS = os.path.join(REPO, "bench", "peers")


def relative_error(got, want):
    got, want = np.asarray(got, np.float64), np.asarray(want, np.float64)
    if got.shape != want.shape:
        return float("inf")
    return float(np.abs(got - want).max() / max(np.abs(want).max(), 1e-12))


def write_tensor_dir(path, tensors):
    """The tensor folder format of bench/peers/tensor_io.mjs."""
    os.makedirs(path, exist_ok=True)
    index = {}
    for k, (name, value) in enumerate(tensors.items()):
        value = np.ascontiguousarray(value)
        index[name] = {"dtype": str(value.dtype), "shape": list(value.shape), "file": f"t{k}.bin"}
        value.tofile(os.path.join(path, f"t{k}.bin"))
    with open(os.path.join(path, "tensors.json"), "w") as f:
        json.dump(index, f)


def read_tensor_dir(path):
    with open(os.path.join(path, "tensors.json")) as f:
        index = json.load(f)
    return {n: np.fromfile(os.path.join(path, t["file"]), dtype=t["dtype"]).reshape(t["shape"]) for n, t in index.items()}


def run_e2e(binary, onnx_path, data_path, work):
    out = os.path.join(work, "e2e_out.h5")
    run = subprocess.run([binary, "infer", "--model", onnx_path, "--in", data_path, "--out", out, "--force"],
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise RuntimeError(f"e2e infer exited {run.returncode}: {run.stderr.strip()}")
    with h5py.File(out, "r") as f:
        return {name: f[name][()] for name in f}


def run_ort(onnx_path, inputs, work):
    write_tensor_dir(os.path.join(work, "ort_in"), inputs)
    run = subprocess.run(["node", os.path.join(PEERS, "ort_run.mjs"), "--model", onnx_path, "--in",
                          os.path.join(work, "ort_in"), "--out", os.path.join(work, "ort_out")],
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise RuntimeError(f"ort_run exited {run.returncode}: {run.stderr.strip()}")
    return read_tensor_dir(os.path.join(work, "ort_out"))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--e2e", required=True, help="the e2e binary")
    p.add_argument("--only", help="comma-separated subset of the reference models")
    p.add_argument("--work", help="keep exported models and outputs here (default: a temporary folder)")
    a = p.parse_args(argv)
    names = a.only.split(",") if a.only else list(REFERENCE_MODELS)
    work = a.work or tempfile.mkdtemp(prefix="e2e_parity_")
    os.makedirs(work, exist_ok=True)
    ort_reason = None
    if not os.path.isdir(os.path.join(PEERS, "node_modules", "onnxruntime-node")):
        ort_reason = f"{PEERS}/node_modules is missing (run `make deps` to install onnxruntime-node)"
    elif shutil.which("node") is None:
        ort_reason = "node is not on PATH"
    if ort_reason:
        print(f"ONNX Runtime leg skipped: {ort_reason}")
    print(f"{'model':18s} {'batch':>5s} {'e2e vs torch':>13s} {'ORT vs torch':>13s} {'e2e vs ORT':>11s}  result")
    ok = True
    legs = [(name, DEFAULT_OPSET) for name in names] + [(name, o) for name, o in EXTRA_OPSETS if name in names]
    try:
        for name, opset in legs:
            extra = opset != DEFAULT_OPSET
            out_dir = os.path.join(work, f"opset{opset}") if extra else work
            os.makedirs(out_dir, exist_ok=True)
            entry = export_one(name, out_dir, opset=opset, parity=False)
            onnx_path = os.path.join(out_dir, entry["onnx"])
            data_path = os.path.join(out_dir, entry["data"])
            with h5py.File(data_path, "r") as f:
                inputs = {n: f[n][()] for n in entry["inputs"]}
                torch_out = {n: f[n][()] for n in entry["outputs"]}
            label = f"{name}@opset{opset}" if extra else name
            model_dir = os.path.join(out_dir, name)
            os.makedirs(model_dir, exist_ok=True)
            errors, notes = {}, []
            try:
                e2e_out = run_e2e(a.e2e, onnx_path, data_path, model_dir)
                errors["e2e"] = max(relative_error(e2e_out.get(n), torch_out[n]) for n in torch_out)
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
                errors["e2e"], e2e_out = float("inf"), None
                notes.append(str(exc))
            if ort_reason is None:
                try:
                    ort_out = run_ort(onnx_path, inputs, model_dir)
                    errors["ort"] = max(relative_error(ort_out.get(n), torch_out[n]) for n in torch_out)
                    if e2e_out is not None:
                        errors["e2e_ort"] = max(relative_error(e2e_out[n], ort_out[n]) for n in torch_out)
                except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
                    errors["ort"] = float("inf")
                    notes.append(str(exc))
            passed = all(e <= TOLERANCE for e in errors.values())
            ok = ok and passed
            cell = lambda k: f"{errors[k]:.2e}" if k in errors else "skipped"
            batch = next(iter(inputs.values())).shape[0]
            print(f"{label:18s} {batch:5d} {cell('e2e'):>13s} {cell('ort'):>13s} {cell('e2e_ort'):>11s}  "
                  f"{'ok' if passed else 'FAILED'} {'; '.join(notes)}", flush=True)
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"tolerance {TOLERANCE:g} relative (max |diff| / max |reference| per output)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
