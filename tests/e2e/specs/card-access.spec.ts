// A parent's view of a child's card (/cantine/carte, linked from the dashboard): how the child
// opens it, a personal link made with its QR code, its last use, its revocation ending access
// at once; axe-core in each state, at 320 px.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { signedInFamily } from './family';
import { addChildrenThroughApi } from './pupil-form';

test.describe('a parent and a child\'s card', () => {
  // The card read after its revocation is refused: the browser logs that 401.
  test.use({ apiRefusalsExpected: true });

  test('a personal link is made, used, and revoked from the parent\'s page', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signedInFamily(page);
    await addChildrenThroughApi(page, ['Inès']);
    await openApp(page, '/mon-compte');
    // Another app: the page loads whole, and reading starts from its top.
    await page.getByRole('link', { name: 'Sa carte sur téléphone Inès Martin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Carte de l’élève' })).toBeVisible();
    await expect(page.getByText('Pour Inès', { exact: true })).toBeVisible();
    await expect(page.getByText(/Avec son numéro Pass\+, \d{4}\u00a0\d{4}\u00a0\d{4}, et sa date de naissance/)).toBeVisible();
    await expect(page.getByText('Aucun appareil n’ouvre sa carte.')).toBeVisible();
    await expectNoAxeViolations(page, 'card page, no access, 320 px');

    await page.getByRole('button', { name: 'Créer un lien personnel' }).click();
    await expect(page.getByRole('img', { name: 'Code QR du lien personnel pour Inès' })).toBeVisible();
    const url = await page.getByLabel('Adresse du lien personnel').inputValue();
    expect(url).toMatch(/\/carte\/#cle=[A-Za-z0-9_-]{20,}$/);
    const key = url.split('#cle=')[1];
    await expect(page.locator('.card-access')).toHaveCount(1);
    await expect(page.locator('.card-access')).toContainText('Lien personnel');
    await expect(page.locator('.card-access')).toContainText('Dernière utilisation : jamais');
    await expectNoAxeViolations(page, 'card page, a link made, 320 px');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);

    // The child's phone reads the card with the link's key: the parent sees it used.
    const card = await page.request.get('/api/card', { headers: { Authorization: `Bearer ${key}` } });
    expect(card.status()).toBe(200);
    expect((await card.json()).given_name).toBe('Inès');
    await page.reload();
    await expect(page.locator('.card-access')).not.toContainText('jamais');
    await expect(page.getByLabel('Adresse du lien personnel')).toHaveCount(0);

    await page.getByRole('button', { name: /^Retirer l’accès/ }).click();
    await expect(page.locator('.canteen-announce')).toHaveText(
      'L’accès est retiré : la carte qu’il ouvrait s’arrête à sa prochaine connexion.',
    );
    await expect(page.locator('.card-access')).toHaveCount(0);
    // The button pressed is gone: focus is on the list's heading, not lost to the page.
    await expect(page.getByRole('heading', { name: 'Les appareils qui ouvrent sa carte' })).toBeFocused();
    const ended = await page.request.get('/api/card', { headers: { Authorization: `Bearer ${key}` } });
    expect(ended.status()).toBe(401);
    expect((await ended.json()).error).toBe('card_access_ended');
  });
});
