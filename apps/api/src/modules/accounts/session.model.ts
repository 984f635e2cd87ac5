// A signed-in device as /account lists it, and the device description the security log shares.
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { DeviceKind as DeviceKindName } from '../../core/auth/device';
import type { AuthenticationMethod as AuthenticationMethodName } from '../../core/auth/session-tokens';

export const DeviceKind: { readonly [K in DeviceKindName]: K } = {
  DESKTOP: 'DESKTOP',
  MOBILE: 'MOBILE',
  TABLET: 'TABLET',
  OTHER: 'OTHER',
};
registerEnumType(DeviceKind, { name: 'DeviceKind', description: 'Computer, phone, tablet, or another kind of device.' });

export const AuthenticationMethod: { readonly [K in AuthenticationMethodName]: K } = {
  PASSWORD: 'PASSWORD',
  TOTP: 'TOTP',
  RECOVERY_CODE: 'RECOVERY_CODE',
  PASSKEY: 'PASSKEY',
  PASSWORDLESS_PASSKEY: 'PASSWORDLESS_PASSKEY',
};
registerEnumType(AuthenticationMethod, {
  name: 'AuthenticationMethod',
  description: 'How a sign-in was proven: a password alone, or with TOTP, a recovery code or a passkey; or a passkey alone.',
});

@ObjectType({ description: 'The browser and system behind a user agent, as far as it tells.' })
export class Device {
  @Field(() => String, { nullable: true }) browser!: string | null;
  @Field(() => String, { nullable: true, description: 'Name and version, e.g. "Windows 10".' }) os!: string | null;
  @Field(() => DeviceKind) kind!: DeviceKindName;
}

@ObjectType({ description: 'One signed-in device or browser.' })
export class SessionInfo {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime, { description: 'When this session signed in.' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'The last refresh of its access token.' }) lastUsedAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => Device, { nullable: true, description: 'Null when the user agent names no browser or system.' })
  device!: Device | null;
  @Field(() => String, { nullable: true, description: 'The address of its last sign-in or refresh.' }) ipAddress!: string | null;
  @Field(() => AuthenticationMethod, { nullable: true }) authenticatedWith!: AuthenticationMethodName | null;
  @Field({ description: 'The session making this request.' }) current!: boolean;
}
