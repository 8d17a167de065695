// The canteen's price page (/cantine/tarif): the price shown as the income is typed, with the
// shared rule the server bills with; the income saved; the tax notice sent, read back, replaced
// and removed, with the refusals explained at the field; axe-core in each state, in English
// and at 320 px.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { signedInFamily } from './family';
import { onePagePdf } from './pupil-form';

/** The first calendar year of the school year under way (the suite runs on the real date). */
function startYear(): number {
  const now = new Date();
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
}

test('the price changes as the income is typed, and the income is saved', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/cantine/');
  await page.getByRole('link', { name: 'Calculer votre prix, envoyer votre avis d’imposition' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prix d’un repas et avis d’imposition' })).toBeFocused();
  await expect(page.getByText('7,00 € par repas : c’est le prix plein.')).toBeVisible();
  const simulation = page.locator('output.canteen-simulation');
  await expect(simulation).toHaveText('Saisissez les deux nombres pour voir votre prix.');

  const income = page.getByLabel('Revenu fiscal de référence');
  const parts = page.getByLabel('Nombre de parts');
  await income.pressSequentially('21 090');
  await parts.pressSequentially('2');
  // 21,090 € ÷ 2 parts ÷ 12 = 878.75 € a month; 0.50 % of it is 4.39375 €: 4.39 €.
  await expect(simulation).toHaveText(
    'Quotient familial mensuel : 878,75 €. Prix d’un repas une fois votre avis validé : 4,39 €.',
  );
  // The price follows each keystroke, within the bounds: a low income pays the floor.
  await income.fill('');
  await income.pressSequentially('1 000');
  await expect(simulation).toContainText('Prix d’un repas une fois votre avis validé : 0,64 €.');
  // Both typed, but parts that are not quarters: the price waits, and says why.
  await parts.fill('2,3');
  await expect(simulation).toContainText('Vérifiez les nombres saisis');
  await expectNoAxeViolations(page, 'price page, a simulation');

  await page.getByRole('button', { name: 'Enregistrer mon revenu' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Le nombre de parts va de quart en quart');
  await expect(page).toHaveTitle(/^Erreur : /);
  await expectNoAxeViolations(page, 'price page, an income error');
  await summary.getByRole('link').click();
  await expect(parts).toBeFocused();
  await parts.fill('2,5');
  await page.getByRole('button', { name: 'Enregistrer mon revenu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre revenu est enregistré.' })).toBeVisible();
  // Still the full price: no notice is validated.
  await expect(page.getByText('7,00 € par repas : c’est le prix plein.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Revenu fiscal de référence')).toHaveValue('1000');
  await expect(page.getByLabel('Nombre de parts')).toHaveValue('2,5');
});

test.describe('a tax notice the server refuses', () => {
  // The browser logs the server's 422 for the file that is not a PDF.
  test.use({ apiRefusalsExpected: true });

test('a tax notice is sent, read back, replaced and removed, its refusals explained', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signedInFamily(page);
  await openApp(page, `/cantine/tarif?annee=${startYear()}`);
  await expect(page.getByText('Vous n’avez pas encore envoyé d’avis d’imposition pour cette année.')).toBeVisible();

  // Nothing chosen: said at the field.
  await page.getByRole('button', { name: 'Envoyer l’avis' }).click();
  await expect(page.locator('.error-summary')).toContainText('Choisissez le fichier de votre avis d’imposition.');
  await expectNoAxeViolations(page, 'tax notice, none chosen, 320 px');
  // A file that only says it is a PDF: the server reads it and refuses it.
  const notice = page.getByLabel('Avis d’imposition', { exact: true });
  await notice.setInputFiles({ name: 'avis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('pas un PDF') });
  await page.getByRole('button', { name: 'Envoyer l’avis' }).click();
  await expect(page.locator('.error-summary')).toContainText('Ce fichier n’est pas un PDF, un JPEG ou un PNG');
  await expect(page.getByText('Vous n’avez pas encore envoyé d’avis d’imposition pour cette année.')).toBeVisible();
  // A type the rule refuses at once, in the browser.
  await notice.setInputFiles({ name: 'avis.txt', mimeType: 'text/plain', buffer: Buffer.from('texte') });
  await expect(page.locator('#avis-error')).toContainText('L’avis d’imposition doit être un fichier PDF, JPEG ou PNG.');

  await notice.setInputFiles({ name: 'avis.pdf', mimeType: 'application/pdf', buffer: onePagePdf() });
  await page.getByRole('button', { name: 'Envoyer l’avis' }).click();
  await expect(page.locator('.canteen-announce')).toHaveText('Votre avis d’imposition est envoyé : il est en attente de validation.');
  await expect(page.getByText('Votre avis d’imposition est en attente de validation par le Département.').first()).toBeVisible();
  await expect(page.locator('.field__file-chosen')).toHaveText('Aucun fichier choisi.');
  const sent = page.getByRole('link', { name: 'Télécharger l’avis envoyé' });
  const download = await page.request.get((await sent.getAttribute('href'))!);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectNoAxeViolations(page, 'tax notice pending, 320 px');

  await page.getByLabel('Avis d’imposition', { exact: true }).setInputFiles({
    name: 'avis.pdf', mimeType: 'application/pdf', buffer: onePagePdf(),
  });
  await expect(page.getByText('Un nouvel avis envoyé remplace celui-ci.')).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer l’avis' }).click();
  await expect(page.locator('.canteen-announce')).toHaveText('Votre avis d’imposition est envoyé : il est en attente de validation.');

  await page.getByRole('button', { name: 'Retirer l’avis envoyé' }).click();
  await expect(page.locator('.canteen-announce')).toHaveText('Votre avis d’imposition est retiré.');
  await expect(page.getByText('Vous n’avez pas encore envoyé d’avis d’imposition pour cette année.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger l’avis envoyé' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Vous n’avez pas encore envoyé d’avis d’imposition pour cette année.')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});
});

test('the price page in English passes axe-core, and the keyboard alone reaches its forms', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, `/cantine/tarif?annee=${startYear()}`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Price of a meal and tax notice' })).toBeVisible();
  await page.getByLabel('Reference tax income (revenu fiscal de référence)').focus();
  await page.keyboard.type('32500');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Number of tax parts')).toBeFocused();
  await page.keyboard.type('2.5');
  // 32,500 € ÷ 2.5 ÷ 12 = 1,083.33 € a month; 0.50 % of it is 5.4166 €: 5.42 €.
  await expect(page.locator('output.canteen-simulation')).toHaveText(
    'Monthly family quotient: €1,083.33. Price of a meal once your notice is validated: €5.42.',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Your income is saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Send the notice' }).click();
  await expect(page.locator('.error-summary')).toContainText('Choose the file of your tax notice.');
  await expectNoAxeViolations(page, 'price page in English, a notice error');
});
