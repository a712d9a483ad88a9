import { benchHttpSpike } from "./http.js";

const rate = Number(process.argv[2] ?? 300);
const r = await benchHttpSpike({ rate, durationMs: Number(process.argv[3] ?? 15000) });
const l = [...r.spike.latencies].sort((a, b) => a - b);
console.log(
  "achieved",
  (l.length / (r.durationMs / 1000)).toFixed(0),
  "p50",
  l[Math.floor(l.length / 2)]?.toFixed(1),
  "p99",
  l[Math.floor(l.length * 0.99)]?.toFixed(1),
  "errors",
  r.errors,
  "finished",
  r.spike.finished,
  "stuck",
  r.spike.stuck,
);
process.exit(0);
