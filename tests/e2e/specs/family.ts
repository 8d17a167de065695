// A verified family account, made through the API (the signup page has its own tests), then
// signed in through the login page so that the browser holds the session cookie.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';

const OUTBOX = process.env.PASSPLUS_E2E_OUTBOX ?? '';
export const FAMILY_PASSWORD = 'une phrase de passe solide';

let counter = 0;
export function uniqueFamilyAddress(name: string) {
  counter += 1;
  return `${name}.${Date.now()}.${counter}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** The token of the last verification link e-mailed to an address. */
export async function verificationToken(address: string): Promise<string> {
  let token = '';
  await expect
    .poll(() => {
      const messages = readdirSync(OUTBOX)
        .map((name) => readFileSync(join(OUTBOX, name), 'utf8'))
        .filter((text) => text.includes(`To: ${address}`));
      token = messages.at(-1)?.match(/jeton=([A-Za-z0-9_-]+)/)?.[1] ?? '';
      return token;
    })
    .not.toBe('');
  return token;
}

/** Signs up and verifies a family living at `postalCode`, then logs it in; returns its address. */
export async function signedInFamily(page: Page, postalCode = '92000'): Promise<string> {
  const email = uniqueFamilyAddress('famille');
  // State-changing API calls must come from the site's own origin.
  const headers = { Origin: new URL(process.env.PASSPLUS_E2E_BASE_URL ?? 'http://127.0.0.1:8080').origin };
  const signup = await page.request.post('/api/accounts', {
    headers,
    data: {
      email,
      password: FAMILY_PASSWORD,
      given_name: 'Amélie',
      family_name: 'Martin',
      phone: '06 12 34 56 78',
      address: { street: '57 rue des Longues Raies', postal_code: postalCode, commune: 'Nanterre' },
    },
  });
  expect(signup.status()).toBe(202);
  const verified = await page.request.post('/api/accounts/verification', {
    headers,
    data: { token: await verificationToken(email) },
  });
  expect(verified.status()).toBe(200);
  await openApp(page, '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(FAMILY_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
  return email;
}
