/**
 * wendbaar/solver — the solver core on its own: the generic model, its evaluator and the
 * solver. It knows nothing of roles, qualities or requests.
 *
 * @packageDocumentation
 * @module wendbaar/solver
 */
export * as Issue from './kernel/Issue.js'
export * as Model from './model/Model.js'
export * as Evaluate from './model/Evaluate.js'
export * as Solver from './solver/Solver.js'
export * as Assignment from './solver/Assignment.js'
