import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { CurrentBookProvider } from '../../../renderer/app/current-book';
import { createI18n } from '../../../renderer/app/i18n';
import { ServicesProvider } from '../../../renderer/app/services';
import { customsDateOf, newId, sccdCheckCharacter } from '../../../shared/domain';
import type { Language } from '../../../shared/domain/settings';
import { kinds, Movement, type MovementKind, type MovementLine } from '../../../shared/ledger';
import {
  openStore,
  postMovement,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
  type ZonebookDb,
} from '../../../shared/store';
import { createFakeBridge } from '../fake-bridge';

export const deviceId = 'test-device-1';
const occurredAt = '2025-03-01T02:00:00.000Z';
let databases = 0;

/** A fresh store with one enterprise, one book, three locations and three book lines, no stock yet. */
export async function seededStore() {
  const db = await openStore(
    { indexedDB, IDBKeyRange },
    `stock-test-${Date.now()}-${(databases += 1)}-${Math.random()}`,
  );
  const enterpriseId = newId();
  const sccd17 = '91110000MA01ABCD1';
  await saveEnterprise(db, {
    id: enterpriseId,
    name: '北京天竺综保示例科技有限公司',
    sccd: `${sccd17}${sccdCheckCharacter(sccd17)}`,
    etpsno: '1101234567',
    aeoLevel: 'advanced',
  });
  const book = await saveBook(db, {
    id: newId(),
    putrecNo: 'T0101W000123',
    bwlTypecd: 'Z',
    masterCuscd: '0101',
    ownerEnterpriseId: enterpriseId,
    validFrom: '20250101',
    finishValidDate: '20271231',
  });
  const [a01, a02, b01] = await saveLocations(db, [
    { id: newId(), bookId: book.id, code: 'A-01', name: '一号库 A01' },
    { id: newId(), bookId: book.id, code: 'A-02', name: '一号库 A02' },
    { id: newId(), enterpriseId, code: 'B-01', name: '二号库 B01' },
  ]);
  const line = (gdsSeqno: number, fields: Record<string, string>) => ({
    id: newId(),
    bookId: book.id,
    gdsSeqno,
    dclUnitcd: '007',
    lawfUnitcd: '007',
    fstSfVal: '1',
    dclCurrcd: '502',
    dclUprcAmt: '12.3456',
    ...fields,
  });
  const [chip, server, wine] = await saveBookLines(db, [
    line(1, {
      gdsMtno: 'CPU-9000',
      gdecd: '8542319000',
      gdsNm: '处理器集成电路',
      gdsSpcfModelDesc: 'BGA封装',
      natcd: '116',
      barcode: '4901234567894',
    }),
    line(2, {
      gdsMtno: 'SRV-2U',
      gdecd: '8471500000',
      gdsNm: '服务器',
      gdsSpcfModelDesc: '2U机架式',
      natcd: '502',
    }),
    line(3, {
      gdsMtno: 'WINE-750',
      gdecd: '2204210000',
      gdsNm: '葡萄酒',
      gdsSpcfModelDesc: '750毫升/瓶',
      natcd: '305',
      dclUnitcd: '142',
      lawfUnitcd: '095',
      fstSfVal: '0.75',
    }),
  ]);
  return { db, book, a01: a01!, a02: a02!, b01: b01!, chip: chip!, server: server!, wine: wine! };
}

/** Posts a valid movement of `kind` with what its rule asks for, on the test device. */
export function post(db: ZonebookDb, kind: MovementKind, lines: MovementLine[], bookId: string) {
  const rule = kinds[kind];
  const movement = Movement.parse({
    id: newId(),
    kind,
    bookId,
    lines,
    occurredAt,
    customsDate: customsDateOf(occurredAt),
    ...(rule.counterparty !== 'none' && {
      counterparty: { name: '北京示例物流有限公司', putrecNo: 'T0101W000999' },
    }),
    ...(rule.needsPurpose && { purpose: 'repair' }),
    ...(rule.approval && { approval: { by: '主管李', at: occurredAt } }),
  });
  return postMovement(db, movement, { deviceId, recordedAt: new Date().toISOString() });
}

/** The app's providers around a screen, on a real store, in the given language. */
export async function withServices(db: ZonebookDb, language: Language, ui: ReactNode) {
  const i18n = await createI18n(language);
  const services = {
    bridge: createFakeBridge().bridge,
    info: { version: '0.0.0-test', dataFolder: '/data', platform: 'linux', runtime: 'browser-host' as const },
    store: { db, deviceId, persisted: true },
    sync: null,
  };
  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider>
        <AntApp>
          <ServicesProvider services={services}>
            <CurrentBookProvider>{ui}</CurrentBookProvider>
          </ServicesProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
