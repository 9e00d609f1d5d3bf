import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import type { StaffDocument } from '../../../../shared/contracts/admin-documents';
import { seriousAccessibilityProblems } from '../../../tests/axe';
import { renderInAdmin } from '../../../tests/render';
import { ApiFailure } from '../../api/failure';
import { DocumentsPanel } from './components/panels/DocumentsPanel';
import type { DocumentControls } from './recordControls';

// Rendering the design system in jsdom takes seconds on a busy machine; no test here waits on time.
jest.setTimeout(30_000);

const MiB = 1024 * 1024;

const pdf = (name: string, text = name) => new File([`%PDF-1.7\n% ${text}\n%%EOF\n`], name, { type: 'application/pdf' });
/** A file that says it is this large, without holding the bytes in the test. */
const sized = (name: string, size: number) => {
  const file = pdf(name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
};

const version = (documentId: string, number: number, changes: Partial<StaffDocument['versions'][number]> = {}) => ({
  documentId,
  version: number,
  fileName: `letter-v${number}.pdf`,
  mimeType: 'application/pdf',
  size: 2048,
  sha256: 'ab'.repeat(32),
  uploadedBy: { kind: 'staff' as const, name: 'Maria Keller' },
  createdAt: '2026-11-10T09:00:00.000Z',
  ...changes,
});

const letter = (): StaffDocument => ({
  ...version('doc-2', 2),
  title: 'Engagement letter',
  folder: 'Contracts',
  visibility: 'shared',
  archivedAt: null,
  updatedAt: '2026-11-10T09:00:00.000Z',
  versions: [version('doc-2', 2), version('doc-1', 1, { uploadedBy: { kind: 'contact', name: 'Lea Braun' } })],
});

const notes = (): StaffDocument => ({
  ...version('doc-3', 1, { fileName: 'notes.pdf' }),
  title: 'Old pricing notes',
  folder: 'General',
  visibility: 'internal',
  archivedAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  versions: [version('doc-3', 1, { fileName: 'notes.pdf' })],
});

const controls = (changes: Partial<DocumentControls> = {}): DocumentControls => ({
  canManage: true,
  list: { status: 'ready', data: { data: [letter(), notes()], meta: { folders: ['Contracts', 'General'] } } },
  upload: jest.fn().mockResolvedValue(undefined),
  refresh: jest.fn(),
  addVersion: jest.fn().mockResolvedValue({ ...letter(), version: 3 }),
  download: jest.fn().mockResolvedValue(new Blob(['%PDF-1.7 letter'], { type: 'application/pdf' })),
  setArchived: jest.fn().mockResolvedValue(undefined),
  remove: jest.fn().mockResolvedValue(undefined),
  ...changes,
});

const renderPanel = (given: DocumentControls) => renderInAdmin(<DocumentsPanel documents={[]} controls={given} />);

const form = () => screen.getByRole('form', { name: 'Upload documents' });
const fileInput = () => screen.getByLabelText('Files to upload') as HTMLInputElement;
const pick = (...files: File[]) => fireEvent.change(fileInput(), { target: { files } });
const drop = (...files: File[]) => {
  // Dropped anywhere on the zone: the event reaches it from the text it holds.
  fireEvent.drop(within(form()).getByText('Drag files here, or'), { dataTransfer: { files, types: ['Files'] } });
};
const chooseShared = () => fireEvent.click(within(form()).getByRole('radio', { name: /Shared with the client/ }));
const submit = async () => {
  await act(async () => {
    fireEvent.submit(form());
  });
};

let saved: { blob: Blob; name: string }[];
beforeEach(() => {
  saved = [];
  let current: Blob | null = null;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    current = blob;
    return 'blob:saved';
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: current!, name: this.download });
  });
});
afterEach(() => jest.restoreAllMocks());

describe('Documents tab: uploading', () => {
  it('uploads several files, dropped or picked, into a folder with the chosen visibility, one request each', async () => {
    const given = controls();
    renderPanel(given);
    drop(pdf('Annual report.pdf'), pdf('Board minutes.pdf'));
    pick(pdf('Tax notice.pdf'));
    const listed = within(form()).getByRole('list', { name: 'Chosen files' });
    expect(within(listed).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Annual report.pdf'),
      expect.stringContaining('Board minutes.pdf'),
      expect.stringContaining('Tax notice.pdf'),
    ]);
    // Several files are each named after their file: no title to type.
    expect(within(form()).queryByRole('textbox', { name: /^Title/ })).toBeNull();

    fireEvent.change(within(form()).getByRole('combobox', { name: /^Folder/ }), { target: { value: 'Year end' } });
    chooseShared();
    await submit();

    expect(given.upload).toHaveBeenCalledTimes(3);
    expect((given.upload as jest.Mock).mock.calls.map(([file, fields]) => [(file as File).name, fields])).toEqual([
      ['Annual report.pdf', { visibility: 'shared', folder: 'Year end', title: undefined }],
      ['Board minutes.pdf', { visibility: 'shared', folder: 'Year end', title: undefined }],
      ['Tax notice.pdf', { visibility: 'shared', folder: 'Year end', title: undefined }],
    ]);
    expect(within(form()).getByText('3 documents uploaded.')).toBeTruthy();
    expect(given.refresh).toHaveBeenCalledTimes(1);
  });

  it('sends nothing until the staff member says whether the client may see the files', async () => {
    const given = controls();
    renderPanel(given);
    await submit();
    expect(within(form()).getByText('Choose at least one file to upload.')).toBeTruthy();
    pick(pdf('Memo.pdf'));
    await submit();
    expect(within(form()).getByText('Choose whether the client may see the documents.')).toBeTruthy();
    expect(given.upload).not.toHaveBeenCalled();

    fireEvent.click(within(form()).getByRole('radio', { name: /Internal/ }));
    fireEvent.change(within(form()).getByRole('textbox', { name: /^Title/ }), { target: { value: '  Conflict check memo ' } });
    await submit();
    expect(given.upload).toHaveBeenCalledWith(expect.objectContaining({ name: 'Memo.pdf' }), { visibility: 'internal', title: 'Conflict check memo', folder: undefined });
  });

  it('keeps files the server would refuse from being sent, and says why next to each', async () => {
    const given = controls();
    renderPanel(given);
    pick(sized('Scan.pdf', 26 * MiB), new File(['MZ'], 'tool.exe'), pdf('Fine.pdf'));
    expect(within(form()).getByText('Larger than 25 MB: it will not be uploaded.')).toBeTruthy();
    expect(within(form()).getByText('Not an accepted type: it will not be uploaded.')).toBeTruthy();
    expect(within(form()).getByRole('button', { name: 'Upload 1 file' })).toBeTruthy();
    chooseShared();
    await submit();
    expect((given.upload as jest.Mock).mock.calls.map(([file]) => (file as File).name)).toEqual(['Fine.pdf']);
  });

  it('shows the server’s refusal of one file next to it while the others arrive', async () => {
    const upload = jest
      .fn()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new ApiFailure('file: is a PDF but its name ends in .png; name it with .pdf', 400));
    const given = controls({ upload });
    renderPanel(given);
    pick(pdf('Good.pdf'), new File(['%PDF-1.7'], 'Odd.png'));
    chooseShared();
    await submit();
    const odd = within(form()).getByText('Odd.png').closest('li')!;
    expect(within(odd).getByText('Not uploaded: file: is a PDF but its name ends in .png; name it with .pdf')).toBeTruthy();
    expect(within(form()).getByText('1 document uploaded.')).toBeTruthy();
    // The uploaded one leaves the list; the refused one stays to be removed or retried.
    expect(within(form()).queryByText('Good.pdf')).toBeNull();
    fireEvent.click(within(odd).getByRole('button', { name: 'Remove Odd.png' }));
    expect(within(form()).queryByText('Odd.png')).toBeNull();
  });

  it('opens the file picker from the keyboard as well as by drag and drop', () => {
    renderPanel(controls());
    const opened = jest.spyOn(fileInput(), 'click').mockImplementation(() => undefined);
    const choose = within(form()).getByRole('button', { name: 'Choose files' });
    choose.focus();
    expect(document.activeElement).toBe(choose);
    fireEvent.click(choose);
    expect(opened).toHaveBeenCalled();
    expect(choose.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(choose.getAttribute('aria-describedby')!)!.textContent).toContain('Up to 25 MB per file');
  });

  it('has no serious accessibility problems', async () => {
    const { container } = renderPanel(controls());
    pick(pdf('Annual report.pdf'));
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});

describe('Documents tab: the list', () => {
  it('downloads a file through the given fetch and saves it under its own name', async () => {
    const given = controls();
    renderPanel(given);
    const row = screen.getByText('Engagement letter').closest('tr')!;
    expect(within(row).queryByRole('link')).toBeNull();
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Download letter-v2.pdf' }));
    });
    expect(given.download).toHaveBeenCalledWith('doc-2');
    expect(saved.map((s) => s.name)).toEqual(['letter-v2.pdf']);
    expect(saved[0]!.blob.type).toBe('application/pdf');
  });

  it('says when a file is no longer there', async () => {
    renderPanel(controls({ download: jest.fn().mockRejectedValue(new ApiFailure('Server Error', 404)) }));
    const row = screen.getByText('Engagement letter').closest('tr')!;
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Download letter-v2.pdf' }));
    });
    expect(screen.getByText('The file of letter-v2.pdf is no longer available.').getAttribute('role')).toBe('alert');
    expect(saved).toEqual([]);
  });

  it('lists every version with who uploaded it, each downloadable', async () => {
    const given = controls();
    renderPanel(given);
    fireEvent.click(screen.getByRole('button', { name: 'Versions of Engagement letter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Versions of Engagement letter' });
    expect(within(dialog).getByText(/letter-v1\.pdf .* Lea Braun \(client\)/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Download letter-v1.pdf (Version 1)' }));
    });
    expect(given.download).toHaveBeenCalledWith('doc-1');
    expect(saved.map((s) => s.name)).toEqual(['letter-v1.pdf']);
  });

  it('shows archived documents only when asked, and restores or archives them', async () => {
    const given = controls();
    renderPanel(given);
    expect(screen.queryByText('Old pricing notes')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show archived documents (1)' }));
    const archived = screen.getByText('Old pricing notes').closest('tr')!;
    expect(within(archived).getByText('Archived')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(archived).getByRole('button', { name: 'Restore Old pricing notes' }));
    });
    expect(given.setArchived).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'doc-3' }), false);
    expect(screen.getByText('Old pricing notes is restored.').getAttribute('role')).toBe('status');

    const row = screen.getByText('Engagement letter').closest('tr')!;
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Archive Engagement letter' }));
    });
    expect(given.setArchived).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'doc-2' }), true);
  });

  it('uploads a new version from the row, and deletes only after asking', async () => {
    const given = controls();
    renderPanel(given);
    const row = screen.getByText('Engagement letter').closest('tr')!;
    await act(async () => {
      fireEvent.change(within(row).getByLabelText('New version of Engagement letter'), { target: { files: [pdf('letter-v3.pdf')] } });
    });
    expect(given.addVersion).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'doc-2' }), expect.objectContaining({ name: 'letter-v3.pdf' }));
    expect(screen.getByText('Version 3 of Engagement letter uploaded.').getAttribute('role')).toBe('status');

    fireEvent.click(within(row).getByRole('button', { name: 'Delete Engagement letter' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/deleted with all 2 versions and their files/)).toBeTruthy();
    expect(given.remove).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    });
    await waitFor(() => expect(given.remove).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'doc-2' })));
  });

  it('offers reading and downloading only, without the permission to manage records', () => {
    renderPanel(controls({ canManage: false }));
    expect(screen.queryByRole('form', { name: 'Upload documents' })).toBeNull();
    expect(screen.getByText(/Uploading and changing them needs the permission/)).toBeTruthy();
    const row = screen.getByText('Engagement letter').closest('tr')!;
    expect(within(row).getByRole('button', { name: 'Download letter-v2.pdf' })).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Archive|Delete|new version/ })).toBeNull();
  });
});
