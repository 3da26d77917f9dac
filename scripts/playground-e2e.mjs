#!/usr/bin/env node
// End-to-end test of the browser playground (`npm run test:playground`, after `npm run build`):
// serves the repository with scripts/serve.mjs, opens examples/playground/ in Chromium (Debian's
// package, driven by playwright-core; no browser is downloaded), waits for the library to load,
// classifies, solves and replans as a person would, and checks what the page shows: the
// classification table, the teams with a known member, the open slot with its reasons, and the
// lines of the replan after a member leaves. Saves a screenshot to artifacts/playground.png.
//
// The browser: $CHROMIUM_PATH, or the first of /usr/bin/chromium, /usr/bin/chromium-browser,
// /usr/bin/google-chrome that exists (`apt-get install chromium` on Debian). The whole run is
// bounded: it gives up after 3 minutes.
import { existsSync, mkdirSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { importMapIsCurrent } from './playground-importmap.mjs'
import { serve } from './serve.mjs'
import { requireBuild, root } from './tarball.mjs'

const label = 'playground-e2e'
const deadline = setTimeout(() => {
  console.error(`${label}: FAILED — still running after 3 minutes`)
  process.exit(1)
}, 180_000)
deadline.unref()

requireBuild(label)

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
const executablePath = candidates.find((p) => p !== undefined && p !== '' && existsSync(p))
if (executablePath === undefined) {
  console.error(`${label}: FAILED — no Chromium found (tried ${candidates.filter(Boolean).join(', ')}); install it with \`apt-get install chromium\` or set CHROMIUM_PATH`)
  process.exit(1)
}

let passed = 0
let failed = 0
const check = (what, ok, detail = '') => {
  if (ok) passed++
  else failed++
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}${!ok && detail !== '' ? `\n    ${detail}` : ''}`)
}

const { url, close } = await serve({ lifetimeMs: 170_000 })
const browser = await chromium.launch({ executablePath })
const problems = []
try {
  check('the import map of index.html is current (node scripts/playground-importmap.mjs)', importMapIsCurrent())

  // the server: read-only, no dotfiles, nothing outside the repository
  const raw = (method, path) =>
    new Promise((done, reject) => {
      const req = request(new URL(url), { method, path }, (res) => {
        res.resume()
        done(res.statusCode)
      })
      req.on('error', reject)
      req.end()
    })
  const codes = {
    page: await raw('GET', '/examples/playground/'),
    folder: await raw('GET', '/examples/playground'),
    post: await raw('POST', '/README.md'),
    dotfile: await raw('GET', '/.gitignore'),
    outside: await raw('GET', '/../../etc/passwd'),
    encoded: await raw('GET', '/examples/..%2f..%2f..%2fetc/passwd'),
  }
  check(
    'the server serves the page, redirects a folder to its slash, and refuses writes, dotfiles and paths outside the repository',
    codes.page === 200 && codes.folder === 301 && codes.post === 405 && codes.dotfile === 404 && codes.outside === 404 && codes.encoded === 404,
    JSON.stringify(codes),
  )

  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`))
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`))
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`))

  const address = `${url}examples/playground/`
  console.log(`${label}: ${executablePath} (${browser.version()}) on ${address}`)
  await page.goto(address)
  await page.waitForSelector('#status[data-state="ready"], #status[data-state="error"]', { timeout: 30_000 })
  const status = await page.textContent('#status')
  check('the library loads in the browser and the sample fills the inputs', (await page.getAttribute('#status', 'data-state')) === 'ready', status ?? '')
  const pool = JSON.parse(await page.inputValue('#pool'))
  check('the pool is the sample problem’s forty members', Array.isArray(pool) && pool.length === 40, `${pool.length} members`)

  // classify
  await page.click('#classify')
  await page.waitForSelector('#classification tbody tr')
  const modes = await page.$$eval('#classification tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-request'), r.querySelector('.mode')?.textContent])),
  )
  check('eleven requests are classified', Object.keys(modes).length === 11, JSON.stringify(modes))
  check(
    'the crisis is agile, the dormer permit standard, the vacant street unclassified',
    modes['jeugdzorg-wachtlijsten'] === 'agile' && modes['vergunning-dakkapel'] === 'standard' && modes['leegstand-langestraat'] === 'unclassified',
    JSON.stringify(modes),
  )
  const opvang = await page.textContent('#classification tr[data-request="opvang-zuid"]')
  check('a borderline case shows its alternative mode', opvang?.includes('P → specialist') === true, opvang ?? '')

  // solve
  await page.click('#solve')
  await page.waitForSelector('#teams .team', { timeout: 60_000 })
  const teams = await page.$$eval('#teams .team', (ts) => ts.map((t) => t.getAttribute('data-request')))
  check('eight teams are staffed', teams.length === 8, JSON.stringify(teams))
  const score = (await page.textContent('#score')) ?? ''
  check('the score line: 39 of 40 slots, priority 138, proven optimal', /39 of 40 slots filled · priority 138 of \d+ .*proven optimal/.test(score), score)
  const director = (await page.textContent('#teams tr[data-slot="jeugdzorg-wachtlijsten/direction"]')) ?? ''
  check('Hanneke de Graaf directs the youth-care crisis team (pinned)', director.includes('Hanneke de Graaf (m24)'), director)
  const openRow = (await page.textContent('#teams tr.open')) ?? ''
  check('the open slot is marked in its team', openRow.includes('open') && openRow.includes('youth-care'), openRow)
  const open = await page.$$eval('#open-slots .open-slot', (els) => els.map((e) => ({ slot: e.getAttribute('data-slot'), text: e.textContent })))
  check(
    'the open slot is listed with its reasons, counted over the pool',
    open.length === 1 && open[0].slot === 'jeugdzorg-wachtlijsten/content-youth-care' && /33\s*×\s*discipline — discipline youth-care missing/.test(open[0].text),
    JSON.stringify(open),
  )

  // a member leaves
  await page.selectOption('#leaver', 'm01')
  await page.fill('#leave-date', '2027-07-01')
  await page.click('#leave')
  await page.waitForSelector('#whatif:not([hidden])', { timeout: 60_000 })
  const diff = ((await page.textContent('#diff-lines')) ?? '').split('\n')
  const disruption = ((await page.textContent('#disruption-lines')) ?? '').split('\n')
  check(
    'the replan diff shows her assignments moving and the slot she leaves open',
    diff.includes('~ armoedebeleid/direction: m01 → m31') &&
      diff.includes('~ fietsbrug/direction: m01 → m10') &&
      diff.includes('- binnenstad-nacht/content-social-domain: m01'),
    diff.join(' | '),
  )
  check('the disruption: 3 changed, all forced by the change', disruption[0] === '3 assignments changed: 3 forced by the changes, 0 beyond them', disruption.join(' | '))

  // in Dutch
  await page.selectOption('#language', 'nl')
  const dutch = ((await page.textContent('#disruption-lines')) ?? '').split('\n')[0] ?? ''
  check('the replan lines switch to Dutch', dutch !== disruption[0] && /3/.test(dutch), dutch)
  await page.selectOption('#language', 'en')

  // a broken input shows readable issues
  const poolText = await page.inputValue('#pool')
  await page.fill('#pool', poolText.replace('"capacity": 36', '"capacity": -36'))
  await page.click('#solve')
  await page.waitForSelector('#issues:not([hidden])')
  const issues = (await page.textContent('#issues')) ?? ''
  check('a broken pool shows the issue with its path and the member id', /pool\[\d+\] \(m\d+\)\.capacity: .*\(range\)/.test(issues), issues)
  await page.fill('#pool', poolText)
  await page.click('#solve')
  await page.waitForSelector('#issues', { state: 'hidden' })
  await page.click('#leave')
  await page.waitForSelector('#whatif:not([hidden])')

  mkdirSync(join(root, 'artifacts'), { recursive: true })
  const shot = join(root, 'artifacts', 'playground.png')
  await page.evaluate(() => window.scrollTo(0, 0)) // the inputs are sticky: show them at the top
  await page.screenshot({ path: shot, fullPage: true })
  console.log(`${label}: screenshot ${shot}`)
  check('no errors in the page (scripts, requests)', problems.length === 0, problems.join('\n    '))
} catch (e) {
  failed++
  console.log(`not ok - the run stopped: ${e instanceof Error ? e.message : String(e)}`)
  if (problems.length > 0) console.log(`    ${problems.join('\n    ')}`)
} finally {
  await browser.close()
  await close()
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
