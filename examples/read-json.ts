/**
 * Read a JSON file for the file examples, reporting a syntax error where an editor can jump to
 * it — `problem.json:12:7: invalid JSON: expected ',' or '}', got '"'` — rather than as a
 * character offset (which is all `JSON.parse` gives, and not even that for every error).
 *
 *   import { readJsonFile } from './read-json.js'
 *   const json = readJsonFile('problem.json') // Either<string, unknown>: the message, or the value
 *
 * `JSON.parse` still does the parsing; only when it fails does {@link findSyntaxError} scan the
 * text (RFC 8259 JSON, as `JSON.parse` accepts it) for the first error and its offset, and
 * {@link lineColumn} turns the offset into a line and a column.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'

/** A 1-based line and column; the column counts UTF-16 code units, as JavaScript tools do. */
export interface LineColumn {
  readonly line: number
  readonly column: number
}

/** The first syntax error of a text: where (offset, line, column) and what. */
export interface JsonSyntaxError extends LineColumn {
  readonly offset: number
  readonly message: string
}

/**
 * The line and column of `offset` in `text`. A line ends at `\n`, `\r\n` or a lone `\r`; the
 * end of input (`offset === text.length`) is a position too — after a final line end, it is
 * column 1 of the next line.
 */
export const lineColumn = (text: string, offset: number): LineColumn => {
  const end = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let start = 0
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++
      start = i + 1
    }
  }
  // An offset between the `\r` and `\n` of a CRLF is still on the `\r`'s line.
  return { line, column: end - start + 1 }
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c)

/** A character as a message shows it: `'x'`, or its code point when it does not print. */
const describe = (text: string, i: number): string => {
  const cp = text.codePointAt(i)
  if (cp === undefined) return 'the end of the input'
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(cp)}'`
}

/**
 * The offset and a message for the first syntax error of `text` as JSON, or `null` if `text` is
 * valid JSON. Iterative (an explicit stack), so any nesting depth is fine.
 */
export const findSyntaxError = (text: string): { readonly offset: number; readonly message: string } | null => {
  const n = text.length
  const stack: Array<'}' | ']'> = []
  let i = 0
  const err = (offset: number, message: string) => ({ offset, message })
  const skipSpace = () => {
    while (i < n) {
      const c = text[i]
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return
      i++
    }
  }
  /** Scans the string starting at the `"` at `i`; returns an error or null. */
  const string = () => {
    i++
    for (;;) {
      if (i >= n) return err(i, 'unterminated string: expected a closing \'"\'')
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return null
      }
      if (c < 0x20) return err(i, `${describe(text, i)} inside a string (write it as an escape, e.g. \\n)`)
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!isHex(text[i + k])) return err(i + k, `expected a hex digit in the \\u escape, got ${describe(text, i + k)}`)
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else return err(i + 1, `unknown escape \\${e ?? ''} (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`)
      } else i++
    }
  }
  /** Scans the number starting at `i` (a `-` or a digit). */
  const number = () => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else if (isDigit(text[i])) while (isDigit(text[i])) i++
    else return err(i, `expected a digit, got ${describe(text, i)}`)
    if (text[i] === '.') {
      i++
      if (!isDigit(text[i])) return err(i, `expected a digit after '.', got ${describe(text, i)}`)
      while (isDigit(text[i])) i++
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (!isDigit(text[i])) return err(i, `expected a digit in the exponent, got ${describe(text, i)}`)
      while (isDigit(text[i])) i++
    }
    return null
  }

  // The states of the scan: a value is expected, a property name is expected, or a value has ended.
  let state: 'value' | 'key' | 'after' = 'value'
  for (;;) {
    skipSpace()
    const c = text[i]
    if (state === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? '}' : ']')
        i++
        skipSpace()
        if (text[i] === stack[stack.length - 1]) {
          stack.pop()
          i++
          state = 'after'
        } else state = c === '{' ? 'key' : 'value'
      } else if (c === '"') {
        const e = string()
        if (e !== null) return e
        state = 'after'
      } else if (c === '-' || isDigit(c)) {
        const e = number()
        if (e !== null) return e
        state = 'after'
      } else {
        const word = /^[A-Za-z0-9_$]+/.exec(text.slice(i, i + 64))?.[0]
        if (word === 'true' || word === 'false' || word === 'null') {
          i += word.length
          state = 'after'
        } else if (word !== undefined) return err(i, `unexpected '${word}', expected a value (a string needs double quotes)`)
        else return err(i, `expected a value, got ${describe(text, i)}`)
      }
    } else if (state === 'key') {
      if (c !== '"') return err(i, `expected a property name in double quotes, got ${describe(text, i)}`)
      const e = string()
      if (e !== null) return e
      skipSpace()
      if (text[i] !== ':') return err(i, `expected ':' after the property name, got ${describe(text, i)}`)
      i++
      state = 'value'
    } else {
      const close = stack[stack.length - 1]
      if (close === undefined) return i < n ? err(i, `unexpected ${describe(text, i)} after the end of the JSON value`) : null
      if (c === ',') {
        i++
        state = close === '}' ? 'key' : 'value'
      } else if (c === close) {
        stack.pop()
        i++
      } else return err(i, `expected ',' or '${close}', got ${describe(text, i)}`)
    }
  }
}

/**
 * Parses `text` as JSON; on failure, the first syntax error with its line and column. A leading
 * byte order mark is skipped (it is not JSON, but editors write it).
 */
export const parseJson = (text: string): E.Either<JsonSyntaxError, unknown> => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return E.right(JSON.parse(body) as unknown)
  } catch (e) {
    // JSON.parse and the scan agree on what is JSON; should they ever not, keep JSON.parse's word.
    const found = findSyntaxError(body) ?? { offset: 0, message: e instanceof Error ? e.message : String(e) }
    return E.left({ ...found, ...lineColumn(body, found.offset) })
  }
}

/**
 * Reads and parses a JSON file. The left side is one line for the user:
 * `file: cannot read the file (…)` or `file:line:column: invalid JSON: …`.
 */
export const readJsonFile = (file: string): E.Either<string, unknown> => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    return E.left(`${file}: cannot read the file (${e instanceof Error ? e.message : String(e)})`)
  }
  return E.mapLeft((e: JsonSyntaxError) => `${file}:${e.line}:${e.column}: invalid JSON: ${e.message}`)(parseJson(text))
}
