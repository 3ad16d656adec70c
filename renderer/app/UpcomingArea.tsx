import { useTranslation } from 'react-i18next';
import './UpcomingArea.css';

/**
 * The body of an area a later version fills. The page header already says what the area will do;
 * this says plainly that it cannot be used yet — no placeholder buttons, no sample data.
 */
export function UpcomingArea() {
  const { t } = useTranslation();
  return (
    <div className="upcoming-area">
      <p className="upcoming-area-note">{t('upcoming.notYet')}</p>
    </div>
  );
}
