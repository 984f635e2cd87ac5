// The trainer's course editor (/training/manage): starting a course as a draft, from the list of
// the organisation's courses, as a trainer does.
import { expect, type Page } from '@playwright/test';

export interface CourseDraft {
  readonly title: string;
  readonly summary: string;
  /** The estimated time to complete, in minutes. */
  readonly minutes: number;
}

/** From 研修コースの管理, writes a new course's details and saves it as a draft; returns its id. */
export async function startCourseDraft(page: Page, course: CourseDraft): Promise<string> {
  await page.getByRole('link', { name: '新しいコース' }).click();
  await page.getByRole('textbox', { name: 'コース名' }).fill(course.title);
  await page.getByRole('textbox', { name: '概要' }).fill(course.summary);
  await page.getByRole('textbox', { name: '所要時間（分）' }).fill(String(course.minutes));
  await page.getByRole('button', { name: '下書きとして保存' }).click();
  await expect(page).toHaveURL(/\/training\/manage\/[0-9a-f-]{36}(\?|$)/);
  await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}
