import { PDFDocument, PDFName, PDFRawStream, StandardFonts, type PDFFont } from 'pdf-lib';

import { sha256Hex } from '../../src/signing/chain';
import {
  buildCompletedPdf,
  CertificateError,
  formatSigningTime,
  verificationCodeOf,
  type CertificateInput,
  type CertificateSigner,
} from '../../src/signing/certificate';
import { winAnsiSafe, wrapText, wrapTextWithin } from '../../src/pdf/text';
import { itWithPoppler, pdfInfo, pdfText, pdfWords } from '../helpers/poppler';

const A4 = '595.28 x 841.89';
const LETTER = '612 x 792';

/** A two-page original with text a reader can recognise, made without the current time in it. */
const makeOriginal = async () => {
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.TimesRoman);
  document.addPage([595.28, 841.89]).drawText('MASTER SERVICES AGREEMENT between Northwind Legal and Contoso GmbH', { x: 60, y: 760, size: 12, font });
  document.addPage([612, 792]).drawText('Schedule B: fees, invoicing and payment terms', { x: 60, y: 700, size: 12, font });
  document.setTitle('Master services agreement');
  return document.save();
};

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86 ' +
  'ExtraToolbar/9.1.2 (compatible; EnterpriseBrowserExtension; build 2026.11.29.1403; channel stable; policy managed-by-contoso-it)';

const signer = (name: string, index: number, extra: Partial<CertificateSigner> = {}): CertificateSigner => ({
  name,
  email: `signer${index + 1}@contoso.example`,
  signedAt: new Date(Date.UTC(2026, 10, 29, 14, 3 + index, 12)).toISOString(),
  ip: `203.0.113.${24 + index}`,
  userAgent: CHROME,
  authMethod: 'password',
  consentVersion: sha256Hex('I agree to sign this contract electronically.'),
  eventHash: sha256Hex(`signed event ${index}`),
  ...extra,
});

const chainHead = sha256Hex('the last event before completion');

const inputFor = (original: Uint8Array, signers: CertificateSigner[], extra: Partial<CertificateInput> = {}): CertificateInput => ({
  firmName: 'Northwind Legal',
  clientName: 'Contoso GmbH',
  clientTimeZone: 'Europe/Berlin',
  contract: { documentId: 'k3v9x2mq8w1z7p4r5t6y0u1i', number: 'MSA-2026-014', title: 'Master services agreement', version: 2 },
  documentHash: sha256Hex(original),
  sentAt: '2026-11-20T09:15:00.000Z',
  completedAt: '2026-11-29T14:20:00.000Z',
  signers,
  chainHead,
  verificationCode: verificationCodeOf(chainHead),
  verifyAt: 'https://portal.northwind.example/contracts/k3v9x2mq8w1z7p4r5t6y0u1i/verification',
  ...extra,
});

/** The raw content stream bytes of every page, to show the original pages were not rewritten. */
const pageContents = async (bytes: Uint8Array) => {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  return document.getPages().map((page) => {
    const stream = document.context.lookup(page.node.get(PDFName.of('Contents')));
    return stream instanceof PDFRawStream ? Buffer.from(stream.contents).toString('hex') : null;
  });
};

/** Collapses runs of whitespace so text can be matched however pdftotext laid it out. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

let original: Uint8Array;
let helvetica: PDFFont;

beforeAll(async () => {
  original = await makeOriginal();
  helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
});

describe('verificationCodeOf', () => {
  it('takes the first 16 hex digits of the chain head, uppercase, in four groups', () => {
    expect(verificationCodeOf('a1b2c3d4e5f60718' + 'f'.repeat(48))).toBe('A1B2-C3D4-E5F6-0718');
    expect(verificationCodeOf(chainHead)).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  });

  it('refuses something that is not a hex digest', () => {
    expect(() => verificationCodeOf('not-a-hash')).toThrow(/hex digest/);
    expect(() => verificationCodeOf('abc')).toThrow();
  });
});

describe('formatSigningTime', () => {
  it("prints UTC and the client's local time with the zone", () => {
    expect(formatSigningTime('2026-11-29T14:03:12Z', 'Europe/Berlin')).toBe('2026-11-29 14:03:12 UTC (15:03:12 CET, Europe/Berlin)');
    expect(formatSigningTime('2026-07-01T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-01 08:00:00 UTC (10:00:00 CEST, Europe/Berlin)');
  });

  it('adds the local date when it is not the UTC date', () => {
    expect(formatSigningTime('2026-11-29T23:30:00Z', 'Pacific/Auckland')).toBe('2026-11-29 23:30:00 UTC (2026-11-30 12:30:00 GMT+13, Pacific/Auckland)');
    expect(formatSigningTime('2026-11-29T02:00:00Z', 'America/New_York')).toBe('2026-11-29 02:00:00 UTC (2026-11-28 21:00:00 GMT-5, America/New_York)');
  });

  it('prints UTC only without a zone, for UTC itself, and for a zone that does not exist', () => {
    expect(formatSigningTime('2026-11-29T14:03:12Z', null)).toBe('2026-11-29 14:03:12 UTC');
    expect(formatSigningTime('2026-11-29T14:03:12Z', 'UTC')).toBe('2026-11-29 14:03:12 UTC');
    expect(formatSigningTime('2026-11-29T14:03:12Z', 'Mars/Olympus_Mons')).toBe('2026-11-29 14:03:12 UTC');
    expect(formatSigningTime('2026-11-29T14:03:12Z', '')).toBe('2026-11-29 14:03:12 UTC');
  });

  it('prints a value that is not a date as it is, without throwing', () => {
    expect(formatSigningTime('yesterday', 'Europe/Berlin')).toBe('yesterday');
  });
});

describe('text for the standard fonts', () => {
  const drawable = () => new Set(helvetica.getCharacterSet());

  it('keeps what WinAnsi has, transliterates what it can and marks the rest with ?', () => {
    const set = drawable();
    expect(winAnsiSafe('Jürgen Müßig, Zoë Renée, Ångström, Œuvre €100', set)).toBe('Jürgen Müßig, Zoë Renée, Ångström, Œuvre €100');
    expect(winAnsiSafe('Łukasz Żółć', set)).toBe('Lukasz Zólc');
    expect(winAnsiSafe('Şükrü Çağlar, Nguyễn Văn Đức', set)).toBe('Sükrü Çaglar, Nguyen Van Duc');
    expect(winAnsiSafe('Дмитрий Иванов', set)).toBe('??????? ??????');
    expect(winAnsiSafe('山田太郎', set)).toBe('????');
    expect(winAnsiSafe('Zoë 👍🏽 👨‍👩‍👧 ok', set)).toBe('Zoë ? ? ok');
    expect(winAnsiSafe('Ｆｕｌｌ ﬁne', set)).toBe('Full fine');
  });

  it('composes decomposed letters, drops invisible characters and turns line breaks into spaces', () => {
    const set = drawable();
    expect(winAnsiSafe('Mu\u0308ller', set)).toBe('Müller');
    expect(winAnsiSafe('Anna\u200B Weber\u202E\u0007', set)).toBe('Anna Weber');
    expect(winAnsiSafe('first line\nsecond\tline', set)).toBe('first line second line');
  });

  it('draws every result without pdf-lib refusing a character', () => {
    const set = drawable();
    const hostile = 'Łukasz Дмитрий 山田 👍🏽 \u0000\uFFFD\uD800 Ǆ ŉ ℌ ⅷ ½ \u00AD';
    expect(() => helvetica.encodeText(winAnsiSafe(hostile, set))).not.toThrow();
    expect(() => helvetica.encodeText(hostile)).toThrow();
  });

  it('wraps at spaces and breaks a word only when it alone is too wide', () => {
    const measure = (text: string) => helvetica.widthOfTextAtSize(text, 9);
    const hash = sha256Hex('x');
    const lines = wrapText(`hash ${hash} end`, 120, measure);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((line) => measure(line) <= 120)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`hash${hash}end`);
    expect(wrapText('two words', 500, measure)).toEqual(['two words']);
    expect(wrapText('', 100, measure)).toEqual(['']);
  });

  it('shortens to a number of lines with an ellipsis', () => {
    const measure = (text: string) => helvetica.widthOfTextAtSize(text, 9);
    const lines = wrapTextWithin(CHROME, 200, 2, measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('\u2026')).toBe(true);
    expect(lines.every((line) => measure(line) <= 200)).toBe(true);
    expect(wrapTextWithin('short', 200, 2, measure)).toEqual(['short']);
  });
});

describe('buildCompletedPdf', () => {
  itWithPoppler('appends a certificate page after the unchanged original pages', async () => {
    const input = inputFor(original, [signer('Anna Weber', 0), signer('Jonas Becker', 1, { ip: null, userAgent: null })]);
    const completed = await buildCompletedPdf(original, input);

    const info = await pdfInfo(completed, { pageSizes: true });
    expect(info.warnings).toBe('');
    expect(info.pages).toBe(3);
    expect(info.pageSizes).toEqual([A4, LETTER, A4]);
    expect(info.fields.Title).toBe('MSA-2026-014 Master services agreement (signed)');
    expect(info.fields.Producer).toBe('Clientia');
    expect(info.fields.Encrypted).toBe('no');

    expect(await pdfText(completed, { first: 1, last: 2 })).toBe(await pdfText(original));
    expect((await pageContents(completed)).slice(0, 2)).toEqual(await pageContents(original));

    const certificate = flat(await pdfText(completed, { first: 3, last: 3 }));
    for (const expected of [
      'Signing certificate',
      'Northwind Legal',
      'Contoso GmbH',
      'MSA-2026-014',
      'Master services agreement',
      'k3v9x2mq8w1z7p4r5t6y0u1i',
      input.documentHash,
      '2026-11-20 09:15:00 UTC (10:15:00 CET, Europe/Berlin)',
      '2026-11-29 14:20:00 UTC (15:20:00 CET, Europe/Berlin)',
      '1. Anna Weber',
      '2. Jonas Becker',
      'signer1@contoso.example',
      '2026-11-29 14:03:12 UTC (15:03:12 CET, Europe/Berlin)',
      '203.0.113.24',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      'password',
      input.signers[0]!.consentVersion!,
      input.signers[0]!.eventHash,
      input.signers[1]!.eventHash,
      chainHead,
      input.verificationCode,
      'https://portal.northwind.example/contracts/',
      'pages 1–2',
      'Page 3 of 3',
    ]) {
      expect(certificate).toContain(expected);
    }
    // The long user agent is shortened, and what a signer did not record says so.
    expect(certificate).toContain('\u2026');
    expect(certificate).not.toContain('policy managed-by-contoso-it');
    expect(certificate).toContain('not recorded');
  });

  itWithPoppler('prints names WinAnsi cannot encode without failing', async () => {
    const signers = [signer('Łukasz Kowalski', 0), signer('Дмитрий Иванов', 1), signer('山田太郎', 2), signer('Zoë 🙂 Renée', 3)];
    const completed = await buildCompletedPdf(original, inputFor(original, signers, { clientName: 'Żabka Sp. z o.o.', firmName: 'Kancelaria Łódź' }));
    const certificate = flat(await pdfText(completed, { first: 3 }));
    expect(certificate).toContain('1. Lukasz Kowalski');
    expect(certificate).toContain('2. ??????? ??????');
    expect(certificate).toContain('3. ????');
    expect(certificate).toContain('4. Zoë ? Renée');
    expect(certificate).toContain('Zabka Sp. z o.o.');
    expect(certificate).toContain('Kancelaria Lódz');
    // The metadata title is Unicode text, not drawn, so it keeps every character.
    const titled = await buildCompletedPdf(
      original,
      inputFor(original, signers, { contract: { documentId: 'x', number: null, title: 'Договор 📄', version: 1 } }),
    );
    expect((await PDFDocument.load(titled, { updateMetadata: false })).getTitle()).toBe('Договор 📄 (signed)');
  });

  itWithPoppler('flows many signatories onto further certificate pages', async () => {
    const names = Array.from({ length: 12 }, (_, index) => `Signatory Number${String(index + 1).padStart(2, '0')}`);
    const signers = names.map((name, index) => signer(name, index));
    const completed = await buildCompletedPdf(original, inputFor(original, signers));
    const info = await pdfInfo(completed, { pageSizes: true });
    expect(info.warnings).toBe('');
    expect(info.pages).toBeGreaterThanOrEqual(4);
    expect(info.pageSizes.slice(2).every((size) => size === A4)).toBe(true);

    const pages = await Promise.all(Array.from({ length: info.pages - 2 }, (_, index) => pdfText(completed, { first: index + 3, last: index + 3 })));
    pages.forEach((text, index) => {
      expect(text).toContain('Signing certificate');
      expect(text).toContain(`Page ${index + 3} of ${info.pages}`);
    });
    expect(flat(pages[1]!)).toContain('Signing certificate (continued)');
    const all = flat(pages.join('\n'));
    names.forEach((name, index) => {
      expect(all).toContain(`${index + 1}. ${name}`);
      expect(all).toContain(signers[index]!.eventHash);
    });
    // Each signatory is printed once and whole on a single page.
    signers.forEach((entry) => expect(pages.filter((text) => text.includes(entry.name) && text.includes(entry.eventHash))).toHaveLength(1));
    expect(flat(pages.at(-1)!)).toContain(verificationCodeOf(chainHead));
  });

  itWithPoppler('keeps long names, titles, addresses and user agents inside the page', async () => {
    const long = (word: string, times: number) => Array.from({ length: times }, () => word).join(' ');
    const signers = [
      signer('Maximiliane'.repeat(25), 0, { email: `${'very.long.mailbox.name'.repeat(8)}@contoso.example`, userAgent: CHROME.repeat(8) }),
      signer(long('Alexandra-Konstantina von Hohenzollern-Sigmaringen', 8), 1, { authMethod: 'x'.repeat(300), consentVersion: sha256Hex('a').repeat(5) }),
    ];
    const completed = await buildCompletedPdf(
      original,
      inputFor(original, signers, {
        firmName: long('Northwind Legal Partnerschaft mbB', 10),
        clientName: 'C'.repeat(400),
        contract: { documentId: 'd'.repeat(200), number: 'N'.repeat(120), title: long('Master services agreement', 30), version: 12 },
        verifyAt: `https://portal.northwind.example/${'segment/'.repeat(60)}verification`,
      }),
    );
    const info = await pdfInfo(completed);
    expect(info.warnings).toBe('');
    const words = await pdfWords(completed, { first: 3 });
    expect(words.length).toBeGreaterThan(100);
    for (const word of words) {
      expect(word.xMin).toBeGreaterThanOrEqual(56 - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(word.pageWidth - 56 + 0.5);
      // Body text ends above the footer line; only the footer is printed below it.
      expect(word.yMax <= word.pageHeight - 64 + 2 || word.yMin >= word.pageHeight - 44).toBe(true);
    }
    const text = flat(await pdfText(completed, { first: 3 }));
    expect(text).toContain(verificationCodeOf(chainHead));
    expect(text).toContain('\u2026');
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    const input = inputFor(original, [signer('Anna Weber', 0), signer('Łukasz Kowalski', 1)]);
    const first = await buildCompletedPdf(original, input);
    jest.useFakeTimers({ now: new Date('2031-05-05T05:05:05Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask'] });
    let second: Uint8Array;
    try {
      second = await buildCompletedPdf(original, input);
    } finally {
      jest.useRealTimers();
    }
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const later = await buildCompletedPdf(original, { ...input, completedAt: '2026-11-29T14:20:01.000Z' });
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
  });

  it('sets the title, producer, dates and a file identifier of its own', async () => {
    const input = inputFor(original, [signer('Anna Weber', 0)]);
    const completed = await PDFDocument.load(await buildCompletedPdf(original, input), { updateMetadata: false });
    expect(completed.getTitle()).toBe('MSA-2026-014 Master services agreement (signed)');
    expect(completed.getProducer()).toBe('Clientia');
    expect(completed.getCreationDate()?.toISOString()).toBe('2026-11-29T14:20:00.000Z');
    expect(completed.getModificationDate()?.toISOString()).toBe('2026-11-29T14:20:00.000Z');
    expect(completed.context.trailerInfo.ID?.toString()).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/);

    const unnumbered = await buildCompletedPdf(original, inputFor(original, [signer('Anna Weber', 0)], { contract: { ...input.contract, number: null } }));
    expect((await PDFDocument.load(unnumbered, { updateMetadata: false })).getTitle()).toBe('Master services agreement (signed)');
  });

  it('refuses an original that is not a readable PDF', async () => {
    const random = new Uint8Array(Buffer.from(sha256Hex('noise').repeat(40), 'hex'));
    await expect(buildCompletedPdf(random, inputFor(random, [signer('Anna Weber', 0)]))).rejects.toThrow(CertificateError);
    await expect(buildCompletedPdf(random, inputFor(random, [signer('Anna Weber', 0)]))).rejects.toThrow(/cannot be read as a PDF/);

    const headerOnly = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(40));
    await expect(buildCompletedPdf(headerOnly, inputFor(headerOnly, [signer('Anna Weber', 0)]))).rejects.toThrow(CertificateError);
  });

  it('refuses an encrypted original, one without pages, and one that is not the document signed', async () => {
    const locked = await PDFDocument.create({ updateMetadata: false });
    locked.addPage();
    locked.context.trailerInfo.Encrypt = locked.context.register(locked.context.obj({ Filter: 'Standard', V: 1, R: 2 }));
    const encrypted = await locked.save();
    await expect(buildCompletedPdf(encrypted, inputFor(encrypted, []))).rejects.toThrow(/encrypted/);

    const empty = await (await PDFDocument.create({ updateMetadata: false })).save({ addDefaultPage: false });
    await expect(buildCompletedPdf(empty, inputFor(empty, []))).rejects.toThrow(/no pages/);

    await expect(buildCompletedPdf(original, { ...inputFor(original, []), documentHash: sha256Hex('another document') })).rejects.toThrow(CertificateError);
  });
});
