// A verified family account, made through the API (the signup page has its own tests), then
// signed in through the login page so that the browser holds the session cookie.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';

/** A server of the suite: its address and the folder its e-mails go to. */
export interface Server {
  baseUrl: string;
  outbox: string;
}

/** The suite's main server. */
export const MAIN: Server = {
  baseUrl: process.env.PASSPLUS_E2E_BASE_URL ?? 'http://127.0.0.1:8080',
  outbox: process.env.PASSPLUS_E2E_OUTBOX ?? '',
};

/** The server whose clock the tests move (`moveClockedServerTo`). */
export const CLOCKED: Server = {
  baseUrl: process.env.PASSPLUS_E2E_CLOCKED_BASE_URL ?? '',
  outbox: process.env.PASSPLUS_E2E_CLOCKED_OUTBOX ?? '',
};

export const FAMILY_PASSWORD = 'une phrase de passe solide';

let counter = 0;
export function uniqueFamilyAddress(name: string) {
  counter += 1;
  return `${name}.${Date.now()}.${counter}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** The token of the last verification link e-mailed to an address. */
export async function verificationToken(address: string, server: Server = MAIN): Promise<string> {
  let token = '';
  await expect
    .poll(() => {
      const messages = readdirSync(server.outbox)
        .map((name) => readFileSync(join(server.outbox, name), 'utf8'))
        .filter((text) => text.includes(`To: ${address}`));
      token = messages.at(-1)?.match(/jeton=([A-Za-z0-9_-]+)/)?.[1] ?? '';
      return token;
    })
    .not.toBe('');
  return token;
}

/**
 * Signs up and verifies a family living at `postalCode` on `server`, then logs it in there;
 * returns its address.
 */
export async function signedInFamily(page: Page, postalCode = '92000', server: Server = MAIN): Promise<string> {
  const email = uniqueFamilyAddress('famille');
  // State-changing API calls must come from the site's own origin.
  const headers = { Origin: new URL(server.baseUrl).origin };
  const signup = await page.request.post(`${server.baseUrl}/api/accounts`, {
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
  const verified = await page.request.post(`${server.baseUrl}/api/accounts/verification`, {
    headers,
    data: { token: await verificationToken(email, server) },
  });
  expect(verified.status()).toBe(200);
  await logIn(page, email, server);
  return email;
}

/** Logs the family of `email` in on `server` through the login page. */
export async function logIn(page: Page, email: string, server: Server = MAIN) {
  await openApp(page, `${server.baseUrl}/connexion`);
  await sendLogIn(page, email);
  await expect(page.getByText('Bonjour Amélie.')).toBeVisible();
}

/** Fills in and sends the login form on the page, with the family's password. */
export async function sendLogIn(page: Page, email: string) {
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(FAMILY_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}
