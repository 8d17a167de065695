import { test, expect, openApp } from './fixtures';

test('finds Anne Frank in Antony with its UAI', async ({ page }) => {
  await openApp(page, '/trouver-mon-college');
  await page.getByLabel('Nom du collège, commune, code postal ou code UAI').fill('anne frank');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByRole('status')).toHaveText(/collège(s)? trouvé/);
  const result = page.locator('.result').filter({ hasText: 'Antony' });
  await expect(result.getByRole('heading', { name: 'Collège Anne Frank' })).toBeVisible();
  await expect(result).toContainText('0921243B');
  await expect(result).toContainText('92160');
});

test('results come as the person types, announced in the live region', async ({ page }) => {
  await openApp(page, '/trouver-mon-college');
  await page.getByLabel('Nom du collège, commune, code postal ou code UAI').pressSequentially('chatenay');
  await expect(page.getByRole('status')).toHaveText(/\d+ collèges trouvés\./);
  await expect(page.locator('.result').first()).toContainText('Châtenay-Malabry');
});

test('a wrong UAI letter is shown only after leaving the field, and cleared while fixing it', async ({ page }) => {
  await openApp(page, '/trouver-mon-college');
  const field = page.getByLabel('Nom du collège, commune, code postal ou code UAI');
  await field.pressSequentially('0921243C');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field__error')).toHaveCount(0);

  await page.keyboard.press('Tab');
  const error = page.locator('#recherche-error');
  await expect(error).toContainText('La lettre finale de ce code UAI ne correspond pas');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', 'recherche-hint recherche-error');
  await expect(page).toHaveTitle('Trouver mon collège – Pass+');
  await expect(field).toHaveValue('0921243C');

  await field.press('End');
  await page.keyboard.press('Backspace');
  await expect(error).toContainText('7 chiffres suivis d’une lettre');
  await page.keyboard.press('B');
  await expect(error).toHaveCount(0);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.result')).toContainText('Collège Anne Frank');
});

test('submitting an invalid search shows a focused error summary linked to the field', async ({ page }) => {
  await openApp(page, '/trouver-mon-college');
  const field = page.getByLabel('Nom du collège, commune, code postal ou code UAI');
  await field.fill('a');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle('Erreur : Trouver mon collège – Pass+');
  await expect(summary.getByRole('heading')).toHaveText('Il y a un problème');
  const link = summary.getByRole('link', { name: /Saisissez au moins 2 caractères/ });
  await expect(page.locator('#recherche-error')).toContainText('Saisissez au moins 2 caractères');
  await expect(field).toHaveValue('a');
  await link.click();
  await expect(field).toBeFocused();
  await field.fill('Meudon');
  await page.keyboard.press('Enter');
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle('Trouver mon collège – Pass+');
});

test('punctuation alone is no search', async ({ page }) => {
  await openApp(page, '/trouver-mon-college');
  await page.getByLabel('Nom du collège, commune, code postal ou code UAI').fill('--');
  await page.keyboard.press('Enter');
  await expect(page.locator('#recherche-error')).toContainText('Saisissez au moins 2 caractères');
  await expect(page.locator('.result')).toHaveCount(0);
});

test('Yvelines collèges and the two collèges no Département runs say their canteen is not in Pass+', async ({ page }) => {
  await openApp(page, '/trouver-mon-college');
  const field = page.getByLabel('Nom du collège, commune, code postal ou code UAI');
  await field.fill('0783122V');
  await page.keyboard.press('Enter');
  await expect(page.locator('.result')).toContainText('n’est géré par aucun Département');
  await field.fill('Versailles');
  await page.keyboard.press('Enter');
  await expect(page.locator('.result').first()).toContainText('ne se réserve pas sur Pass+');
  await field.fill('Anne Frank Antony');
  await page.keyboard.press('Enter');
  await expect(page.locator('.result')).toHaveCount(1);
  await expect(page.locator('.result__note')).toHaveCount(0);
});

test('the search works with the keyboard alone', async ({ page }) => {
  await openApp(page, '/');
  // From the top of the page: skip link, home link, language switch, then the main menu.
  let reached = false;
  for (let press = 0; press < 10 && !reached; press++) {
    await page.keyboard.press('Tab');
    reached = await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Trouver mon collège' })
      .evaluate((link) => link === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  const field = page.getByLabel('Nom du collège, commune, code postal ou code UAI');
  await expect(field).toBeFocused();
  await page.keyboard.type('Antony');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/collèges trouvés/);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Rechercher' })).toBeFocused();
  await expect(page.locator('.result').first()).toContainText('Antony');
});
