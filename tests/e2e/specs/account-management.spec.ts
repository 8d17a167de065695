// The family's own account management in a real browser: contact details, a new e-mail address
// confirmed by the e-mailed link, a new password, and a forgotten password reset by link (once
// with the keyboard alone), with axe-core on every page and error state.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

const OUTBOX = process.env.PASSPLUS_E2E_OUTBOX ?? '';
const PASSWORD = 'une phrase de passe solide';
const NEW_PASSWORD = 'trois pommes vertes au marché';

// Refusals (wrong password, used link) are 4xx answers, which the browser logs.
test.use({ apiRefusalsExpected: true });

/** The e-mails written to the outbox for an address, oldest first (waits for at least `count`). */
async function emailsTo(address: string, count = 1): Promise<string[]> {
  let messages: string[] = [];
  await expect
    .poll(() => {
      messages = readdirSync(OUTBOX)
        .map((name) => join(OUTBOX, name))
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
        .map((file) => readFileSync(file, 'utf8'))
        .filter((text) => text.includes(`To: ${address}`));
      return messages.length;
    })
    .toBeGreaterThanOrEqual(count);
  // Quoted-printable (a line too long for 8bit) is undone, so links read whole; an 8bit message
  // is left alone, where `jeton=3D…` is a token that begins with 3D, not an escape.
  return messages.map((text) =>
    text.includes('Content-Transfer-Encoding: quoted-printable')
      ? text.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
      : text,
  );
}

/** The path (with its token) of the last link to `page` e-mailed to an address. */
async function linkPath(address: string, page: string, count = 1): Promise<string> {
  const messages = await emailsTo(address, count);
  const match = messages.at(-1)!.match(new RegExp(`${page}#jeton=[A-Za-z0-9_-]+`));
  expect(match, `a ${page} link in the e-mail`).not.toBeNull();
  return match![0];
}

let counter = 0;
function uniqueAddress(name: string) {
  counter += 1;
  return `${name}.${Date.now()}.${counter}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** A verified account for `email`, signed up through the app. */
async function verifiedAccount(page: Page, email: string) {
  await openApp(page, '/creer-un-compte');
  await page.getByLabel('Prénom').fill('Amélie');
  await page.getByLabel('Nom de famille').fill('N’Diaye-Lefèvre');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Numéro de téléphone').fill('06 12 34 56 78');
  await page.getByLabel('Numéro et voie').fill('57 rue des Longues Raies');
  await page.getByLabel('Code postal').fill('92000');
  await page.getByLabel('Commune').fill('Nanterre');
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeFocused();
  await openApp(page, await linkPath(email, '/verifier-mon-adresse'));
  await expect(page.getByText('Votre adresse e-mail est confirmée')).toBeVisible();
}

async function logIn(page: Page, email: string, password = PASSWORD) {
  await openApp(page, '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status').getByText('Déconnexion faite : votre compte n’est plus ouvert dans ce navigateur.')).toBeVisible();
}

test('edits the contact details from Mon compte, with errors explained and nothing lost', async ({ page }) => {
  const email = uniqueAddress('coordonnees');
  await verifiedAccount(page, email);
  await logIn(page, email);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
  await expectNoAxeViolations(page, 'account page with its management links');
  await page.getByRole('link', { name: 'Modifier mes coordonnées' }).click();
  await expect(page.getByLabel('Numéro de téléphone')).toHaveValue('06 12 34 56 78');
  await expect(page.getByLabel('Code postal')).toHaveValue('92000');

  await page.getByLabel('Prénom').fill('Marie-Noëlle');
  await page.getByLabel('Numéro de téléphone').fill('08 12 34 56 78');
  await page.getByLabel('Commune').fill('');
  await page.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(page).toHaveTitle('Erreur : Modifier mes coordonnées – Pass+');
  await expect(page.getByLabel('Numéro de téléphone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Prénom')).toHaveValue('Marie-Noëlle');
  await expectNoAxeViolations(page, 'contact details with errors');

  await page.getByLabel('Numéro de téléphone').fill('07 98 76 54 32');
  await page.getByLabel('Commune').fill('Antony');
  await page.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos coordonnées sont enregistrées.' })).toBeVisible();
  await expectNoAxeViolations(page, 'contact details saved');
  await page.getByRole('link', { name: 'Revenir à mon compte' }).click();
  await expect(page.getByText('Bonjour Marie-Noëlle.')).toBeVisible();
  await page.reload();
  await openApp(page, '/mon-compte/coordonnees');
  await expect(page.getByLabel('Numéro de téléphone')).toHaveValue('07 98 76 54 32');
  await expect(page.getByLabel('Commune')).toHaveValue('Antony');
});

test('changes the e-mail address: the old one works until the link sent to the new one is opened', async ({ page }) => {
  const oldEmail = uniqueAddress('ancienne');
  const newEmail = uniqueAddress('nouvelle');
  await verifiedAccount(page, oldEmail);
  await logIn(page, oldEmail);
  await page.getByRole('link', { name: 'Changer d’adresse e-mail' }).click();
  await expect(page.getByText(`Adresse actuelle : ${oldEmail}`)).toBeVisible();

  await page.getByRole('button', { name: 'Envoyer le lien de confirmation' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle('Erreur : Changer d’adresse e-mail – Pass+');
  await expectNoAxeViolations(page, 'e-mail change with errors');

  await page.getByLabel('Nouvelle adresse électronique').fill(newEmail);
  await page.getByLabel('Mot de passe actuel', { exact: true }).fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Envoyer le lien de confirmation' }).click();
  await expect(page.locator('.error-summary')).toContainText('Le mot de passe actuel est incorrect');
  await expect(page.locator('#mot-de-passe-actuel-error')).toContainText('Le mot de passe actuel est incorrect');
  await expect(page.getByLabel('Nouvelle adresse électronique')).toHaveValue(newEmail);
  await expectNoAxeViolations(page, 'e-mail change with a wrong password');

  await page.getByLabel('Mot de passe actuel', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Envoyer le lien de confirmation' }).click();
  await expect(page.getByRole('heading', { name: 'Confirmez la nouvelle adresse' })).toBeFocused();
  await expectNoAxeViolations(page, 'e-mail change sent');
  const link = await linkPath(newEmail, '/nouvelle-adresse');

  // Not yet confirmed: the old address still logs in, the new one does not.
  await logOut(page);
  await logIn(page, newEmail);
  await expect(page.locator('.error-summary')).toContainText('L’adresse e-mail ou le mot de passe est incorrect');
  await logIn(page, oldEmail);
  await expect(page.getByText(oldEmail)).toBeVisible();

  await openApp(page, link);
  await expect(page.getByText('Votre nouvelle adresse e-mail est confirmée')).toBeVisible();
  await expectNoAxeViolations(page, 'new address confirmed');
  const toOld = await emailsTo(oldEmail, 3);
  expect(toOld.at(-1)!.replace(/\s+/g, ' ')).toContain(`est désormais ${newEmail}`);
  await openApp(page, '/mon-compte');
  await expect(page.getByText(newEmail)).toBeVisible();
  await logOut(page);
  await logIn(page, oldEmail);
  await expect(page.locator('.error-summary')).toContainText('L’adresse e-mail ou le mot de passe est incorrect');
  await logIn(page, newEmail);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();

  await openApp(page, link);
  await expect(page.getByText('Ce lien a déjà servi')).toBeVisible();
  await expectNoAxeViolations(page, 'used e-mail change link');
});

test('changes the password: the old one is refused afterwards, this browser stays signed in', async ({ page }) => {
  const email = uniqueAddress('motdepasse');
  await verifiedAccount(page, email);
  await logIn(page, email);
  await page.getByRole('link', { name: 'Changer de mot de passe' }).click();
  await expect(page.getByLabel('Mot de passe actuel', { exact: true })).toHaveAttribute('autocomplete', 'current-password');
  await expect(page.getByLabel('Nouveau mot de passe', { exact: true })).toHaveAttribute('autocomplete', 'new-password');

  await page.getByLabel('Mot de passe actuel', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('trop court');
  // Leaving the field shows its error at once (before any submit).
  await page.keyboard.press('Tab');
  await expect(page.locator('#nouveau-mot-de-passe-error')).toContainText('au moins 12 caractères');
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle('Erreur : Changer de mot de passe – Pass+');
  await expectNoAxeViolations(page, 'password change with errors');

  await page.getByLabel('Mot de passe actuel', { exact: true }).fill('pas le bon mot de passe');
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.locator('#mot-de-passe-actuel-error')).toContainText('Le mot de passe actuel est incorrect');
  await expectNoAxeViolations(page, 'password change with a wrong current password');

  await page.getByLabel('Mot de passe actuel', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre mot de passe est changé.' })).toBeFocused();
  await expectNoAxeViolations(page, 'password changed');
  await openApp(page, '/mon-compte');
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();

  await logOut(page);
  await logIn(page, email);
  await expect(page.locator('.error-summary')).toContainText('L’adresse e-mail ou le mot de passe est incorrect');
  await logIn(page, email, NEW_PASSWORD);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
});

test('resets a forgotten password by the e-mailed link, which then says it was used', async ({ page }) => {
  const email = uniqueAddress('oubli');
  await verifiedAccount(page, email);
  await openApp(page, '/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mot de passe oublié');
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'forgotten password with errors');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeFocused();
  await expectNoAxeViolations(page, 'forgotten password sent');

  const link = await linkPath(email, '/nouveau-mot-de-passe', 2);
  await openApp(page, link);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('motdepasse');
  await page.keyboard.press('Tab');
  await expect(page.locator('#nouveau-mot-de-passe-error')).toContainText('au moins 12 caractères');
  await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle('Erreur : Choisir un nouveau mot de passe – Pass+');
  await expectNoAxeViolations(page, 'new password with errors');
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
  await expect(page.getByText('Votre mot de passe est changé et toutes les connexions')).toBeVisible();
  await expectNoAxeViolations(page, 'password reset');

  await openApp(page, link);
  await expect(page.getByText('Ce lien a déjà servi')).toBeVisible();
  await expectNoAxeViolations(page, 'used reset link');
  await openApp(page, '/nouveau-mot-de-passe?jeton=AAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByText('Ce lien n’est pas valable')).toBeVisible();
  await page.getByRole('link', { name: 'Demander un nouveau lien' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mot de passe oublié');

  await logIn(page, email);
  await expect(page.locator('.error-summary')).toContainText('L’adresse e-mail ou le mot de passe est incorrect');
  await logIn(page, email, NEW_PASSWORD);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
});

test('an unknown address gets the same answer for a forgotten password', async ({ page }) => {
  const email = uniqueAddress('inconnue');
  await openApp(page, '/mot-de-passe-oublie');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeFocused();
  await expect(page.getByText(`Si un compte existe pour l’adresse ${email}`)).toBeVisible();
});

test('a forgotten password is reset with the keyboard alone', async ({ page }) => {
  const email = uniqueAddress('clavier');
  await verifiedAccount(page, email);
  await openApp(page, '/mot-de-passe-oublie');
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Adresse électronique')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Recevoir un lien' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeFocused();

  await openApp(page, await linkPath(email, '/nouveau-mot-de-passe', 2));
  await expect(page.getByLabel('Nouveau mot de passe', { exact: true })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Nouveau mot de passe', { exact: true })).toBeFocused();
  await page.keyboard.type(NEW_PASSWORD);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Afficher le mot de passe' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Votre mot de passe est changé et toutes les connexions' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Se connecter', exact: true }).last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(NEW_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
});

test('the account management pages work in English', async ({ page }) => {
  const email = uniqueAddress('english');
  await verifiedAccount(page, email);
  await logIn(page, email);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Change my password' }).click();
  await page.getByLabel('Current password', { exact: true }).fill('not the right password');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change my password' }).click();
  await expect(page.locator('#mot-de-passe-actuel-error')).toContainText('The current password is wrong');
  await expect(page).toHaveTitle('Error: Change my password – Pass+');
  await expectNoAxeViolations(page, 'password change with a wrong current password (en)');
});

test('a family sees where its account is open and ends the other sessions', async ({ page, browser }) => {
  const email = uniqueAddress('connexions');
  await verifiedAccount(page, email);
  await logIn(page, email);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
  // The same account open in another browser.
  const elsewhere = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await elsewhere.newPage();
  await openApp(other, '/connexion');
  await logIn(other, email);
  await expect(other.getByText('Bonjour Amélie.')).toBeVisible();

  await page.getByRole('link', { name: 'Mes connexions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes connexions');
  const items = page.locator('.session-list li');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Ce navigateur' })).toHaveCount(1);
  await expect(items.first()).toContainText('Chrome, Linux');
  await expectNoAxeViolations(page, 'sessions');

  await page.getByRole('button', { name: 'Fermer les autres connexions' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'sessions, no password');
  await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Fermer les autres connexions' }).click();
  await expect(page.locator('#mot-de-passe-actuel-error')).toContainText('Le mot de passe actuel est incorrect');
  await page.getByLabel('Mot de passe actuel').fill(PASSWORD);
  await page.getByRole('button', { name: 'Fermer les autres connexions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les autres connexions sont fermées' })).toBeFocused();
  await expect(items).toHaveCount(1);
  await expectNoAxeViolations(page, 'other sessions ended');

  // The other browser is signed out.
  await other.reload();
  await expect(other.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
  await expect(other.getByText('Bonjour Amélie.')).toHaveCount(0);
  await elsewhere.close();
});

test('the sessions page reflows on a phone with a long address, at rest and with a link focused', async ({ page }) => {
  const email = uniqueAddress('camille.martin-nguyen.famille.nombreuse');
  await verifiedAccount(page, email);
  await logIn(page, email);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 740 });
    await openApp(page, '/mon-compte/connexions');
    await expect(page.locator('.session-list li')).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scrolling at ${width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `sessions at ${width} px`);
  }
  // Only this browser: no form to end the others, the page says so.
  await expect(page.getByText('Votre compte n’est ouvert que dans ce navigateur.')).toBeVisible();
  await page.getByRole('link', { name: 'Revenir à mon compte' }).focus();
  await expectNoAxeViolations(page, 'sessions with a link focused');
});
