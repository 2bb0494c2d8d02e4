"""Stand-in models for `e2e bench pipeline` while a tagger's trained model is not shipped yet.

  /usr/bin/python3 bench/pipeline/standin_models.py --out DIR [--only qg,top,tau,tau_gnn]

Writes DIR/models/<name>.onnx and <name>.json for the shipped names the taggers look for (qg_resnet15,
top_resnet15, tau_resnet15, tau_edgeconv): the same architectures, input shapes, channels and scales as the
recipes in python/e2e_train/recipes.py, with fixed-seed random weights. Inference cost depends on the graph, not
on the weights, so throughput measured with them is that of the trained models; their scores mean nothing and the
cards say so (no metrics). Run the benchmark from DIR so that models/<name>.onnx resolves there first.
"""
import argparse
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "python"))

from e2e_train import export  # noqa: E402
from e2e_train.models import build_model  # noqa: E402
from e2e_train.recipes import NODE_SCALES, RECIPES, scales_for  # noqa: E402

FEATURES = ["deta", "dphi", "energy", "d0", "dz", "subdet", "layer"]


def image_card(name, task, channels, size):
    return {"card_version": 1, "name": name, "task": task, "standin": "random weights, for throughput only",
            "inputs": [{"name": "image", "shape": ["batch", len(channels), size, size], "dtype": "float32",
                        "channels": channels, "frame_scales": scales_for(channels),
                        "preprocessing": {"zero_suppression": [0.0] * len(channels), "scales": [1.0] * len(channels)}}],
            "outputs": [{"name": "logit", "shape": ["batch", 1]}], "metrics": {}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", default="qg,top,tau,tau_gnn")
    args = ap.parse_args()
    out = os.path.join(args.out, "models")
    os.makedirs(out, exist_ok=True)
    wanted = set(args.only.split(","))
    torch.manual_seed(1234)
    for key in ("qg", "top", "tau"):
        if key not in wanted:
            continue
        r = RECIPES[key]
        name = f"{key}_resnet15"
        model = build_model("resnet15", in_channels=len(r.channels), height=r.size, width=r.size).eval()
        export.export_onnx(model, os.path.join(out, f"{name}.onnx"), model.example_inputs(2), export.DEFAULT_OPSET)
        with open(os.path.join(out, f"{name}.json"), "w") as f:
            json.dump(image_card(name, key, r.channels, r.size), f, indent=1)
        print("wrote", name)
    if "tau_gnn" in wanted:
        nodes = 128  # the tau_edgeconv recipe trains with --num-nodes 128
        model = build_model("edgeconv", num_nodes=nodes, num_features=len(FEATURES)).eval()
        export.export_onnx(model, os.path.join(out, "tau_edgeconv.onnx"), model.example_inputs(2), export.DEFAULT_OPSET)
        card = {"card_version": 1, "name": "tau_edgeconv", "task": "tau", "standin": "random weights, for throughput only",
                "inputs": [{"name": n, "shape": ["batch", nodes, len(FEATURES)] if n == "nodes" else ["batch", nodes],
                            "dtype": "float32", **({"features": FEATURES, "node_scales": NODE_SCALES} if n == "nodes" else {})}
                           for n in model.input_names],
                "outputs": [{"name": "logit", "shape": ["batch", 1]}], "metrics": {}}
        with open(os.path.join(out, "tau_edgeconv.json"), "w") as f:
            json.dump(card, f, indent=1)
        print("wrote tau_edgeconv", model.input_names)


if __name__ == "__main__":
    main()
