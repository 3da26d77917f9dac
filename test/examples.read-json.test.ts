/**
 * examples/read-json.ts: JSON syntax errors as `file:line:column: message` — the offset→line and
 * column mapping, the scan that finds the first error where `JSON.parse` gives no offset, and
 * the file reader the file examples use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findSyntaxError, lineColumn, parseJson, readJsonFile } from '../examples/read-json.js'

/** The error of `text`, as line:column and message. */
const errorOf = (text: string) => {
  const r = parseJson(text)
  return r._tag === 'Left' ? { at: `${r.left.line}:${r.left.column}`, offset: r.left.offset, message: r.left.message } : null
}

describe('lineColumn', () => {
  it('counts lines from 1 and columns from 1, with \\n, \\r\\n and a lone \\r as line ends', () => {
    const text = 'ab\ncd\r\nef\rgh'
    const at = (offset: number) => { const p = lineColumn(text, offset); return `${p.line}:${p.column}` }
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(at)).toEqual([
      '1:1', '1:2', '1:3', // a b \n
      '2:1', '2:2', '2:3', '2:4', // c d \r \n
      '3:1', '3:2', '3:3', // e f \r
      '4:1', '4:2', '4:3', // g h, end of input
    ])
  })

  it('puts the end of input after a final line end on the next line, column 1', () => {
    expect(lineColumn('{}\n', 3)).toEqual({ line: 2, column: 1 })
    expect(lineColumn('{}\r\n', 4)).toEqual({ line: 2, column: 1 })
    expect(lineColumn('', 0)).toEqual({ line: 1, column: 1 })
  })
})

describe('parseJson', () => {
  it('returns the value of valid JSON, skipping a byte order mark', () => {
    expect(parseJson('{"a": [1, 2.5e3, "x\\n", true, null]}')).toEqual({ _tag: 'Right', right: { a: [1, 2500, 'x\n', true, null] } })
    expect(parseJson('\uFEFF[1]')).toEqual({ _tag: 'Right', right: [1] })
  })

  it('places an error on the first line', () => {
    expect(errorOf('{"a":}')).toEqual({ at: '1:6', offset: 5, message: "expected a value, got '}'" })
    expect(errorOf('[1,]')).toEqual({ at: '1:4', offset: 3, message: "expected a value, got ']'" })
    expect(errorOf("{'a': 1}")).toEqual({ at: '1:2', offset: 1, message: "expected a property name in double quotes, got '''" })
  })

  it('places an error on a later line (JSON.parse names no offset for this one)', () => {
    const text = '{\n  "members": [\n    { "id": "m1", "hours": 32 },\n    { "id": m2 }\n  ]\n}\n'
    expect(errorOf(text)).toEqual({ at: '4:13', offset: 62, message: "unexpected 'm2', expected a value (a string needs double quotes)" })
    expect(errorOf('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}')).toEqual({ at: '4:3', offset: 23, message: "expected ',' or '}', got '\"'" })
  })

  it('counts CRLF line ends as one', () => {
    expect(errorOf('{\r\n  "a": 1,\r\n}\r\n')).toEqual({ at: '3:1', offset: 14, message: "expected a property name in double quotes, got '}'" })
    expect(errorOf('[\r\n1,\r\n2\r\n3]')).toEqual({ at: '4:1', offset: 10, message: "expected ',' or ']', got '3'" })
  })

  it('places an error at the end of the input', () => {
    expect(errorOf('{"a": [1, 2')).toEqual({ at: '1:12', offset: 11, message: "expected ',' or ']', got the end of the input" })
    expect(errorOf('{\n  "a": [1, 2]\n')).toEqual({ at: '3:1', offset: 16, message: "expected ',' or '}', got the end of the input" })
    expect(errorOf('')).toEqual({ at: '1:1', offset: 0, message: 'expected a value, got the end of the input' })
    expect(errorOf('{"a": "open')).toEqual({ at: '1:12', offset: 11, message: 'unterminated string: expected a closing \'"\'' })
  })

  it('names what is wrong inside strings and numbers, and after the value', () => {
    expect(errorOf('["a\nb"]')).toEqual({ at: '1:4', offset: 3, message: 'U+000A inside a string (write it as an escape, e.g. \\n)' })
    expect(errorOf('["\\q"]')).toEqual({ at: '1:4', offset: 3, message: 'unknown escape \\q (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)' })
    expect(errorOf('["\\u12G4"]')).toEqual({ at: '1:7', offset: 6, message: "expected a hex digit in the \\u escape, got 'G'" })
    expect(errorOf('[1.]')).toEqual({ at: '1:4', offset: 3, message: "expected a digit after '.', got ']'" })
    expect(errorOf('[-]')).toEqual({ at: '1:3', offset: 2, message: "expected a digit, got ']'" })
    expect(errorOf('[1e+]')).toEqual({ at: '1:5', offset: 4, message: "expected a digit in the exponent, got ']'" })
    expect(errorOf('{} {}')).toEqual({ at: '1:4', offset: 3, message: "unexpected '{' after the end of the JSON value" })
    expect(errorOf('{"a" 1}')).toEqual({ at: '1:6', offset: 5, message: "expected ':' after the property name, got '1'" })
  })

  it('scans deep nesting without recursion', () => {
    expect(findSyntaxError('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull()
    expect(findSyntaxError('['.repeat(100_000))?.offset).toBe(100_000)
  })
})

describe('findSyntaxError agrees with JSON.parse', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text)
      return true
    } catch {
      return false
    }
  }

  it('finds no error in valid JSON, pretty-printed or not', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(0, 2, '\t'), (text, indent) => {
        const pretty = JSON.stringify(JSON.parse(text), null, indent)
        expect(findSyntaxError(text)).toBeNull()
        expect(findSyntaxError(pretty)).toBeNull()
      }),
      { numRuns: 300 },
    )
  })

  it('finds an error exactly when JSON.parse fails, on JSON-like noise', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '\r', '"', '"a"', '\\', '\\u00e9', '1', '-', '0', '.', 'e', '+', 'true', 'nul', 'null', 'x', '\t', '\u0001')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('')
        const found = findSyntaxError(text)
        expect(found === null, JSON.stringify(text)).toBe(parses(text))
        if (found !== null) expect(found.offset).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: 3000 },
    )
  })

  it('finds an error in valid JSON with one character deleted or changed, exactly when JSON.parse does', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n'), (json, k, c) => {
        const text = JSON.stringify(JSON.parse(json), null, 2)
        const at = k % (text.length + 1)
        const broken = text.slice(0, at) + c + text.slice(at + 1)
        expect(findSyntaxError(broken) === null, JSON.stringify(broken)).toBe(parses(broken))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('readJsonFile', () => {
  it('gives the value, or file:line:column: invalid JSON: …, or file: cannot read the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wendbaar-read-json-'))
    try {
      const good = join(dir, 'good.json')
      const bad = join(dir, 'bad.json')
      writeFileSync(good, '{ "a": 1 }\n')
      writeFileSync(bad, '{\r\n  "a": 1\r\n  "b": 2\r\n}\r\n')
      expect(readJsonFile(good)).toEqual({ _tag: 'Right', right: { a: 1 } })
      expect(readJsonFile(bad)).toEqual({ _tag: 'Left', left: `${bad}:3:3: invalid JSON: expected ',' or '}', got '"'` })
      const missing = readJsonFile(join(dir, 'missing.json'))
      expect(missing._tag === 'Left' && missing.left.startsWith(`${join(dir, 'missing.json')}: cannot read the file (ENOENT`)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
