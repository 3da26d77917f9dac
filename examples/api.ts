/**
 * The code samples of the API reference, each in a region the reference includes, each checked
 * here (CI runs this file): the comments say what a call gives, and the asserts prove it.
 *
 *   npx tsx examples/api.ts
 */
import { strict as assert } from 'node:assert'
import * as E from 'fp-ts/lib/Either.js'
import {
  Assessment,
  Catalogue,
  Classification,
  Compile,
  decodeProblem,
  Explain,
  Issue,
  Order,
  Plan,
  Problem,
  Rules,
  Sample,
  Solve,
} from 'wendbaar'
import { Assignment, Evaluate, Model, Solver } from 'wendbaar/solver'

const checked: Array<string> = []
const ok = (what: string): void => {
  checked.push(what)
}

// #region assessment-decode
const fine = Assessment.decode({ precedent: 4, disciplines: 2 }) // right({ precedent: 4, disciplines: 2 })
const wrong = Assessment.decode({ precedent: 7 }) // left([{ path: 'precedent', code: 'range', … }])
// #endregion assessment-decode
assert.deepEqual(fine, E.right({ precedent: 4, disciplines: 2 }))
assert.ok(E.isLeft(wrong) && wrong.left[0].path === 'precedent' && wrong.left[0].code === 'range')
ok('Assessment.decode')

// #region classify
const c = Classification.classify(Classification.defaultClassificationPolicy)({
  precedent: 1, procedure: 1, outcomeClarity: 2, stability: 1,
  disciplines: 4, stakeholders: 4, politicalSensitivity: 3, interdependence: 3, budgetImpact: 2,
})
c.mode // 'agile'
// #endregion classify
assert.equal(c.mode, 'agile')
ok('Classification.classify')

// #region derive-slots
const probe = Classification.classify(Classification.defaultClassificationPolicy)({
  precedent: 1, procedure: 1, outcomeClarity: 1, stability: 1,
  disciplines: 2, stakeholders: 3, politicalSensitivity: 1, interdependence: 3, budgetImpact: 0,
})
const slots = Rules.deriveSlots(Catalogue.defaultCatalogue, Rules.defaultRules)(
  { id: 'r1', disciplines: ['law', 'social-work'] },
  probe,
).map((s) => s.id)
// => ['r1/content-law', 'r1/content-social-work', 'r1/direction', 'r1/network']
// #endregion derive-slots
assert.deepEqual(slots, ['r1/content-law', 'r1/content-social-work', 'r1/direction', 'r1/network'])
ok('Rules.deriveSlots')

// #region decode-problem
const decoded = Problem.decodeProblem(JSON.parse(JSON.stringify(Sample.sampleProblemJson)))
if (E.isLeft(decoded)) console.error(Issue.render(decoded.left).join('\n'))
// #endregion decode-problem
assert.ok(E.isRight(decoded))
const problem = decoded.right
ok('Problem.decodeProblem')

// #region solve
const plan = Solve.solve(problem, { seed: 1 })
const json = JSON.stringify(Plan.encodePlan(plan), null, 2) // the plan JSON
// #endregion solve
assert.equal(plan.assignments.length, 39)
assert.ok(json.startsWith('{\n  "assignments"'))
ok('Solve.solve')

// #region compile
const edges = Model.edgeCount(Compile.compile(problem).model) // the eligible (member, slot) pairs
// #endregion compile
assert.ok(edges > 40)
ok('Compile.compile')

// #region explain
const why = Explain.explain(problem, plan)
if (E.isRight(why)) JSON.stringify(Explain.encodeExplanation(why.right))
// #endregion explain
assert.ok(E.isRight(why) && why.right.assignments.length === plan.assignments.length)
ok('Explain.explain')

// #region order
const sorted = ['b', 'a', 'B'].sort(Order.compareIds) // => ['B', 'a', 'b']
// #endregion order
assert.deepEqual(sorted, ['B', 'a', 'b'])
ok('Order.compareIds')

// #region issue-render
const lines = Issue.render([Issue.issue('members[0].capacity', 'range', 'must be > 0')])
// => ['members[0].capacity: must be > 0 (range)']
// #endregion issue-render
assert.deepEqual(lines, ['members[0].capacity: must be > 0 (range)'])
ok('Issue.render')

// #region issue-with-ids
const input = { members: [{ id: 'm01' }, { id: 'm02', capacity: -1 }] }
const named = Issue.render(Issue.withIds(input)([Issue.issue('members[1].capacity', 'range', 'must be > 0')]))
// => ['members[1] (m02).capacity: must be > 0 (range)']
// #endregion issue-with-ids
assert.deepEqual(named, ['members[1] (m02).capacity: must be > 0 (range)'])
ok('Issue.withIds')

// #region model
const model = Model.decodeModel({
  timePoints: 1,
  slots: [{ id: 's1', priority: 1, group: 0, from: 0, to: 0 }],
  members: [{ id: 'a', capacity: 8, category: -1, base: 0, threshold: 8, overloadWeight: 0 }],
  groups: [{ id: 'g', limit: 1 }],
  edges: [{ member: 0, slot: 0, hours: 8, terms: [3] }],
  termNames: { edge: ['value'], category: 'category', pair: 'pair', overload: 'overload' },
  forced: [],
  forbidden: [],
  conflicts: [],
  pairPenalties: [],
  categoryBonus: 0,
})
// #endregion model
assert.ok(E.isRight(model))
ok('Model.decodeModel')

// #region evaluate
const score = E.isRight(model) ? Evaluate.evaluate(model.right)([0]) : null
// score.filled 1, score.soft 3, score.terms.value 3
// #endregion evaluate
assert.deepEqual(score, { filled: 1, soft: 3, terms: { value: 3, category: 0, pair: 0, overload: 0 } })
ok('Evaluate.evaluate')

// #region solve-model
const solution = E.isRight(model) ? Solver.solveModel({ effort: 1e6 })(model.right) : null
// solution.edges [0], solution.score.filled 1, solution.optimal true
// #endregion solve-model
assert.deepEqual(solution?.edges, [0])
assert.equal(solution?.optimal, true)
ok('Solver.solveModel')

// #region default-effort
Solver.defaultEffortOf(4_000) // => 150_000_000
Solver.defaultEffortOf(200_000) // => 5_000_000
// #endregion default-effort
assert.equal(Solver.defaultEffortOf(4_000), 150_000_000)
assert.equal(Solver.defaultEffortOf(200_000), 5_000_000)
ok('Solver.defaultEffortOf')

// #region gap
const gap = Assignment.gapProblem({ cost: [[6, 4], [3, 7]], use: [[3, 2], [2, 3]], capacity: [4, 4] })
// => right: 2 agents × 2 jobs
const parsed = Assignment.parseGap('1\n2 2\n6 4\n3 7\n3 2\n2 3\n4 4') // the same problem, from an OR-Library file
if (E.isRight(gap)) {
  Assignment.objectiveOf(gap.right, [0, 1]) // => 6 + 7
  Assignment.infeasibility(gap.right, [0, 1]) // => []
  Assignment.infeasibility(gap.right, [0, 0]) // => [{ kind: 'capacity', agent: 0, … }]
  Assignment.solveGap(gap.right, 'max') // => { objective: 13, violations: [], … }
}
Assignment.senseOf('data/orlib-gap/gap12.txt') // => 'max'
Assignment.senseOf('gapa.txt') // => 'min'
// #endregion gap
assert.ok(E.isRight(gap) && E.isRight(parsed) && parsed.right.length === 1)
if (E.isRight(gap)) {
  assert.equal(Assignment.objectiveOf(gap.right, [0, 1]), 13)
  assert.deepEqual(Assignment.infeasibility(gap.right, [0, 1]), [])
  assert.equal(Assignment.infeasibility(gap.right, [0, 0])[0]?.kind, 'capacity')
  const result = Assignment.solveGap(gap.right, 'max')
  assert.equal(result.objective, 13)
  assert.deepEqual(result.violations, [])
}
assert.equal(Assignment.senseOf('data/orlib-gap/gap12.txt'), 'max')
assert.equal(Assignment.senseOf('gapa.txt'), 'min')
ok('Assignment (GAP)')

// #region lap
const dense = Assignment.parseLap('2\n4 1\n2 8') // dense: c(0,1) = 1
const sparse = Assignment.parseLap('2\n1 2 1\n2 1 2') // sparse: two arcs, 1-based
const byHand = Assignment.lapProblem({ size: 2, arcs: [{ row: 0, col: 0, cost: 4 }, { row: 1, col: 1, cost: 2 }] })
// #endregion lap
assert.ok(E.isRight(dense) && E.isRight(sparse) && E.isRight(byHand))
ok('Assignment (LAP)')

assert.ok(typeof decodeProblem === 'function')
console.log(`api samples: ${checked.length} checked — ${checked.join(', ')}`)
