// The family account journey in a real browser: signup, the e-mailed link, login, logout, and
// what is refused on the way, in French and once in English, with the keyboard alone and
// axe-core on every page and error state.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp, expectNoAxeViolations, appMounted } from './fixtures';
import type { Page } from '@playwright/test';

const OUTBOX = process.env.PASSPLUS_E2E_OUTBOX ?? '';
const EXPIRING = process.env.PASSPLUS_E2E_EXPIRING_BASE_URL ?? '';
const EXPIRING_OUTBOX = process.env.PASSPLUS_E2E_EXPIRING_OUTBOX ?? '';
const PASSWORD = 'une phrase de passe solide';

// The server answers refusals (wrong password, used link) with 4xx, which the browser logs.
test.use({ apiRefusalsExpected: true });

/** The e-mails written to an outbox for an address, oldest first (waits for at least `count`). */
async function emailsTo(address: string, count = 1, outbox = OUTBOX): Promise<string[]> {
  let messages: string[] = [];
  await expect
    .poll(() => {
      messages = readdirSync(outbox)
        .map((name) => join(outbox, name))
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
        .map((file) => readFileSync(file, 'utf8'))
        .filter((text) => text.includes(`To: ${address}`));
      return messages.length;
    })
    .toBeGreaterThanOrEqual(count);
  return messages;
}

/** The path of the last verification link e-mailed to an address. */
async function verificationPath(address: string, count = 1, outbox = OUTBOX): Promise<string> {
  const messages = await emailsTo(address, count, outbox);
  const match = messages.at(-1)!.match(/\/verifier-mon-adresse#jeton=[A-Za-z0-9_-]+/);
  expect(match, 'a verification link in the e-mail').not.toBeNull();
  return match![0];
}

let counter = 0;
function uniqueAddress(name: string) {
  counter += 1;
  return `${name}.${Date.now()}.${counter}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

async function fillSignup(page: Page, email: string, labels = FRENCH) {
  await page.getByLabel(labels.givenName).fill('Amélie');
  await page.getByLabel(labels.familyName).fill('N’Diaye-Lefèvre');
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.phone).fill('06 12 34 56 78');
  await page.getByLabel(labels.street).fill('57 rue des Longues Raies');
  await page.getByLabel(labels.postalCode).fill('92000');
  await page.getByLabel(labels.commune).fill('Nanterre');
  await page.getByLabel(labels.password, { exact: true }).fill(PASSWORD);
}

const FRENCH = {
  givenName: 'Prénom',
  familyName: 'Nom de famille',
  email: 'Adresse électronique',
  phone: 'Numéro de téléphone',
  street: 'Numéro et voie',
  postalCode: 'Code postal',
  commune: 'Commune',
  password: 'Mot de passe',
};

async function signUp(page: Page, email: string) {
  await openApp(page, '/creer-un-compte');
  await fillSignup(page, email);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeFocused();
}

async function logIn(page: Page, email: string, password = PASSWORD) {
  await openApp(page, '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

test('signs up, verifies by the e-mailed link, logs in and out', async ({ page }) => {
  const email = uniqueAddress('famille');
  await signUp(page, email);
  await expectNoAxeViolations(page, 'signup sent');

  await openApp(page, await verificationPath(email));
  await expect(page.getByText('Votre adresse e-mail est confirmée')).toBeVisible();
  // The token is gone from the address bar and from the history entry.
  expect(page.url()).not.toContain('jeton');
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  await expectNoAxeViolations(page, 'verified');
  await page.getByRole('link', { name: 'Se connecter à Pass+' }).click();
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL(/\/mon-compte$/);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectNoAxeViolations(page, 'account page');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status').getByText('Déconnexion faite : votre compte n’est plus ouvert dans ce navigateur.')).toBeVisible();
  await openApp(page, '/mon-compte');
  await expect(page.getByText('Vous n’êtes pas connecté.')).toBeVisible();
});

test('the whole journey in English', async ({ page }) => {
  const email = uniqueAddress('english');
  await openApp(page, '/creer-un-compte');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
  await fillSignup(page, email, {
    givenName: 'Given name',
    familyName: 'Family name',
    email: 'E-mail address',
    phone: 'Phone number',
    street: 'Number and street',
    postalCode: 'Postal code',
    commune: 'Commune',
    password: 'Password',
  });
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your mailbox' })).toBeFocused();
  await openApp(page, await verificationPath(email));
  await expect(page.getByText('Your e-mail address is confirmed')).toBeVisible();
  await openApp(page, '/connexion');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByText('Hello Amélie.')).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('status').getByText('Logged out: your account is no longer open in this browser.')).toBeVisible();
});

test('an empty or wrong signup shows every error, summarised, and keeps what was typed', async ({ page }) => {
  await openApp(page, '/creer-un-compte');
  await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle('Erreur : Créer un compte – Pass+');
  await expect(summary.getByRole('link')).toHaveCount(8);
  await expect(page.getByLabel('Adresse électronique')).toHaveValue('pas-une-adresse');
  await expect(page.getByLabel('Adresse électronique')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'signup with errors');

  await summary.getByRole('link').first().click();
  await expect(page.getByLabel('Prénom')).toBeFocused();
  await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse');
  await page.getByRole('button', { name: 'Afficher le mot de passe' }).click();
  await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveAttribute('type', 'text');
});

test('an address that has an account gets the same answer, and its owner an e-mail', async ({ page }) => {
  const email = uniqueAddress('deja');
  await signUp(page, email);
  await openApp(page, await verificationPath(email));
  await expect(page.getByText('Votre adresse e-mail est confirmée')).toBeVisible();
  await signUp(page, email);
  const messages = await emailsTo(email, 2);
  expect(messages.at(-1)).toContain('Un compte existe déjà');
});

test('a new link can be asked for, and a used link says so', async ({ page }) => {
  const email = uniqueAddress('renvoi');
  await signUp(page, email);
  await page.getByRole('button', { name: 'Envoyer un nouveau lien' }).click();
  await expect(page.getByText('si cette adresse a un compte en attente')).toBeVisible();
  const path = await verificationPath(email, 2);
  await openApp(page, path);
  await expect(page.getByText('Votre adresse e-mail est confirmée')).toBeVisible();
  await openApp(page, path);
  await expect(page.getByText('Ce lien a déjà servi')).toBeVisible();
  await expectNoAxeViolations(page, 'used link');
});

test('an expired link explains what to do and offers a new one', async ({ page }) => {
  expect(EXPIRING, 'cargo xtask test starts a server whose links expire at once').not.toBe('');
  const email = uniqueAddress('expire');
  await page.goto(`${EXPIRING}/creer-un-compte`);
  await appMounted(page);
  await fillSignup(page, email);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  const path = await verificationPath(email, 1, EXPIRING_OUTBOX);
  await page.waitForTimeout(1100);
  await page.goto(`${EXPIRING}${path}`);
  await expect(page.getByText('Ce lien a expiré')).toBeVisible();
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByRole('button', { name: 'Envoyer un nouveau lien' }).click();
  await expect(page.getByText('si cette adresse a un compte en attente')).toBeVisible();
  await emailsTo(email, 2, EXPIRING_OUTBOX);
  await expectNoAxeViolations(page, 'expired link');
});

test('an unverified account is told so at login, with the right password only', async ({ page }) => {
  const email = uniqueAddress('attente');
  await signUp(page, email);
  await logIn(page, email, 'pas le bon mot de passe');
  await expect(page.locator('.error-summary')).toContainText('L’adresse e-mail ou le mot de passe est incorrect');
  await logIn(page, email);
  await expect(page.getByText('Votre adresse e-mail n’est pas encore confirmée')).toBeVisible();
  await expectNoAxeViolations(page, 'login unverified');
});

test('wrong passwords get one message, then the account is locked for a while', async ({ page }) => {
  const email = uniqueAddress('verrou');
  await signUp(page, email);
  await openApp(page, await verificationPath(email));
  await expect(page.getByText('Votre adresse e-mail est confirmée')).toBeVisible();
  for (let attempt = 0; attempt < 5; attempt++) {
    await logIn(page, email, 'pas le bon mot de passe');
    await expect(page.locator('.error-summary')).toContainText('L’adresse e-mail ou le mot de passe est incorrect');
  }
  await expectNoAxeViolations(page, 'login error');
  await logIn(page, email);
  await expect(page.locator('.error-summary')).toContainText('Trop de tentatives');
  await expect(page.getByRole('alert').filter({ hasText: 'Réessayez dans' })).toContainText(/Réessayez dans 1[0-5] minute/);
  await expect(page).toHaveTitle('Erreur : Se connecter – Pass+');
});

test('signup and login work with the keyboard alone', async ({ page }) => {
  const email = uniqueAddress('clavier');
  await openApp(page, '/creer-un-compte');
  await page.getByRole('heading', { level: 1 }).focus();
  const typeInto = async (value: string) => {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  };
  // Skip the intro's privacy link, then the fields in page order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Vos données personnelles et vos droits' })).toBeFocused();
  for (const value of ['Amélie', 'Martin', email, '0612345678', '1 rue du Clavier', '92000', 'Nanterre', PASSWORD]) {
    await typeInto(value);
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Afficher le mot de passe' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Créer mon compte' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeFocused();
  await openApp(page, await verificationPath(email));
  await expect(page.getByText('Votre adresse e-mail est confirmée')).toBeVisible();

  await openApp(page, '/connexion');
  await page.getByRole('heading', { level: 1 }).focus();
  await typeInto(email);
  await typeInto(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
});

test('a login that takes a while says so under the button, and cannot be sent twice', async ({ page }) => {
  const email = uniqueAddress('patience');
  await signUp(page, email);
  await openApp(page, await verificationPath(email));
  await expect(page.getByText('Votre adresse e-mail est confirmée')).toBeVisible();
  // A slow network: the login's answer is held back for four seconds.
  let logins = 0;
  await page.route('**/api/sessions', async (route) => {
    logins += 1;
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await route.continue();
  });
  await openApp(page, '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  const button = page.getByRole('button', { name: 'Se connecter', exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  // An impatient second press (Enter on the focused button: Playwright will not click a
  // control marked disabled) sends nothing more.
  await button.focus();
  await page.keyboard.press('Enter');
  const told = page.getByRole('status').filter({ hasText: 'Envoi en cours…' });
  await expect(told).toBeVisible();
  await expect(told.getByRole('progressbar', { name: 'Envoi en cours…' })).toBeVisible();
  await expectNoAxeViolations(page, 'login on its way');
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
  expect(logins).toBe(1);
});
