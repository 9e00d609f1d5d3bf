/** The install check's summary table. */

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * @param {{
 *   rows: { database: string, installMs: number, buildMs: number, bootsMs: number[], passed: number, total: number }[],
 *   general: { passed: number, failed: string[] },
 *   steps: { label: string, ms: number }[],
 *   totalMs: number,
 * }} report
 */
export const formatTable = ({ rows, general, steps, totalMs }) => {
  /** @type {Map<string, number>} */
  const byStep = new Map();
  for (const step of steps) byStep.set(step.label, (byStep.get(step.label) ?? 0) + step.ms);
  const header = ['database', 'install', 'build', 'boot: app / + plugin / upgraded', 'checks passed'];
  const body = rows.map((row) => [
    row.database,
    seconds(row.installMs),
    seconds(row.buildMs),
    row.bootsMs.map(seconds).join(' / ') || '—',
    `${row.passed}/${row.total}`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i].length)));
  /** @param {string[]} cells */
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...body.map(line),
    '',
    'install (the app from the npm cache, then the plugin tarball) and build (the server compiled for the first boot, then the',
    'admin panel with the plugin) happen once and serve every database. Boot: until /_health answers, with the databases of',
    'each phase booted side by side.',
    `steps: ${[...byStep].map(([label, ms]) => `${label} ${seconds(ms)}`).join(', ')}.`,
    `package checks: ${general.passed}/${general.passed + general.failed.length} passed. total ${seconds(totalMs)}.`,
  ].join('\n');
};
