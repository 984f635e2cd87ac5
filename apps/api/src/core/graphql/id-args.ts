// The one way a resolver declares an id argument: the GraphQL ID type, so every id reads the
// same in the schema. Whether it can name a row is checked where the row is read (requireId in
// ids.ts), which knows what to call the missing thing in its NOT_FOUND message.
import { Args, ArgsOptions, ID } from '@nestjs/graphql';

type IdArgOptions = Pick<ArgsOptions, 'nullable' | 'description'>;

/** `@Args(name)` of type ID. */
export function IdArg(name: string, options: IdArgOptions = {}): ParameterDecorator {
  return Args(name, { type: () => ID, ...options });
}

/** `@Args(name)` of type [ID!]!. */
export function IdsArg(name: string, options: IdArgOptions = {}): ParameterDecorator {
  return Args(name, { type: () => [ID], ...options });
}
