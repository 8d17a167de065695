import { test, expect, openApp, PAGES } from './fixtures';

test('opens in French in an English browser, switches to English, and remembers it', async ({ page }) => {
  await openApp(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Pass+, l’aide des collégiens des Hauts-de-Seine et des Yvelines',
  );

  const toEnglish = page.getByRole('button', { name: 'English' });
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Pass+, the grant for collège pupils of the Hauts-de-Seine and the Yvelines',
  );
  await expect(page).toHaveTitle('Home – Pass+');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Français' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.reload();
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
});

test('the app replaces the static shell without doubling it', async ({ page }) => {
  await openApp(page, '/');
  await expect(page.locator('header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.skip-link')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
});

test('each page names itself in the document title, in both languages', async ({ page }) => {
  for (const { path, fr } of PAGES) {
    await openApp(page, path);
    await expect(page).toHaveTitle(`${fr} – Pass+`);
  }
  await page.getByRole('button', { name: 'English' }).click();
  // The English texts are fetched at the first switch: the choice holds once they are shown.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const { path, en } of PAGES) {
    await openApp(page, path);
    await expect(page).toHaveTitle(`${en} – Pass+`);
  }
});

test('an unknown route shows the 404 page', async ({ page }) => {
  await openApp(page, '/nulle-part/ici');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await page.getByRole('link', { name: 'Revenir à l’accueil de Pass+' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pass+');
});

test('the skip link is first and moves focus to the main content', async ({ page }) => {
  await openApp(page, '/mentions-legales');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the footer links every mandatory page and the privacy page renders the registry', async ({ page }) => {
  await openApp(page, '/');
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('link', { name: 'Accessibilité : non conforme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclaration d’accessibilité');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('non conforme', { exact: false }).first()).toBeVisible();

  await footer.getByRole('link', { name: 'Mentions légales' }).click();
  await expect(page.getByText('Département des Hauts-de-Seine').first()).toBeVisible();

  await footer.getByRole('link', { name: 'Données personnelles' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'dpo@hauts-de-seine.fr' })).toBeVisible();
  await expect(page.getByText('aucun bandeau de consentement', { exact: false })).toBeVisible();
});
