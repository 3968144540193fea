import { parseReceipt, parseReceiptFile } from '../../../shared/customs/receipts/parse-receipt';
import { receiptMatchKeys } from '../../../shared/customs/receipts/match-receipt';
import { receiptOutcome } from '../../../shared/customs/receipts/receipt-outcome';
import type { Receipt } from '../../../shared/customs/receipts/receipt';
import { approval, packageReceipt, realReceipt } from './support/receipts';

const parsed = (xml: string): Receipt => {
  const result = parseReceipt(xml);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('parseReceipt on the real receipts customs sent', () => {
  it('reads CommonResponeMessage: our number, the pre-entry number and DealFlag', () => {
    const receipt = parsed(realReceipt('common_resp_msg.xml'));
    expect(receipt).toMatchObject({
      messageType: 'CommonResponeMessage',
      seqNo: '202400000122534496',
      etpsPreentNo: '278792851A',
      dealFlag: '0',
      reasons: ['保税核注清单申报服务调用成功'],
    });
    expect(receiptMatchKeys(receipt)).toEqual({
      etpsInnerNo: '278792851A',
      preEntryNo: '202400000122534496',
    });
    expect(receiptOutcome(receipt)).toBe('imported');
  });

  it('reads INV201 (xmldsig namespace, no declaration): approval, head and pre-posting', () => {
    const receipt = parsed(realReceipt('INV201.xml'));
    expect(receipt).toMatchObject({
      messageType: 'INV201',
      etpsPreentNo: '202400000122717119',
      businessId: 'QD311124E000098849',
      tmsCnt: 0,
      typecd: '1',
      manageResult: '4',
      manageDate: '2024-07-30 11:48:02',
      etpsInnerInvtNo: 'COSU6391946850D',
      envelope: { messageId: 'CUS0000E0100002024073011480300878902307', sendTime: '2024-07-30T11:48:03' },
      pocket: {
        pocketId: 'QD311124E000098849-e2ad23739ae84590abf11f4b69cfd462',
        totalPocketQty: 1,
        curPocketNo: 1,
      },
    });
    expect(receipt.rmk).toBeUndefined();
    expect(receipt.head?.type).toBe('BondInvtBsc');
    expect(receipt.head?.fields).toMatchObject({
      invtPreentNo: '202400000122717119',
      putrecNo: 'T3111W000076',
      vrfdedMarkcd: '1',
      supvModecd: '5034',
      dclTypecd: '1',
    });
    // Empty elements read as absent.
    expect(receipt.head?.fields).not.toHaveProperty('entryNo');
    expect(receipt.head?.fields).not.toHaveProperty('levyBlAmt');
    expect(receiptOutcome(receipt)).toBe('prePosted');
    expect(receiptMatchKeys(receipt)).toEqual({
      etpsInnerNo: 'COSU6391946850D',
      preEntryNo: '202400000122717119',
      customsNo: 'QD311124E000098849',
    });
  });

  it('reads INV211: no approval, the head and the posted book line', () => {
    const receipt = parsed(realReceipt('INV211.xml'));
    expect(receipt.messageType).toBe('INV211');
    expect(receipt.manageResult).toBeUndefined();
    expect(receipt.etpsInnerInvtNo).toBe('临海43447305');
    expect(receipt.head?.fields.bondInvtNo).toBe('QD311124I000067486');
    expect(receipt.bookLines).toHaveLength(1);
    expect(receipt.bookLines[0]).toMatchObject({
      type: 'BwsDt',
      bookNo: 'T3111W000076',
      gdsSeqno: 2255,
      gdsMtno: '9405310000',
      gdecd: '9405310000',
      gdsNm: '节日灯',
      dclUnitcd: '006',
      secdLawfUnitcd: '035',
      avgPrice: '3.9',
      totalAmt: '15186.6',
      inQty: '3894',
      inLawfQty: '3894',
      inSecdLawfQty: '1233.1',
      invtNo: 'QD311124I000067486',
      invtGNo: '1',
      modfMarkcd: '3',
    });
    expect(receipt.bookLines[0]?.actlRedcQty).toBeUndefined();
    expect(receipt.bookLines[0]?.fields.cusmExeMarkcd).toBe('1');
    expect(receiptOutcome(receipt)).toBe('posted');
    expect(receiptMatchKeys(receipt)).toMatchObject({
      etpsInnerNo: '临海43447305',
      customsNo: 'QD311124I000067486',
    });
  });

  it('reads SAS221 (no namespace): approval, pass head, goods line and related list', () => {
    const receipt = parsed(realReceipt('SAS221.xml'));
    expect(receipt).toMatchObject({
      messageType: 'SAS221',
      etpsPreentNo: '202400000069440319',
      businessId: 'Z3111I240728000000000003',
      manageResult: '1',
    });
    expect(receipt.etpsInnerInvtNo).toBeUndefined();
    expect(receipt.head?.fields).toMatchObject({
      sasPassportPreentNo: '202400000069440319',
      rltNo: 'QD311124I000067647',
      vehicleNo: '鄂AJL371',
      totalWt: '14292.8',
      stucd: '1',
    });
    expect(receipt.lines).toEqual([
      {
        type: 'SasPassportDt',
        fields: expect.objectContaining({
          passportSeqno: '1',
          rltGdsSeqno: '8',
          dclQty: '17568',
          gdsNm: '圣诞饰品',
        }),
      },
    ]);
    expect(receipt.related[0]?.fields).toMatchObject({ rltTbTypecd: '1', rltNo: 'QD311124I000067647' });
    expect(receiptOutcome(receipt)).toBe('approved');
  });
});

describe('parseReceipt leniency', () => {
  it('accepts a receipt with or without the declaration and the xmldsig namespace', () => {
    const original = realReceipt('INV201.xml');
    const withDeclaration = `<?xml version="1.0" encoding="utf-8"?>\n${original}`;
    const withoutNamespace = original.replace(' xmlns="http://www.w3.org/2000/09/xmldsig#"', '');
    const prefixed = original
      .replace(
        '<Package xmlns="http://www.w3.org/2000/09/xmldsig#">',
        '<ds:Package xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
      )
      .replace('</Package>', '</ds:Package>');
    const reference = parsed(original);
    for (const variant of [withDeclaration, withoutNamespace, prefixed, `\uFEFF${original}`])
      expect(parsed(variant)).toEqual(reference);
  });

  it('keeps unknown elements and unknown fields', () => {
    const xml = packageReceipt(
      'SAS223',
      `${approval({ manageResult: '1', businessId: 'Z0102E250314000000000001' })}
      <SasPassportBsc><passportNo>Z0102E250314000000000001</passportNo><newGateField>7</newGateField></SasPassportBsc>
      <FutureThing><a>1</a></FutureThing>`,
    );
    const receipt = parsed(xml);
    expect(receipt.head?.fields.newGateField).toBe('7');
    expect(receipt.unknown.map((node) => node.name)).toEqual(['FutureThing']);
    expect(receiptOutcome(receipt)).toBe('gatePassed');
  });

  it('reads CheckInfo notes as reasons', () => {
    const xml = packageReceipt(
      'SAS211',
      `${approval({ manageResult: '3' })}<CheckInfo><note>底账余量不足</note></CheckInfo><CheckInfo><note>料号不一致</note></CheckInfo>`,
    );
    const receipt = parsed(xml);
    expect(receipt.reasons).toEqual(['底账余量不足', '料号不一致']);
    expect(receiptOutcome(receipt)).toBe('rejected');
  });

  it('reads INV202 (no PocketInfo): the generated declaration and its numbers', () => {
    const xml = `<Package><EnvelopInfo><message_id>M202</message_id><message_type>INV202</message_type></EnvelopInfo>
      <DataInfo><BussinessData><INV202><InvApprResult>
        <invPreentNo>202500000123456789</invPreentNo><businessId>QD010225I000001234</businessId>
        <entrySeqNo>I20250000123456789</entrySeqNo><manageResult>2</manageResult>
        <createDate>2025-03-14 10:00:00</createDate><reason>商品编码不存在</reason>
      </InvApprResult></INV202></BussinessData></DataInfo></Package>`;
    const receipt = parsed(xml);
    expect(receipt).toMatchObject({
      messageType: 'INV202',
      seqNo: '202500000123456789',
      businessId: 'QD010225I000001234',
      entrySeqNo: 'I20250000123456789',
      manageResult: '2',
      reasons: ['商品编码不存在'],
    });
    expect(receiptOutcome(receipt)).toBe('informational');
  });

  it('reads SAS253 (two-step gate pass) as a gate passage', () => {
    const xml = packageReceipt(
      'SAS253',
      `${approval({ manageResult: '1', businessId: 'Z3105I241030T00000000075' })}
      <Sas2stepPassportBsc><passportNo>Z3105I241030T00000000075</passportNo><stucd>2</stucd><col4>0</col4></Sas2stepPassportBsc>`,
    );
    const receipt = parsed(xml);
    expect(receipt.head?.type).toBe('Sas2stepPassportBsc');
    expect(receiptOutcome(receipt)).toBe('gatePassed');
  });
});

describe('parseReceipt refusals', () => {
  const refusal = (xml: string): string => {
    const result = parseReceiptFile(xml);
    if (result.ok) throw new Error('accepted');
    return result.reason;
  };

  it('refuses a truncated file with the place it breaks', () => {
    const original = realReceipt('SAS221.xml');
    expect(refusal(original.slice(0, Math.floor(original.length / 2)))).toMatch(/not well-formed/);
  });

  it('refuses empty, non-XML and binary junk without throwing', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('DealFlag=0')).toMatch(/not well-formed|root/);
    expect(refusal('\u0000\u0001garbage')).toBeTruthy();
    expect(refusal('<a><b></a>')).toMatch(/not well-formed/);
  });

  it('refuses a well-formed file that is not a receipt, or has no business data', () => {
    expect(refusal('<html><body>502 Bad Gateway</body></html>')).toMatch(/not a customs receipt/);
    expect(refusal('<Package><EnvelopInfo/><DataInfo/></Package>')).toMatch(/no business data/);
  });

  it('refuses a receipt with no number to match it by', () => {
    const xml = packageReceipt(
      'SAS221',
      '<HdeApprResult><manageResult>1</manageResult><etpsPreentNo></etpsPreentNo></HdeApprResult>',
    );
    expect(refusal(xml)).toMatch(/no number to match/);
    expect(refusal('<CommonResponeMessage><DealFlag>-1</DealFlag></CommonResponeMessage>')).toMatch(
      /no number/,
    );
  });

  it('refuses an impossible pocket number, and a split pocket as a whole receipt', () => {
    const body = approval({ manageResult: '1' });
    expect(refusal(packageReceipt('SAS221', body, { id: 'p', total: 2, current: 3 }))).toMatch(
      /cannot exist/,
    );
    const pocket = parseReceipt(packageReceipt('SAS221', body, { id: 'p', total: 2, current: 1 }));
    expect(pocket).toMatchObject({ ok: false, reason: expect.stringMatching(/reassemble/) });
  });
});
