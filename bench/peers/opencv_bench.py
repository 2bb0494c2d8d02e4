"""OpenCV DNN peer (python3-opencv 4.6, default backend on the CPU): times an ONNX model with random float32
inputs; prints one JSON object, with "error" set (and exit 0) when OpenCV cannot load or run the model.

  /usr/bin/python3 bench/peers/opencv_bench.py --model M.onnx --shape 8,125,125 --batch B --threads T [--seconds S]
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", required=True)
    p.add_argument("--shape", required=True, help="per-sample input shape, comma-separated")
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--iters", type=int, default=0)
    p.add_argument("--warmup", type=int, default=2)
    a = p.parse_args(argv)
    result = {"runtime": "opencv-dnn", "model": a.model, "batch": a.batch, "threads": a.threads}
    try:
        import cv2
        result["version"] = cv2.__version__
        cv2.setNumThreads(a.threads)
        t0 = time.perf_counter()
        net = cv2.dnn.readNetFromONNX(a.model)
        net.setPreferableBackend(cv2.dnn.DNN_BACKEND_OPENCV)
        net.setPreferableTarget(cv2.dnn.DNN_TARGET_CPU)
        shape = (a.batch,) + tuple(int(s) for s in a.shape.split(","))
        blob = np.random.default_rng(1234).standard_normal(shape).astype(np.float32)
        net.setInput(blob)
        result["load_ms"] = (time.perf_counter() - t0) * 1e3
        t1 = time.perf_counter()
        out = net.forward()
        result["first_run_ms"] = (time.perf_counter() - t1) * 1e3
        if out.shape[0] != a.batch:
            raise RuntimeError(f"output batch {out.shape[0]} != input batch {a.batch}")
        for _ in range(a.warmup):
            net.forward()
        iters = a.iters
        if iters <= 0:
            once = []
            for _ in range(3):
                t = time.perf_counter()
                net.forward()
                once.append(time.perf_counter() - t)
            iters = max(3, round(a.seconds / max(min(once), 1e-5)))
        ms = []
        for _ in range(iters):
            t = time.perf_counter()
            net.forward()
            ms.append((time.perf_counter() - t) * 1e3)
        median, mean = statistics.median(ms), statistics.fmean(ms)
        result.update(iters=iters, median_ms=median, mean_ms=mean, samples_per_s=a.batch * 1e3 / mean,
                      samples_per_s_median=a.batch * 1e3 / median)
    except Exception as exc:  # OpenCV raises cv2.error for unsupported layers; report, do not crash the driver
        result["error"] = " ".join(str(exc).split())[:300]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
