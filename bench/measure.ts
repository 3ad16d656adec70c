/** Timing helpers: repeated runs, medians and spreads, percentiles. */

export interface Figure {
  /** What was measured, as the table shows it. */
  name: string;
  unit: string;
  median: number;
  /** Spread of the runs: [min, max]. */
  spread: [number, number];
  runs: number;
  /** The baseline this figure is compared with, measured in the same run. */
  baseline?: string;
  /** median ÷ baseline median, for speeds; baseline ÷ median, for times (so higher is better either way). */
  ratio?: number;
  /** The target the issue sets, in the same unit, and whether this run met it. */
  target?: { op: '<' | '>='; value: number; met: boolean };
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Milliseconds a synchronous or asynchronous action takes. */
export async function time(action: () => unknown): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

export function figure(name: string, unit: string, values: number[], extra: Partial<Figure> = {}): Figure {
  return {
    name,
    unit,
    median: median(values),
    spread: [Math.min(...values), Math.max(...values)],
    runs: values.length,
    ...extra,
  };
}

export function withTarget(f: Figure, op: '<' | '>=', value: number): Figure {
  return { ...f, target: { op, value, met: op === '<' ? f.median < value : f.median >= value } };
}

/** Renders figures as a Markdown table (for the terminal and the README). */
export function table(figures: Figure[]): string {
  const fmt = (n: number) =>
    Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 1 ? n.toFixed(2) : n.toPrecision(3);
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.median)} ${f.unit}`,
    `${fmt(f.spread[0])}–${fmt(f.spread[1])}`,
    String(f.runs),
    f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}× ${f.baseline}`,
    f.target ? `${f.target.op} ${fmt(f.target.value)} ${f.target.met ? '✓' : '✗ missed'}` : '',
    f.note ?? '',
  ]);
  const head = ['measure', 'median', 'spread', 'runs', 'vs baseline', 'target', 'note'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
