import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeclarationsArea } from '../../../renderer/features/declarations/DeclarationsArea';
import {
  applyReceipt,
  batchPending,
  changeDocument,
  markSent,
  park,
  queuedPending,
} from '../../../shared/store';
import { formDecision } from '../../shared/store/declarations-support';
import { deviceId, post, seededStore, withServices } from '../inventory/stock-fixture';
import {
  commonResponse,
  incoming,
  listPosted,
  listsOf,
  now,
  elementsIncomplete,
  withDocuments,
} from './declarations-fixture';

// A real store on fake-indexeddb under jsdom; antd renders slowly there, so wait for what a person sees
// (tests/renderer/setup.ts gives findBy* and waitFor a bound that suits a slow machine).

async function showDeclarations(db: Parameters<typeof withServices>[0]) {
  render(await withServices(db, 'en', <DeclarationsArea />));
  await screen.findByRole('tab', { name: 'Documents' });
}

/** The count shown on a status segment. */
function countOf(filter: string): string {
  const segment = document.querySelector(`[data-filter="${filter}"]`);
  return segment?.querySelector('.zb-decl-count')?.textContent ?? '';
}

/** Opens a tab once its label reads `name`: the counts in labels arrive with the live queries. */
async function openTab(name: RegExp) {
  await userEvent.click(await screen.findByRole('tab', { name }));
}

/** Opens the workbench and the fix of the rejected document numbered `number`. */
async function openFix(number: string): Promise<HTMLElement> {
  await openTab(/^Rejections \(1\)$/);
  const card = await waitFor(() => {
    const found = document.querySelector(`.zb-decl-problem[data-number="${number}"]`);
    if (!found) throw new Error('card not shown yet');
    return found as HTMLElement;
  });
  // Customs' reasons come from its receipts, a live query of their own that may follow the card; the
  // fix offers the lines they name.
  expect(await within(card).findByText(elementsIncomplete)).toBeTruthy();
  expect(await within(card).findByText('Lines concerned')).toBeTruthy();
  await userEvent.click(within(card).getByRole('button', { name: 'Re-declare' }));
  return screen.findByRole('dialog');
}

const specOf = (dialog: HTMLElement) =>
  within(dialog).getByRole('textbox', {
    name: 'Specification and model (规格型号) (gdsSpcfModelDesc), line 1',
  });

/** The XML block of the drawer's active tab. */
const shownXml = (drawer: HTMLElement) =>
  [...drawer.querySelectorAll('.zb-xml-text')].find(
    (pre) => pre.closest('[role="tabpanel"]')?.getAttribute('aria-hidden') !== 'true',
  )?.textContent;

describe('the declarations area', { timeout: 180_000 }, () => {
  it('counts the book’s documents by status and lists them with their numbers', async () => {
    const s = await withDocuments();
    await showDeclarations(s.db);
    // Two lists sent (one then rejected) and two gate passes waiting for their lists' numbers.
    await waitFor(() =>
      expect({
        all: countOf('all'),
        waiting: countOf('waiting'),
        sent: countOf('sent'),
        rejected: countOf('rejected'),
        posted: countOf('posted'),
      }).toEqual({ all: '4', waiting: '2', sent: '1', rejected: '1', posted: '0' }),
    );

    await userEvent.click(
      screen.getByText('Rejected (退单)', { selector: '[data-filter] *, [data-filter]' }),
    );
    const table = document.querySelector('.zb-decl-table') as HTMLElement;
    await within(table).findByText(s.outList.etpsInnerInvtNo);
    expect(within(table).queryByText(s.inList.etpsInnerInvtNo)).toBeNull();
    expect(within(table).getByText('202500000000000031')).toBeTruthy();

    // Live: customs posts the I list, and the count follows without a reload.
    await applyReceipt(s.db, incoming(commonResponse(s.inList.etpsInnerInvtNo, '202500000000000030')));
    await applyReceipt(
      s.db,
      incoming(listPosted(s.inList.etpsInnerInvtNo, 'QD010125I000000030', [{ gdsSeqno: 1, inQty: '100' }])),
    );
    await waitFor(() => expect(countOf('posted')).toBe('1'));
  });

  it('shows a document’s lines, the XML exactly as sent and its timeline with customs’ reasons', async () => {
    const s = await withDocuments();
    await showDeclarations(s.db);
    const row = await waitFor(() => {
      const found = document.querySelector(`[data-number="${s.outList.etpsInnerInvtNo}"]`);
      if (!found) throw new Error('row not shown yet');
      return found as HTMLElement;
    });
    // From the keyboard: the row takes the focus, Enter opens the document.
    row.focus();
    await userEvent.keyboard('{Enter}');
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('CPU-9000');
    const stored = (await s.db.declarations.get(s.outList.id))!;
    expect(shownXml(drawer)).toBe(stored.importXml);
    // The drawer may still be sliding in, which antd marks with pointer-events: none.
    await userEvent
      .setup({ pointerEventsCheck: 0 })
      .click(within(drawer).getByRole('tab', { name: 'Schema form (customs XSD)' }));
    await waitFor(() => expect(shownXml(drawer)).toBe(stored.schemaXml));
    const timeline = drawer.querySelector('.zb-decl-timeline') as HTMLElement;
    expect(within(timeline).getByText('Created')).toBeTruthy();
    expect(within(timeline).getByText('Sent')).toBeTruthy();
    expect(timeline.textContent).toContain(`INV201 · Rejected (退单) · ${elementsIncomplete}`);
    // The movement it declares, from the journal: a live query of its own, so it may come after the rest.
    expect(await within(drawer).findByText('Exit abroad')).toBeTruthy();
  });

  it('fixes the 规格型号 customs named and re-declares the list under the same enterprise-internal number', async () => {
    const s = await withDocuments();
    await showDeclarations(s.db);
    const dialog = await openFix(s.outList.etpsInnerInvtNo);
    expect(
      within(dialog).getByText(new RegExp(`number ${s.outList.etpsInnerInvtNo} stays the same`)),
    ).toBeTruthy();
    // The line customs named, with what follows the movements shown and not offered for editing.
    expect(within(dialog).getByText('Line 1')).toBeTruthy();
    expect(within(dialog).getByText(/^20 007 /)).toBeTruthy();
    expect(within(dialog).getByText(/quantity follow the book line and the movements/)).toBeTruthy();
    expect(within(dialog).queryByRole('textbox', { name: /quantity/i })).toBeNull();

    const spec = specOf(dialog);
    expect(spec).toHaveProperty('value', 'BGA封装');
    await userEvent.clear(spec);
    await userEvent.type(spec, '0|0|Zonebook|CPU-9000 BGA');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Remark (备注)' }), 'elements added');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-declare' }));

    await waitFor(async () => {
      const row = await s.db.declarations.get(s.outList.id);
      expect(row).toMatchObject({
        etpsInnerInvtNo: s.outList.etpsInnerInvtNo,
        state: { status: 'queued', chgTmsCnt: 0 },
        outboxState: 'ready',
        revision: 1,
      });
      expect(row!.document.kind === 'INV101' && row!.document.lines[0]).toMatchObject({
        gdsSpcfModelDesc: '0|0|Zonebook|CPU-9000 BGA',
        gdsNm: '处理器集成电路',
        dclQty: '20',
      });
      expect(row!.importXml).toContain('<GdsSpcfModelDesc>0|0|Zonebook|CPU-9000 BGA</GdsSpcfModelDesc>');
      expect(row!.importXml).toContain('elements added');
    });
    await screen.findByText('Nothing to fix: no rejected or parked documents.');
  });

  it('refuses a blank 规格型号 or a bad origin with the domain’s rule, naming the field, and keeps the document', async () => {
    const s = await withDocuments();
    await showDeclarations(s.db);
    const dialog = await openFix(s.outList.etpsInnerInvtNo);
    await userEvent.clear(specOf(dialog));
    const origin = within(dialog).getByRole('textbox', {
      name: 'Country of origin (原产国) (natcd), line 1',
    });
    await userEvent.clear(origin);
    await userEvent.type(origin, 'CN');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-declare' }));
    expect(
      await within(dialog).findByText(/^Specification and model \(规格型号\) \(gdsSpcfModelDesc\): /),
    ).toBeTruthy();
    expect(await within(dialog).findByText('Country of origin (原产国) (natcd): 3 digits')).toBeTruthy();
    const row = await s.db.declarations.get(s.outList.id);
    expect(row).toMatchObject({ state: { status: 'rejected' }, revision: 0 });
  });

  it('shows the store’s refusal in words when the document changed meanwhile', async () => {
    const s = await withDocuments();
    await showDeclarations(s.db);
    await openTab(/^Rejections \(1\)$/);
    const redeclare = await screen.findByRole('button', { name: 'Re-declare' });
    await userEvent.click(redeclare);
    const dialog = await screen.findByRole('dialog');
    // Someone else re-declares it first, and it is sent again: it is no longer rejected.
    await changeDocument(s.db, s.outList.id, (document) => document, { now: now() });
    await markSent(s.db, s.outList.id, { outcome: 'accepted' }, now());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-declare' }));
    expect(
      await within(dialog).findByText(/^Refused: .*it is sent: customs has it, so it cannot be edited now/),
    ).toBeTruthy();
  });

  it('asks for a reason before withdrawing, then returns the movements to pending', async () => {
    const s = await withDocuments();
    await showDeclarations(s.db);
    await openTab(/^Rejections \(1\)$/);
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/batched again into a NEW document with a new number/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    await within(dialog).findByText('Give the reason for withdrawing (reason)');
    expect((await s.db.declarations.get(s.outList.id))?.state.status).toBe('rejected');

    await userEvent.type(within(dialog).getByLabelText('Reason'), 'released by mistake');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    await waitFor(async () =>
      expect((await s.db.declarations.get(s.outList.id))?.state.status).toBe('withdrawn'),
    );
    const { rows } = await queuedPending(s.db);
    expect(rows.map((row) => row.kind)).toEqual(['exitAbroad']);
  });

  it('sends a parked document again from the workbench, with the engine’s reason shown', async () => {
    const s = await withDocuments();
    await changeDocument(s.db, s.outList.id, (document) => document, { now: now() });
    await park(s.db, s.outList.id, 'failed 8 times: OutBox not writable', now());
    await showDeclarations(s.db);
    await openTab(/^Rejections \(1\)$/);
    const reason = await screen.findByText('failed 8 times: OutBox not writable');
    const card = reason.closest('.zb-decl-problem') as HTMLElement;
    expect(within(card).getByText('Parked')).toBeTruthy();
    await userEvent.click(within(card).getByRole('button', { name: 'Send again' }));
    await waitFor(async () =>
      expect(await s.db.declarations.get(s.outList.id)).toMatchObject({
        outboxState: 'ready',
        failedAttempts: 0,
        etpsInnerInvtNo: s.outList.etpsInnerInvtNo,
      }),
    );
    await screen.findByText('Nothing to fix: no rejected or parked documents.');
  });

  it('shows what batching leaves pending, with the reason', async () => {
    const s = await withDocuments();
    await post(
      s.db,
      'displayOut',
      [{ bookLineId: s.chip.id, qty: '2', fromLocationId: s.a01.id }],
      s.book.id,
    );
    await showDeclarations(s.db);
    const held = await screen.findByTestId('held-movements');
    expect(held.textContent).toMatch(
      /1 movement stays pending:.*Waits for customs to approve its business declaration \(业务申报表\)/,
    );
    // Without a sync engine in this window, "batch now" is there but cannot be pressed.
    expect(screen.getByRole('button', { name: /Batch now/ }).hasAttribute('disabled')).toBe(true);
  });

  it('names the 业务申报表 and its 出入库单 in words, in English and Chinese', async () => {
    const s = await seededStore();
    await post(
      s.db,
      'entryFromAbroad',
      [{ bookLineId: s.chip.id, qty: '10', toLocationId: s.a01.id }],
      s.book.id,
    );
    await post(
      s.db,
      'displayOut',
      [{ bookLineId: s.chip.id, qty: '4', fromLocationId: s.a01.id }],
      s.book.id,
    );
    await batchPending(s.db, { deviceId, now: now() });
    const form = (await s.db.declarations.toArray()).find((row) => row.messageType === 'SAS101')!;
    await markSent(s.db, form.id, { outcome: 'accepted' }, now());
    await applyReceipt(s.db, incoming(commonResponse(form.etpsInnerInvtNo, '202500000000000051')));
    await applyReceipt(s.db, incoming(formDecision('202500000000000051', 'SB010125C000000001')));
    await batchPending(s.db, { deviceId, now: now() });

    const { unmount } = render(await withServices(s.db, 'en', <DeclarationsArea />));
    const table = await waitFor(() => {
      const found = document.querySelector('.zb-decl-table') as HTMLElement | null;
      if (!found || !within(found).queryByText('Warehouse slip (出入库单)')) throw new Error('not yet');
      return found;
    });
    expect(within(table).getByText('Business declaration (业务申报表)')).toBeTruthy();
    expect(within(table).getByText('SB010125C000000001')).toBeTruthy();
    const row = document.querySelector(`[data-number="${form.etpsInnerInvtNo}"]`) as HTMLElement;
    row.focus();
    await userEvent.keyboard('{Enter}');
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText(/it authorises the warehouse slips \(出入库单\) that do/);
    unmount();

    render(await withServices(s.db, 'zh-CN', <DeclarationsArea />));
    const zhTable = await waitFor(() => {
      const found = document.querySelector('.zb-decl-table') as HTMLElement | null;
      if (!found || !within(found).queryByText('出入库单')) throw new Error('not yet');
      return found;
    });
    expect(within(zhTable).getByText('业务申报表')).toBeTruthy();
  });

  it('highlights and explains a difference with customs’ posted book, and filters to differences', async () => {
    const s = await withDocuments();
    const [inList] = (await listsOf(s.db)).filter((row) => row.ieFlag === 'I');
    await applyReceipt(s.db, incoming(commonResponse(inList!.etpsInnerInvtNo, '202500000000000030')));
    // Customs' book holds 110 of the 20 opening and 100 received: 10 nobody can account for.
    await applyReceipt(
      s.db,
      incoming(listPosted(inList!.etpsInnerInvtNo, 'QD010125I000000030', [{ gdsSeqno: 1, inQty: '110' }])),
    );
    await showDeclarations(s.db);
    await openTab(/^Reconciliation$/);
    const row = await waitFor(() => {
      const found = document.querySelector('.zb-recon-row-unexplained');
      if (!found) throw new Error('no highlighted row yet');
      return found as HTMLElement;
    });
    expect(within(row).getByText('CPU-9000')).toBeTruthy();
    // Customs' posted and pre-posted balances are both 110; ours is 100 (20 + 100 in, 20 out not yet posted).
    expect(within(row).getAllByText('110')).toHaveLength(2);
    expect(within(row).getAllByText('100')).toHaveLength(1);
    expect(row.textContent).toMatch(/Unexplained: nothing in flight accounts for it/);
    expect(screen.getByText('SRV-2U')).toBeTruthy();
    await userEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect(screen.queryByText('SRV-2U')).toBeNull());
    expect(screen.getByText('CPU-9000')).toBeTruthy();
  });

  it('lists receipts that matched no document, with their numbers', async () => {
    const s = await withDocuments();
    await applyReceipt(s.db, incoming(commonResponse('ZBNOSUCHDOC0000001', '202500000000000099')));
    await showDeclarations(s.db);
    await openTab(/^Unmatched receipts \(1\)$/);
    expect(await screen.findByText(/etpsPreentNo ZBNOSUCHDOC0000001/)).toBeTruthy();
  });
});
