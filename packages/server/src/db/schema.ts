/**
 * The sandbox's SQLite schema. Procedures keep their full record as JSON (the API shape) plus the
 * columns search filters on; the FTS5 index holds *folded* text (see foldVietnamese), so "dang ky"
 * and "Đăng ký" meet on the same tokens whatever the tokenizer thinks of đ.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS procedures (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  field_code TEXT NOT NULL,
  field_name TEXT NOT NULL,
  online_level TEXT NOT NULL,
  level_central INTEGER NOT NULL,
  level_province INTEGER NOT NULL,
  level_commune INTEGER NOT NULL,
  record TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS procedures_field ON procedures(field_code);

CREATE TABLE IF NOT EXISTS agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS procedure_agencies (
  procedure_id INTEGER NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (procedure_id, agency_id)
);
CREATE INDEX IF NOT EXISTS procedure_agencies_agency ON procedure_agencies(agency_id);

-- prefix: citizens search while typing ("da", "dan"…); indexed prefixes keep those fast.
CREATE VIRTUAL TABLE IF NOT EXISTS procedure_search USING fts5(
  name, code, field, agencies, body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

CREATE TABLE IF NOT EXISTS dossiers (
  code TEXT PRIMARY KEY,
  procedure_code TEXT NOT NULL,
  procedure_name TEXT NOT NULL,
  agency TEXT NOT NULL,
  applicant_digest TEXT NOT NULL,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  due_at TEXT,
  completed_at TEXT,
  apology TEXT,
  supplement TEXT,
  fees TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS dossier_history (
  id INTEGER PRIMARY KEY,
  dossier_code TEXT NOT NULL REFERENCES dossiers(code) ON DELETE CASCADE,
  at TEXT NOT NULL,
  unit TEXT NOT NULL,
  officer_title TEXT,
  action TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT
);
CREATE INDEX IF NOT EXISTS dossier_history_code ON dossier_history(dossier_code, at);

CREATE TABLE IF NOT EXISTS payments (
  id TEXT PRIMARY KEY,
  dossier_code TEXT NOT NULL REFERENCES dossiers(code) ON DELETE CASCADE,
  state TEXT NOT NULL,
  lines TEXT NOT NULL,
  total INTEGER NOT NULL,
  method TEXT NOT NULL,
  return_url TEXT NOT NULL,
  created_at TEXT NOT NULL,
  paid_at TEXT,
  failure_code TEXT,
  gateway_transaction TEXT,
  gateway_outcome TEXT
);
CREATE INDEX IF NOT EXISTS payments_dossier ON payments(dossier_code);

-- One row per Idempotency-Key: the request it was first used with, and the payment it found.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT PRIMARY KEY,
  request_digest TEXT NOT NULL,
  payment_id TEXT NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS receipts (
  number TEXT PRIMARY KEY,
  payment_id TEXT NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  amount INTEGER NOT NULL,
  issued_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS survey_responses (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  dossier_code TEXT UNIQUE,
  procedure_code TEXT,
  page_url TEXT,
  answers TEXT NOT NULL,
  submitted_at TEXT NOT NULL
);

-- One row per Idempotency-Key of submitSurvey: the request it was first used with and the receipt
-- it answered, replayed for the same request. No reference to survey_responses: a honeypot
-- submission gets a receipt (and a replay the same one) but is never stored.
CREATE TABLE IF NOT EXISTS survey_idempotency_keys (
  key TEXT PRIMARY KEY,
  request_digest TEXT NOT NULL,
  receipt_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/** Tables emptied by a sandbox reset before the seed is loaded again. */
export const RESETTABLE_TABLES = [
  'survey_idempotency_keys', 'survey_responses', 'receipts', 'idempotency_keys', 'payments', 'dossier_history', 'dossiers',
] as const;
