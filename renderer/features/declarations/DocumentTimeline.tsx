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
        // The time leads the line rather than sitting in a title column: the details are long, the times short.
        content: (
          <span>
            <span className="zb-code zb-decl-event-time">{localTime(event.at)}</span>
            <b>{t(`declarations.events.${event.event}`)}</b>
            {event.detail ? ` · ${event.detail}` : ''}
          </span>
        ),
      }))}
    />
  );
}
