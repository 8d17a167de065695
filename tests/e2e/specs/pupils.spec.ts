// Pupils in a real browser: adding two children in a row, the refusals (age, UAI, files), the
// dashboard's grants, changing and removing a child, with the keyboard alone and axe-core on
// every page and error state.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { signedInFamily } from './family';
import { chooseCollege, fillPupil, jpeg, onePagePdf } from './pupil-form';

// The server's refusals (a file's content) are 4xx answers, which the browser logs.
test.use({ apiRefusalsExpected: true });

test('adds two children in a row, the second reusing the family name and collège', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await expectNoAxeViolations(page, 'add a child');

  await fillPupil(page, 'Inès', ['14', '3', '2014']);
  await page.getByLabel('Nom de l’élève', { exact: true }).fill('Martin');
  await chooseCollege(page, 'anne frank', /Anne Frank \(Antony\)/);
  await expectNoAxeViolations(page, 'add a child, collège chosen');
  await page.getByLabel('5e').check();
  await page.getByLabel('L’élève est boursier').check();
  await page.getByLabel('Attestation de bourse').setInputFiles({
    name: 'attestation.pdf',
    mimeType: 'application/pdf',
    // A one-page PDF: the server parses and disarms certificates, and refuses what is not one.
    buffer: onePagePdf(),
  });
  await page.getByLabel('Photo d’identité pour la carte Pass+').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: await jpeg(page),
  });
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();

  const confirmation = page.getByRole('status').filter({ hasText: 'Inès : inscription au Pass+ enregistrée' });
  await expect(confirmation).toBeFocused();
  await expect(confirmation).toContainText(/Numéro Pass\+ : \d{4} \d{4} \d{4}\./);
  await expectNoAxeViolations(page, 'child added');
  // What siblings share is still there; the rest is empty.
  await expect(page.getByLabel('Nom de l’élève', { exact: true })).toHaveValue('Martin');
  await expect(page.getByRole('combobox', { name: 'Collège' })).toHaveValue(/Anne Frank/);
  await expect(page.getByLabel('Prénom de l’élève')).toHaveValue('');
  await expect(page.getByLabel('Année')).toHaveValue('');

  await fillPupil(page, 'Noé', ['2', '9', '2015']);
  await page.getByLabel('6e').check();
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Noé : inscription au Pass+ enregistrée' })).toBeFocused();

  await page.getByRole('link', { name: 'Voir mes enfants' }).click();
  const ines = page.locator('.pupil-card').filter({ hasText: 'Inès Martin' });
  const noe = page.locator('.pupil-card').filter({ hasText: 'Noé Martin' });
  await expect(ines).toContainText('80 €, 100 € après validation de l’attestation de bourse');
  await expect(ines).toContainText('En attente de validation');
  await expect(ines).toContainText('Collège Anne Frank (Antony) · 0921243B');
  await expect(noe.locator('dd').filter({ hasText: /^80 €$/ })).toBeVisible();
  await expect(noe).toContainText('6e');
  await expectNoAxeViolations(page, 'dashboard');
});

test('a child out of the age range, a wrong UAI and refused files are explained', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle('Erreur : Ajouter un enfant – Pass+');
  await expect(summary).toContainText('Saisissez la date de naissance de l’élève');
  await expect(summary).toContainText('Indiquez le collège de l’élève');
  await expectNoAxeViolations(page, 'add a child, every error');

  await fillPupil(page, 'Léa', ['3', '4', '2020']);
  await page.getByLabel('Nom de l’élève', { exact: true }).fill('Martin');
  await page.getByRole('combobox', { name: 'Collège' }).fill('0921243C');
  await page.getByLabel('4e').check();
  await page.getByLabel('L’élève est boursier').check();
  await page.getByLabel('Attestation de bourse').setInputFiles({
    name: 'grande.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
  });
  // The size is refused as soon as the file is chosen, before anything is sent.
  await expect(page.getByText('Le fichier doit peser 10 Mo au plus')).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();
  await expect(summary).toContainText('cet enfant n’aura pas encore 10 ans');
  await expect(summary).toContainText('La lettre finale de ce code UAI ne correspond pas');
  await expect(page.getByRole('combobox', { name: 'Collège' })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'add a child, age, UAI and size refused');

  // Fixed: now only the renamed file is wrong, and only the server can tell.
  await page.getByLabel('L’élève est boursier').uncheck();
  await page.getByLabel('Année').fill('2014');
  await chooseCollege(page, '0921243B', /Anne Frank/);
  await page.getByLabel('Photo d’identité pour la carte Pass+').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('Ceci est une lettre, pas une photo.'),
  });
  await expect(summary).toHaveCount(1);
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();
  await expect(summary).toContainText('Ce fichier n’est pas une image JPEG ou PNG, même si son nom le laisse penser');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Prénom de l’élève')).toHaveValue('Léa');
  await expectNoAxeViolations(page, 'add a child, renamed file refused');
});

test('a child is changed, and removed after a confirmation', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await fillPupil(page, 'Inès', ['14', '3', '2014']);
  await page.getByLabel('Nom de l’élève', { exact: true }).fill('Martin');
  await chooseCollege(page, 'antony anne', /Anne Frank/);
  await page.getByLabel('5e').check();
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();
  await page.getByRole('link', { name: 'Voir mes enfants' }).click();

  await page.getByRole('link', { name: 'Modifier Inès Martin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier un enfant' })).toBeVisible();
  await expect(page.getByLabel('Prénom de l’élève')).toHaveValue('Inès');
  await expectNoAxeViolations(page, 'change a child');
  await page.getByLabel('4e').check();
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.locator('.pupil-card').filter({ hasText: 'Inès Martin' })).toContainText('4e');

  await page.getByRole('link', { name: 'Modifier Inès Martin' }).click();
  await page.getByRole('button', { name: 'Retirer Inès de mon compte' }).click();
  await expect(page.getByText('Voulez-vous vraiment retirer Inès ?')).toBeVisible();
  await expectNoAxeViolations(page, 'remove a child, confirmation');
  await page.getByRole('button', { name: 'Oui, retirer cet enfant' }).click();
  await expect(page.getByText('Vous n’avez pas encore inscrit d’enfant.')).toBeVisible();
});

test('a child is added with the keyboard alone, the collège chosen with the arrows', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  // The form appears once the session is confirmed: start from the heading only then.
  await expect(page.getByLabel('Prénom de l’élève')).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  for (const value of ['Zoé', 'Lefèvre', '1', '9', '2013']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Tab');
  const college = page.getByRole('combobox', { name: 'Collège' });
  await expect(college).toBeFocused();
  await page.keyboard.type('anne frank');
  await expect(page.getByRole('option', { name: /Anne Frank \(Antony\)/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(college).toHaveAttribute('aria-activedescendant', 'college-option-0');
  await page.keyboard.press('Enter');
  await expect(college).toHaveValue(/Anne Frank \(Antony\)/);
  await expect(college).toHaveAttribute('aria-expanded', 'false');
  // Into the class radios: the first is chosen with the space bar, the arrows move the choice.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('6e')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('5e')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('L’élève est boursier')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Photo d’identité pour la carte Pass+')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ajouter cet enfant' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Zoé : inscription au Pass+ enregistrée' })).toBeFocused();
});

test('a click on the button right after typing a wrong value is not lost to the error shown', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await page.getByLabel('Prénom de l’élève').fill('Inès');
  // Focus stays in the field: leaving it for the button shows its error above the button.
  await page.getByLabel('Nom de l’élève', { exact: true }).fill('M4rtin');
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Le nom de famille ne peut contenir que des lettres');
  await expect(page).toHaveTitle('Erreur : Ajouter un enfant – Pass+');
});

test('the summary leads to the part of the date that is wrong', async ({ page }) => {
  await signedInFamily(page);
  await openApp(page, '/mon-compte/ajouter-un-enfant');
  await page.getByLabel('Jour').fill('14');
  await page.getByLabel('Année').fill('2014');
  await page.getByRole('button', { name: 'Ajouter cet enfant' }).click();
  await page.locator('.error-summary').getByRole('link', { name: 'La date de naissance doit comporter un mois.' }).click();
  await expect(page.getByLabel('Mois')).toBeFocused();
});
