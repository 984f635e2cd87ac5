import { codeToVerify, verifyLink } from './certificate-code';

describe('codeToVerify', () => {
  it('accepts what people type from a printed certificate: lower case, spaces, no dashes, full-width', () => {
    const printed = 'TSG-7K3M-Q9PA-2B8D-XW4R';
    expect(codeToVerify('tsg-7k3m-q9pa-2b8d-xw4r')).toBe(printed);
    expect(codeToVerify('  7K3M Q9PA 2B8D XW4R ')).toBe(printed);
    expect(codeToVerify('TSG7K3MQ9PA2B8DXW4R')).toBe(printed);
    expect(codeToVerify('ＴＳＧ－７Ｋ３Ｍ－Ｑ９ＰＡ－２Ｂ８Ｄ－ＸＷ４Ｒ')).toBe(printed);
  });

  it('rejects what cannot be a code (too short, letters outside the alphabet)', () => {
    expect(codeToVerify('')).toBeNull();
    expect(codeToVerify('TSG-7K3M-Q9PA-2B8D')).toBeNull();
    expect(codeToVerify('TSG-7K3M-Q9PA-2B8D-XW4U')).toBeNull();
  });
});

describe('verifyLink', () => {
  it('puts the code in the query string, encoded', () => {
    expect(verifyLink(' TSG-7K3M-Q9PA-2B8D-XW4R ')).toBe('/verify?code=TSG-7K3M-Q9PA-2B8D-XW4R');
    expect(verifyLink('a b&c')).toBe('/verify?code=a+b%26c');
  });
});
