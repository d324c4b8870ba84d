/**
 * Reads the fields of one pushed record and collects every problem, named by the record's own field
 * (`NgayTiepNhan`, `DanhSachLePhi[1].Gia`), so a record answers with all its problems at once.
 * Messages never quote the value sent: it may be personal data.
 */
import type { components } from '@dvc-kit/sdk';
import { parseVnTimestamp } from '../calendar/vn-timestamp.ts';

export type SyncFieldError = components['schemas']['SyncRecordError'];

/** The longest text kept from a field that has no limit of its own. */
export const TEXT_MAX_LENGTH = 2000;

export const DATE_MESSAGE = 'must be a date yyyyMMddHHmmss (Asia/Ho_Chi_Minh)';

interface TextOptions {
  required?: boolean;
  maxLength?: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class RecordReader {
  readonly #fields: Record<string, unknown>;
  readonly #prefix: string;
  readonly errors: SyncFieldError[];

  private constructor(fields: Record<string, unknown>, prefix: string, errors: SyncFieldError[]) {
    this.#fields = fields;
    this.#prefix = prefix;
    this.errors = errors;
  }

  /** A reader for a record, or the record's only problem when it is not an object. */
  static of(raw: unknown, what: string): RecordReader | SyncFieldError {
    if (!isObject(raw)) return { field: '.', code: 'invalid', message: `must be an object (a ${what} record)` };
    return new RecordReader(raw, '', []);
  }

  /** The field's name as the sender knows it: `Gia` inside `DanhSachLePhi[1]` is `DanhSachLePhi[1].Gia`. */
  name(key: string): string {
    return this.#prefix ? `${this.#prefix}.${key}` : key;
  }

  fail(key: string, code: SyncFieldError['code'], message: string): undefined {
    this.errors.push({ field: this.name(key), code, message });
    return undefined;
  }

  /** Whether the field holds anything (empty strings, whitespace and null count as absent). */
  has(key: string): boolean {
    const value = this.#fields[key];
    return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  }

  /**
   * The field's text, trimmed; undefined when absent. Numbers are read as their text: some systems
   * send amounts and counts unquoted, and the contract's validator converts them the same way.
   */
  text(key: string, { required = false, maxLength = TEXT_MAX_LENGTH }: TextOptions = {}): string | undefined {
    if (!this.has(key)) return required ? this.fail(key, 'required', 'is required') : undefined;
    const value = this.#fields[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return this.fail(key, 'invalid', 'must be a string');
    return this.checked(key, value, maxLength);
  }

  /**
   * A text found at `key` (a field, or an item of a list of names), trimmed, or its problem: no NUL
   * character (PostgreSQL cannot store one, and no agency text needs one: refused on both engines),
   * at most `maxLength` characters.
   */
  checked(key: string, value: string, maxLength = TEXT_MAX_LENGTH): string | undefined {
    const text = value.trim();
    if (text.includes('\u0000')) return this.fail(key, 'invalid', 'must not contain a NUL character');
    if (text.length > maxLength) return this.fail(key, 'invalid', `must be at most ${maxLength} characters`);
    return text;
  }

  /** The text when it matches `pattern`, else a problem saying what was expected. */
  matching(key: string, pattern: RegExp, expected: string, options: TextOptions = {}): string | undefined {
    const text = this.text(key, options);
    if (text === undefined) return undefined;
    return pattern.test(text) ? text : this.fail(key, 'invalid', `must be ${expected}`);
  }

  /** A `yyyyMMddHHmmss` date-time in Vietnam time, as an instant. */
  date(key: string, options: { required?: boolean } = {}): Date | undefined {
    const text = this.text(key, options);
    if (text === undefined) return undefined;
    return parseVnTimestamp(text) ?? this.fail(key, 'invalid', DATE_MESSAGE);
  }

  /** The raw items of an array field (none when absent); a value that is not an array is a problem. */
  items(key: string): unknown[] {
    if (!this.has(key)) return [];
    const value = this.#fields[key];
    if (Array.isArray(value)) return value;
    this.fail(key, 'invalid', 'must be an array');
    return [];
  }

  /** Readers for an array of objects, each naming its fields `Key[i].Field`; other items are problems. */
  list(key: string): RecordReader[] {
    const readers: RecordReader[] = [];
    this.items(key).forEach((item, index) => {
      const prefix = `${key}[${index}]`;
      if (isObject(item)) readers.push(new RecordReader(item, this.name(prefix), this.errors));
      else this.fail(prefix, 'invalid', 'must be an object');
    });
    return readers;
  }
}
