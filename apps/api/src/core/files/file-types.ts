// The kinds of file the product accepts and how each is recognised from its bytes. A name or a
// browser's Content-Type is only a claim: what a file is comes from its magic bytes (and, for
// the Office formats, the parts inside the ZIP). Written here rather than taken from file-type,
// whose maintained majors are ES modules only and which would recognise far more than the few
// formats we allow; each rule below is a few bytes anyone can check.
//
// Sniffing needs little of a file: its first bytes (SNIFF_HEAD_BYTES), whether all of it is
// UTF-8 text (which a stream can tell chunk by chunk, see ContentProbe) and, for a ZIP, the
// names in its central directory (read from the end of a file on disk, see
// zipEntryNamesOfFile). So a large upload is sniffed without ever being held in memory.
import type { LocalizedText } from '@tsunagu/domain';
import { createHash, Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
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
  MP4: { mediaType: 'video/mp4', extensions: ['mp4', 'm4v'], label: { ja: 'MP4 動画', en: 'MP4 video' } },
  WEBM: { mediaType: 'video/webm', extensions: ['webm'], label: { ja: 'WebM 動画', en: 'WebM video' } },
  MP3: { mediaType: 'audio/mpeg', extensions: ['mp3'], label: { ja: 'MP3 音声', en: 'MP3 audio' } },
  M4A: { mediaType: 'audio/mp4', extensions: ['m4a'], label: { ja: 'M4A 音声', en: 'M4A audio' } },
  WAV: { mediaType: 'audio/wav', extensions: ['wav'], label: { ja: 'WAV 音声', en: 'WAV audio' } },
  OGG: { mediaType: 'audio/ogg', extensions: ['ogg', 'oga', 'opus'], label: { ja: 'Ogg 音声', en: 'Ogg audio' } },
} as const satisfies Record<string, FileTypeInfo>;

export type FileTypeKey = keyof typeof FILE_TYPES;

/** Grant attachments: documents and images a funder typically publishes. */
export const GRANT_ATTACHMENT_TYPES: readonly FileTypeKey[] = ['PDF', 'DOCX', 'XLSX', 'PPTX', 'PNG', 'JPEG', 'TEXT', 'CSV'];

/** Training materials: documents, slides, images, video and audio. */
export const TRAINING_MATERIAL_TYPES: readonly FileTypeKey[] = ['PDF', 'PPTX', 'DOCX', 'XLSX', 'PNG', 'JPEG', 'MP4', 'WEBM', 'MP3', 'M4A', 'WAV', 'OGG'];

/** Pictures shown as they are (a course's cover). */
export const IMAGE_TYPES: readonly FileTypeKey[] = ['PNG', 'JPEG'];

const TEXT_TYPES: readonly FileTypeKey[] = ['TEXT', 'CSV'];

/** How many first bytes sniffing looks at (the ftyp box of an MP4 and an EBML header fit easily). */
export const SNIFF_HEAD_BYTES = 4096;

/** What sniffing needs to know of a file's content. */
export interface ContentSample {
  /** The first SNIFF_HEAD_BYTES bytes (all of them when the file is shorter). */
  readonly head: Buffer;
  /** Whether the whole content is valid UTF-8 without NUL. */
  readonly isUtf8Text: () => boolean;
  /** The names in the ZIP central directory, or null when there is none to read. */
  readonly zipEntryNames: () => ReadonlySet<string> | null;
}

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
function sniffBinary(sample: ContentSample, claimed: FileTypeKey | null): SniffedType | null {
  const bytes = sample.head;
  if (startsWith(bytes, ascii('%PDF-'))) return known('PDF');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return known('PNG');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return known('JPEG');
  if (looksLikeZip(bytes)) return sniffZip(sample.zipEntryNames());
  if (startsWith(bytes, ascii('ftyp'), 4)) return sniffIsoMedia(bytes, claimed);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(bytes);
  if (startsWith(bytes, ascii('ID3')) || isMpegAudioLayer3Frame(bytes)) return known('MP3');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return known('WAV');
  if (startsWith(bytes, ascii('OggS'))) return known('OGG');
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return other('image/gif', 'GIF 画像', 'a GIF image');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return other('image/webp', 'WebP 画像', 'a WebP image');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('AVI '), 8)) return other('video/x-msvideo', 'AVI 動画', 'an AVI video');
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

/** A local file header or an empty archive's end record: a ZIP (Office files are ZIPs). */
export function looksLikeZip(head: Buffer): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
}

// ISO base media files (MP4, M4A, MOV, HEIC) open with an ftyp box naming a major brand.
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'mp71', 'avc1', 'dash', 'M4V ', 'MSNV', 'mmp4', 'f4v ']);
const M4A_BRANDS = new Set(['M4A ', 'M4B ']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif']);

function sniffIsoMedia(bytes: Buffer, claimed: FileTypeKey | null): SniffedType {
  const brand = bytes.toString('latin1', 8, 12);
  if (M4A_BRANDS.has(brand)) return known('M4A');
  if (MP4_BRANDS.has(brand)) {
    // Audio-only MP4 is often written with a generic brand: the container is the same, and
    // only the tracks inside (not sniffed) would tell them apart, so a .m4a name is believed.
    return claimed === 'M4A' ? known('M4A') : known('MP4');
  }
  if (brand === 'qt  ') return other('video/quicktime', 'QuickTime 動画 (.mov)', 'a QuickTime video (.mov)');
  if (HEIF_BRANDS.has(brand)) return other('image/heic', 'HEIC/AVIF 画像', 'a HEIC/AVIF image');
  if (brand.startsWith('3g')) return other('video/3gpp', '3GP 動画', 'a 3GP video');
  return other('application/octet-stream', '判別できない形式の動画・音声', 'video or audio of an unrecognised format');
}

/** EBML (Matroska) files name their document type near the start: webm or matroska. */
function sniffEbml(bytes: Buffer): SniffedType {
  const header = bytes.subarray(0, 64);
  if (header.includes('webm', 0, 'latin1')) return known('WEBM');
  return other('video/x-matroska', 'Matroska 動画 (.mkv)', 'a Matroska video (.mkv)');
}

/** An MPEG-1/2 audio layer III frame header: 11 sync bits, a valid version, rate and sample rate. */
function isMpegAudioLayer3Frame(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1] & 0xe0) !== 0xe0) return false;
  const version = (bytes[1] >> 3) & 0x03;
  const layer = (bytes[1] >> 1) & 0x03;
  const bitrateIndex = bytes[2] >> 4;
  const sampleRateIndex = (bytes[2] >> 2) & 0x03;
  return version !== 0x01 && layer === 0x01 && bitrateIndex !== 0x0f && sampleRateIndex !== 0x03;
}

/** Office Open XML files are ZIPs; which one is told by the parts they hold. */
function sniffZip(names: ReadonlySet<string> | null): SniffedType {
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
const END_RECORD_BYTES = 22;
/** The end record sits in the last 22 bytes plus at most a 64 KiB comment. */
const END_SEARCH_BYTES = END_RECORD_BYTES + 0xffff;
/** An Office file's directory holds a few hundred names; more than this is not one worth reading. */
const MAX_CENTRAL_DIRECTORY_BYTES = 8 * 1024 * 1024;

interface CentralDirectory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

/** The end-of-central-directory record in the last bytes of a ZIP (`tail`), or null. */
function findCentralDirectory(tail: Buffer): CentralDirectory | null {
  for (let offset = tail.length - END_RECORD_BYTES; offset >= 0; offset--) {
    if (tail.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      return { count: tail.readUInt16LE(offset + 10), size: tail.readUInt32LE(offset + 12), offset: tail.readUInt32LE(offset + 16) };
    }
  }
  return null;
}

/** The names in the central directory's bytes (`directory` starts at its first entry). */
function centralDirectoryNames(directory: Buffer, count: number): Set<string> | null {
  const names = new Set<string>();
  let offset = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > directory.length) return null;
    names.add(directory.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The names in a ZIP's central directory, or null when it cannot be read. */
export function zipEntryNames(bytes: Buffer): Set<string> | null {
  const tailStart = Math.max(0, bytes.length - END_SEARCH_BYTES);
  const directory = findCentralDirectory(bytes.subarray(tailStart));
  if (!directory || directory.offset + directory.size > bytes.length) return null;
  return centralDirectoryNames(bytes.subarray(directory.offset, directory.offset + directory.size), directory.count);
}

/**
 * The names in the central directory of the ZIP in an open file of `size` bytes, reading only
 * its end (at most 64 KiB) and the directory itself, or null when it cannot be read.
 */
export async function zipEntryNamesOfFile(handle: FileHandle, size: number): Promise<Set<string> | null> {
  const readAt = async (position: number, length: number): Promise<Buffer> => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  };
  const tailLength = Math.min(size, END_SEARCH_BYTES);
  const directory = findCentralDirectory(await readAt(size - tailLength, tailLength));
  if (!directory || directory.offset + directory.size > size || directory.size > MAX_CENTRAL_DIRECTORY_BYTES) return null;
  return centralDirectoryNames(await readAt(directory.offset, directory.size), directory.count);
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
export function sniffSample(sample: ContentSample, claimed: FileTypeKey | null): SniffedType {
  const binary = sniffBinary(sample, claimed);
  if (binary) return binary;
  if (sample.isUtf8Text()) return known(claimed && TEXT_TYPES.includes(claimed) ? claimed : 'TEXT');
  return claimed && TEXT_TYPES.includes(claimed) ? NOT_UTF8_TEXT : UNKNOWN_BINARY;
}

/** sniffSample for content held in memory. */
export function sniffFile(bytes: Buffer, claimed: FileTypeKey | null): SniffedType {
  return sniffSample(
    {
      head: bytes.subarray(0, SNIFF_HEAD_BYTES),
      isUtf8Text: () => isUtf8TextWithoutNul(bytes),
      zipEntryNames: () => zipEntryNames(bytes),
    },
    claimed,
  );
}

/**
 * Watches content go by chunk by chunk — its size, SHA-256, first bytes and whether it is still
 * UTF-8 text without NUL — keeping only the first SNIFF_HEAD_BYTES bytes.
 */
export class ContentProbe {
  private size = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private utf8Text = true;

  get byteSize(): number {
    return this.size;
  }

  update(chunk: Buffer): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.headLength < SNIFF_HEAD_BYTES) {
      // A copy: the chunk's memory may be reused by the stream.
      const piece = Buffer.from(chunk.subarray(0, SNIFF_HEAD_BYTES - this.headLength));
      this.headChunks.push(piece);
      this.headLength += piece.length;
    }
    if (!this.utf8Text) return;
    if (chunk.includes(0)) {
      this.utf8Text = false;
      return;
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.utf8Text = false;
    }
  }

  /** Once the content has ended: what was seen. */
  finish(): { byteSize: number; sha256: string; head: Buffer; isUtf8Text: boolean } {
    if (this.utf8Text) {
      try {
        // A multi-byte character cut off at the end is not UTF-8.
        this.decoder.decode();
      } catch {
        this.utf8Text = false;
      }
    }
    return { byteSize: this.size, sha256: this.hash.digest('hex'), head: Buffer.concat(this.headChunks), isUtf8Text: this.utf8Text };
  }
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
