import { Button, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId, type AccountBook, type FieldError } from '../../../../shared/domain';
import { bookLineColumns, bookLineRows, isImportReady, type ImportTable } from '../../../../shared/imports';
import { saveBookLines, type ZonebookDb } from '../../../../shared/store';
import { fieldErrorsOfFailure, useMessageLanguage } from '../../forms/zod-fields';
import { FileChooser } from './FileChooser';
import { ImportOutcome, type Outcome } from './ImportOutcome';
import { ImportPreviewTable } from './ImportPreviewTable';

/** The store numbers the saved values 1, 2, …; say the file's line instead, which the preview shows. */
function onFileLines(errors: readonly FieldError[], fileRows: readonly number[]): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field: error.field.replace(/^row (\d+)/, (_, n: string) => `row ${fileRows[Number(n) - 1] ?? n}`),
  }));
}

/** The item master (book lines, 备案序号) of the current book, from CSV or Excel, all rows or none. */
export function BookLineImport({ db, book }: { db: ZonebookDb; book: AccountBook }) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const [file, setFile] = useState<{ table: ImportTable; name: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useLiveQuery(() => db.bookLines.where('bookId').equals(book.id).toArray(), [db, book.id]);
  const preview = useMemo(
    () => (file && existing ? bookLineRows(file.table, { bookId: book.id, existing, newId }) : null),
    [file, book.id, existing],
  );
  const ready = preview !== null && isImportReady(preview);

  async function importRows() {
    if (!preview || !file) return;
    setBusy(true);
    const records = preview.rows.flatMap((row) => (row.record ? [row.record.line] : []));
    try {
      await saveBookLines(db, records);
      setOutcome({
        ok: true,
        text: t('inventory.import.linesDone', {
          count: records.length,
          putrecNo: book.putrecNo,
          file: file.name,
        }),
      });
      setFile(null);
    } catch (error) {
      setOutcome({
        ok: false,
        errors: onFileLines(
          fieldErrorsOfFailure(error, language),
          preview.rows.map((r) => r.row),
        ),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {t('inventory.import.linesIntro', { putrecNo: book.putrecNo })}
      </Typography.Paragraph>
      <FileChooser
        specs={bookLineColumns}
        templateName={t('inventory.import.linesTemplate')}
        onRead={(table, name) => {
          setOutcome(null);
          setFile({ table, name });
        }}
      />
      {file && preview && (
        <>
          <Typography.Title level={5}>
            {t('inventory.import.previewOf', { file: file.name })}
          </Typography.Title>
          <ImportPreviewTable
            table={file.table}
            preview={preview}
            specs={bookLineColumns}
            shown={['gdsSeqno', 'gdsMtno', 'gdecd', 'gdsNm', 'dclUnitcd']}
            statusOf={(record) => (record.updates ? 'update' : 'new')}
          />
          <Button type="primary" disabled={!ready} loading={busy} onClick={() => void importRows()}>
            {t('inventory.import.linesImport', { count: preview.rows.length, putrecNo: book.putrecNo })}
          </Button>
        </>
      )}
      <ImportOutcome outcome={outcome} />
    </Space>
  );
}
