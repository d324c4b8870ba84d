/**
 * The two secrets every production server of one database must share, checked against what the
 * database keeps of them: a keyed digest of a fixed text, which tells whether two secrets are the
 * same and nothing of either.
 *
 * - DVC_APPLICANT_KEY: each dossier's identity number is stored as a digest under it. A server with
 *   another key finds no dossier for any number ("not found" to every citizen), so it is refused
 *   (it may change only while the database holds no dossier).
 * - DVC_TOKEN_SECRET: a dossier token one server issues, another with a different secret refuses
 *   (payments and surveys fail behind a load balancer). Changing it is a rotation, so it is not
 *   refused: the server that starts with a new one records it and says so.
 */
import { digestsEqual, keyedDigest } from '../dossiers/applicant-digest.ts';
import type { Storage } from './storage.ts';

const CHECK_TEXT = 'dvc-kit shared secret check';

/** A server whose applicant key is not the one the database's dossiers were stored under. */
export class ApplicantKeyMismatchError extends Error {
  readonly problems: string[];

  constructor(database: string) {
    const problem = `DVC_APPLICANT_KEY is not the key ${database} stores its dossiers' identity numbers under: this server would `
      + 'answer "not found" to every citizen. Give every server of this database the same DVC_APPLICANT_KEY, the one it was first served with.';
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
}

/**
 * Records the secrets' digests on first use; throws ApplicantKeyMismatchError for another applicant
 * key once the database holds dossiers; records a new token secret, reporting it.
 */
export async function checkSharedSecrets(storage: Storage, secrets: SharedSecrets): Promise<SecretsCheck> {
  const applicantCheck = keyedDigest(CHECK_TEXT, secrets.applicantKey);
  const tokenCheck = keyedDigest(CHECK_TEXT, secrets.tokenSecret);
  return storage.transaction(async (tx) => {
    // Locked: two servers starting at once record one pair, and the second compares with it.
    const known = (await tx.one<{ applicant_key_check: string | null; token_secret_check: string | null }>(
      `SELECT applicant_key_check, token_secret_check FROM deployment WHERE id = 1${storage.engine === 'postgres' ? ' FOR UPDATE' : ''}`))!;
    if (known.applicant_key_check !== null && !digestsEqual(known.applicant_key_check, applicantCheck)) {
      const dossiers = (await tx.one<{ present: number }>('SELECT count(*) AS present FROM (SELECT 1 FROM dossiers LIMIT 1) AS any_dossier'))!;
      if (Number(dossiers.present) > 0) throw new ApplicantKeyMismatchError(storage.description);
    }
    const tokenSecretChanged = known.token_secret_check !== null && !digestsEqual(known.token_secret_check, tokenCheck);
    if (known.applicant_key_check === null || known.token_secret_check === null || tokenSecretChanged
      || !digestsEqual(known.applicant_key_check, applicantCheck)) {
      await tx.run('UPDATE deployment SET applicant_key_check = ?, token_secret_check = ? WHERE id = 1', [applicantCheck, tokenCheck]);
    }
    return { tokenSecretChanged };
  });
}
