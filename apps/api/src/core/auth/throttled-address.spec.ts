import { loginThrottleKeys, throttledAddress } from './login-throttle';

describe('throttledAddress', () => {
  it('keeps an IPv4 address whole', () => {
    expect(throttledAddress('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(throttledAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttledAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttledAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });

  it('counts an IPv4-mapped address as the IPv4 address', () => {
    expect(throttledAddress('::ffff:198.51.100.4')).toBe('198.51.100.4');
  });

  it('gives every address of one /64 the same throttle keys', () => {
    const a = loginThrottleKeys('a@example.jp', '2001:db8:1:2::10');
    const b = loginThrottleKeys('a@example.jp', '2001:db8:1:2:ffff::99');
    const other = loginThrottleKeys('a@example.jp', '2001:db8:1:3::10');
    expect(b).toEqual(a);
    expect(other.pair).not.toBe(a.pair);
  });
});
