// The second step of a sign-in answered with a passkey: for the page that asks for the second
// factor after a right password, when the challenge's methods include PASSKEY.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Stack } from '@mantine/core';
import { startAuthentication } from '@simplewebauthn/browser';
import {
  BeginPasskeySecondFactorDocument,
  CompleteSignInWithPasskeyDocument,
  type AuthPayloadFieldsFragment,
} from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { usePasskeyCeremony } from './passkey-problems';

export interface PasskeySecondFactorButtonProps {
  /** login.secondFactor.token */
  challengeToken: string;
  onSignedIn: (auth: AuthPayloadFieldsFragment) => Promise<void>;
}

export function PasskeySecondFactorButton({ challengeToken, onSignedIn }: PasskeySecondFactorButtonProps) {
  const { t } = useTranslation();
  const [beginSecondFactor] = useMutation(BeginPasskeySecondFactorDocument);
  const [complete] = useMutation(CompleteSignInWithPasskeyDocument);
  const { running, problem, run } = usePasskeyCeremony();

  const answer = () =>
    run(async () => {
      const begun = await beginSecondFactor({ variables: { challengeToken } });
      const optionsJson = begun.data?.beginPasskeySecondFactor;
      if (!optionsJson) return;
      const response = await startAuthentication({ optionsJSON: JSON.parse(optionsJson) });
      const completed = await complete({ variables: { input: { challengeToken, responseJson: JSON.stringify(response) } } });
      if (completed.data) await onSignedIn(completed.data.completeSignInWithPasskey);
    });

  return (
    <Stack gap="xs">
      {problem ? (
        <Alert role="alert" color="red" variant="light">
          {problem}
        </Alert>
      ) : null}
      <Button loading={running} onClick={() => void answer()}>
        {t('passkeys.secondFactor.button')}
      </Button>
    </Stack>
  );
}
