/**
 * The member subproblem's bounds (src/solver/internal/knapsack.ts): the piercing bound that a
 * member whose search hit its cap contributes to the decomposition bound must be an upper bound
 * on the member's best subset under capacity over time — checked against every subset, each
 * tested by the rulebook's state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compact } from "../src/model/internal/compact.js";
import { State } from "../src/model/internal/state.js";
import { unsafeValidModel } from "../src/model/internal/validModel.js";
import { decomposeWork } from "../src/solver/internal/decompose.js";
import { pierceBound } from "../src/solver/internal/knapsack.js";

const names = {
  edge: ["value"],
  category: "cat",
  pair: "pair",
  overload: "over",
};

/** One member, `items` slots (each its own group) over `points` time points, random hours and values. */
const memberArb = fc
  .record({
    points: fc.integer({ min: 1, max: 8 }),
    capacity: fc.integer({ min: 1, max: 30 }),
    preload: fc.integer({ min: 0, max: 10 }),
    items: fc.array(
      fc.record({
        a: fc.nat({ max: 7 }),
        len: fc.nat({ max: 7 }),
        hours: fc.oneof(
          fc.integer({ min: 0, max: 16 }),
          fc.double({ min: 0.1, max: 16, noNaN: true })
        ),
        value: fc.double({ min: 0.01, max: 10, noNaN: true }),
      }),
      { minLength: 1, maxLength: 11 }
    ),
  })
  .map(({ points, capacity, preload, items }) => {
    const slots = items.map((it, k) => {
      const from = it.a % points;
      return {
        id: `s${String(k).padStart(2, "0")}`,
        priority: 1,
        group: k,
        from,
        to: Math.min(points - 1, from + it.len),
      };
    });
    // a pre-loaded slot over every point (on its own member) shifts nothing; one on the member lowers its room
    const model = unsafeValidModel({
      timePoints: points,
      slots: [
        ...slots,
        { id: "zz", priority: 1, group: items.length, from: 0, to: points - 1 },
      ],
      members: [
        {
          id: "m",
          capacity,
          category: -1,
          base: 0,
          threshold: 1e9,
          overloadWeight: 0,
        },
      ],
      groups: [
        ...items.map((_, k) => ({
          id: `g${String(k).padStart(2, "0")}`,
          limit: 1,
        })),
        { id: "gz", limit: 1 },
      ],
      edges: [
        ...items.map((it, k) => ({
          member: 0,
          slot: k,
          hours: it.hours,
          terms: [it.value],
        })),
        {
          member: 0,
          slot: items.length,
          hours: Math.min(preload, capacity),
          terms: [0],
        },
      ],
      termNames: names,
      forced: [],
      forbidden: [],
      conflicts: [],
      pairPenalties: [],
      categoryBonus: 0,
    });
    return { model, values: items.map((it) => it.value) };
  });

describe("pierceBound", () => {
  it("bounds the best subset under capacity over time from above (every subset checked by the state)", () => {
    fc.assert(
      fc.property(memberArb, ({ model, values }) => {
        const c = compact(model);
        const st = new State(c);
        const pre = c.nSlots - 1;
        st.add(c.slotEdges[c.slotEdgeStart[pre]!]!);
        const n = values.length;
        // the best subset of the items, by brute force, each addition asked of the rulebook
        let best = 0;
        for (let mask = 0; mask < 1 << n; mask++) {
          const added: Array<number> = [];
          let ok = true;
          let v = 0;
          for (let i = 0; i < n && ok; i++) {
            if (!(mask & (1 << i))) continue;
            const e = c.slotEdges[c.slotEdgeStart[i]!]!;
            if (!st.fits(e)) ok = false;
            else {
              st.add(e);
              added.push(i);
              v += values[i]!;
            }
          }
          for (const i of added) st.remove(i);
          if (ok && v > best) best = v;
        }
        const w = decomposeWork(c);
        for (let i = 0; i < n; i++) {
          w.items[i] = c.slotEdges[c.slotEdgeStart[i]!]!;
          w.vals[i] = values[i]!;
        }
        const counter = { steps: 0 };
        const b = pierceBound(c, st, 0, n, w, counter);
        expect(b).toBeGreaterThanOrEqual(best - 1e-9);
        // and it is never looser than the sum of the values
        expect(b).toBeLessThanOrEqual(values.reduce((a, x) => a + x, 0) + 1e-9);
        expect(counter.steps).toBeGreaterThan(0);
      }),
      { numRuns: 300 }
    );
  });

  it("is tight on items that all share one point and fit exactly", () => {
    const model = unsafeValidModel({
      timePoints: 2,
      slots: [0, 1, 2].map((k) => ({
        id: `s${k}`,
        priority: 1,
        group: k,
        from: 0,
        to: 1,
      })),
      members: [
        {
          id: "m",
          capacity: 10,
          category: -1,
          base: 0,
          threshold: 1e9,
          overloadWeight: 0,
        },
      ],
      groups: [0, 1, 2].map((k) => ({ id: `g${k}`, limit: 1 })),
      edges: [
        { member: 0, slot: 0, hours: 6, terms: [6] },
        { member: 0, slot: 1, hours: 4, terms: [5] },
        { member: 0, slot: 2, hours: 5, terms: [1] },
      ],
      termNames: names,
      forced: [],
      forbidden: [],
      conflicts: [],
      pairPenalties: [],
      categoryBonus: 0,
    });
    const c = compact(model);
    const st = new State(c);
    const w = decomposeWork(c);
    [0, 1, 2].forEach((i) => {
      w.items[i] = i;
      w.vals[i] = [6, 5, 1][i]!;
    });
    // 4 h at 1.25 and 6 h at 1 fill the 10 h exactly: 11, the optimum
    expect(pierceBound(c, st, 0, 3, w, { steps: 0 })).toBeCloseTo(11, 9);
  });
});
