// "Sign in with a passkey" on the login page: no email, no password; the browser offers the
// passkeys it holds for this site (a discoverable credential with a PIN or biometric).
import { useMutation } from '@apollo/client/react';
import { Alert, Button } from '@mantine/core';
import { startAuthentication } from '@simplewebauthn/browser';
import { BeginPasskeySignInDocument, FinishPasskeySignInDocument, type AuthPayloadFieldsFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { usePasskeyCeremony } from './passkey-problems';

export function PasskeySignInButton({ onSignedIn }: { onSignedIn: (auth: AuthPayloadFieldsFragment) => Promise<void> }) {
  const { t } = useTranslation();
  const [beginSignIn] = useMutation(BeginPasskeySignInDocument);
  const [finishSignIn] = useMutation(FinishPasskeySignInDocument);
  const { running, problem, run } = usePasskeyCeremony();

  const signIn = () =>
    run(async () => {
      const begun = await beginSignIn();
      const ceremony = begun.data?.beginPasskeySignIn;
      if (!ceremony) return;
      const response = await startAuthentication({ optionsJSON: JSON.parse(ceremony.optionsJson) });
      const finished = await finishSignIn({ variables: { input: { token: ceremony.token, responseJson: JSON.stringify(response) } } });
      if (finished.data) await onSignedIn(finished.data.finishPasskeySignIn);
    });

  return (
    <>
      {problem ? (
        <Alert role="alert" color="red" variant="light">
          {problem}
        </Alert>
      ) : null}
      <Button variant="default" fullWidth loading={running} onClick={() => void signIn()}>
        {t('passkeys.signIn.button')}
      </Button>
    </>
  );
}
