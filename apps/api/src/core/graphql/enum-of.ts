// A GraphQL enum object ({ CODE: 'CODE' }) from a vocabulary's codes, for registerEnumType.
export function enumOf<T extends string>(codes: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(codes.map((code) => [code, code])) as { [K in T]: K };
}
