// The official HSDS 3.2 JSON schemas (./schemas/3.2, unmodified; see its README for
// source and licence), bundled into the API at build time, and the check of imported records
// against them. The files have no $schema keyword, so ajv's default (draft-07) applies; each is
// registered by its $id so every $ref resolves offline. Unknown keywords of the HSDS files
// (name, constraints, example, core …) are annotations, hence strict: false.
import type { LocalizedText } from '@tsunagu/domain';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import accessibility from './schemas/3.2/accessibility.json';
import address from './schemas/3.2/address.json';
import attribute from './schemas/3.2/attribute.json';
import contact from './schemas/3.2/contact.json';
import costOption from './schemas/3.2/cost_option.json';
import funding from './schemas/3.2/funding.json';
import language from './schemas/3.2/language.json';
import location from './schemas/3.2/location.json';
import metadata from './schemas/3.2/metadata.json';
import organization from './schemas/3.2/organization.json';
import organizationIdentifier from './schemas/3.2/organization_identifier.json';
import phone from './schemas/3.2/phone.json';
import program from './schemas/3.2/program.json';
import requiredDocument from './schemas/3.2/required_document.json';
import schedule from './schemas/3.2/schedule.json';
import service from './schemas/3.2/service.json';
import serviceArea from './schemas/3.2/service_area.json';
import serviceAtLocation from './schemas/3.2/service_at_location.json';
import serviceCapacity from './schemas/3.2/service_capacity.json';
import taxonomy from './schemas/3.2/taxonomy.json';
import taxonomyTerm from './schemas/3.2/taxonomy_term.json';
import unit from './schemas/3.2/unit.json';
import url from './schemas/3.2/url.json';
import type { ImportProblem } from './hsds.mapping';

const SCHEMAS: object[] = [
  accessibility,
  address,
  attribute,
  contact,
  costOption,
  funding,
  language,
  location,
  metadata,
  organization,
  organizationIdentifier,
  phone,
  program,
  requiredDocument,
  schedule,
  service,
  serviceArea,
  serviceAtLocation,
  serviceCapacity,
  taxonomy,
  taxonomyTerm,
  unit,
  url,
];

const BASE = 'https://raw.githubusercontent.com/openreferral/specification/refs/heads/3.2/schema/';

let validators: { organization: ValidateFunction; service: ValidateFunction } | undefined;

function compiled() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const schema of SCHEMAS) ajv.addSchema(schema);
    validators = {
      organization: ajv.getSchema(`${BASE}organization.json`) as ValidateFunction,
      service: ajv.getSchema(`${BASE}service.json`) as ValidateFunction,
    };
  }
  return validators;
}

/** "/schedules/0/opens_at" → ".schedules[0].opens_at" (JSONPath as used in our error paths). */
function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}

function problem(base: string, error: ErrorObject): ImportProblem {
  const missing = error.keyword === 'required' ? `.${(error.params as { missingProperty: string }).missingProperty}` : '';
  const detail = `${error.message ?? error.keyword}${error.keyword === 'enum' ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : ''}`;
  const message: LocalizedText = {
    ja: `HSDS 3.x のスキーマに合いません（${detail}）。`,
    en: `Does not match the HSDS 3.x schema (${detail}).`,
  };
  return { path: `${base}${jsonPath(error.instancePath)}${missing}`, message };
}

/** Every record checked against the official organization.json / service.json. */
export function validateHsdsRecords(organizations: readonly unknown[], services: readonly unknown[]): ImportProblem[] {
  const { organization, service } = compiled();
  const problems: ImportProblem[] = [];
  const check = (validate: ValidateFunction, record: unknown, path: string) => {
    if (!validate(record)) problems.push(...(validate.errors ?? []).map((error) => problem(path, error)));
  };
  organizations.forEach((record, index) => check(organization, record, `$.organizations[${index}]`));
  services.forEach((record, index) => check(service, record, `$.services[${index}]`));
  return problems;
}

/**
 * The schema's problems and our rules' problems as one list, each problem once. Where one of our
 * rules reports a path, the schema's problems at that same path are left out: both then say the
 * value there is missing or wrong, and ours says it in the user's words, in both languages (a
 * service without a name: the schema's "must have required property 'name'" and our "Enter a
 * service name of 1 to 200 characters" — only ours is kept). Problems with the same path and
 * message collapse. Distinct rule problems at one path (e.g. two attributes rules) all stay.
 */
export function mergeProblems(schemaProblems: readonly ImportProblem[], ruleProblems: readonly ImportProblem[]): ImportProblem[] {
  const rulePaths = new Set(ruleProblems.map((problem) => problem.path));
  const seen = new Set<string>();
  const merged: ImportProblem[] = [];
  for (const problem of [...schemaProblems.filter((problem) => !rulePaths.has(problem.path)), ...ruleProblems]) {
    const key = `${problem.path}\u0000${problem.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(problem);
  }
  return merged;
}
