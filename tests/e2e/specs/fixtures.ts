// Shared fixtures: every test fails if the page logs a console error, throws, or sends a
// request to any origin but the app's own.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PAGES = [
  { path: '/', fr: 'Accueil', en: 'Home' },
  { path: '/trouver-mon-college', fr: 'Trouver mon collège', en: 'Find my collège' },
  { path: '/accessibilite', fr: 'Déclaration d’accessibilité', en: 'Accessibility statement' },
  { path: '/confidentialite', fr: 'Données personnelles', en: 'Personal data' },
  { path: '/mentions-legales', fr: 'Mentions légales', en: 'Legal notice' },
  { path: '/creer-un-compte', fr: 'Créer un compte', en: 'Create an account' },
  { path: '/connexion', fr: 'Se connecter', en: 'Log in' },
  { path: '/mon-compte', fr: 'Mon compte', en: 'My account' },
  { path: '/mon-compte/ajouter-un-enfant', fr: 'Ajouter un enfant', en: 'Add a child' },
  { path: '/mon-compte/modifier-un-enfant', fr: 'Modifier un enfant', en: 'Change a child’s details' },
  { path: '/mon-compte/coordonnees', fr: 'Modifier mes coordonnées', en: 'Edit my contact details' },
  { path: '/mon-compte/adresse-e-mail', fr: 'Changer d’adresse e-mail', en: 'Change my e-mail address' },
  { path: '/mon-compte/mot-de-passe', fr: 'Changer de mot de passe', en: 'Change my password' },
  { path: '/mon-compte/connexions', fr: 'Mes connexions', en: 'My sessions' },
  { path: '/nouvelle-adresse', fr: 'Confirmer ma nouvelle adresse e-mail', en: 'Confirm my new e-mail address' },
  { path: '/mot-de-passe-oublie', fr: 'Mot de passe oublié', en: 'Forgot your password' },
  { path: '/nouveau-mot-de-passe', fr: 'Choisir un nouveau mot de passe', en: 'Choose a new password' },
  { path: '/cette-page-n-existe-pas', fr: 'Page introuvable', en: 'Page not found' },
];

export const test = base.extend<{ guard: void; apiRefusalsExpected: boolean }>({
  // Tests of refusals (wrong password, used link) set this: the browser logs every 4xx answer
  // of the API as a console error, and those are expected there.
  apiRefusalsExpected: [false, { option: true }],
  guard: [
    async ({ page, baseURL, apiRefusalsExpected }, use) => {
      const problems: string[] = [];
      const origins = [new URL(baseURL!).origin];
      for (const other of [process.env.PASSPLUS_E2E_EXPIRING_BASE_URL, process.env.PASSPLUS_E2E_CLOCKED_BASE_URL]) {
        if (other) origins.push(new URL(other).origin);
      }
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // 503 too: the card's service worker answers so for an API out of reach.
        const refusal =
          /status of (4\d\d|503)/.test(message.text()) && message.location().url.includes('/api/');
        if (apiRefusalsExpected && refusal) return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith('data:') && !origins.includes(new URL(url).origin)) {
          problems.push(`request left the origin: ${url}`);
        }
      });
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a path and waits until the app (not only the page the server sent) is there. */
export async function openApp(page: Page, path: string) {
  await page.goto(path);
  await appMounted(page);
}

/** Waits until the app has taken over the page the server sent. */
export async function appMounted(page: Page) {
  await page.locator('#app[data-mounted]').waitFor({ state: 'attached' });
}

/** Runs axe-core on the page with the audited rule sets and expects no violation. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe-core violations on ${label}`).toEqual([]);
}
