import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../../electron/customs/xsd-validate';
import { batchMovements, defaultDeclarationSettings, renderDocument } from '../../../shared/customs/batching';
import { inputOf, listKinds, movementOf, optionsOf, owner } from '../../shared/customs/batching/support';
import { xsdRoot } from '../../shared/customs/support/paths';

describe('documents the batching makes validate against the customs XSDs (schema form)', () => {
  it.each(listKinds)('%s', async (kind) => {
    const movement = movementOf(kind, [
      { seqno: 3, qty: '12.5' },
      { seqno: 1, qty: '0.5' },
      { seqno: 3, qty: '7' },
    ]);
    const options = optionsOf();
    const { drafts, held } = batchMovements(inputOf([movement]), options);
    expect(held).toEqual([]);
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      const rendered = renderDocument({
        document: draft.document,
        etpsInnerNo: draft.etpsInnerNo,
        ieFlag: draft.ieFlag,
        revision: 0,
        owner,
        settings: defaultDeclarationSettings,
        now: options.now,
      });
      const verdict = await validateMessage(rendered.schemaXml, { xsdRoot });
      expect(verdict, `${draft.messageType} of ${kind}`).toMatchObject({ status: 'valid' });
      expect(rendered.importXml).toContain(draft.etpsInnerNo);
    }
  });
});
