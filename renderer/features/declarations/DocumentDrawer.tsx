import { Descriptions, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeclarationRow, ZonebookDb } from '../../../shared/store';
import { DocumentLines } from './DocumentLines';
import { DocumentMovements } from './DocumentMovements';
import { DocumentTimeline } from './DocumentTimeline';
import { linesOf, localTime, needsOfficer } from './document-view';
import { StatusTag } from './StatusTag';
import { XmlBlock } from './XmlBlock';

function Section({ title }: { title: string }) {
  return (
    <Typography.Title level={5} className="zb-drawer-section">
      {title}
    </Typography.Title>
  );
}

/** One document: its facts and numbers, lines, movements, the XML as sent, and its timeline. */
export function DocumentDrawer({
  db,
  row,
  onClose,
}: {
  db: ZonebookDb;
  row: DeclarationRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const column = (key: string) => t(`declarations.columns.${key}`);
  const detail = (key: string) => t(`declarations.detail.${key}`);
  return (
    <Drawer
      open
      size="min(1100px, 94vw)"
      title={t('declarations.detail.title', {
        type: t(`declarations.messageType.${row.messageType}`),
        number: row.etpsInnerInvtNo,
      })}
      onClose={onClose}
    >
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'status', label: column('status'), children: <StatusTag row={row} /> },
          {
            key: 'direction',
            label: column('direction'),
            children: t(`declarations.direction.${row.ieFlag}`),
          },
          {
            key: 'preEntryNo',
            label: column('preEntryNo'),
            children: <span className="zb-code">{row.preEntryNo}</span>,
          },
          {
            key: 'customsNo',
            label: column('customsNo'),
            children: <span className="zb-code">{row.customsNo}</span>,
          },
          ...(row.entrySeqNo
            ? [
                {
                  key: 'entrySeqNo',
                  label: detail('entrySeqNo'),
                  children: <span className="zb-code">{row.entrySeqNo}</span>,
                },
              ]
            : []),
          { key: 'revision', label: detail('revision'), children: row.revision },
          { key: 'chgTmsCnt', label: detail('chgTmsCnt'), children: row.state.chgTmsCnt },
          {
            key: 'createdAt',
            label: detail('createdAt'),
            children: <span className="zb-code">{localTime(row.createdAt)}</span>,
          },
          ...(row.parkedReason
            ? [{ key: 'parked', label: detail('parkedReason'), children: row.parkedReason, span: 2 }]
            : []),
          // A fixed and accepted document keeps its last error in the store; the timeline tells that story.
          ...(row.lastError && (needsOfficer(row) || row.failedAttempts > 0)
            ? [{ key: 'lastError', label: detail('lastError'), children: row.lastError, span: 2 }]
            : []),
        ]}
      />
      <Section title={detail('lines')} />
      <DocumentLines lines={linesOf(row)} />
      <Section title={detail('movements')} />
      <DocumentMovements db={db} movementIds={row.movementIds} messageType={row.messageType} />
      <Section title={detail('xml')} />
      <XmlBlock importXml={row.importXml} schemaXml={row.schemaXml} />
      <Section title={detail('timeline')} />
      <DocumentTimeline events={row.timeline} />
    </Drawer>
  );
}
