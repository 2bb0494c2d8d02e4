// Times an ONNX model on ONNX Runtime (CPU) with random inputs; prints one JSON object:
//   node ort_bench.mjs --model M.onnx --batch B --threads T [--iters N] [--seconds S] [--warmup W]
// The batch fills every dynamic ("batch") dimension; samples/s = batch / latency. With --iters 0 the number of
// timed runs is chosen to fill about --seconds.
import ort from 'onnxruntime-node';
import { parseArgs, sessionOptions } from './tensor_io.mjs';

function randomTensor(meta, batch) {
  const shape = meta.shape.map((d) => (typeof d === 'number' && d > 0 ? d : batch));
  const n = shape.reduce((x, y) => x * y, 1);
  if (meta.type !== 'float32') throw new Error(`input '${meta.name}' is ${meta.type}; only float32 inputs are generated`);
  const data = new Float32Array(n);
  let s = 12345;  // a fixed LCG: the same inputs on every run
  for (let i = 0; i < n; ++i) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s / 4294967296 - 0.5;
  }
  return new ort.Tensor('float32', data, shape);
}

try {
  const a = parseArgs(process.argv.slice(2), { model: '', batch: 1, threads: 1, iters: 0, seconds: 2, warmup: 3 });
  if (!a.model) throw new Error('--model is required');
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(a.model, sessionOptions(a.threads));
  const feeds = {};
  for (const meta of session.inputMetadata) feeds[meta.name] = randomTensor(meta, a.batch);
  const t1 = performance.now();
  await session.run(feeds);
  const firstMs = performance.now() - t1;
  for (let i = 0; i < a.warmup; ++i) await session.run(feeds);
  let iters = a.iters;
  if (iters <= 0) {
    let best = Infinity;
    for (let i = 0; i < 3; ++i) {
      const t = performance.now();
      await session.run(feeds);
      best = Math.min(best, performance.now() - t);
    }
    iters = Math.max(3, Math.round((a.seconds * 1000) / Math.max(best, 0.01)));
  }
  const ms = [];
  for (let i = 0; i < iters; ++i) {
    const t = performance.now();
    await session.run(feeds);
    ms.push(performance.now() - t);
  }
  ms.sort((x, y) => x - y);
  const mean = ms.reduce((x, y) => x + y, 0) / ms.length;
  const median = ms[Math.floor(ms.length / 2)];
  console.log(JSON.stringify({
    runtime: 'onnxruntime-node', version: ort.env.versions.common, model: a.model, batch: a.batch,
    threads: a.threads, iters, load_ms: t1 - t0, first_run_ms: firstMs, median_ms: median, mean_ms: mean,
    samples_per_s: (a.batch * 1000) / mean, samples_per_s_median: (a.batch * 1000) / median,
  }));
} catch (e) {
  console.error(`ort_bench: error: ${e.message}`);
  process.exit(1);
}
