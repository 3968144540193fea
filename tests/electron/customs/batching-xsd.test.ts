import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../../electron/customs/xsd-validate';
import {
  batchMovements,
  defaultDeclarationSettings,
  renderDocument,
  type DocumentDraft,
} from '../../../shared/customs/batching';
import type { Sas101Document } from '../../../shared/customs/model/sas101';
import {
  chainKinds,
  inputOf,
  listKinds,
  movementOf,
  optionsOf,
  owner,
} from '../../shared/customs/batching/support';
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

describe('the 业务申报表 chain’s documents validate against the customs XSDs (schema form)', () => {
  const validated = async (draft: DocumentDraft, now: string) => {
    const rendered = renderDocument({
      document: draft.document,
      etpsInnerNo: draft.etpsInnerNo,
      ieFlag: draft.ieFlag,
      revision: 0,
      owner,
      settings: defaultDeclarationSettings,
      now,
    });
    expect(rendered.importXml).toContain(draft.etpsInnerNo);
    return validateMessage(rendered.schemaXml, { xsdRoot });
  };

  it.each(chainKinds)('%s: the form, then the slip and its pass', async (kind) => {
    const movement = movementOf(kind, [
      { seqno: 3, qty: '12.5' },
      { seqno: 1, qty: '0.5' },
      { seqno: 3, qty: '7' },
    ]);
    const options = optionsOf();
    const first = batchMovements(inputOf([movement]), options);
    expect(first.drafts.map((draft) => draft.messageType)).toEqual(['SAS101']);
    const [formDraft] = first.drafts as [DocumentDraft];
    expect(await validated(formDraft, options.now), `SAS101 of ${kind}`).toMatchObject({ status: 'valid' });

    const second = batchMovements(
      {
        ...inputOf([movement]),
        businessForms: [
          {
            etpsPreentNo: formDraft.etpsInnerNo,
            bookId: formDraft.bookId,
            document: formDraft.document as Sas101Document,
            status: 'approved',
            sasDclNo: 'SB010126B000000001',
            slippedOut: {},
          },
        ],
      },
      optionsOf(),
    );
    expect(second.held).toEqual([]);
    expect(second.drafts.map((draft) => draft.messageType)).toEqual(['SAS111', 'SAS121']);
    for (const draft of second.drafts)
      expect(await validated(draft, options.now), `${draft.messageType} of ${kind}`).toMatchObject({
        status: 'valid',
      });
  });
});
