// Completion that explains itself (issue 16: a learner passed the quiz and saw 0 % with no word
// that each material must be ticked). A course of two modules, each with materials and a quiz,
// is published through the API; NPO法人こもれび's staff member enrols on the course page, which
// says what is left for the course (both modules, linked) and in each module (the materials to
// tick, the quiz to pass); ticking the first module's materials and passing its quiz completes
// it and moves progress to 50 %; passing the second quiz with a material unticked leaves the
// module open and names that material; ticking it completes the course. Laptop and phone.
import { expect as baseExpect, test, type Locator, type Page } from './support/test';
import { buildCourse, singleChoice } from '../support/training';
import { apiClientAs } from './support/api-client';
import { signedInPage } from './support/session';

// Every tick and attempt saves through the API; a busy shared machine can take longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

const TRAINER = { email: 'trainer@shakyo-chuo.example.jp' };
const STAFF = { email: 'staff@komorebi.example.jp' };
const QUESTION = { prompt: '相談を受けたとき、最初にすることは？', choices: ['話を聴く', '助言する', '記録を消す'] };

function moduleRegion(page: Page, heading: string): Locator {
  return page.getByRole('region', { name: heading });
}

async function passQuiz(module: Locator, moduleTitle: string): Promise<void> {
  const quiz = module.getByRole('region', { name: `確認テスト：${moduleTitle}` });
  await quiz.getByRole('radiogroup', { name: `問1. ${QUESTION.prompt}` }).getByRole('radio', { name: QUESTION.choices[0] }).check();
  await quiz.getByRole('button', { name: '解答を送信' }).click();
  await expect(quiz.getByRole('status')).toContainText('合格です');
}

test('a learner sees what is left, completes a module by passing its quiz with every material ticked, and is told which material is still unticked', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const run = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const title = `修了までの道のり研修（${run}）`;
  const quiz = { passMarkPercent: 100, maxAttempts: null, questions: [singleChoice(QUESTION.prompt, QUESTION.choices, 0)] };
  const course = await buildCourse(await apiClientAs(TRAINER.email), title, {
    modules: [
      { title: 'はじめに', materials: [{ title: '活動の手引き', url: 'https://example.jp/guide' }, { title: '相談の流れ', url: 'https://example.jp/flow' }], quiz },
      { title: 'まとめ', materials: [{ title: 'ふりかえりシート', url: 'https://example.jp/review' }], quiz },
    ],
  });

  const staff = await signedInPage(browser, STAFF.email);
  await staff.goto(`/training/courses/${course.id}`);
  await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await staff.getByRole('button', { name: '受講を始める' }).click();
  const progress = staff.getByRole('region', { name: '受講状況' });
  const bar = progress.getByRole('progressbar', { name: '進み具合' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');

  // The course says what is left: both modules, each a link to its section.
  await expect(progress.getByText('修了まであと 2 単元')).toBeVisible();
  await expect(progress.getByText('教材を見終えたら「この教材を学習した」にチェック', { exact: false })).toBeVisible();
  const modulesLeft = progress.getByRole('list', { name: 'まだ完了していない単元' });
  await expect(modulesLeft.getByRole('link')).toHaveText(['1. はじめに', '2. まとめ']);

  // The first module lists its materials to tick and its quiz.
  const first = moduleRegion(staff, '1. はじめに');
  const firstLeft = first.getByRole('list', { name: 'この単元を完了するには' });
  await expect(firstLeft.getByRole('listitem')).toHaveText([
    '「活動の手引き」の「この教材を学習した」にチェックを入れる',
    '「相談の流れ」の「この教材を学習した」にチェックを入れる',
    '確認テストに合格する（合格点 100%）',
  ]);

  // Ticking both (the box says in words what it records) leaves the quiz only…
  for (const material of ['活動の手引き', '相談の流れ']) {
    const box = first.getByRole('checkbox', { name: `「${material}」：この教材を学習した` });
    await box.check();
    await expect(box).toBeChecked();
    await expect(box).toBeEnabled();
  }
  await expect(firstLeft.getByRole('listitem')).toHaveText(['確認テストに合格する（合格点 100%）']);

  // …and passing it completes the module: progress moves, one module left.
  await passQuiz(first, 'はじめに');
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await expect(first.getByText('完了', { exact: true })).toBeVisible();
  await expect(first.getByRole('list', { name: 'この単元を完了するには' })).toHaveCount(0);
  await expect(progress.getByText('修了まであと 1 単元')).toBeVisible();
  await expect(modulesLeft.getByRole('link')).toHaveText(['2. まとめ']);

  // The second quiz passed with its material unticked: not complete, and the page names what is left.
  const second = moduleRegion(staff, '2. まとめ');
  await passQuiz(second, 'まとめ');
  const secondLeft = second.getByRole('list', { name: 'この単元を完了するには' });
  await expect(secondLeft.getByRole('listitem')).toHaveText(['「ふりかえりシート」の「この教材を学習した」にチェックを入れる']);
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await expect(progress.getByText('修了まであと 1 単元')).toBeVisible();

  // Ticking it completes the module and the course.
  await second.getByRole('checkbox', { name: '「ふりかえりシート」：この教材を学習した' }).check();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(progress.getByRole('status')).toContainText('修了しました');
  await expect(progress.getByText(/修了まであと/)).toHaveCount(0);
  await expect(staff.getByRole('region', { name: '修了証' })).toBeVisible();
});
