// A small builder for service input: a valid service with the fields a test does not care about.
export function serviceInput(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    description: '',
    categories: ['GENERAL_CONSULTATION'],
    targetGroups: ['ANYONE'],
    areaCodes: ['13102'],
    languages: ['ja'],
    channels: [{ kind: 'PHONE', value: '03-0000-0000', public: true }],
    openingHours: [{ day: 'MO', opens: '09:00', closes: '17:00' }],
    ...overrides,
  };
}
