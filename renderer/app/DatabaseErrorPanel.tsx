import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '../../shared/contract';
import { applyLanguage } from '../i18n/i18n';
import { LanguageToggle } from './LanguageToggle';
import { RecoverySection } from './RecoverySection';
import './ProblemScreen.css';

export type DatabaseError = Extract<AppInfo['database'], { status: 'error' }>;

/** The settings cannot be written while the database is refused: the language changes for this window only. */
async function switchLocally(language: Language): Promise<null> {
  await applyLanguage(language);
  return null;
}

/**
 * Shown instead of the application when the database was refused at start: what happened, what to do,
 * and where the file is — calmly, since the file itself was left untouched.
 */
export function DatabaseErrorPanel({ info, database }: { info: AppInfo; database: DatabaseError }) {
  const { t } = useTranslation();
  return (
    <main className="problem-screen">
      <section className="problem-panel" aria-labelledby="problem-title">
        <div className="problem-heading">
          <h1 id="problem-title">{t('databaseError.title')}</h1>
          <LanguageToggle switchTo={switchLocally} />
        </div>
        <p className="problem-what">{t(`databaseError.${database.code}.what`)}</p>
        <p className="problem-todo">{t(`databaseError.${database.code}.todo`)}</p>
        <p className="problem-reassurance">{t('databaseError.reassurance')}</p>
        {database.code === 'db-corrupt' && <RecoverySection />}
        <dl className="problem-facts">
          <dt>{t('databaseError.dataPath')}</dt>
          <dd>
            <code>{info.dataPath}</code>
          </dd>
          <dt>{t('databaseError.dbFile')}</dt>
          <dd>
            <code>{info.dbPath}</code>
          </dd>
        </dl>
        <details className="problem-technical">
          <summary>{t('databaseError.technical')}</summary>
          <pre>{`${database.code}: ${database.message}`}</pre>
        </details>
      </section>
    </main>
  );
}

/** Shown when the window cannot reach the backend at all (no door, or the first call failed). */
export function StartupProblem({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <main className="problem-screen">
      <section className="problem-panel" aria-labelledby="problem-title">
        <div className="problem-heading">
          <h1 id="problem-title">{t('startup.failedTitle')}</h1>
          <LanguageToggle switchTo={switchLocally} />
        </div>
        <p className="problem-what">{reason}</p>
      </section>
    </main>
  );
}
