/**
 * The local preview `dashboard.html` (issue 6): written from sample complaints, from the runner's
 * complaints.json shape and from a scenario's own `Dasbor Data` tab; self-contained (Chart.js
 * inlined, no network), the same figures as `Ringkasan`, no personal data. When Chromium is
 * installed (/usr/bin/chromium) the page is opened headless: its charts must draw and a
 * screenshot must come out; without Chromium those two tests are skipped, except under CI
 * (CI=true), where they fail instead (.ci/run installs Chromium).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Complaint } from '../../src/core/complaint';
import { buildFeed } from '../../src/core/dashboard/feed';
import { computeFigures } from '../../src/core/dashboard/figures';
import { slaOf } from '../../src/core/derive';
import { isoWib } from '../../src/core/values';
import { ComplaintJson, previewModel, writeDashboardHtml } from '../../scripts/dashboard-html';
import { OPERATOR, Simulation } from '../../scripts/simulate';
import { parseScenario } from '../../scripts/sim/scenario';
import { CHROMIUM, browserTest, requireChromium } from '../browser/chromium';
import { COMPLAINTS, NOW, UNITS, calendar, ctx, personalStrings } from '../core/dashboard.fixtures';

const withChromium = browserTest;

const dir = mkdtempSync(join(tmpdir(), 'dashboard-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = { units: UNITS.map((u) => ({ ...u, tab: u.name, pics: [], head: '', keywords: [], active: true })) };
const path = writeDashboardHtml(join(dir, 'dashboard.html'), { complaints: COMPLAINTS, config, now: NOW });
const html = readFileSync(path, 'utf8');

/** The chart data the page embeds. */
function embedded(page: string) {
  const m = /<script type="application\/json" id="dashboard-data">([^<]*)<\/script>/.exec(page);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]);
}

/** A complaint as the scenario runner's complaints.json describes it (DESIGN §12). */
function complaintJson(c: Complaint): ComplaintJson {
  const sla = slaOf(c, calendar, ctx.stepDays, NOW);
  return {
    number: c.number,
    receivedAt: isoWib(c.receivedAt),
    recordedAt: isoWib(c.recordedAt)!,
    channel: c.channel,
    category: c.category,
    unit: c.unit || null,
    status: c.status,
    closedAt: isoWib(c.closedAt),
    steps: sla.steps.map((s) => ({ step: s.step, startedAt: isoWib(s.startedAt), doneAt: isoWib(s.doneAt) })),
  };
}

describe('dashboard.html from sample complaints', () => {
  test('is one self-contained file: Chart.js inlined, nothing loaded from the network', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  test('shows the report pages with the figures of the feed', () => {
    for (const page of ['Ikhtisar', 'Tren mingguan per kanal', 'Per unit', 'Kanal dan kategori', 'Daftar terlambat'])
      expect(html).toContain(page);
    const figures = computeFigures(buildFeed(COMPLAINTS, ctx).records, calendar, NOW);
    const data = embedded(html);
    expect(data.status.values).toEqual(figures.byStatus.map((s) => s.count));
    expect(data.weekly.labels).toEqual(['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']);
    expect(data.weekly.series.map((s: { values: number[] }) => s.values)).toEqual([
      [1, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
    ]);
    expect(data.unit.labels).toEqual(figures.byUnit.map((u) => u.key));
    expect(html).toContain('<div class="value">50%</div><div class="label">Tepat waktu</div>');
    // The late list: the overdue complaint first, then the one answered late.
    const late = html.slice(html.indexOf('id="terlambat"'));
    expect(late.indexOf('ADU-2026-0003')).toBeGreaterThan(0);
    expect(late.indexOf('ADU-2026-0003')).toBeLessThan(late.indexOf('ADU-2026-0002'));
    expect(late).not.toContain('ADU-2026-0001');
  });

  test('holds no personal data', () => {
    for (const s of COMPLAINTS.flatMap(personalStrings)) expect(html.includes(s) ? s : '').toBe('');
    for (const fragment of ['rahasia', 'Melati', '@example.org']) expect(html).not.toContain(fragment);
  });

  test('escapes what came from the sheet, in the tables and in the embedded data', () => {
    const hostile = [
      { ...COMPLAINTS[0], category: '<img src=x onerror=alert(1)>', unit: '</script><script>alert(2)</script>' },
    ];
    const page = readFileSync(writeDashboardHtml(join(dir, 'hostile.html'), { complaints: hostile, now: NOW }), 'utf8');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('</script><script>alert(2)');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(embedded(page).unit.labels).toEqual(['</script><script>alert(2)</script>']);
  });

  test("the runner's complaints.json gives the same feed as the register", () => {
    const json = JSON.parse(JSON.stringify(COMPLAINTS.map(complaintJson)));
    expect(previewModel({ complaints: json, config, now: NOW }).records).toEqual(buildFeed(COMPLAINTS, ctx).records);
  });

  test('a folder as output gets dashboard.html', () => {
    const written = writeDashboardHtml(dir, { complaints: COMPLAINTS, config, now: NOW });
    expect(written).toBe(join(dir, 'dashboard.html'));
  });

  withChromium('opens in headless Chromium: every chart draws', () => {
    requireChromium();
    const dom = execFileSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', `file://${path}`],
      { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(dom).toContain('data-charts-drawn="6"');
  });

  withChromium('renders to a screenshot', () => {
    requireChromium();
    const shot = join(dir, 'dashboard.png');
    execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        '--window-size=1280,2400',
        `--screenshot=${shot}`,
        `file://${path}`,
      ],
      { timeout: 60000, stdio: 'ignore' },
    );
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(50_000); // a blank page of that size compresses to a few KB
  });
});

describe('dashboard.html from a scenario run', () => {
  test("uses the run's Dasbor Data tab and shows the numbers of its Ringkasan", () => {
    const scenario = parseScenario(
      JSON.stringify({
        start: '2026-04-06T07:00:00+07:00',
        end: '2026-04-08T17:00:00+07:00',
        admins: ['admin.medsos@example.org'],
        events: [
          {
            at: '2026-04-06T09:10:00+07:00',
            by: 'admin.medsos@example.org',
            submit: {
              receivedAt: '2026-04-06T08:40:00+07:00',
              channel: 'Instagram',
              reporter: '@warga_satu',
              postUrl: 'https://www.instagram.com/p/satu',
              text: 'Toilet Museum Wayang kotor',
              category: 'Fasilitas dan kebersihan',
              unit: 'UP Museum Seni',
            },
          },
          {
            at: '2026-04-06T10:00:00+07:00',
            by: 'admin.medsos@example.org',
            submit: {
              receivedAt: '2026-04-06T09:30:00+07:00',
              channel: 'YouTube',
              reporter: '@warga_dua',
              postUrl: 'https://youtu.be/dua',
              text: 'Jadwal pertunjukan?',
              category: 'Acara dan pertunjukan',
              unit: 'Tentukan otomatis',
            },
          },
        ],
      }),
    );
    const sim = new Simulation(scenario, () => undefined);
    sim.setup();
    scenario.events.forEach((ev, i) => sim.event(ev, i));
    sim.finish();
    sim.rt.call('menuOpenDashboard', [], { user: OPERATOR, kind: 'menu', hasUi: true });
    const sheets = sim.rt.spreadsheet
      .getSheets()
      .map((s) => ({ name: s.getName(), values: s.getDataRange().getValues() }));
    const { records, figures } = previewModel({ sheets, now: sim.rt.now() });
    expect(records.map((r) => r.no_pengaduan)).toEqual(['ADU-2026-0001', 'ADU-2026-0002']);
    const summary = sheets.find((s) => s.name === 'Ringkasan')!.values;
    const statusAt = summary.findIndex((r) => r[0] === 'Status' && r[1] === 'Jumlah');
    expect(summary.slice(statusAt + 1, statusAt + 7).map((r) => r[1])).toEqual(figures.byStatus.map((s) => s.count));
    const page = readFileSync(writeDashboardHtml(join(dir, 'run.html'), { sheets, now: sim.rt.now() }), 'utf8');
    for (const s of ['@warga_satu', '@warga_dua', 'instagram.com/p/satu', 'Toilet Museum Wayang kotor'])
      expect(page).not.toContain(s);
  });
});
