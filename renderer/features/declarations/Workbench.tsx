import { App, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unpark, type DeclarationRow, type ReceiptRow, type ZonebookDb } from '../../../shared/store';
import { useServices } from '../../app/services';
import { DocumentLines } from './DocumentLines';
import { linesConcerned, linesOf, rejectionReasons } from './document-view';
import { RedeclareModal } from './RedeclareModal';
import { useMessageLanguage } from '../forms/zod-fields';
import { refusalText } from './refusal';
import { StatusTag } from './StatusTag';
import { useReceiptsOfMany } from './use-declarations';
import { WithdrawModal } from './WithdrawModal';

type Action =
  | { kind: 'redeclare'; row: DeclarationRow; concerned: readonly number[] }
  | { kind: 'withdraw'; row: DeclarationRow };

interface WorkbenchProps {
  db: ZonebookDb;
  /** The documents that need the officer: rejected, failed to import, or parked. */
  rows: readonly DeclarationRow[];
  onOpen: (documentId: string) => void;
}

/** Customs' reasons and the lines they name, then what can be done about it. */
function ProblemCard({
  row,
  receipts,
  onAction,
  onUnpark,
  onOpen,
}: {
  row: DeclarationRow;
  receipts: readonly ReceiptRow[];
  onAction: (action: Action) => void;
  onUnpark: () => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const text = (key: string) => t(`declarations.workbench.${key}`);
  const refused = row.state.status === 'rejected' || row.state.status === 'importFailed';
  const reasons = rejectionReasons(row, receipts);
  const concerned = linesConcerned(row, reasons);
  return (
    <Card
      size="small"
      className="zb-decl-problem"
      data-number={row.etpsInnerInvtNo}
      title={
        <Space>
          <span>{t(`declarations.messageType.${row.messageType}`)}</span>
          <span className="zb-code">{row.etpsInnerInvtNo}</span>
          <StatusTag row={row} />
        </Space>
      }
      extra={
        <Button type="link" size="small" onClick={onOpen}>
          {text('open')}
        </Button>
      }
    >
      {refused && (
        <>
          <Typography.Text strong>{text('reasons')}</Typography.Text>
          {reasons.length ? (
            <ul className="zb-decl-reasons">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <Typography.Paragraph type="secondary">{text('noReasons')}</Typography.Paragraph>
          )}
        </>
      )}
      {row.outboxState === 'parked' && (
        <Typography.Paragraph>
          <Typography.Text strong>{text('parkedReason')}: </Typography.Text>
          {row.parkedReason}
        </Typography.Paragraph>
      )}
      <Typography.Text strong>{concerned ? text('linesConcerned') : text('allLines')}</Typography.Text>
      <DocumentLines lines={concerned ?? linesOf(row)} />
      <Space className="zb-decl-actions">
        {refused && (
          <Button
            type="primary"
            onClick={() =>
              onAction({ kind: 'redeclare', row, concerned: (concerned ?? []).map((line) => line.gdsSeqno) })
            }
          >
            {text('redeclare')}
          </Button>
        )}
        {row.outboxState === 'parked' && (
          <Button type="primary" onClick={onUnpark}>
            {text('unpark')}
          </Button>
        )}
        <Button danger onClick={() => onAction({ kind: 'withdraw', row })}>
          {text('withdraw')}
        </Button>
      </Space>
    </Card>
  );
}

/** The rejection workbench: every document customs refused or the engine parked, with what to do. */
export function Workbench({ db, rows, onOpen }: WorkbenchProps) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const { message } = App.useApp();
  const { sync } = useServices();
  const [action, setAction] = useState<Action | null>(null);
  const receipts = useReceiptsOfMany(
    db,
    rows.map((row) => row.id),
  );
  // What the officer queued goes out at once rather than at the engine's next wake-up.
  const done = (text: string) => {
    setAction(null);
    sync?.syncNow();
    void message.success(text);
  };
  async function sendAgain(row: DeclarationRow) {
    try {
      await unpark(db, row.id, new Date().toISOString());
      sync?.syncNow();
      void message.success(t('declarations.workbench.unparked', { number: row.etpsInnerInvtNo }));
    } catch (error) {
      void message.error(t('declarations.workbench.refused', { message: refusalText(error, language) }));
    }
  }
  return (
    <div className="zb-decl-workbench">
      <Typography.Paragraph type="secondary">{t('declarations.workbench.intro')}</Typography.Paragraph>
      {rows.length === 0 && <Empty description={t('declarations.workbench.empty')} />}
      {rows.map((row) => (
        <ProblemCard
          key={row.id}
          row={row}
          receipts={receipts.get(row.id) ?? []}
          onAction={setAction}
          onUnpark={() => void sendAgain(row)}
          onOpen={() => onOpen(row.id)}
        />
      ))}
      {action?.kind === 'redeclare' && (
        <RedeclareModal
          db={db}
          row={action.row}
          concerned={action.concerned}
          onDone={done}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === 'withdraw' && (
        <WithdrawModal db={db} row={action.row} onDone={done} onClose={() => setAction(null)} />
      )}
    </div>
  );
}
