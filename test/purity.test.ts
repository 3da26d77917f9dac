/**
 * Purity of `src/`: the library never reads the clock, draws randomness, logs, touches the
 * process, schedules timers, loads Node built-ins or throws; and it type-checks without Node's
 * types. Every rule reports `file:line` so a failure says exactly where to look.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const srcDir = join(root, 'src')

// ---- scanning ---------------------------------------------------------------------------

/**
 * Two views of a source text with the same line structure: `code` with comments blanked, and
 * `bare` with comments and the contents of string, template and regex literals blanked too
 * (the `${…}` parts of templates stay, they are code).
 */
const views = (text: string): { code: string; bare: string } => {
  const code: Array<string> = []
  const bare: Array<string> = []
  const push = (ch: string, inCode: string, inBare: string) => {
    code.push(ch === '\n' ? '\n' : inCode)
    bare.push(ch === '\n' ? '\n' : inBare)
  }
  const templateDepth: Array<number> = [] // brace depth at which each open template resumes
  let braces = 0
  let i = 0
  let last = '' // last significant code character, to tell a regex from a division
  const regexCanStart = () => last === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(last) || /\b(return|typeof|case|in|of|void)$/.test(code.slice(-8).join(''))
  const readString = (quote: string) => {
    push(text[i]!, quote, quote)
    i++
    while (i < text.length) {
      const ch = text[i]!
      if (ch === '\\') {
        push(ch, ch, ' ')
        if (i + 1 < text.length) push(text[i + 1]!, text[i + 1]!, ' ')
        i += 2
        continue
      }
      if (ch === quote) {
        push(ch, ch, ch)
        i++
        return
      }
      if (quote === '`' && ch === '$' && text[i + 1] === '{') {
        push(ch, ch, ch)
        push('{', '{', '{')
        i += 2
        templateDepth.push(braces)
        braces++
        return
      }
      if (ch === '\n' && quote !== '`') return
      push(ch, ch, ' ')
      i++
    }
  }
  while (i < text.length) {
    const ch = text[i]!
    const next = text[i + 1]
    if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') push(text[i++]!, ' ', ' ')
      continue
    }
    if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end === -1 ? text.length : end + 2
      while (i < stop) {
        const c = text[i++]!
        push(c, ' ', ' ')
      }
      continue
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      readString(ch)
      last = ch
      continue
    }
    if (ch === '/' && regexCanStart()) {
      push(ch, ch, ch)
      i++
      let inClass = false
      while (i < text.length && text[i] !== '\n') {
        const c = text[i]!
        if (c === '\\') {
          push(c, c, ' ')
          if (i + 1 < text.length) push(text[i + 1]!, text[i + 1]!, ' ')
          i += 2
          continue
        }
        if (c === '[') inClass = true
        else if (c === ']') inClass = false
        else if (c === '/' && !inClass) break
        push(c, c, ' ')
        i++
      }
      if (i < text.length && text[i] === '/') {
        push('/', '/', '/')
        i++
      }
      last = '/'
      continue
    }
    if (ch === '{') braces++
    if (ch === '}') {
      braces--
      if (templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === braces) {
        templateDepth.pop()
        // resume the template literal after `}`
        push(ch, ch, ch)
        i++
        i-- // readString starts by echoing the current character: step back onto the `}`
        code.pop()
        bare.pop()
        readString('`')
        last = '`'
        continue
      }
    }
    push(ch, ch, ch)
    if (!/\s/.test(ch)) last = ch
    i++
  }
  return { code: code.join(''), bare: bare.join('') }
}

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'worker_threads', 'crypto', 'util', 'events', 'stream', 'timers', 'process', 'buffer', 'url', 'vm', 'zlib', 'perf_hooks']
const builtinSpecifier = `(?:node:[^'"]*|(?:${nodeBuiltins.join('|')})(?:/[^'"]*)?)`

/** Rules checked on `bare` (comments and literal contents blanked). */
const codeRules: ReadonlyArray<readonly [string, RegExp]> = [
  ['clock: Date', /(?<![\w$.])Date\s*[.(]|\bnew\s+Date\b/],
  ['clock: performance.now', /(?<![\w$.])performance\s*\./],
  ['randomness: Math.random', /\bMath\s*\.\s*random\b/],
  ['randomness: crypto', /(?<![\w$.])crypto\s*\./],
  ['console', /(?<![\w$.])console\s*\./],
  ['process', /(?<![\w$.])process\s*[.[]/],
  ['timers', /(?<![\w$.])(setTimeout|setInterval|setImmediate|queueMicrotask)\s*\(/],
  ['I/O: fetch', /(?<![\w$.])fetch\s*\(/],
  ['require', /(?<![\w$.])require\s*\(/],
  ['throw', /(?<![\w$.])throw\b/],
]

/** Rules checked on `code` (comments blanked, strings kept): imports of Node built-ins. */
const importRules: ReadonlyArray<readonly [string, RegExp]> = [
  ['Node built-in import', new RegExp(`\\bfrom\\s*['"]${builtinSpecifier}['"]`)],
  ['Node built-in import', new RegExp(`\\bimport\\s*\\(?\\s*['"]${builtinSpecifier}['"]`)],
]

interface Finding {
  readonly where: string
  readonly rule: string
  readonly text: string
}

const scan = (name: string, text: string): ReadonlyArray<Finding> => {
  const { code, bare } = views(text)
  const codeLines = code.split('\n')
  const bareLines = bare.split('\n')
  const sourceLines = text.split('\n')
  const out: Array<Finding> = []
  sourceLines.forEach((line, k) => {
    for (const [rule, re] of codeRules) {
      if (re.test(bareLines[k] ?? '')) out.push({ where: `${name}:${k + 1}`, rule, text: line.trim() })
    }
    for (const [rule, re] of importRules) {
      if (re.test(codeLines[k] ?? '')) out.push({ where: `${name}:${k + 1}`, rule, text: line.trim() })
    }
  })
  return out
}

const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|mts|cts|js)$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort()

const render = (fs: ReadonlyArray<Finding>) => fs.map((f) => `${f.where}: ${f.rule}: ${f.text}`).join('\n')

// ---- the scanner itself ----------------------------------------------------------------

describe('the purity scanner', () => {
  it('flags each forbidden construct with its line', () => {
    const bad = [
      "import { readFileSync } from 'node:fs'",
      "import * as path from 'path'",
      'const t = Date.now()',
      'const d = new Date(0)',
      'const r = Math.random()',
      'console.log(1)',
      'const e = process.env',
      'setTimeout(f, 1)',
      "const m = require('x')",
      "throw new Error('no')",
      'const p = performance.now()',
      "import('node:os')",
    ].join('\n')
    const found = scan('bad.ts', bad)
    expect(found.map((f) => f.where)).toEqual([
      'bad.ts:1', 'bad.ts:2', 'bad.ts:3', 'bad.ts:4', 'bad.ts:5', 'bad.ts:6',
      'bad.ts:7', 'bad.ts:8', 'bad.ts:9', 'bad.ts:10', 'bad.ts:11', 'bad.ts:12',
    ])
    expect(found.map((f) => f.rule)).toContain('throw')
    expect(found.map((f) => f.rule)).toContain('Node built-in import')
  })

  it('ignores mentions in comments, strings, templates and regexes, and look-alike names', () => {
    const fine = [
      '/** Never calls Date.now() or console.log, and does not throw. */',
      '// process.env and setTimeout( are not used here',
      "const msg = 'the process. ends; throw it away; new Date('",
      'const t = `Date.now() ${x + 1} console.log`',
      "const re = /new Date\\(|throw /u",
      'const isoDate = parseDate(s); const y = IsoDate.parse(s); o.process.x = 1',
      "import * as E from 'fp-ts/lib/Either.js'",
      "import { Foo } from './fs.js'",
    ].join('\n')
    expect(render(scan('fine.ts', fine))).toBe('')
  })

  it('keeps scanning code after a template literal with substitutions', () => {
    const text = 'const a = `x ${`y ${z}`} w`\nconsole.log(a)'
    expect(scan('t.ts', text).map((f) => f.where)).toEqual(['t.ts:2'])
  })
})

// ---- src/ -----------------------------------------------------------------------------

describe('src/ is pure and total', () => {
  const files = sourceFiles(srcDir)

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0)
    expect(files.map((f) => relative(root, f))).toContain(join('src', 'index.ts'))
  })

  it('never touches the clock, randomness, console, process, timers, Node built-ins, require, or throws', () => {
    const findings = files.flatMap((f) => scan(relative(root, f), readFileSync(f, 'utf8')))
    expect(render(findings)).toBe('')
  })

  it('type-checks under tsconfig.src.json (no Node types)', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    let output = ''
    let status = 0
    try {
      execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.src.json'), '--noEmit'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    } catch (e) {
      const err = e as { status?: number; stdout?: string; stderr?: string }
      status = err.status ?? 1
      output = `${err.stdout ?? ''}${err.stderr ?? ''}`
    }
    expect(output).toBe('')
    expect(status).toBe(0)
  })
})
