import { describe, expect, it } from 'vitest';
import type { CustomsDocumentModel } from '../../../shared/customs/model/customs-document';
import { applyReceipt, batchPending, changeDocument, markSent, postMovements } from '../../../shared/store';
import { withFix } from '../../../shared/store/document-edits';
import { commonResponse, incoming, listApproval, now } from './declarations-support';
import { deviceId, lineFor, movement, recordedAt, refusal, seededStore } from './fixtures';

/** An entry from abroad, batched, sent and refused by customs (退单). */
async function rejectedList() {
  const db = await seededStore();
  await postMovements(db, [movement('entryFromAbroad', [lineFor('entryFromAbroad', '5', 0)])], {
    deviceId,
    recordedAt,
  });
  await batchPending(db, { deviceId, now });
  const list = (await db.declarations.toArray()).find((row) => row.messageType === 'INV101')!;
  await markSent(db, list.id, { outcome: 'accepted' }, now);
  await applyReceipt(db, incoming(commonResponse(list.etpsInnerInvtNo, '202500000000000041')));
  await applyReceipt(db, incoming(listApproval('202500000000000041', 'QD010125I000000041', '3')));
  return { db, list };
}

describe('fixing a rejected list', () => {
  it('changes a line’s 规格型号, name and origin and the remark, and keeps its number and quantities', async () => {
    const { db, list } = await rejectedList();
    const fix = withFix({
      rmk: '补充申报要素',
      lines: new Map([[1, { gdsSpcfModelDesc: '0|0|Intel|i9 BGA', gdsNm: '处理器', natcd: '142' }]]),
    });
    const fixed = await changeDocument(db, list.id, fix, { now });
    expect(fixed).toMatchObject({
      etpsInnerInvtNo: list.etpsInnerInvtNo,
      state: { status: 'queued', chgTmsCnt: 0 },
      revision: 1,
    });
    const line = fixed.document.kind === 'INV101' ? fixed.document.lines[0] : undefined;
    expect(line).toMatchObject({
      gdsSpcfModelDesc: '0|0|Intel|i9 BGA',
      gdsNm: '处理器',
      natcd: '142',
      dclQty: '5',
    });
    expect(fixed.importXml).toContain('<GdsSpcfModelDesc>0|0|Intel|i9 BGA</GdsSpcfModelDesc>');
  });

  it('refuses a change to what the book line fixes, and a fix that breaks the domain rules, naming the field', async () => {
    const { db, list } = await rejectedList();
    const otherItem = (document: CustomsDocumentModel) =>
      document.kind === 'INV101'
        ? { ...document, lines: document.lines.map((line) => ({ ...line, gdecd: '8542390000' })) }
        : document;
    const locked = await refusal(changeDocument(db, list.id, otherItem, { now }));
    expect(locked.code).toBe('documentLocked');
    expect(locked.message).toMatch(/only the remark \(rmk\) and a list line’s 规格型号 \(gdsSpcfModelDesc\)/);

    const blank = await refusal(
      changeDocument(
        db,
        list.id,
        withFix({ lines: new Map([[1, { gdsSpcfModelDesc: ' ', natcd: 'CN' }]]) }),
        {
          now,
        },
      ),
    );
    expect(blank.code).toBe('invalid');
    expect(blank.fields).toEqual([
      { field: 'lines[0].gdsSpcfModelDesc', message: 'must not be blank' },
      { field: 'lines[0].natcd', message: '3 digits' },
    ]);
    expect((await db.declarations.get(list.id))?.state.status).toBe('rejected');
  });
});
