#!/usr/bin/env node
// The import map of the browser playground (examples/playground/index.html), written between
// its `importmap:start` and `importmap:end` markers.
//
//   node scripts/playground-importmap.mjs           write it
//   node scripts/playground-importmap.mjs --check   exit 1 when it is out of date
//
// The library's ESM build imports `fp-ts/lib/<Module>.js` and `io-ts`. fp-ts's `lib/` is
// CommonJS, which a browser cannot import, so `fp-ts/lib/` maps to fp-ts's ES module build,
// `fp-ts/es6/`, and `io-ts` to `io-ts/es6/index.js`. Those ES modules import each other without
// file extensions (`./Apply`, `fp-ts/es6/Either`), which a browser does not resolve either: the
// map names the file of each such import. The entries come from the import statements of every
// module in fp-ts/es6 and io-ts/es6, so the map holds whatever module the library starts to use.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './tarball.mjs'

const page = join(root, 'examples', 'playground', 'index.html')
const pageDir = dirname(page)
const modules = join(root, 'node_modules')
const start = '<!-- importmap:start (written by scripts/playground-importmap.mjs) -->'
const end = '<!-- importmap:end -->'

/** A path as a URL relative to the page: `../../node_modules/fp-ts/es6/Apply`. */
const fromPage = (path) => relative(pageDir, path).split(sep).join('/')

const isFile = (path) => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The `.js` files of a folder, recursively. */
const jsFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  )

/** The specifiers of a module's static import and export-from statements (not those in comments). */
const specifiers = (text) =>
  [...text.matchAll(/^(?:import\s*['"]([^'"]+)['"]|(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"])/gm)].map((m) => m[1] ?? m[2])

/** The file a specifier without an extension means: `X.js`, or `X/index.js`. */
const fileOf = (base) => [`${base}.js`, join(base, 'index.js')].find(isFile)

/** The import map: `{ imports: { specifier or URL → URL } }`, keys sorted. */
export const importMap = () => {
  const imports = {
    'fp-ts/lib/': `${fromPage(join(modules, 'fp-ts', 'es6'))}/`,
    'io-ts': fromPage(join(modules, 'io-ts', 'es6', 'index.js')),
  }
  const problems = []
  for (const pkg of ['fp-ts', 'io-ts']) {
    for (const file of jsFiles(join(modules, pkg, 'es6'))) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.endsWith('.js')) continue
        const base = spec.startsWith('.') ? resolve(dirname(file), spec) : spec.startsWith('fp-ts/es6/') ? join(modules, spec) : null
        if (base === null) {
          problems.push(`${fromPage(file)} imports "${spec}", which the map cannot place`)
          continue
        }
        const target = fileOf(base)
        if (target === undefined) problems.push(`${fromPage(file)} imports "${spec}": no such module`)
        else imports[spec.startsWith('.') ? fromPage(base) : spec] = fromPage(target)
      }
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return { imports: Object.fromEntries(Object.entries(imports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }
}

/** The page with the current import map between the markers. */
export const pageWithMap = (html) => {
  const i = html.indexOf(start)
  const j = html.indexOf(end)
  if (i < 0 || j < i) throw new Error(`${fromPage(page)}: the importmap markers are missing`)
  const entries = Object.entries(importMap().imports).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  const script = `<script type="importmap">\n    {\n      "imports": {\n${entries.map((e) => `  ${e}`).join(',\n')}\n      }\n    }\n    </script>`
  return `${html.slice(0, i + start.length)}\n    ${script}\n    ${html.slice(j)}`
}

/** Whether the page's import map is current. */
export const importMapIsCurrent = () => {
  const html = readFileSync(page, 'utf8')
  return pageWithMap(html) === html
}

const main = () => {
  const html = readFileSync(page, 'utf8')
  const next = pageWithMap(html)
  if (process.argv.includes('--check')) {
    if (next !== html) {
      console.error('playground-importmap: the import map of examples/playground/index.html is out of date: run node scripts/playground-importmap.mjs')
      process.exit(1)
    }
    console.log('playground-importmap: the import map is current')
    return
  }
  if (next !== html) writeFileSync(page, next)
  console.log(`playground-importmap: ${Object.keys(importMap().imports).length} entries ${next === html ? 'already current' : 'written'}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
