/**
 * wendbaar/solver — the solver core on its own: the generic model, its evaluator and the
 * solver. It knows nothing of roles, qualities or requests.
 *
 * @packageDocumentation
 * @module wendbaar/solver
 */
export * as Issue from './Issue.js'
export * as Model from './Model.js'
export * as Evaluate from './Evaluate.js'
export * as Solver from './Solver.js'
export * as Assignment from './Assignment.js'
