/**
 * The two secrets every production server of one database must share, checked against what the
 * database keeps of them: a keyed digest of a fixed text, which tells whether two secrets are the
 * same and nothing of either.
 *
 * - DVC_APPLICANT_KEY: each dossier's identity number is stored as a digest under it. A server with
 *   another key finds no dossier for any number ("not found" to every citizen), so it is refused,
 *   from the first server's start on (two fresh servers with two keys would split the dossiers).
 * - DVC_TOKEN_SECRET: a dossier token one server issues, another with a different secret refuses
 *   (payments and surveys fail behind a load balancer). Changing it is a rotation, so it is not
 *   refused: the server that starts with a new one records it and says so.
 */
import { digestsEqual, keyedDigest } from '../dossiers/applicant-digest.ts';
import { isPlaceholderSecret, placeholderProblem } from '../config.ts';
import type { Queryable, Storage } from './storage.ts';

const CHECK_TEXT = 'dvc-kit shared secret check';

/** A server whose applicant key is not the one recorded for the database. */
export class ApplicantKeyMismatchError extends Error {
  readonly problems: string[];

  constructor(database: string, holdsDossiers: boolean) {
    const problem = holdsDossiers
      ? `DVC_APPLICANT_KEY is not the key ${database} stores its dossiers' identity numbers under: this server would `
        + 'answer "not found" to every citizen. Give every server of this database the same DVC_APPLICANT_KEY, the one it was first served with.'
      : `DVC_APPLICANT_KEY is not the key another server of ${database} was started with: the two would store identity numbers `
        + 'each under its own, and each find only its own. Give every server the same key. (No dossier is stored yet: to change the key '
        + 'for all of them, stop every server, clear the record with "UPDATE deployment SET applicant_key_check = NULL", then start them with the new key.)';
    super(`The database cannot be served with these settings:\n  - ${problem}`);
    this.problems = [problem];
  }
}

/** A placeholder applicant key on a database that stores no dossier yet, so it can still be changed. */
export class PlaceholderApplicantKeyError extends Error {
  readonly problems: string[];

  constructor(recorded: boolean) {
    const problem = `${placeholderProblem('DVC_APPLICANT_KEY')} Make one with \`openssl rand -base64 48\`: it cannot be changed once dossiers are stored under it, and none is yet.`
      + (recorded ? ' To change it, stop every server of the database, clear its record with "UPDATE deployment SET applicant_key_check = NULL", then start them with the new key.' : '');
    super(`The database cannot be served with these settings:\n  - ${problem}`);
    this.problems = [problem];
  }
}

export interface SharedSecrets {
  applicantKey: string;
  tokenSecret: string;
}

/** What the check found: whether this server's token secret replaced another server's. */
export interface SecretsCheck {
  tokenSecretChanged: boolean;
  /** A placeholder applicant key that dossiers are stored under: served, as it cannot be changed, and said. */
  placeholderApplicantKey: boolean;
}

const holdsDossiers = async (tx: Queryable) =>
  Number((await tx.one<{ present: number }>('SELECT count(*) AS present FROM (SELECT 1 FROM dossiers LIMIT 1) AS any_dossier'))!.present) > 0;

/**
 * Throws ApplicantKeyMismatchError for an applicant key other than the one recorded. With `record`
 * (a server that serves), records the secrets' digests on first use, and a new token secret,
 * reporting it; without (a command that only works on the database), it only compares.
 */
export async function checkSharedSecrets(storage: Storage, secrets: SharedSecrets, { record = true } = {}): Promise<SecretsCheck> {
  const applicantCheck = keyedDigest(CHECK_TEXT, secrets.applicantKey);
  const tokenCheck = keyedDigest(CHECK_TEXT, secrets.tokenSecret);
  return storage.transaction(async (tx) => {
    // Locked: of two servers starting at once, one records and the other compares with it.
    const known = (await tx.one<{ applicant_key_check: string | null; token_secret_check: string | null }>(
      `SELECT applicant_key_check, token_secret_check FROM deployment WHERE id = 1${storage.engine === 'postgres' ? ' FOR UPDATE' : ''}`))!;
    if (known.applicant_key_check !== null && !digestsEqual(known.applicant_key_check, applicantCheck)) {
      throw new ApplicantKeyMismatchError(storage.description, await holdsDossiers(tx));
    }
    const placeholderApplicantKey = isPlaceholderSecret(secrets.applicantKey) && await holdsDossiers(tx);
    if (isPlaceholderSecret(secrets.applicantKey) && !placeholderApplicantKey) throw new PlaceholderApplicantKeyError(known.applicant_key_check !== null);
    const tokenSecretChanged = known.token_secret_check !== null && !digestsEqual(known.token_secret_check, tokenCheck);
    if (record && (known.applicant_key_check === null || known.token_secret_check === null || tokenSecretChanged)) {
      await tx.run('UPDATE deployment SET applicant_key_check = ?, token_secret_check = ? WHERE id = 1', [applicantCheck, tokenCheck]);
    }
    return { tokenSecretChanged: record && tokenSecretChanged, placeholderApplicantKey };
  });
}
