/**
 * The sample municipality's pool: forty fictional people with their disciplines, qualities,
 * hours, units, availability, preferences and goals, as problem JSON — for the `Sample` module.
 *
 * @internal
 * @since 0.1.0
 */
export const members = [
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
