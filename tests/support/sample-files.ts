// Small real-format files for tests: stored (uncompressed) ZIPs shaped like Office Open XML
// documents, the first bytes of the other formats, and a one-page PDF. Used by the API's unit
// tests, the integration tests and the browser tests; test code only, so it lives under tests/.
import { crc32 } from 'node:zlib';

/** A tiny but well-formed one-page PDF (the API sniffs the bytes, not the name). */
export function tinyPdf(): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

/**
 * The fields a ZIP entry's local header and its central directory record share, in the same
 * order from "version needed to extract" (at `at`) to the name's length; flags, method, time and
 * date stay zero. Stored, so the compressed size is the size.
 */
function writeEntryFields(header: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt32LE(crc, at + 10);
  header.writeUInt32LE(size, at + 14);
  header.writeUInt32LE(size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A ZIP (no compression) holding `entries`, with a central directory. */
export function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, crc, data.length, nameBytes.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, crc, data.length, nameBytes.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** An ISO base media file's opening ftyp box with `brand` as its major brand. */
export function ftypBox(brand: string, compatible: readonly string[] = ['isom', 'mp42']): Buffer {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brand, 8, 'latin1');
  compatible.forEach((name, index) => box.write(name, 16 + 4 * index, 'latin1'));
  return box;
}

/** An EBML header naming `docType` (webm or matroska). */
function ebmlHeader(docType: string): Buffer {
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length]), Buffer.from(docType, 'latin1')]);
}

export const sampleFiles = {
  pdf: () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR fake png body')]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('\0\x10JFIF\0 fake jpeg body')]),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.')]),
  docx: () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }),
  docm: () =>
    zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'macro' }),
  xlsx: () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': '<workbook/>' }),
  pptx: () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'ppt/presentation.xml': '<p:presentation/>' }),
  zip: () => zipOf({ 'readme.txt': 'hello' }),
  csv: () => Buffer.from('名前,金額\n居場所づくり助成,500000\n', 'utf8'),
  mp4: () => Buffer.concat([ftypBox('isom', ['isom', 'iso2', 'avc1', 'mp41']), Buffer.from('\0\0\0\x08free\0\0\0\x10mdat fake video')]),
  m4a: () => Buffer.concat([ftypBox('M4A ', ['M4A ', 'mp42', 'isom']), Buffer.from('\0\0\0\x10mdat fake audio')]),
  mov: () => Buffer.concat([ftypBox('qt  ', ['qt  ']), Buffer.from('\0\0\0\x10mdat fake video')]),
  heic: () => Buffer.concat([ftypBox('heic', ['mif1', 'heic']), Buffer.from('\0\0\0\x10meta fake image')]),
  webm: () => Buffer.concat([ebmlHeader('webm'), Buffer.from([0x18, 0x53, 0x80, 0x67]), Buffer.from('fake segment')]),
  mkv: () => Buffer.concat([ebmlHeader('matroska'), Buffer.from([0x18, 0x53, 0x80, 0x67]), Buffer.from('fake segment')]),
  mp3WithId3: () => Buffer.concat([Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1'), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(64)]),
  // MPEG-1 layer III, 128 kbit/s, 44.1 kHz.
  mp3Frames: () => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413), Buffer.from([0xff, 0xfb, 0x90, 0x64])]),
  wav: () => {
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(36 + 8, 4);
    header.write('WAVEfmt ', 8, 'latin1');
    header.writeUInt32LE(16, 16);
    header.write('data', 36, 'latin1');
    header.writeUInt32LE(8, 40);
    return Buffer.concat([header, Buffer.alloc(8)]);
  },
  ogg: () => Buffer.concat([Buffer.from('OggS\0\x02', 'latin1'), Buffer.alloc(20), Buffer.from('\x01vorbis', 'latin1')]),
  shiftJisCsv: () => Buffer.from([0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x8b, 0xe0, 0x8a, 0x7a, 0x0a]),
};
