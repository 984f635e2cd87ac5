import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class FinishPasskeyRegistrationInput {
  @Field({ description: 'The token of beginPasskeyRegistration.' })
  token!: string;

  @Field({ description: 'RegistrationResponseJSON from the browser, as JSON.' })
  responseJson!: string;

  @Field({ description: 'A name to recognise the passkey by (1 to 100 characters).' })
  label!: string;
}

@InputType()
export class FinishPasskeySignInInput {
  @Field({ description: 'The token of beginPasskeySignIn.' })
  token!: string;

  @Field({ description: 'AuthenticationResponseJSON from the browser, as JSON.' })
  responseJson!: string;
}

@InputType()
export class CompleteSignInWithPasskeyInput {
  @Field({ description: 'The token of the second step (login.secondFactor.token).' })
  challengeToken!: string;

  @Field({ description: 'AuthenticationResponseJSON from the browser, as JSON.' })
  responseJson!: string;
}
