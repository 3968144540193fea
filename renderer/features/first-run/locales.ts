/** First-run texts; merged into the set-up texts under "firstRun" (the set-up tab is where a first run lands). */
export const firstRunEn = {
  title: 'Welcome to Zonebook',
  intro:
    'There is no account book on this workstation yet. Try Zonebook on demo data, or start with your own book.',
  demoTitle: 'Load demo data',
  demoBody:
    'A comprehensive-bonded-zone enterprise in Tianzhu with its account book, locations, 60 book lines with real HS codes, and a history of every kind of movement. Nothing is declared to real customs.',
  demo: 'Load demo data',
  emptyTitle: 'Start with an empty book',
  emptyBody:
    'Enter your enterprise, its account book (账册) and locations, then import the item master and opening balances.',
  empty: 'Start with an empty book',
  demoFailed: 'The demo data could not be loaded: {{message}}',
};

export const firstRunZh: typeof firstRunEn = {
  title: '欢迎使用 Zonebook',
  intro: '本机还没有电子账册。可以先用演示数据试用，也可以直接建立自己的账册。',
  demoTitle: '加载演示数据',
  demoBody:
    '天竺综合保税区的一家企业，含电子账册、库位、60 项真实商品编码的料件，以及各类业务的进出记录。不会向真实海关申报。',
  demo: '加载演示数据',
  emptyTitle: '从空账册开始',
  emptyBody: '录入企业、电子账册和库位，然后导入料件表和期初库存。',
  empty: '从空账册开始',
  demoFailed: '演示数据加载失败：{{message}}',
};
