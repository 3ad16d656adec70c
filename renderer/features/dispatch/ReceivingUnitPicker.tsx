import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../shared/contract';

interface ReceivingUnitPickerProps {
  /** Active receiving units (接收单位). */
  units: Party[];
  value: string | null;
  onChange(id: string | null): void;
  /** The keeper typed here and left. */
  onBlur?(): void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  inputRef?: Ref<HTMLInputElement>;
}

function matches(unit: Party, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [unit.name, unit.contact, unit.phone, unit.address].some((v) => v.toLowerCase().includes(needle));
}

/**
 * A searchable select of receiving units: typing narrows the list by name, contact, phone or address;
 * ArrowUp/ArrowDown move, Enter or Tab takes the highlighted unit, Escape puts back the chosen one.
 * Enter with the list closed is left to the screen (it moves to the next field).
 */
export function ReceivingUnitPicker({
  units,
  value,
  onChange,
  onBlur,
  id,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  inputRef,
}: ReceivingUnitPickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const detailsId = useId();
  /** What the keeper typed since the last choice; null while the field shows the chosen unit. */
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const chosen = units.find((u) => u.id === value) ?? null;
  const found = units.filter((u) => matches(u, text ?? ''));
  const showList = open && found.length > 0;
  const showNothing = open && found.length === 0 && text !== null && text.trim() !== '';
  const activeIndex = Math.min(active, found.length - 1);

  useEffect(() => {
    if (!showList || activeIndex < 0) return;
    document.getElementById(`${listId}-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, showList, listId]);

  function choose(unit: Party) {
    onChange(unit.id);
    setText(null);
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(
            Math.max(
              0,
              found.findIndex((u) => u.id === value),
            ),
          );
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (found.length > 0) setActive((activeIndex + step + found.length) % found.length);
        return;
      }
      case 'Enter': {
        if (!open) return;
        event.preventDefault();
        const unit = found[activeIndex];
        if (unit) choose(unit);
        return;
      }
      case 'Tab': {
        const unit = found[activeIndex];
        if (showList && text !== null && text.trim() !== '' && unit) choose(unit);
        return;
      }
      case 'Escape': {
        if (open || text !== null) {
          event.preventDefault();
          event.stopPropagation();
          setText(null);
          setOpen(false);
        }
        return;
      }
    }
  }

  const details = chosen
    ? [
        chosen.contact && t('dispatch.header.contact', { contact: chosen.contact }),
        chosen.phone && t('dispatch.header.phone', { phone: chosen.phone }),
        chosen.address && t('dispatch.header.address', { address: chosen.address }),
      ].filter(Boolean)
    : [];
  const describedBy = [ariaDescribedBy, chosen ? detailsId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="unit-picker">
      <input
        ref={inputRef}
        id={id}
        className="input unit-picker-input"
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        aria-invalid={ariaInvalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={t('dispatch.header.receivingUnitPlaceholder')}
        value={text ?? chosen?.name ?? ''}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (e.target.value.trim() === '') onChange(null);
        }}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={() => {
          // Only a keeper who typed here and left without a choice is told; passing through says nothing.
          if (text !== null) onBlur?.();
          setText(null);
          setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('dispatch.header.receivingUnitMatches')}
        className="unit-picker-list"
        hidden={!showList}
        onMouseDown={(e) => e.preventDefault()}
      >
        {showList &&
          found.map((unit, index) => (
            <li
              key={unit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="unit-picker-option"
              onMouseMove={index === activeIndex ? undefined : () => setActive(index)}
              onClick={() => choose(unit)}
            >
              <span className="unit-picker-name">{unit.name}</span>
              <span className="unit-picker-contact">
                {[unit.contact, unit.phone].filter(Boolean).join(' · ') || t('dispatch.header.noContact')}
              </span>
            </li>
          ))}
      </ul>
      {showNothing && (
        <p className="unit-picker-nothing" role="status">
          {t('dispatch.header.receivingUnitNoMatch', { text: text?.trim() })}
        </p>
      )}
      {chosen && (
        <p id={detailsId} className="unit-picker-details">
          {details.length > 0 ? details.join('　') : t('dispatch.header.noContact')}
        </p>
      )}
    </div>
  );
}
