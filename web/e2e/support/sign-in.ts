import type { Page } from 'playwright-core';

export type SignInWords = { phone: string; password: string; submit: string };
export const ENGLISH: SignInWords = { phone: 'Phone', password: 'Password', submit: 'Sign in' };
export const CHINESE: SignInWords = { phone: '手机号', password: '密码', submit: '登录' };

/** Fills the sign-in form on the current page, as a person would, and submits it. */
export async function fillSignIn(page: Page, who: { phone: string; password: string }, words: SignInWords = ENGLISH): Promise<void> {
  await page.getByLabel(words.phone, { exact: true }).waitFor();
  await page.getByLabel(words.phone, { exact: true }).fill(who.phone);
  await page.getByLabel(words.password, { exact: true }).fill(who.password);
  await page.locator('form').getByRole('button', { name: words.submit, exact: true }).click();
}
