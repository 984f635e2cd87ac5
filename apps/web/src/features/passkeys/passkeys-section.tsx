// My passkeys on /account: add one (this device or a security key), see them with when they were
// last used, rename one, remove one (the API asks for a recent sign-in first).
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { startRegistration } from '@simplewebauthn/browser';
import {
  BeginPasskeyRegistrationDocument,
  FinishPasskeyRegistrationDocument,
  MyPasskeysDocument,
  MySessionsDocument,
  RemovePasskeyDocument,
  RenamePasskeyDocument,
  type PasskeyFieldsFragment,
} from '@tsunagu/graphql-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActionDialog, useConfirmation } from '../../app/confirm-action';
import { QueryTable } from '../../app/connection-list';
import { formatTimestamp } from '../../app/japan-time-format';
import { SectionCard } from '../../app/section-card';
import { usePasskeyCeremony, usePasskeyProblem } from './passkey-problems';

export function PasskeysSection() {
  const { t, i18n } = useTranslation();
  const query = useQuery(MyPasskeysDocument, { fetchPolicy: 'cache-and-network' });
  const [removePasskey] = useMutation(RemovePasskeyDocument, { refetchQueries: [MyPasskeysDocument, MySessionsDocument] });
  const [renaming, setRenaming] = useState<PasskeyFieldsFragment | null>(null);
  const removal = useConfirmation((passkey: PasskeyFieldsFragment) => removePasskey({ variables: { id: passkey.id } }));

  return (
    <SectionCard id="passkeys-heading" title={t('passkeys.account.heading')} description={t('passkeys.account.description')}>
      <Stack gap="md">
        <AddPasskeyForm />
        <QueryTable
          query={query}
          rows={query.data?.myPasskeys}
          minWidth={640}
          labelledBy="passkeys-heading"
          emptyLabel={t('passkeys.account.empty')}
          columns={[
            {
              key: 'label',
              header: t('passkeys.account.label'),
              cell: (passkey) => (
                <>
                  {passkey.label}{' '}
                  <Badge color={passkey.multiDevice ? 'blue' : 'gray'} variant="light" tt="none" ml={4}>
                    {passkey.multiDevice ? t('passkeys.account.synced') : t('passkeys.account.deviceBound')}
                  </Badge>
                </>
              ),
            },
            {
              key: 'createdAt',
              header: t('passkeys.account.createdAt'),
              cell: (passkey) => formatTimestamp(passkey.createdAt, i18n.language),
            },
            {
              key: 'lastUsedAt',
              header: t('passkeys.account.lastUsedAt'),
              cell: (passkey) => (passkey.lastUsedAt ? formatTimestamp(passkey.lastUsedAt, i18n.language) : t('passkeys.account.neverUsed')),
            },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (passkey) => (
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => setRenaming(passkey)} aria-label={t('passkeys.account.renameNamed', { label: passkey.label })}>
                    {t('passkeys.account.rename')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => removal.ask(passkey)}
                    aria-label={t('passkeys.account.removeNamed', { label: passkey.label })}
                  >
                    {t('passkeys.account.remove')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      </Stack>
      <RenamePasskeyModal passkey={renaming} onClose={() => setRenaming(null)} />
      <ConfirmActionDialog
        confirmation={removal}
        title={t('passkeys.account.removeTitle')}
        confirmLabel={t('passkeys.account.remove')}
        danger
      >
        {(passkey) => t('passkeys.account.removeQuestion', { label: passkey.label })}
      </ConfirmActionDialog>
    </SectionCard>
  );
}

function AddPasskeyForm() {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [beginRegistration] = useMutation(BeginPasskeyRegistrationDocument);
  const [finishRegistration] = useMutation(FinishPasskeyRegistrationDocument, { refetchQueries: [MyPasskeysDocument] });
  const { running, problem, run } = usePasskeyCeremony();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    await run(async () => {
      const begun = await beginRegistration();
      const ceremony = begun.data?.beginPasskeyRegistration;
      if (!ceremony) return;
      const response = await startRegistration({ optionsJSON: JSON.parse(ceremony.optionsJson) });
      const name = label.trim() || t('passkeys.account.defaultLabel');
      const finished = await finishRegistration({
        variables: { input: { token: ceremony.token, responseJson: JSON.stringify(response), label: name } },
      });
      if (finished.data) {
        setAdded(finished.data.finishPasskeyRegistration.label);
        setLabel('');
      }
    });
  };

  return (
    <form onSubmit={(event) => void add(event)}>
      <Stack gap="xs">
        {problem ? (
          <Alert role="alert" color="red" variant="light">
            {problem}
          </Alert>
        ) : null}
        {added ? (
          <Alert role="status" color="teal" variant="light">
            {t('passkeys.account.added', { label: added })}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('passkeys.account.newLabel')}
            description={t('passkeys.account.newLabelHelp')}
            placeholder={t('passkeys.account.defaultLabel')}
            maxLength={100}
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={running}>
            {t('passkeys.account.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenamePasskeyModal({ passkey, onClose }: { passkey: PasskeyFieldsFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={passkey !== null} onClose={onClose} title={t('passkeys.account.renameTitle')}>
      {passkey ? <RenamePasskeyForm key={passkey.id} passkey={passkey} onDone={onClose} /> : null}
    </Modal>
  );
}

function RenamePasskeyForm({ passkey, onDone }: { passkey: PasskeyFieldsFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(passkey.label);
  const [problem, setProblem] = useState<string | null>(null);
  const [renamePasskey, { loading }] = useMutation(RenamePasskeyDocument);
  const problemOf = usePasskeyProblem();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await renamePasskey({ variables: { id: passkey.id, label } });
      onDone();
    } catch (caught) {
      setProblem(problemOf(caught));
    }
  };

  return (
    <form onSubmit={(event) => void save(event)}>
      <Stack gap="md">
        {problem ? (
          <Alert role="alert" color="red" variant="light">
            {problem}
          </Alert>
        ) : null}
        <TextInput
          label={t('passkeys.account.label')}
          required
          maxLength={100}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
