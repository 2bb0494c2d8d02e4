"""PyTorch peer: times a reference model (python/e2e_train definitions, the same seeded weights as
e2e_train.export_reference) in eager mode or as a frozen TorchScript trace; prints one JSON object.

  PYTHONPATH=python /usr/bin/python3 bench/peers/torch_bench.py --model vit --mode eager|torchscript \
      --batch B --threads T [--seconds S] [--iters N]
"""
import argparse
import json
import statistics
import sys
import time
import warnings

import torch

from e2e_train.export_reference import REFERENCE_MODELS, reference_inputs
from e2e_train.models import build_model


def build(name, seed=1234):
    arch, kwargs, _ = REFERENCE_MODELS[name]
    torch.manual_seed(seed)
    return build_model(arch, **kwargs).eval()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", required=True, choices=sorted(REFERENCE_MODELS))
    p.add_argument("--mode", default="eager", choices=["eager", "torchscript"])
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--iters", type=int, default=0, help="timed runs (default: fill --seconds, at least 3)")
    p.add_argument("--warmup", type=int, default=5, help="untimed runs (TorchScript optimises after its first few)")
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    t0 = time.perf_counter()
    model = build(a.model)
    inputs = reference_inputs(model, a.batch, 1234)
    with torch.inference_mode(False), torch.no_grad():
        if a.mode == "torchscript":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model = torch.jit.freeze(torch.jit.trace(model, inputs))
        load_ms = (time.perf_counter() - t0) * 1e3
        t1 = time.perf_counter()
        model(*inputs)
        first_ms = (time.perf_counter() - t1) * 1e3
        for _ in range(a.warmup):
            model(*inputs)
        iters = a.iters
        if iters <= 0:
            once = []
            for _ in range(3):
                t = time.perf_counter()
                model(*inputs)
                once.append(time.perf_counter() - t)
            iters = max(3, round(a.seconds / max(min(once), 1e-5)))
        ms = []
        for _ in range(iters):
            t = time.perf_counter()
            model(*inputs)
            ms.append((time.perf_counter() - t) * 1e3)
    median, mean = statistics.median(ms), statistics.fmean(ms)
    print(json.dumps({"runtime": f"pytorch-{a.mode}", "version": torch.__version__, "model": a.model,
                      "batch": a.batch, "threads": a.threads, "iters": iters, "load_ms": load_ms,
                      "first_run_ms": first_ms, "median_ms": median, "mean_ms": mean,
                      "samples_per_s": a.batch * 1e3 / mean, "samples_per_s_median": a.batch * 1e3 / median}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
