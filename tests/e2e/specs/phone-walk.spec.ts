// A parent on a phone, walked as one: signs up with a long e-mail address, adds two children at
// collèges with long names, taps rather than clicks, then opens every page of the account at 320
// and 390 px. Nothing may scroll sideways, the Pass+ number stays on one line, and axe-core finds
// nothing, at rest and with a control focused. Also: a tap right after leaving a field lands on
// what it was aimed at, although leaving the field shows an error above it.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { FAMILY_PASSWORD, signedInFamily, verificationToken } from './family';
import { fillPupil } from './pupil-form';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
// A wrong password is answered 401, which the browser logs.
test.use({ apiRefusalsExpected: true });

const PHONE_WIDTHS = [320, 390];

/** A real-looking address, long enough to overflow a narrow column. */
function longAddress() {
  const unique = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  return `camille-alexandra.martin-dupont.${unique}@fournisseur-de-messagerie.example.fr`;
}

/** Taps a collège in the picker after typing part of its name. */
async function tapCollege(page: Page, typed: string, option: RegExp) {
  const field = page.getByRole('combobox', { name: 'Collège' });
  await field.tap();
  await field.pressSequentially(typed);
  await page.getByRole('option', { name: option }).tap();
  await expect(field).toHaveValue(option);
}

async function addChild(page: Page, givenName: string, typed: string, college: RegExp, klass: string) {
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await fillPupil(page, givenName, ['14', '3', '2014']);
  await page.getByLabel('Nom de l’élève', { exact: true }).fill('Martin-Dupont');
  await tapCollege(page, typed, college);
  await page.getByLabel(klass, { exact: true }).tap();
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).tap();
  await expect(
    page.getByRole('status').filter({ hasText: `${givenName} : inscription au Pass+ enregistrée` }),
  ).toBeFocused();
}

/** Nothing wider than the screen, the Pass+ numbers on one line each, axe-core clean at rest
 *  and with the first control of the content focused. */
async function expectFitsThePhone(page: Page, label: string) {
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${label} at ${width} px scrolls sideways`).toBeLessThanOrEqual(width);
    for (const number of await page.locator('.pass-number').all()) {
      const lines = await number.evaluate((element) => element.getClientRects().length);
      expect(lines, `${label} at ${width} px: a Pass+ number on one line`).toBe(1);
    }
    await expectNoAxeViolations(page, `${label} at ${width} px`);
    await page.locator('main').locator('a, input, button').first().focus();
    await expectNoAxeViolations(page, `${label} at ${width} px, a control focused`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

test('a parent signs up, adds two children and reads every page of the account on a phone', async ({ page }) => {
  test.setTimeout(120_000);
  const email = longAddress();
  await openApp(page, '/');
  await page.getByRole('link', { name: 'Créer mon compte Pass+' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte');
  await page.getByLabel('Prénom').fill('Camille-Alexandra');
  await page.getByLabel('Nom de famille').fill('Martin-Dupont');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Numéro de téléphone').fill('06 12 34 56 78');
  await page.getByLabel('Numéro et voie').fill('57 rue des Longues Raies');
  await page.getByLabel('Code postal').fill('78200');
  await page.getByLabel('Commune').fill('Mantes-la-Jolie');
  await page.getByLabel('Mot de passe', { exact: true }).fill(FAMILY_PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).tap();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeFocused();
  await expectFitsThePhone(page, 'signup sent');

  await openApp(page, `/verifier-mon-adresse#jeton=${await verificationToken(email)}`);
  await page.getByRole('link', { name: 'Se connecter à Pass+' }).tap();
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(FAMILY_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).tap();
  await expect(page.getByText('Bonjour Camille-Alexandra.')).toBeVisible();

  await addChild(page, 'Inès', 'chenier', /André Chénier-nouveau collège \(Mantes-la-Jolie\)/, '5e');
  await addChild(page, 'Noé', 'champollion', /Jean-François Champollion \(Voisins-le-Bretonneux\)/, '6e');

  await openApp(page, '/mon-compte');
  const cards = page.locator('.pupil-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText('Photo d’identité');
  await expect(cards.first()).toContainText('À envoyer : elle figurera sur la carte Pass+');
  await expectFitsThePhone(page, 'my account');
  const edit = await cards.first().getByRole('link', { name: /Modifier/ }).getAttribute('href');

  for (const path of [
    '/mon-compte/ajouter-un-enfant',
    edit!,
    '/mon-compte/coordonnees',
    '/mon-compte/adresse-e-mail',
    '/mon-compte/mot-de-passe',
    '/mon-compte/connexions',
  ]) {
    await openApp(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFitsThePhone(page, path);
  }
});

test.describe('a tap after leaving a field lands where it was aimed, though an error shows above', () => {
  test('on a radio and on a checkbox', async ({ page }) => {
    await signedInFamily(page);
    await openApp(page, '/mon-compte/ajouter-un-enfant');
    const college = page.getByRole('combobox', { name: 'Collège' });
    // A name typed but not chosen: leaving the field says so, above the field.
    await college.tap();
    await college.pressSequentially('Collège sans nom');
    await page.getByLabel('4e', { exact: true }).tap();
    await expect(page.getByLabel('4e', { exact: true })).toBeChecked();
    await expect(page.locator('#college-error')).toBeVisible();

    // With the list of matches open: closing it must not move the class either.
    await college.fill('');
    await college.pressSequentially('chenier');
    await expect(page.getByRole('option', { name: /André Chénier/ })).toBeVisible();
    await page.getByLabel('3e', { exact: true }).tap();
    await expect(page.getByLabel('3e', { exact: true })).toBeChecked();

    await college.tap();
    await college.pressSequentially(' encore');
    await page.getByLabel('L’élève est boursier').tap();
    await expect(page.getByLabel('L’élève est boursier')).toBeChecked();
    // The box says what it reveals, and the revealed field is right there.
    await expect(page.getByLabel('L’élève est boursier')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByLabel('Attestation de bourse')).toBeVisible();
  });

  test('on a link and on a button', async ({ page }) => {
    await openApp(page, '/connexion');
    const email = page.getByLabel('Adresse électronique');
    await email.tap();
    await email.pressSequentially('camille.martin@');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).tap();
    await expect(page).toHaveURL(/\/mot-de-passe-oublie$/);

    await openApp(page, '/connexion');
    await email.tap();
    await email.pressSequentially('camille.martin@');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).tap();
    await expect(page.locator('.error-summary')).toBeFocused();
  });
});

test('a failed login keeps the address and clears the password', async ({ page }) => {
  await openApp(page, '/connexion');
  await page.getByLabel('Adresse électronique').fill('personne.inconnue@example.org');
  await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).tap();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.getByLabel('Adresse électronique')).toHaveValue('personne.inconnue@example.org');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue('');
});
