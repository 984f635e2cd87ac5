// Two-step verification on /account: set up an authenticator app (QR code drawn here, in the
// browser, so no third party sees the secret; the key for typing by hand), confirm it with a first
// code, keep the recovery codes shown once, make new ones, remove the app. A change the API wants
// recent proof for (REAUTHENTICATION_REQUIRED) asks for the password (and a code) and retries.
// Passkeys are enrolled beside this (their own section).
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Code, CopyButton, Group, Image, List, Modal, Stack, Text } from '@mantine/core';
import { reauthenticateSchema, totpCodeSchema } from '@tsunagu/domain';
import {
  BeginTotpEnrolmentDocument,
  ConfirmTotpEnrolmentDocument,
  MySecondFactorDocument,
  ReauthenticateDocument,
  RegenerateRecoveryCodesDocument,
  RemoveTotpDocument,
} from '@tsunagu/graphql-client';
import { ConfirmDialog } from '@tsunagu/ui';
import QRCode from 'qrcode';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { authStore } from '../../app/auth/auth-store';
import { useSession } from '../../app/auth/use-session';
import { TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { PasswordInput } from '../../app/password-input';
import { SectionCard } from '../../app/section-card';
import { formatDateTime } from '../../app/japan-time-format';
import { reasonOf } from './second-factor-errors';

interface Enrolment {
  readonly secret: string;
  readonly qrDataUrl: string;
}

export function SecondFactorSection() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const client = useApolloClient();
  const status = me?.secondFactor;
  const [begin] = useMutation(BeginTotpEnrolmentDocument);
  const [regenerate] = useMutation(RegenerateRecoveryCodesDocument);
  const [remove] = useMutation(RemoveTotpDocument);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'regenerate' | 'remove' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The action to retry once the person has proven who they are. */
  const [pendingProof, setPendingProof] = useState<(() => Promise<void>) | null>(null);

  const reloadMe = async () => {
    const result = await client.query({ query: MySecondFactorDocument, fetchPolicy: 'network-only' });
    if (result.data?.me) authStore.updateMe(result.data.me);
  };

  /** Runs `action`; when the API asks for recent authentication, asks for it and runs it again. */
  const withProof = (name: string, action: () => Promise<void>) => async () => {
    setError(null);
    setNotice(null);
    setBusy(name);
    try {
      await action();
    } catch (caught) {
      if (reasonOf(caught) === 'REAUTHENTICATION_REQUIRED') setPendingProof(() => action);
      else setError(readApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const startEnrolment = withProof('begin', async () => {
    const result = await begin();
    const started = result.data?.beginTotpEnrolment;
    if (!started) return;
    const qrDataUrl = await QRCode.toDataURL(started.otpauthUri, { margin: 1, width: 200 });
    setEnrolment({ secret: started.secret, qrDataUrl });
  });

  const regenerateCodes = withProof('regenerate', async () => {
    setConfirming(null);
    const result = await regenerate();
    if (result.data) setCodes(result.data.regenerateRecoveryCodes.codes);
    await reloadMe();
  });

  const removeTotp = withProof('remove', async () => {
    setConfirming(null);
    await remove();
    await reloadMe();
    setNotice(t('secondFactor.account.removed'));
  });

  if (!status) return null;
  const hasTotp = status.methods.includes('TOTP');

  return (
    <SectionCard id="second-factor-heading" title={t('secondFactor.account.heading')} description={t('secondFactor.account.description')} testId="second-factor-section">
      <Stack gap="md">
        <Group gap="xs">
          <Badge color={status.enrolled ? 'teal' : 'gray'} variant="light" tt="none">
            {status.enrolled ? t('secondFactor.account.on') : t('secondFactor.account.off')}
          </Badge>
          {status.enrolled ? (
            <Text fz="sm">
              {t('secondFactor.account.enrolledMethods', {
                methods: status.methods.map((method) => t(`secondFactor.methods.${method}`)).join('、'),
              })}
            </Text>
          ) : null}
        </Group>
        {status.requiredByPolicy ? (
          <Alert color="blue" variant="light">
            {t('secondFactor.account.requiredByPolicy')}
            {status.dueBy && status.enrolmentRequired ? ` (${formatDateTime(status.dueBy, i18n.language)})` : ''}
          </Alert>
        ) : null}
        {notice ? (
          <Alert color="teal" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        <ApiErrorAlert error={error} />
        {enrolment ? (
          <ConfirmTotpForm
            enrolment={enrolment}
            onCancel={() => setEnrolment(null)}
            onConfirmed={async (recoveryCodes) => {
              setEnrolment(null);
              setNotice(t('secondFactor.account.enabled'));
              // With codes to show, `me` is reloaded when they are closed: a session that could only
              // enrol leaves this page as soon as `me` says it has a factor, and the codes with it.
              if (recoveryCodes.length) setCodes(recoveryCodes);
              else await reloadMe();
            }}
          />
        ) : (
          <Group gap="sm">
            {!hasTotp ? (
              <Button onClick={() => void startEnrolment()} loading={busy === 'begin'}>
                {t('secondFactor.account.setUp')}
              </Button>
            ) : null}
            {status.enrolled ? (
              <>
                <Text fz="sm" c="dimmed">
                  {t('secondFactor.account.recoveryLeft', { count: status.recoveryCodesLeft })}
                </Text>
                <Button variant="light" onClick={() => setConfirming('regenerate')} loading={busy === 'regenerate'}>
                  {t('secondFactor.account.regenerate')}
                </Button>
              </>
            ) : null}
            {hasTotp ? (
              <Button variant="light" color="red" onClick={() => setConfirming('remove')} loading={busy === 'remove'}>
                {t('secondFactor.account.remove')}
              </Button>
            ) : null}
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming === 'regenerate'}
        title={t('secondFactor.account.regenerate')}
        confirmLabel={t('secondFactor.account.regenerate')}
        cancelLabel={t('secondFactor.account.cancel')}
        onConfirm={() => void regenerateCodes()}
        onCancel={() => setConfirming(null)}
      >
        {t('secondFactor.account.regenerateConfirm')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'remove'}
        title={t('secondFactor.account.remove')}
        confirmLabel={t('secondFactor.account.remove')}
        cancelLabel={t('secondFactor.account.cancel')}
        danger
        onConfirm={() => void removeTotp()}
        onCancel={() => setConfirming(null)}
      >
        {t('secondFactor.account.removeConfirm')}
      </ConfirmDialog>
      <RecoveryCodesModal
        codes={codes}
        onClose={() => {
          setCodes(null);
          void reloadMe();
        }}
      />
      <ReauthenticateModal
        opened={pendingProof !== null}
        needsCode={hasTotp}
        onCancel={() => setPendingProof(null)}
        onProven={async () => {
          const retry = pendingProof;
          setPendingProof(null);
          if (retry) await withProof('retry', retry)();
        }}
      />
    </SectionCard>
  );
}

function ConfirmTotpForm({
  enrolment,
  onCancel,
  onConfirmed,
}: {
  enrolment: Enrolment;
  onCancel: () => void;
  onConfirmed: (recoveryCodes: string[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [confirm] = useMutation(ConfirmTotpEnrolmentDocument);
  const { form, apiError, onSubmit } = useSchemaForm({ schema: totpCodeSchema, initialValues: { code: '' }, toInput: (values) => values });
  const submit = onSubmit(async ({ code }) => {
    const result = await confirm({ variables: { code } });
    if (result.data) await onConfirmed(result.data.confirmTotpEnrolment.codes);
  });
  return (
    <form onSubmit={submit} noValidate data-testid="totp-enrolment">
      <Stack gap="sm">
        <Text fz="sm">{t('secondFactor.account.scan')}</Text>
        <Image src={enrolment.qrDataUrl} alt={t('secondFactor.account.qrAlt')} w={200} h={200} />
        <Text fz="sm">{t('secondFactor.account.manualKey')}</Text>
        <Code block data-testid="totp-secret">
          {enrolment.secret}
        </Code>
        <Text fz="sm">{t('secondFactor.account.confirmHelp')}</Text>
        <ApiErrorAlert error={apiError} />
        <TextField
          label={t('secondFactor.step.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
          form={form}
          name="code"
        />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {t('secondFactor.account.confirm')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('secondFactor.account.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The recovery codes, this once: copy, save as a file, then close. */
export function RecoveryCodesModal({ codes, onClose }: { codes: string[] | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = codes ? [t('secondFactor.recovery.fileHeader'), '', ...codes].join('\n') : '';
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'tsunagu-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Modal opened={codes !== null} onClose={onClose} title={t('secondFactor.recovery.title')} centered closeOnClickOutside={false}>
      <Stack gap="md">
        <Text fz="sm">{t('secondFactor.recovery.help')}</Text>
        <List spacing={4} listStyleType="none" data-testid="recovery-codes">
          {(codes ?? []).map((code) => (
            <List.Item key={code}>
              <Code fz="md">{code}</Code>
            </List.Item>
          ))}
        </List>
        <Group gap="sm">
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t('secondFactor.recovery.copied') : t('secondFactor.recovery.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="light" onClick={download}>
            {t('secondFactor.recovery.download')}
          </Button>
          <Button onClick={onClose}>{t('secondFactor.recovery.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReauthenticateModal({
  opened,
  needsCode,
  onCancel,
  onProven,
}: {
  opened: boolean;
  needsCode: boolean;
  onCancel: () => void;
  onProven: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reauthenticate] = useMutation(ReauthenticateDocument);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: reauthenticateSchema(needsCode),
    initialValues: { password: '', code: '' },
    toInput: (values) => (needsCode ? values : { password: values.password }),
  });
  const submit = onSubmit(async ({ password, code }) => {
    await reauthenticate({ variables: { input: { password, code: code || null } } });
    form.reset();
    await onProven();
  });
  return (
    <Modal opened={opened} onClose={onCancel} title={t('secondFactor.reauth.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm">{t('secondFactor.reauth.description')}</Text>
          <ApiErrorAlert error={apiError} />
          <PasswordInput label={t('secondFactor.reauth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          {needsCode ? (
            <TextField label={t('secondFactor.reauth.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={8} required form={form} name="code" />
          ) : null}
          <Button type="submit" loading={form.submitting}>
            {t('secondFactor.reauth.submit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
