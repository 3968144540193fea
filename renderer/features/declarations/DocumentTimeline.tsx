import { Timeline } from 'antd';
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

/** Everything that happened to the document, oldest first: receipts with customs' words, our own steps. */
export function DocumentTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      className="zb-decl-timeline"
      items={events.map((event, index) => ({
        key: `${event.at}-${index}`,
        color:
          event.detail && /rejected|importFailed/.test(event.detail)
            ? 'red'
            : (colors[event.event] ?? 'blue'),
        title: <span className="zb-code">{localTime(event.at)}</span>,
        content: (
          <span>
            <b>{t(`declarations.events.${event.event}`)}</b>
            {event.detail ? ` · ${event.detail}` : ''}
          </span>
        ),
      }))}
    />
  );
}
