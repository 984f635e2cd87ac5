// The public certificate check (/verify, no sign-in): anyone holding a printed certificate types
// its code — in any case, with spaces or without dashes — and sees whether it is genuine and, if
// so, only the learner's name, the course and the completion date. ?code= fills and checks it,
// so the link printed on (or next to) a certificate opens the answer directly.
import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { VerifyCertificateDocument } from '@tsunagu/graphql-client';
import { DescriptionList, PageHeader } from '@tsunagu/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError } from '../../../app/api-errors';
import { codeToVerify } from './certificate-code';
import { formatDay } from './vocabulary';

export function VerifyCertificatePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('code') ?? '';
  const [typed, setTyped] = useState(fromUrl);
  const [malformed, setMalformed] = useState(false);
  const [verify, { data, loading, error, called }] = useLazyQuery(VerifyCertificateDocument, { fetchPolicy: 'network-only' });

  // A code in the URL (a shared link, back/forward) is checked as soon as the page opens.
  useEffect(() => {
    setTyped(fromUrl);
    if (!fromUrl) return;
    const code = codeToVerify(fromUrl);
    setMalformed(code === null);
    if (code) void verify({ variables: { code } }).catch(() => undefined);
  }, [fromUrl, verify]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = codeToVerify(typed);
    setMalformed(code === null);
    if (!code) return;
    if (code === codeToVerify(fromUrl)) void verify({ variables: { code } }).catch(() => undefined);
    else setParams({ code });
  };

  const result = called && !malformed ? data?.verifyCertificate : undefined;

  return (
    <Stack maw={560} mx="auto" mt="xl">
      <PageHeader title={t('training.verify.title')} description={t('training.verify.description')} />
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('training.verify.code')}
              description={t('training.verify.codeHelp')}
              placeholder="TSG-XXXX-XXXX-XXXX-XXXX"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              error={malformed ? t('training.verify.malformed') : undefined}
            />
            <Button type="submit" loading={loading}>
              {t('training.verify.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {result && !loading ? (
        result.valid ? (
          <Alert color="green" variant="light" role="status" title={t('training.verify.valid')}>
            <DescriptionList
              label={t('training.verify.valid')}
              items={[
                { term: t('training.verify.learner'), description: result.learnerName ?? '' },
                { term: t('training.verify.course'), description: result.courseTitle ?? '' },
                { term: t('training.verify.issuer'), description: result.issuerName ?? '' },
                { term: t('training.verify.completedOn'), description: result.completedOn ? formatDay(result.completedOn, i18n.language) : '' },
              ]}
            />
          </Alert>
        ) : (
          <Alert color="red" variant="light" role="alert" title={t('training.verify.invalid')}>
            <Text fz="sm">{t('training.verify.invalidHelp')}</Text>
          </Alert>
        )
      ) : null}
    </Stack>
  );
}
