// The public pages arrive as real HTML (pre-rendered at build time) and the app takes them over:
// readable without JavaScript, the same markup and the same place for everything once the app
// is there, nothing fetched twice, nothing shifted, what was typed before the app kept.
import type { Page, Route } from '@playwright/test';
import { test, expect, appMounted, expectNoAxeViolations } from './fixtures';

const PUBLIC_PAGES = [
  { path: '/', heading: 'Pass+, l’aide des collégiens des Hauts-de-Seine et des Yvelines', prose: true },
  { path: '/trouver-mon-college', heading: 'Trouver mon collège', prose: false },
  { path: '/accessibilite', heading: 'Déclaration d’accessibilité', prose: true },
  { path: '/confidentialite', heading: 'Données personnelles', prose: true },
  { path: '/mentions-legales', heading: 'Mentions légales', prose: true },
];

const FORM_PAGES = [
  { path: '/creer-un-compte', heading: 'Créer un compte', intro: 'Le compte Pass+ permet' },
  { path: '/connexion', heading: 'Se connecter', intro: null },
  { path: '/mot-de-passe-oublie', heading: 'Mot de passe oublié', intro: 'Saisissez l’adresse e-mail' },
];

/** Where each element of the frame and of the page's first content is, with its text. */
async function layoutOf(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        tag: element.tagName,
        text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
        box: [box.x, box.y, box.width, box.height].map((n) => Math.round(n)),
      };
    }),
  );
}

/** The frame and the start of the content: what is on screen at the first paint. */
const ABOVE_THE_FOLD =
  '.skip-link, .site-header__brand, .language-switch, .site-nav a, main h1, main > p, ' +
  'main .prose > *:nth-child(-n+4), main form label, main form input, main form button';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, heading, prose } of PUBLIC_PAGES) {
    test(`${path} is readable in full`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();
      const footer = page.getByRole('contentinfo');
      await expect(footer.getByRole('link', { name: 'Mentions légales' })).toBeVisible();
      if (prose) {
        const text = await page.locator('main .prose').innerText();
        expect(text.length).toBeGreaterThan(400);
      }
      // The language switch cannot work without the app: not shown.
      await expect(page.locator('.language-switch')).toBeHidden();
    });
  }

  for (const { path, heading, intro } of FORM_PAGES) {
    test(`${path} arrives with its heading and introduction`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      if (intro) await expect(page.locator('main > p').first()).toContainText(intro);
      expect(await page.locator('main noscript').innerHTML()).toContain(
        'Pass+ a besoin de JavaScript',
      );
    });
  }

  test('the page the menu is on is marked current', async ({ page }) => {
    await page.goto('/trouver-mon-college');
    await expect(page.getByRole('link', { name: 'Trouver mon collège' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.locator('[aria-current="page"]')).toHaveCount(1);
  });
});

/** Keeps the app from arriving: the page stays as the server sent it. */
async function withoutTheApp(page: Page) {
  await page.route('**/*_bg.wasm', () => new Promise(() => {}));
}

// One test a page: each loads a page and runs axe-core, well within a test's time even on a
// busy machine (all of them in one test did not always fit in it).
for (const { path } of [...PUBLIC_PAGES, ...FORM_PAGES]) {
  test(`${path} as the server sends it passes axe-core`, async ({ page }) => {
    await withoutTheApp(page);
    await page.goto(path);
    await expectNoAxeViolations(page, `${path} before the app`);
  });
}

/** The layout of the page as the server sent it, from a browser without JavaScript. */
async function staticLayout(page: Page, path: string) {
  const context = await page.context().browser()!.newContext({
    javaScriptEnabled: false,
    viewport: page.viewportSize(),
  });
  const staticPage = await context.newPage();
  await staticPage.goto(path);
  const layout = await layoutOf(staticPage, ABOVE_THE_FOLD);
  await context.close();
  return layout;
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`the app takes over at ${viewport.width} px`, () => {
    test.use({ viewport });

    for (const { path } of [...PUBLIC_PAGES, ...FORM_PAGES]) {
      test(`${path}: everything stays where it was painted, nothing shifts`, async ({ page }) => {
        const before = await staticLayout(page, path);
        await page.addInitScript(() => {
          (window as any).shifts = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as any[]) {
              if (!entry.hadRecentInput) (window as any).shifts += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(path);
        await appMounted(page);
        // Whatever the app draws after its first frame (a search's results, a form) lands too.
        await page.waitForTimeout(300);
        const after = await layoutOf(page, ABOVE_THE_FOLD);
        expect(after.slice(0, before.length)).toEqual(before);
        expect(await page.evaluate(() => (window as any).shifts)).toBe(0);
      });
    }
  });
}

test('the app keeps the text it was sent rather than fetching it again', async ({ page }) => {
  for (const path of ['/', '/accessibilite', '/confidentialite', '/mentions-legales']) {
    const fetched: string[] = [];
    const listener = (request: { url(): string }) => {
      const url = request.url();
      if (url.includes('/content/') || url.includes('/api/privacy-notice/')) fetched.push(url);
    };
    page.on('request', listener);
    await page.goto(path);
    await appMounted(page);
    await expect(page.locator('main .prose')).toHaveCount(1);
    await expect(page.locator('main [data-prerendered]')).toHaveCount(0);
    page.off('request', listener);
    expect(fetched, path).toEqual([]);
  }
  // Reached inside the app, the page fetches its text as before.
  await page.getByRole('link', { name: 'Mentions légales' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentions légales');
  await expect(page.locator('main .prose')).toContainText('Hauts-de-Seine');
});

test('what was typed before the app arrived is kept, with focus, and searched', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto('/trouver-mon-college');
  const field = page.getByLabel('Nom du collège, commune, code postal ou code UAI');
  await field.fill('Antony');
  await expect(page.locator('#app[data-mounted]')).toHaveCount(0);
  release();
  await appMounted(page);
  await expect(field).toHaveValue('Antony');
  await expect(field).toBeFocused();
  await expect(page.locator('.search-status')).toContainText('collège');
  await expect(page.locator('.result').first()).toBeVisible();
});

test('the search sent before the app arrived comes back as a search', async ({ page }) => {
  await page.goto('/trouver-mon-college?recherche=0921243B');
  await appMounted(page);
  await expect(page.getByLabel('Nom du collège, commune, code postal ou code UAI')).toHaveValue(
    '0921243B',
  );
  await expect(page.locator('.result')).toHaveCount(1);
});

test.describe('the skip link, focused at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const mounted of [false, true]) {
    test(`hides nothing ${mounted ? 'in the app' : 'before the app'}`, async ({ page }) => {
      if (!mounted) await withoutTheApp(page);
      await page.goto('/');
      if (mounted) await appMounted(page);
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      await expect(skip).toBeFocused();
      const [skipBox, brandBox] = await Promise.all([
        skip.boundingBox(),
        page.locator('.site-header__brand').boundingBox(),
      ]);
      expect(skipBox!.y + skipBox!.height).toBeLessThanOrEqual(brandBox!.y);
      await expectNoAxeViolations(page, `skip link focused, app ${mounted ? 'there' : 'absent'}`);
    });
  }
});

test('a link focused before the app arrived keeps focus, even where the app adds a form', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto('/creer-un-compte');
  const legal = page.getByRole('contentinfo').getByRole('link', { name: 'Mentions légales' });
  await legal.focus();
  release();
  await appMounted(page);
  await expect(page.locator('main form')).toBeVisible();
  await expect(legal).toBeFocused();
});
