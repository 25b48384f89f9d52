// v8.mjs runs a compiled irsynth module (irsynth show NAME --wasm) on node's
// WebAssembly (V8) beside a plain JavaScript Collatz loop, on the same
// numbers, and prints one JSON line: for each module and for the JS loop,
// the median wall and CPU time of `calls` calls (one call per number, the
// fuel global reset before each call, as lib/wasmrt does).
//
//   node scripts/bench/v8.mjs --numbers 27,7,1 --rounds 15 --reps 200 a.wasm [b.wasm ...]
//
// scripts/bench/v8cmp runs it beside wazero and native Go; see README.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const opt = { numbers: null, rounds: 15, reps: 200, fuel: 2000000 };
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--numbers") opt.numbers = args[++i].split(",").map(Number);
  else if (a === "--rounds") opt.rounds = Number(args[++i]);
  else if (a === "--reps") opt.reps = Number(args[++i]);
  else if (a === "--fuel") opt.fuel = Number(args[++i]);
  else files.push(a);
}
if (!opt.numbers || files.length === 0 || !(opt.rounds > 0) || !(opt.reps > 0)) {
  console.error("usage: node v8.mjs --numbers N,N,... [--rounds R] [--reps K] [--fuel F] MODULE.wasm...");
  process.exit(2);
}
const nums = Int32Array.from(opt.numbers);

// The plain JS loop: collatz_length in JavaScript, kept to int32 arithmetic.
function collatzJS(n) {
  let steps = 0;
  while (n > 1) {
    if (n % 2 !== 0) n = (3 * n + 1) | 0;
    else n = n >> 1;
    steps++;
  }
  return steps;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

// time runs fn (all the numbers once) reps times per round and returns the
// median per pass, in ns, wall and CPU.
function time(fn) {
  let sink = 0;
  for (let i = 0; i < 20; i++) sink += fn(); // warm up: tier up to TurboFan/Liftoff→optimized
  const wall = [], cpu = [];
  for (let r = 0; r < opt.rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < opt.reps; k++) sink += fn();
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    wall.push(Number(t1 - t0) / opt.reps);
    cpu.push(((c1.user + c1.system) * 1000) / opt.reps);
  }
  return { wall_ns: median(wall), cpu_ns: median(cpu), checksum: sink };
}

const out = { node: process.version, calls: nums.length, rounds: opt.rounds, reps: opt.reps, modules: [] };
let want = 0;
for (const n of nums) want += collatzJS(n);
for (const f of files) {
  const { instance } = await WebAssembly.instantiate(readFileSync(f), {});
  const { run, fuel } = instance.exports;
  let got = 0;
  for (const n of nums) {
    fuel.value = opt.fuel;
    got += run(n);
  }
  if (got !== want) {
    console.error(`v8.mjs: ${f} gives a sum of ${got}, the JS loop ${want}: not collatz_length?`);
    process.exit(1);
  }
  const t = time(() => {
    let s = 0;
    for (let i = 0; i < nums.length; i++) {
      fuel.value = opt.fuel;
      s += run(nums[i]);
    }
    return s;
  });
  out.modules.push({ file: f, ...t });
}
out.js = time(() => {
  let s = 0;
  for (let i = 0; i < nums.length; i++) s += collatzJS(nums[i]);
  return s;
});
console.log(JSON.stringify(out));
