/**
 * Reads PDFs the way an independent reader does, with poppler's pdfinfo and pdftotext, so tests
 * check real files rather than trusting the library that wrote them. Without poppler the tests
 * that need it are skipped on a developer machine (with the reason printed) and fail in CI.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const installHint = "pdfinfo and pdftotext (poppler) are not installed: install Debian's poppler-utils (apt-get install poppler-utils)";

const installed = (command: string) => {
  const result = spawnSync(command, ['-v'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
};

export const popplerAvailable = installed('pdfinfo') && installed('pdftotext');

const inCi = Boolean(process.env.CI);

if (!popplerAvailable && !inCi) {
  console.warn(`Skipping the tests that read PDFs: ${installHint}.`);
}

/**
 * `it` for a test that reads PDFs with poppler: runs when poppler is installed; otherwise fails
 * with the install hint in CI and is skipped elsewhere.
 */
export const itWithPoppler = (name: string, test: () => Promise<unknown>, timeout?: number) => {
  if (popplerAvailable) return it(name, test, timeout);
  if (inCi) {
    return it(name, () => {
      throw new Error(`${installHint}; CI needs them to check PDFs.`);
    });
  }
  return it.skip(name, test, timeout);
};

interface Run {
  stdout: string;
  stderr: string;
}

const run = (command: string, args: string[]) =>
  new Promise<Run>((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}${stderr ? `\n${stderr}` : ''}`));
      else resolve({ stdout, stderr });
    });
  });

/** Writes the bytes to a private temporary file for the duration of `use`. */
const withFile = async <T>(bytes: Uint8Array, use: (path: string) => Promise<T>): Promise<T> => {
  const directory = await mkdtemp(join(tmpdir(), 'clientia-pdf-'));
  try {
    const path = join(directory, 'document.pdf');
    await writeFile(path, bytes);
    return await use(path);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
};

export interface PdfInfo {
  pages: number;
  /** Every `Key: value` line pdfinfo printed (Title, Producer, Page size, Encrypted, ...). */
  fields: Record<string, string>;
  /** Size of each page in points, "width x height", when asked for. */
  pageSizes: string[];
  /** What pdfinfo wrote to stderr: empty for a well-formed file ('Syntax Error ...' otherwise). */
  warnings: string;
}

/** pdfinfo of the bytes; with `pageSizes`, the size of every page too. */
export const pdfInfo = (bytes: Uint8Array, options: { pageSizes?: boolean } = {}): Promise<PdfInfo> =>
  withFile(bytes, async (path) => {
    const { stdout, stderr } = await run('pdfinfo', [...(options.pageSizes ? ['-f', '1', '-l', '100000'] : []), path]);
    const fields: Record<string, string> = {};
    const pageSizes: string[] = [];
    for (const line of stdout.split('\n')) {
      const page = /^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/.exec(line);
      if (page) {
        pageSizes.push(page[1]!);
        continue;
      }
      const field = /^([^:]+):\s*(.*)$/.exec(line);
      if (field) fields[field[1]!.trim()] = field[2]!.trim();
    }
    return { pages: Number(fields.Pages), fields, pageSizes, warnings: stderr.trim() };
  });

/** pdftotext of the bytes (pages `first` to `last`, 1-based, inclusive), in reading order or with `layout`. */
export const pdfText = (bytes: Uint8Array, options: { first?: number; last?: number; layout?: boolean } = {}): Promise<string> =>
  withFile(bytes, async (path) => {
    const args = [
      ...(options.first !== undefined ? ['-f', String(options.first)] : []),
      ...(options.last !== undefined ? ['-l', String(options.last)] : []),
      ...(options.layout ? ['-layout'] : []),
      '-enc',
      'UTF-8',
      path,
      '-',
    ];
    return (await run('pdftotext', args)).stdout;
  });

export interface PdfWord {
  /** 1-based page number. */
  page: number;
  pageWidth: number;
  pageHeight: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (entity, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? entity;
  });

/** Every word pdftotext finds with its bounding box (points, origin top left), to check what is drawn where. */
export const pdfWords = (bytes: Uint8Array, options: { first?: number; last?: number } = {}): Promise<PdfWord[]> =>
  withFile(bytes, async (path) => {
    const first = options.first ?? 1;
    const args = [...['-f', String(first)], ...(options.last !== undefined ? ['-l', String(options.last)] : []), '-bbox', '-enc', 'UTF-8', path, '-'];
    const { stdout } = await run('pdftotext', args);
    const words: PdfWord[] = [];
    let page = first - 1;
    let size = { width: 0, height: 0 };
    const tags = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
    for (const match of stdout.matchAll(tags)) {
      if (match[1] !== undefined) {
        page += 1;
        size = { width: Number(match[1]), height: Number(match[2]) };
        continue;
      }
      words.push({
        page,
        pageWidth: size.width,
        pageHeight: size.height,
        text: decodeEntities(match[7]!),
        xMin: Number(match[3]),
        yMin: Number(match[4]),
        xMax: Number(match[5]),
        yMax: Number(match[6]),
      });
    }
    return words;
  });
