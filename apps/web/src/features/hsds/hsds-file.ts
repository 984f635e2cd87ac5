// Files of the HSDS exchange: the export's file name, the browser-side size
// limit, a quick look at a chosen file for its preview line, and the error report as text.
import { japanDayStamp } from '@tsunagu/domain';
import { ServerError, ServerParseError } from '@apollo/client';

/** The API refuses larger documents; checked here first so nobody waits for an upload. */
export const MAX_HSDS_FILE_BYTES = 5 * 1024 * 1024;

/** The partners' file says so in its name too (its content carries x-tsunagu-audience: partners). */
export function exportFileName(networkSlug: string, now: Date = new Date(), forPartners = false): string {
  return `tsunagu-directory-${networkSlug}${forPartners ? '-partners-only' : ''}-${japanDayStamp(now)}.json`;
}


export type HsdsFileSummary =
  | { readonly readable: true; readonly organizations: number; readonly services: number }
  | { readonly readable: false };

/** How many organisations and services a document declares, if it reads as one. */
export function summarizeHsds(text: string): HsdsFileSummary {
  try {
    const document: unknown = JSON.parse(text);
    if (!document || typeof document !== 'object' || Array.isArray(document)) return { readable: false };
    const { organizations, services } = document as Record<string, unknown>;
    if (organizations !== undefined && !Array.isArray(organizations)) return { readable: false };
    if (services !== undefined && !Array.isArray(services)) return { readable: false };
    return { readable: true, organizations: organizations?.length ?? 0, services: services?.length ?? 0 };
  } catch {
    return { readable: false };
  }
}

/** The server refused the request for its size (HTTP 413). */
export function isTooLargeForServer(error: unknown): boolean {
  return (ServerError.is(error) || ServerParseError.is(error)) && error.statusCode === 413;
}

export interface ReportedProblem {
  readonly path: string;
  readonly message: string;
}

/** JSONPaths in reading order: $.services[2] before $.services[10]. */
export function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The report as plain text (a heading line, then one "path<TAB>message" line per problem). */
export function reportText(heading: string, problems: readonly ReportedProblem[]): string {
  return [heading, ...problems.map((problem) => `${problem.path}\t${problem.message}`)].join('\n');
}
