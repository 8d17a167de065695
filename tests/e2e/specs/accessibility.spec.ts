import { test, expect, openApp, expectNoAxeViolations, PAGES } from './fixtures';

for (const { path } of PAGES) {
  test(`axe-core finds no violation on ${path}, in French and in English`, async ({ page }) => {
    await openApp(page, path);
    await expectNoAxeViolations(page, `${path} (fr)`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page, `${path} (en)`);
  });
}

test('axe-core finds no violation on the search with results and in its error states', async ({ page }) => {
  await openApp(page, '/trouver-mon-college');
  const field = page.getByLabel('Nom du collège, commune, code postal ou code UAI');
  await field.fill('Nanterre');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('.result').first()).toBeVisible();
  await expectNoAxeViolations(page, 'search results');

  await field.fill('0921243C');
  await page.keyboard.press('Tab');
  await expect(page.locator('#recherche-error')).toBeVisible();
  await expectNoAxeViolations(page, 'inline UAI error');

  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'error summary');
});

// One test a page: seventeen pages in one test outgrew a test's time on a busy machine.
for (const { path } of PAGES) {
  test(`${path} reflows at 320 CSS pixels and stays free of violations`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openApp(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scrolling on ${path}`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `${path} at 320 px`);
  });
}

// A page is audited with a control focused too: the focused skip link once covered the site's
// name (axe target-size at 390 px), and a focused field shows its focus style.
for (const { path } of PAGES) {
  test(`${path} stays free of violations with the skip link and a field focused, at 390 px`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, path);
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    await expectNoAxeViolations(page, `${path} with the skip link focused`);
    const field = page.locator('main input:not([type=hidden]), main select, main textarea').first();
    if ((await field.count()) > 0) {
      await field.focus();
      await expectNoAxeViolations(page, `${path} with its first field focused`);
    }
  });
}
