// The errors a person uploading a file can act on, each with a stable reason and a message in
// Japanese and English that says what to do (which size, which types).
import type { LocalizedText } from '@tsunagu/domain';
import { AppError } from '../graphql/app-error';
import { describeAllowed, FILE_TYPES, FileTypeKey, SniffedType } from './file-types';

function badFile(reason: string, message: LocalizedText): AppError {
  return new AppError('BAD_USER_INPUT', message, { reason, fields: { file: message } });
}

/** "10 MB", "1.5 MB" */
export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : Number(value.toFixed(1))} MB`;
}

export const fileErrors = {
  missing: () =>
    badFile('FILE_MISSING', {
      ja: 'ファイルが選ばれていません。ファイルを1つ選んでください。',
      en: 'No file was sent. Please choose one file.',
    }),
  empty: () =>
    badFile('FILE_EMPTY', {
      ja: 'ファイルが空です（0 バイト）。中身のあるファイルを選んでください。',
      en: 'The file is empty (0 bytes). Please choose a file with content.',
    }),
  tooLarge: (maxBytes: number) =>
    badFile('FILE_TOO_LARGE', {
      ja: `ファイルが大きすぎます。${megabytes(maxBytes)} 以下のファイルを選んでください。`,
      en: `The file is too large. Please choose a file of at most ${megabytes(maxBytes)}.`,
    }),
  nameInvalid: () =>
    badFile('FILE_NAME_INVALID', {
      ja: 'ファイル名がありません。名前と拡張子（例: 募集要項.pdf）のあるファイルを選んでください。',
      en: 'The file has no usable name. Please choose a file with a name and extension (e.g. guidelines.pdf).',
    }),
  notAllowed: (allowed: readonly FileTypeKey[]) => {
    const list = describeAllowed(allowed);
    return badFile('FILE_TYPE_NOT_ALLOWED', {
      ja: `この種類のファイルは添付できません。添付できるのは ${list.ja} です。`,
      en: `This kind of file cannot be attached. Allowed: ${list.en}.`,
    });
  },
  mismatch: (fileName: string, claimed: FileTypeKey, found: SniffedType, allowed: readonly FileTypeKey[]) => {
    const list = describeAllowed(allowed);
    const claimedLabel = FILE_TYPES[claimed].label;
    const textHint =
      claimed === 'TEXT' || claimed === 'CSV'
        ? { ja: 'テキストと CSV は UTF-8 で保存してください（Shift_JIS などは使えません）。', en: 'Save text and CSV files as UTF-8 (Shift_JIS and other encodings are not accepted).' }
        : { ja: '', en: '' };
    return badFile('FILE_TYPE_MISMATCH', {
      ja: `「${fileName}」は名前では ${claimedLabel.ja} ですが、中身は ${found.description.ja} です。${textHint.ja}添付できるのは ${list.ja} です。`,
      en: `"${fileName}" is named as ${claimedLabel.en}, but its content is ${found.description.en}. ${textHint.en ? textHint.en + ' ' : ''}Allowed: ${list.en}.`,
    });
  },
  purposeMissing: () =>
    new AppError(
      'BAD_USER_INPUT',
      {
        ja: 'ファイルの用途（purpose）がファイルより先に届いていません。用途を URL（?purpose=…）で指定するか、フォームのファイルより前に入れてください。',
        en: 'The purpose of the file did not arrive before the file. Give it in the URL (?purpose=…) or put it before the file in the form.',
      },
      { reason: 'FILE_PURPOSE_MISSING', fields: { purpose: { ja: '用途がありません。', en: 'The purpose is missing.' } } },
    ),
  purposeConflict: () =>
    new AppError(
      'BAD_USER_INPUT',
      {
        ja: 'ファイルの用途（purpose）が URL とフォームで食い違っています。どちらか一方で指定してください。',
        en: 'The purpose of the file differs between the URL and the form. Please give it once.',
      },
      { reason: 'FILE_PURPOSE_CONFLICT', fields: { purpose: { ja: '用途が食い違っています。', en: 'Two different purposes.' } } },
    ),
  tooMany: () =>
    new AppError('BAD_USER_INPUT', { ja: 'ファイルは1つずつ送ってください。', en: 'Please send one file at a time.' }, { reason: 'FILE_TOO_MANY' }),
  purposeUnknown: (known: readonly string[]) =>
    new AppError(
      'BAD_USER_INPUT',
      {
        ja: `ファイルの用途（purpose）が正しくありません。使えるのは ${known.join('、')} です。`,
        en: `The purpose of the file is not valid. Use one of ${known.join(', ')}.`,
      },
      { reason: 'FILE_PURPOSE_UNKNOWN', fields: { purpose: { ja: '用途が正しくありません。', en: 'Not a valid purpose.' } } },
    ),
};
