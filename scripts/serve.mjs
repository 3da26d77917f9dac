#!/usr/bin/env node
// A tiny static file server for the browser playground and its test: it serves the repository
// read-only (GET and HEAD only; no dotfiles, nothing outside the repository, no directory
// listings) on 127.0.0.1, and closes itself after a while.
//
//   node scripts/serve.mjs [--port N] [--minutes N]
//
// prints the playground's address (`http://127.0.0.1:<port>/examples/playground/`); the port is a
// free one the system picks unless `--port` names one, and the server stops after 30 minutes
// unless `--minutes` says otherwise (or on Ctrl-C). `npm run build` first: the page loads
// `dist/index.js`. Other scripts import `serve` (see scripts/playground-e2e.mjs).
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './tarball.mjs'

/** Content types of the files the playground needs (and a few more); anything else is bytes. */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/** The file a URL path names under `dir`, or why not: `null` for 404, `{ redirect }` for a folder without its `/`. */
const locate = (dir, pathname) => {
  let path
  try {
    path = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.split('/').some((s) => s.startsWith('.') && s !== '')) return null // no dotfiles, no ..
  const file = resolve(dir, `.${path}`)
  if (file !== dir && !file.startsWith(dir + sep)) return null
  let stat
  try {
    stat = statSync(file)
  } catch {
    return null
  }
  if (stat.isDirectory()) {
    // relative URLs in a page resolve against its folder only when the address ends in '/'
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` }
    const index = join(file, 'index.html')
    try {
      return statSync(index).isFile() ? { file: index } : null
    } catch {
      return null
    }
  }
  return stat.isFile() ? { file } : null
}

/**
 * Starts the server on `host:port` (port 0: a free one) for `dir`. Resolves to its base `url` and
 * `close()`, which stops it (also called by itself after `lifetimeMs`).
 */
export const serve = ({ dir = root, host = '127.0.0.1', port = 0, lifetimeMs = 30 * 60_000, log = () => {} } = {}) =>
  new Promise((resolveServer, reject) => {
    const base = resolve(dir)
    const server = createServer((req, res) => {
      const send = (status, text, headers = {}) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
        res.end(req.method === 'HEAD' ? undefined : text)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'read-only\n', { allow: 'GET, HEAD' })
      const { pathname } = new URL(req.url ?? '/', 'http://localhost')
      const found = locate(base, pathname)
      log(`${req.method} ${pathname} ${found === null ? 404 : found.redirect ? 301 : 200}`)
      if (found === null) return send(404, 'not found\n')
      if (found.redirect) return send(301, 'moved\n', { location: found.redirect })
      res.writeHead(200, {
        'content-type': types[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      })
      if (req.method === 'HEAD') return res.end()
      createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res)
    })
    let timer
    const close = () =>
      new Promise((done) => {
        clearTimeout(timer)
        server.close(() => done())
        server.closeAllConnections()
      })
    server.on('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      timer = setTimeout(close, lifetimeMs)
      timer.unref()
      resolveServer({ url: `http://${host}:${address.port}/`, close, server })
    })
  })

const main = async () => {
  const args = process.argv.slice(2)
  const option = (name, fallback) => {
    const i = args.indexOf(name)
    if (i < 0) return fallback
    const n = Number(args[i + 1])
    if (!Number.isInteger(n) || n < 0) {
      console.error(`serve: ${name} needs a whole number, got ${args[i + 1] ?? 'nothing'}`)
      process.exit(1)
    }
    return n
  }
  const minutes = option('--minutes', 30)
  const { url, close } = await serve({ port: option('--port', 0), lifetimeMs: minutes * 60_000 })
  console.log(`Serving ${root} read-only at ${url}`)
  console.log(`The playground: ${url}examples/playground/   (stops in ${minutes} minute${minutes === 1 ? '' : 's'}, or Ctrl-C)`)
  const stop = () => close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // keep the process alive exactly as long as the server lives
  setTimeout(stop, minutes * 60_000)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
