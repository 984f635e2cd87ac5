// Password hashing with argon2id at the OWASP minimum (19 MiB memory, 2 iterations, 1 lane).
// Verification of an unknown account still costs one hash, so response time does not tell
// whether an email is registered.
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private readonly decoy: Promise<string> = argon2.hash('decoy-password-for-unknown-accounts', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
