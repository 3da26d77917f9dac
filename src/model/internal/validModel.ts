/**
 * The unchecked constructor of {@link ValidModel}, for compilers that guarantee validity by
 * construction (the domain compiler, the GAP reader).
 *
 * @internal
 * @since 0.1.0
 */
import type { Model, ValidModel } from './types.js'

/**
 * Brands a model as valid without checking it. The caller guarantees everything
 * `decodeModel` checks (index ranges, sortedness, forced edges feasible).
 *
 * @internal
 * @since 0.1.0
 */
export const unsafeValidModel = (m: Model): ValidModel => m as ValidModel
