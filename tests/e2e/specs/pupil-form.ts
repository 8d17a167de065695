// Filling the pupil form as a parent does, and the files a parent sends, shared by the specs
// of the pupils and of the uploads.
import { expect } from './fixtures';
import type { Page } from '@playwright/test';

/** A real JPEG of `width` × `height`, drawn and encoded by the browser itself. */
export async function jpeg(page: Page, width = 30, height = 40): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([width, height]) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      // A gradient with grain, as a camera gives: it compresses like a photo, not like a flat area.
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#3366cc');
      gradient.addColorStop(1, '#cc9933');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height);
      for (let index = 0; index < pixels.data.length; index += 1) {
        if (index % 4 !== 3) pixels.data[index] += Math.floor(Math.random() * 48) - 24;
      }
      context.putImageData(pixels, 0, 0);
      return canvas.toDataURL('image/jpeg', 0.92);
    },
    [width, height],
  );
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/**
 * A real one-page PDF of about `size` bytes, with a correct xref table. The size is in the page's
 * content stream (comment lines, which draw nothing), so that it survives the server's disarming,
 * which rewrites the file.
 */
export function onePagePdf(size = 0): Buffer {
  const line = `%${'x'.repeat(98)}\n`;
  const content = line.repeat(Math.max(0, Math.floor((size - 400) / line.length)));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj ${object} endobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

export async function chooseCollege(page: Page, typed: string, option: RegExp) {
  const field = page.getByRole('combobox', { name: 'Collège' });
  await field.fill(typed);
  await page.getByRole('option', { name: option }).click();
  await expect(field).toHaveValue(option);
}

export async function fillPupil(page: Page, givenName: string, [day, month, year]: string[]) {
  await page.getByLabel('Prénom de l’élève').fill(givenName);
  await page.getByLabel('Jour').fill(day);
  await page.getByLabel('Mois').fill(month);
  await page.getByLabel('Année').fill(year);
}

/** Everything but the files, for a child of the Martin family at the Anne Frank collège. */
export async function fillMartinChild(page: Page, givenName: string) {
  await fillPupil(page, givenName, ['14', '3', '2014']);
  await page.getByLabel('Nom de l’élève', { exact: true }).fill('Martin');
  await chooseCollege(page, 'anne frank', /Anne Frank \(Antony\)/);
  await page.getByLabel('5e').check();
}

/** The pupil part of a multipart body, as the app sends it. */
export function pupilJson(givenName: string, bourseHolder = false): string {
  return JSON.stringify({
    given_name: givenName,
    family_name: 'Martin',
    birth_date: { day: '14', month: '3', year: '2014' },
    college_uai: '0921243B',
    class: '5e',
    bourse_holder: bourseHolder,
  });
}

/** Adds Martin children of these names through the API, with the session the page holds. */
export async function addChildrenThroughApi(page: Page, names: string[]) {
  // The server of the page: the suite has more than one.
  const origin = new URL(page.url()).origin;
  const headers = { Origin: origin };
  for (const name of names) {
    const added = await page.request.post(`${origin}/api/pupils`, { headers, multipart: { pupil: pupilJson(name) } });
    if (added.status() !== 201) throw new Error(`adding ${name}: ${added.status()} ${await added.text()}`);
  }
}
