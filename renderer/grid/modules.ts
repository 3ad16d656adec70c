import {
  CellStyleModule,
  ClientSideRowModelModule,
  LocaleModule,
  ModuleRegistry,
  QuickFilterModule,
  RowApiModule,
  ScrollApiModule,
  TextFilterModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';

/**
 * The ag-grid features this app uses, registered once. Listing them (instead of AllCommunityModule)
 * keeps the bundle small; in development the validation module names any feature used but missing.
 */
const modules: Module[] = [
  ClientSideRowModelModule,
  QuickFilterModule,
  RowApiModule,
  // ensureNodeVisible: a scanned item is scrolled into view.
  ScrollApiModule,
  TextFilterModule,
  CellStyleModule,
  LocaleModule,
];
if (import.meta.env.DEV) modules.push(ValidationModule);

ModuleRegistry.registerModules(modules);
