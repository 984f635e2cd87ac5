// What the security log shows: to a user their own events (/account), to a network admin the
// events of their network's members (the security log page).
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { SecurityEventKind as SecurityEventKindName } from '../../core/auth/security-log';
import { Connection } from '../../core/graphql/pagination';
import { Device } from '../accounts/session.model';

// A record over the kinds of security-log.ts: a kind added there fails to compile here until the
// schema has it too.
export const SecurityEventKind: { readonly [K in SecurityEventKindName]: K } = {
  SIGN_IN_SUCCEEDED: 'SIGN_IN_SUCCEEDED',
  SIGN_IN_FAILED: 'SIGN_IN_FAILED',
  SIGN_IN_THROTTLED: 'SIGN_IN_THROTTLED',
  SECOND_FACTOR_SUCCEEDED: 'SECOND_FACTOR_SUCCEEDED',
  SECOND_FACTOR_FAILED: 'SECOND_FACTOR_FAILED',
  RECOVERY_CODE_USED: 'RECOVERY_CODE_USED',
  PASSWORD_CHANGED: 'PASSWORD_CHANGED',
  PASSWORD_RESET_REQUESTED: 'PASSWORD_RESET_REQUESTED',
  PASSWORD_RESET: 'PASSWORD_RESET',
  TOTP_ENROLLED: 'TOTP_ENROLLED',
  TOTP_REMOVED: 'TOTP_REMOVED',
  PASSKEY_ADDED: 'PASSKEY_ADDED',
  PASSKEY_REMOVED: 'PASSKEY_REMOVED',
  RECOVERY_CODES_GENERATED: 'RECOVERY_CODES_GENERATED',
  SESSION_ENDED: 'SESSION_ENDED',
  OTHER_SESSIONS_ENDED: 'OTHER_SESSIONS_ENDED',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  SECOND_FACTOR_POLICY_CHANGED: 'SECOND_FACTOR_POLICY_CHANGED',
};
registerEnumType(SecurityEventKind, {
  name: 'SecurityEventKind',
  description: 'What happened: a sign-in and its outcome, a second factor, a password or factor change, sessions ended.',
});

@ObjectType({ description: 'One entry of my security log.' })
export class SecurityEvent {
  @Field(() => ID) id!: string;
  @Field(() => SecurityEventKind) kind!: SecurityEventKindName;
  @Field(() => String, { nullable: true, description: 'How: PASSWORD, TOTP, PASSKEY, RECOVERY_CODE… where it applies.' })
  method!: string | null;
  @Field(() => String, { nullable: true, description: 'The client address, when known.' }) ipAddress!: string | null;
  @Field(() => Device, { nullable: true }) device!: Device | null;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => String, { nullable: true, description: 'The network the session acted in; null for account-level events.' })
  networkName!: string | null;
}

@ObjectType()
export class SecurityEventConnection extends Connection(SecurityEvent, 'SecurityEvent') {}

@ObjectType({ description: 'One entry of the network security log: a member and what happened.' })
export class NetworkSecurityEvent extends SecurityEvent {
  @Field(() => ID) userId!: string;
  @Field() userDisplayName!: string;
  @Field() userEmail!: string;
}

@ObjectType()
export class NetworkSecurityEventConnection extends Connection(NetworkSecurityEvent, 'NetworkSecurityEvent') {}
