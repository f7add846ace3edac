/** One result table: printed as Markdown so a run can be pasted into bench/README.md as is. */
export interface BenchTable {
  title: string;
  /** What was measured and how, in a line or two. */
  notes: string[];
  columns: string[];
  rows: string[][];
}

export function renderTable(table: BenchTable): string {
  const widths = table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [`### ${table.title}`, '', ...table.notes.map((n) => `${n}  `), '', line(table.columns), rule, ...table.rows.map(line), ''].join('\n');
}

/** 12345.6 → "12,346"; small values keep a decimal so they stay readable. */
export function count(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 100 ? 1 : 0 });
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/** hub / baseline as "0.42×". */
export function ratio(value: number, baseline: number): string {
  return Number.isFinite(value) && baseline > 0 ? `${(value / baseline).toFixed(2)}×` : '—';
}

export function percent(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value * 100)} %` : '—';
}
