// Tensor folders shared by the peer scripts and the Python drivers: <dir>/tensors.json maps each tensor name to
// {dtype, shape, file}, and each file holds the raw little-endian elements (no HDF5 reader needed in Node).
import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';

const kArrays = {
  float32: Float32Array, float64: Float64Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, int8: Int8Array, bool: Uint8Array,
};

export function readTensorDir(dir) {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'tensors.json'), 'utf8'));
  const out = {};
  for (const [name, t] of Object.entries(index)) {
    const Ctor = kArrays[t.dtype];
    if (!Ctor) throw new Error(`${dir}: tensor '${name}' has unsupported dtype ${t.dtype}`);
    const buf = fs.readFileSync(path.join(dir, t.file));
    const data = new Ctor(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    out[name] = new ort.Tensor(t.dtype, data, t.shape);
  }
  return out;
}

export function writeTensorDir(dir, tensors) {
  fs.mkdirSync(dir, { recursive: true });
  const index = {};
  let k = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const file = `t${k++}.bin`;
    const bytes = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    fs.writeFileSync(path.join(dir, file), bytes);
    index[name] = { dtype: t.type, shape: Array.from(t.dims), file };
  }
  fs.writeFileSync(path.join(dir, 'tensors.json'), JSON.stringify(index, null, 1));
}

// Options shared by both scripts: --key value pairs.
export function parseArgs(argv, defaults) {
  const a = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in defaults) || i + 1 >= argv.length) throw new Error(`unknown or incomplete option '${argv[i]}'`);
    a[key] = typeof defaults[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return a;
}

export function sessionOptions(threads) {
  return {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
  };
}
