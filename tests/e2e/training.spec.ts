// Training end to end: 中央区社会福祉協議会's trainer builds a course in the editor (a unique
// Japanese title each run) with a PDF and a link and a quiz of one single-choice and one
// multiple-choice question, and publishes it; NPO法人こもれび's staff member finds it in the
// catalogue by a Japanese keyword, enrols, downloads the PDF, marks both materials done, fails the
// quiz once (score and attempts left shown), passes it, sees the course completed with a
// certificate and downloads its PDF; a visitor who is not signed in types the code in lower case
// with spaces on /verify and sees it confirmed with the learner's name, the course and the date —
// and an unknown code is clearly refused. A second test runs a session (研修会) with one place:
// registration, the .ics file, the waiting list and the promotion when the registered one cancels.
import { expect as baseExpect, test, type Locator, type Page } from './support/test';
import { readFile } from 'node:fs/promises';
import { signedInPage } from './support/session';
import { startCourseDraft } from './support/training';
import { uniqueKeyword } from './support/unique';
import { tinyPdf } from '../support/sample-files';

// Every step saves through the API; on a busy shared machine a save can take longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

const TRAINER = { email: 'trainer@shakyo-chuo.example.jp' };
const STAFF = { email: 'staff@komorebi.example.jp', name: '伊藤 さくら' };

/** The course this run publishes. */
interface CoursePlan {
  readonly title: string;
  readonly moduleTitle: string;
  readonly fileTitle: string;
  readonly fileName: string;
  readonly linkTitle: string;
  readonly linkUrl: string;
  readonly single: { readonly prompt: string; readonly choices: string[]; readonly correct: number };
  readonly multiple: { readonly prompt: string; readonly choices: string[]; readonly correct: number[] };
}

function planCourse(keyword: string, run: string): CoursePlan {
  return {
    title: `「${keyword}」つながりサポーター研修（${run}）`,
    moduleTitle: '個人情報の基本',
    fileTitle: '個人情報の取扱いの手引き',
    fileName: `tebiki-${run}.pdf`,
    linkTitle: '個人情報保護委員会のガイドライン',
    linkUrl: 'https://www.ppc.go.jp/personalinfo/legal/',
    single: {
      prompt: '相談者の同意なく他機関に伝えてよい情報はどれですか。',
      choices: ['氏名と連絡先', '本人が公開を望んだ情報のみ', '相談内容のすべて'],
      correct: 1,
    },
    multiple: {
      prompt: '個人情報の扱いとして適切なものをすべて選んでください。',
      choices: ['鍵のかかる書庫に保管する', '私物のUSBメモリに保存する', '利用目的を本人に伝える'],
      correct: [0, 2],
    },
  };
}

/** Writes question `number` of the quiz form: prompt, kind, three choices and the correct ones. */
async function writeQuestion(
  form: Locator,
  number: number,
  question: { prompt: string; choices: string[] },
  kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE',
  correct: number[],
): Promise<void> {
  await form.getByRole('button', { name: '問題を追加' }).click();
  await form.getByRole('textbox', { name: `問${number}の問題文` }).fill(question.prompt);
  if (kind === 'MULTIPLE_CHOICE') {
    await form.getByRole('radiogroup', { name: `問${number}の答え方` }).getByRole('radio', { name: 'すべて選ぶ' }).check();
  }
  await form.getByRole('button', { name: `問${number}に選択肢を追加` }).click();
  for (const [index, choice] of question.choices.entries()) {
    await form.getByRole('textbox', { name: `問${number}の選択肢${index + 1}` }).fill(choice);
  }
  for (const index of correct) await form.getByRole('checkbox', { name: `問${number}の選択肢${index + 1}を正解にする` }).check();
}

/**
 * The trainer's part in the course editor: a draft with its details, one module with a PDF
 * (uploaded) and a link, a two-question quiz (pass mark 100 %, three attempts), published.
 * Returns the course id.
 */
async function publishCourseInEditor(trainer: Page, plan: CoursePlan): Promise<string> {
  await trainer.goto('/training/manage');
  await expect(trainer.getByRole('heading', { level: 1, name: '研修コースの管理' })).toBeVisible();
  const courseId = await startCourseDraft(trainer, { title: plan.title, summary: '地域で相談を受けるときの個人情報の扱いを学びます。', minutes: 20 });

  const addModule = trainer.getByRole('form', { name: '単元の追加' });
  await addModule.getByRole('textbox', { name: '新しい単元の名前' }).fill(plan.moduleTitle);
  await addModule.getByRole('button', { name: '単元を追加' }).click();
  const module = trainer.getByRole('region', { name: `単元：${plan.moduleTitle}` });
  await expect(module).toBeVisible();

  // The PDF, uploaded with a progress bar…
  await module.getByRole('textbox', { name: '教材名' }).fill(plan.fileTitle);
  await module.getByLabel('ファイルをアップロード').setInputFiles({ name: plan.fileName, mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(module.getByText('アップロードしました')).toBeVisible();
  const materials = module.getByRole('list', { name: `単元「${plan.moduleTitle}」の教材一覧` });
  await expect(materials.getByRole('listitem')).toHaveCount(1);

  // …and the link.
  await module.getByRole('radio', { name: '外部リンク' }).check();
  await module.getByRole('textbox', { name: '教材名' }).fill(plan.linkTitle);
  await module.getByRole('textbox', { name: 'リンクのURL' }).fill(plan.linkUrl);
  await module.getByRole('button', { name: 'リンクを追加' }).click();
  await expect(materials.getByRole('listitem')).toHaveCount(2);

  // The quiz.
  await module.getByRole('button', { name: `単元「${plan.moduleTitle}」の小テストを作成` }).click();
  const quiz = module.getByRole('form', { name: `単元「${plan.moduleTitle}」の小テスト` });
  await quiz.getByRole('textbox', { name: '合格点（%）' }).fill('100');
  await quiz.getByRole('textbox', { name: '受験回数の上限' }).fill('3');
  await writeQuestion(quiz, 1, plan.single, 'SINGLE_CHOICE', [plan.single.correct]);
  await writeQuestion(quiz, 2, plan.multiple, 'MULTIPLE_CHOICE', plan.multiple.correct);
  await quiz.getByRole('button', { name: '小テストを保存' }).click();
  await expect(module.getByText('2 問・合格点 100%')).toBeVisible();

  // Published.
  await trainer.getByRole('group', { name: 'コースの操作' }).getByRole('button', { name: '公開する' }).click();
  const dialog = trainer.getByRole('dialog', { name: '公開する' });
  await dialog.getByRole('button', { name: '公開する' }).click();
  await expect(dialog).toBeHidden();
  await expect(trainer.getByText('公開中', { exact: true }).first()).toBeVisible();
  return courseId;
}

/** Answers the quiz on the course page: the single-choice question, then the multiple-choice one. */
async function answerQuiz(page: Page, plan: CoursePlan, single: number, multiple: number[]): Promise<void> {
  const quiz = page.getByRole('region', { name: `確認テスト：${plan.moduleTitle}` });
  await quiz.getByRole('radiogroup', { name: `問1. ${plan.single.prompt}` }).getByRole('radio', { name: plan.single.choices[single] }).check();
  const group = quiz.getByRole('group', { name: `問2. ${plan.multiple.prompt}` });
  for (const [index, choice] of plan.multiple.choices.entries()) {
    const box = group.getByRole('checkbox', { name: choice });
    if (multiple.includes(index)) await box.check();
    else await box.uncheck();
  }
  await quiz.getByRole('button', { name: '解答を送信' }).click();
}

test('a trainer publishes a course with a quiz; a staff member enrols, completes, downloads the certificate; the verification page confirms it', async ({
  browser,
}) => {
  // Two people's long flows on a shared machine: more time than the default 30 s.
  test.setTimeout(300_000);
  const keyword = uniqueKeyword();
  const run = Date.now().toString(36);
  const plan = planCourse(keyword, run);

  // The trainer publishes the course in the editor.
  const trainer = await signedInPage(browser, TRAINER.email);
  const courseId = await publishCourseInEditor(trainer, plan);

  // The staff member finds it by the keyword…
  const staff = await signedInPage(browser, STAFF.email);
  await staff.goto('/training');
  await expect(staff.getByRole('heading', { level: 1, name: '研修' })).toBeVisible();
  const search = staff.getByRole('search', { name: '研修コースの検索' });
  await search.getByRole('searchbox', { name: 'キーワード' }).fill(keyword);
  await search.getByRole('button', { name: '検索' }).click();
  await expect(staff).toHaveURL(new RegExp(`q=${encodeURIComponent(keyword)}`));
  const card = staff.getByRole('article', { name: plan.title });
  await expect(card.getByText('目安 約20分')).toBeVisible();
  await expect(card.getByText('PDF')).toBeVisible();
  await expect(card.getByText('外部リンク')).toBeVisible();
  await card.getByRole('link', { name: plan.title }).click();
  await expect(staff).toHaveURL(new RegExp(`/training/courses/${courseId}$`));
  await expect(staff.getByRole('heading', { level: 1, name: plan.title })).toBeVisible();

  // …enrols…
  await staff.getByRole('button', { name: '受講を始める' }).click();
  const progress = staff.getByRole('region', { name: '受講状況' });
  const bar = progress.getByRole('progressbar', { name: '進み具合' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');

  // …downloads the PDF, checks the link opens in a new tab without a way back to this page, and
  // marks both done…
  const downloadingMaterial = staff.waitForEvent('download');
  await staff.getByRole('button', { name: `「${plan.fileTitle}」をダウンロード` }).click();
  expect((await downloadingMaterial).suggestedFilename()).toBe(plan.fileName);
  const link = staff.getByRole('link', { name: `「${plan.linkTitle}」のリンクを開く（新しいタブ）` });
  await expect(link).toHaveAttribute('href', plan.linkUrl);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  for (const title of [plan.fileTitle, plan.linkTitle]) {
    const done = staff.getByRole('checkbox', { name: `「${title}」：この教材を学習した` });
    await done.check();
    await expect(done).toBeChecked();
    await expect(done).toBeEnabled();
  }

  // …fails the quiz once (one multiple-choice answer missing): score and attempts left…
  await answerQuiz(staff, plan, plan.single.correct, [0]);
  const quiz = staff.getByRole('region', { name: `確認テスト：${plan.moduleTitle}` });
  await expect(quiz.getByRole('status')).toContainText('不合格でした');
  await expect(quiz.getByRole('status')).toContainText('1回目：50%（2問中1問正解）');
  await expect(quiz.getByRole('status')).toContainText('残り 2回');

  // …passes it, and the course is complete with a certificate.
  await answerQuiz(staff, plan, plan.single.correct, plan.multiple.correct);
  await expect(quiz.getByRole('status')).toContainText('合格です');
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(progress.getByRole('status')).toContainText('修了しました');
  const certificate = staff.getByRole('region', { name: '修了証' });
  await expect(certificate).toContainText(STAFF.name);
  const code = (await certificate.getByTestId('certificate-code').innerText()).trim();
  expect(code).toMatch(/^TSG(-[0-9A-Z]{4}){4}$/);

  // The certificate PDF downloads.
  const downloading = staff.waitForEvent('download');
  await certificate.getByRole('button', { name: '修了証（PDF）をダウンロード' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
  const path = await download.path();
  expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // My learning lists it under 修了.
  await staff.goto('/training/my?filter=COMPLETED');
  await expect(staff.getByRole('article', { name: plan.title })).toContainText(code);

  // Anyone checks the code without signing in, typed loosely (lower case, spaces for dashes).
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/verify');
  await expect(visitor.getByRole('heading', { level: 1, name: '修了証の確認' })).toBeVisible();
  await visitor.getByRole('textbox', { name: '確認コード' }).fill(code.toLowerCase().replace(/-/g, ' '));
  await visitor.getByRole('button', { name: '確認する' }).click();
  const valid = visitor.getByRole('status');
  await expect(valid).toContainText('有効な修了証です');
  await expect(valid).toContainText(STAFF.name);
  await expect(valid).toContainText(plan.title);
  // The issuing organisation, as printed on the certificate.
  await expect(valid).toContainText('中央区社会福祉協議会');
  await expect(visitor).toHaveURL(new RegExp(`/verify\\?code=${code}$`));

  // An unknown code (well-formed, one character changed) is refused clearly.
  const last = code.at(-1) === '0' ? '1' : '0';
  await visitor.getByRole('textbox', { name: '確認コード' }).fill(`${code.slice(0, -1)}${last}`);
  await visitor.getByRole('button', { name: '確認する' }).click();
  await expect(visitor.getByRole('alert')).toContainText('この確認コードの修了証は見つかりません');

  // The page works in English too.
  await visitor.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
  await visitor.goto(`/verify?code=${code}`);
  await expect(visitor.getByRole('status')).toContainText('Valid certificate');
});

/** "YYYY-MM-DDTHH:mm" in Japan time, `days` from now at `hour`:00 (a datetime-local value). */
function tokyoLocalAt(days: number, hour: number): string {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000 + 9 * 60 * 60 * 1000);
  return `${at.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

test('a training session with one place: registration, the calendar file, the waiting list and its promotion', async ({ browser }) => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const title = `つながりサポーター交流会（${run}）`;
  const COORDINATOR = { email: 'coordinator@komorebi.example.jp' };

  // The trainer schedules a session for one person.
  const trainer = await signedInPage(browser, TRAINER.email);
  await trainer.goto('/training/sessions');
  await trainer.getByRole('link', { name: '研修会を作成' }).click();
  await trainer.getByRole('textbox', { name: '研修会名' }).fill(title);
  await trainer.getByLabel('開始日時').fill(tokyoLocalAt(7, 13));
  await trainer.getByLabel('終了日時').fill(tokyoLocalAt(7, 15));
  await trainer.getByRole('textbox', { name: '会場' }).fill('中央区社会福祉協議会 3階会議室');
  await trainer.getByRole('textbox', { name: '定員（人）' }).fill('1');
  await trainer.getByRole('button', { name: '研修会を作成' }).click();
  await expect(trainer).toHaveURL(/\/training\/sessions\/[0-9a-f-]{36}\/edit/);
  const sessionPath = new URL(trainer.url()).pathname.replace(/\/edit$/, '');

  // The staff member finds it in the list (Japan time, place, counts) and takes the place…
  const staff = await signedInPage(browser, STAFF.email);
  await staff.goto('/training/sessions');
  const card = staff.getByRole('article', { name: title });
  await expect(card).toContainText('13:00');
  await expect(card).toContainText('会場：中央区社会福祉協議会 3階会議室');
  await expect(card).toContainText('参加登録 0／定員 1名');
  await card.getByRole('link', { name: title }).click();
  await expect(staff).toHaveURL(new RegExp(`${sessionPath}$`));
  await staff.getByRole('button', { name: '参加登録する' }).click();
  await expect(staff.getByRole('status').filter({ hasText: '参加登録済みです。' })).toBeVisible();

  // …and downloads the calendar entry.
  const downloading = staff.waitForEvent('download');
  await staff.getByRole('button', { name: 'カレンダーに追加（.ics）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const calendar = await readFile(await download.path(), 'utf8');
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar).toContain(title);

  // The coordinator finds it full and joins the waiting list as number 1.
  const coordinator = await signedInPage(browser, COORDINATOR.email);
  await coordinator.goto(sessionPath);
  await expect(coordinator.getByText('満席', { exact: true })).toBeVisible();
  await coordinator.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
  await expect(coordinator.getByRole('status').filter({ hasText: 'キャンセル待ち（1番目）' })).toBeVisible();
  await expect(coordinator.getByRole('button', { name: 'カレンダーに追加（.ics）' })).toBeHidden();

  // The staff member cancels; the coordinator has the place now.
  await staff.getByRole('button', { name: '参加をキャンセルする' }).click();
  // The freed place went to the waiting list at once, so the session is full again.
  await expect(staff.getByRole('button', { name: 'キャンセル待ちに登録する' })).toBeVisible();
  await coordinator.reload();
  await expect(coordinator.getByRole('status').filter({ hasText: '参加登録済みです。' })).toBeVisible();
  await expect(coordinator.getByRole('button', { name: 'カレンダーに追加（.ics）' })).toBeVisible();
});
