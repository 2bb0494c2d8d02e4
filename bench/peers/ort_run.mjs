// Runs an ONNX model on ONNX Runtime (CPU) for the parity test:
//   node ort_run.mjs --model M.onnx --in IN_DIR --out OUT_DIR [--threads T]
// IN_DIR holds the model's inputs as a tensor folder (tensor_io.mjs); OUT_DIR receives every output.
import ort from 'onnxruntime-node';
import { parseArgs, readTensorDir, sessionOptions, writeTensorDir } from './tensor_io.mjs';

try {
  const a = parseArgs(process.argv.slice(2), { model: '', in: '', out: '', threads: 1 });
  if (!a.model || !a.in || !a.out) throw new Error('--model, --in and --out are required');
  const session = await ort.InferenceSession.create(a.model, sessionOptions(a.threads));
  const all = readTensorDir(a.in);
  const feeds = {};
  for (const name of session.inputNames) {
    if (!(name in all)) throw new Error(`${a.in} has no tensor named '${name}'`);
    feeds[name] = all[name];
  }
  writeTensorDir(a.out, await session.run(feeds));
} catch (e) {
  console.error(`ort_run: error: ${e.message}`);
  process.exit(1);
}
