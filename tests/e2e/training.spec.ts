// Training end to end: 中央区社会福祉協議会's trainer publishes a course (a unique Japanese title
// each run) with a link material and a quiz of one single-choice and one multiple-choice question;
// NPO法人こもれび's staff member finds it in the catalogue by a Japanese keyword, enrols, marks
// the material done, fails the quiz once (score and attempts left shown), passes it, sees the
// course completed with a certificate, downloads the certificate PDF; a visitor who is not
// signed in types the code in lower case with spaces on /verify and sees it confirmed with the
// learner's name, the course and the date — and an unknown code is clearly refused.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support/session';

const TRAINER = { email: 'trainer@shakyo-chuo.example.jp' };
const STAFF = { email: 'staff@komorebi.example.jp', name: '伊藤 さくら' };

// Uncommon kanji, so a random pair names this run's course and (almost surely) nothing in the seed.
const kanjiPool = '桜梅桃杏椿楓萩菫蓮菖葵柊槙樫楠檜欅榎朴椋鷺鶴鷹燕雀鴎雫虹霞霜雹';

function uniqueKeyword(): string {
  const pick = () => kanjiPool[Math.floor(Math.random() * kanjiPool.length)];
  const first = pick();
  let second = pick();
  while (second === first) second = pick();
  return `${first}${second}`;
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The course this run publishes. */
interface CoursePlan {
  readonly title: string;
  readonly moduleTitle: string;
  readonly materialTitle: string;
  readonly materialUrl: string;
  readonly single: { readonly prompt: string; readonly choices: string[]; readonly correct: number };
  readonly multiple: { readonly prompt: string; readonly choices: string[]; readonly correct: number[] };
}

function planCourse(keyword: string, run: string): CoursePlan {
  return {
    title: `「${keyword}」つながりサポーター研修（${run}）`,
    moduleTitle: '個人情報の基本',
    materialTitle: '個人情報保護委員会のガイドライン',
    materialUrl: 'https://www.ppc.go.jp/personalinfo/legal/',
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

async function graphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data as T;
}

/**
 * The trainer's part through the API (the same mutations the course editor calls): create,
 * add the module, its link material and quiz, publish. Returns the course id.
 */
async function publishCourseThroughApi(request: APIRequestContext, plan: CoursePlan): Promise<string> {
  const { login } = await graphql<{ login: { accessToken: string } }>(
    request,
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email: TRAINER.email, password: DEMO_PASSWORD } },
  );
  const token = login.accessToken;
  const { createCourse } = await graphql<{ createCourse: { id: string } }>(
    request,
    'mutation ($input: CourseInput!) { createCourse(input: $input) { id } }',
    {
      input: {
        title: plan.title,
        summary: '地域で相談を受けるときの個人情報の扱いを学びます。',
        estimatedMinutes: 20,
        audienceAll: true,
        visibility: 'NETWORK',
      },
    },
    token,
  );
  const courseId = createCourse.id;
  const { addCourseModule } = await graphql<{ addCourseModule: { modules: { id: string }[] } }>(
    request,
    'mutation ($courseId: ID!, $input: CourseModuleInput!) { addCourseModule(courseId: $courseId, input: $input) { modules { id } } }',
    { courseId, input: { title: plan.moduleTitle, description: 'ガイドラインを読み、確認テストに答えます。', required: true } },
    token,
  );
  const moduleId = addCourseModule.modules[0].id;
  await graphql(
    request,
    'mutation ($moduleId: ID!, $input: CourseMaterialInput!) { addCourseMaterial(moduleId: $moduleId, input: $input) { id } }',
    { moduleId, input: { title: plan.materialTitle, url: plan.materialUrl } },
    token,
  );
  await graphql(
    request,
    'mutation ($moduleId: ID!, $input: QuizInput!) { setModuleQuiz(moduleId: $moduleId, input: $input) { id } }',
    {
      moduleId,
      input: {
        passMarkPercent: 100,
        maxAttempts: 3,
        questions: [
          { prompt: plan.single.prompt, kind: 'SINGLE_CHOICE', choices: plan.single.choices, correctChoices: [plan.single.correct] },
          { prompt: plan.multiple.prompt, kind: 'MULTIPLE_CHOICE', choices: plan.multiple.choices, correctChoices: plan.multiple.correct },
        ],
      },
    },
    token,
  );
  await graphql(request, 'mutation ($id: ID!) { publishCourse(id: $id) { id status } }', { id: courseId }, token);
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
  request,
}) => {
  test.setTimeout(120_000);
  const keyword = uniqueKeyword();
  const run = Date.now().toString(36);
  const plan = planCourse(keyword, run);

  // The trainer publishes the course.
  const courseId = await publishCourseThroughApi(request, plan);

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
  await expect(card.getByText('外部リンク')).toBeVisible();
  await card.getByRole('link', { name: plan.title }).click();
  await expect(staff).toHaveURL(new RegExp(`/training/courses/${courseId}$`));
  await expect(staff.getByRole('heading', { level: 1, name: plan.title })).toBeVisible();

  // …enrols…
  await staff.getByRole('button', { name: '受講を始める' }).click();
  const progress = staff.getByRole('region', { name: '受講状況' });
  const bar = progress.getByRole('progressbar', { name: '進み具合' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');

  // …opens the material (a new tab, without a way back to this page) and marks it done…
  const link = staff.getByRole('link', { name: `「${plan.materialTitle}」のリンクを新しいタブで開く` });
  await expect(link).toHaveAttribute('href', plan.materialUrl);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await staff.getByRole('checkbox', { name: `「${plan.materialTitle}」を完了にする` }).check();
  await expect(staff.getByRole('checkbox', { name: `「${plan.materialTitle}」を完了にする` })).toBeChecked();

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
  const { readFile } = await import('node:fs/promises');
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
