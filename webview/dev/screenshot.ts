/**
 * Renders the trend panel in headless Chromium outside the editor, the way VS Code hosts it
 * (same HTML and CSP, a stub `acquireVsCodeApi`, theme variables on <html>, a theme class on
 * <body>), feeds it a run through the real host-side code, drives it, and takes screenshots.
 *
 *   node --import tsx webview/dev/screenshot.ts [outDir]
 *
 * Exits non-zero when a check fails (CSP violations, missing chart data, keyboard selection).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { RunState } from '../../src/analysis/run-state';
import type { TraceEvent } from '../../src/analysis/trace';
import { buildView, SyncState } from '../host-view';
import { trendPageHtml } from '../html';
import { PROTOCOL_VERSION, type FromWebview, type Selection, type ToWebview } from '../messages';
import { sampleEvents } from './sample-run';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'test-results'));
const ASSETS = path.join(OUT, 'trend-panel-assets');

const THEMES: Record<string, { cls: string; vars: Record<string, string> }> = {
  light: {
    cls: 'vscode-light',
    vars: {
      foreground: '#3b3b3b', descriptionForeground: '#717171', 'editor-background': '#ffffff', 'charts-foreground': '#616161', 'charts-lines': 'rgba(97, 97, 97, 0.5)',
      'charts-red': '#e51400', 'charts-blue': '#1a85ff', 'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
      errorForeground: '#e51400', 'editorWarning-foreground': '#bf8803', focusBorder: '#005fb8', 'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000',
      'list-inactiveSelectionBackground': '#e4e6f1', 'list-hoverBackground': '#f2f2f2', 'list-focusOutline': '#005fb8', 'panel-border': '#e5e5e5', 'widget-border': '#e5e5e5',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc', 'textLink-foreground': '#005fb8',
      'statusBarItem-errorBackground': '#c72e0f', 'statusBarItem-errorForeground': '#ffffff', 'statusBarItem-warningBackground': '#725102', 'statusBarItem-warningForeground': '#ffffff',
      'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece', 'editor-selectionBackground': '#add6ff',
    },
  },
  dark: {
    cls: 'vscode-dark',
    vars: {
      foreground: '#cccccc', descriptionForeground: '#9d9d9d', 'editor-background': '#1f1f1f', 'charts-foreground': '#cccccc', 'charts-lines': 'rgba(204, 204, 204, 0.5)',
      'charts-red': '#f14c4c', 'charts-blue': '#3794ff', 'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
      errorForeground: '#f85149', 'editorWarning-foreground': '#cca700', focusBorder: '#0078d4', 'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff',
      'list-inactiveSelectionBackground': '#37373d', 'list-hoverBackground': '#2a2d2e', 'list-focusOutline': '#0078d4', 'panel-border': '#2b2b2b', 'widget-border': '#313131',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c', 'textLink-foreground': '#4daafc',
      'statusBarItem-errorBackground': '#c72e0f', 'statusBarItem-errorForeground': '#ffffff', 'statusBarItem-warningBackground': '#7a6400', 'statusBarItem-warningForeground': '#ffffff',
      'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c', 'editor-selectionBackground': '#264f78',
    },
  },
  'high-contrast': {
    cls: 'vscode-high-contrast',
    vars: {
      foreground: '#ffffff', descriptionForeground: '#ffffffb3', 'editor-background': '#000000', 'charts-foreground': '#ffffff', 'charts-lines': 'rgba(255, 255, 255, 0.5)',
      'charts-red': '#f48771', 'charts-blue': '#75beff', 'charts-yellow': '#ffd370', 'charts-orange': '#ffb16b', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
      errorForeground: '#f48771', 'editorWarning-foreground': '#ffd370', focusBorder: '#f38518', contrastBorder: '#6fc3df', 'list-focusOutline': '#f38518',
      'panel-border': '#6fc3df', 'widget-border': '#6fc3df', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff', 'button-border': '#6fc3df', 'textLink-foreground': '#21a6ff',
      'statusBarItem-errorBackground': '#000000', 'statusBarItem-errorForeground': '#ffffff', 'statusBarItem-warningBackground': '#000000', 'statusBarItem-warningForeground': '#ffffff',
      'dropdown-background': '#000000', 'dropdown-foreground': '#ffffff', 'dropdown-border': '#6fc3df',
    },
  },
};
const FONT = { 'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace' };

function themeStyle(name: string): string {
  const t = THEMES[name]!;
  return Object.entries({ ...FONT, ...t.vars })
    .map(([k, v]) => `--vscode-${k}: ${v};`)
    .join(' ');
}

function themeVars(name: string): Array<[string, string]> {
  return Object.entries({ ...FONT, ...THEMES[name]!.vars }).map(([k, v]) => [`--vscode-${k}`, v]);
}

async function bundle(): Promise<void> {
  fs.mkdirSync(ASSETS, { recursive: true });
  await build({ entryPoints: [path.join(ROOT, 'webview/main.ts')], outfile: path.join(ASSETS, 'webview.js'), bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, logLevel: 'warning' });
  fs.copyFileSync(path.join(ROOT, 'node_modules/uplot/dist/uPlot.min.css'), path.join(ASSETS, 'uPlot.min.css'));
}

function serve(): Promise<{ origin: string; close(): void }> {
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    if (name === 'favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = path.join(ASSETS, name);
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : 'text/html';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address() as { port: number };
      resolve({ origin: `http://127.0.0.1:${a.port}`, close: () => server.close() });
    }),
  );
}

function page(origin: string, theme: string): string {
  const nonce = 'dGVzdG5vbmNlMTIzNDU2Nzg5MA';
  const html = trendPageHtml({ cspSource: origin, nonce, scriptUri: `${origin}/webview.js`, styleUris: [`${origin}/uPlot.min.css`, `${origin}/webview.css`] });
  // VS Code puts the theme variables on <html> and the theme class on <body>.
  return html.replace('<html lang="en">', `<html lang="en" style='${themeStyle(theme)}'>`).replace('<body>', `<body class="${THEMES[theme]!.cls}">`);
}

/** The host side: a real RunState fed with the sample trace, and the panel's sync logic. */
class FakeHost {
  readonly state = new RunState('/work/project/train.js');
  readonly sync = new SyncState();
  selection: Selection | null = null;
  constructor(private readonly page: Page) {}

  feed(events: TraceEvent[]): void {
    for (const e of events) this.state.ingest(e);
  }

  async send(m: ToWebview): Promise<void> {
    await this.page.evaluate((msg) => window.postMessage(msg, '*'), m as unknown as Record<string, unknown>);
  }

  async snapshot(live = true): Promise<void> {
    const v = buildView(this.state, this.selection, live);
    const s = this.sync.snapshot(v);
    await this.send({ type: 'snapshot', v: PROTOCOL_VERSION, seq: s.seq, head: v.head, layers: v.layers, series: s.series });
  }

  async update(live = true): Promise<void> {
    const u = this.sync.update(buildView(this.state, this.selection, live));
    if (u) await this.send({ type: 'update', ...u });
  }

  /** Answers what the webview posted since the last call. */
  async pump(): Promise<FromWebview[]> {
    const posted = (await this.page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.splice(0))) as FromWebview[];
    for (const m of posted) {
      if (m.type === 'ready') {
        this.selection = m.selection ?? this.selection;
        await this.snapshot();
      } else if (m.type === 'selectLayer') {
        this.selection = { modelId: m.modelId, layer: m.layer };
        await this.update();
      }
    }
    return posted;
  }
}

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

async function main(): Promise<void> {
  await bundle();
  const srv = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const events = sampleEvents();
  try {
    for (const [theme, width] of [['light', 980], ['dark', 980], ['high-contrast', 980], ['dark', 520]] as const) {
      const ctx = await browser.newContext({ viewport: { width, height: 860 }, deviceScaleFactor: 1 });
      const p = await ctx.newPage();
      const problems: string[] = [];
      p.on('console', (m) => {
        if ((m.type() === 'error' || m.type() === 'warning') && !/faultline: ignored invalid/.test(m.text())) problems.push(m.text());
      });
      p.on('pageerror', (e) => problems.push(String(e)));
      // tsx compiles the functions handed to the page with esbuild's keepNames helper.
      await p.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await p.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w['__posted'] = [];
        // Like VS Code, state outlives the page (hide/show, reload).
        w['acquireVsCodeApi'] = () => ({
          postMessage: (m: unknown) => (w['__posted'] as unknown[]).push(m),
          getState: () => JSON.parse(sessionStorage.getItem('vscode-state') ?? 'null') ?? undefined,
          setState: (s: unknown) => {
            sessionStorage.setItem('vscode-state', JSON.stringify(s));
            w['__state'] = s;
          },
        });
      });
      fs.writeFileSync(path.join(ASSETS, 'index.html'), page(srv.origin, theme));
      await p.goto(`${srv.origin}/index.html`);
      const host = new FakeHost(p);
      // Half the run, then live updates in chunks.
      host.feed(events.slice(0, 160));
      const first = await host.pump();
      check(first[0]?.type === 'ready', `${theme}: webview says ready`);
      for (let at = 160; at < events.length; at += 40) {
        host.feed(events.slice(at, at + 40));
        await host.update();
      }
      await host.update(false);
      await p.waitForTimeout(300);

      const info = await p.evaluate(() => {
        const q = (s: string) => document.querySelector<HTMLElement>(s);
        return {
          loss: Number(q('[data-chart="loss"]')?.dataset['points']),
          out: Number(q('[data-chart="layer-output"]')?.dataset['points']),
          grad: Number(q('[data-chart="layer-grad"]')?.dataset['points']),
          layer: q('[data-chart="layer-output"]')?.dataset['layer'],
          faulty: q('.option [data-faulty]')?.closest<HTMLElement>('li')?.dataset['layer'],
          selected: q('[role="option"][aria-selected="true"]')?.dataset['layer'],
          canvases: document.querySelectorAll('canvas').length,
        };
      });
      check(info.loss === 300, `${theme}: loss chart has 300 points (${info.loss})`);
      check(info.out > 50 && info.grad > 50, `${theme}: layer charts have points (${info.out}, ${info.grad})`);
      check(info.layer === 'dense_Dense2' && info.faulty === 'dense_Dense2' && info.selected === 'dense_Dense2', `${theme}: faulty layer selected and badged (${info.layer}, ${info.faulty}, ${info.selected})`);
      check(info.canvases === 4, `${theme}: four charts drawn (${info.canvases})`);
      const file = path.join(OUT, `trend-panel-${theme}${width < 600 ? '-narrow' : ''}.png`);
      await p.screenshot({ path: file, fullPage: true });
      console.log(`     ${file}`);

      if (theme === 'light' && width > 600) {
        // Keyboard: focus the list, move up to the first layer, select it with Enter.
        await p.focus('#layer-list');
        await p.keyboard.press('Home');
        await p.keyboard.press('Enter');
        const sent = await host.pump();
        check(sent.some((m) => m.type === 'selectLayer' && m.layer === 'dense_Dense1'), 'keyboard: Home + Enter selects the first layer');
        await p.waitForTimeout(200);
        const after = await p.evaluate(() => ({
          layer: document.querySelector<HTMLElement>('[data-chart="layer-grad"]')?.dataset['layer'],
          points: Number(document.querySelector<HTMLElement>('[data-chart="layer-grad"]')?.dataset['points']),
          active: document.querySelector('#layer-list')?.getAttribute('aria-activedescendant'),
        }));
        check(after.layer === 'dense_Dense1' && after.points > 50 && after.active === 'layer-opt-0', `keyboard: charts switch to dense_Dense1 (${JSON.stringify(after)})`);
        await p.screenshot({ path: path.join(OUT, 'trend-panel-light-keyboard.png'), fullPage: true });

        // Theme change at runtime: charts are redrawn with the dark palette.
        // Through the CSSOM, as VS Code does (a style attribute would be blocked by the CSP).
        await p.evaluate((vars) => {
          for (const [k, v] of vars) document.documentElement.style.setProperty(k, v);
          document.body.className = 'vscode-dark';
        }, themeVars('dark'));
        await p.waitForTimeout(200);
        check((await p.evaluate(() => document.documentElement.dataset['chartTheme'])) === 'dark', 'theme change: charts follow the body class');

        // Saved state: a reload restores the last view before the host answers.
        await p.waitForTimeout(1200);
        const saved = await p.evaluate(() => JSON.stringify((window as unknown as { __state: unknown }).__state ?? null).length);
        check(saved > 1000 && saved < 400_000, `state saved (${saved} bytes)`);
        const reveal = await p.evaluate(() => {
          (window as unknown as { __posted: unknown[] }).__posted.length = 0;
          document.querySelector<HTMLButtonElement>('[data-action="reveal"]')?.click();
          return (window as unknown as { __posted: unknown[] }).__posted.splice(0)[0];
        });
        check(JSON.stringify(reveal) === JSON.stringify({ type: 'revealLayer', modelId: 1, layer: 'dense_Dense1' }), `reveal button posts revealLayer (${JSON.stringify(reveal)})`);

        // A message that does not follow the last one makes the webview ask for a snapshot.
        await host.send({ type: 'update', seq: 999, after: 998, patches: [] });
        const resync = await p.evaluate(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.splice(0));
        check(resync.length === 1 && resync[0]!.type === 'ready', `out-of-order update triggers a resync (${JSON.stringify(resync)})`);
        // Invalid messages are ignored (with a console warning, not counted as a failure below).
        await host.send({ type: 'snapshot', v: 1, seq: 'x' } as unknown as ToWebview);

        // Reload with no host answer (the editor reloaded and the run is gone): the saved view shows.
        await p.reload();
        await p.waitForTimeout(400);
        const restored = await p.evaluate(() => ({
          points: Number(document.querySelector<HTMLElement>('[data-chart="layer-grad"]')?.dataset['points']),
          layer: document.querySelector<HTMLElement>('[data-chart="layer-grad"]')?.dataset['layer'],
          run: document.querySelector('#run')?.textContent ?? '',
          posted: (window as unknown as { __posted: unknown[] }).__posted,
        }));
        check(restored.layer === 'dense_Dense1' && restored.points > 20 && /not live/.test(restored.run), `reload restores the last view (${JSON.stringify({ ...restored, posted: undefined })})`);
        check(JSON.stringify(restored.posted) === JSON.stringify([{ type: 'ready', v: 1, selection: { modelId: 1, layer: 'dense_Dense1' } }]), `restored webview asks for data with its selection (${JSON.stringify(restored.posted)})`);
        await p.screenshot({ path: path.join(OUT, 'trend-panel-restored.png'), fullPage: true });
      }
      check(problems.length === 0, `${theme}: no console errors or CSP violations${problems.length ? `: ${problems.slice(0, 3).join(' | ')}` : ''}`);
      await ctx.close();
    }
  } finally {
    await browser.close();
    srv.close();
  }
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exitCode = 1;
  }
}

void main();
