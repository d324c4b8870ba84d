import { inspect } from 'node:util';

const REDACTED = '[secret]';

/**
 * Personal data in transit (an identity number): `reveal()` gives the text; logging, string
 * conversion and JSON show `[secret]`, so a record logged or echoed by mistake does not leak it.
 */
export class SecretText {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The text itself: only for the keyed digest that storage keeps. */
  reveal(): string {
    return this.#text;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `SecretText(${REDACTED})`;
  }
}
