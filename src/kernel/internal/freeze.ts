/**
 * Deep freezing of the library's constant data (defaults, catalogues, samples), so a caller
 * that mutates one by mistake gets an error in strict mode instead of changing what every
 * other caller sees.
 *
 * @internal
 * @since 0.1.0
 */

/**
 * Freezes a plain value and everything reachable from it (objects and arrays), and returns it
 * with a read-only type. Meant for module-level constants built from literals.
 *
 * @internal
 * @since 0.1.0
 */
export const deepFreeze = <A>(a: A): A => {
  if (typeof a === 'object' && a !== null && !Object.isFrozen(a)) {
    Object.freeze(a)
    for (const v of Object.values(a)) deepFreeze(v)
  }
  return a
}
