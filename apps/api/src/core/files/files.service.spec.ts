import { cleanFileName } from './files.service';

describe('cleanFileName', () => {
  it('keeps the last path segment of names browsers send with a path', () => {
    expect(cleanFileName('C:\\fakepath\\募集要項.pdf')).toBe('募集要項.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('drops control characters and bidirectional overrides that disguise an extension', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName(' report\n.pdf ')).toBe('report.pdf');
  });

  it('refuses names with nothing usable left', () => {
    expect(cleanFileName('')).toBeNull();
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('folder/')).toBeNull();
    expect(cleanFileName('\u0000\u0001')).toBeNull();
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const cleaned = cleanFileName('あ'.repeat(300) + '.xlsx');
    expect(cleaned).toHaveLength(200);
    expect(cleaned?.endsWith('あ.xlsx')).toBe(true);
  });

  it('composes decomposed characters (macOS names) to NFC', () => {
    expect(cleanFileName('か\u3099.pdf')).toBe('が.pdf');
  });
});
