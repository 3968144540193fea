import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { CurrentBookProvider } from '../../../renderer/app/current-book';
import { createI18n } from '../../../renderer/app/i18n';
import { ServicesProvider } from '../../../renderer/app/services';
import {
  newId,
  sccdCheckCharacter,
  type AccountBook,
  type BookLine,
  type Location,
} from '../../../shared/domain';
import {
  ensureDeviceId,
  openStore,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
  type ZonebookDb,
} from '../../../shared/store';
import type { Language } from '../../../shared/domain/settings';
import { createFakeBridge } from '../fake-bridge';

let databases = 0;

/** A real store on fake-indexeddb, under a name no other test uses. */
export async function freshStore() {
  const db = await openStore({ indexedDB, IDBKeyRange }, `zb-renderer-${Date.now()}-${++databases}`);
  return { db, deviceId: await ensureDeviceId(db), persisted: false };
}

/** Renders a screen inside the app's providers, with a real store and English texts unless told otherwise. */
export async function renderWithStore(
  ui: ReactNode,
  store: Awaited<ReturnType<typeof freshStore>>,
  language: Language = 'en',
) {
  localStorage.clear();
  const i18n = await createI18n(language);
  const services = {
    bridge: createFakeBridge().bridge,
    info: { version: '0.0.0-test', dataFolder: '/data', platform: 'linux', runtime: 'browser-host' as const },
    store,
    sync: null,
  };
  return render(
    <I18nextProvider i18n={i18n}>
      <AntApp>
        <ServicesProvider services={services}>
          <CurrentBookProvider>{ui}</CurrentBookProvider>
        </ServicesProvider>
      </AntApp>
    </I18nextProvider>,
  );
}

export const validSccd = (first17 = '91110105MA01ABCD1') => `${first17}${sccdCheckCharacter(first17)}`;

export interface SeededBook {
  book: AccountBook;
  locations: Location[];
  lines: BookLine[];
}

/** An enterprise, its book valid for years around today, two locations and two book lines. */
export async function seedBook(db: ZonebookDb): Promise<SeededBook> {
  const enterprise = await saveEnterprise(db, {
    id: newId(),
    name: '北京天竺保税物流有限公司',
    sccd: validSccd(),
    etpsno: '1101960ABC',
    aeoLevel: 'advanced',
  });
  const book = await saveBook(db, {
    id: newId(),
    putrecNo: 'T0101W000001',
    bwlTypecd: 'Z',
    masterCuscd: '0101',
    ownerEnterpriseId: enterprise.id,
    validFrom: '20200101',
    finishValidDate: '20991231',
  });
  const locations = await saveLocations(db, [
    { id: newId(), bookId: book.id, code: 'A-01', name: 'Shelf A1' },
    { id: newId(), bookId: book.id, code: 'B-01', name: 'Shelf B1' },
  ]);
  const line = (gdsSeqno: number, gdsMtno: string, barcode: string) => ({
    id: newId(),
    bookId: book.id,
    gdsSeqno,
    gdsMtno,
    gdecd: '8471300000',
    gdsNm: 'Notebook computer',
    gdsSpcfModelDesc: 'X1 14 inch',
    dclUnitcd: '001',
    lawfUnitcd: '001',
    fstSfVal: '1',
    natcd: '116',
    dclCurrcd: '502',
    dclUprcAmt: '899.5',
    barcode,
  });
  const lines = await saveBookLines(db, [line(1, 'NB-001', '6901'), line(2, 'NB-002', '6902')]);
  return { book, locations, lines };
}
