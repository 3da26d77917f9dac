/**
 * A built-in sample: the pool of a (fictional) Dutch municipality, forty people strong, and
 * eight requests it faces in 2027 — from a neighbourhood energy transition to a youth-care
 * waiting-list crisis — in the JSON format of a staffing problem (see the scoring reference
 * guide).
 *
 * The sample is plain data, exactly what an app would send: run it through
 * `decodeProblem` to get a {@link Problem.ValidProblem}. The examples, the guides and the
 * package smoke test all use it. It has a little of everything: units (`centrum`, `noord`,
 * `zuid`), availability windows (a new hire, a parental leave, someone leaving in September),
 * preferences and development goals, a short history (two teams recent enough to count for
 * rotation, one not), one pin, one entry of a previous plan, one `apart` pair, an exclusion
 * and a policy. The pin satisfies every hard constraint, so the sample always decodes.
 *
 * The pool is rich but not endless: every slot but one can be filled. The youth-care crisis
 * asks a youth-care expert for 20 hours a week from January to June, and none of the pool's
 * five youth-care people has that much time free then — so a plan shows that slot open, with
 * the reasons counted over the whole pool.
 *
 * The exported values are frozen (deeply): copy one to change it.
 *
 * @since 0.1.0
 * @module
 */
import type * as Problem from '../staffing/Problem.js'
import { deepFreeze } from '../kernel/internal/freeze.js'
import { members } from './internal/pool.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const roles = [
  {
    id: 'budget',
    name: 'Budgeting',
    qualities: [
      { quality: 'analysis', min: 2, weight: 1 },
      { quality: 'financial-acumen', min: 3, weight: 2 },
    ],
  },
  {
    id: 'content',
    name: 'Content expertise',
    qualities: [
      { quality: 'analysis', min: 2, weight: 1 },
      { quality: 'expertise', min: 3, weight: 2 },
    ],
  },
  {
    id: 'direction',
    name: 'Direction',
    qualities: [
      { quality: 'collaboration', min: 2, weight: 1 },
      { quality: 'leadership', min: 3, weight: 2 },
    ],
  },
  {
    id: 'network',
    name: 'Network building',
    qualities: [
      { quality: 'communication', min: 2, weight: 1 },
      { quality: 'networking', min: 3, weight: 2 },
    ],
  },
  {
    id: 'politics',
    name: 'Political alignment',
    qualities: [
      { quality: 'communication', min: 2, weight: 1 },
      { quality: 'political-sensitivity', min: 3, weight: 2 },
    ],
  },
]

const slot = (request: string, role: string, hours: number, discipline?: string) =>
  discipline === undefined
    ? { id: `${request}/${role}`, role, hours }
    : { id: `${request}/${role}-${discipline}`, role, hours, discipline }

const requests = [
  // agile — a multidisciplinary pool team: the default catalogue's agile hours
  {
    id: 'energie-noord',
    title: 'Wijkaanpak energietransitie Noord',
    priority: 4,
    unit: 'noord',
    period: { from: '2027-02-01', to: '2027-09-30' },
    slots: [
      slot('energie-noord', 'direction', 8),
      slot('energie-noord', 'budget', 6),
      slot('energie-noord', 'politics', 6),
      slot('energie-noord', 'content', 20, 'spatial-planning'),
      slot('energie-noord', 'content', 20, 'environment'),
      slot('energie-noord', 'network', 8),
    ],
  },
  // agile — a multidisciplinary pool team: the default catalogue's agile hours
  {
    id: 'jeugdzorg-wachtlijsten',
    title: 'Crisisaanpak wachtlijsten jeugdzorg',
    priority: 5,
    period: { from: '2027-01-15', to: '2027-06-30' },
    slots: [
      slot('jeugdzorg-wachtlijsten', 'direction', 8),
      slot('jeugdzorg-wachtlijsten', 'politics', 6),
      slot('jeugdzorg-wachtlijsten', 'content', 20, 'youth-care'),
      slot('jeugdzorg-wachtlijsten', 'content', 20, 'social-domain'),
      slot('jeugdzorg-wachtlijsten', 'content', 20, 'law'),
      slot('jeugdzorg-wachtlijsten', 'network', 8),
    ],
  },
  // agile — a multidisciplinary pool team: the default catalogue's agile hours
  {
    id: 'opvang-zuid',
    title: 'Opvang asielzoekers in Zuid',
    priority: 5,
    unit: 'zuid',
    period: { from: '2027-03-01', to: '2027-12-31' },
    excluded: ['m23'],
    slots: [
      slot('opvang-zuid', 'direction', 8),
      slot('opvang-zuid', 'budget', 6),
      slot('opvang-zuid', 'politics', 6),
      slot('opvang-zuid', 'content', 20, 'social-domain'),
      slot('opvang-zuid', 'content', 20, 'law'),
      slot('opvang-zuid', 'network', 8),
    ],
  },
  // specialist — expert-led: the default catalogue's specialist hours
  {
    id: 'fietsbrug',
    title: 'Nieuwe fietsbrug over het kanaal',
    priority: 3,
    unit: 'centrum',
    period: { from: '2027-04-01', to: '2027-12-31' },
    slots: [
      slot('fietsbrug', 'direction', 4),
      slot('fietsbrug', 'budget', 4),
      slot('fietsbrug', 'content', 16, 'spatial-planning'),
      slot('fietsbrug', 'content', 16, 'procurement'),
      slot('fietsbrug', 'network', 4),
    ],
  },
  // exploratory — a small, short probe: the default catalogue's exploratory hours
  {
    id: 'datagedreven',
    title: 'Datagedreven werken in het sociaal domein',
    priority: 2,
    period: { from: '2027-02-01', to: '2027-07-31' },
    slots: [
      slot('datagedreven', 'direction', 4),
      slot('datagedreven', 'content', 8, 'data'),
      slot('datagedreven', 'content', 8, 'ict'),
      slot('datagedreven', 'content', 8, 'law'),
    ],
  },
  // agile — a multidisciplinary pool team: the default catalogue's agile hours
  {
    id: 'binnenstad-nacht',
    title: 'Leefbaarheid binnenstad bij nacht',
    priority: 3,
    unit: 'centrum',
    period: { from: '2027-05-01', to: '2027-10-31' },
    slots: [
      slot('binnenstad-nacht', 'direction', 8),
      slot('binnenstad-nacht', 'politics', 6),
      slot('binnenstad-nacht', 'content', 20, 'law'),
      slot('binnenstad-nacht', 'content', 20, 'social-domain'),
      slot('binnenstad-nacht', 'network', 8),
    ],
  },
  // specialist — expert-led: the default catalogue's specialist hours
  {
    id: 'armoedebeleid',
    title: 'Armoedebeleid herijken',
    priority: 3,
    period: { from: '2027-06-01', to: '2027-12-31' },
    slots: [
      slot('armoedebeleid', 'direction', 4),
      slot('armoedebeleid', 'budget', 4),
      slot('armoedebeleid', 'content', 16, 'social-domain'),
      slot('armoedebeleid', 'content', 16, 'finance'),
      slot('armoedebeleid', 'content', 16, 'data'),
    ],
  },
  // specialist — expert-led: the default catalogue's specialist hours
  {
    id: 'wmo-vervoer',
    title: 'Aanbesteding Wmo-vervoer',
    priority: 2,
    period: { from: '2027-09-01', to: '2027-12-31' },
    slots: [
      slot('wmo-vervoer', 'direction', 4),
      slot('wmo-vervoer', 'content', 16, 'procurement'),
      slot('wmo-vervoer', 'content', 16, 'law'),
    ],
  },
]

const history = [
  { request: 'omgevingsvisie-2026', members: ['m02', 'm04', 'm11', 'm24'], ended: '2026-06-30' },
  { request: 'schuldhulp-2026', members: ['m03', 'm14', 'm17', 'm30'], ended: '2026-11-30' },
  { request: 'wijkteams-2025', members: ['m01', 'm16', 'm25'], ended: '2025-12-12' },
]

const policy = {
  weights: {
    fit: 10,
    preference: 2,
    learning: 3,
    continuity: 5,
    diversity: 2,
    rotation: 3,
    balance: 5,
  },
  comfort: 0.85,
  maxSlotsPerMemberPerRequest: 1,
  rotationSince: '2026-01-01',
}

/**
 * The five roles of the sample (a problem's `roles`): `budget`, `content`, `direction`, `network` and
 * `politics`, each with its quality requirements (`min` 0..5 and a `weight`) — the roles of
 * the default role catalogue, with their English names.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleRolesJson: ReadonlyArray<Problem.RoleJson> = deepFreeze(roles)

/**
 * The sample's pool (a problem's `members`): forty people of a Dutch municipality, ids `m01`–`m40`, with
 * their disciplines (the first is primary), quality levels 0..5, hours per week (capacity and
 * already committed), units, availability windows, role preferences and development goals.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleMembersJson: ReadonlyArray<Problem.MemberJson> = deepFreeze(members)

/**
 * The sample's eight requests for 2027 (a problem's `requests`), each with its role slots — forty slots
 * in all, with the hours the default catalogue gives each role in the request's work mode.
 * Slot ids read `<request>/<role>` or `<request>/content-<discipline>`.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleRequestsJson: ReadonlyArray<Problem.RequestJson> = deepFreeze(requests)

/**
 * The sample's history (a problem's `history`): three past teams; the two that ended in 2026 count for
 * rotation under the sample policy, the one from 2025 does not.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleHistoryJson: ReadonlyArray<Problem.HistoryJson> = deepFreeze(history)

/**
 * The sample's policy (a problem's `policy`): the default weights written out, `comfort` 0.85, one slot
 * per member per request, and rotation counting teams that ended on or after 2026-01-01.
 *
 * @category sample
 * @since 0.1.0
 */
export const samplePolicyJson: Problem.PolicyJson = deepFreeze(policy)

/**
 * The whole sample as one staffing problem: {@link sampleRolesJson},
 * {@link sampleMembersJson}, {@link sampleRequestsJson}, {@link sampleHistoryJson} and
 * {@link samplePolicyJson}, plus one pin (Hanneke de Graaf directs the youth-care crisis
 * team), one pair of the previous plan (Bram Jansen on the poverty-policy budget), one `apart`
 * pair and an exclusion. Decode it with `decodeProblem`; it decodes without issues.
 *
 * Intake turns the sample requests (`SampleRequests`) into exactly this problem, which is then
 * solved — from `examples/main.ts`:
 *
 * {@includeCode ../../examples/main.ts#main}
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleProblemJson: Problem.ProblemJson = deepFreeze({
  roles,
  members,
  requests,
  history,
  pinned: [{ member: 'm24', slot: 'jeugdzorg-wachtlijsten/direction' }],
  previous: [{ member: 'm02', slot: 'armoedebeleid/budget' }],
  apart: [['m09', 'm17']],
  policy,
})
