// The pupil's card, its own app under /carte/: opened with the Pass+ number and date of birth
// (a wrong date told plainly), kept on the device across a reload, left; opened with a parent's
// personal link (the key taken out of the address), then revoked; axe-core at 320 px in both
// languages.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { signedInFamily } from './family';
import { addChildrenThroughApi } from './pupil-form';
import type { Page } from '@playwright/test';

/** Inès (born 14 March 2014) enrolled on Monday and Thursday: her id and Pass+ number. */
async function enrolledChild(page: Page): Promise<{ id: string; number: string }> {
  await signedInFamily(page);
  await addChildrenThroughApi(page, ['Inès']);
  const headers = { Origin: new URL(page.url()).origin };
  const pupils = await (await page.request.get('/api/pupils')).json();
  const { id, pass_number: number } = pupils.pupils[0];
  const now = new Date();
  const year = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  const enrolled = await page.request.post('/api/canteen/enrolments', {
    headers,
    data: {
      school_year: year,
      pupils: [{ pupil_id: id, weekdays: ['monday', 'thursday'], diet: 'standard', allergy_plan: false }],
    },
  });
  expect(enrolled.status()).toBe(201);
  return { id, number };
}

test.describe('the pupil\'s card', () => {
  // A wrong date and a revoked link are refused by the server: the browser logs those 4xx.
  test.use({ apiRefusalsExpected: true });

  test('opened with the number and date of birth, kept across a reload, then left', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const { number } = await enrolledChild(page);
    await openApp(page, '/carte/');
    await expect(page.getByRole('heading', { level: 1, name: 'Ma carte de cantine' })).toBeVisible();
    await expectNoAxeViolations(page, 'card, opening form, 320 px');

    await page.getByLabel('Numéro Pass+').fill(number.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.getByLabel('Jour').fill('15');
    await page.getByLabel('Mois').fill('3');
    await page.getByLabel('Année').fill('2014');
    await page.getByRole('button', { name: 'Ouvrir ma carte' }).click();
    await expect(page.locator('#erreur-carte')).toHaveText(
      'Ce numéro et cette date de naissance ne vont pas ensemble : vérifie-les sur ton Pass+.',
    );
    await expect(page.locator('#erreur-carte')).toBeFocused();
    await expectNoAxeViolations(page, 'card, a wrong date, 320 px');

    await page.getByLabel('Jour').fill('14');
    await page.getByRole('button', { name: 'Ouvrir ma carte' }).click();
    const card = page.getByRole('region', { name: 'Inès' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Anne Frank');
    await expect(card).toContainText('Cantine les lundis et jeudis');
    await expect(card.getByRole('heading', { name: /^Aujourd’hui · / })).toBeVisible();
    await expect(card.locator('.card-days__day')).toHaveCount(5);
    await expect(card).toContainText(/Mis à jour le \d{2}\/\d{2}\/\d{4}/);
    const text = await card.textContent();
    expect(text).not.toContain('Martin');
    expect(text).not.toContain('€');
    await expectNoAxeViolations(page, 'card shown, 320 px');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);

    // Kept on the device: a reload shows it again, without the form.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Inès' })).toBeVisible();
    await expect(page.getByLabel('Numéro Pass+')).toHaveCount(0);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My canteen card' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Inès' })).toContainText('Canteen on Mondays and Thursdays');
    await expectNoAxeViolations(page, 'card shown in English, 320 px');
    await page.getByRole('button', { name: 'Français' }).click();

    await page.getByRole('button', { name: 'Quitter la carte sur cet appareil' }).click();
    await expect(page.getByText('La carte est retirée de cet appareil.')).toBeVisible();
    // The button is gone with the card: focus is on what is said of it.
    await expect(page.getByText('La carte est retirée de cet appareil.')).toBeFocused();
    await page.reload();
    await expect(page.getByLabel('Numéro Pass+')).toBeVisible();
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((name) => name.startsWith('passplus-carte')));
    expect(kept).toEqual([]);
  });

  test('after a first visit the card opens offline, saying when it was last updated', async ({ page, context }) => {
    const { id } = await enrolledChild(page);
    const headers = { Origin: new URL(page.url()).origin };
    const link = await (await page.request.post(`/api/pupils/${id}/card-links`, { headers, data: {} })).json();
    await openApp(page, new URL(link.url).pathname + new URL(link.url).hash);
    await expect(page.getByRole('region', { name: 'Inès' })).toBeVisible();
    // The service worker has kept the card's files and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    const manifest = await page.request.get('/carte/manifest.webmanifest');
    expect((await manifest.json()).scope).toBe('/carte/');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Inès' })).toBeVisible();
    await expect(page.getByText(/^Hors connexion : ta carte telle qu’elle était le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Inès' }).locator('.card-days__day')).toHaveCount(5);
    await context.setOffline(false);
    await page.reload();
    await expect(page.getByText(/^Mis à jour le /)).toBeVisible();
  });

  test('opened with a parent\'s link, its key out of the address, then revoked', async ({ page }) => {
    const { id } = await enrolledChild(page);
    const headers = { Origin: new URL(page.url()).origin };
    const created = await page.request.post(`/api/pupils/${id}/card-links`, { headers, data: {} });
    expect(created.status()).toBe(201);
    const link = await created.json();

    await openApp(page, new URL(link.url).pathname + new URL(link.url).hash);
    await expect(page.getByRole('region', { name: 'Inès' })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');

    const revoked = await page.request.delete(`/api/pupils/${id}/card-accesses/${link.access.id}`, { headers });
    expect(revoked.status()).toBe(204);
    await page.reload();
    await expect(page.getByText('Cette carte n’est plus accessible sur cet appareil')).toBeVisible();
    await expect(page.getByLabel('Numéro Pass+')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Inès' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'card, access revoked');
  });
});
