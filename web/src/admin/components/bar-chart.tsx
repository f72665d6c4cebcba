/**
 * A small SVG bar chart (stacked or grouped), enough for the finance pages without a chart library in the bundle.
 * Values are integers (fen); `format` renders them for the axis and the hover titles.
 */
export interface BarSeries { key: string; label: string; color: string; values: number[] }

interface Props {
  categories: string[];
  series: BarSeries[];
  stacked?: boolean;
  height?: number;
  format?: (v: number) => string;
  testId?: string;
}

const W = 640;
const PAD = { top: 12, right: 12, bottom: 28, left: 72 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
}

export function BarChart({ categories, series, stacked, height = 240, format = String, testId }: Props) {
  const inner = { w: W - PAD.left - PAD.right, h: height - PAD.top - PAD.bottom };
  const totals = categories.map((_, i) => series.reduce((s, x) => s + Math.max(0, x.values[i] ?? 0), 0));
  const max = niceMax(stacked ? Math.max(0, ...totals) : Math.max(0, ...series.flatMap((s) => s.values)));
  const y = (v: number) => PAD.top + inner.h - (Math.max(0, v) / max) * inner.h;
  const band = inner.w / Math.max(1, categories.length);
  const barW = Math.min(56, band * 0.6);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <div data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" style={{ maxWidth: W, display: 'block' }}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill="#8c8c8c">{format(Math.round(v))}</text>
          </g>
        ))}
        {categories.map((c, i) => {
          const x0 = PAD.left + band * i + (band - barW) / 2;
          let base = 0;
          return (
            <g key={c} data-category={c}>
              {series.map((s, k) => {
                const v = Math.max(0, s.values[i] ?? 0);
                const w = stacked ? barW : barW / series.length;
                const x = stacked ? x0 : x0 + k * w;
                const top = stacked ? y(base + v) : y(v);
                const bottom = stacked ? y(base) : y(0);
                if (stacked) base += v;
                return (
                  <rect key={s.key} x={x} y={top} width={Math.max(1, w - (stacked ? 0 : 2))} height={Math.max(0, bottom - top)} fill={s.color} data-series={s.key} data-value={s.values[i] ?? 0}>
                    <title>{`${c} · ${s.label}: ${format(s.values[i] ?? 0)}`}</title>
                  </rect>
                );
              })}
              <text x={PAD.left + band * i + band / 2} y={height - 10} fontSize={11} textAnchor="middle" fill="#595959">{c}</text>
            </g>
          );
        })}
      </svg>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 4, fontSize: 12 }}>
        {series.map((s) => (
          <span key={s.key}><span style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }} />{s.label}</span>
        ))}
      </div>
    </div>
  );
}
