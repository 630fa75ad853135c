import type { Page } from 'playwright-core';

/**
 * Picks a village or community with the searchable combobox as a person would: types the
 * search text into the field labelled `label`, waits for the option holding `name`, then picks
 * it with the keyboard (arrows and Enter) or a tap.
 */
export async function pickCommunity(
  page: Page,
  { label, search, name, by }: { label: string; search: string; name: string; by: 'keyboard' | 'tap' },
): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(search);
  const listbox = page.getByRole('listbox');
  const option = listbox.getByRole('option').filter({ hasText: name }).first();
  await option.waitFor();
  if (by === 'tap') {
    await option.click();
  } else {
    const options = await listbox.getByRole('option').allTextContents();
    const index = options.findIndex((text) => text.includes(name));
    for (let i = 0; i < index; i++) await input.press('ArrowDown');
    await input.press('Enter');
  }
  await page.waitForFunction(
    ([el, expected]) => (el as HTMLInputElement).value.includes(expected as string),
    [await input.elementHandle(), name] as const,
  );
}
