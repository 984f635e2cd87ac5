// Certificates of completion (修了証): issued in the transaction that completes a course, read
// back as a PDF by the learner and their organisation admins, and verified by anyone with the
// code alone.
//
// Verification signs no one in and sets no tenant: it runs in a transaction of its own that sets
// only app.certificate_code, so the certificates_verification policy (migration
// 1764450000000-create-training) lets exactly the row with that code be read — and the tenant
// policies, with no tenant set, let nothing else be. It answers only valid, name, course and date.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { certificateCode, japanDate, mayOverseeMembersTraining, normalizeCertificateCode } from '@tsunagu/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { notFound } from '../../../core/authz/authorize';
import { APP_CONFIG, AppConfig } from '../../../core/config/config';
import { queryRows } from '../../../core/database/returning';
import { runInTenant, runWithCertificateCode } from '../../../core/tenancy/tenant-transaction';
import { renderCertificatePdf } from './certificate-pdf';
import type { CertificateVerification } from './learning.model';
import { requireId } from '../../../core/graphql/ids';

export const CERTIFICATE = { ja: '修了証', en: 'certificate' };
/** Random codes clash with odds of 1 in 2^80 per pair; a few tries are more than enough. */
const CODE_TRIES = 5;

export interface CertificateFacts {
  readonly learnerName: string;
  readonly courseTitle: string;
  readonly issuerName: string;
  readonly completedAt: Date;
}

const INVALID: CertificateVerification = { valid: false, learnerName: null, courseTitle: null, issuerName: null, completedOn: null };

@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Issues the certificate of an enrolment inside the caller's transaction (in the learner's
   * network), with what it says kept as issued. A clash of the random code with any network's
   * certificate is skipped by ON CONFLICT and a new code drawn.
   */
  async issue(manager: EntityManager, tenantId: string, enrolmentId: string, facts: CertificateFacts): Promise<string> {
    for (let attempt = 0; attempt < CODE_TRIES; attempt += 1) {
      const code = certificateCode(randomBytes(10));
      const inserted = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO certificates (tenant_id, enrolment_id, code, learner_name, course_title, issuer_name, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [tenantId, enrolmentId, code, facts.learnerName, facts.courseTitle, facts.issuerName, facts.completedAt],
      );
      if (inserted[0]) return inserted[0].id;
    }
    throw new Error('Could not draw an unused certificate code');
  }

  /** Anyone, without signing in: whether a typed code is a certificate's, and only whose, what and when. */
  async verify(typed: string): Promise<CertificateVerification> {
    const code = typed.length <= 100 ? normalizeCertificateCode(typed) : null;
    if (!code) return INVALID;
    // The issuing organisation as printed on the certificate (issue 16: /verify did not name it);
    // nothing beyond what the certificate itself shows.
    const rows: Array<{ learner_name: string; course_title: string; issuer_name: string; completed_at: Date }> = await runWithCertificateCode(
      this.dataSource,
      code,
      (manager) => manager.query(`SELECT learner_name, course_title, issuer_name, completed_at FROM certificates WHERE code = $1`, [code]),
    );
    const row = rows[0];
    if (!row) return INVALID;
    return {
      valid: true,
      learnerName: row.learner_name,
      courseTitle: row.course_title,
      issuerName: row.issuer_name,
      completedOn: japanDate(row.completed_at),
    };
  }

  /**
   * The certificate as a PDF, for the learner and for the organisation admins of the learner's
   * organisation; anyone else (another member, another network, a non-UUID) gets NOT_FOUND.
   */
  async pdf(actor: RequestActor, id: string): Promise<{ code: string; pdf: Buffer }> {
    requireId(id, CERTIFICATE);
    const rows: Array<{ code: string; learner_name: string; course_title: string; issuer_name: string; completed_at: Date }> = await runInTenant(
      this.dataSource,
      actor,
      (manager) =>
        manager.query(
          `SELECT c.code, c.learner_name, c.course_title, c.issuer_name, c.completed_at
             FROM certificates c
             JOIN course_enrolments e ON e.tenant_id = c.tenant_id AND e.id = c.enrolment_id
             JOIN memberships m ON m.tenant_id = e.tenant_id AND m.id = e.membership_id
            WHERE c.tenant_id = $1 AND c.id = $2
              AND (e.membership_id = $3 OR ($4 AND m.organization_id = $5))`,
          [actor.tenantId, id, actor.membershipId, mayOverseeMembersTraining(actor.roles), actor.organizationId],
        ),
    );
    const row = rows[0];
    if (!row) throw notFound(CERTIFICATE);
    const pdf = await renderCertificatePdf({
      learnerName: row.learner_name,
      courseTitle: row.course_title,
      issuerName: row.issuer_name,
      completedAt: row.completed_at,
      code: row.code,
      verificationUrl: `${this.config.mail.appBaseUrl}/verify?code=${encodeURIComponent(row.code)}`,
    });
    return { code: row.code, pdf };
  }
}
