// electron-builder configuration. appId and productName are fixed: changing productName moves
// Electron's userData folder (and the IndexedDB in it), so they never change.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.zonebook.desktop',
  productName: 'Zonebook',
  executableName: 'zonebook',
  copyright: 'Zonebook',
  directories: { output: 'release', buildResources: 'build' },
  // Main, preload and renderer are bundled, so the app needs no node_modules at run time.
  files: ['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map', '!node_modules/**'],
  npmRebuild: false,
  extraMetadata: { main: 'dist/electron/main.cjs' },
  asar: true,
  // An unpacked Electron can be supplied with ELECTRON_DIST (offline builds, the packaging check).
  ...(process.env.ELECTRON_DIST ? { electronDist: process.env.ELECTRON_DIST } : {}),
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Zonebook <support@zonebook.cn>' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
};
