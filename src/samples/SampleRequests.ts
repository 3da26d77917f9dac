/**
 * Sample requests at the intake desk of a (fictional) Dutch municipality, each with the
 * answers to the sense-making questions (see the
 * [classification guide](../../docs/classification.md#the-questions-indicators)) — the first half
 * of the main example.
 *
 * Eleven requests: two routine ones that stay with standing teams (a dormer permit, the yearly
 * sports-club subsidies), one whose assessment is still incomplete, and the eight requests of
 * the built-in {@link Sample} — classified and run through the default rules, these yield
 * exactly the sample's slots. {@link sampleIntakeJson} adds the sample's pool, history, pin,
 * previous plan, `apart` pair and policy, so that intake produces the sample's staffing
 * problem.
 *
 * Treat the exported values as read-only.
 *
 * @since 0.1.0
 * @module
 */
import type { IntakeJson, IntakeRequestJson } from '../classify/Intake.js'
import * as Sample from './Sample.js'
import { deepFreeze } from '../kernel/internal/freeze.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The sample requests in intake JSON form, sorted by id. Their modes under the default policy:
 *
 * | id | mode | note |
 * | --- | --- | --- |
 * | `armoedebeleid` | specialist | borderline on both axes |
 * | `binnenstad-nacht` | agile | |
 * | `datagedreven` | exploratory | |
 * | `energie-noord` | agile | |
 * | `fietsbrug` | specialist | complexity exactly at the threshold: borderline |
 * | `jeugdzorg-wachtlijsten` | agile | |
 * | `leegstand-langestraat` | unclassified | four questions open |
 * | `opvang-zuid` | agile | borderline on predictability |
 * | `subsidie-sport` | standard | |
 * | `vergunning-dakkapel` | standard | |
 * | `wmo-vervoer` | specialist | |
 *
 * @category sample
 * @since 0.1.0
 */
export const requests: ReadonlyArray<IntakeRequestJson> = [
  {
    id: 'armoedebeleid',
    title: 'Armoedebeleid herijken',
    priority: 3,
    period: { from: '2027-06-01', to: '2027-12-31' },
    disciplines: ['data', 'finance', 'social-domain'],
    assessment: {
      precedent: 2,
      procedure: 3,
      outcomeClarity: 2,
      stability: 2,
      stakeholders: 1,
      politicalSensitivity: 1,
      interdependence: 4,
      budgetImpact: 3,
    },
  },
  {
    id: 'binnenstad-nacht',
    title: 'Leefbaarheid binnenstad bij nacht',
    priority: 3,
    unit: 'centrum',
    period: { from: '2027-05-01', to: '2027-10-31' },
    disciplines: ['law', 'social-domain'],
    assessment: {
      precedent: 2,
      procedure: 1,
      outcomeClarity: 1,
      stability: 1,
      stakeholders: 4,
      politicalSensitivity: 3,
      interdependence: 2,
      budgetImpact: 1,
    },
  },
  {
    id: 'datagedreven',
    title: 'Datagedreven werken in het sociaal domein',
    priority: 2,
    period: { from: '2027-02-01', to: '2027-07-31' },
    disciplines: ['data', 'ict', 'law'],
    assessment: {
      precedent: 1,
      procedure: 1,
      outcomeClarity: 1,
      stability: 2,
      stakeholders: 1,
      politicalSensitivity: 1,
      interdependence: 2,
      budgetImpact: 1,
    },
  },
  {
    id: 'energie-noord',
    title: 'Wijkaanpak energietransitie Noord',
    priority: 4,
    unit: 'noord',
    period: { from: '2027-02-01', to: '2027-09-30' },
    disciplines: ['environment', 'spatial-planning'],
    assessment: {
      precedent: 1,
      procedure: 2,
      outcomeClarity: 1,
      stability: 1,
      stakeholders: 4,
      politicalSensitivity: 3,
      interdependence: 4,
      budgetImpact: 3,
    },
  },
  {
    id: 'fietsbrug',
    title: 'Nieuwe fietsbrug over het kanaal',
    priority: 3,
    unit: 'centrum',
    period: { from: '2027-04-01', to: '2027-12-31' },
    disciplines: ['procurement', 'spatial-planning'],
    assessment: {
      precedent: 3,
      procedure: 3,
      outcomeClarity: 3,
      stability: 3,
      stakeholders: 3,
      politicalSensitivity: 1,
      interdependence: 3,
      budgetImpact: 4,
    },
  },
  {
    id: 'jeugdzorg-wachtlijsten',
    title: 'Crisisaanpak wachtlijsten jeugdzorg',
    priority: 5,
    period: { from: '2027-01-15', to: '2027-06-30' },
    disciplines: ['law', 'social-domain', 'youth-care'],
    assessment: {
      precedent: 1,
      procedure: 2,
      outcomeClarity: 2,
      stability: 0,
      stakeholders: 4,
      politicalSensitivity: 4,
      interdependence: 3,
      budgetImpact: 1,
    },
  },
  {
    id: 'leegstand-langestraat',
    title: 'Leegstand in de Langestraat',
    priority: 2,
    unit: 'centrum',
    period: { from: '2027-03-01', to: '2027-08-31' },
    disciplines: ['finance', 'spatial-planning'],
    assessment: { precedent: 1, procedure: 1, stakeholders: 3, politicalSensitivity: 2 },
  },
  {
    id: 'opvang-zuid',
    title: 'Opvang asielzoekers in Zuid',
    priority: 5,
    unit: 'zuid',
    period: { from: '2027-03-01', to: '2027-12-31' },
    disciplines: ['law', 'social-domain'],
    excluded: ['m23'],
    assessment: {
      precedent: 2,
      procedure: 2,
      outcomeClarity: 2,
      stability: 1,
      stakeholders: 4,
      politicalSensitivity: 4,
      interdependence: 3,
      budgetImpact: 3,
    },
  },
  {
    id: 'subsidie-sport',
    title: 'Jaarlijkse subsidieronde sportverenigingen',
    priority: 1,
    period: { from: '2027-01-01', to: '2027-03-31' },
    disciplines: ['finance'],
    assessment: {
      precedent: 4,
      procedure: 4,
      outcomeClarity: 3,
      stability: 4,
      stakeholders: 2,
      politicalSensitivity: 1,
      interdependence: 0,
      budgetImpact: 1,
    },
  },
  {
    id: 'vergunning-dakkapel',
    title: 'Omgevingsvergunning dakkapel Kerkstraat 12',
    priority: 1,
    unit: 'centrum',
    period: { from: '2027-01-04', to: '2027-02-26' },
    disciplines: ['spatial-planning'],
    assessment: {
      precedent: 4,
      procedure: 4,
      outcomeClarity: 4,
      stability: 4,
      stakeholders: 1,
      politicalSensitivity: 0,
      interdependence: 0,
      budgetImpact: 0,
    },
  },
  {
    id: 'wmo-vervoer',
    title: 'Aanbesteding Wmo-vervoer',
    priority: 2,
    period: { from: '2027-09-01', to: '2027-12-31' },
    disciplines: ['law', 'procurement'],
    assessment: {
      precedent: 3,
      procedure: 4,
      outcomeClarity: 3,
      stability: 3,
      // the tender also touches finance, the social domain and pupil transport
      disciplines: 5,
      stakeholders: 1,
      politicalSensitivity: 1,
      interdependence: 4,
      budgetImpact: 1,
    },
  },
]

/**
 * A complete intake: {@link requests} with the built-in sample's pool and the staffing extras
 * (history, one pin, one pair of the previous plan, one `apart` pair, the staffing policy),
 * under the default catalogue, rules and classification policy. `Intake.run` turns it into the
 * sample's staffing problem.
 *
 * @category sample
 * @since 0.1.0
 */
export const sampleIntakeJson: IntakeJson = deepFreeze({
  requests,
  pool: Sample.sampleMembersJson,
  staffing: {
    history: Sample.sampleHistoryJson,
    pinned: [{ member: 'm24', slot: 'jeugdzorg-wachtlijsten/direction' }],
    previous: [{ member: 'm02', slot: 'armoedebeleid/budget' }],
    apart: [['m09', 'm17']],
    policy: Sample.samplePolicyJson,
  },
})
