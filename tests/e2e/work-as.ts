import { expect, type Page } from '@playwright/test';

/** "Pracuję jako" in the header: local mode's way of saying who sits at the desk. */
export async function workAs(page: Page, login: string): Promise<void> {
  await page.getByLabel('Pracuję jako').selectOption(login);
  await expect(page.getByLabel('Pracuję jako')).toHaveValue(login);
}
