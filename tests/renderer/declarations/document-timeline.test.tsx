import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/app/i18n';
import { DocumentTimeline } from '../../../renderer/features/declarations/DocumentTimeline';
import type { TimelineEvent } from '../../../shared/store';

const at = '2025-03-02T01:00:00.000Z';
const checkInfo = '保税核注清单申报服务调用成功';

// Each event carries the English detail an older version wrote beside the fields, so a reader that shows
// it would be caught.
const structured: TimelineEvent[] = [
  { at, event: 'sent', outcome: 'accepted', sha256: 'ab12', detail: 'accepted ab12' },
  {
    at,
    event: 'receipt',
    messageType: 'CommonResponeMessage',
    outcome: 'imported',
    reasons: [checkInfo],
    detail: `CommonResponeMessage · imported · ${checkInfo}`,
  },
  { at, event: 'receipt', messageType: 'INV201', outcome: 'prePosted', detail: 'INV201 · prePosted' },
  { at, event: 'receipt', messageType: 'INV211', outcome: 'posted', detail: 'INV211 · posted' },
  {
    at,
    event: 'receipt',
    messageType: 'SAS221',
    outcome: 'gatePassed',
    ignored: 'gatePassed does not move a document that is posted',
    detail: 'SAS221 · gatePassed · gatePassed does not move a document that is posted',
  },
  {
    at,
    event: 'receipt',
    messageType: 'INV202',
    outcome: 'informational',
    ignored: 'INV202 moves no status',
    detail: 'INV202 · informational · INV202 moves no status',
  },
  { at, event: 'released', listKind: 'INV101', customsNo: 'QD0101', detail: 'list QD0101' },
];

const english = /prePosted|posted|gatePassed|imported|accepted|informational|moves no status|\blist\b/;

async function shown(events: readonly TimelineEvent[]): Promise<string> {
  const i18n = await createI18n('zh-CN');
  const { container } = render(
    <I18nextProvider i18n={i18n}>
      <DocumentTimeline events={events} />
    </I18nextProvider>,
  );
  return container.textContent ?? '';
}

describe('DocumentTimeline in Chinese', () => {
  it('words the structured events in Chinese and keeps customs’ own words and codes', async () => {
    const text = await shown(structured);
    for (const word of [
      '通道已接收',
      '已导入',
      '预核扣',
      '已核扣',
      '已过卡',
      '状态未变',
      '仅告知信息',
      '核注清单 QD0101',
    ])
      expect(text).toContain(word);
    for (const kept of [checkInfo, 'CommonResponeMessage', 'INV201', 'ab12']) expect(text).toContain(kept);
    expect(text).not.toMatch(english);
    // The lifecycle's why stays at hand for whoever reads it.
    expect(screen.getByText('状态未变').getAttribute('title')).toBe(
      'gatePassed does not move a document that is posted',
    );
  });

  it('shows the detail of an event stored before the fields', async () => {
    const text = await shown([{ at, event: 'receipt', detail: 'INV201 · prePosted' }]);
    expect(text).toContain('回执 · INV201 · prePosted');
  });
});
