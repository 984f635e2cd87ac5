import { claimedType, describeAllowed, GRANT_ATTACHMENT_TYPES, sniffFile, zipEntryNames } from './file-types';
import { sampleFiles, zipOf } from './testing/sample-files';

describe('sniffFile', () => {
  it.each([
    ['pdf', 'PDF', 'application/pdf'],
    ['png', 'PNG', 'image/png'],
    ['jpeg', 'JPEG', 'image/jpeg'],
    ['docx', 'DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', 'PPTX', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ] as const)('recognises %s from its bytes', (sample, key, mediaType) => {
    expect(sniffFile(sampleFiles[sample](), null)).toMatchObject({ key, mediaType });
  });

  it('tells executables, plain ZIPs and macro-enabled Office files apart from allowed types', () => {
    expect(sniffFile(sampleFiles.exe(), 'PDF')).toMatchObject({ key: null, mediaType: 'application/x-msdownload' });
    expect(sniffFile(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'PDF')).toMatchObject({ key: null, mediaType: 'application/x-executable' });
    expect(sniffFile(sampleFiles.zip(), 'DOCX')).toMatchObject({ key: null, mediaType: 'application/zip' });
    expect(sniffFile(sampleFiles.docm(), 'DOCX')).toMatchObject({ key: null, mediaType: 'application/vnd.ms-office.macroEnabled' });
  });

  it('takes UTF-8 text without NUL as the claimed text type, and nothing else', () => {
    expect(sniffFile(sampleFiles.csv(), 'CSV')).toMatchObject({ key: 'CSV', mediaType: 'text/csv' });
    expect(sniffFile(Buffer.from('メモ\n'), 'TEXT')).toMatchObject({ key: 'TEXT', mediaType: 'text/plain' });
    expect(sniffFile(sampleFiles.shiftJisCsv(), 'CSV').key).toBeNull();
    expect(sniffFile(Buffer.from('a\0b'), 'TEXT').key).toBeNull();
    expect(sniffFile(Buffer.from([0x00, 0x01, 0x02, 0xff]), 'PDF')).toMatchObject({ key: null, mediaType: 'application/octet-stream' });
  });
});

describe('claimedType', () => {
  it('reads the extension case-insensitively against the allowed list', () => {
    expect(claimedType('募集要項.PDF', GRANT_ATTACHMENT_TYPES)).toBe('PDF');
    expect(claimedType('photo.jpeg', GRANT_ATTACHMENT_TYPES)).toBe('JPEG');
    expect(claimedType('photo.jpg', ['PNG'])).toBeNull();
    expect(claimedType('setup.exe', GRANT_ATTACHMENT_TYPES)).toBeNull();
    expect(claimedType('noextension', GRANT_ATTACHMENT_TYPES)).toBeNull();
    expect(claimedType('.pdf', GRANT_ATTACHMENT_TYPES)).toBeNull();
  });

  it('lists the allowed types for messages in both languages', () => {
    expect(describeAllowed(['PDF', 'PNG'])).toEqual({ ja: 'PDF、PNG 画像', en: 'PDF, PNG image' });
  });
});

describe('zipEntryNames', () => {
  it('reads the central directory and gives up on a truncated one', () => {
    const zip = zipOf({ 'a.txt': 'a', 'dir/b.xml': 'b' });
    expect(zipEntryNames(zip)).toEqual(new Set(['a.txt', 'dir/b.xml']));
    expect(zipEntryNames(zip.subarray(0, zip.length - 30))).toBeNull();
  });
});
