/**
 * The interface text of every language, keyed by the language codes the settings accept.
 * zh-CN is the source of truth; en-US is typed to have exactly its keys.
 */
import type { Language } from '../contract';
import { enUS } from './en-US';
import { zhCN, type Translation } from './zh-CN';

export type { Translation } from './zh-CN';
export { zhCN } from './zh-CN';
export { enUS } from './en-US';

export const translations: Readonly<Record<Language, Translation>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** The interface languages in the order a picker lists them (without pulling zod into the renderer). */
export const interfaceLanguages = Object.keys(translations) as Language[];

/** The language a fresh install and an unreadable database start in. */
export const defaultLanguage: Language = 'zh-CN';
