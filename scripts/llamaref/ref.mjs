// ref.mjs: llama.cpp (node-llama-cpp's prebuilt CPU build, offline) as the
// reference for irsynth's GGUF encoder. It reads a JSON request
//   {"model": PATH, "texts": [...], "threads": N, "repeat": R, "embeddings": true}
// on stdin and writes {"tokens": [[...]], "embeddings": [[...]],
// "seconds": S, "evalTokens": T} on stdout: for each text, llama.cpp's
// token ids (BOS added as the model's metadata asks) and its embedding
// (the final-norm hidden state of the last token, or the pooled one when
// the model sets llama.pooling_type). The key/value cache is F32 and flash
// attention off, so that F32 models compare at float32 precision.
// "seconds" times R passes of the embeddings alone (for benchmarks);
// "embeddings": false asks for token ids only.
import {getLlama, LlamaLogLevel} from "node-llama-cpp";

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const req = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const threads = req.threads ?? 1;
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error, maxThreads: threads});
const model = await llama.loadModel({
    modelPath: req.model, gpuLayers: 0,
    defaultContextFlashAttention: false,
    experimentalDefaultContextKvCacheKeyType: "F32", experimentalDefaultContextKvCacheValueType: "F32",
});
const ctx = await model.createEmbeddingContext({contextSize: 512, batchSize: 512, threads});
const bos = model.tokens.bos;
const addBos = model.tokens.shouldPrependBosToken;
const tokens = [], embeddings = [];
for (const t of req.texts) {
    const ids = Array.from(model.tokenize(t));
    tokens.push(addBos && bos != null ? [bos, ...ids] : ids);
}
if (req.embeddings !== false) for (const t of req.texts) embeddings.push((await ctx.getEmbeddingFor(t)).vector);
let seconds = 0, evalTokens = 0;
const repeat = req.repeat ?? 0;
if (repeat > 0) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) {
        for (let i = 0; i < req.texts.length; i++) {
            await ctx.getEmbeddingFor(req.texts[i]);
            evalTokens += tokens[i].length;
        }
    }
    seconds = Number(process.hrtime.bigint() - t0) / 1e9;
}
process.stdout.write(JSON.stringify({tokens, embeddings, seconds, evalTokens}));
await ctx.dispose();
await model.dispose();
await llama.dispose();
