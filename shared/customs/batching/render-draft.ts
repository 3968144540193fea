import type { Enterprise } from '../../domain/enterprise';
import type { CustomsDocumentModel } from '../model/customs-document';
import type { MessageEnvelope } from '../xml/envelope-info';
import { renderInv101ImportForm } from '../xml/import-form/render-inv101';
import { renderSas101ImportForm } from '../xml/import-form/render-sas101';
import { renderSas111ImportForm } from '../xml/import-form/render-sas111';
import { renderSas121ImportForm } from '../xml/import-form/render-sas121';
import { renderInv101SchemaForm } from '../xml/schema-form/render-inv101';
import { renderSas101SchemaForm } from '../xml/schema-form/render-sas101';
import { renderSas111SchemaForm } from '../xml/schema-form/render-sas111';
import { renderSas121SchemaForm } from '../xml/schema-form/render-sas121';
import type { DeclarationSettings } from './policy';
import { envelopeTimeOf } from './zone-time';

export interface RenderedDocument {
  /** What goes into the Single Window client's OutBox. */
  readonly importXml: string;
  /** The same document as the customs XSDs describe it. */
  readonly schemaXml: string;
  readonly fileName: string;
}

export interface RenderRequest {
  readonly document: CustomsDocumentModel;
  readonly etpsInnerNo: string;
  readonly ieFlag: 'I' | 'E';
  /** Counts the versions of this document (0 first); a fixed or changed document is a new file. */
  readonly revision: number;
  readonly owner: Enterprise;
  readonly settings: DeclarationSettings;
  readonly now: string;
}

/**
 * Both forms of one document, synchronously (the store renders inside its transaction). The file name
 * follows the production bridges' convention, {type}_{I|E}_{企业内部编号}, with the revision after it.
 */
export function renderDocument(request: RenderRequest): RenderedDocument {
  const { document, settings, owner } = request;
  const base = `${document.kind}_${request.ieFlag}_${request.etpsInnerNo}_r${request.revision}`;
  const envelope: MessageEnvelope = {
    messageId: base,
    fileName: `${base}.xml`,
    senderId: settings.senderId ?? owner.etpsno,
    receiverId: settings.receiverId,
    sendTime: envelopeTimeOf(request.now),
  };
  const importOptions = { declare: true, operCusRegCode: settings.operCusRegCode ?? owner.etpsno };
  const fileName = `${base}.xml`;
  switch (document.kind) {
    case 'INV101':
      return {
        importXml: renderInv101ImportForm(document, envelope, importOptions),
        schemaXml: renderInv101SchemaForm(document, envelope),
        fileName,
      };
    case 'SAS101':
      return {
        importXml: renderSas101ImportForm(document, envelope, importOptions),
        schemaXml: renderSas101SchemaForm(document, envelope),
        fileName,
      };
    case 'SAS111':
      return {
        importXml: renderSas111ImportForm(document, envelope, importOptions),
        schemaXml: renderSas111SchemaForm(document, envelope),
        fileName,
      };
    case 'SAS121':
      return {
        importXml: renderSas121ImportForm(document, envelope, importOptions),
        schemaXml: renderSas121SchemaForm(document, envelope),
        fileName,
      };
  }
}
