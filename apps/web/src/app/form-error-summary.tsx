// What a failed submit shows, for every form on useSchemaForm: focus goes to the first invalid
// field (scrolled into view), and a summary at the top of the form lists each problem as a link
// to its field — "n項目を確認してください" — so a long form (the 56-field person form) does not
// leave the person at the submit button with the errors out of sight.
//
// The problems are read from the rendered form, because the page is what decides the order and
// the words: a field's place is its DOM order, its name is its visible label, its message the one
// shown under it. @mantine/form marks every bound input with data-path="<field path>" (the key of
// its error), which ties an error to its input. useSchemaForm publishes the problems per <form>
// element; the FormErrorSummary a form shell renders inside that <form> reads them, so no form
// passes anything along.
import { Alert, Anchor, List } from '@mantine/core';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

/** One problem of a failed submit, as the summary names it. */
export interface FormProblem {
  /** The field's path (the error's key). */
  readonly name: string;
  /** The field's visible label; null where the page shows none (the message then stands alone). */
  readonly label: string | null;
  readonly message: string;
  /** The element that takes focus for this field; null when the field is not on the page. */
  readonly target: HTMLElement | null;
}

/** A node's place in the page, as the DOM reports it (Node.compareDocumentPosition). */
interface Placed<Self> {
  compareDocumentPosition(other: Self): number;
}

// Node.DOCUMENT_POSITION_FOLLOWING, spelt out so this module loads where there is no DOM (unit tests).
const FOLLOWING = 4;

/**
 * The problems in the order a person meets their fields: by the fields' DOM order, and those
 * whose field is not on the page (an API error for a field the form does not show) last, in the
 * order they came.
 */
export function inPageOrder<Node extends Placed<Node>, P extends { readonly target: Node | null }>(problems: readonly P[]): P[] {
  const placed = problems.filter((problem) => problem.target !== null);
  const unplaced = problems.filter((problem) => problem.target === null);
  placed.sort((a, b) => (a.target === b.target ? 0 : (a.target as Node).compareDocumentPosition(b.target as Node) & FOLLOWING ? -1 : 1));
  return [...placed, ...unplaced];
}

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/** The element that takes focus for a field: its input, or the first input inside a group (radio, checkbox list, editor). */
function focusTarget(node: Element): HTMLElement | null {
  if (node.matches(FOCUSABLE)) return node as HTMLElement;
  return node.querySelector<HTMLElement>(FOCUSABLE);
}

/** The text a person sees in an element: without what is hidden from them (the required field's "*"). */
function visibleText(element: Element): string {
  let text = '';
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1 && (child as Element).getAttribute('aria-hidden') !== 'true') text += visibleText(child as Element);
  }
  return text;
}

/**
 * A field's name as the page shows it: its <label>, what it is labelled by, or its aria-label. A
 * group (radio buttons, a checkbox list) is named by its own label, not by its first option's.
 */
function labelOf(node: Element, target: HTMLElement | null): string | null {
  const document = node.ownerDocument;
  const named = node === target ? [target] : [node.querySelector('[role="group"], [role="radiogroup"]'), node, target];
  for (const element of named) {
    if (!element) continue;
    const labels = (element as HTMLInputElement).labels;
    const byLabel = labels && labels.length > 0 ? visibleText(labels[0]) : null;
    const labelledBy = element.getAttribute('aria-labelledby');
    const byReference = labelledBy
      ? labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .filter((label): label is HTMLElement => label !== null)
          .map(visibleText)
          .join(' ')
      : null;
    const label = (byLabel || byReference || element.getAttribute('aria-label') || '').trim();
    if (label) return label;
  }
  return null;
}

/** The field of an error in a form: its own input, or (for an error of a list or group) the first input under it. */
function fieldNode(form: HTMLFormElement, name: string): Element | null {
  const path = CSS.escape(name);
  return form.querySelector(`[data-path="${path}"]`) ?? form.querySelector(`[data-path^="${path}."]`);
}

/** The form's current errors as the summary lists them, in page order. */
export function readFormProblems(form: HTMLFormElement, errors: Readonly<Record<string, unknown>>): FormProblem[] {
  const problems = Object.entries(errors)
    .filter(([, message]) => typeof message === 'string' && message !== '')
    .map(([name, message]) => {
      const node = fieldNode(form, name);
      const target = node && focusTarget(node);
      return { name, label: node && labelOf(node, target), message: message as string, target };
    });
  return inPageOrder(problems);
}

/** Takes a person to a field: focused, and in the middle of the screen (clear of a sticky header). */
export function focusField(target: HTMLElement): void {
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

// The problems each form shows, published by useSchemaForm and read by the summary inside it.
const published = new WeakMap<HTMLFormElement, readonly FormProblem[]>();
const listeners = new Set<() => void>();
const NONE: readonly FormProblem[] = [];

/** Shows these problems in the summary of `form` (none hides it). */
export function publishFormProblems(form: HTMLFormElement, problems: readonly FormProblem[]): void {
  if ((published.get(form) ?? NONE).length === 0 && problems.length === 0) return;
  published.set(form, problems.length === 0 ? NONE : problems);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The summary of a failed submit, for a form shell to render at the top of its <form>: shows
 * what useSchemaForm published for that form, and nothing until a submit fails.
 */
export function FormErrorSummary() {
  // An element of its own finds the <form> around it; display: contents keeps it out of the layout (no gap in a Stack).
  const anchor = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  useEffect(() => setForm(anchor.current?.closest('form') ?? null), []);
  const problems = useSyncExternalStore(
    subscribe,
    () => (form ? (published.get(form) ?? NONE) : NONE),
    () => NONE,
  );
  return (
    <div ref={anchor} style={{ display: 'contents' }}>
      <FormErrorList problems={problems} />
    </div>
  );
}

/** The summary's content: how many fields to check, and a link to each, labelled with the field's name and its message. */
export function FormErrorList({ problems }: { problems: readonly FormProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert role="alert" color="red" variant="light" title={t('errors.summaryTitle', { count: problems.length })} data-testid="form-error-summary">
      <List size="sm" spacing={4}>
        {problems.map((problem) => {
          const words = problem.label ? t('errors.summaryItem', { label: problem.label, message: problem.message }) : problem.message;
          const target = problem.target;
          return (
            <List.Item key={problem.name}>
              {target ? (
                <Anchor
                  href={`#${target.id}`}
                  c="red.9"
                  fz="sm"
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(target);
                  }}
                >
                  {words}
                </Anchor>
              ) : (
                words
              )}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
