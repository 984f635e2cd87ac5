import { tooManyAttempts, waitText } from './throttle-errors';

describe('throttled answers', () => {
  it('say when to try again, in seconds below two minutes and in minutes after', () => {
    expect(waitText(1)).toEqual({ ja: '1秒', en: '1 second' });
    expect(waitText(119)).toEqual({ ja: '119秒', en: '119 seconds' });
    expect(waitText(121)).toEqual({ ja: '3分', en: '3 minutes' });
    const error = tooManyAttempts(8);
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 8 });
    expect(error.localized.en).toMatch(/try again in 8 seconds/);
  });
});
