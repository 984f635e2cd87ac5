// The language a response is written in when it carries text (CSV headings, import problems,
// erased-text markers): an explicit `language` argument, else the caller's Accept-Language.
import { Language, preferredLanguage } from '@tsunagu/domain';

/** The HTTP request as resolvers read it with @Context('req'): only its headers are used. */
export type HttpRequest = { headers?: Record<string, string | string[] | undefined> } | undefined;

/** Options of the optional `language` argument of queries that write text (CSV and the like). */
export const LANGUAGE_ARG = { type: () => String, nullable: true, description: 'ja or en; default: Accept-Language.' } as const;

/** The explicit language when it is ja or en, else the request's Accept-Language (Japanese by default). */
export function languageOf(request: HttpRequest, explicit?: string | null): Language {
  if (explicit === 'ja' || explicit === 'en') return explicit;
  const header = request?.headers?.['accept-language'];
  return preferredLanguage(Array.isArray(header) ? header[0] : header);
}
