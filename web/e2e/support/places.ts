import type { Page } from 'playwright-core';

type Search = { label: string; search: string; name: string };

/**
 * Types `search` into the community combobox labelled `label` and waits for the answer to that
 * text (not the list of an earlier one) to offer an option holding `name`.
 */
export async function searchCommunity(page: Page, { label, search, name }: Search) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(search);
  await page.locator('[role="listbox"]:not([aria-busy="true"])').waitFor();
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option').filter({ hasText: name }).first().waitFor();
  return { input, listbox };
}

/** Picks a village or community as a person would: search, then arrows and Enter, or a tap. */
export async function pickCommunity(page: Page, pick: Search & { by: 'keyboard' | 'tap' }): Promise<void> {
  const { input, listbox } = await searchCommunity(page, pick);
  if (pick.by === 'tap') {
    await listbox.getByRole('option').filter({ hasText: pick.name }).first().click();
  } else {
    const options = await listbox.getByRole('option').allTextContents();
    const index = options.findIndex((text) => text.includes(pick.name));
    for (let i = 0; i < index; i++) await input.press('ArrowDown');
    await input.press('Enter');
  }
  await page.waitForFunction(
    ([el, expected]) => (el as HTMLInputElement).value.includes(expected as string),
    [await input.elementHandle(), pick.name] as const,
  );
}
