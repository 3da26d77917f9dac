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
 * Treat the exported values as read-only.
 *
 * @since 0.1.0
 * @module
 */
import type * as Problem from '../staffing/Problem.js'

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

const members = [
  {
    id: 'm01', name: 'Anouk de Vries', disciplines: ['policy', 'social-domain'],
    qualities: {
      leadership: 4, collaboration: 4, 'financial-acumen': 3, 'political-sensitivity': 4,
      communication: 4, networking: 4, analysis: 3, expertise: 4,
    },
    capacity: 36, committed: 8,
    preferences: { direction: 2 }, goals: ['networking'],
  },
  {
    id: 'm02', name: 'Bram Jansen', disciplines: ['finance'],
    qualities: {
      leadership: 2, collaboration: 1, 'financial-acumen': 5, 'political-sensitivity': 2,
      communication: 2, networking: 1, analysis: 4, expertise: 5,
    },
    capacity: 32, committed: 12,
    preferences: { budget: 2 }, goals: ['networking'],
  },
  {
    id: 'm03', name: 'Fatima El Amrani', disciplines: ['social-domain', 'youth-care'],
    qualities: {
      leadership: 3, collaboration: 3, 'financial-acumen': 2, 'political-sensitivity': 4,
      communication: 4, networking: 4, analysis: 4, expertise: 4,
    },
    capacity: 32, committed: 16, units: ['centrum', 'zuid'],
    preferences: { network: 1 }, goals: ['leadership'],
  },
  {
    id: 'm04', name: 'Daan Bakker', disciplines: ['spatial-planning', 'environment'],
    qualities: {
      leadership: 3, collaboration: 2, 'financial-acumen': 1, 'political-sensitivity': 2,
      communication: 3, networking: 3, analysis: 4, expertise: 5,
    },
    capacity: 36, committed: 16, units: ['noord'],
    preferences: { content: 2 }, goals: ['political-sensitivity'],
  },
  {
    id: 'm05', name: 'Eva Visser', disciplines: ['law'],
    qualities: {
      leadership: 2, collaboration: 1, 'financial-acumen': 1, 'political-sensitivity': 3,
      communication: 3, networking: 2, analysis: 5, expertise: 5,
    },
    capacity: 28, committed: 8,
    preferences: { content: 1, network: -1 },
  },
  {
    id: 'm06', name: 'Sanne Smit', disciplines: ['communication'],
    qualities: {
      leadership: 2, collaboration: 4, 'financial-acumen': 1, 'political-sensitivity': 4,
      communication: 5, networking: 5, analysis: 2, expertise: 3,
    },
    capacity: 24, committed: 4,
    preferences: { network: 2, politics: 1 }, goals: ['leadership'],
  },
  {
    id: 'm07', name: 'Mohamed Bouzid', disciplines: ['ict', 'data'],
    qualities: {
      leadership: 3, collaboration: 2, 'financial-acumen': 1, 'political-sensitivity': 1,
      communication: 2, networking: 1, analysis: 5, expertise: 5,
    },
    capacity: 36, committed: 20,
    preferences: { content: 2 }, goals: ['collaboration', 'networking'],
  },
  {
    id: 'm08', name: 'Lotte Meijer', disciplines: ['youth-care'],
    qualities: {
      leadership: 2, collaboration: 3, 'financial-acumen': 1, 'political-sensitivity': 3,
      communication: 3, networking: 3, analysis: 3, expertise: 4,
    },
    capacity: 24, committed: 12, units: ['noord', 'zuid'],
    goals: ['collaboration'],
  },
  {
    id: 'm09', name: 'Jeroen de Boer', disciplines: ['finance', 'procurement'],
    qualities: {
      leadership: 3, collaboration: 1, 'financial-acumen': 4, 'political-sensitivity': 2,
      communication: 3, networking: 2, analysis: 4, expertise: 3,
    },
    capacity: 36, committed: 24,
    preferences: { budget: 1, direction: -1 },
  },
  {
    id: 'm10', name: 'Ingrid Mulder', disciplines: ['policy'],
    qualities: {
      leadership: 4, collaboration: 3, 'financial-acumen': 3, 'political-sensitivity': 5,
      communication: 4, networking: 4, analysis: 3, expertise: 4,
    },
    capacity: 32, committed: 16,
    preferences: { politics: 2, direction: 1 },
  },
  {
    id: 'm11', name: 'Kees de Groot', disciplines: ['spatial-planning'],
    qualities: {
      leadership: 4, collaboration: 2, 'financial-acumen': 2, 'political-sensitivity': 3,
      communication: 3, networking: 3, analysis: 3, expertise: 4,
    },
    capacity: 36, committed: 12, units: ['centrum', 'noord'],
    preferences: { direction: 2 }, goals: ['collaboration'],
  },
  {
    id: 'm12', name: 'Noor Bos', disciplines: ['data'],
    qualities: {
      leadership: 1, collaboration: 1, 'political-sensitivity': 1, communication: 2,
      networking: 1, analysis: 5, expertise: 4,
    },
    capacity: 32, committed: 8,
    available: [{ from: '2027-03-01', to: '2027-12-31' }],
    preferences: { content: 2 }, goals: ['communication', 'networking'],
  },
  {
    id: 'm13', name: 'Ruben Vos', disciplines: ['environment'],
    qualities: {
      leadership: 2, collaboration: 2, 'financial-acumen': 1, 'political-sensitivity': 2,
      communication: 3, networking: 3, analysis: 3, expertise: 3,
    },
    capacity: 28, committed: 4, units: ['noord'],
    goals: ['leadership'],
  },
  {
    id: 'm14', name: 'Yasmina Achahbar', disciplines: ['social-domain'],
    qualities: {
      leadership: 3, collaboration: 5, 'financial-acumen': 2, 'political-sensitivity': 3,
      communication: 4, networking: 4, analysis: 2, expertise: 4,
    },
    capacity: 32, committed: 8, units: ['zuid'],
    preferences: { network: 2 }, goals: ['political-sensitivity'],
  },
  {
    id: 'm15', name: 'Thijs Peters', disciplines: ['procurement', 'law'],
    qualities: {
      leadership: 2, collaboration: 1, 'financial-acumen': 3, 'political-sensitivity': 2,
      communication: 3, networking: 2, analysis: 4, expertise: 3,
    },
    capacity: 36, committed: 16,
    preferences: { content: 1 },
  },
  {
    id: 'm16', name: 'Marloes Hendriks', disciplines: ['youth-care', 'social-domain'],
    qualities: {
      leadership: 4, collaboration: 4, 'financial-acumen': 3, 'political-sensitivity': 4,
      communication: 3, networking: 3, analysis: 3, expertise: 4,
    },
    capacity: 32, committed: 8,
    available: [{ from: '2027-01-01', to: '2027-03-31' }, { from: '2027-07-01', to: '2027-12-31' }],
    preferences: { direction: 1 },
  },
  {
    id: 'm17', name: 'Pieter van Leeuwen', disciplines: ['finance'],
    qualities: {
      leadership: 3, collaboration: 1, 'financial-acumen': 5, 'political-sensitivity': 1,
      communication: 2, networking: 1, analysis: 5, expertise: 5,
    },
    capacity: 36, committed: 28,
    preferences: { budget: 2 },
  },
  {
    id: 'm18', name: 'Femke Dekker', disciplines: ['law'],
    qualities: {
      leadership: 2, collaboration: 2, 'financial-acumen': 2, 'political-sensitivity': 4,
      communication: 4, networking: 3, analysis: 4, expertise: 4,
    },
    capacity: 24, committed: 0, units: ['centrum'],
    preferences: { politics: 1 }, goals: ['networking'],
  },
  {
    id: 'm19', name: 'Sem Brouwer', disciplines: ['ict'],
    qualities: {
      leadership: 2, collaboration: 2, 'financial-acumen': 1, 'political-sensitivity': 1,
      communication: 2, networking: 1, analysis: 4, expertise: 5,
    },
    capacity: 36, committed: 16,
    goals: ['leadership'],
  },
  {
    id: 'm20', name: 'Esra Yilmaz', disciplines: ['communication', 'social-domain'],
    qualities: {
      leadership: 3, collaboration: 5, 'financial-acumen': 1, 'political-sensitivity': 4,
      communication: 5, networking: 5, analysis: 2, expertise: 3,
    },
    capacity: 32, committed: 12, units: ['noord', 'zuid'],
    preferences: { direction: 1, network: 2 },
  },
  {
    id: 'm21', name: 'Wouter de Wit', disciplines: ['spatial-planning', 'procurement'],
    qualities: {
      leadership: 3, collaboration: 3, 'financial-acumen': 2, 'political-sensitivity': 2,
      communication: 3, networking: 3, analysis: 3, expertise: 3,
    },
    capacity: 36, committed: 20,
    preferences: { content: 1 }, goals: ['financial-acumen'],
  },
  {
    id: 'm22', name: 'Ilse Dijkstra', disciplines: ['policy', 'environment'],
    qualities: {
      leadership: 3, collaboration: 3, 'financial-acumen': 2, 'political-sensitivity': 4,
      communication: 4, networking: 4, analysis: 4, expertise: 4,
    },
    capacity: 28, committed: 4,
    preferences: { politics: 1 }, goals: ['leadership'],
  },
  {
    id: 'm23', name: 'Joost Smits', disciplines: ['finance'],
    qualities: {
      leadership: 2, collaboration: 2, 'financial-acumen': 4, 'political-sensitivity': 2,
      communication: 3, networking: 2, analysis: 4, expertise: 4,
    },
    capacity: 24, committed: 8, units: ['zuid'],
    preferences: { budget: 1 }, goals: ['political-sensitivity'],
  },
  {
    id: 'm24', name: 'Hanneke de Graaf', disciplines: ['policy'],
    qualities: {
      leadership: 5, collaboration: 4, 'financial-acumen': 3, 'political-sensitivity': 5,
      communication: 5, networking: 5, analysis: 3, expertise: 4,
    },
    capacity: 36, committed: 24,
    preferences: { direction: 2, politics: 1 },
  },
  {
    id: 'm25', name: 'Rachid Benali', disciplines: ['social-domain'],
    qualities: {
      leadership: 3, collaboration: 4, 'financial-acumen': 1, 'political-sensitivity': 3,
      communication: 4, networking: 4, analysis: 3, expertise: 3,
    },
    capacity: 32, committed: 8, units: ['zuid'],
    preferences: { network: 1 }, goals: ['collaboration'],
  },
  {
    id: 'm26', name: 'Sophie van der Meer', disciplines: ['communication'],
    qualities: {
      leadership: 2, collaboration: 3, 'political-sensitivity': 3, communication: 5,
      networking: 4, analysis: 1, expertise: 3,
    },
    capacity: 20, committed: 4,
    preferences: { politics: 1 }, goals: ['analysis'],
  },
  {
    id: 'm27', name: 'Mark van den Berg', disciplines: ['ict'],
    qualities: {
      leadership: 3, collaboration: 2, 'financial-acumen': 2, 'political-sensitivity': 2,
      communication: 3, networking: 2, analysis: 5, expertise: 2,
    },
    capacity: 36, committed: 12,
    preferences: { content: 2, direction: -1 },
  },
  {
    id: 'm28', name: 'Linda Kok', disciplines: ['youth-care'],
    qualities: {
      leadership: 2, collaboration: 4, 'financial-acumen': 1, 'political-sensitivity': 2,
      communication: 3, networking: 3, analysis: 3, expertise: 4,
    },
    capacity: 24, committed: 8, units: ['centrum'],
    goals: ['leadership'],
  },
  {
    id: 'm29', name: 'Tim Jacobs', disciplines: ['data', 'finance'],
    qualities: {
      leadership: 1, collaboration: 1, 'financial-acumen': 3, 'political-sensitivity': 1,
      communication: 2, networking: 1, analysis: 5, expertise: 4,
    },
    capacity: 32, committed: 8,
    preferences: { budget: 1, content: 2 }, goals: ['collaboration'],
  },
  {
    id: 'm30', name: 'Annemiek de Haan', disciplines: ['law', 'social-domain'],
    qualities: {
      leadership: 3, collaboration: 3, 'financial-acumen': 2, 'political-sensitivity': 3,
      communication: 4, networking: 3, analysis: 4, expertise: 3,
    },
    capacity: 28, committed: 12,
  },
  {
    id: 'm31', name: 'Gert-Jan Vermeulen', disciplines: ['environment', 'spatial-planning'],
    qualities: {
      leadership: 4, collaboration: 3, 'financial-acumen': 1, 'political-sensitivity': 2,
      communication: 3, networking: 3, analysis: 3, expertise: 4,
    },
    capacity: 36, committed: 20, units: ['noord'],
    preferences: { direction: 1 },
  },
  {
    id: 'm32', name: 'Priya Ramdin', disciplines: ['finance', 'data'],
    qualities: {
      leadership: 3, collaboration: 2, 'financial-acumen': 4, 'political-sensitivity': 1,
      communication: 2, networking: 2, analysis: 5, expertise: 4,
    },
    capacity: 32, committed: 8,
    preferences: { budget: 2 }, goals: ['leadership'],
  },
  {
    id: 'm33', name: 'Marieke van Dijk', disciplines: ['communication', 'policy'],
    qualities: {
      leadership: 2, collaboration: 4, 'financial-acumen': 2, 'political-sensitivity': 4,
      communication: 5, networking: 5, analysis: 3, expertise: 3,
    },
    capacity: 24, committed: 8, units: ['centrum'],
    preferences: { network: 2 },
  },
  {
    id: 'm34', name: 'Stefan Hoekstra', disciplines: ['procurement'],
    qualities: {
      leadership: 2, collaboration: 1, 'financial-acumen': 3, 'political-sensitivity': 2,
      communication: 2, networking: 2, analysis: 4, expertise: 5,
    },
    capacity: 36, committed: 24,
    preferences: { content: 1 }, goals: ['networking'],
  },
  {
    id: 'm35', name: 'Roos Koster', disciplines: ['youth-care', 'social-domain'],
    qualities: {
      leadership: 2, collaboration: 4, 'financial-acumen': 2, 'political-sensitivity': 3,
      communication: 4, networking: 4, analysis: 2, expertise: 3,
    },
    capacity: 16, committed: 0,
    available: [{ from: '2027-01-01', to: '2027-08-31' }],
    goals: ['leadership'],
  },
  {
    id: 'm36', name: 'Dirk Prins', disciplines: ['spatial-planning'],
    qualities: {
      leadership: 3, collaboration: 2, 'financial-acumen': 1, 'political-sensitivity': 2,
      communication: 3, networking: 2, analysis: 3, expertise: 3,
    },
    capacity: 36, committed: 30, units: ['centrum'],
  },
  {
    id: 'm37', name: 'Nadia Haddou', disciplines: ['law', 'policy'],
    qualities: {
      leadership: 4, collaboration: 3, 'financial-acumen': 2, 'political-sensitivity': 5,
      communication: 5, networking: 4, analysis: 4, expertise: 4,
    },
    capacity: 32, committed: 16,
    preferences: { politics: 2 }, goals: ['financial-acumen'],
  },
  {
    id: 'm38', name: 'Jan-Willem Post', disciplines: ['finance', 'procurement'],
    qualities: {
      leadership: 4, collaboration: 2, 'financial-acumen': 5, 'political-sensitivity': 2,
      communication: 3, networking: 2, analysis: 4, expertise: 3,
    },
    capacity: 36, committed: 16,
    preferences: { budget: 1, direction: 1 },
  },
  {
    id: 'm39', name: 'Iris Kuipers', disciplines: ['environment'],
    qualities: {
      leadership: 2, collaboration: 2, 'political-sensitivity': 3, communication: 3,
      networking: 3, analysis: 4, expertise: 4,
    },
    capacity: 24, committed: 4,
    goals: ['networking'],
  },
  {
    id: 'm40', name: 'Koen Willems', disciplines: ['ict', 'communication'],
    qualities: {
      leadership: 3, collaboration: 3, 'financial-acumen': 1, 'political-sensitivity': 2,
      communication: 3, networking: 3, analysis: 3, expertise: 3,
    },
    capacity: 28, committed: 12, units: ['centrum', 'noord'],
    preferences: { network: 1 },
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
export const sampleRolesJson: unknown = roles

/**
 * The sample's pool (a problem's `members`): forty people of a Dutch municipality, ids `m01`–`m40`, with
 * their disciplines (the first is primary), quality levels 0..5, hours per week (capacity and
 * already committed), units, availability windows, role preferences and development goals.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleMembersJson: unknown = members

/**
 * The sample's eight requests for 2027 (a problem's `requests`), each with its role slots — forty slots
 * in all, with the hours the default catalogue gives each role in the request's work mode.
 * Slot ids read `<request>/<role>` or `<request>/content-<discipline>`.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleRequestsJson: unknown = requests

/**
 * The sample's history (a problem's `history`): three past teams; the two that ended in 2026 count for
 * rotation under the sample policy, the one from 2025 does not.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleHistoryJson: unknown = history

/**
 * The sample's policy (a problem's `policy`): the default weights written out, `comfort` 0.85, one slot
 * per member per request, and rotation counting teams that ended on or after 2026-01-01.
 *
 * @category sample
 * @since 0.1.0
 */
export const samplePolicyJson: unknown = policy

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
export const sampleProblemJson: unknown = {
  roles,
  members,
  requests,
  history,
  pinned: [{ member: 'm24', slot: 'jeugdzorg-wachtlijsten/direction' }],
  previous: [{ member: 'm02', slot: 'armoedebeleid/budget' }],
  apart: [['m09', 'm17']],
  policy,
}
