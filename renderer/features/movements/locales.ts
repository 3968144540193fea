/** Movement texts; merged into the app's dictionaries under the "movements" key. */
export const movementsEn = {
  title: 'Movements',
};

export const movementsZh: typeof movementsEn = {
  title: '货物进出',
};
