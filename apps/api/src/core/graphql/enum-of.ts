import { EnumOptions, registerEnumType } from '@nestjs/graphql';

// A GraphQL enum object ({ CODE: 'CODE' }) from a vocabulary's codes, for registerEnumType.
export function enumOf<T extends string>(codes: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(codes.map((code) => [code, code])) as { [K in T]: K };
}

/** The GraphQL enum of a code list, registered under options.name: one call per enum. */
export function graphqlEnum<T extends string>(codes: readonly T[], options: EnumOptions<{ [K in T]: K }>): { [K in T]: K } {
  const values = enumOf(codes);
  registerEnumType(values, options);
  return values;
}
