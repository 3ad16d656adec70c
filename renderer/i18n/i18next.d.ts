import type { zhCN } from '../../shared/i18n/zh-CN';

// Typed keys: `t('nav.inventory')` is checked against the zh-CN source of truth at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
