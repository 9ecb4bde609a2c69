/**
 * One trend chart. uPlot draws it: a ~50 KB canvas library made for streaming time series
 * (setData on every tick is cheap and thousands of points stay smooth), so it suits a panel
 * that redraws four charts a few times per second while training runs.
 */
import uPlot from 'uplot';
import { formatTicks, formatValue, type ChartData, type LineSpec, type Marker } from './chart-data';
import { withAlpha, type Palette } from './theme';

export interface ChartOptions {
  height: number;
  yLabel: string;
  y2Label?: string;
}

function color(p: Palette, c: LineSpec['color']): string {
  return p[c];
}

export class TrendChart {
  private plot: uPlot | null = null;
  private shape = '';
  private data: ChartData | null = null;
  private markers: Marker[] = [];
  private palette: Palette | null = null;
  private readonly resize: ResizeObserver;

  constructor(
    readonly el: HTMLElement,
    private readonly opts: ChartOptions,
  ) {
    this.resize = new ResizeObserver(() => {
      if (this.plot && this.el.clientWidth > 0) this.plot.setSize({ width: this.el.clientWidth, height: this.opts.height });
    });
    this.resize.observe(this.el);
  }

  /** Draws `data`; rebuilds the plot only when its structure or the theme changed. */
  render(data: ChartData, markers: Marker[], palette: Palette): void {
    this.data = data;
    this.markers = markers;
    const shape = JSON.stringify([data.lines.map((l) => [l.label, l.kind, l.color, l.scale]), data.log, data.bands, palette]);
    const cols: uPlot.AlignedData = [data.x, ...data.lines.map((l) => l.values)];
    if (this.plot && shape === this.shape) {
      this.plot.setData(cols);
      return;
    }
    this.plot?.destroy();
    this.plot = null;
    this.shape = shape;
    this.palette = palette;
    if (!data.lines.length) return;
    this.plot = new uPlot(this.options(data, palette), cols, this.el);
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private options(data: ChartData, p: Palette): uPlot.Options {
    const axis = (scale: string, side?: 1 | 3): uPlot.Axis => ({
      scale,
      ...(side !== undefined ? { side } : {}),
      stroke: p.fg,
      font: p.font,
      labelFont: p.font,
      grid: { show: side !== 1, stroke: withAlpha(p.grid, 0.35), width: 1 },
      ticks: { stroke: withAlpha(p.grid, 0.6), width: 1, size: 4 },
      size: side === 1 || side === 3 ? 52 : 30,
      values: (_u, splits, _i, _space, incr) => (data.log && scale === 'y' ? splits.map((v) => (v === null ? '' : formatValue(v))) : formatTicks(splits, incr)),
      // uPlot's log axis puts a tick and grid line at every 1..9 of each decade: keep decades only.
      ...(data.log && scale === 'y' ? { splits: (_u: uPlot, _i: number, min: number, max: number) => decades(min, max), filter: (_u: uPlot, splits: number[]) => splits } : {}),
    });
    const hasY2 = data.lines.some((l) => l.scale === 'y2');
    const series: uPlot.Series[] = [
      { label: 'step', value: (u, v, _si, idx) => (idx === null ? formatValue(lastOf(u, 0)) : v === null ? '–' : String(v)) },
      ...data.lines.map((l): uPlot.Series => {
        const c = color(p, l.color);
        const base: uPlot.Series = { label: l.label, scale: l.scale, stroke: c, width: p.width, spanGaps: false, points: { show: false }, value: (u, v, si, idx) => formatValue(idx === null ? lastOf(u, si) : v) };
        switch (l.kind) {
          case 'dashed':
            return { ...base, dash: [5, 4], width: 1 };
          case 'band-edge':
            return { ...base, stroke: withAlpha(c, 0.45), width: 1 };
          case 'marker':
            return { ...base, paths: () => null, points: { show: true, size: 7, width: 1, stroke: c, fill: c }, value: (u, v, si, idx) => (idx === null ? `${countOf(u, si)}×` : v === null || v === undefined ? '–' : 'yes') };
          default:
            return base;
        }
      }),
    ];
    const self = this;
    return {
      width: Math.max(120, this.el.clientWidth),
      height: this.opts.height,
      pxAlign: false,
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
      scales: {
        x: {
          time: false,
          // Keep the marker lines in view even when the layer was last sampled before them.
          range: (_u, min, max) => {
            let lo = min;
            let hi = max;
            for (const m of self.markers) {
              lo = Math.min(lo ?? m.at, m.from ?? m.at);
              hi = Math.max(hi ?? m.at, m.at);
            }
            if (lo === null || hi === null) return [0, 1];
            return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
          },
        },
        y: data.log
          ? { distr: 3, log: 10, range: (_u, min, max) => self.data?.yRange ?? [min, max] }
          : { range: (_u, min, max) => self.data?.yRange ?? pad(min, max) },
        ...(hasY2 ? { y2: { range: (_u: uPlot, min: number, max: number) => (min >= 0 && max <= 1 ? [0, 1] : pad(min, max)) } } : {}),
      },
      axes: [
        { ...axis('x'), size: 30, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
        { ...axis('y', 3), label: undefined },
        ...(hasY2 ? [axis('y2', 1)] : []),
      ],
      series,
      bands: data.bands.map(([a, b]) => ({ series: [a + 1, b + 1] as [number, number], fill: withAlpha(color(p, data.lines[a]!.color), 0.16) })),
      hooks: { draw: [(u) => drawMarkers(u, self.markers, p)] },
    };
  }
}

/** Powers of ten from min to max, thinned to at most 6. */
function decades(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / 6));
  const out: number[] = [];
  for (let e = lo; e <= hi; e += step) out.push(10 ** e);
  return out;
}

/**
 * With the cursor off the chart, the legend shows the series' latest point (the run is live);
 * undefined entries are alignment fillers, null a real gap (shown as "–").
 */
function lastOf(u: uPlot, si: number): number | null {
  const col = u.data[si] as ArrayLike<number | null | undefined> | undefined;
  if (!col) return null;
  for (let i = col.length - 1; i >= 0; i--) {
    const v = col[i];
    if (v !== undefined) return v;
  }
  return null;
}

function countOf(u: uPlot, si: number): number {
  const col = u.data[si] as ArrayLike<number | null | undefined> | undefined;
  let n = 0;
  if (col) for (let i = 0; i < col.length; i++) if (col[i] !== null && col[i] !== undefined) n++;
  return n;
}

function pad(min: number | null, max: number | null): uPlot.Range.MinMax {
  if (min === null || max === null) return [0, 1];
  if (min === max) {
    const d = Math.abs(min) * 0.1 || 1;
    return [min - d, max + d];
  }
  const d = (max - min) * 0.05;
  return [min - d, max + d];
}

/** The detection line and the band from the symptom's onset to it. */
function drawMarkers(u: uPlot, markers: readonly Marker[], p: Palette): void {
  if (!markers.length) return;
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const dpr = uPlot.pxRatio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.font = `${Math.round(10 * dpr)}px ${p.font.replace(/^\d+px\s*/, '')}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  const rows: Array<Array<[number, number]>> = [[], [], []];
  for (const m of markers) {
    const c = m.severity === 'error' ? p.error : p.warning;
    const x = u.valToPos(m.at, 'x', true);
    if (m.from !== null) {
      const x0 = u.valToPos(m.from, 'x', true);
      ctx.fillStyle = withAlpha(c, 0.13);
      ctx.fillRect(x0, top, Math.max(1, x - x0), height);
    }
    ctx.strokeStyle = c;
    ctx.lineWidth = Math.max(1, p.width * dpr);
    ctx.setLineDash([4 * dpr, 3 * dpr]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    const text = m.from !== null ? `${m.label} · ${m.from}→${m.at}` : `${m.label} · ${m.at}`;
    const tw = ctx.measureText(text).width;
    const tx = x + 4 * dpr + tw > left + width ? x - 4 * dpr - tw : x + 4 * dpr;
    // The first of three label rows with room; no label (the line stays) when all are taken.
    const span: [number, number] = [tx - 4 * dpr, tx + tw + 4 * dpr];
    const row = rows.findIndex((r) => r.every(([a, b]) => span[1] < a || span[0] > b));
    if (row < 0) continue;
    rows[row]!.push(span);
    ctx.fillStyle = withAlpha(p.bg, 0.8);
    ctx.fillRect(tx - 2 * dpr, top + (3 + row * 13) * dpr, tw + 4 * dpr, 12 * dpr);
    ctx.fillStyle = c;
    ctx.fillText(text, tx, top + (4 + row * 13) * dpr);
  }
  ctx.restore();
}
