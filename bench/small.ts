/**
 * `npx tsx bench/small.ts [--n N] [--from K] [--effort N] [--worst W]` — small problems at
 * once: N seeded 40-member problems (test/support/generate.ts's S preset — every feature: all
 * seven terms, units, availability, pins, apart pairs, binding capacity — seeds K+1 .. K+N,
 * default 1,000 from 100,000), each compiled and solved with the default options (the exact
 * search runs by itself on models this small), in this process after a warm-up of 20 other
 * problems so that V8 has compiled the solver. Prints how many are proven optimal and the
 * median, p95 and max solve time (solveModel only, not generation or compilation), then the
 * slowest and the unproven seeds.
 */
import * as E from "fp-ts/lib/Either.js";
import { compile } from "../src/pipeline/Compile.js";
import { decodeProblem } from "../src/pipeline/Problem.js";
import type { ValidModel } from "../src/model/Model.js";
import { solveModel } from "../src/solver/Solver.js";
import { generateProblem, presetParams } from "../test/support/generate.js";
import { edgeList } from '../src/model/Model.js'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) {
    process.stderr.write(`small: --${name} needs an integer ≥ 0\n`);
    process.exit(1);
  }
  return v;
};
const n = arg("n", 1000);
const from = arg("from", 100_000);
const effort = process.argv.includes("--effort") ? arg("effort", 0) : null;
const worst = arg("worst", 10);

/** The compiled model of small problem `seed`. */
const modelOf = (seed: number): ValidModel => {
  const d = decodeProblem(generateProblem({ ...presetParams.S, seed }));
  if (E.isLeft(d)) throw new Error(`small problem ${seed} does not decode`);
  return compile(d.right).model;
};

const options = effort === null ? {} : { effort };
// warm-up: other seeds, untimed
for (let k = 1; k <= 20; k++) solveModel(options)(modelOf(from - k));

interface Line {
  readonly seed: number;
  readonly ms: number;
  readonly proven: boolean;
  readonly slots: number;
  readonly edges: number;
  readonly nodes: number;
}
const lines: Array<Line> = [];
for (let k = 1; k <= n; k++) {
  const seed = from + k;
  const model = modelOf(seed);
  const t0 = performance.now();
  const sol = solveModel(options)(model);
  const ms = performance.now() - t0;
  lines.push({
    seed,
    ms,
    proven: sol.optimal,
    slots: model.slots.length,
    edges: edgeList(model).length,
    nodes: sol.stats.nodes,
  });
}
const times = lines.map((l) => l.ms).sort((a, b) => a - b);
const q = (p: number): number =>
  times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? NaN;
const proven = lines.filter((l) => l.proven).length;
const show = (l: Line): string =>
  `  seed ${l.seed}: ${l.ms.toFixed(1)} ms, ${l.proven ? "proven" : "open"}, ${
    l.slots
  } slots, ${l.edges} edges, ${l.nodes} nodes`;
console.log(
  `small problems (S preset, 40 members, seeds ${from + 1}..${
    from + n
  }, effort ${effort ?? "default"}):`
);
console.log(
  `  proven ${proven}/${n} (${((100 * proven) / Math.max(1, n)).toFixed(
    1
  )} %); solve median ${q(0.5).toFixed(1)} ms, ` +
    `p95 ${q(0.95).toFixed(1)} ms, max ${q(1).toFixed(1)} ms`
);
console.log("slowest:");
for (const l of [...lines].sort((a, b) => b.ms - a.ms).slice(0, worst))
  console.log(show(l));
const open = lines.filter((l) => !l.proven);
if (open.length > 0) {
  console.log(`unproven (${open.length}):`);
  for (const l of open.slice(0, worst)) console.log(show(l));
}
