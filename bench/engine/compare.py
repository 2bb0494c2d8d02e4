"""Inference engine vs peers on the reference models, interleaved: e2e (`e2e bench engine`), ONNX Runtime
(bench/peers/ort_bench.mjs), PyTorch eager and TorchScript (bench/peers/torch_bench.py), OpenCV DNN
(bench/peers/opencv_bench.py), at each thread count and batch. Writes a markdown table (samples/s from median
latency, ratio to ORT, GFLOP/s, % of the measured sgemm peak) and the raw JSON.

  PYTHONPATH=python /usr/bin/python3 bench/engine/compare.py --e2e build/bin/e2e [--models DIR] \
      [--only vit,edgeconv] [--threads 1,2] [--batches 1,64] [--repeats 3] [--seconds 1.5] \
      [--runtimes e2e,e2e-bf16,e2e-int8,ort,torch,torchscript,opencv] [--out table.md] [--json raw.json]

e2e-bf16 / e2e-int8 are the engine's opt-in precisions (int8 calibrated on the engine's default random inputs),
each also reporting its largest output deviation from fp32 in the raw JSON.

Each cell is the median over --repeats rounds; within a round every runtime is measured once, in turn, so slow
drifts of a shared machine hit all of them alike. OPENBLAS_CORETYPE is unset for the PyTorch peer only (it
halves OpenBLAS sgemm; PyTorch's convolutions use oneDNN, its Linear layers may use OpenBLAS).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

from e2e_train.export_reference import REFERENCE_MODELS, export_one
from e2e_train.models import build_model

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PEERS = os.path.join(REPO, "bench", "peers")
# Batch-64 rounds of SimpleNet (20 GFLOP per sample) would take minutes per runtime: it runs at 32 instead,
# with a fixed, small number of timed runs (every runtime also does a few untimed warm-up runs).
BATCH_CAP = {"simplenet": 32}
FIXED_ITERS = {"simplenet": 3}


def run_json(cmd, env=None, timeout=1800):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["exit " + str(r.returncode)])[-1][:300]}
    try:
        return json.loads(r.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "no JSON in output"}


def short_error(message):
    """OpenCV's import errors are long; keep the layer it cannot import."""
    m = re.search(r"Node \[(\w+)@", message)
    return f"cannot import {m.group(1)}" if m else message[:60]


def measure(runtime, a, model, onnx_path, shape, batch, threads):
    env = dict(os.environ)
    iters = FIXED_ITERS.get(model, a.iters)
    if runtime == "e2e" or runtime.startswith("e2e-"):
        precision = ["--precision", runtime[4:]] if runtime.startswith("e2e-") else []
        return run_json([a.e2e, "bench", "engine", "--model", onnx_path, "--batch", str(batch), "--threads",
                         str(threads), "--json"] + precision + (["--iters", str(iters)] if iters else []))
    if runtime == "ort":
        return run_json(["node", os.path.join(PEERS, "ort_bench.mjs"), "--model", onnx_path, "--batch", str(batch),
                         "--threads", str(threads), "--seconds", str(a.seconds)] + (["--iters", str(iters)] if iters else []))
    if runtime in ("torch", "torchscript"):
        env.pop("OPENBLAS_CORETYPE", None)
        env["PYTHONPATH"] = os.path.join(REPO, "python")
        return run_json(["/usr/bin/python3", os.path.join(PEERS, "torch_bench.py"), "--model", model, "--mode",
                         "eager" if runtime == "torch" else "torchscript", "--batch", str(batch), "--threads",
                         str(threads), "--seconds", str(a.seconds)] + (["--iters", str(iters)] if iters else []), env)
    if runtime == "opencv":
        return run_json(["/usr/bin/python3", os.path.join(PEERS, "opencv_bench.py"), "--model", onnx_path, "--shape",
                         ",".join(str(s) for s in shape), "--batch", str(batch), "--threads", str(threads),
                         "--seconds", str(a.seconds)] + (["--iters", str(iters)] if iters else []))
    raise ValueError(runtime)


def samples_per_s(r):
    """From the median latency (robust to other processes on the machine)."""
    return r.get("samplesPerSecondMedian", r.get("samples_per_s_median"))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--e2e", required=True)
    p.add_argument("--models", default="/tmp/e2e_reference_models", help="exported models (made here if missing)")
    p.add_argument("--only")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--batches", default="1,64")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--seconds", type=float, default=1.5, help="timed seconds per peer measurement")
    p.add_argument("--iters", type=int, default=0, help="fixed timed runs per measurement (default: by time)")
    p.add_argument("--runtimes", default="e2e,ort,torch,torchscript,opencv")
    p.add_argument("--out", help="markdown table file")
    p.add_argument("--json", help="raw results file")
    a = p.parse_args(argv)
    names = a.only.split(",") if a.only else list(REFERENCE_MODELS)
    runtimes = a.runtimes.split(",")
    os.makedirs(a.models, exist_ok=True)
    raw, rows = [], []
    for name in names:
        onnx_path = os.path.join(a.models, f"{name}.onnx")
        if not os.path.exists(onnx_path):
            export_one(name, a.models, parity=False)
        arch, kwargs, _ = REFERENCE_MODELS[name]
        shape = list(build_model(arch, **kwargs).sample_shapes()[0])
        for threads in [int(t) for t in a.threads.split(",")]:
            for batch in [min(int(b), BATCH_CAP.get(name, 1 << 30)) for b in a.batches.split(",")]:
                per = {rt: [] for rt in runtimes}
                for rep in range(a.repeats):
                    for rt in runtimes:
                        r = measure(rt, a, name, onnx_path, shape, batch, threads)
                        r.update(runtime_key=rt, model_key=name, repeat=rep)
                        raw.append(r)
                        per[rt].append(r)
                        print(f"{name} b{batch} t{threads} rep{rep} {rt}: "
                              f"{r.get('error') or f'{samples_per_s(r):.1f} samples/s'}", file=sys.stderr, flush=True)
                rows.append(summarise(name, batch, threads, per, runtimes))
    table = format_table(rows, runtimes, a)
    print(table)
    if a.out:
        with open(a.out, "w") as f:
            f.write(table + "\n")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(raw, f, indent=1)
    return 0


def summarise(name, batch, threads, per, runtimes):
    row = {"model": name, "batch": batch, "threads": threads, "sps": {}, "errors": {}}
    for rt in runtimes:
        good = [samples_per_s(r) for r in per[rt] if "error" not in r]
        if good:
            row["sps"][rt] = statistics.median(good)
        else:
            row["errors"][rt] = per[rt][0].get("error", "failed") if per[rt] else "not run"
    e2e = [r for r in per.get("e2e", []) if "error" not in r]
    if e2e:
        row["gflop_per_sample"] = e2e[0]["flopsPerRun"] / e2e[0]["batch"] / 1e9
        row["peak"] = statistics.median(r["peakGflops"] for r in e2e)
    return row


def format_table(rows, runtimes, a):
    labels = {"e2e": "e2e", "e2e-bf16": "e2e bf16", "e2e-int8": "e2e int8", "ort": "ORT 1.30", "torch": "PyTorch eager", "torchscript": "TorchScript",
              "opencv": "OpenCV DNN"}
    head = ["model", "batch", "threads"] + [labels[r] for r in runtimes] + ["e2e GFLOP/s (% peak)", "ORT GFLOP/s (% peak)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        ort = row["sps"].get("ort")
        cells = [row["model"], str(row["batch"]), str(row["threads"])]
        for rt in runtimes:
            if rt in row["sps"]:
                v = row["sps"][rt]
                ratio = f" ({v / ort:.2f}x)" if ort and rt != "ort" else ""
                cells.append(f"{v:,.0f}{ratio}" if v >= 100 else f"{v:.3g}{ratio}")
            else:
                cells.append("fails: " + short_error(row["errors"].get(rt, "")).replace("|", "/"))
        for rt in ("e2e", "ort"):
            if rt in row["sps"] and "gflop_per_sample" in row:
                g = row["sps"][rt] * row["gflop_per_sample"]
                cells.append(f"{g:.1f} ({100 * g / row['peak']:.0f}%)" if row.get("peak") else f"{g:.1f}")
            else:
                cells.append("-")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(f"samples/s from the median latency, median of {a.repeats} interleaved rounds; (x) = ratio to ONNX "
                 f"Runtime; GFLOP/s = samples/s x the engine's conv+matmul FLOP count; peak = oneDNN sgemm measured by "
                 f"`e2e bench engine` at the same thread count.")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
