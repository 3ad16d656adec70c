import { useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { goTo, useRoute } from '../../app/areas';
import { CategoriesTab } from './CategoriesTab';
import { ItemsTab } from './ItemsTab';
import { LocationsTab } from './LocationsTab';
import { PartiesTab } from './PartiesTab';
import { SourcesTab } from './SourcesTab';
import { KitsTab } from '../emergency/KitsTab';
import './catalog.css';

const tabs = ['items', 'categories', 'sources', 'locations', 'parties', 'kits'] as const;
type Tab = (typeof tabs)[number];

const panels: Record<Tab, ComponentType> = {
  items: ItemsTab,
  categories: CategoriesTab,
  sources: SourcesTab,
  locations: LocationsTab,
  parties: PartiesTab,
  kits: KitsTab,
};

function isTab(target: string | null): target is Tab {
  return (tabs as readonly (string | null)[]).includes(target);
}

/**
 * 物资目录: items and the master data every movement names (categories, sources, locations, parties),
 * one tab each. The tab lives in the address (#/catalog/sources), so other screens can link to it
 * and a reload keeps the place.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const { target } = useRoute();
  const current: Tab = isTab(target) ? target : 'items';
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const Panel = panels[current];

  function select(tab: Tab, focus = false) {
    if (tab !== current) goTo('catalog', tab);
    if (focus) tabRefs.current[tab]?.focus();
  }

  // The tablist pattern: arrows move between tabs (and show them), Home and End jump to the ends.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.indexOf(current);
    const next: Record<string, number> = {
      ArrowRight: (at + 1) % tabs.length,
      ArrowLeft: (at - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const index = next[event.key];
    if (index === undefined) return;
    event.preventDefault();
    select(tabs[index]!, true);
  }

  return (
    <div className="catalog">
      <div className="catalog-tabs" role="tablist" aria-label={t('catalog.tabsLabel')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              tabRefs.current[tab] = el;
            }}
            id={`catalog-tab-${tab}`}
            type="button"
            role="tab"
            className="catalog-tab"
            aria-selected={tab === current}
            aria-controls="catalog-panel"
            tabIndex={tab === current ? 0 : -1}
            onClick={() => select(tab)}
          >
            {t(`catalog.tabs.${tab}`)}
          </button>
        ))}
      </div>
      <div id="catalog-panel" className="catalog-panel" role="tabpanel" aria-labelledby={`catalog-tab-${current}`}>
        <Panel />
      </div>
    </div>
  );
}
