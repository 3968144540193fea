/** Customs endpoint texts; merged into the app's dictionaries under the "endpoint" key. */
export const endpointEn = {
  title: 'Customs endpoint',
  explain: 'Where declarations go and receipts come from.',
  sandbox: 'Sandbox customs (built in)',
  sandboxHint:
    "A simulated customs inside Zonebook: it checks each message, answers with receipts in the real shapes, approves, rejects with reasons and posts the book. It is told the book's opening stock (opening balances, stocktakes), which real customs' book already holds. Nothing reaches real customs.",
  folder: 'Single Window client folders',
  folderHint:
    'The import path of the IC card in the Single Window client: the folder that holds OutBox, InBox, SentBox and FailBox.',
  folderLabel: 'Exchange folder',
  http: 'HTTP gateway',
  gatewayUrl: 'Gateway address',
  token: 'Gateway token',
  tokenHint: 'Kept apart from the settings, encrypted where the system offers it.',
  saveToken: 'Save token',
  tokenSaved: 'Token saved',
  save: 'Use this endpoint',
  saved: 'Customs endpoint saved',
  status: 'Status',
  reachable: 'reachable',
  unreachable: 'not reachable',
  waiting: '{{count}} message(s) waiting to be taken',
  plainText:
    'This system offers no encrypted storage: the gateway token is kept in plain text in the data folder.',
  openingStockFailed:
    'The sandbox customs could not be told of the opening stock ({{message}}); it is told again at the next start.',
};

export const endpointZh: typeof endpointEn = {
  title: '海关通道',
  explain: '申报发往何处，回执从何处来。',
  sandbox: '模拟海关（内置）',
  sandboxHint:
    'Zonebook 内置的模拟海关：校验报文、按真实格式回执、审核通过或退单并说明原因、记账。账册的期初库存（期初余额、盘点调整）会告知模拟海关，与真实海关底账一致。不会发往真实海关。',
  folder: '单一窗口客户端目录',
  folderHint: '单一窗口客户端中 IC 卡的导入路径：包含 OutBox、InBox、SentBox、FailBox 的目录。',
  folderLabel: '交换目录',
  http: 'HTTP 网关',
  gatewayUrl: '网关地址',
  token: '网关令牌',
  tokenHint: '与设置分开保存，系统支持时加密存储。',
  saveToken: '保存令牌',
  tokenSaved: '令牌已保存',
  save: '使用此通道',
  saved: '海关通道已保存',
  status: '状态',
  reachable: '可连接',
  unreachable: '无法连接',
  waiting: '{{count}} 份报文等待客户端读取',
  plainText: '本系统不提供加密存储：网关令牌以明文保存在数据目录中。',
  openingStockFailed: '未能将期初库存告知模拟海关（{{message}}），下次启动时将再次告知。',
};
