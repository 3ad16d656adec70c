import { themeQuartz } from 'ag-grid-community';

/**
 * One grid look for the whole app, through ag-grid's Theming API: the window's CJK font stack (no web
 * fonts: the app is offline), dense rows that stay legible, calm colours matching base.css.
 */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', 'sans-serif'],
  fontSize: 13,
  dataFontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  rowHeight: 32,
  headerHeight: 36,
  accentColor: '#1f5f8b',
  foregroundColor: '#1c2630',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#f3f5f7',
  headerTextColor: '#33404d',
  borderColor: '#d5dbe1',
  oddRowBackgroundColor: '#fafbfc',
  rowHoverColor: '#eef4f9',
  wrapperBorderRadius: 4,
  borderRadius: 3,
  browserColorScheme: 'light',
});
