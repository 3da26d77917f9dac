// The playground's script: a plain ES module on the library's ESM build (`npm run build`), with
// fp-ts and io-ts mapped to their ES module builds by the page's import map. It reads the
// requests, the pool and the staffing extras from the text areas, classifies the requests
// (`Intake.run`), staffs the pool (`decodeProblem`, `solve`), and replans when someone leaves
// (`Replan.replan`, `Replan.diff`, `Replan.disruption`, each shown with `Replan.toLines`).
// Every issue is shown with `Issue.render`. All text from the inputs goes into the page as text,
// never as HTML.
import { Catalogue, decodeProblem, Intake, Issue, Replan, SampleRequests, solve } from '../../dist/index.js'

const $ = (id) => document.getElementById(id)

/** An element with attributes and children (strings become text nodes). */
const h = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attributes)) {
    if (v === false || v === null || v === undefined) continue
    if (k === 'class') node.className = v
    else node.setAttribute(k, v === true ? '' : String(v))
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c)
  return node
}

const SEED = 1
const state = { sample: null, problem: null, plan: null, replan: null }
const language = () => $('language').value

// -------------------------------------------------------------------------------------
// status and issues
// -------------------------------------------------------------------------------------

const setStatus = (text, kind) => {
  $('status').textContent = text
  $('status').dataset.state = kind
}

const showIssues = (title, lines) => {
  const box = $('issues')
  box.replaceChildren(h('strong', {}, title), h('ul', {}, lines.map((l) => h('li', {}, h('code', {}, l)))))
  box.hidden = false
}

const clearIssues = () => {
  $('issues').hidden = true
  $('issues').replaceChildren()
}

/** The JSON of a text area, or `null` after showing where it is broken. */
const readJson = (id, label) => {
  try {
    return JSON.parse($(id).value)
  } catch (e) {
    showIssues(`${label}: not valid JSON`, [e instanceof Error ? e.message : String(e)])
    return null
  }
}

// -------------------------------------------------------------------------------------
// the sample
// -------------------------------------------------------------------------------------

const fillFromSample = () => {
  const { members, history, pinned, previous, apart, policy } = state.sample
  $('requests').value = JSON.stringify(SampleRequests.requests, null, 2)
  $('pool').value = JSON.stringify(members, null, 2)
  $('staffing').value = JSON.stringify({ history, pinned, previous, apart, policy }, null, 2)
}

// -------------------------------------------------------------------------------------
// classify
// -------------------------------------------------------------------------------------

const roleNames = new Map(Catalogue.defaultCatalogue.roles.map((r) => [r.id, r.name]))
const roleName = (id) => roleNames.get(id)?.[language()] ?? id
const score2 = (x) => (x === null ? '—' : x.toFixed(2))

/** The roles of derived slots, in words: `Direction, Budgeting, Content expertise (law, data)`. */
const rolesOf = (slots) => {
  const byRole = new Map()
  for (const s of slots) byRole.set(s.role, [...(byRole.get(s.role) ?? []), ...(s.discipline === null ? [] : [s.discipline])])
  return [...byRole].map(([role, ds]) => (ds.length === 0 ? roleName(role) : `${roleName(role)} (${ds.join(', ')})`)).join(', ')
}

/** Classifies the requests of the text areas; returns the intake result, or `null` after showing its issues. */
const classify = () => {
  clearIssues()
  const requests = readJson('requests', 'Requests')
  const pool = requests === null ? null : readJson('pool', 'Pool')
  const staffing = pool === null ? null : readJson('staffing', 'History, pins, previous plan, apart, policy')
  if (staffing === null) return null
  const result = Intake.run({ requests, pool, staffing, language: language() })
  if (result._tag === 'Left') {
    showIssues('The input has issues (requests[i] is the i-th request, pool[i] the i-th member)', Issue.render(result.left))
    return null
  }
  renderClassification(result.right)
  return result.right
}

const renderClassification = ({ standard, unclassified, staffed }) => {
  const rows = [
    ...staffed.map((s) => ({ ...s, next: `pool team: ${rolesOf(s.slots)} — ${s.slots.reduce((n, x) => n + x.hours, 0)} h/week` })),
    ...standard.map((s) => ({ ...s, next: s.classification.response.name[language()] })),
    ...unclassified.map((s) => ({ ...s, next: `answer first: ${s.classification.unanswered.map((q) => q.indicator).join(', ')}` })),
  ].sort((a, b) => (a.request.id < b.request.id ? -1 : 1))
  $('classification').tBodies[0].replaceChildren(
    ...rows.map(({ request, classification: c, next }) =>
      h(
        'tr',
        { 'data-request': request.id },
        h('td', {}, h('span', { class: 'title' }, request.title), h('br'), h('code', {}, request.id)),
        h('td', {}, h('span', { class: `mode mode-${c.mode}` }, c.mode)),
        h('td', { class: 'num' }, score2(c.predictability)),
        h('td', { class: 'num' }, score2(c.complexity)),
        h('td', {}, c.borderline === null ? '' : `${c.borderline.axes.map((a) => (a === 'predictability' ? 'P' : 'C')).join('+')} → ${c.borderline.alternative}`),
        h('td', {}, next),
      ),
    ),
  )
  $('classification-summary').textContent =
    `${rows.length} requests: ${staffed.length} for a pool team, ${standard.length} standard work for the standing teams, ` +
    `${unclassified.length} with questions still open. P: predictability, C: complexity (0..1; the threshold is 0.5).`
  $('classification-section').hidden = false
}

// -------------------------------------------------------------------------------------
// solve
// -------------------------------------------------------------------------------------

const fmt = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(2))

const renderPlan = (problem, plan) => {
  const name = new Map(problem.members.map((m) => [m.id, m.name]))
  const holder = new Map(plan.assignments.map((a) => [a.slot, a.member]))
  const reasons = new Map(plan.unfilled.map((u) => [u.slot, u.reasons]))
  const slots = problem.requests.reduce((n, r) => n + r.slots.length, 0)
  const priority = problem.requests.reduce((n, r) => n + r.priority * r.slots.length, 0)
  const { score, status, gap } = plan
  $('score').textContent =
    `${plan.assignments.length} of ${slots} slots filled · priority ${score.filled} of ${priority} · soft score ${fmt(score.soft)} · ` +
    (status === 'optimal' ? 'proven optimal' : `not proven optimal (gap ${(100 * (gap?.soft ?? 0)).toFixed(1)} %)`)

  $('teams').replaceChildren(
    ...problem.requests.map((r) =>
      h(
        'article',
        { class: 'team', 'data-request': r.id },
        h('h3', {}, r.title),
        h('p', { class: 'meta' }, `${r.id} · priority ${r.priority} · ${r.unit ?? 'any unit'} · ${r.period.from} – ${r.period.to}`),
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', {}, 'role'), h('th', { class: 'num' }, 'h/week'), h('th', {}, 'who'))),
          h(
            'tbody',
            {},
            r.slots.map((s) => {
              const member = holder.get(s.id)
              return h(
                'tr',
                { 'data-slot': s.id, class: member === undefined ? 'open' : null },
                h('td', {}, s.discipline === null ? roleName(s.role) : `${roleName(s.role)}: ${s.discipline}`),
                h('td', { class: 'num' }, fmt(s.hours)),
                h('td', {}, member === undefined ? 'open' : `${name.get(member)} (${member})`),
              )
            }),
          ),
        ),
      ),
    ),
  )

  $('open-slots').replaceChildren(
    plan.unfilled.length === 0
      ? h('p', {}, 'Every slot is filled.')
      : h(
          'div',
          {},
          h('p', {}, `Each reason counts the members of the pool (${problem.members.length}) who fail it first:`),
          ...plan.unfilled.map((u) =>
            h(
              'div',
              { class: 'open-slot', 'data-slot': u.slot },
              h('h3', {}, h('code', {}, u.slot)),
              h(
                'ul',
                {},
                (reasons.get(u.slot) ?? []).map((x) =>
                  h('li', {}, h('span', { class: 'count' }, String(x.count)), ' × ', h('strong', {}, x.constraint), ` — ${x.detail}`),
                ),
              ),
            ),
          ),
        ),
  )
  $('plan-section').hidden = false

  // the what-if: everyone in the pool, those with assignments first
  const load = new Map()
  for (const a of plan.assignments) load.set(a.member, (load.get(a.member) ?? 0) + 1)
  const members = [...problem.members].sort((a, b) => (load.get(b.id) ?? 0) - (load.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))
  $('leaver').replaceChildren(
    ...members.map((m) => {
      const n = load.get(m.id) ?? 0
      return h('option', { value: m.id }, `${m.name} (${m.id}) — ${n === 0 ? 'no slots' : n === 1 ? '1 slot' : `${n} slots`}`)
    }),
  )
  $('whatif').hidden = true
  $('whatif-section').hidden = false
}

const yieldToPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

const onSolve = async () => {
  const intake = classify()
  if (intake === null) return
  const decoded = decodeProblem(intake.problem)
  if (decoded._tag === 'Left') {
    showIssues('The staffing problem has issues (members[i] is the i-th member of the pool)', Issue.render(decoded.left))
    return
  }
  setStatus('Solving…', 'busy')
  await yieldToPaint()
  const started = performance.now()
  const plan = solve(decoded.right, { seed: SEED })
  state.problem = decoded.right
  state.plan = plan
  state.replan = null
  renderPlan(decoded.right, plan)
  setStatus(`Solved in ${Math.round(performance.now() - started)} ms (seed ${SEED}).`, 'solved')
}

// -------------------------------------------------------------------------------------
// what if someone leaves
// -------------------------------------------------------------------------------------

const renderReplan = () => {
  if (state.replan === null) return
  const { next, diff, disruption } = state.replan
  const lang = language()
  $('diff-lines').textContent = Replan.toLines(diff, lang).join('\n')
  const name = new Map(state.problem.members.map((m) => [m.id, m.name]))
  const notes = [
    diff.people.length === 0 ? '' : `Who is who: ${diff.people.map((id) => `${id} ${name.get(id) ?? ''}`).join(' · ')}.`,
    diff.delta.terms.continuity > 0 ? 'Continuity rises because the replanned problem rewards keeping the old plan.' : '',
    diff.delta.filled < 0 ? 'Filled priority drops where a slot is left open.' : '',
  ]
  $('people').textContent = notes.filter((n) => n !== '').join(' ')
  const dropped = next.droppedPins.length === 0 ? [] : Replan.toLines(next, lang)
  $('disruption-lines').textContent = [...Replan.toLines(disruption, lang), ...dropped].join('\n')
  $('whatif').hidden = false
}

const onLeave = async () => {
  if (state.plan === null) return
  clearIssues()
  const change = { _tag: 'memberLeaves', member: $('leaver').value, from: $('leave-date').value }
  const changes = Replan.decodeChanges([change])
  if (changes._tag === 'Left') return showIssues('The change has issues', Issue.render(changes.left))
  const next = Replan.replan(state.problem, state.plan, changes.right)
  if (next._tag === 'Left') return showIssues('The change has issues', Issue.render(next.left))
  setStatus('Replanning…', 'busy')
  await yieldToPaint()
  const after = solve(next.right.problem, { seed: SEED })
  state.replan = {
    next: next.right,
    diff: Replan.diff(state.plan, after),
    disruption: Replan.disruption(next.right.problem, state.plan, after),
  }
  renderReplan()
  setStatus(`Replanned: ${change.member} leaves from ${change.from}.`, 'replanned')
}

// -------------------------------------------------------------------------------------
// start
// -------------------------------------------------------------------------------------

const start = async () => {
  try {
    const response = await fetch('../sample-problem.json')
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
    state.sample = await response.json()
  } catch (e) {
    setStatus(`Could not read examples/sample-problem.json: ${e instanceof Error ? e.message : String(e)}`, 'error')
    return
  }
  fillFromSample()
  $('classify').addEventListener('click', () => {
    if (classify() !== null) setStatus('Classified.', 'classified')
  })
  $('solve').addEventListener('click', onSolve)
  $('leave').addEventListener('click', onLeave)
  $('reset').addEventListener('click', () => {
    fillFromSample()
    clearIssues()
    setStatus('The sample is back.', 'ready')
  })
  $('language').addEventListener('change', () => {
    if (!$('classification-section').hidden) classify()
    if (state.problem !== null && state.plan !== null) renderPlan(state.problem, state.plan)
    renderReplan()
  })
  for (const id of ['classify', 'solve', 'reset']) $(id).disabled = false
  setStatus(
    `Ready: ${SampleRequests.requests.length} requests and ${state.sample.members.length} people. Classify the requests, or solve straight away.`,
    'ready',
  )
}

start()
