export const en = {
  app: { name: 'Zonebook', tagline: 'Bonded inventory and customs declarations' },
  book: { current: 'Account book' },
  nav: {
    inventory: 'Inventory',
    movements: 'Movements',
    group: 'Group transfers',
    exhibits: 'Exhibits',
    declarations: 'Declarations',
    reports: 'Reports',
    settings: 'Settings',
  },
  notBuilt: {
    title: '{{area}} is not built yet',
    body: 'This area is planned but does not work yet. Nothing here is stored or declared.',
    plan: {
      inventory: 'The e-account book: book lines and their balances by location and custody.',
      movements: 'Receipts, dispatches, transfers, relocations, scrap and stocktake adjustments.',
      group: 'Transfers of parts between the subsidiaries of a group, with in-transit stock.',
      exhibits: 'Exhibits taken out under guarantee, their returns, sales and deadlines.',
      declarations: 'Batched customs documents, receipts, rejections and reconciliation.',
      reports: 'Stock, movement, guarantee and tax reports with charts and exports.',
    },
  },
  settings: {
    title: 'Settings',
    about: 'About this installation',
    version: 'Version',
    dataFolder: 'Data folder',
    runtime: 'Runtime',
    platform: 'Platform',
    database: 'Local database',
    persisted: 'Persistent storage granted',
    notPersisted: 'Persistent storage not granted: the browser may clear data when the disk is full',
    language: 'Language',
    languageHint: 'Applies at once and is remembered.',
    followSystem: 'Follow the system',
    saved: 'Saved',
  },
  runtime: { electron: 'Desktop app (Electron)', 'browser-host': 'Browser host' },
  status: {
    sync: 'Customs sync',
    syncNotBuilt: 'not set up yet (arrives with Declarations)',
    offline: 'Offline',
    online: 'Online',
  },
  errors: {
    boundaryTitle: 'This screen failed',
    boundaryBody: 'The rest of Zonebook still works. What went wrong: {{message}}',
    retry: 'Try again',
    settingsRecovered:
      'Your settings file could not be read. It was kept as {{path}} and the defaults are in use until you change something.',
    noToken:
      'This page was opened without its access token. Open the address printed by “npm start” or “npm run serve”.',
    bridge: 'Could not reach the Zonebook service: {{message}}',
  },
};

export type Messages = typeof en;
