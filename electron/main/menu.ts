/**
 * The application menu. Labels carry Chinese and English because the menu is built before the
 * keeper's language is known. Reload and DevTools exist only while developing: a reload in the
 * middle of a dispatch would throw away the keeper's unsaved form.
 */
import { app, Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { mainWindowTitle } from './window';

function developmentItems(isDev: boolean): MenuItemConstructorOptions[] {
  if (!isDev) return [];
  return [
    { role: 'reload', label: '重新加载 Reload' },
    { role: 'toggleDevTools', label: '开发者工具 Developer Tools' },
    { type: 'separator' },
  ];
}

/** The menu's template; reload and DevTools appear only when `isDev`. */
export function applicationMenuTemplate(isDev: boolean): MenuItemConstructorOptions[] {
  return [
    { label: '文件 File', submenu: [{ role: 'quit', label: '退出 Quit' }] },
    {
      label: '编辑 Edit',
      submenu: [
        { role: 'undo', label: '撤销 Undo' },
        { role: 'redo', label: '重做 Redo' },
        { type: 'separator' },
        { role: 'cut', label: '剪切 Cut' },
        { role: 'copy', label: '复制 Copy' },
        { role: 'paste', label: '粘贴 Paste' },
        { role: 'selectAll', label: '全选 Select All' },
      ],
    },
    {
      label: '视图 View',
      submenu: [
        ...developmentItems(isDev),
        { role: 'resetZoom', label: '实际大小 Actual Size' },
        { role: 'zoomIn', label: '放大 Zoom In' },
        { role: 'zoomOut', label: '缩小 Zoom Out' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏 Full Screen' },
      ],
    },
    {
      label: '窗口 Window',
      submenu: [
        { role: 'minimize', label: '最小化 Minimize' },
        { role: 'close', label: '关闭 Close' },
      ],
    },
    { label: '帮助 Help', submenu: [{ role: 'about', label: '关于 About Relief Reserve' }] },
  ];
}

/** Installs the application menu and the About box's text. */
export function installApplicationMenu(isDev: boolean): void {
  app.setAboutPanelOptions({
    applicationName: mainWindowTitle,
    applicationVersion: app.getVersion(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(isDev)));
}
