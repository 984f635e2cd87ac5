import { hasLifetime } from './jwt.strategy';

describe('access token lifetime claims', () => {
  it('are required: exp and iat, in order', () => {
    expect(hasLifetime({ sub: 'u', sid: 's', mid: 'm', iat: 100, exp: 700 })).toBe(true);
    expect(hasLifetime({ sub: 'u', sid: 's', mid: 'm', iat: 100 })).toBe(false);
    expect(hasLifetime({ sub: 'u', sid: 's', mid: 'm', exp: 700 })).toBe(false);
    expect(hasLifetime({ sub: 'u', sid: 's', mid: 'm', iat: 800, exp: 700 })).toBe(false);
  });
});
