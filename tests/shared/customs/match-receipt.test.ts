import {
  matchReceipt,
  relatedCustomsNumbers,
  type DocumentNumbers,
} from '../../../shared/customs/receipts/match-receipt';
import { parseReceipt } from '../../../shared/customs/receipts/parse-receipt';
import type { Receipt } from '../../../shared/customs/receipts/receipt';
import { realReceipt } from './support/receipts';

const parsed = (xml: string): Receipt => {
  const result = parseReceipt(xml);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('matchReceipt', () => {
  const documents: DocumentNumbers[] = [
    { documentId: 'doc-import', etpsInnerNo: '278792851A' },
    { documentId: 'doc-inv201', etpsInnerNo: 'COSU6391946850D', preEntryNo: '202400000122717119' },
    { documentId: 'doc-pass', etpsInnerNo: 'ZB-PASS-1', preEntryNo: '202400000069440319' },
    { documentId: 'doc-by-customs-no', etpsInnerNo: 'ZB-PASS-2', customsNo: 'Z3111I240728000000000003' },
  ];

  it('matches CommonResponeMessage by our number, not by the pre-entry number', () => {
    expect(matchReceipt(parsed(realReceipt('common_resp_msg.xml')), documents)).toEqual({
      matched: true,
      documentId: 'doc-import',
      by: 'etpsInnerNo',
    });
  });

  it('matches a receipt with the list head by etpsInnerInvtNo', () => {
    expect(matchReceipt(parsed(realReceipt('INV201.xml')), documents)).toMatchObject({
      documentId: 'doc-inv201',
      by: 'etpsInnerNo',
    });
  });

  it('matches a receipt without our number by the recorded pre-entry number first', () => {
    expect(matchReceipt(parsed(realReceipt('SAS221.xml')), documents)).toMatchObject({
      documentId: 'doc-pass',
      by: 'preEntryNo',
    });
  });

  it('falls back to the customs number', () => {
    const withoutPreEntry = documents.filter((document) => document.documentId !== 'doc-pass');
    expect(matchReceipt(parsed(realReceipt('SAS221.xml')), withoutPreEntry)).toMatchObject({
      documentId: 'doc-by-customs-no',
      by: 'customsNo',
    });
  });

  it('reports a receipt that matches nothing instead of guessing', () => {
    expect(matchReceipt(parsed(realReceipt('INV211.xml')), documents)).toEqual({ matched: false });
  });

  it('names the documents a gate pass relates to', () => {
    expect(relatedCustomsNumbers(parsed(realReceipt('SAS221.xml')))).toEqual(['QD311124I000067647']);
  });
});
