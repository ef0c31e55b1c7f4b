// The thin Electron shell: hands Electron's objects to runShell, which holds the logic.
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, shell } from 'electron'
import { join } from 'node:path'
import { startBackend } from './backend'
import { runShell } from './shell/runShell'
import { safeStorageSecrets } from './shell/safeStorageSecrets'

void runShell({
  app,
  ipcMain,
  BrowserWindow,
  screen,
  openExternal: (url) => shell.openExternal(url),
  showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  showMessageBox: (window, options) => dialog.showMessageBoxSync(window, options),
  startBackend,
  secrets: safeStorageSecrets(safeStorage),
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  // electron-vite emits CommonJS (package.json has no "type": "module"): out/main, out/preload, out/renderer.
  rendererHtmlPath: join(__dirname, '../renderer/index.html'),
  preloadPath: join(__dirname, '../preload/index.js'),
})
