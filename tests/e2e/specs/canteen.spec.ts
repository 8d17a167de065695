// The canteen's pages, their own app under /cantine/: the overview of the year, the price and
// each child's place; enrolling two children with the same days, with the mouse and with the
// keyboard alone; the refusals explained; axe-core on every page and error state, in both
// languages and at 320 px.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { writeFileSync } from 'node:fs';
import { CLOCKED, logIn, sendLogIn, signedInFamily } from './family';
import { addChildrenThroughApi } from './pupil-form';

/** The school year under way on the server's clock (the suite runs on the real date). */
function schoolYear(): string {
  const now = new Date();
  const start = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}\u2011${start + 1}`;
}

test('two children are enrolled with the same days for all, and the overview says so', async ({ page }) => {
  await signedInFamily(page);
  await addChildrenThroughApi(page, ['Inès', 'Noé']);
  await openApp(page, '/cantine/');
  await expect(page.getByRole('heading', { level: 1, name: 'Cantine' })).toBeVisible();
  const year = page.getByRole('region', { name: `Année scolaire ${schoolYear()}` });
  await expect(year).toContainText('7,00 € par repas : c’est le prix plein.');
  await expect(year).toContainText('0,50 % de votre quotient familial mensuel');
  await expect(year.locator('.pupil-card')).toHaveCount(2);
  await expect(year.locator('.pupil-card').first()).toContainText('Pas encore d’inscription');
  await expectNoAxeViolations(page, 'canteen overview');

  await year.getByRole('link', { name: /Inscrire à la cantine pour/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inscrire à la cantine' })).toBeFocused();
  await expect(page.getByLabel('Inès', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Noé', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Les mêmes jours pour tous les enfants')).toBeChecked();
  // One group of days for both; none for each.
  await expect(page.getByRole('group', { name: 'Jours de cantine', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Jours de cantine pour Inès' })).toHaveCount(0);
  // Anne Frank does not serve Wednesday.
  await expect(page.getByRole('group', { name: 'Jours de cantine', exact: true }).getByLabel('Mercredi')).toHaveCount(0);
  await expectNoAxeViolations(page, 'enrolment form');

  // Nothing ticked: the error is explained, at the days.
  await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Cochez au moins un jour de cantine.');
  await expect(page.getByRole('group', { name: 'Jours de cantine', exact: true })).toContainText('Cochez au moins un jour de cantine.');
  await expect(page).toHaveTitle(/^Erreur : /);
  await expectNoAxeViolations(page, 'enrolment form with an error');
  await summary.getByRole('link').click();
  await expect(page.locator('#jours-monday')).toBeFocused();

  const days = page.getByRole('group', { name: 'Jours de cantine', exact: true });
  await days.getByLabel('Lundi').check();
  await expect(summary).toHaveCount(1);
  // The error goes as soon as it is fixed.
  await expect(days).not.toContainText('Cochez au moins un jour de cantine.');
  await days.getByLabel('Jeudi').check();
  await page.getByRole('group', { name: 'Repas pour Noé' }).getByLabel('Sans porc').check();
  await page.getByLabel('Inès a un projet d’accueil individualisé (PAI) pour une allergie alimentaire').check();
  await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Inscription enregistrée' });
  await expect(done).toBeFocused();
  // In the order of the page (the two were added in the same second: either).
  await expect(done).toContainText(/Inès, Noé|Noé, Inès/);
  await expectNoAxeViolations(page, 'enrolment recorded');

  await done.getByRole('link', { name: 'Revenir à la cantine' }).click();
  const cards = page.locator('.pupil-card');
  await expect(cards.filter({ hasText: 'Inès' })).toContainText('Inscription à la cantine : les lundis et jeudis ; repas standard.');
  await expect(cards.filter({ hasText: 'Inès' })).toContainText('PAI) pour une allergie alimentaire : oui.');
  await expect(cards.filter({ hasText: 'Noé' })).toContainText('repas sans porc.');
  await expect(page.getByRole('link', { name: /Inscrire à la cantine pour/ })).toHaveCount(0);
});

test.describe('a page opened before an enrolment', () => {
  // The server's refusal is a 409, which the browser logs.
  test.use({ apiRefusalsExpected: true });

  test('cannot enrol the same child again, and says so', async ({ page, context }) => {
    await signedInFamily(page);
    await addChildrenThroughApi(page, ['Inès']);
    const path = `/cantine/inscription?annee=${schoolYear().slice(0, 4)}`;
    await openApp(page, path);
    const stale = await context.newPage();
    await openApp(stale, path);
    await page.getByLabel('Lundi').check();
    await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Inscription enregistrée' })).toBeVisible();

    await stale.getByLabel('Vendredi').check();
    await stale.getByRole('button', { name: 'Inscrire à la cantine' }).click();
    const summary = stale.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('déjà inscrit à la cantine pour cette année : rien n’a été enregistré');
    await expectNoAxeViolations(stale, 'enrolment refused');
    await openApp(page, '/cantine/');
    await expect(page.locator('.pupil-card')).toContainText('Inscription à la cantine : les lundis ;');
  });
});

test('each child may have days of their own', async ({ page }) => {
  await signedInFamily(page);
  await addChildrenThroughApi(page, ['Inès', 'Noé']);
  await openApp(page, `/cantine/inscription?annee=${schoolYear().slice(0, 4)}`);
  await page.getByRole('group', { name: 'Jours de cantine', exact: true }).getByLabel('Mardi').check();
  await page.getByLabel('Les mêmes jours pour tous les enfants').uncheck();
  const ines = page.getByRole('group', { name: 'Jours de cantine pour Inès' });
  const noe = page.getByRole('group', { name: 'Jours de cantine pour Noé' });
  // What was chosen for all is where each starts from.
  await expect(ines.getByLabel('Mardi')).toBeChecked();
  await expect(noe.getByLabel('Mardi')).toBeChecked();
  await noe.getByLabel('Mardi').uncheck();
  await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
  // Noé has no day: the summary leads to his days, their question in view.
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link')).toHaveCount(1);
  // The summary, away from Noé's heading, names him.
  await expect(summary.getByRole('link')).toHaveText('Noé\u00a0: cochez au moins un jour de cantine.');
  await summary.getByRole('link').click();
  await expect(noe.getByLabel('Lundi')).toBeFocused();
  await expect(noe.locator('legend')).toBeInViewport();
  await expectNoAxeViolations(page, 'days of their own, with an error');
  await noe.getByLabel('Vendredi').check();
  // Only Noé, after all.
  await page.getByLabel('Inès', { exact: true }).uncheck();
  await expect(ines).toHaveCount(0);
  await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Inscription enregistrée' })).toContainText('Noé');
  await openApp(page, '/cantine/');
  const cards = page.locator('.pupil-card');
  await expect(cards.filter({ hasText: 'Noé' })).toContainText('Inscription à la cantine : les vendredis ;');
  await expect(cards.filter({ hasText: 'Inès' })).toContainText('Pas encore d’inscription');
});

test('the enrolment is done with the keyboard alone', async ({ page }) => {
  await signedInFamily(page);
  await addChildrenThroughApi(page, ['Inès']);
  await openApp(page, `/cantine/inscription?annee=${schoolYear().slice(0, 4)}`);
  // Only one child: no question of sharing days.
  await expect(page.getByLabel('Les mêmes jours pour tous les enfants')).toHaveCount(0);
  await page.getByLabel('Inès', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('#jours-0-monday')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#jours-0-thursday')).toBeFocused();
  await page.keyboard.press('Space');
  // To the diets (a radio group is one stop), then the care plan, then the button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#repas-0-standard')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#repas-0-no_pork')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Inscrire à la cantine' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Inscription enregistrée' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Revenir à la cantine' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.pupil-card')).toContainText('Inscription à la cantine : les lundis et jeudis ; repas sans porc.');
});

test('the canteen pages in English and at 320 px pass axe-core', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signedInFamily(page);
  await addChildrenThroughApi(page, ['Inès', 'Noé']);
  await openApp(page, '/cantine/');
  await expectNoAxeViolations(page, 'canteen overview at 320 px');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Canteen' })).toBeVisible();
  await expect(page.locator('.canteen-price').first()).toHaveText('€7.00 a meal: the full price.');
  // Every text of what was read follows the switch, not only the page's frame.
  await expect(page.getByRole('heading', { level: 2, name: `School year ${schoolYear()}` })).toBeVisible();
  await expect(page.getByText(/Année scolaire/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'canteen overview in English');
  await page.getByRole('link', { name: /Enrol in the canteen for/ }).click();
  await page.getByRole('button', { name: 'Enrol in the canteen' }).click();
  await expect(page.getByRole('alert')).toContainText('Tick at least one canteen day.');
  await expectNoAxeViolations(page, 'enrolment form with an error, English, 320 px');
  const formWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(formWidth).toBeLessThanOrEqual(320);
});

test('the canteen is linked from the account, and its links to the family pages load them', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte');
  await page.getByRole('navigation', { name: /principal|Main/ }).getByRole('link', { name: 'Cantine' }).click();
  await expect(page).toHaveURL(/\/cantine\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cantine' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cantine' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Vous n’avez pas encore ajouté d’enfant à votre compte.')).toBeVisible();
  await page.getByRole('link', { name: 'Ajouter un enfant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ajouter un enfant' })).toBeVisible();
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
});

test.describe('an address that names no statement', () => {
  // The server's 404, which the browser logs.
  test.use({ apiRefusalsExpected: true });

  test('an impossible month or another family\'s enrolment is told as no such statement', async ({ page }) => {
    await signedInFamily(page);
    await openApp(page, '/cantine/releve?inscription=inconnue&mois=2031-13');
    await expect(page.getByText('Ce relevé n’existe pas : ce mois n’est pas dans l’année scolaire')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Revenir à la cantine' })).toBeVisible();
    await expectNoAxeViolations(page, 'no such statement');
  });
});

test.describe('a page opened signed out', () => {
  // The page asks the server who is signed in: a 401, logged by the browser.
  test.use({ apiRefusalsExpected: true });

  test('a signed-out parent sent to log in comes back to the canteen page, never to another site', async ({ page }) => {
    const email = await signedInFamily(page);
    const start = schoolYear().slice(0, 4);
    await page.context().clearCookies();
    await openApp(page, `/cantine/tarif?annee=${start}`);
    // The header's link comes back too.
    await expect(
      page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Se connecter' }),
    ).toHaveAttribute('href', new RegExp(`^/connexion\\?retour=%2Fcantine%2Ftarif%3Fannee%3D${start}$`));
    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/connexion\?retour=/);
    await sendLogIn(page, email);
    await expect(page).toHaveURL(new RegExp(`/cantine/tarif\\?annee=${start}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Prix d’un repas et avis d’imposition' })).toBeVisible();

    await page.context().clearCookies();
    await openApp(page, `/connexion?retour=${encodeURIComponent('//ailleurs.example/')}`);
    await sendLogIn(page, email);
    await expect(page).toHaveURL(/\/mon-compte$/);
  });
});

test('a meal is cancelled before its deadline and booked again, each said aloud', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signedInFamily(page);
  await addChildrenThroughApi(page, ['Inès']);
  await openApp(page, `/cantine/inscription?annee=${schoolYear().slice(0, 4)}`);
  await page.getByLabel('Lundi').check();
  await page.getByLabel('Jeudi').check();
  await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
  await page.getByRole('link', { name: 'Revenir à la cantine' }).click();
  await page.getByRole('link', { name: 'Voir les repas, en annuler un' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Repas et jours de cantine' })).toBeFocused();
  await expect(page.getByText(/Inès, année scolaire/)).toBeVisible();
  await expect(page.getByText(/les lundis et jeudis · repas standard/)).toBeVisible();
  await expectNoAxeViolations(page, 'meals at 320 px');

  // The first meal that can still be cancelled: its deadline is written beside it.
  const meal = page.locator('.meal').filter({ has: page.getByRole('button', { name: /^Annuler le repas du / }) }).first();
  await expect(meal).toContainText('Réservé');
  await expect(meal).toContainText(/Annulable jusqu’au \d{1,2}(er)? \S+ \d{4} à 23\sh\s59/);
  const day = (await meal.locator('.meal__day').textContent())!;
  await meal.getByRole('button').click();
  const announce = page.locator('.canteen-announce');
  await expect(announce).toHaveText(`Le repas du ${day} est annulé : il ne sera pas facturé.`);
  const cancelled = page.locator('.meal').filter({ hasText: day });
  await expect(cancelled).toContainText('Annulé');
  await expect(cancelled).toContainText('Peut être réservé à nouveau jusqu’au');
  await expectNoAxeViolations(page, 'a meal cancelled');
  // Stored: a reload shows it so.
  await page.reload();
  await expect(page.locator('.meal').filter({ hasText: day })).toContainText('Annulé');

  await page.locator('.meal').filter({ hasText: day }).getByRole('button', { name: `Réserver à nouveau le repas du ${day}` }).click();
  await expect(announce).toHaveText(`Le repas du ${day} est réservé à nouveau.`);
  await expect(page.locator('.meal').filter({ hasText: day })).toContainText('Réservé');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);

  // The list shows two months of meals, then one more at each press, focus on the month shown.
  const id = new URL(page.url()).searchParams.get('inscription')!;
  const enrolment = await (await page.request.get(`/api/canteen/enrolments/${id}`)).json();
  const months = [...new Set(
    enrolment.meals.filter((m: { day: string }) => m.day >= enrolment.today).map((m: { day: string }) => m.day.slice(0, 7)),
  )] as string[];
  await expect(page.locator('.meal-list')).toHaveCount(Math.min(2, months.length));
  const more = page.getByRole('button', { name: /^Afficher les repas de / });
  if (months.length > 2) {
    await more.click();
    await expect(page.locator(`#mois-${months[2]}`)).toBeFocused();
    await expect(page.locator('.meal-list')).toHaveCount(3);
  } else {
    await expect(more).toHaveCount(0);
  }
});

/** Sets the clocked server's time to `instant` (an ISO date and time with its offset). */
function moveClockedServerTo(instant: string) {
  const seconds = Math.round((Date.parse(instant) - Date.now()) / 1000);
  writeFileSync(process.env.PASSPLUS_E2E_CLOCKED_OFFSET_FILE ?? '', `${seconds}`);
}

test.describe('on a server whose clock the test moves', () => {
  // The late cancellation is refused by the server: the browser logs its 409.
  test.use({ apiRefusalsExpected: true });

  test('a meal cancelled once its deadline has passed is refused, the deadline said', async ({ page }) => {
    expect(CLOCKED.baseUrl, 'cargo xtask test starts a server whose clock the tests move').not.toBe('');
    // Monday 2 November 2026, 23:45 in Paris (the first day back after the autumn holidays):
    // Thursday 5 November can be cancelled until 23:59 tonight (the third working day before it).
    moveClockedServerTo('2026-11-02T23:45:00+01:00');
    await signedInFamily(page, '92000', CLOCKED);
    await addChildrenThroughApi(page, ['Inès']);
    await openApp(page, `${CLOCKED.baseUrl}/cantine/inscription?annee=2026`);
    await page.getByLabel('Lundi').check();
    await page.getByLabel('Jeudi').check();
    await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
    await expect(page.getByText('Premier repas réservé : jeudi 5 novembre 2026.')).toBeVisible();
    await page.getByRole('link', { name: 'Revenir à la cantine' }).click();
    await page.getByRole('link', { name: 'Voir les repas, en annuler un' }).click();
    const thursday = page.locator('.meal').filter({ hasText: 'jeudi 5 novembre 2026' });
    await expect(thursday).toContainText('Annulable jusqu’au 2 novembre 2026 à 23 h 59');

    // The page stays open past midnight: the server refuses, and says until when it could.
    moveClockedServerTo('2026-11-03T00:05:00+01:00');
    await thursday.getByRole('button', { name: 'Annuler le repas du jeudi 5 novembre 2026' }).click();
    await expect(page.locator('.canteen-announce')).toHaveText(
      'Trop tard : le repas du jeudi 5 novembre 2026 ne pouvait être changé que jusqu’au 2 novembre 2026 à 23 h 59.',
    );
    await expect(thursday).toContainText('Réservé');
    await expect(thursday.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(page, 'a meal refused after its deadline');
    // Stored as it was: billed.
    await page.reload();
    await expect(page.locator('.meal').filter({ hasText: 'jeudi 5 novembre 2026' })).toContainText(
      'Ne peut plus être changé : il est facturé s’il est réservé',
    );
  });

  test('last year\'s children are enrolled again in one step, in the class after', async ({ page }) => {
    // June 2026: 2025-2026 is under way; Inès is in 5e.
    moveClockedServerTo('2026-06-01T10:00:00+02:00');
    const email = await signedInFamily(page, '92000', CLOCKED);
    await addChildrenThroughApi(page, ['Inès']);
    await openApp(page, `${CLOCKED.baseUrl}/cantine/inscription?annee=2025`);
    await page.getByLabel('Lundi').check();
    await page.getByLabel('Jeudi').check();
    await page.getByRole('group', { name: 'Repas pour Inès' }).getByLabel('Sans porc').check();
    await page.getByRole('button', { name: 'Inscrire à la cantine' }).click();
    await expect(page.getByText('Inscription enregistrée')).toBeVisible();

    // 2 July: 2026-2027 is open; the session of a month ago has ended.
    moveClockedServerTo('2026-07-02T10:00:00+02:00');
    await logIn(page, email, CLOCKED);
    await openApp(page, `${CLOCKED.baseUrl}/cantine/`);
    const next = page.getByRole('region', { name: 'Année scolaire 2026\u20112027' });
    const offer = next.locator('.canteen-reenrol');
    await expect(offer).toContainText('Ces enfants étaient inscrits à la cantine en 2025\u20112026');
    await expect(offer).toContainText('Inès, en 4e : les lundis et jeudis ; repas sans porc.');
    await expectNoAxeViolations(page, 're-enrolment offered');
    await offer.getByRole('button', { name: 'Réinscrire avec les mêmes choix' }).click();
    await expect(page.locator('.canteen-announce')).toHaveText(
      'Réinscription enregistrée : un e-mail vous confirme les jours et les règles d’annulation.',
    );
    await expect(offer).toHaveCount(0);
    await expect(next.locator('.pupil-card')).toContainText('Inscription à la cantine : les lundis et jeudis ; repas sans porc.');
    await expect(next.locator('.pupil-card')).toContainText('4e');
  });
});

test('a month\'s statement counts what the meals say, as a page, a CSV and a print', async ({ page }) => {
  await signedInFamily(page);
  await addChildrenThroughApi(page, ['Inès']);
  const headers = { Origin: new URL(page.url()).origin };
  const overview = await (await page.request.get('/api/canteen')).json();
  const pupil = overview.years[0].pupils[0].pupil_id;
  const enrolled = await page.request.post('/api/canteen/enrolments', {
    headers,
    data: { school_year: overview.years[0].school_year, pupils: [{ pupil_id: pupil, weekdays: ['monday', 'tuesday', 'thursday', 'friday'], diet: 'standard', allergy_plan: false }] },
  });
  expect(enrolled.status()).toBe(201);
  const enrolment = (await enrolled.json()).enrolments[0];
  // Two meals of the first month with meals, cancelled.
  const month = enrolment.meals[0].day.slice(0, 7);
  const ofMonth = enrolment.meals.filter((meal: { day: string }) => meal.day.startsWith(month));
  for (const meal of ofMonth.slice(0, 2)) {
    const changed = await page.request.put(`/api/canteen/enrolments/${enrolment.id}/meals/${meal.day}`, { headers, data: { cancelled: true } });
    expect(changed.status()).toBe(200);
  }

  await openApp(page, `/cantine/releve?inscription=${enrolment.id}&mois=${month}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Relevé de cantine' })).toBeVisible();
  const figures = page.locator('.summary-list');
  const billed = ofMonth.length - 2;
  await expect(figures).toContainText(`Repas réservés${ofMonth.length}`);
  await expect(figures).toContainText('Annulés à temps2');
  await expect(figures).toContainText(`Facturés${billed}`);
  await expect(figures).toContainText(`Montant du mois${billed * 7},00 €`);
  await expect(page.locator('.statement tbody tr')).toHaveCount(ofMonth.length);
  await expect(page.locator('.statement tbody tr').filter({ hasText: 'Annulé' })).toHaveCount(2);
  await expectNoAxeViolations(page, 'statement');

  const csvLink = page.getByRole('link', { name: 'Télécharger le relevé (CSV, pour un tableur)' });
  // Its words are seen: not the colour of its background (axe-core only calls that incomplete).
  const [colour, background] = await csvLink.evaluate((link) => {
    const style = getComputedStyle(link);
    return [style.color, style.backgroundColor];
  });
  expect(colour).not.toBe(background);
  expect(colour).not.toBe('rgb(255, 255, 255)');
  const csv = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const rows = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\n');
  expect(rows[0]).toBe('date;repas;facturé;prix_du_repas_euros;montant_euros');
  expect(rows.length).toBe(1 + ofMonth.length);
  expect(rows.filter((row) => row.includes(';annulé;non;7,00;0,00'))).toHaveLength(2);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(csvLink).toBeHidden();
  await expect(page.locator('.statement')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoAxeViolations(page, 'statement at 320 px');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
