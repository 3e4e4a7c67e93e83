/** Small dependency-free SVG charts for the self-contained HTML report. */
const WIDTH = 420;
const HEIGHT = 300;
const MARGIN = 40;
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

export interface Series {
  name: string;
  x: number[];
  y: number[];
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

/** Confusion matrix as a heat map; `shares` (row-normalised) drives the colour, `counts` label the cells. */
export function heatmapSvg(title: string, counts: number[][], shares: number[][]): string {
  const n = counts.length;
  const cell = (WIDTH - 2 * MARGIN) / Math.max(n, 1);
  const cells = counts.flatMap((row, r) =>
    row.map((count, c) => {
      const share = shares[r]?.[c] ?? 0;
      const x = MARGIN + c * cell;
      const y = MARGIN + r * cell;
      return `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="rgba(31,119,180,${share.toFixed(3)})" stroke="#ccc"/>` +
        `<text x="${x + cell / 2}" y="${y + cell / 2}" text-anchor="middle" dominant-baseline="middle" font-size="12">${count}</text>`;
    }),
  );
  const labels = Array.from({ length: n }, (_, i) =>
    `<text x="${MARGIN + i * cell + cell / 2}" y="${MARGIN - 6}" text-anchor="middle" font-size="11">pred ${i}</text>` +
      `<text x="${MARGIN - 4}" y="${MARGIN + i * cell + cell / 2}" text-anchor="end" font-size="11">true ${i}</text>`,
  );
  const height = MARGIN * 2 + n * cell;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}"><text x="${WIDTH / 2}" y="14" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>${labels.join('')}${cells.join('')}</svg>`;
}

/** Line chart of several series on shared axes (loss curves, ROC curves). */
export function lineChartSvg(title: string, series: Series[], axes: { x: string; y: string; logY?: boolean }): string {
  return plot(title, series, axes, (points, colour) => `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points.join(' ')}"/>`);
}

/** Scatter plot (predictions vs truth, residuals). */
export function scatterSvg(title: string, series: Series[], axes: { x: string; y: string }): string {
  return plot(title, series, axes, (points, colour) =>
    points.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="1.5" fill="${colour}" fill-opacity="0.5"/>`).join(''),
  );
}

function plot(title: string, series: Series[], axes: { x: string; y: string; logY?: boolean }, draw: (points: string[], colour: string) => string): string {
  const ty = (v: number) => (axes.logY ? Math.log10(Math.max(v, 1e-12)) : v);
  const xs = series.flatMap((s) => s.x).filter(Number.isFinite);
  const ys = series.flatMap((s) => s.y.map(ty)).filter(Number.isFinite);
  const [x0, x1] = range(xs);
  const [y0, y1] = range(ys);
  const px = (v: number) => MARGIN + ((v - x0) / (x1 - x0)) * (WIDTH - 2 * MARGIN);
  const py = (v: number) => HEIGHT - MARGIN - ((ty(v) - y0) / (y1 - y0)) * (HEIGHT - 2 * MARGIN);
  const body = series.map((s, i) => {
    const points = s.x.map((x, k) => `${px(x).toFixed(1)},${py(s.y[k]).toFixed(1)}`).filter((p) => !p.includes('NaN'));
    const colour = COLOURS[i % COLOURS.length];
    return draw(points, colour) + `<text x="${WIDTH - MARGIN}" y="${MARGIN + 14 * i}" text-anchor="end" font-size="11" fill="${colour}">${escapeXml(s.name)}</text>`;
  });
  const fmt = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : v.toFixed(2));
  const yLabel = (v: number) => (axes.logY ? fmt(10 ** v) : fmt(v));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">` +
    `<text x="${WIDTH / 2}" y="14" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>` +
    `<rect x="${MARGIN}" y="${MARGIN}" width="${WIDTH - 2 * MARGIN}" height="${HEIGHT - 2 * MARGIN}" fill="none" stroke="#888"/>` +
    `<text x="${MARGIN}" y="${HEIGHT - MARGIN + 14}" font-size="10">${fmt(x0)}</text><text x="${WIDTH - MARGIN}" y="${HEIGHT - MARGIN + 14}" font-size="10" text-anchor="end">${fmt(x1)}</text>` +
    `<text x="${MARGIN - 2}" y="${HEIGHT - MARGIN}" font-size="10" text-anchor="end">${yLabel(y0)}</text><text x="${MARGIN - 2}" y="${MARGIN + 8}" font-size="10" text-anchor="end">${yLabel(y1)}</text>` +
    `<text x="${WIDTH / 2}" y="${HEIGHT - 8}" text-anchor="middle" font-size="11">${escapeXml(axes.x)}</text>` +
    `<text x="12" y="${HEIGHT / 2}" font-size="11" transform="rotate(-90 12 ${HEIGHT / 2})" text-anchor="middle">${escapeXml(axes.y)}</text>` +
    body.join('') + '</svg>';
}

function range(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = values[0];
  let hi = values[0];
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}
