import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { I18nextProvider } from 'react-i18next';
import { generateDemoDataset, demoBackupContent } from '../../../shared/demo';
import { backupToText, openStore, type ZonebookDb } from '../../../shared/store';
import { BackupCard } from '../../../renderer/features/backup/BackupCard';
import { createI18n } from '../../../renderer/app/i18n';

async function renderCard(db: ZonebookDb) {
  render(
    <I18nextProvider i18n={await createI18n('en')}>
      <AntApp>
        <BackupCard db={db} />
      </AntApp>
    </I18nextProvider>,
  );
}

const backupText = () =>
  backupToText(
    demoBackupContent(generateDemoDataset({ seed: 9, lines: 4, movements: 30 }), 9),
    '2026-01-01T00:00:00.000Z',
  );

async function chooseFile(text: string, name: string) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await userEvent.upload(input, new File([text], name, { type: 'application/x-ndjson' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Replace' }));
}

describe('backup and restore', { timeout: 30_000 }, () => {
  it('restores an intact backup after confirmation', async () => {
    const db = await openStore({ indexedDB: new IDBFactory(), IDBKeyRange }, 'backup-ok');
    await renderCard(db);
    await chooseFile(backupText(), 'good.ndjson');
    expect(
      await screen.findByText(/Restored 30 journal entries and 4 book lines from good\.ndjson/),
    ).toBeTruthy();
    expect(await db.journal.count()).toBe(30);
  });

  it('refuses a tampered backup, names the line, and changes nothing', async () => {
    const db = await openStore({ indexedDB: new IDBFactory(), IDBKeyRange }, 'backup-bad');
    await renderCard(db);
    const lines = backupText().split('\n');
    lines[3] = (lines[3] ?? '').replace(/"gdsSeqno":(\d+)/, '"gdsSeqno":9');
    await chooseFile(lines.join('\n'), 'bad.ndjson');
    expect(await screen.findByText(/Nothing was changed: The backup is broken at line \d+/)).toBeTruthy();
    expect(await db.journal.count()).toBe(0);
    expect(await db.bookLines.count()).toBe(0);
  });
});
