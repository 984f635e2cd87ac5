// The kinds of file the product accepts and how each is recognised from its bytes. A name or a
// browser's Content-Type is only a claim: what a file is comes from its magic bytes (and, for
// the Office formats, the parts inside the ZIP). Written here rather than taken from file-type,
// whose maintained majors are ES modules only and which would recognise far more than the few
// formats we allow; each rule below is a few bytes anyone can check.
import type { LocalizedText } from '@tsunagu/domain';
import { TextDecoder } from 'node:util';

export interface FileTypeInfo {
  readonly mediaType: string;
  /** Lower-case extensions (without the dot) a file of this type may carry. */
  readonly extensions: readonly string[];
  readonly label: LocalizedText;
}

export const FILE_TYPES = {
  PDF: { mediaType: 'application/pdf', extensions: ['pdf'], label: { ja: 'PDF', en: 'PDF' } },
  DOCX: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: { ja: 'Word (.docx)', en: 'Word (.docx)' },
  },
  XLSX: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: { ja: 'Excel (.xlsx)', en: 'Excel (.xlsx)' },
  },
  PPTX: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: { ja: 'PowerPoint (.pptx)', en: 'PowerPoint (.pptx)' },
  },
  PNG: { mediaType: 'image/png', extensions: ['png'], label: { ja: 'PNG 画像', en: 'PNG image' } },
  JPEG: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: { ja: 'JPEG 画像', en: 'JPEG image' } },
  TEXT: { mediaType: 'text/plain', extensions: ['txt'], label: { ja: 'テキスト (.txt)', en: 'plain text (.txt)' } },
  CSV: { mediaType: 'text/csv', extensions: ['csv'], label: { ja: 'CSV', en: 'CSV' } },
} as const satisfies Record<string, FileTypeInfo>;

export type FileTypeKey = keyof typeof FILE_TYPES;

/** Grant attachments: documents and images a funder typically publishes. */
export const GRANT_ATTACHMENT_TYPES: readonly FileTypeKey[] = ['PDF', 'DOCX', 'XLSX', 'PPTX', 'PNG', 'JPEG', 'TEXT', 'CSV'];

const TEXT_TYPES: readonly FileTypeKey[] = ['TEXT', 'CSV'];

/** What the bytes are. `key` is set when they are one of FILE_TYPES (text: see sniffFile). */
export interface SniffedType {
  readonly key: FileTypeKey | null;
  readonly mediaType: string;
  /** For messages: "its content is …". */
  readonly description: LocalizedText;
}

const known = (key: FileTypeKey): SniffedType => ({ key, mediaType: FILE_TYPES[key].mediaType, description: FILE_TYPES[key].label });
const other = (mediaType: string, ja: string, en: string): SniffedType => ({ key: null, mediaType, description: { ja, en } });

const EXECUTABLE = other('application/x-msdownload', '実行ファイル（プログラム）', 'an executable program');
const UNKNOWN_BINARY = other('application/octet-stream', '判別できない形式のデータ', 'data of an unrecognised format');
const NOT_UTF8_TEXT = other('application/octet-stream', 'UTF-8 ではないデータ', 'data that is not UTF-8 text');

function startsWith(bytes: Buffer, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/**
 * The binary formats recognised by their first bytes, or null when none matches (then the
 * content is either UTF-8 text or unrecognised).
 */
function sniffBinary(bytes: Buffer): SniffedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return known('PDF');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return known('PNG');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return known('JPEG');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes);
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return other('image/gif', 'GIF 画像', 'a GIF image');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return other('image/webp', 'WebP 画像', 'a WebP image');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return other('application/x-ole-storage', '古い形式の Office ファイル (.doc/.xls/.ppt)', 'an old-format Office file (.doc/.xls/.ppt)');
  }
  if (startsWith(bytes, ascii('MZ'))) return EXECUTABLE;
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { ...EXECUTABLE, mediaType: 'application/x-executable' };
  for (const magic of [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]]) {
    if (startsWith(bytes, magic)) return { ...EXECUTABLE, mediaType: 'application/x-mach-binary' };
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return other('application/gzip', 'gzip 圧縮ファイル', 'a gzip archive');
  if (startsWith(bytes, ascii('Rar!')) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) {
    return other('application/octet-stream', '圧縮ファイル', 'an archive');
  }
  return null;
}

/** Office Open XML files are ZIPs; which one is told by the parts they hold. */
function sniffZip(bytes: Buffer): SniffedType {
  const names = zipEntryNames(bytes);
  const zip = other('application/zip', 'ZIP 圧縮ファイル', 'a ZIP archive');
  if (!names || !names.has('[Content_Types].xml')) return zip;
  const office: Array<[string, FileTypeKey]> = [
    ['word/document.xml', 'DOCX'],
    ['xl/workbook.xml', 'XLSX'],
    ['ppt/presentation.xml', 'PPTX'],
  ];
  for (const [mainPart, key] of office) {
    if (!names.has(mainPart)) continue;
    const folder = mainPart.split('/')[0];
    // Macros ride in vbaProject.bin; a macro-enabled file renamed to .docx is not a .docx.
    if (names.has(`${folder}/vbaProject.bin`)) {
      return other('application/vnd.ms-office.macroEnabled', 'マクロ付きの Office ファイル', 'a macro-enabled Office file');
    }
    return known(key);
  }
  return zip;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** The names in a ZIP's central directory, or null when it cannot be read. */
export function zipEntryNames(bytes: Buffer): Set<string> | null {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= earliest; offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const names = new Set<string>();
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.add(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isUtf8TextWithoutNul(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the bytes are, given the type the name claims. Text has no magic bytes: bytes that match
 * no binary format and are valid UTF-8 without NUL count as the claimed text type (TEXT or CSV),
 * so a .csv stays text/csv; anything else is unrecognised.
 */
export function sniffFile(bytes: Buffer, claimed: FileTypeKey | null): SniffedType {
  const binary = sniffBinary(bytes);
  if (binary) return binary;
  if (isUtf8TextWithoutNul(bytes)) return known(claimed && TEXT_TYPES.includes(claimed) ? claimed : 'TEXT');
  return claimed && TEXT_TYPES.includes(claimed) ? NOT_UTF8_TEXT : UNKNOWN_BINARY;
}

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The allowed type a file name claims, or null when its extension is not among `allowed`. */
export function claimedType(fileName: string, allowed: readonly FileTypeKey[]): FileTypeKey | null {
  const extension = extensionOf(fileName);
  return allowed.find((key) => (FILE_TYPES[key].extensions as readonly string[]).includes(extension)) ?? null;
}

export function isTextType(key: FileTypeKey): boolean {
  return TEXT_TYPES.includes(key);
}

/** "PDF、Word (.docx)、…" / "PDF, Word (.docx), …" for messages. */
export function describeAllowed(allowed: readonly FileTypeKey[]): LocalizedText {
  return {
    ja: allowed.map((key) => FILE_TYPES[key].label.ja).join('、'),
    en: allowed.map((key) => FILE_TYPES[key].label.en).join(', '),
  };
}
