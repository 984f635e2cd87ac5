// Builds the GraphQL SDL from the resolvers registered in the application's module tree,
// without starting the application (no database needed). `npm run schema:generate` writes
// apps/api/schema.gql with it and `npm run schema:check` fails when that file is stale, so
// the committed schema, the web's generated operations and the running API never drift.
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

const RESOLVER_METADATA_KEY = 'graphql:resolver_type';
const SDL_HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# ------------------------------------------------------

`;

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule>;

function isDynamicModule(value: unknown): value is DynamicModule {
  return typeof value === 'object' && value !== null && 'module' in value;
}

/** Every class with @Resolver() among the providers of the module tree. */
export function collectResolvers(root: ModuleRef): Type<unknown>[] {
  const seen = new Set<unknown>();
  const resolvers = new Set<Type<unknown>>();
  const visit = (ref: unknown): void => {
    if (!ref || seen.has(ref) || ref instanceof Promise) return;
    seen.add(ref);
    const moduleClass = isDynamicModule(ref) ? ref.module : (ref as Type<unknown>);
    const imports: unknown[] = [
      ...((Reflect.getMetadata('imports', moduleClass) as unknown[]) ?? []),
      ...(isDynamicModule(ref) ? (ref.imports ?? []) : []),
    ];
    const providers: unknown[] = [
      ...((Reflect.getMetadata('providers', moduleClass) as unknown[]) ?? []),
      ...(isDynamicModule(ref) ? (ref.providers ?? []) : []),
    ];
    for (const provider of providers) {
      if (typeof provider === 'function' && Reflect.getMetadataKeys(provider).includes(RESOLVER_METADATA_KEY)) {
        resolvers.add(provider as Type<unknown>);
      }
    }
    imports.forEach(visit);
  };
  visit(root);
  return [...resolvers];
}

export async function printSchemaOf(root: ModuleRef): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const factory = context.get(GraphQLSchemaFactory);
    const schema = await factory.create(collectResolvers(root), { dateScalarMode: 'isoDate' });
    return SDL_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await context.close();
  }
}
