/**
 * Issue 18, bad files: a file that is not a cassette is named in its own terms ("a PNG image, not
 * a cassette"), without a line and column that mean nothing for bytes; a text file that fails to
 * parse keeps its line and column. A failed file never takes the selection away from the
 * cassette that was shown: it is listed as failed, and its panel opens when its entry is chosen.
 */
import { gzipSync } from 'fflate';
import { dropFiles, expect, openSample, test, type DropFile } from './support/fixtures';

const bytes = (...values: number[]) => new Uint8Array(values);
const PNG = bytes(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  13,
  0x49,
  0x48,
  0x44,
  0x52,
  0,
  0,
  0,
  1,
);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0x00);

const CASES: { file: DropFile; says: string }[] = [
  { file: { name: 'screenshot.yaml', content: PNG }, says: 'This is a PNG image, not a cassette.' },
  {
    file: { name: 'photo.jpg', content: bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46) },
    says: 'This is a JPEG image, not a cassette.',
  },
  {
    file: { name: 'anim.gif', content: new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000') },
    says: 'This is a GIF image, not a cassette.',
  },
  {
    file: { name: 'report.pdf', content: new TextEncoder().encode('%PDF-1.7\n1 0 obj\n') },
    says: 'This is a PDF document, not a cassette.',
  },
  { file: { name: 'cassettes.zip', content: ZIP }, says: 'This is a ZIP archive, not a cassette.' },
  {
    file: { name: 'module.wasm', content: bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0) },
    says: 'This is a WebAssembly module, not a cassette.',
  },
  {
    file: { name: 'blob.yaml.gz', content: gzipSync(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0)) },
    says: 'This is a gzip-compressed file holding binary data, not a cassette',
  },
  {
    file: { name: 'cassette.yaml', content: '<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>\n' },
    says: 'This is an HTML page, not a cassette',
  },
  {
    file: { name: 'a.out', content: bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0) },
    says: 'This is binary data, not a cassette',
  },
];

test('files that are not cassettes are named in their own terms, with no line or column', async ({
  page,
}) => {
  await page.goto('./');
  for (const { file, says } of CASES) {
    await dropFiles(page, [file]);
    const list = page.getByRole('navigation', { name: 'Open cassettes' });
    await list.getByRole('button', { name: new RegExp(`^${file.name.replace(/\./g, '\\.')}`) }).click();
    const panel = page.getByRole('alert').filter({ hasText: `Could not open ${file.name}` });
    await expect(panel).toContainText(says, { timeout: 30_000 });
    await expect(panel).not.toContainText(/Line \d+|column \d+/);
    await expect(panel.getByLabel('Snippet around the error')).toHaveCount(0);
  }
});

test('a text file that is not UTF-8 keeps its line and column', async ({ page }) => {
  await page.goto('./');
  // "v: x" then Latin-1 "é" (0xE9) on line 2, column 4: text, only in another encoding.
  await dropFiles(page, [
    { name: 'latin1.yaml', content: bytes(0x76, 0x3a, 0x20, 0x78, 0x0a, 0x61, 0x3a, 0x20, 0xe9) },
  ]);
  const panel = page.getByRole('alert');
  await expect(panel).toContainText('not UTF-8 text', { timeout: 30_000 });
  await expect(panel).toContainText('Line 2, column 4');
});

test('a PNG dropped while the sample is open leaves the sample shown; its failure is one click away', async ({
  page,
}) => {
  await page.goto('./');
  await openSample(page);
  await page.getByRole('grid', { name: 'Interactions' }).getByRole('row').nth(2).click();
  await expect(page.getByRole('tab', { name: /^Raw/ })).toContainText('call 2');

  await dropFiles(page, [{ name: 'diagram.png', content: PNG }]);
  const list = page.getByRole('navigation', { name: 'Open cassettes' });
  const failedEntry = list.getByRole('listitem').filter({ hasText: 'diagram.png' });
  await expect(failedEntry).toContainText('could not load', { timeout: 30_000 });
  // The cassette that was open stays open, on the same call.
  await expect(page.getByRole('status')).toHaveText('2 interactions');
  await expect(page.getByRole('tab', { name: /^Raw/ })).toContainText('call 2');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await failedEntry.getByRole('button', { name: /^diagram\.png/ }).click();
  await expect(page.getByRole('alert')).toContainText('This is a PNG image, not a cassette.');
  await expect(page.getByRole('status')).toHaveText('Could not open diagram.png');
});
