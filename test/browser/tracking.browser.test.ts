/**
 * The citizen's tracking page (DESIGN §15, issue 16) in a real headless Chromium (Debian's
 * package, driven by playwright-core) against the local runtime's web app on 127.0.0.1: the
 * page renders with the right status and steps, the rating form submits (also with JavaScript
 * off), a wrong code shows "tidak ditemukan", no personal data reaches the DOM, and at 360 px
 * the page has no horizontal scroll. Runs on the built bundle (npm run build).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Sheet } from '../../emulator/spreadsheet';
import { serveWebApp, type WebAppServer } from '../../emulator/web/server';
import { Simulation } from '../../scripts/simulate';
import { parseScenario } from '../../scripts/sim/scenario';
import { HAS_CHROMIUM, IN_CI, browserTest, launchChromium } from './chromium';

const ADMIN = 'admin.medsos@example.org';
const PIC = 'pic.museum.seni@example.org';
const PERSONAL = {
  reporters: ['@warga_sartika', 'Budi Hartono (Facebook)', '@rina.kuliner'],
  texts: [
    'Toilet Museum Wayang kotor sekali dan baunya menyengat',
    'Keramik pecah di ruang pamer',
    'Jadwal pertunjukan tari minggu depan?',
  ],
  postUrls: [
    'https://www.instagram.com/p/Cx9pSartika/',
    'https://www.facebook.com/disbuddki/posts/pfbidBudi',
    'https://x.com/rina/status/1',
  ],
  followUp: 'Petugas kebersihan Pak Darto sudah menindaklanjuti pukul 10.00',
};
// A long unbroken token in the answer: the page must still fit 360 px.
const REPLY =
  'Terima kasih @warga_sartika, toilet sudah dibersihkan. Info: https://www.jakarta.go.id/sangat/panjang/sekali/tanpa/spasi/museum-wayang-toilet-bersih-2026';
const REPLY_URL = 'https://www.instagram.com/p/Cx9pSartika/c/17999';

const dir = mkdtempSync(join(tmpdir(), 'tracking-browser-'));
let server: WebAppServer | null = null;
let sim: Simulation | null = null;
let browser: Browser | null = null;

const run = HAS_CHROMIUM || IN_CI;

beforeAll(async () => {
  if (!run) return;
  server = await serveWebApp(() => sim?.rt ?? null);
  const submit = (at: string, i: number, unit: string) => ({
    at,
    by: ADMIN,
    submit: {
      receivedAt: at.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) - 1).padStart(2, '0')}`),
      channel: ['Instagram', 'Facebook', 'Twitter/X'][i],
      reporter: PERSONAL.reporters[i],
      postUrl: PERSONAL.postUrls[i],
      text: PERSONAL.texts[i],
      category: 'Fasilitas dan kebersihan',
      unit,
    },
  });
  const scenario = parseScenario(
    JSON.stringify({
      start: '2026-04-06T07:00:00+07:00',
      end: '2026-04-10T17:00:00+07:00',
      admins: [ADMIN],
      units: [
        {
          name: 'UP Museum Seni',
          kind: 'UKPD',
          pics: [PIC],
          head: 'kepala.seni@example.org',
          keywords: ['museum wayang'],
        },
        { name: 'Bidang Pelindungan Kebudayaan', kind: 'Bidang', pics: ['pic.pelindungan@example.org'] },
      ],
      settings: { url_pantau: server.url },
      events: [
        submit('2026-04-06T09:10:00+07:00', 0, 'UP Museum Seni'),
        submit('2026-04-06T10:00:00+07:00', 1, 'Bidang Pelindungan Kebudayaan'),
        submit('2026-04-06T11:00:00+07:00', 2, 'Tentukan otomatis'),
        { at: '2026-04-06T13:00:00+07:00', by: PIC, update: { ref: 1, status: 'Diproses' } },
        {
          at: '2026-04-07T10:00:00+07:00',
          by: PIC,
          update: { ref: 1, followUp: PERSONAL.followUp, status: 'Selesai' },
        },
        { at: '2026-04-07T11:00:00+07:00', by: ADMIN, answer: { ref: 1, reply: REPLY, replyUrl: REPLY_URL } },
      ],
    }),
  );
  sim = new Simulation(scenario, () => undefined);
  sim.setup();
  scenario.events.forEach((ev, i) => sim!.event(ev, i));
  expect(sim.problems).toEqual([]);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The link the admin pastes into the reply: the register's `Tautan Pantau`. */
function linkOf(number: string): string {
  const reg = sim!.rt.spreadsheet.getSheetByName('Pengaduan') as Sheet;
  const values = reg.getDataRange().getValues();
  const h = values[0].map(String);
  const row = values.find((r) => r[h.indexOf('No. Pengaduan')] === number)!;
  return String(row[h.indexOf('Tautan Pantau')]);
}

async function open(url: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser!.newContext({
    viewport: { width: options.width ?? 390, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return page;
}

/**
 * Submits a form by clicking `selector`: the page's forms open in a new tab (`<base
 * target="_blank">`, as Apps Script's sandbox requires for a bound project); returns that tab.
 */
async function submitInNewTab(page: Page, selector: string): Promise<Page> {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click(selector)]);
  await tab.waitForLoadState();
  return tab;
}

function assertNoPersonalData(html: string): void {
  for (const s of [
    ...PERSONAL.reporters,
    ...PERSONAL.texts,
    ...PERSONAL.postUrls,
    PERSONAL.followUp,
    REPLY_URL,
    'warga_sartika',
    'Budi',
    'Hartono',
  ])
    expect(html).not.toContain(s);
  expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/); // no email address
}

describe('tracking page in Chromium', () => {
  browserTest('the answered complaint renders: status, five steps with times, the scrubbed answer', async () => {
    const link = linkOf('ADU-2026-0001');
    expect(link).toMatch(new RegExp(`^${server!.url.replace(/[.]/g, '\\.')}\\?no=ADU-2026-0001&k=[0-9A-Z]{8}$`));
    const page = await open(link);
    expect(await page.title()).toBe('ADU-2026-0001 — Pantau Pengaduan');
    expect(await page.textContent('#status')).toBe('Dijawab');
    expect(await page.locator('#tahapan li.done').count()).toBe(5);
    expect(await page.textContent('#jawaban')).toContain('toilet sudah dibersihkan');
    expect(await page.locator('#jawaban a').count()).toBe(0); // the reply link points at the citizen's post
    expect(await page.locator('#penilaian form').count()).toBe(1);
    await page.context().close();
  });

  browserTest('an open complaint shows "menunggu" for the steps not done and offers no rating', async () => {
    const page = await open(linkOf('ADU-2026-0002'));
    expect(await page.textContent('#status')).toBe('Diteruskan');
    const whens = await page.locator('#tahapan li .when').allTextContents();
    expect(whens.slice(2)).toEqual(['menunggu', 'menunggu', 'menunggu']);
    expect(whens[0]).toMatch(/WIB$/);
    expect(await page.locator('#penilaian').count()).toBe(0);
    await page.context().close();
  });

  browserTest('the rating form submits, is kept in Penilaian, and the page shows it (JavaScript off)', async () => {
    const page = await open(linkOf('ADU-2026-0001'), { javaScript: false });
    await page.check('input[name="nilai"][value="4"]');
    await page.fill('#komentar', 'Cepat ditangani, terima kasih =SUM(A1)');
    const done = await submitInNewTab(page, '#penilaian button[type="submit"]');
    expect(await done.textContent('.notice')).toBe('Terima kasih, penilaian Anda telah kami terima.');
    expect(await done.textContent('#penilaian')).toContain('Penilaian Anda: 4 dari 5');
    const tab = (sim!.rt.spreadsheet.getSheetByName('Penilaian') as Sheet).getDataRange().getValues();
    expect(tab.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['ADU-2026-0001', 4, 'Cepat ditangani, terima kasih =SUM(A1)'],
    ]);
    // A second rating replaces the first; the page opened again (cache cleared) shows it.
    await done.check('input[name="nilai"][value="5"]');
    await submitInNewTab(done, '#penilaian button[type="submit"]');
    const again = await open(linkOf('ADU-2026-0001'));
    expect(await again.textContent('#penilaian')).toContain('Penilaian Anda: 5 dari 5');
    const rows = (sim!.rt.spreadsheet.getSheetByName('Penilaian') as Sheet).getDataRange().getValues().slice(1);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['ADU-2026-0001', 5]]);
    await page.context().close();
    await again.context().close();
  });

  browserTest('a wrong code shows "tidak ditemukan", exactly like a number that does not exist', async () => {
    const wrong = await open(`${server!.url}?no=ADU-2026-0001&k=ABCD2345`);
    expect(await wrong.textContent('body')).toContain('tidak ditemukan');
    const unknown = await open(`${server!.url}?no=ADU-2026-0999&k=ABCD2345`);
    expect(await unknown.content()).toBe(await wrong.content());
    await wrong.context().close();
    await unknown.context().close();
  });

  browserTest('the search box finds a complaint by number and code', async () => {
    const page = await open(server!.url);
    const code = new URL(linkOf('ADU-2026-0003')).searchParams.get('k')!;
    await page.fill('#no', 'ADU-2026-0003');
    await page.fill('#k', code.toLowerCase());
    const found = await submitInNewTab(page, '#cari button');
    expect(await found.textContent('#nomor')).toBe('ADU-2026-0003');
    await page.context().close();
  });

  browserTest('no personal data in the DOM of any page', async () => {
    for (const url of [
      linkOf('ADU-2026-0001'),
      linkOf('ADU-2026-0002'),
      linkOf('ADU-2026-0003'),
      `${server!.url}?no=ADU-2026-0001&k=X`,
      server!.url,
    ]) {
      const page = await open(url);
      assertNoPersonalData(await page.content());
      await page.context().close();
    }
  });

  browserTest('at 360 px wide there is no horizontal scroll (screenshot taken)', async () => {
    const page = await open(linkOf('ADU-2026-0001'), { width: 360 });
    const widths = await page.evaluate<{ scroll: number; client: number }>(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(widths.client).toBe(360);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const shot = join(dir, 'tracking-360.png');
    await page.screenshot({ path: shot, fullPage: true });
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(360); // IHDR width
    await page.context().close();
  });
});
