import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId, type AccountBook } from '../../../../shared/domain';
import {
  isImportReady,
  openingBalanceColumns,
  openingBalanceMovement,
  openingBalanceRows,
  type ImportTable,
} from '../../../../shared/imports';
import { Approval } from '../../../../shared/ledger';
import { postMovements, type ZonebookDb } from '../../../../shared/store';
import { localizeDomainMessage } from '../../../app/domain-messages';
import { useServices } from '../../../app/services';
import { tellOpeningStock } from '../../customs-endpoint/opening-stock';
import { fieldErrorsOfFailure, useMessageLanguage } from '../../forms/zod-fields';
import { FileChooser } from './FileChooser';
import { ImportOutcome, type Outcome } from './ImportOutcome';
import { ImportPreviewTable } from './ImportPreviewTable';

/**
 * Opening balances of the current book: (book line, location, quantity) rows posted as one approved
 * stocktake adjustment (see openingBalanceMovement for why that kind), all rows or none.
 */
export function OpeningBalanceImport({
  db,
  book,
  deviceId,
}: {
  db: ZonebookDb;
  book: AccountBook;
  deviceId: string;
}) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const { bridge } = useServices();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ table: ImportTable; name: string } | null>(null);
  const [approvedBy, setApprovedBy] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const bookLines = useLiveQuery(() => db.bookLines.where('bookId').equals(book.id).toArray(), [db, book.id]);
  const locations = useLiveQuery(() => db.locations.where('bookId').equals(book.id).toArray(), [db, book.id]);
  const heldSoFar = useLiveQuery(() => db.balances.where('bookId').equals(book.id).count(), [db, book.id]);
  const preview = useMemo(
    () =>
      file && bookLines && locations
        ? openingBalanceRows(file.table, { bookName: book.putrecNo, bookLines, locations })
        : null,
    [file, bookLines, locations, book.putrecNo],
  );
  const approver = Approval.shape.by.safeParse(approvedBy);
  const approverError =
    approvedBy !== '' && !approver.success
      ? localizeDomainMessage(approver.error.issues[0]?.message ?? '', language)
      : undefined;
  const ready = preview !== null && isImportReady(preview) && approver.success;

  async function importRows() {
    if (!preview || !file || !approver.success) return;
    setBusy(true);
    const candidates = preview.rows.flatMap((row) => (row.record ? [row.record] : []));
    const movement = openingBalanceMovement(candidates, {
      id: newId(),
      bookId: book.id,
      occurredAt: new Date().toISOString(),
      approvedBy: approver.data,
      note: t('inventory.import.openingNote', { file: file.name }),
    });
    try {
      await postMovements(db, [movement], { deviceId });
      setOutcome({
        ok: true,
        text: t('inventory.import.openingDone', {
          count: candidates.length,
          putrecNo: book.putrecNo,
          by: approver.data,
        }),
      });
      setFile(null);
      // Customs' book holds the opening stock already; the sandbox's copy of it must be told.
      const told = await tellOpeningStock(db, bridge);
      if (!told.ok) void message.warning(t('endpoint.openingStockFailed', { message: told.error.message }));
    } catch (error) {
      setOutcome({ ok: false, errors: fieldErrorsOfFailure(error, language) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {t('inventory.import.openingIntro', { putrecNo: book.putrecNo })}
      </Typography.Paragraph>
      {!!heldSoFar && (
        <Alert
          type="warning"
          showIcon
          title={t('inventory.import.openingNotEmpty', { putrecNo: book.putrecNo })}
        />
      )}
      <FileChooser
        specs={openingBalanceColumns}
        templateName={t('inventory.import.openingTemplate')}
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
            specs={openingBalanceColumns}
            shown={['gdsSeqno', 'gdsMtno', 'locationCode', 'qty']}
          />
          <Form layout="vertical" component="div">
            <Form.Item
              label={`${t('inventory.import.approvedBy')} (approval.by)`}
              extra={t('inventory.import.approvedByHint')}
              validateStatus={approverError ? 'error' : undefined}
              help={approverError}
              required
            >
              <Input
                aria-label={t('inventory.import.approvedBy')}
                value={approvedBy}
                onChange={(e) => setApprovedBy(e.target.value)}
                style={{ maxWidth: 320 }}
              />
            </Form.Item>
          </Form>
          <Button type="primary" disabled={!ready} loading={busy} onClick={() => void importRows()}>
            {t('inventory.import.openingImport', { count: preview.rows.length, putrecNo: book.putrecNo })}
          </Button>
        </>
      )}
      <ImportOutcome outcome={outcome} />
    </Space>
  );
}
