import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemSearchHit } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { call, errorText } from '../api/client';
import './ItemPicker.css';

export interface ItemPickerProps {
  /** The field's name; also the accessible name of the input and of its list of matches. */
  label: string;
  /** The item picked so far; its name shows while the keeper is not typing. */
  value: Item | null;
  /** A match was chosen (Enter, Tab, click or a scanned barcode); `barcodeQuantity` is set for barcodes. */
  onPick(hit: ItemSearchHit): void;
  /** The keeper emptied the field and left it. */
  onClear?(): void;
  autoFocus?: boolean;
  /** Offer deactivated items too (reports, reversals); entry screens leave them out. */
  includeInactive?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** The answer shown for one search text. */
interface Search {
  text: string;
  status: 'searching' | 'done' | 'failed';
  hits: ItemSearchHit[];
  error?: AppError;
}

/** How long typing must pause before a search goes out; a scanner's Enter does not wait. */
const debounceMs = 150;
const searchLimit = 20;
const maxTextLength = 80;

function searchText(typed: string): string {
  return typed.trim().slice(0, maxTextLength);
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * Finds a catalog item by code, pinyin initials (dzp → 单帐篷), name or barcode: an ARIA 1.2 combobox
 * with a list of matches. The first match is highlighted, so Enter or Tab takes it; ArrowUp/ArrowDown
 * choose another; Escape closes the list, a second Escape restores the picked item. A scanner's
 * text followed by Enter is searched at once without waiting for the typing pause.
 *
 * When it uses a key it calls `preventDefault()`, so a screen that moves on with Enter should skip
 * events whose `defaultPrevented` is set. It does not move focus after a pick: the screen decides.
 */
export function ItemPicker({
  label,
  value,
  onPick,
  onClear,
  autoFocus,
  includeInactive = false,
  id,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  inputRef,
}: ItemPickerProps) {
  const { t } = useTranslation();
  const listboxId = useId();
  /** What the keeper has typed since the last pick; null while the field shows the picked item. */
  const [query, setQuery] = useState<string | null>(null);
  const [search, setSearch] = useState<Search | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const input = useRef<HTMLInputElement | null>(null);
  const popup = useRef<HTMLDivElement | null>(null);
  /** Numbers each request, so the answer to a superseded text is dropped. */
  const requestSeq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  /** A text whose Enter (or Tab) arrived before its answer: the first hit is picked when it comes. */
  const pickWhenAnswered = useRef<string | null>(null);
  const latest = useRef({ onPick, includeInactive });
  useEffect(() => {
    latest.current = { onPick, includeInactive };
  });

  // While the next answer is on its way the previous matches stay in view (no flicker between
  // keystrokes); Enter and Tab never take one of them, they wait for the answer to the current text.
  const hits = search?.hits ?? [];
  const showList = open && hits.length > 0;
  const showMessage = open && search !== null && hits.length === 0;

  const pick = useCallback((hit: ItemSearchHit) => {
    window.clearTimeout(timer.current);
    requestSeq.current += 1;
    pickWhenAnswered.current = null;
    setQuery(null);
    setSearch(null);
    setOpen(false);
    setActive(-1);
    latest.current.onPick(hit);
  }, []);

  const runSearch = useCallback(
    (text: string) => {
      window.clearTimeout(timer.current);
      const seq = ++requestSeq.current;
      setSearch((previous) => ({ text, status: 'searching', hits: previous?.hits ?? [] }));
      void call('catalog:search-items', {
        text,
        limit: searchLimit,
        includeInactive: latest.current.includeInactive,
      }).then((result) => {
        if (seq !== requestSeq.current) return;
        const waiting = pickWhenAnswered.current === text;
        pickWhenAnswered.current = null;
        if (!result.ok) {
          setSearch({ text, status: 'failed', hits: [], error: result.error });
          setOpen(true);
          return;
        }
        const found = result.value;
        if (waiting && found.length > 0) {
          pick(found[0]!);
          return;
        }
        setSearch({ text, status: 'done', hits: found });
        setActive(found.length > 0 ? 0 : -1);
        setOpen(document.activeElement === input.current);
      });
    },
    [pick],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Keep the floating list beside its input while anything scrolls or the window resizes.
  const place = useCallback(() => {
    const list = popup.current;
    const field = input.current;
    if (!list || !field) return;
    const rect = field.getBoundingClientRect();
    const width = Math.min(Math.max(rect.width, 460), window.innerWidth - 16);
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    const below = window.innerHeight - rect.bottom - 8;
    const above = rect.top - 8;
    const height = list.scrollHeight;
    list.style.left = `${left}px`;
    list.style.width = `${width}px`;
    if (height <= below || below >= above) {
      list.style.top = `${rect.bottom + 2}px`;
      list.style.bottom = '';
      list.style.maxHeight = `${Math.max(below, 120)}px`;
    } else {
      list.style.top = '';
      list.style.bottom = `${window.innerHeight - rect.top + 2}px`;
      list.style.maxHeight = `${above}px`;
    }
  }, []);

  useLayoutEffect(() => {
    if (showList || showMessage) place();
  }, [showList, showMessage, search, place]);

  useEffect(() => {
    if (!showList && !showMessage) return;
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [showList, showMessage, place]);

  // The highlighted match stays in view while the keeper moves through a long list.
  useEffect(() => {
    if (!showList || active < 0) return;
    document.getElementById(`${listboxId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, showList, listboxId]);

  function onChange(typed: string) {
    // Text put back to exactly what the field shows when nobody is editing it is not a search: the
    // window's scan capture does this when it takes a scanner burst's first key back out of the field.
    // Read as typing, an empty text would hide the item the scan then fills in, and leaving the field
    // would clear that line (onBlur takes an emptied field as the keeper clearing it).
    if (typed === (value?.name ?? '')) {
      revert();
      return;
    }
    setQuery(typed);
    window.clearTimeout(timer.current);
    pickWhenAnswered.current = null;
    const text = searchText(typed);
    if (!text) {
      requestSeq.current += 1;
      setSearch(null);
      setOpen(false);
      setActive(-1);
      return;
    }
    timer.current = window.setTimeout(() => runSearch(text), debounceMs);
  }

  /** Enter or Tab on typed text: take the highlighted match, or the first one once the answer is in. */
  function accept(): 'picked' | 'waiting' | 'nothing' {
    const text = query === null ? '' : searchText(query);
    if (!text) return 'nothing';
    if (search?.text === text && search.status === 'done') {
      const hit = search.hits[active] ?? search.hits[0];
      if (!hit) {
        setOpen(true);
        return 'nothing';
      }
      pick(hit);
      return 'picked';
    }
    pickWhenAnswered.current = text;
    if (!(search?.text === text && search.status === 'searching')) runSearch(text);
    return 'waiting';
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Keys that confirm a Chinese input-method candidate belong to the input method, not to us.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (hits.length === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (!open) {
          setOpen(true);
          setActive((a) => (a < 0 ? 0 : a));
        } else {
          setActive((a) => (a < 0 ? 0 : (a + step + hits.length) % hits.length));
        }
        return;
      }
      case 'Enter': {
        // Ctrl+Enter and the like belong to the screen (post, confirm), not to the list.
        if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
        if (query === null || !searchText(query)) return;
        event.preventDefault();
        accept();
        return;
      }
      case 'Tab': {
        if (event.shiftKey || query === null || !searchText(query)) return;
        accept();
        return;
      }
      case 'Escape': {
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        } else if (query !== null) {
          event.preventDefault();
          event.stopPropagation();
          revert();
        }
        return;
      }
    }
  }

  function revert() {
    window.clearTimeout(timer.current);
    requestSeq.current += 1;
    pickWhenAnswered.current = null;
    setQuery(null);
    setSearch(null);
    setOpen(false);
    setActive(-1);
  }

  function onBlur(event: FocusEvent<HTMLInputElement>) {
    if (popup.current?.contains(event.relatedTarget as Node | null)) return;
    // A pick still waiting for its answer (Tab straight after typing) completes after focus moves on.
    if (pickWhenAnswered.current !== null) {
      setOpen(false);
      return;
    }
    if (query !== null && query.trim() === '' && value) onClear?.();
    revert();
  }

  const shown = query ?? value?.name ?? '';
  const activeId = showList && active >= 0 ? `${listboxId}-${active}` : undefined;
  const title = value && query === null ? [value.code, value.name, value.spec].filter(Boolean).join(' · ') : undefined;

  return (
    <div className="item-picker">
      <input
        ref={(el) => {
          input.current = el;
          assignRef(inputRef, el);
        }}
        id={id}
        className="input item-picker-input"
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={ariaInvalid || undefined}
        aria-describedby={ariaDescribedBy}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus={autoFocus}
        maxLength={maxTextLength}
        placeholder={t('receive.picker.placeholder')}
        title={title}
        value={shown}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={onBlur}
      />
      <div
        ref={popup}
        className="item-picker-popup"
        hidden={!showList && !showMessage}
        onMouseDown={(e) => e.preventDefault()}
      >
        <ul id={listboxId} role="listbox" aria-label={label} className="item-picker-list" hidden={!showList}>
          {showList &&
            hits.map((hit, index) => (
              <HitOption
                key={hit.item.id}
                id={`${listboxId}-${index}`}
                hit={hit}
                selected={index === active}
                onHover={() => setActive(index)}
                onChoose={() => pick(hit)}
              />
            ))}
        </ul>
        {showMessage && search && (
          <p className="item-picker-message" role="status">
            {search.status === 'searching'
              ? t('receive.picker.searching')
              : search.status === 'failed' && search.error
                ? t('receive.picker.searchFailed', { reason: errorText(t, search.error) })
                : t('receive.picker.noMatches', { text: search.text })}
          </p>
        )}
      </div>
    </div>
  );
}

interface HitOptionProps {
  id: string;
  hit: ItemSearchHit;
  selected: boolean;
  onHover(): void;
  onChoose(): void;
}

/** One match: code, name, spec, unit and pack, and why it matched. */
function HitOption({ id, hit, selected, onHover, onChoose }: HitOptionProps) {
  const { t } = useTranslation();
  const { item } = hit;
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={item.active ? 'item-picker-option' : 'item-picker-option item-picker-option-inactive'}
      onMouseMove={selected ? undefined : onHover}
      onClick={onChoose}
    >
      <span className="item-picker-code">{item.code}</span>
      <span className="item-picker-name">
        {item.name}
        {item.spec && <span className="item-picker-spec">{item.spec}</span>}
        {!item.active && <span className="item-picker-spec">（{t('receive.picker.inactive')}）</span>}
      </span>
      <span className="item-picker-unit">
        {item.packSize > 1
          ? t('receive.picker.packSize', { packSize: item.packSize, unit: item.baseUnit })
          : item.baseUnit}
      </span>
      <span className="item-picker-match">
        {hit.barcodeQuantity !== null
          ? t('receive.picker.barcodeQuantity', { quantity: hit.barcodeQuantity, unit: item.baseUnit })
          : t(`receive.picker.matchedBy.${hit.matchedBy}`)}
      </span>
    </li>
  );
}
