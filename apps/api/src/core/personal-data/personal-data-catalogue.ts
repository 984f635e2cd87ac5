// The catalogue of every path that carries personal data (DESIGN.md, "Personal data
// protection"; issue 14). A person's data is more than their fields: free text about them, files,
// counts in reports, exports, job payloads and the roles and kinds that widen who may read. Each
// entry says what it holds, which columns hold it, the rule that guards it, and the source files
// that may touch those columns. Two checks keep the catalogue true (personal-data-catalogue.spec.ts
// and tests/integration/personal-data-catalogue.spec.ts):
//   - every column of the live schema is classified: text-like columns one by one (personal here,
//     or not personal with a reason below), other columns at least by their table;
//   - SQL in apps/api/src that names a catalogued table together with one of its personal columns
//     lives in a file the entry lists, so a new query path cannot appear without being named here.
// Paths are relative to apps/api/src.

export type PersonalDataKind =
  /** A person supported's own values (identity, contact, special-care categories…). */
  | 'PERSON_VALUES'
  /** Free text written about a person (reasons, notes, messages, evidence). */
  | 'FREE_TEXT'
  /** Facts about a person that are not their values: which categories, needs, age band. */
  | 'PERSON_FACTS'
  /** What is kept about the use of a person's data (access log, provision records, corrections). */
  | 'RECORDS'
  /** Files: consent evidence, uploads. */
  | 'FILES'
  /** Counts concerning people, published in reports. */
  | 'AGGREGATES'
  /** Mail and job payloads that leave the request. */
  | 'OUTBOUND'
  /** Roles and organisation kinds: they decide who may read everything above. */
  | 'ACCESS'
  /** Members' and contacts' own data (staff, not people supported). */
  | 'MEMBERS';

export interface PersonalDataPath {
  readonly id: string;
  readonly kind: PersonalDataKind;
  /** What the path carries, in a sentence. */
  readonly holds: string;
  /** `table.column` of the columns that hold it (none for a path that is only code, e.g. a PDF). */
  readonly columns: readonly string[];
  /** The rule that guards it, naming the code (and test) that enforces it. */
  readonly rule: string;
  /** Source files that may name these columns in SQL, or that produce the path (exports). */
  readonly paths: readonly string[];
  /**
   * Which SQL must come from `paths`: every statement (the default), only writes (where reading
   * is everywhere and harmless but a write widens access), or none (members' own data, read for
   * display names across the product; guarded by the network's RLS and the account rules).
   */
  readonly checked?: 'ALL_SQL' | 'WRITES' | 'NOT_CHECKED';
}

export const PERSONAL_DATA_CATALOGUE: readonly PersonalDataPath[] = [
  {
    id: 'person-values',
    kind: 'PERSON_VALUES',
    holds: "A person's values by category; special-care ones sealed (encrypted) at rest.",
    columns: [
      'persons.identity',
      'persons.contact',
      'persons.household',
      'persons.financial',
      'persons.consultation',
      'persons.health_sealed',
      'persons.disability_sealed',
      'persons.legal_sealed',
      'persons.search_text',
      'persons.duplicate_key',
    ],
    rule:
      'PersonalDataReader (core/personal-data/person-reader.ts): owner roles (decideForOwner), consent matrix for recipients (decideForRecipient), bounded by the shared categories of live referrals for REFERRAL, and for STATISTICS only the non-identifying projection of libs/domain people-statistics.ts (Person.statistics); access log and provision record on every outside read. Written only through PersonRecords: createPerson, and updatePerson (everyday changes) and correctPerson (訂正, also kept in person_corrections) through the one replaceCategories step of people.service.ts, for the owner organisation’s casework roles (special-care categories for admins and coordinators only), audited with field names only, consents untouched (people-update.spec.ts). single-read-path.spec.ts keeps SQL on persons here.',
    paths: ['core/personal-data/person-reader.ts', 'core/personal-data/person-records.ts', 'core/personal-data/person-queries.ts'],
  },
  {
    id: 'person-pseudonym',
    kind: 'PERSON_FACTS',
    holds: 'The pseudonym (a non-identifying handle) and status of a person, shown on referrals and kept records.',
    columns: ['persons.pseudonym', 'persons.status', 'persons.use_ceased_reason'],
    rule: 'Read only with the ids of persons the actor may see: the owner, or a referral party (referrals.service.ts); never a value column (single-read-path.spec.ts).',
    paths: [
      'core/personal-data/person-reader.ts',
      'core/personal-data/person-records.ts',
      'core/personal-data/provision.ts',
      'modules/people/kept-records.service.ts',
      'modules/referrals/referrals.service.ts',
      // counts people in use whose consents name a kind (the kind change's preview)
      'modules/organizations/organization-kind.service.ts',
      'core/personal-data/person-queries.ts',
      'modules/referrals/referral-queries.ts',
    ],
  },
  {
    id: 'referral-free-text',
    kind: 'FREE_TEXT',
    holds: 'What a referral says about the person: reason, notes, outcome, event notes and the parties\' messages.',
    columns: ['referrals.reason', 'referrals.notes', 'referrals.outcome', 'referral_events.note', 'referral_messages.body'],
    rule:
      'CONSULTATION data of the person (libs/domain referral-free-text.ts). Referral parties only (RLS per network, party check in referrals.service.ts); the original notes travel on forwarding only when the forwarder chooses them (referralForwardPreview shows what travels) and an active consent covers the third organisation, REFERRAL and CONSULTATION, with a provision record (REFERRAL_TEXT:<id>); reason, notes, outcome, timeline notes, messages, the onward outcome and the forward preview’s text withheld (null with textWithheldReason SPECIAL_CARE_HIDDEN) from roles that may not see special-care data when the referral shares such categories; replaced by the dated erased marker in every copy when the person is erased (person-records.ts → app_erase_referral_text), and any text written afterwards on a referral of an erased person is stored as that marker (triggers of migration 1764515000000, app_erased_referral_marker); the preview’s text rendered as the fields are. referral-free-text.spec.ts.',
    paths: ['modules/referrals/referrals.service.ts', 'core/personal-data/person-records.ts', 'seed/demo-referrals.ts', 'modules/referrals/referral-queries.ts'],
  },
  {
    id: 'referral-person-facts',
    kind: 'PERSON_FACTS',
    holds: 'Which categories a referral shares, the needs, and an anonymous case\'s age band, gender and municipality.',
    columns: [
      'referrals.shared_categories',
      'referral_events.categories',
      'referrals.needs',
      'referrals.anonymous_age_band',
      'referrals.anonymous_gender',
      'referrals.anonymous_municipality_code',
    ],
    rule:
      'Referral parties only; special-care categories shown to roles outside SPECIAL_CARE_ROLES only as one hidden marker (categoriesAsSeenBy, Referral.specialCareHidden); on a person’s referral their special-care needs (SPECIAL_CARE_NEEDS) are left out for those roles too and a need filter does not find them (needsAsSeenBy, referrals.service.ts). The shared categories of live referrals bound what a receiving organisation reads for REFERRAL (person-reader.ts); the sender widens them (shareReferralCategories, consent-checked, provision record) when the receiver asks (requestReferralCategories).',
    paths: ['modules/referrals/referrals.service.ts', 'core/personal-data/person-reader.ts', 'seed/demo-referrals.ts', 'core/personal-data/person-queries.ts', 'modules/referrals/referral-queries.ts'],
  },
  {
    id: 'consent-terms',
    kind: 'PERSON_FACTS',
    holds: 'A consent\'s categories, recipients and purposes (a HEALTH consent says the person has health data).',
    columns: ['consents.categories', 'consents.purposes', 'consents.recipient_organization_ids', 'consents.recipient_kinds', 'consents.method'],
    rule:
      'Owner organisation\'s casework roles only (ability Consent); special-care categories shown to STAFF only as one hidden marker (categoriesAsSeenBy, Consent.specialCareHidden; people-statistics-staff.spec.ts); the reader uses them to decide.',
    paths: [
      'core/personal-data/person-reader.ts',
      'core/personal-data/person-records.ts',
      'core/personal-data/provision.ts',
      'modules/people/consents.service.ts',
      'modules/people/kept-records.service.ts',
      'modules/organizations/organization-kind.service.ts',
      'seed/demo-people.ts',
      'core/personal-data/person-queries.ts',
    ],
  },
  {
    id: 'consent-free-text',
    kind: 'FREE_TEXT',
    holds: 'Evidence notes and revocation reasons of a consent.',
    columns: ['consents.evidence_note', 'consents.revocation_reason'],
    rule:
      'Owner organisation\'s casework roles only; null with Consent.textWithheldReason ROLE_NOT_PERMITTED for roles that may not see special-care data when the consent covers special-care categories.',
    paths: [
      'core/personal-data/person-records.ts',
      'modules/people/consents.service.ts',
      'modules/people/kept-records.service.ts',
      'seed/demo-people.ts',
    ],
  },
  {
    id: 'consent-evidence-files',
    kind: 'FILES',
    holds: 'Scans or photos of a signed consent form.',
    columns: ['consent_evidence_files.content', 'consent_evidence_files.file_name'],
    rule:
      'Owner organisation\'s casework roles only (consents.service.ts, ability Consent); refused (SPECIAL_CARE_ROLE_REQUIRED) to roles that may not see special-care data for a special-care consent; never sent to another organisation.',
    paths: ['modules/people/consents.service.ts'],
  },
  {
    id: 'corrections',
    kind: 'RECORDS',
    holds: 'Corrections made at a person\'s request: which fields and why.',
    columns: ['person_corrections.reason', 'person_corrections.fields'],
    rule: 'Owner organisation only (ability PersonRecords); part of the disclosure export.',
    paths: ['core/personal-data/person-records.ts', 'modules/people/kept-records.service.ts', 'modules/people/people.service.ts'],
  },
  {
    id: 'access-and-provision-records',
    kind: 'RECORDS',
    holds: 'Who read which categories of a person, and each third-party provision (第三者提供記録).',
    columns: [
      'person_access_log.categories',
      'person_access_log.purpose',
      'person_access_log.consent_ids',
      'provision_records.categories',
      'provision_records.purpose',
      'provision_records.consent_ids',
      'provision_records.provider_acquisition',
      'provision_records.context',
    ],
    rule: 'Written only by the reader and provision.ts in the reading transaction; read by the owner (ability PersonRecords); immutable to the application role.',
    paths: [
      'core/personal-data/person-reader.ts',
      'core/personal-data/provision.ts',
      'modules/people/kept-records.service.ts',
      'seed/demo-referrals.ts',
      'core/personal-data/person-queries.ts',
    ],
  },
  {
    id: 'disclosure-exports',
    kind: 'RECORDS',
    holds: 'The disclosure export (everything held about a person) and the provision-record CSV.',
    columns: [],
    rule: 'Built from the reader and kept records for the owner organisation only (ability PersonRecords).',
    paths: ['modules/people/disclosure-document.ts', 'modules/people/disclosure-pdf.ts', 'modules/people/provision-csv.ts'],
  },
  {
    id: 'interaction-notes',
    kind: 'FREE_TEXT',
    holds: 'Partnership meeting notes, attendees and follow-ups, which may mention a person discussed.',
    columns: ['partnership_interactions.notes', 'partnership_interactions.attendees', 'partnership_follow_ups.description'],
    rule: 'Parties to the partnership only (partnership-reader.ts), never in reports or the network map; the home page lists the open follow-ups of the liaison\'s own municipality only (home-queries.ts, home.spec.ts).',
    paths: [
      'modules/partnerships/partnerships.service.ts',
      'modules/home/home-queries.ts',
      'modules/partnerships/partnership-reminders.ts',
      'seed/demo-partnerships.ts',
    ],
  },
  {
    id: 'home-page',
    kind: 'PERSON_FACTS',
    holds: "The home page's waiting referrals (pseudonym, needs, shared categories, free text as the referral list has them) and its counts.",
    columns: [],
    rule:
      "No statement of its own on people or referral text: the referral section is ReferralsService.awaitingReply (referral-queries.ts, the list's toReferral withholding), the inbox of the member's own organisation only; no person's values are read (no PersonalDataReader call); the network section is counts only. home.spec.ts: another network never counted, another organisation's referrals never listed, an unconsented person never named.",
    paths: ['modules/home/home.service.ts', 'modules/home/home-queries.ts'],
  },
  {
    id: 'referral-aggregates',
    kind: 'AGGREGATES',
    holds: 'Counts of referrals (people) by day or month, organisation pair, status, need and acceptance time.',
    columns: [
      'referral_daily_stats.referrals',
      'referral_monthly_stats.referrals',
      'referral_category_daily_stats.referrals',
      'referral_category_monthly_stats.referrals',
      'referral_acceptance_stats.referrals',
      'referral_acceptance_monthly_stats.referrals',
    ],
    rule:
      'Published only for a whole month or fiscal year (reportPeriodOf), from one protected fiscal year per scope (ReportsService.protectedYear → libs/domain disclosure-control.ts: primary suppression of 1–4, secondary suppression checked exactly by Gaussian elimination); the report, its CSV, the annual CSV and PDF and the network map read the same protected figures; rates only when every count they use is shown (ratePercentIfSafe). reports-differencing.spec.ts.',
    paths: ['modules/reports/reports.service.ts'],
  },
  {
    id: 'report-exports',
    kind: 'AGGREGATES',
    holds: 'Reports as CSV and PDF, the network map\'s flows, and training enrolment and completion counts by month.',
    columns: [],
    rule: 'The same suppressed figures as the report (report-figures.ts), never recomputed.',
    paths: [
      'modules/reports/report-figures.ts',
      'modules/reports/annual-evaluation-pdf.ts',
      'modules/reports/reports.controller.ts',
    ],
  },
  {
    id: 'files',
    kind: 'FILES',
    holds: 'Uploaded files (grant attachments, course materials, partnership documents) and where they are stored.',
    columns: ['files.file_name', 'files.storage_key'],
    rule:
      'A file is readable exactly by those who may read the record it belongs to: core/files/file-access.ts holds one rule per purpose (grant-file-access.ts, course-file-access.ts, partnership-documents-access.ts), a purpose without a rule is refused, an unattached upload is its organisation\'s only; file metadata over GraphQL comes through the same readers (files-audience.spec.ts).',
    paths: [
      'core/files/files.service.ts',
      'modules/grants/grant-reader.ts',
      'modules/partnerships/partnership-reader.ts',
      'modules/training/courses/course-reader.ts',
      'seed/demo-training.ts',
    ],
  },
  {
    id: 'mail',
    kind: 'OUTBOUND',
    holds: 'Mail to members: recipient address and bodies (which name members, never a person supported\'s values).',
    columns: ['mail_outbox.recipient', 'mail_outbox.subject', 'mail_outbox.text_body', 'mail_outbox.html_body'],
    rule:
      'Written in the transaction of the change; the application role may only insert, and the sender reads it as the owner role (job-payloads.spec.ts › the mail outbox); templates take ids and member names, never a person supported\'s values.',
    paths: ['core/mail/mail-outbox.ts', 'core/mail/mail-sender.ts'],
  },
  {
    id: 'job-payloads',
    kind: 'OUTBOUND',
    holds: 'Background job payloads (pgboss.job.data).',
    columns: [],
    rule:
      'Ids, codes, dates, numbers and flags only: core/jobs/job-payload.ts refuses anything else before it is stored; a failed job keeps only its queue and an error code (job-payloads.spec.ts runs every queue\'s real flows and finds no name, address or free text).',
    paths: ['core/jobs/job-queue.ts'],
  },
  {
    id: 'access-widening',
    kind: 'ACCESS',
    holds: 'Membership roles, invitation roles and organisation kinds, which decide who may read the paths above.',
    columns: ['memberships.roles', 'invitations.roles', 'organizations.kind'],
    rule:
      'Roles allowed per kind in libs/domain roles.ts (LIAISON only in a municipality, GRANT_EDITOR only in an intermediary or municipality), enforced by members.service.ts and the *_roles_allowed_by_kind triggers (migration 1764500000000); a kind changes only through changeOrganizationKind by a network admin, after organizationKindChangePreview (counts only), audited (organization-kind-invariants.spec.ts).',
    paths: [
      'modules/members/members.service.ts',
      'modules/organizations/organizations.service.ts',
      'modules/organizations/organization-kind.service.ts',
      // creates organisations with the file's kind; never changes an existing one's (hsds.spec.ts)
      'modules/hsds/hsds.service.ts',
      'seed/demo-seed.ts',
    ],
    checked: 'WRITES',
  },
  {
    id: 'security-log',
    kind: 'MEMBERS',
    holds: "A member's sign-ins, failures, second factors, password and factor changes and sessions ended, with the client address and user agent.",
    columns: ['security_events.kind', 'security_events.method', 'security_events.ip', 'security_events.user_agent'],
    rule:
      'Append-only (the application role has no UPDATE or DELETE). Read by the user themselves (mySecurityEvents, runAsUser) and by the network admins of a network the user is a member of, for events in that network or of the account itself (networkSecurityEvents, ability SecurityLog, RLS policy security_events_network); never another network\'s events (security-log.spec.ts). Deleted after SECURITY_LOG_RETENTION_DAYS (400) by app_purge_security_events, by age only.',
    // second-step.service.ts counts an account's recent SECOND_FACTOR_FAILED events (its limit across challenges).
    paths: ['core/auth/security-log.ts', 'modules/security-log/security-log.service.ts', 'modules/second-factors/second-step.service.ts'],
  },
  {
    id: 'members',
    kind: 'MEMBERS',
    holds: 'Members\' and partnership contacts\' own names, addresses and sign-in traces.',
    columns: [
      'users.email',
      'users.display_name',
      'invitations.email',
      'partnership_contacts.name',
      'partnership_contacts.email',
      'partnership_contacts.phone',
      'partnership_contacts.job_title',
      'certificates.learner_name',
      'sessions.user_agent',
      // A name the member gave their passkey ("Yuki's phone").
      'user_passkeys.label',
      'sessions.ip',
      'sessions.last_ip',
      'login_throttle.key',
      // A reset request's address, until its job has read it (seconds; a day at most).
      'password_reset_requests.email',
      'password_reset_requests.user_agent',
      'password_reset_requests.ip',
      // Where a pending sign-in step or passkey ceremony came from (minutes; single use).
      'auth_challenges.ip',
      'auth_challenges.user_agent',
      'quiz_attempts.answers',
      'grant_applications.notes',
    ],
    rule: 'Members\' data within their network (RLS) and the account rules (accounts, members); not a person supported\'s data, so not under consent. Sign-in traces (sessions, challenges, reset requests, passkey labels) are the member\'s own rows or the authentication context\'s only: no one else in the network, its admin included, reads them (security-log.spec.ts, "keeps a member\'s factors, sign-in challenges…"); the security log is its own entry above.',
    paths: [],
    checked: 'NOT_CHECKED',
  },
];

/**
 * Text-like columns that hold no personal data, by table, with why. Ids, times, numbers and
 * booleans are not listed column by column: a table named anywhere here covers them.
 */
export const NOT_PERSONAL: Readonly<Record<string, { readonly why: string; readonly columns: readonly string[] }>> = {
  audit_log: { why: 'who changed which entity and which field names, never values', columns: ['entity', 'action', 'changed_fields'] },
  certificates: { why: 'course title, issuer and the public verification code', columns: ['code', 'course_title', 'issuer_name'] },
  consent_evidence_files: { why: 'the media type of the evidence', columns: ['media_type'] },
  course_enrolments: { why: 'how an enrolment came about', columns: ['source'] },
  course_materials: { why: 'published training material', columns: ['title', 'format', 'url'] },
  course_modules: { why: 'published training material', columns: ['title', 'description'] },
  courses: {
    why: 'published training material and its audience',
    columns: ['title', 'summary', 'audience_roles', 'audience_organization_ids', 'visibility', 'status', 'search_document', 'search_reading', 'search_bigrams'],
  },
  files: { why: 'storage facts of a file', columns: ['media_type', 'sha256', 'storage_driver', 'purpose'] },
  grant_applications: { why: 'an organisation\'s application status', columns: ['status'] },
  grant_attachments: { why: 'links between grants and files', columns: [] },
  grant_bookmarks: { why: 'bookmarks', columns: [] },
  grant_reminders_sent: { why: 'reminder bookkeeping', columns: [] },
  grant_saved_search_matches: { why: 'match bookkeeping', columns: [] },
  grant_saved_searches: { why: 'search criteria', columns: ['name', 'criteria'] },
  grants: {
    why: 'published grant listings',
    columns: [
      'title', 'funder_name', 'funder_kind', 'summary', 'details_html', 'grant_type', 'eligible_kinds', 'legal_forms',
      'region_codes', 'themes', 'application_url', 'contact', 'status', 'visibility', 'search_document', 'search_reading', 'search_bigrams',
      'source', 'source_id',
    ],
  },
  invitations: { why: 'a hash of the invitation token', columns: ['token_hash'] },
  mail_outbox: { why: 'delivery bookkeeping', columns: ['kind', 'language', 'status', 'last_error', 'message_id'] },
  material_completions: { why: 'progress bookkeeping', columns: [] },
  memberships: { why: 'links users to organisations (roles are catalogued)', columns: [] },
  networks: { why: 'the network\'s public name', columns: ['slug', 'name'] },
  notification_preferences: { why: 'delivery choices', columns: ['kind', 'delivery'] },
  notifications: { why: 'a notice kind and the id it points to, never text about a person', columns: ['kind'] },
  organizations: {
    why: 'public organisation profiles',
    columns: [
      'name', 'name_kana', 'corporate_number', 'municipality_code', 'description', 'postal_code', 'address', 'website',
      'phone', 'email', 'logo_url', 'search_name',
    ],
  },
  partnership_contacts: { why: 'which side a contact is on', columns: ['side'] },
  partnership_documents: { why: 'links between partnerships and files', columns: [] },
  partnership_interactions: { why: 'the kind of meeting', columns: ['kind'] },
  partnership_reminders_sent: { why: 'reminder bookkeeping', columns: ['kind'] },
  partnerships: { why: 'agreements between organisations', columns: ['partnership_type', 'title', 'description', 'status'] },
  password_resets: { why: 'a token hash', columns: ['token_hash'] },
  quiz_questions: { why: 'published quiz questions', columns: ['prompt', 'kind', 'choices', 'correct_choices'] },
  referral_acceptance_monthly_stats: { why: 'aggregate keys (the counts are catalogued)', columns: [] },
  referral_acceptance_stats: { why: 'aggregate keys (the counts are catalogued)', columns: [] },
  referral_category_daily_stats: { why: 'aggregate keys (the counts are catalogued)', columns: ['category', 'status'] },
  referral_category_monthly_stats: { why: 'aggregate keys (the counts are catalogued)', columns: ['category'] },
  referral_daily_stats: { why: 'aggregate keys (the counts are catalogued)', columns: ['status'] },
  referral_monthly_stats: { why: 'aggregate keys (the counts are catalogued)', columns: ['status'] },
  referral_events: { why: 'the transition itself', columns: ['action', 'from_status', 'to_status'] },
  referral_reads: { why: 'read marks', columns: [] },
  referrals: { why: 'the service referred to and the referral\'s state', columns: ['service_name', 'urgency', 'status'] },
  refresh_tokens: { why: 'a token hash', columns: ['token_hash'] },
  schema_migrations: { why: 'migration bookkeeping', columns: ['name'] },
  services: {
    why: 'public service listings; channels marked public: false (partner-only lines) leave the network only in the network admin\'s marked partners export, never in the public HSDS file or the portal (hsds.spec.ts)',
    columns: [
      'name', 'name_kana', 'description', 'categories', 'target_groups', 'eligibility', 'area_codes', 'languages',
      'opening_hours', 'channels', 'channel_kinds', 'open_days', 'fee', 'fee_note', 'capacity', 'waitlist_note',
      'search_document', 'search_reading', 'sort_name', 'search_bigrams',
    ],
  },
  session_registrations: { why: 'registration state', columns: ['status'] },
  sessions: { why: 'why a session was ended and how it was signed in', columns: ['revoked_reason', 'authenticated_with'] },
  training_sessions: { why: 'published session details', columns: ['title', 'description', 'place', 'online_url', 'status'] },
  users: {
    why: 'preference, a password hash, and which kinds of second factor are enrolled (shown to the network admins, never the factors)',
    columns: ['preferred_language', 'password_hash', 'second_factor_kinds'],
  },
  auth_challenges: {
    why: 'a pending sign-in step: its purpose, a token hash and a random WebAuthn challenge (the address is catalogued)',
    columns: ['purpose', 'token_hash', 'webauthn_challenge'],
  },
  user_totp: {
    why: 'an authenticator secret, sealed by FieldCipher and read only in the owner\'s or a sign-in\'s transaction; a credential, not data about anyone',
    columns: ['secret_sealed'],
  },
  user_recovery_codes: { why: 'hashes of random one-time codes', columns: ['code_hash'] },
  persons: { why: 'ids and times only beyond the catalogued columns', columns: [] },
  consents: { why: 'ids and validity times beyond the catalogued columns', columns: [] },
  person_access_log: { why: 'ids and times beyond the catalogued columns', columns: [] },
  person_corrections: { why: 'ids and times beyond the catalogued columns', columns: [] },
  provision_records: { why: 'ids and times beyond the catalogued columns', columns: [] },
  referral_messages: { why: 'ids and times beyond the catalogued columns', columns: [] },
  quiz_attempts: { why: 'scores', columns: [] },
  login_throttle: { why: 'counters', columns: [] },
  user_passkeys: {
    why: 'a WebAuthn credential: its random id, public key, transports and device type (the label is catalogued)',
    columns: ['credential_id', 'public_key', 'transports', 'device_type'],
  },
};
