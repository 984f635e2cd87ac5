// Whether a query asks for a field at a path below the resolved one (through inline fragments
// and named fragment spreads), so a list can skip reading what nobody asked for.
import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

function selects(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, path: readonly string[]): boolean {
  if (!selectionSet || path.length === 0) return path.length === 0;
  const [name, ...rest] = path;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name && selects(info, selection.selectionSet, rest);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(info, selection.selectionSet, path);
    const fragment = info.fragments[selection.name.value];
    return fragment ? selects(info, fragment.selectionSet, path) : false;
  });
}

export function isFieldSelected(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => selects(info, node.selectionSet, path));
}
