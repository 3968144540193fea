import { Timeline } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../shared/store';
import { localTime } from './document-view';

const colors: Partial<Record<TimelineEvent['event'], string>> = {
  sendFailed: 'red',
  parked: 'red',
  withdrawn: 'gray',
  redeclared: 'orange',
  changed: 'orange',
};

/** Outcomes that are no document status, so have words of their own rather than the status's. */
const ownWords: ReadonlySet<TimelineEvent['outcome']> = new Set(['informational', 'accepted', 'duplicate']);

const isStructured = (event: TimelineEvent): boolean =>
  event.messageType !== undefined ||
  event.outcome !== undefined ||
  event.listKind !== undefined ||
  event.customsNo !== undefined;

const refused = (event: TimelineEvent): boolean =>
  isStructured(event)
    ? event.outcome === 'rejected' || event.outcome === 'importFailed'
    : event.detail !== undefined && /rejected|importFailed/.test(event.detail);

/**
 * The event's particulars in the reader's language. Customs' codes, numbers and words stay as customs
 * wrote them; the lifecycle's English explanation of an unchanged status is kept for the tooltip only.
 */
function particulars(event: TimelineEvent, t: TFunction): ReactNode[] {
  const parts: ReactNode[] = [];
  if (event.messageType !== undefined)
    parts.push(
      <span key="type" className="zb-code">
        {event.messageType}
      </span>,
    );
  if (event.outcome !== undefined)
    parts.push(
      ownWords.has(event.outcome)
        ? t(`declarations.timeline.${event.outcome}`)
        : t(`declarations.status.${event.outcome}`),
    );
  if (event.ignored !== undefined && event.outcome !== 'informational')
    parts.push(
      <span key="unchanged" title={event.ignored}>
        {t('declarations.timeline.unchanged')}
      </span>,
    );
  if (event.listKind !== undefined) {
    const kind = t(`declarations.messageType.${event.listKind}`);
    parts.push(
      event.event === 'withdrawn' || event.customsNo === undefined
        ? t('declarations.timeline.listWithdrawn', { kind })
        : t('declarations.timeline.released', { kind, number: event.customsNo }),
    );
  }
  if (event.sha256 !== undefined)
    parts.push(
      <span key="sha256" className="zb-code">
        {event.sha256}
      </span>,
    );
  parts.push(...(event.reasons ?? []));
  return parts;
}

/** Everything that happened to the document, oldest first: receipts with customs' words, our own steps. */
export function DocumentTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      className="zb-decl-timeline"
      items={events.map((event, index) => ({
        key: `${event.at}-${index}`,
        color: refused(event) ? 'red' : (colors[event.event] ?? 'blue'),
        // The time leads the line rather than sitting in a title column: the details are long, the times short.
        content: (
          <span>
            <span className="zb-code zb-decl-event-time">{localTime(event.at)}</span>
            <b>{t(`declarations.events.${event.event}`)}</b>
            {/* Rows stored before the structured fields carry only the English detail. */}
            {isStructured(event)
              ? particulars(event, t).map((part, partIndex) => <span key={partIndex}> · {part}</span>)
              : event.detail
                ? ` · ${event.detail}`
                : ''}
          </span>
        ),
      }))}
    />
  );
}
