/**
 * The alerts that always show on the home screen, one card each: how many, the first few entries (each a
 * link to where it is dealt with), and a link to the full list. A card with nothing to do says so quietly.
 */
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { areaHref } from '../../app/areas';
import { formatDateTime, formatNumber } from '../../components/format';
import type { AlertKind, BackupState, ItemAlertEntry } from '../../../shared/dashboard/alerts';

/** Where an item is dealt with: the inventory filtered to it, where its batches can be moved, adjusted or written off. */
function itemHref(code: string): string {
  return areaHref('inventory', code);
}

/** Entries shown per card; the rest are counted and reached through the card's link. */
const shownEntries = 3;

export interface AlertsData {
  below: (ItemAlertEntry & { minStock: number })[];
  expired: ItemAlertEntry[];
  expiring90: ItemAlertEntry[];
  expiring180: ItemAlertEntry[];
  aged: ItemAlertEntry[];
  paperwork: ChannelOutput<'stock:pending-paperwork'>;
  backup: BackupState | null;
}

interface CardProps {
  kind: AlertKind;
  title: string;
  /** The count line; null while not known. */
  count: string | null;
  /** Red for what is already wrong, amber for what is coming, quiet for nothing to do. */
  tone: 'danger' | 'warning' | 'ok';
  entries: { key: string; text: string; href: string; urgent?: boolean }[];
  more: number;
  link: { href: string; text: string } | null;
  hint?: string;
}

function AlertCard({ kind, title, count, tone, entries, more, link, hint }: CardProps) {
  const { t } = useTranslation();
  const headingId = `home-alert-${kind}`;
  return (
    <section className={`home-alert home-alert-${tone}`} aria-labelledby={headingId} data-alert={kind}>
      <h3 id={headingId} className="home-alert-title">
        {title}
      </h3>
      <p className="home-alert-count">{count ?? t('home.loading')}</p>
      {entries.length > 0 && (
        <ul className="home-alert-entries">
          {entries.map((e) => (
            <li key={e.key}>
              <a href={e.href} className={e.urgent ? 'home-alert-urgent' : undefined}>
                {e.text}
              </a>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="home-alert-more">{t('home.alerts.more', { count: more })}</p>}
      {hint && <p className="home-alert-hint">{hint}</p>}
      {link && (
        <a className="home-alert-link" href={link.href}>
          {link.text}
        </a>
      )}
    </section>
  );
}

export function AlertsPanel({ data }: { data: AlertsData | null }) {
  const { t } = useTranslation();
  const itemCount = (list: unknown[] | undefined) =>
    list === undefined
      ? null
      : list.length === 0
        ? t('home.alerts.noneNow')
        : t('home.alerts.items', { count: list.length });
  const itemCard = (
    kind: 'expired' | 'expiring90' | 'expiring180' | 'aged',
    list: ItemAlertEntry[] | undefined,
    tone: 'danger' | 'warning',
    marker: string | null,
  ): CardProps => ({
    kind,
    title: t(`home.alerts.${kind}.title`),
    count: itemCount(list),
    tone: list && list.length > 0 ? tone : 'ok',
    entries: (list ?? []).slice(0, shownEntries).map((e) => ({
      key: e.itemId,
      href: itemHref(e.code),
      text: t(`home.alerts.${kind}.entry`, {
        code: e.code,
        name: e.name,
        quantity: formatNumber(e.quantity),
        unit: e.unit,
        date: e.date,
      }),
    })),
    more: Math.max(0, (list?.length ?? 0) - shownEntries),
    link:
      marker && list && list.length > 0
        ? { href: areaHref('inventory', marker), text: t(`home.alerts.${kind}.link` as 'home.alerts.aged.link') }
        : null,
  });

  function backupLine(state: BackupState): string {
    if (state.state === 'never') return t('home.alerts.backup.never');
    return state.state === 'overdue' ? t('home.alerts.backup.overdue') : t('home.alerts.backup.ok');
  }

  const below = data?.below;
  const paperwork = data?.paperwork;
  const overdue = paperwork?.filter((p) => p.overdue).length ?? 0;
  const backup = data?.backup ?? null;

  const cards: CardProps[] = [
    {
      kind: 'below',
      title: t('home.alerts.below.title'),
      count: itemCount(below),
      tone: below && below.length > 0 ? 'danger' : 'ok',
      entries: (below ?? []).slice(0, shownEntries).map((e) => ({
        key: e.itemId,
        href: itemHref(e.code),
        text: t('home.alerts.below.entry', {
          code: e.code,
          name: e.name,
          onHand: formatNumber(e.quantity),
          minStock: formatNumber(e.minStock),
          unit: e.unit,
        }),
      })),
      more: Math.max(0, (below?.length ?? 0) - shownEntries),
      link:
        below && below.length > 0 ? { href: areaHref('inventory', 'below'), text: t('home.alerts.below.link') } : null,
    },
    itemCard('expired', data?.expired, 'danger', 'expired'),
    itemCard('expiring90', data?.expiring90, 'warning', 'expiring'),
    {
      ...itemCard('expiring180', data?.expiring180, 'warning', null),
      hint: data?.expiring180.length ? t('home.alerts.expiring180.hint') : undefined,
    },
    itemCard('aged', data?.aged, 'warning', 'aged'),
    {
      kind: 'paperwork',
      title: t('home.alerts.paperwork.title'),
      count:
        paperwork === undefined
          ? null
          : paperwork.length === 0
            ? t('home.alerts.noneNow')
            : [
                t('home.alerts.paperwork.count', { count: paperwork.length }),
                ...(overdue > 0 ? [t('home.alerts.paperwork.overdue', { count: overdue })] : []),
              ].join(t('home.charts.listSeparator')),
      tone: overdue > 0 ? 'danger' : paperwork && paperwork.length > 0 ? 'warning' : 'ok',
      entries: (paperwork ?? []).slice(0, shownEntries).map((p) => ({
        key: p.documentId,
        href: areaHref('documents', p.documentId),
        urgent: p.overdue,
        text: t(p.overdue ? 'home.alerts.paperwork.entryOverdue' : 'home.alerts.paperwork.entry', {
          number: p.number,
          unit: p.receivingUnit,
          due: p.due,
        }),
      })),
      more: Math.max(0, (paperwork?.length ?? 0) - shownEntries),
      link:
        paperwork && paperwork.length > 0
          ? { href: areaHref('documents'), text: t('home.alerts.paperwork.link') }
          : null,
    },
    {
      kind: 'backup',
      title: t('home.alerts.backup.title'),
      count: backup === null ? null : backupLine(backup),
      tone: backup === null || backup.state === 'ok' ? 'ok' : 'danger',
      entries: [],
      more: 0,
      hint:
        backup && backup.state !== 'never'
          ? t('home.alerts.backup.last', { at: formatDateTime(backup.lastBackupAt) })
          : undefined,
      link: { href: areaHref('settings'), text: t('home.alerts.backup.link') },
    },
  ];

  return (
    <section className="home-alerts" aria-label={t('home.alerts.label')}>
      {cards.map((card) => (
        <AlertCard key={card.kind} {...card} />
      ))}
    </section>
  );
}
