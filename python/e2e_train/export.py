"""ONNX export with a dynamic batch dimension, and parity checks of the exported file against PyTorch.

Parity legs (each reported as passed / failed / skipped with a reason):
  onnx_reference  onnx's own reference evaluator (onnx >= 1.13; skipped on Debian's onnx 1.12)
  numpy           e2e_train.onnx_numpy, an independent NumPy interpreter of the op subset we export
  onnxruntime     ONNX Runtime's CPU provider, where the Python package is installed (not on Debian)
  e2e             the project's engine: `e2e infer --model M.onnx --in in.h5 --out out.h5`, binary from
                  --e2e or $E2E_BIN (skipped when absent or when it has no working `infer` subcommand)
The error measure is max |onnx - torch| / max |torch| over each output: element-wise relative errors are
meaningless for logits near zero.

CLI: python3 -m e2e_train.export --checkpoint RUN/best.pt --out model.onnx [--data TEST.h5] [--e2e BIN]
"""
import argparse
import inspect
import json
import os
import subprocess
import sys
import tempfile
import warnings

import h5py
import numpy as np
import onnx
import torch

from . import onnx_numpy

DEFAULT_OPSET = 17
PARITY_TOLERANCE = 1e-4


def export_onnx(model, path, inputs, opset=DEFAULT_OPSET):
    """Traces `model` on `inputs` and writes `path` with every input/output batch dimension dynamic."""
    if not 13 <= opset <= 17:
        raise ValueError(f"opset {opset} is outside the supported range 13-17")
    model.eval()
    names = list(model.input_names) + list(model.output_names)
    kwargs = dict(input_names=list(model.input_names), output_names=list(model.output_names),
                  opset_version=opset, do_constant_folding=True,
                  dynamic_axes={n: {0: "batch"} for n in names})
    # torch >= 2.9 defaults to the dynamo exporter; the TorchScript one gives the plain graphs we want.
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kwargs["dynamo"] = False
    tmp = f"{path}.tmp"
    with warnings.catch_warnings():
        # torch 1.13 warns about prim::Constant shape inference on every export; it is harmless.
        warnings.filterwarnings("ignore", message=".*prim::Constant.*")
        with torch.no_grad():
            torch.onnx.export(model, tuple(inputs), tmp, **kwargs)
    proto = onnx.load(tmp)
    onnx.checker.check_model(proto)
    os.replace(tmp, path)
    return path


def op_histogram(path):
    counts = {}
    for node in onnx.load(path).graph.node:
        counts[node.op_type] = counts.get(node.op_type, 0) + 1
    return dict(sorted(counts.items()))


def relative_error(got, want):
    want = np.asarray(want, dtype=np.float64)
    got = np.asarray(got, dtype=np.float64)
    if got.shape != want.shape:
        return float("inf")
    return float(np.abs(got - want).max() / max(np.abs(want).max(), 1e-12))


def write_tensors(path, tensors, attrs=None):
    """HDF5 file with one dataset per tensor, named as in the ONNX graph (the engine's I/O convention)."""
    with h5py.File(path, "w") as f:
        for name, value in tensors.items():
            f.create_dataset(name, data=np.asarray(value))
        for key, value in (attrs or {}).items():
            # Lists of names become one comma-separated string: trivial to read from C++.
            if isinstance(value, (list, tuple)):
                value = ",".join(value)
            f.attrs[key] = str(value) if isinstance(value, str) else value


def _compare(outputs, expected, names, tol):
    errors = {n: relative_error(o, e) for n, o, e in zip(names, outputs, expected)}
    worst = max(errors.values())
    return {"status": "passed" if worst <= tol else "failed", "max_rel_error": worst, "per_output": errors}


def _leg_onnx_reference(path, feeds, expected, names, tol):
    try:
        from onnx.reference import ReferenceEvaluator
    except ImportError:
        return {"status": "skipped", "reason": f"onnx {onnx.__version__} has no onnx.reference (needs >= 1.13)"}
    try:
        outputs = ReferenceEvaluator(path).run(None, feeds)
    except (ValueError, RuntimeError, NotImplementedError) as exc:
        # e.g. onnx 1.23's GatherElements uses np.choose, limited to 64 choices (EdgeConv gathers 256 nodes):
        # a limit of the evaluator, not a verdict on the model; the other legs still compare.
        return {"status": "skipped", "reason": f"onnx reference evaluator could not run the graph: "
                                               f"{type(exc).__name__}: {exc}"}
    return _compare(outputs, expected, names, tol)


def _leg_numpy(path, feeds, expected, names, tol):
    try:
        outputs = onnx_numpy.run(path, feeds)
    except onnx_numpy.UnsupportedOp as exc:
        return {"status": "failed", "reason": f"unsupported by the NumPy evaluator: {exc}"}
    return _compare(outputs, expected, names, tol)


def _leg_onnxruntime(path, feeds, expected, names, tol):
    try:
        import onnxruntime
    except ImportError:
        return {"status": "skipped", "reason": "the onnxruntime Python package is not installed"}
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    return _compare(session.run(names, feeds), expected, names, tol)


def find_e2e(explicit=None):
    """The engine binary from the argument or $E2E_BIN, or None when neither names an existing file."""
    path = explicit or os.environ.get("E2E_BIN")
    return path if path and os.path.isfile(path) and os.access(path, os.X_OK) else None


def _leg_e2e(path, feeds, expected, names, tol, e2e_bin):
    binary = find_e2e(e2e_bin)
    if binary is None:
        where = e2e_bin or os.environ.get("E2E_BIN") or "(neither --e2e nor E2E_BIN set)"
        return {"status": "skipped", "reason": f"e2e binary not found: {where}"}
    probe = subprocess.run([binary, "infer", "--help"], capture_output=True, text=True, timeout=60)
    # A binary without the subcommand may still exit 0 here, printing the top-level usage (CLI11 fallthrough).
    usage = next((line for line in probe.stdout.splitlines() if line.startswith("Usage:")), "")
    if probe.returncode != 0 or (usage and " infer" not in usage):
        line = (probe.stderr or probe.stdout).strip().splitlines()
        return {"status": "skipped",
                "reason": f"{binary} has no working 'infer' subcommand yet ({line[0] if line else 'no output'})"}
    with tempfile.TemporaryDirectory() as tmp:
        fin, fout = os.path.join(tmp, "in.h5"), os.path.join(tmp, "out.h5")
        write_tensors(fin, feeds)
        run = subprocess.run([binary, "infer", "--model", path, "--in", fin, "--out", fout],
                             capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            return {"status": "failed", "reason": f"e2e infer exited {run.returncode}: {run.stderr.strip()}"}
        with h5py.File(fout, "r") as f:
            missing = [n for n in names if n not in f]
            if missing:
                return {"status": "failed", "reason": f"e2e output file lacks datasets {missing}"}
            outputs = [f[n][()] for n in names]
    return _compare(outputs, expected, names, tol)


def check_parity(model, path, inputs, e2e_bin=None, tol=PARITY_TOLERANCE):
    """Runs every parity leg on `inputs` (a tuple of tensors); returns {"passed": bool, "legs": {...}}.

    `passed` is False when any leg that ran failed; skipped legs do not count either way, so a caller
    must look at `legs` to know what was actually compared.
    """
    model.eval()
    with torch.no_grad():
        expected = model(*inputs)
    expected = [t.detach().cpu().numpy() for t in (expected if isinstance(expected, tuple) else (expected,))]
    feeds = {n: t.detach().cpu().numpy() for n, t in zip(model.input_names, inputs)}
    names = list(model.output_names)
    legs = {
        "onnx_reference": _leg_onnx_reference(path, feeds, expected, names, tol),
        "numpy": _leg_numpy(path, feeds, expected, names, tol),
        "onnxruntime": _leg_onnxruntime(path, feeds, expected, names, tol),
        "e2e": _leg_e2e(path, feeds, expected, names, tol, e2e_bin),
    }
    ran = [leg for leg in legs.values() if leg["status"] != "skipped"]
    return {"passed": bool(ran) and all(leg["status"] == "passed" for leg in ran), "tolerance": tol,
            "batch": int(inputs[0].shape[0]), "legs": legs}


def format_parity(report):
    lines = []
    for name, leg in report["legs"].items():
        detail = f"max rel error {leg['max_rel_error']:.2e}" if "max_rel_error" in leg else leg.get("reason", "")
        lines.append(f"  parity {name:15s} {leg['status']:8s} {detail}")
    return "\n".join(lines)


def heldout_inputs(model, data_path, batch):
    """The last `batch` rows of `data_path` (the usual held-out tail), preprocessed as in training."""
    from .data import DataSpec, read_block
    from .layouts import Source
    spec = DataSpec.from_dict(model.data_spec) if getattr(model, "data_spec", None) else DataSpec()
    spec.resolved = {}
    source = Source(data_path, spec.layout)
    block = read_block(source, max(0, source.size - batch), source.size, spec, model.kind)
    return model.inputs_from_batch({k: torch.as_tensor(v) for k, v in block.items()})


def main(argv=None):
    from .checkpoint import load_model
    parser = argparse.ArgumentParser(prog="python3 -m e2e_train.export", description=__doc__.split("\n")[0])
    parser.add_argument("--checkpoint", required=True, help="a checkpoint written by e2e_train.train")
    parser.add_argument("--out", required=True, help="ONNX file to write")
    parser.add_argument("--opset", type=int, default=DEFAULT_OPSET, help="ONNX opset, 13-17")
    parser.add_argument("--data", help="HDF5 dataset for the held-out parity batch (default: random inputs)")
    parser.add_argument("--batch", type=int, default=8, help="parity batch size")
    parser.add_argument("--e2e", help="e2e binary for the engine parity leg (default: $E2E_BIN)")
    args = parser.parse_args(argv)
    try:
        model = load_model(args.checkpoint)
        inputs = heldout_inputs(model, args.data, args.batch) if args.data else model.example_inputs(args.batch)
        export_onnx(model, args.out, model.example_inputs(2), args.opset)
        report = check_parity(model, args.out, inputs, args.e2e)
    except (OSError, ValueError, KeyError) as exc:
        print(f"e2e_train.export: error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({json.dumps(op_histogram(args.out))})")
    print(format_parity(report))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
