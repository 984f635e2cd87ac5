// The trainer's editor end to end: 中央区社会福祉協議会's trainer starts a course (a unique title
// each run), is told why it cannot be published without modules, adds two modules, uploads a
// PDF material to the first and watches the progress bar reach 100 % and the file appear in the
// list, moves the second module above the first with the keyboard-reachable buttons (focus stays
// on the moved module), writes a one-question quiz, publishes; then downloads the training
// report as CSV (UTF-8 with its BOM, for Excel) on /training/reports.
import { expect, test, type APIRequestContext } from './support/test';
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD, signIn } from './support/session';
import { startCourseDraft } from './support/training';
import { tinyPdf } from '../support/sample-files';

const TRAINER = { email: 'trainer@shakyo-chuo.example.jp' };
const STAFF = { email: 'staff@komorebi.example.jp', name: '伊藤 さくら', organization: 'NPO法人こもれび' };

/** One GraphQL call as a demo user (signed in through the API), failing the test on any error. */
async function graphqlAs<T>(request: APIRequestContext, email: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const call = async (body: { query: string; variables: Record<string, unknown> }, token?: string) => {
    const response = await request.post('/graphql', {
      data: body,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    expect(response.ok()).toBe(true);
    const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(result.errors ?? []).toEqual([]);
    return result.data;
  };
  const login = (await call({
    query: 'mutation ($input: LoginInput!) { login(input: $input) { auth { accessToken } } }',
    variables: { input: { email, password: DEMO_PASSWORD } },
  })) as { login: { auth: { accessToken: string } | null } };
  return (await call({ query, variables }, login.login.auth?.accessToken)) as T;
}

test('a trainer builds a course in the editor (upload with progress, module reorder, quiz, publish) and downloads the report CSV', async ({ page }) => {
  // A long flow of many saves on a shared machine: more time than the default 30 s.
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}`;
  const title = `相談支援の基礎（編集テスト ${run}）`;
  const first = 'はじめに';
  const second = '相談の受け方';
  const fileName = `guide-${run}.pdf`;
  await signIn(page, TRAINER.email);

  // A new draft from the trainer's course list…
  await page.goto('/training/manage');
  await expect(page.getByRole('heading', { level: 1, name: '研修コースの管理' })).toBeVisible();
  await startCourseDraft(page, { title, summary: '相談を受けるときの基本を学びます。', minutes: 30 });

  // …which the API refuses to publish while it has no modules, and the dialog says why.
  const actions = page.getByRole('group', { name: 'コースの操作' });
  await actions.getByRole('button', { name: '公開する' }).click();
  const dialog = page.getByRole('dialog', { name: '公開する' });
  await dialog.getByRole('button', { name: '公開する' }).click();
  await expect(dialog.getByRole('alert')).toContainText('単元が1つ以上必要');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();

  // Two modules.
  for (const moduleTitle of [first, second]) {
    const form = page.getByRole('form', { name: '単元の追加' });
    await form.getByRole('textbox', { name: '新しい単元の名前' }).fill(moduleTitle);
    await form.getByRole('button', { name: '単元を追加' }).click();
    await expect(page.getByRole('region', { name: `単元：${moduleTitle}` })).toBeVisible();
  }

  // A PDF material for the first: the bar reaches 100 % and the file is listed.
  const firstModule = page.getByRole('region', { name: `単元：${first}` });
  await firstModule.getByRole('textbox', { name: '教材名' }).fill('相談支援ガイド');
  await firstModule.getByLabel('ファイルをアップロード').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: tinyPdf() });
  const bar = firstModule.getByRole('progressbar', { name: `「${fileName}」のアップロードの進み具合` });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(firstModule.getByText('アップロードしました')).toBeVisible();
  const materials = firstModule.getByRole('list', { name: `単元「${first}」の教材一覧` });
  await expect(materials.getByRole('listitem')).toHaveCount(1);
  await expect(materials.getByRole('listitem').first()).toContainText('相談支援ガイド');
  await expect(materials.getByRole('listitem').first()).toContainText(fileName);

  // The second module moves to the top; focus stays with it (on its remaining move button).
  await page.getByRole('button', { name: `単元「${second}」を上へ移動` }).click();
  const headings = page.getByRole('region', { name: /^単元：/ }).getByRole('heading', { level: 3 });
  await expect(headings).toHaveText([`1. ${second}`, `2. ${first}`]);
  await expect(page.getByRole('button', { name: `単元「${second}」を下へ移動` })).toBeFocused();

  // A one-question quiz on the (now first) module; an unmarked answer is caught before saving.
  const secondModule = page.getByRole('region', { name: `単元：${second}` });
  await secondModule.getByRole('button', { name: `単元「${second}」の小テストを作成` }).click();
  const quiz = secondModule.getByRole('form', { name: `単元「${second}」の小テスト` });
  await quiz.getByRole('button', { name: '問題を追加' }).click();
  await quiz.getByRole('textbox', { name: '問1の問題文' }).fill('相談を受けるとき最初にすることは？');
  await quiz.getByRole('textbox', { name: '問1の選択肢1' }).fill('話をよく聴く');
  await quiz.getByRole('textbox', { name: '問1の選択肢2' }).fill('すぐに助言する');
  await quiz.getByRole('button', { name: '小テストを保存' }).click();
  // The message stands at the field and again in the form's summary of problems.
  await expect(quiz.getByText('正解の選択肢に印を付けてください。').first()).toBeVisible();
  await quiz.getByRole('checkbox', { name: '問1の選択肢1を正解にする' }).check();
  await quiz.getByRole('button', { name: '小テストを保存' }).click();
  await expect(secondModule.getByText('1 問・合格点 80%・受験回数の上限 なし')).toBeVisible();

  // Published.
  await actions.getByRole('button', { name: '公開する' }).click();
  await dialog.getByRole('button', { name: '公開する' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('公開中', { exact: true })).toBeVisible();

  // Assigned to a staff member of another organisation with a due date.
  await page.getByRole('button', { name: '受講を割り当てる' }).click();
  const assign = page.getByRole('dialog', { name: `「${title}」の受講を割り当てる` });
  await assign.getByRole('textbox', { name: '名前で絞り込む' }).fill('伊藤');
  await assign.getByRole('checkbox', { name: `${STAFF.name}（${STAFF.organization}）` }).check();
  await assign.getByLabel('修了期限').fill('2027-03-31');
  await assign.getByRole('button', { name: '1 人に割り当てる' }).click();
  await expect(assign.getByRole('status')).toContainText('1 人に割り当てました');
  await assign.getByRole('button', { name: '閉じる' }).click();

  // The report's CSV keeps the BOM Excel needs to read it as UTF-8.
  await page.goto('/training/reports');
  await expect(page.getByRole('heading', { level: 1, name: '研修レポート' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'コース別' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^training-report-\d{8}\.csv$/);
  const path = await download.path();
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});

test('a trainer schedules a session in Japan time, sees who registered and records attendance once it has started', async ({ page, request }) => {
  test.setTimeout(120_000);
  const title = `個人情報の取扱い 研修会（編集テスト ${Date.now().toString(36)}）`;
  await signIn(page, TRAINER.email);

  // Scheduled from the form: the times go to the API as Japan time and come back unchanged.
  await page.goto('/training/sessions/new');
  await expect(page.getByRole('heading', { level: 1, name: '新しい研修会' })).toBeVisible();
  await page.getByRole('textbox', { name: '研修会名' }).fill(title);
  await page.getByLabel('開始日時').fill('2027-01-15T14:00');
  await page.getByLabel('終了日時').fill('2027-01-15T13:00');
  await page.getByRole('textbox', { name: '会場' }).fill('中央区社会福祉協議会 会議室');
  await page.getByRole('textbox', { name: '定員（人）' }).fill('2');
  await page.getByRole('button', { name: '研修会を作成' }).click();
  await expect(page.getByText('終了日時は開始日時より後にしてください。').first()).toBeVisible();
  await page.getByLabel('終了日時').fill('2027-01-15T16:00');
  await page.getByRole('button', { name: '研修会を作成' }).click();
  await expect(page).toHaveURL(/\/training\/sessions\/[0-9a-f-]{36}\/edit/);
  await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();
  await expect(page.getByLabel('開始日時')).toHaveValue('2027-01-15T14:00');
  await expect(page.getByLabel('終了日時')).toHaveValue('2027-01-15T16:00');
  const sessionId = /\/training\/sessions\/([0-9a-f-]{36})\/edit/.exec(page.url())?.[1] ?? '';
  const panel = page.getByRole('region', { name: '参加登録と出席' });
  await expect(panel.getByText('まだ参加登録はありません。')).toBeVisible();

  // A staff member registers; the trainer sees them, but attendance waits for the start.
  await graphqlAs(request, STAFF.email, 'mutation ($sessionId: ID!) { registerForSession(sessionId: $sessionId) { id } }', { sessionId });
  await page.reload();
  await expect(panel.getByText('参加登録 1 人・キャンセル待ち 0 人')).toBeVisible();
  await expect(panel.getByText('出欠は研修会の開始後に記録できます。')).toBeVisible();
  const attended = panel.getByRole('checkbox', { name: `${STAFF.name} さんの出席` });
  await expect(attended).toBeDisabled();

  // Once the session has begun (moved to a start in the past), the tick is taken and kept.
  await page.getByLabel('開始日時').fill('2025-01-15T14:00');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();
  await expect(attended).toBeEnabled();
  await attended.check();
  await expect(attended).toBeChecked();
  await page.reload();
  await expect(page.getByRole('region', { name: '参加登録と出席' }).getByRole('checkbox', { name: `${STAFF.name} さんの出席` })).toBeChecked();
});
