/** Inventory texts; merged into the app's dictionaries under the "inventory" key. */
export const inventoryEn = {
  tabs: { stock: 'Stock', setup: 'Enterprises, books and locations', import: 'Import' },
};

export const inventoryZh: typeof inventoryEn = {
  tabs: { stock: '库存', setup: '企业、账册与库位', import: '导入' },
};
