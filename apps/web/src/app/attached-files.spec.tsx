// A record's files, rendered to static markup: each feature's words around the same list (name,
// size read by formatFileSize, a named download), a remove only where one is given, and the
// feature's "none" when there is nothing attached.
import { AttachedFiles } from './attached-files';
import { formatFileSize } from './files';
import { renderMarkup as render } from './testing/render-markup';

// The app's own i18n instance sets the page's lang on the document; this renders with its own.
jest.mock('./i18n/i18n', () => ({ i18n: { language: 'ja', t: (key: string) => key } }));

const minutes = { id: 'document-1', fileId: 'file-1', fileName: '議事録.pdf', byteSize: 1536, uploadedAt: '2026-04-01T01:00:00Z' };

describe('formatFileSize', () => {
  it('rounds up, so a file just over a limit never reads as the limit', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1025)).toBe('2 KB');
    expect(formatFileSize(5 * 1024 * 1024 + 1)).toBe('5.1 MB');
  });
});

describe('AttachedFiles', () => {
  it("lists a partnership's documents with their size, date, download and remove", () => {
    const html = render(
      <AttachedFiles files={[minutes]} words="partnerships.documents" label="文書" metaOf={() => ({ uploadedAt: '2026/04/01 10:00' })} onRemove={() => Promise.resolve()} />,
    );
    expect(html).toContain('aria-label="文書"');
    expect(html).toContain('（2 KB · 2026/04/01 10:00）');
    expect(html).toContain('aria-label="議事録.pdf をダウンロード"');
    expect(html).toContain('aria-label="文書を削除（議事録.pdf）"');
  });

  it("lists a grant's attachments in the grants' words, without a remove for readers", () => {
    const html = render(<AttachedFiles files={[minutes]} words="grants.attachments" label="添付ファイル" />);
    expect(html).toContain('（2 KB）');
    expect(html).toContain('aria-label="議事録.pdf をダウンロード"');
    expect(html).not.toContain('削除（添付の 議事録.pdf）');
  });

  it('says when nothing is attached', () => {
    expect(render(<AttachedFiles files={[]} words="grants.attachments" label="添付ファイル" />)).toContain('添付ファイルはありません。');
  });
});
