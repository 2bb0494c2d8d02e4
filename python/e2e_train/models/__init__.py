"""Model zoo: every architecture the taggers run, each exportable to ONNX with a dynamic batch."""
from .base import TaggerModel
from .edgeconv import EdgeConvNet
from .graph_transformer import GraphTransformer
from .resnet15 import ResNet15
from .simplenet import SimpleNet
from .vit import VisionTransformer

ARCHS = {m.arch: m for m in (ResNet15, SimpleNet, VisionTransformer, EdgeConvNet, GraphTransformer)}


def build_model(arch, **hparams):
    """Builds `arch` with the given constructor arguments; unknown names raise ValueError naming them."""
    if arch not in ARCHS:
        raise ValueError(f"unknown architecture '{arch}' (known: {', '.join(sorted(ARCHS))})")
    return ARCHS[arch](**hparams)


def model_from_description(desc):
    """Rebuilds a model from TaggerModel.describe() output (weights not included)."""
    return build_model(desc["arch"], **desc["hparams"])


__all__ = ["ARCHS", "TaggerModel", "build_model", "model_from_description", "ResNet15", "SimpleNet",
           "VisionTransformer", "EdgeConvNet", "GraphTransformer"]
