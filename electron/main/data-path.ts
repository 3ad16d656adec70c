/**
 * Where the depot's data lives: `<userData>/data/relief-reserve.db`, or the folder named by
 * RELIEF_RESERVE_DATA_DIR (tests, portable installs).
 */
import path from 'node:path';

/** The environment variable naming the folder that holds relief-reserve.db. */
export const dataDirEnvVar = 'RELIEF_RESERVE_DATA_DIR';

/** The database file's name inside the data folder. */
export const databaseFileName = 'relief-reserve.db';

/**
 * Chromium's own profile (cookies, caches, the single-instance lock) when the data folder is chosen
 * by RELIEF_RESERVE_DATA_DIR: beside the database, so a portable install leaves nothing on the PC
 * and a test run never collides with the keeper's running app.
 */
export const profileFolderName = 'electron-profile';

export interface DataLocation {
  /** Folder holding the database (and, later, its backups). */
  dataDir: string;
  dbPath: string;
  /** True when RELIEF_RESERVE_DATA_DIR chose the folder. */
  chosenByEnvironment: boolean;
}

/** Resolves the data folder and database path from the user-data folder and the environment. */
export function resolveDataLocation(userDataDir: string, env: NodeJS.ProcessEnv): DataLocation {
  const override = env[dataDirEnvVar]?.trim();
  const chosenByEnvironment = override !== undefined && override !== '';
  const dataDir = chosenByEnvironment ? path.resolve(override) : path.join(userDataDir, 'data');
  return { dataDir, dbPath: path.join(dataDir, databaseFileName), chosenByEnvironment };
}

/** The folder Chromium's profile should use for a data folder chosen by the environment. */
export function profileDirFor(location: DataLocation): string {
  return path.join(location.dataDir, profileFolderName);
}
