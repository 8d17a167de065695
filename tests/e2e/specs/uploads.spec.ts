// Uploads in a real browser: a large photo is scaled down before it is sent and the upload's
// progress is told (shown, and announced in a polite live region); the family's limits (ten
// children, 60 Mo of files, two uploads at once) are refused with what to do, and what the
// parent typed is kept.
import { request as httpRequest, type ClientRequest } from 'node:http';
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { signedInFamily } from './family';
import { fillMartinChild, jpeg, onePagePdf, pupilJson } from './pupil-form';
import type { CDPSession, Page } from '@playwright/test';

// The limits are 4xx answers, which the browser logs.
test.use({ apiRefusalsExpected: true });

const ADD = 'Ajouter cet enfant';

/** One DevTools session a page: its network conditions are that session's. */
const sessions = new WeakMap<Page, CDPSession>();

/** Limits the page's uplink to `bytesPerSecond` (`null`: no limit), as a weak mobile signal does. */
async function throttleUplink(page: Page, bytesPerSecond: number | null) {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    sessions.set(page, cdp);
  }
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: bytesPerSecond === null ? 0 : 40,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}

/** Adds children through the API, with the session the page holds. */
async function addThroughApi(page: Page, count: number, certificateBytes = 0) {
  const headers = { Origin: new URL(page.url()).origin };
  for (let index = 0; index < count; index += 1) {
    const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {
      pupil: pupilJson(`Enfant${'é'.repeat(index + 1)}`, certificateBytes > 0),
    };
    if (certificateBytes > 0) {
      multipart.bourse_certificate = {
        name: 'attestation.pdf',
        mimeType: 'application/pdf',
        buffer: onePagePdf(certificateBytes),
      };
    }
    const added = await page.request.post('/api/pupils', { headers, multipart });
    expect(added.status()).toBe(201);
  }
}

test('a large photo is scaled down before it is sent, and the upload is told as it goes', async ({ page }) => {
  await signedInFamily(page);
  // What the app hands to the network: the photo part of each pupil body, measured.
  await page.addInitScript(() => {
    const sent: object[] = [];
    Object.assign(window, { sentPhotos: sent });
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      const photo = body instanceof FormData ? body.get('photo') : null;
      if (photo instanceof Blob) {
        void createImageBitmap(photo).then((bitmap) =>
          sent.push({ size: photo.size, type: photo.type, width: bitmap.width, height: bitmap.height }),
        );
      }
      return send.call(this, body);
    };
  });
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  const original = await jpeg(page, 3000, 2250);
  expect(original.length).toBeLessThan(10 * 1024 * 1024);
  await fillMartinChild(page, 'Inès');
  await page.getByLabel('Photo d’identité pour la carte Pass+').setInputFiles({
    name: 'IMG_2041.jpg',
    mimeType: 'image/jpeg',
    buffer: original,
  });

  // Every text the live region says, in order.
  await page.evaluate(() => {
    const region = document.querySelector('form .sending')!;
    const told: string[] = [];
    Object.assign(window, { told });
    new MutationObserver(() => {
      const text = region.textContent?.trim() ?? '';
      if (text && told.at(-1) !== text) told.push(text);
    }).observe(region, { subtree: true, childList: true, characterData: true });
  });
  // A slow uplink (100 KB/s), so that the upload takes a few seconds, as on a weak 4G signal.
  await throttleUplink(page, 100 * 1024);
  await page.getByRole('button', { name: ADD }).click();
  await expect(page.getByRole('progressbar', { name: /Envoi en cours : \d+ %/ })).toBeVisible();
  await expectNoAxeViolations(page, 'add a child, upload in progress');
  await expect(page.getByRole('status').filter({ hasText: 'Inès : inscription au Pass+ enregistrée' })).toBeFocused({
    timeout: 30_000,
  });
  await throttleUplink(page, null);

  const sent = await page.evaluate(() => (window as unknown as { sentPhotos: { size: number; type: string; width: number; height: number }[] }).sentPhotos);
  expect(sent).toHaveLength(1);
  expect(sent[0].type).toBe('image/jpeg');
  expect([sent[0].width, sent[0].height]).toEqual([1000, 750]);
  expect(sent[0].size).toBeLessThan(original.length / 4);

  const told = await page.evaluate(() => (window as unknown as { told: string[] }).told);
  // Nothing is told in the first 400 ms: the scaling is told if it takes longer, then first.
  expect(told.indexOf('Préparation de la photo…')).toBeLessThanOrEqual(0);
  const percents = told
    .map((text) => text.match(/^Envoi en cours : (\d+)\u00a0%$/)?.[1])
    .filter((percent) => percent !== undefined)
    .map(Number);
  expect(percents.length).toBeGreaterThanOrEqual(2);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(percents.every((percent) => percent % 10 === 0)).toBe(true);
  expect(told).toContain('Presque terminé : enregistrement en cours…');
  // Once answered, the region is empty again (the confirmation takes over).
  await expect(page.locator('form .sending')).toBeEmpty();
});

test('a photo over 10 Mo is sent scaled; one the browser cannot read is refused before it is sent', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/pupils') && request.method() === 'POST') sent += 1;
  });
  // What a 50-megapixel phone gives, as far as the size goes: a PNG of noise over 10 Mo.
  const heavy = Buffer.from(
    (
      await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 2200;
        canvas.height = 1650;
        const context = canvas.getContext('2d')!;
        const pixels = context.createImageData(2200, 1650);
        for (let index = 0; index < pixels.data.length; index += 1) {
          pixels.data[index] = index % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
        }
        context.putImageData(pixels, 0, 0);
        return canvas.toDataURL('image/png');
      })
    ).split(',')[1],
    'base64',
  );
  expect(heavy.length).toBeGreaterThan(10 * 1024 * 1024);
  const photo = page.getByLabel('Photo d’identité pour la carte Pass+');

  await fillMartinChild(page, 'Inès');
  await photo.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0xff) });
  // Not refused when chosen: the browser will try to scale it. It cannot (not an image).
  await expect(page.getByText('Le fichier doit peser 10 Mo au plus')).toHaveCount(0);
  await page.getByRole('button', { name: ADD }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('Le fichier doit peser 10 Mo au plus');
  await expect(summary).toBeFocused();
  expect(sent).toBe(0);
  await expectNoAxeViolations(page, 'add a child, photo too large to send');

  await photo.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: heavy });
  await page.getByRole('button', { name: ADD }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Inès : inscription au Pass+ enregistrée' })).toBeFocused();
  expect(sent).toBe(1);
});

test('leaving the page mid-upload gives the upload up: nothing is stored behind the parent’s back', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await fillMartinChild(page, 'Léa');
  await page.getByLabel('Photo d’identité pour la carte Pass+').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpeg(page, 3000, 2250),
  });
  await throttleUplink(page, 20 * 1024);
  await page.getByRole('button', { name: ADD }).click();
  await expect(page.getByRole('progressbar', { name: /Envoi en cours : \d+ %/ })).toBeVisible();
  await page.getByRole('link', { name: 'Mon compte' }).click();
  // An upload that went on would now finish at once.
  await throttleUplink(page, null);
  await expect(page.getByText('Vous n’avez pas encore inscrit d’enfant.')).toBeVisible();
  // Long enough for an upload that went on to have been stored.
  await page.waitForTimeout(3_000);
  expect((await (await page.request.get('/api/pupils')).json()).pupils).toHaveLength(0);

  // Back on the form, the same child goes through once.
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await fillMartinChild(page, 'Léa');
  await page.getByRole('button', { name: ADD }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Léa : inscription au Pass+ enregistrée' })).toBeFocused();
  expect((await (await page.request.get('/api/pupils')).json()).pupils).toHaveLength(1);
});

test('an eleventh child is refused with a message that says why and what to do', async ({ page }) => {
  await signedInFamily(page);
  await addThroughApi(page, 10);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await fillMartinChild(page, 'Onzième');
  await page.getByRole('button', { name: ADD }).click();
  const refusal = page.getByText('Un compte Pass+ compte 10 enfants au plus');
  await expect(refusal).toBeVisible();
  await expect(page.getByLabel('Prénom de l’élève')).toHaveValue('Onzième');
  await expectNoAxeViolations(page, 'add a child, eleventh refused');
});

test('files beyond the family’s 60 Mo are refused, and nothing is stored', async ({ page }) => {
  await signedInFamily(page);
  // Six children with a 10 MB certificate each: 60,000,000 bytes stored of 62,914,560.
  await addThroughApi(page, 6, 10_000_000);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await fillMartinChild(page, 'Septième');
  await page.getByLabel('L’élève est boursier').check();
  await page.getByLabel('Attestation de bourse').setInputFiles({
    name: 'attestation.pdf',
    mimeType: 'application/pdf',
    buffer: onePagePdf(3_000_000),
  });
  await page.getByRole('button', { name: ADD }).click();
  await expect(page.getByText('Les fichiers de votre compte dépasseraient 60 Mo : rien n’a été enregistré.')).toBeVisible();
  await expect(page.getByLabel('Prénom de l’élève')).toHaveValue('Septième');
  await expectNoAxeViolations(page, 'add a child, files quota reached');
  const pupils = await page.request.get('/api/pupils');
  expect((await pupils.json()).pupils).toHaveLength(6);
});

/** An upload of the family's, sent by hand and held open (its body never ends). */
function heldUpload(baseURL: string, cookie: string): ClientRequest {
  const url = new URL('/api/pupils', baseURL);
  const boundary = 'limite-de-partie';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="pupil"\r\n\r\n${pupilJson('Envoi')}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.jpg"\r\n` +
    'Content-Type: image/jpeg\r\n\r\n';
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      Origin: url.origin,
      Cookie: cookie,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': Buffer.byteLength(head) + 5_000_000,
    },
  });
  // Destroyed at the end of the test: that error is the point.
  request.on('error', () => {});
  request.write(head);
  request.write(Buffer.alloc(64 * 1024, 0x5a));
  return request;
}

test('a third upload while two of the family’s are under way is refused, what was typed kept', async ({ page, baseURL }) => {
  await signedInFamily(page);
  const cookie = (await page.context().cookies())
    .map(({ name, value }) => `${name}=${value}`)
    .join('; ');
  const held = [heldUpload(baseURL!, cookie), heldUpload(baseURL!, cookie)];
  try {
    // Both have their turn once a small upload of the family is refused.
    // A pupil without a name with a photo: refused for the name (nothing stored) until both
    // held uploads have their turn, then refused for the turn. Sent before the held ones are
    // read, it could take the second turn itself: they are given a moment first.
    await page.waitForTimeout(500);
    const headers = { Origin: new URL(baseURL!).origin };
    const photoPart = { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) };
    await expect
      .poll(async () => {
        const tried = await page.request.post('/api/pupils', {
          headers,
          multipart: { pupil: pupilJson(''), photo: photoPart },
        });
        return tried.status();
      })
      .toBe(429);
    await openApp(page, '/mon-compte/ajouter-un-enfant');
    await fillMartinChild(page, 'Léa');
    await page.getByLabel('Photo d’identité pour la carte Pass+').setInputFiles(photoPart);
    await page.getByRole('button', { name: ADD }).click();
    await expect(page.getByText('Deux envois de votre compte sont déjà en cours')).toBeVisible();
    await expect(page.getByLabel('Prénom de l’élève')).toHaveValue('Léa');
    await expectNoAxeViolations(page, 'add a child, two uploads under way');
  } finally {
    held.forEach((request) => request.destroy());
  }
  // Once they are gone, the same submission goes through.
  await expect(async () => {
    await page.getByRole('button', { name: ADD }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Léa : inscription au Pass+ enregistrée' })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 15_000 });
});
