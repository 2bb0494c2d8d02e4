"""A small NumPy interpreter for the ONNX op subset our models export.

Why: onnx 1.12 (Debian) has no reference evaluator and ONNX Runtime is not installable here, yet every
export must be checked against PyTorch. This evaluator is written from the ONNX operator specs, runs in
float32 like the engine, and fails loudly (naming node and op) on anything outside the subset, which also
makes it a guard against exotic ops creeping into the graphs the C++ engine has to run.
"""
import numpy as np
import onnx
from onnx import numpy_helper

try:
    from scipy.special import erf as _erf
except ImportError:  # scipy is optional: fall back to the scalar math.erf
    import math
    _erf = np.vectorize(math.erf, otypes=[np.float32])


class UnsupportedOp(RuntimeError):
    pass


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _conv(x, w, b=None, strides=(1, 1), pads=(0, 0, 0, 0), dilations=(1, 1), group=1, **_):
    if group != 1 or tuple(dilations) != (1, 1):
        raise UnsupportedOp("Conv with groups or dilations")
    kh, kw = w.shape[2:]
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    win = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::strides[0], ::strides[1]]
    bsz, _, oh, ow = win.shape[:4]
    # im2col as one contiguous copy, then a single GEMM: far faster than einsum over the strided view.
    cols = np.ascontiguousarray(win.transpose(0, 2, 3, 1, 4, 5)).reshape(bsz * oh * ow, -1)
    out = cols @ w.reshape(w.shape[0], -1).T
    if b is not None:
        out += b
    return np.ascontiguousarray(out.reshape(bsz, oh, ow, -1).transpose(0, 3, 1, 2)).astype(np.float32)


def _maxpool(x, kernel_shape, strides=None, pads=(0, 0, 0, 0), ceil_mode=0, **_):
    if ceil_mode or any(pads):
        raise UnsupportedOp("MaxPool with padding or ceil_mode")
    strides = strides or kernel_shape
    win = np.lib.stride_tricks.sliding_window_view(x, tuple(kernel_shape), axis=(2, 3))
    return win[:, :, ::strides[0], ::strides[1]].max(axis=(-2, -1))


def _gemm(a, b, c=None, alpha=1.0, beta=1.0, transA=0, transB=0):
    a = a.T if transA else a
    b = b.T if transB else b
    out = alpha * (a @ b)
    return out + beta * c if c is not None else out


def _reshape(x, shape, allowzero=0):
    shape = [x.shape[i] if (s == 0 and not allowzero) else s for i, s in enumerate(shape.tolist())]
    return x.reshape(shape)


def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _layernorm(x, scale, bias=None, axis=-1, epsilon=1e-5, **_):
    axes = tuple(range(axis % x.ndim, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    out = (x - mean) / np.sqrt(var + epsilon) * scale
    return out + bias if bias is not None else out


def _reduce(fn):
    def run(x, axes=None, keepdims=1, noop_with_empty_axes=0):
        if axes is None or len(axes) == 0:
            if noop_with_empty_axes:
                return x
            axes = None
        else:
            axes = tuple(int(a) for a in np.asarray(axes).ravel())
        return fn(x, axis=axes, keepdims=bool(keepdims))
    return run


def _slice(x, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    index = [slice(None)] * x.ndim
    for s, e, a, st in zip(starts, ends, axes, steps):
        index[int(a)] = slice(int(s), int(e), int(st))
    return x[tuple(index)]


def _topk(x, k, axis=-1, largest=1, sorted=1):
    k = int(np.asarray(k).ravel()[0])
    # A stable sort keeps the lower index first among equal values, as the ONNX spec asks.
    order = np.argsort(-x if largest else x, axis=axis, kind="stable")
    idx = np.take(order, np.arange(k), axis=axis)
    return np.take_along_axis(x, idx, axis=axis), idx.astype(np.int64)


def _unsqueeze(x, axes):
    out = x
    for a in sorted(int(v) % (x.ndim + len(axes)) for v in np.asarray(axes).ravel()):
        out = np.expand_dims(out, a)
    return out


def _squeeze(x, axes=None):
    return np.squeeze(x, axis=None if axes is None else tuple(int(a) for a in np.asarray(axes).ravel()))


def _clip(x, lo=None, hi=None):
    return np.clip(x, -np.inf if lo is None else lo, np.inf if hi is None else hi).astype(x.dtype)


def _cast(x, to):
    # onnx.helper.tensor_dtype_to_np_dtype only exists from onnx 1.13; the mapping table is in both.
    if hasattr(onnx.helper, "tensor_dtype_to_np_dtype"):
        return x.astype(onnx.helper.tensor_dtype_to_np_dtype(to))
    return x.astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[to])


def _pad(x, pads, value=None, mode="constant"):
    if mode not in ("constant", b"constant"):
        raise UnsupportedOp(f"Pad mode {mode}")
    n = x.ndim
    widths = [(int(pads[i]), int(pads[i + n])) for i in range(n)]
    return np.pad(x, widths, constant_values=0 if value is None else value.item())


_OPS = {
    "Conv": _conv, "MaxPool": _maxpool, "Gemm": _gemm, "Reshape": _reshape, "Softmax": _softmax,
    "LayerNormalization": _layernorm, "Slice": _slice, "TopK": _topk, "Unsqueeze": _unsqueeze,
    "Squeeze": _squeeze, "Clip": _clip, "Cast": _cast, "Pad": _pad,
    "ReduceSum": _reduce(np.sum), "ReduceMax": _reduce(np.max), "ReduceMean": _reduce(np.mean),
    "Relu": lambda x: np.maximum(x, 0).astype(x.dtype),
    "Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": lambda a, b: a / b,
    "Pow": np.power, "Sqrt": np.sqrt, "Abs": np.abs, "Erf": lambda x: _erf(x).astype(x.dtype),
    "Exp": np.exp, "Tanh": np.tanh, "Sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "MatMul": np.matmul, "Greater": np.greater, "Less": np.less, "Equal": np.equal, "Where": np.where,
    "Identity": lambda x: x, "Flatten": lambda x, axis=1: x.reshape(int(np.prod(x.shape[:axis])), -1),
    "Transpose": lambda x, perm=None: np.transpose(x, perm),
    "Concat": lambda *xs, axis: np.concatenate(xs, axis=axis),
    "Gather": lambda x, idx, axis=0: np.take(x, idx, axis=axis),
    "GatherElements": lambda x, idx, axis=0: np.take_along_axis(x, idx, axis=axis),
    "Shape": lambda x: np.array(x.shape, dtype=np.int64),
    "Expand": lambda x, shape: x * np.ones(tuple(int(s) for s in shape), dtype=x.dtype),
    "ConstantOfShape": lambda shape, value=None: np.full(
        tuple(int(s) for s in shape), 0.0 if value is None else numpy_helper.to_array(value).item(),
        dtype=np.float32 if value is None else numpy_helper.to_array(value).dtype),
}

# Ops whose optional inputs (given as input tensors since opset 13) map to keyword arguments.
_INPUT_KWARGS = {"ReduceSum": ["axes"], "Slice": ["starts", "ends", "axes", "steps"], "Unsqueeze": ["axes"],
                 "Squeeze": ["axes"], "Clip": ["lo", "hi"], "Pad": ["pads", "value"], "TopK": ["k"],
                 "Reshape": ["shape"]}


def supported_ops():
    return sorted(_OPS) + ["Constant"]


def _constant(node):
    attrs = _attrs(node)
    if "value" in attrs:
        return numpy_helper.to_array(attrs["value"])
    for key, dtype in (("value_float", np.float32), ("value_int", np.int64)):
        if key in attrs:
            return np.array(attrs[key], dtype=dtype)
    for key, dtype in (("value_floats", np.float32), ("value_ints", np.int64)):
        if key in attrs:
            return np.array(list(attrs[key]), dtype=dtype)
    raise UnsupportedOp(f"Constant node '{node.name}' without a supported value attribute")


def run(model, feeds):
    """Evaluates `model` (a path or ModelProto) on `feeds` (name -> array); returns the outputs in order."""
    if not isinstance(model, onnx.ModelProto):
        model = onnx.load(model)
    graph = model.graph
    env = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    env.update({k: np.asarray(v) for k, v in feeds.items()})
    for node in graph.node:
        if node.domain not in ("", "ai.onnx"):
            raise UnsupportedOp(f"node '{node.name}': custom domain '{node.domain}'")
        if node.op_type == "Constant":
            env[node.output[0]] = _constant(node)
            continue
        fn = _OPS.get(node.op_type)
        if fn is None:
            raise UnsupportedOp(f"node '{node.name}': op {node.op_type} is not in the supported subset")
        args = [env[name] if name else None for name in node.input]
        attrs = _attrs(node)
        names = _INPUT_KWARGS.get(node.op_type)
        if names:
            for key, value in zip(names, args[1:]):
                if value is not None:
                    attrs[key] = value
            args = args[:1]
        if node.op_type in ("Gemm", "LayerNormalization", "Conv") and len(args) == 2:
            args.append(None)
        try:
            out = fn(*args, **attrs)
        except UnsupportedOp as exc:
            raise UnsupportedOp(f"node '{node.name}': {exc}") from None
        outs = out if isinstance(out, tuple) else (out,)
        for name, value in zip(node.output, outs):
            if name:
                env[name] = value
    return [env[o.name] for o in graph.output]
