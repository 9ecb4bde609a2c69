/**
 * Chart colours from the editor theme. VS Code sets `--vscode-*` variables on <html> and a
 * `vscode-light | vscode-dark | vscode-high-contrast[-light]` class on <body>; canvas drawing
 * cannot use CSS variables, so they are read here and charts are redrawn when either changes.
 */
export interface Palette {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  c1: string;
  c2: string;
  c3: string;
  c4: string;
  c5: string;
  error: string;
  warning: string;
  font: string;
  /** Line width in CSS pixels (thicker in high contrast). */
  width: number;
}

export function themeKind(body: { classList: { contains(c: string): boolean } }): Palette['kind'] {
  if (body.classList.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (body.classList.contains('vscode-high-contrast')) return 'high-contrast';
  if (body.classList.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function readPalette(doc: Document = document): Palette {
  const kind = themeKind(doc.body);
  const cs = getComputedStyle(doc.documentElement);
  const dark = kind === 'dark' || kind === 'high-contrast';
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const fg = v('--vscode-foreground', dark ? '#cccccc' : '#3b3b3b');
  const family = v('--vscode-font-family', 'system-ui, sans-serif');
  return {
    kind,
    fg,
    muted: v('--vscode-descriptionForeground', dark ? '#9d9d9d' : '#717171'),
    grid: v('--vscode-charts-lines', dark ? 'rgba(204,204,204,0.5)' : 'rgba(97,97,97,0.5)'),
    bg: v('--vscode-editor-background', dark ? '#1f1f1f' : '#ffffff'),
    c1: v('--vscode-charts-blue', dark ? '#3794ff' : '#1a85ff'),
    c2: v('--vscode-charts-green', dark ? '#89d185' : '#388a34'),
    c3: v('--vscode-charts-orange', dark ? '#d18616' : '#d18616'),
    c4: v('--vscode-charts-purple', dark ? '#b180d7' : '#652d90'),
    c5: v('--vscode-charts-yellow', dark ? '#cca700' : '#bf8803'),
    error: v('--vscode-charts-red', v('--vscode-errorForeground', dark ? '#f14c4c' : '#e51400')),
    warning: v('--vscode-editorWarning-foreground', dark ? '#cca700' : '#bf8803'),
    font: `11px ${family}`,
    width: kind.startsWith('high-contrast') ? 2 : 1.5,
  };
}

/** `color` with the given alpha, for band fills (accepts #rgb, #rrggbb, #rrggbbaa and rgb()/rgba()). */
export function withAlpha(color: string, alpha: number): string {
  const c = color.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(c);
  if (m) {
    const [r, g, b] = m[1]!.split('').map((h) => parseInt(h + h, 16));
    return `rgba(${r},${g},${b},${alpha})`;
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(c);
  if (m) {
    const n = parseInt(m[1]!, 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
  if (m) return `rgba(${m[1]},${m[2]},${m[3]},${alpha})`;
  return c;
}
