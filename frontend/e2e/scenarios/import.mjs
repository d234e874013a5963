// Importing documents through the web app: a facilitator turns a Markdown file into a new paper
// after seeing the sections it becomes, then imports a Word file (made by pandoc, software Plenary
// did not write) into the paper's outline, cut at the second heading level; a PDF renamed .docx is
// refused next to the file field, and nothing is imported. The facilitator then downloads a review
// copy for Word of the paper, and it imports back into the same sections.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { axeCheck, check } from '../lib/harness.mjs';
import { signInLocally } from './sign-in.mjs';

/** The app's English wording the scenario relies on (one place to adjust). */
const L = {
  newPaper: /^import a document as a new paper$/i,
  intoPaper: /^import a document$/i,
  file: /^file \(docx, odt or markdown/i,
  level: /^start a new section at each heading of level/i,
  preview: /^show the sections$/i,
  createPaper: (/** @type {number} */ n) => new RegExp(`^create the paper with ${n} sections$`, 'i'),
  importSections: (/** @type {number} */ n) => new RegExp(`^import ${n} sections$`, 'i'),
  reviewCopy: /^download a review copy \(word\)$/i,
};

const MARKDOWN = `# Why connectivity matters

Schools in the camp share one satellite link.

# What we ask

1. Spectrum for community networks.
2. Offline-first services.
`;

const WORD_SOURCE = `# Annex: testimonies

## From Goma

Radio stations kept people informed when the **mobile network** went down.

## From Aleppo

Volunteers printed bulletins; see the [report](https://example.org/report).
`;

/** @param {any} t */
export async function run(t) {
  const { session, config } = t;
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-e2e-import-'));
  writeFileSync(path.join(dir, 'in.md'), WORD_SOURCE);
  execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'testimonies.docx'), path.join(dir, 'in.md')]);
  const docx = readFileSync(path.join(dir, 'testimonies.docx'));
  const title = `Connectivity in camps ${Date.now().toString(36)}`;

  const owner = await session.persona('importer');
  await t.step('a Markdown file becomes a new paper after a preview of its sections', async () => {
    await owner.goto('/');
    await signInLocally(owner, config.adminHandle, config.adminPassword);
    await owner.locator('[data-screen="papers"]').waitFor();
    await owner.getByText(L.newPaper).click();
    const panel = owner.locator('details.import');
    await panel.getByLabel(L.file).setInputFiles({ name: `${title}.md`, mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
    await panel.getByRole('button', { name: L.preview }).click();
    await panel.getByText('Why connectivity matters').waitFor();
    await panel.getByText('What we ask').waitFor();
    await session.screen(owner, 'import-new-paper-preview');
    await axeCheck(owner, 'import preview');
    await panel.getByRole('button', { name: L.createPaper(2) }).click();
    await owner.getByRole('heading', { name: title, level: 1 }).waitFor();
    await owner.getByRole('link', { name: /why connectivity matters/i }).first().waitFor();
  });

  await t.step('a Word file is imported into the outline, cut at the second level', async () => {
    const paperId = /#\/papers\/(\d+)/.exec(owner.url())?.[1];
    check(paperId !== undefined, `the paper's address names it: ${owner.url()}`);
    await owner.goto(`/#/papers/${paperId}/settings`);
    const panel = owner.locator('details.import');
    await panel.getByText(L.intoPaper).click();
    await panel.getByLabel(L.file).setInputFiles({
      name: 'testimonies.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await panel.getByLabel(L.level).selectOption('2');
    await panel.getByRole('button', { name: L.preview }).click();
    await panel.getByText('From Goma').waitFor();
    await session.screen(owner, 'import-docx-preview');
    await panel.getByRole('button', { name: L.importSections(3) }).click();
    const outline = owner.locator('ol.outline');
    await outline.getByRole('link', { name: /from aleppo/i }).waitFor();
    const headings = await outline.locator('.outline-link').allInnerTexts();
    check(
      JSON.stringify(headings.map((h) => h.replace(/^\d+\.\s*/, '').trim()).slice(-3)) ===
        JSON.stringify(['Annex: testimonies', 'From Goma', 'From Aleppo']),
      `the outline ends with the Word file's sections: ${JSON.stringify(headings)}`,
    );
  });

  await t.step('a PDF named .docx is refused next to the file field, and nothing is imported', async () => {
    const panel = owner.locator('details.import');
    const before = await owner.locator('ol.outline .outline-link').count();
    const stopExpecting = session.expectConsoleError('importer', /status of 422/);
    await panel.getByLabel(L.file).setInputFiles({ name: 'report.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('%PDF-1.7\n') });
    await panel.getByRole('button', { name: L.preview }).click();
    await panel.getByText(/is a PDF/).first().waitFor();
    check((await panel.getByLabel(L.file).getAttribute('aria-invalid')) === 'true', 'the file field is marked invalid');
    check((await owner.locator('ol.outline .outline-link').count()) === before, 'nothing was imported');
    stopExpecting();
  });

  await t.step('a review copy for Word of the paper downloads, and reads back as its sections', async () => {
    const paperId = /#\/papers\/(\d+)/.exec(owner.url())?.[1];
    await owner.goto(`/#/papers/${paperId}/publish`);
    const button = owner.getByRole('button', { name: L.reviewCopy });
    await button.waitFor();
    const [download] = await Promise.all([owner.waitForEvent('download'), button.click()]);
    check(/-for-review\.docx$/.test(download.suggestedFilename()), `the file says what it is (${download.suggestedFilename()})`);
    const file = path.join(config.downloads, `import-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const bytes = readFileSync(file);
    check(bytes.subarray(0, 2).toString() === 'PK', 'the review copy is a DOCX (a ZIP)');
    const token = await t.api.signIn(config.adminHandle, config.adminPassword);
    const preview = await fetch(`${config.baseUrl}/api/papers/imports/preview?filename=review.docx`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
      body: bytes,
    }).then((r) => r.json());
    const headings = preview.sections.map((/** @type {{heading: string}} */ s) => s.heading);
    check(
      JSON.stringify(headings) ===
        JSON.stringify(['Why connectivity matters', 'What we ask', 'Annex: testimonies', 'From Goma', 'From Aleppo']),
      `the review copy reads back as the paper's sections: ${JSON.stringify(headings)}`,
    );
  });
}
