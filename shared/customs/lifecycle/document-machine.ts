import { assign, setup } from 'xstate';
import type { Receipt } from '../receipts/receipt';
import { applyReceiptToStatus } from './apply-receipt';
import { applyDocumentCommand, type DocumentCommand } from './document-commands';
import type { DocumentKind } from './document-kinds';
import { DocumentStatus, type DocumentState } from './document-status';

export type DocumentEvent = DocumentCommand | { readonly type: 'RECEIPT'; readonly receipt: Receipt };

/** The persisted state, and the kind of document it belongs to (which decides where its life ends). */
export type DocumentMachineContext = DocumentState & { readonly kind?: DocumentKind };

/**
 * The lifecycle of one customs document as a statechart. The rules live in the pure functions
 * applyDocumentCommand and applyReceiptToStatus (the store calls them without an actor); the machine
 * applies them and then settles in the state named by the resulting status. It starts from a persisted
 * DocumentState (`input`), so an actor is rebuilt from the status, never from a snapshot; with the
 * document's kind, receipts never take it past its kind's end (finalStatusOf).
 */
export const documentMachine = setup({
  types: {
    context: {} as DocumentMachineContext,
    events: {} as DocumentEvent,
    input: {} as DocumentMachineContext,
  },
  guards: {
    commandAllowed: ({ context, event }) =>
      event.type !== 'RECEIPT' && applyDocumentCommand(context, event).ok,
  },
  actions: {
    applyCommand: assign(({ context, event }) => {
      if (event.type === 'RECEIPT') return context;
      const result = applyDocumentCommand(context, event);
      return result.ok ? { ...context, ...result.state } : context;
    }),
    applyReceipt: assign(({ context, event }) =>
      event.type === 'RECEIPT'
        ? { ...context, ...applyReceiptToStatus(context, event.receipt, context.kind).state }
        : context,
    ),
  },
}).createMachine({
  id: 'customsDocument',
  context: ({ input }) => input,
  initial: 'settling',
  on: {
    RECEIPT: { target: '.settling', actions: 'applyReceipt' },
    QUEUE: { guard: 'commandAllowed', target: '.settling', actions: 'applyCommand' },
    SENT: { guard: 'commandAllowed', target: '.settling', actions: 'applyCommand' },
    CHANGE: { guard: 'commandAllowed', target: '.settling', actions: 'applyCommand' },
    REDECLARE: { guard: 'commandAllowed', target: '.settling', actions: 'applyCommand' },
    WITHDRAW: { guard: 'commandAllowed', target: '.settling', actions: 'applyCommand' },
  },
  states: {
    settling: {
      always: DocumentStatus.options.map((status) => ({
        guard: ({ context }: { context: DocumentMachineContext }) => context.status === status,
        target: status,
      })),
    },
    draft: { description: 'Being edited; nothing has gone to customs in this version.' },
    queued: { description: 'Waiting for the sync engine to hand it to the endpoint.' },
    sent: { description: 'In the OutBox or posted; no answer yet.' },
    importFailed: { description: 'The client refused the file (DealFlag ≠ 0).' },
    imported: { description: 'The client imported it (DealFlag 0); customs has a pre-entry number.' },
    manualReview: { description: '转人工: a customs officer reviews it.' },
    rejected: { description: '退单: to be fixed and re-declared, or withdrawn.' },
    approved: { description: '通过.' },
    prePosted: { description: '预核扣: the book holds the quantities as pre-posted.' },
    gatePassed: { description: 'The goods have passed the gate.' },
    posted: { description: 'INV211: customs has posted the book.' },
    withdrawing: { description: 'A deletion request is with customs.' },
    withdrawn: { description: 'Taken back; it will not be declared.' },
  },
});
