import { createHash } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  claimedType,
  ContentProbe,
  describeAllowed,
  GRANT_ATTACHMENT_TYPES,
  sniffFile,
  SNIFF_HEAD_BYTES,
  TRAINING_MATERIAL_TYPES,
  zipEntryNames,
  zipEntryNamesOfFile,
} from './file-types';
// Test-only sample files live with the other test helpers (tests/support), not in the API's source.
import { ftypBox, sampleFiles, zipOf } from '../../../../../tests/support/sample-files';

describe('sniffFile', () => {
  it.each([
    ['pdf', 'PDF', 'application/pdf'],
    ['png', 'PNG', 'image/png'],
    ['jpeg', 'JPEG', 'image/jpeg'],
    ['docx', 'DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', 'PPTX', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['mp4', 'MP4', 'video/mp4'],
    ['m4a', 'M4A', 'audio/mp4'],
    ['webm', 'WEBM', 'video/webm'],
    ['mp3WithId3', 'MP3', 'audio/mpeg'],
    ['mp3Frames', 'MP3', 'audio/mpeg'],
    ['wav', 'WAV', 'audio/wav'],
    ['ogg', 'OGG', 'audio/ogg'],
  ] as const)('recognises %s (a document, image, video or audio) from its first bytes', (sample, key, mediaType) => {
    expect(sniffFile(sampleFiles[sample](), null)).toMatchObject({ key, mediaType });
  });

  it('keeps MP4 and M4A apart by the ftyp brand, believing a .m4a name only for a generic MP4 brand', () => {
    expect(sniffFile(sampleFiles.m4a(), 'MP4')).toMatchObject({ key: 'M4A' });
    expect(sniffFile(sampleFiles.mp4(), 'M4A')).toMatchObject({ key: 'M4A' });
    expect(sniffFile(sampleFiles.mp4(), 'MP4')).toMatchObject({ key: 'MP4' });
    expect(sniffFile(Buffer.concat([ftypBox('mp42'), Buffer.alloc(8)]), null)).toMatchObject({ key: 'MP4' });
  });

  it('does not take QuickTime, HEIC, Matroska, AVI or other ftyp brands for MP4 or WebM', () => {
    expect(sniffFile(sampleFiles.mov(), 'MP4')).toMatchObject({ key: null, mediaType: 'video/quicktime' });
    expect(sniffFile(sampleFiles.heic(), 'MP4')).toMatchObject({ key: null, mediaType: 'image/heic' });
    expect(sniffFile(sampleFiles.mkv(), 'WEBM')).toMatchObject({ key: null, mediaType: 'video/x-matroska' });
    expect(sniffFile(Buffer.from('RIFF\0\0\0\0AVI LIST', 'latin1'), 'WAV')).toMatchObject({ key: null, mediaType: 'video/x-msvideo' });
    expect(sniffFile(Buffer.concat([ftypBox('zzzz'), Buffer.alloc(8)]), 'MP4').key).toBeNull();
  });

  it('needs a layer III frame header for MP3 without ID3 (a JPEG or a bare 0xFF is not one)', () => {
    expect(sniffFile(sampleFiles.jpeg(), 'MP3').key).toBe('JPEG');
    // Layer I, reserved version, bad bitrate, reserved sample rate.
    for (const header of [[0xff, 0xff, 0x90, 0x64], [0xff, 0xeb, 0x90, 0x64], [0xff, 0xfb, 0xf0, 0x64], [0xff, 0xfb, 0x9c, 0x64]]) {
      expect(sniffFile(Buffer.concat([Buffer.from(header), Buffer.alloc(16, 1)]), 'MP3').key).toBeNull();
    }
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

describe('ContentProbe', () => {
  it('sees in chunks what sniffFile sees whole: size, SHA-256, first bytes and UTF-8 across a split character', () => {
    const text = Buffer.from('あ'.repeat(3000), 'utf8');
    const probe = new ContentProbe();
    // Chunks of 7 bytes split the 3-byte characters.
    for (let offset = 0; offset < text.length; offset += 7) probe.update(text.subarray(offset, offset + 7));
    expect(probe.finish()).toEqual({
      byteSize: text.length,
      sha256: createHash('sha256').update(text).digest('hex'),
      head: text.subarray(0, SNIFF_HEAD_BYTES),
      isUtf8Text: true,
    });
  });

  it('finds content that is not UTF-8 text: NUL, invalid bytes, a character cut off at the end', () => {
    const finish = (...chunks: Buffer[]) => {
      const probe = new ContentProbe();
      chunks.forEach((chunk) => probe.update(chunk));
      return probe.finish().isUtf8Text;
    };
    expect(finish(Buffer.from('abc'), Buffer.from('d\0e'))).toBe(false);
    expect(finish(Buffer.from('abc'), sampleFiles.shiftJisCsv())).toBe(false);
    expect(finish(Buffer.from('abc'), Buffer.from('あ').subarray(0, 2))).toBe(false);
    expect(finish(Buffer.from('名前,金額\n'))).toBe(true);
  });
});

describe('zipEntryNamesOfFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-zip-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function namesOf(bytes: Buffer): Promise<Set<string> | null> {
    const file = path.join(dir, `${bytes.length}.zip`);
    await writeFile(file, bytes);
    const handle = await open(file, 'r');
    try {
      return await zipEntryNamesOfFile(handle, bytes.length);
    } finally {
      await handle.close();
    }
  }

  it('reads the central directory from the end of the file, past large content before it', async () => {
    const big = 'x'.repeat(300_000);
    expect(await namesOf(zipOf({ '[Content_Types].xml': '<Types/>', 'ppt/media/video.bin': big, 'ppt/presentation.xml': '<p/>' }))).toEqual(
      new Set(['[Content_Types].xml', 'ppt/media/video.bin', 'ppt/presentation.xml']),
    );
    const zip = sampleFiles.docx();
    expect(await namesOf(zip)).toEqual(zipEntryNames(zip));
    expect(await namesOf(zip.subarray(0, zip.length - 30))).toBeNull();
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

  it('knows the video and audio extensions of training materials', () => {
    expect(['講義.mp4', 'clip.M4V', '録音.m4a', 'talk.webm', 'voice.mp3', 'voice.wav', 'voice.ogg', 'voice.opus'].map((name) => claimedType(name, TRAINING_MATERIAL_TYPES))).toEqual(
      ['MP4', 'MP4', 'M4A', 'WEBM', 'MP3', 'WAV', 'OGG', 'OGG'],
    );
    expect(claimedType('memo.txt', TRAINING_MATERIAL_TYPES)).toBeNull();
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
