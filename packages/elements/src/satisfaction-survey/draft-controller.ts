/**
 * Keeps a survey's answers in sessionStorage while the visitor works, so a failed submit or a
 * reload loses nothing; the host clears the draft once the answers are stored.
 *
 * The key names the form and the subject (dossier code, procedure code or page URL), never the
 * applicant's identity number, and the identity number is never written, nor one typed into a
 * comment (masked as the server masks what it stores): sessionStorage is readable by every script
 * on the portal's origin, and by the next person at a shared computer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { maskedAnswers } from '@dvc-kit/sdk';
import { SURVEY_DRAFT_PREFIX } from '../shared/dossier-access.ts';
import './translations.ts';


/** What the draft is about: one dossier, one procedure's page, or a page URL. */
export type DraftSubject =
  | { kind: 'dossier'; dossierCode: string }
  | { kind: 'procedure'; procedureCode: string }
  | { kind: 'page'; pageUrl: string };

/** The storage key of a form's draft for one subject. */
export function draftKey(formId: string, subject: DraftSubject): string {
  const id =
    subject.kind === 'dossier' ? subject.dossierCode
    : subject.kind === 'procedure' ? subject.procedureCode
    : subject.pageUrl;
  return `${SURVEY_DRAFT_PREFIX}:${formId}:${subject.kind}:${id}`;
}

export class SurveyDraftController implements ReactiveController {
  // The key in use; none until the form has loaded (the form id is part of it).
  #key: string | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Switches to the draft of `key` and returns what it holds (undefined when there is none). */
  open(key: string): unknown {
    this.#key = key;
    const text = storage()?.getItem(key);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Stores the answers under the open key; an empty set removes the draft. */
  save(answers: Record<string, unknown>): void {
    if (!this.#key) return;
    try {
      if (Object.keys(answers).length === 0) storage()?.removeItem(this.#key);
      else storage()?.setItem(this.#key, JSON.stringify(maskedAnswers(answers, msg('[identity number removed]'))));
    } catch {
      // Storage full or refused: the answers stay on screen, only the safety net is missing.
    }
  }

  /** Drops the draft (answers stored, or the dossier was already evaluated). */
  clear(): void {
    if (this.#key) storage()?.removeItem(this.#key);
  }
}

/** sessionStorage, or undefined where the browser refuses it (sandboxed iframes, some privacy modes). */
function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
