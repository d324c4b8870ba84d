/**
 * The flow of <dvc-satisfaction-survey>: loading the form for its subject (a dossier, a procedure
 * or a page), the answers and their draft, checking them, sending them once (by Idempotency-Key),
 * and what the API's answer means for the visitor. The element only wires properties and views to it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DvcApiError, newIdempotencyKey, type components, type DossierSurveyStatus, type DvcClient, type SurveyForm, type SurveyReceipt, type SurveySubmission } from '@dvc-kit/sdk';
import { checkApplicantId, normaliseApplicantId, usableApplicantId, type ApplicantIdProblem } from '../shared/applicant-id.ts';
import { accessExpired, accessFor, forgetAccess, isAccessRefused } from '../shared/dossier-access.ts';
import type { DvcEventDetailMap } from '../shared/dvc-element.ts';
import { RequestController } from '../shared/request-controller.ts';
import { answerError, answersToSend, cleanDraft, serverAnswerErrors, textLimit, validateAnswers, type AnswerError, type Answers } from './answers.ts';
import { CharacterCountController } from './character-count-controller.ts';
import { SurveyDraftController, draftKey, type DraftSubject } from './draft-controller.ts';

/** `dossier` (an evaluation of one dossier) or `page` (quick feedback): the contract's SurveyKind. */
export type SurveyMode = components['schemas']['SurveyKind'];

export type Question = SurveyForm['questions'][number];

export interface LoadedForm {
  form: SurveyForm;
  subject: DraftSubject;
  /**
   * Where the dossier stands, asked before the form is shown when this tab holds the dossier's
   * access token: already evaluated or not finished yet is said at once, and the procedure named.
   */
  status?: DossierSurveyStatus;
}

/** What the widget shows once the form is there. */
export type Outcome = 'form' | 'thanks' | 'already-evaluated' | 'not-available' | 'closed';

/** Outcomes after which nothing will ever be sent for the dossier: its draft has no use left. */
const FINAL_OUTCOMES: ReadonlySet<Outcome> = new Set(['already-evaluated', 'closed']);

/** The outcome a refused evaluation shows instead of the form. */
const REFUSED_OUTCOMES: Partial<Record<string, 'already-evaluated' | 'not-available' | 'closed'>> = {
  survey_already_submitted: 'already-evaluated',
  // The draft is kept: the visitor may come back once the dossier is finished.
  survey_not_available: 'not-available',
  survey_closed: 'closed',
};

interface FormArgs {
  kind: SurveyMode;
  dossierCode: string | undefined;
  procedureCode: string | undefined;
  subject: DraftSubject;
}

/** One send: the submission and the Idempotency-Key of the attempt it belongs to. */
interface Send {
  submission: SurveySubmission;
  idempotencyKey: string;
  /** The dossier's access token, in place of the identity number. */
  dossierToken: string | undefined;
}

/** What the flow needs from the element. */
export interface SurveyFlowHost extends ReactiveControllerHost, HTMLElement {
  readonly dossierCode: string | undefined;
  readonly procedureCode: string | undefined;
  readonly applicantId: string | undefined;
  readonly effectiveMode: SurveyMode;
  readonly hasUpdated: boolean;
}

/** What the visitor typed outside the answers, read from the form when sending. */
export interface TypedFields {
  /** The identity number field (dossier mode, when the page gave none). */
  applicantId: string;
  /** The bot trap: people leave it empty. */
  website: string;
}

export interface SurveyFlowOptions {
  client(): Promise<DvcClient>;
  /** Loads the form's views, which the form's request waits for (they load side by side with the client). */
  views(): Promise<unknown>;
  emit<K extends keyof DvcEventDetailMap>(type: K, detail: DvcEventDetailMap[K]): boolean;
  /** Moves focus to a part of the widget after the next render. */
  focus(part: 'error-summary' | 'thanks' | 'already-evaluated' | 'not-available' | 'closed' | 'title' | 'failure' | 'loading'): void;
  /** Empties the identity number field once it has done its job. */
  clearApplicantId(): void;
}

export class SurveyFlow implements ReactiveController {
  readonly #host: SurveyFlowHost;
  readonly #options: SurveyFlowOptions;
  readonly #draft: SurveyDraftController;
  /** When each comment box's remaining characters are announced. */
  readonly counts: CharacterCountController;
  readonly #load: RequestController<FormArgs, LoadedForm>;
  // No abort signal: once sent, the answers may be stored whatever we do; aborting would only hide
  // the outcome. submit() lets one run at a time.
  readonly #send: RequestController<Send, SurveyReceipt>;

  answers: Answers = {};
  errors: ReadonlyMap<string, AnswerError> = new Map();
  outcome: Outcome = 'form';
  /** What is wrong with the identity number typed here (asked for when the page did not give one). */
  applicantIdProblem: ApplicantIdProblem | undefined;
  /** This tab's proof for the dossier expired or was refused: the identity number is asked again, saying why. */
  reverify = false;

  /**
   * The attempt being sent: its Idempotency-Key and the exact request it was made for. Pressing send
   * again after an error with the same answers (a retry) reuses the key, so answers the server stored
   * before its reply was lost are neither stored twice (page feedback) nor refused as already
   * evaluated (a dossier): the server answers the first receipt. Changed answers (or identity
   * number) make a different request, so a new key: a key is never sent with another body.
   * In memory only: it only has to outlive the error view, and after a reload a new key at worst
   * meets "already evaluated" (said kindly) for a dossier.
   */
  #attempt: { key: string; request: string } | undefined;
  // The loaded form whose draft is applied (a reload of the same subject gives a new object).
  #applied: LoadedForm | undefined;
  /** The tracker handed the dossier over: focus goes to the form (or what stands for it) once loaded. */
  #handedOver = false;
  /** The citizen asked for the form again ("Try again"), rather than the page loading it. */
  #reloadAsked = false;
  /** Handed over, or "Try again" pressed: focus goes to what the load brings (the form, its failure) once it comes. */
  #focusOnLoad = false;
  /** The load failure focus was last moved to (each failure takes it once). */
  #failureFocused: unknown;

  constructor(host: SurveyFlowHost, options: SurveyFlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#draft = new SurveyDraftController(host);
    this.counts = new CharacterCountController(host);
    this.#load = new RequestController(host, async (args, signal) => {
      const { kind, dossierCode, procedureCode, subject } = args;
      const [client] = await Promise.all([this.#options.client(), this.#options.views()]);
      const [form, status] = await Promise.all([
        client.surveys.form({ kind, dossierCode, procedureCode }, { signal }),
        kind === 'dossier' && dossierCode ? this.#status(client, dossierCode, signal) : undefined,
      ]);
      return status ? { form, subject, status } : { form, subject };
    });
    this.#send = new RequestController(host, async ({ submission, idempotencyKey, dossierToken }) =>
      (await this.#options.client()).surveys.submit(submission, dossierToken ? { idempotencyKey, dossierToken } : { idempotencyKey }),
    );
  }

  hostConnected(): void {
    // Back on the page after a removal cut the form's loading short: load it again.
    if (this.#host.hasUpdated && this.#load.status === 'idle') this.load();
  }

  /** The form, once loaded and its draft applied. */
  get loaded(): LoadedForm | undefined {
    return this.#load.status === 'success' ? this.#applied : undefined;
  }

  get loadStatus(): RequestController<FormArgs, LoadedForm>['status'] {
    return this.#load.status;
  }

  get loadError(): unknown {
    return this.#load.error;
  }

  /** Whether the citizen asked for the form (the tracker's "Evaluate", "Try again"): its failure is then announced. */
  get loadAsked(): boolean {
    return this.#handedOver || this.#reloadAsked;
  }

  get sending(): boolean {
    return this.#send.status === 'loading';
  }

  /** Why the last send failed, when no other view says it (already evaluated, answers to fix). */
  get sendError(): unknown {
    if (this.#send.status !== 'error') return undefined;
    const error = this.#send.error;
    if (error instanceof DvcApiError && ['survey_already_submitted', 'survey_not_available'].includes(error.code)) return undefined;
    if (error instanceof DvcApiError && error.code === 'validation_failed' && this.errors.size > 0) return undefined;
    return error;
  }

  #subject(): DraftSubject {
    const host = this.#host;
    if (host.effectiveMode === 'dossier') return { kind: 'dossier', dossierCode: host.dossierCode?.trim() ?? '' };
    const procedureCode = host.procedureCode?.trim();
    if (procedureCode) return { kind: 'procedure', procedureCode };
    return { kind: 'page', pageUrl: pageUrl() };
  }

  /** Loads the form for the element's subject (aborting an older load). */
  load(): void {
    const host = this.#host;
    const kind = host.effectiveMode;
    const dossierCode = kind === 'dossier' ? host.dossierCode?.trim() ?? '' : '';
    if (kind === 'dossier' && !dossierCode) {
      // Kept hidden until the tracker hands a dossier over (the README's pattern): nothing is missing yet.
      if (!host.closest('[hidden]')) console.warn('<dvc-satisfaction-survey>: mode="dossier" needs a dossier-code.');
      this.#load.reset();
      return;
    }
    const procedureCode = kind === 'page' ? host.procedureCode?.trim() || undefined : undefined;
    this.#reloadAsked = false;
    void this.#load.run({ kind, dossierCode: dossierCode || undefined, procedureCode, subject: this.#subject() });
  }

  /** The dossier's standing, with the tab's token for it; none without one (or when it is refused). */
  async #status(client: DvcClient, dossierCode: string, signal: AbortSignal): Promise<DossierSurveyStatus | undefined> {
    const access = accessFor(dossierCode);
    // The tab had a token for it, now expired: the form asks for the number, saying why.
    this.reverify = accessExpired(dossierCode);
    if (!access) return undefined;
    try {
      return await client.surveys.status(dossierCode, { dossierToken: access.token, signal });
    } catch (error) {
      if (isAccessRefused(error)) {
        // The form asks for the identity number instead, saying why.
        forgetAccess(dossierCode);
        this.reverify = true;
        return undefined;
      }
      throw error;
    }
  }

  /** The dossier whose standing the loaded form shows, proved with the tab's token (none otherwise). */
  get provedDossier(): string | undefined {
    const loaded = this.loaded;
    return loaded?.status && loaded.subject.kind === 'dossier' ? loaded.subject.dossierCode : undefined;
  }

  /** The token that proves the applicant of the dossier shown, when this tab holds one. */
  get dossierToken(): string | undefined {
    const subject = this.#applied?.subject;
    return subject?.kind === 'dossier' ? accessFor(subject.dossierCode)?.token : undefined;
  }

  /** The citizen came from the tracker's "Evaluate": the loaded form takes focus. */
  handedOver(): void {
    this.#handedOver = true;
    this.#focusOnLoad = true;
  }

  retryLoad(): void {
    this.#reloadAsked = true;
    this.#focusOnLoad = true;
    // "Try again" goes while the form loads: focus waits on "Loading…", which stays until it comes.
    this.#options.focus('loading');
    void this.#load.retry();
  }

  /** A newly loaded form: restore its draft for this subject, start over from the form view. */
  applyLoadedForm(): void {
    // Asked for and the form could not be had: focus goes to the failure ("Try again", else the
    // reason), rather than staying on the tracker's button, which the page has scrolled away from,
    // or on "Loading…", which is gone. Once: the form loaded on a retry still takes focus.
    if (this.#load.status === 'error') {
      if (this.#focusOnLoad && this.#failureFocused !== this.#load.error) {
        this.#failureFocused = this.#load.error;
        this.#options.focus('failure');
      }
      return;
    }
    const loaded = this.#load.value;
    if (this.#load.status !== 'success' || !loaded || loaded === this.#applied) return;
    this.#applied = loaded;
    this.#attempt = undefined;
    const { form, subject } = loaded;
    this.answers = cleanDraft(form, this.#draft.open(draftKey(form.id, subject)));
    this.errors = new Map();
    const status = loaded.status?.status;
    this.outcome = status === 'already-evaluated' || status === 'not-available' || status === 'closed' ? status : 'form';
    if (FINAL_OUTCOMES.has(this.outcome)) this.#draft.clear();
    this.applicantIdProblem = undefined;
    for (const question of form.questions) {
      if (question.type === 'text') {
        this.counts.reset(question.id, String(this.answers[question.id] ?? '').length, textLimit(question));
      }
    }
    this.#handedOver = false;
    if (this.#focusOnLoad) {
      this.#focusOnLoad = false;
      this.#options.focus(this.outcome === 'form' ? 'title' : this.outcome);
    }
  }

  setAnswer(question: Question, value: number | string): void {
    const { id } = question;
    const answers = { ...this.answers };
    if (value === '') delete answers[id];
    else answers[id] = value;
    this.answers = answers;
    this.#draft.save(answers);
    if (this.errors.has(id)) {
      // A listed problem follows the answer: gone once answered or shortened to fit, "required"
      // once a too-long answer is deleted. The others stay listed until they are solved too.
      const problem = answerError(question, answers[id]);
      const errors = new Map(this.errors);
      if (problem) errors.set(id, problem);
      else errors.delete(id);
      this.errors = errors;
    }
    this.#host.requestUpdate();
  }

  typeText(question: Question, value: string): void {
    this.counts.update(question.id, value.length, textLimit(question));
    this.setAnswer(question, value);
  }

  /** Sends the answers; one request at a time, whatever is clicked or pressed meanwhile. */
  async submit(typed: TypedFields): Promise<void> {
    const loaded = this.#applied;
    if (!loaded || this.#send.status === 'loading' || this.outcome !== 'form') return;
    const { form, subject } = loaded;
    const errors = validateAnswers(form, this.answers);
    // The identity number: the page's, else the one typed here (checked with the answers).
    let applicantId: string | undefined;
    const dossierToken = this.dossierToken;
    this.applicantIdProblem = undefined;
    if (subject.kind === 'dossier' && !dossierToken) {
      // The tracker's proof ran out while the form was being filled in: the number is asked for
      // now, and the form says why (not as if the citizen had forgotten it).
      if (accessExpired(subject.dossierCode)) this.reverify = true;
      applicantId = usableApplicantId(this.#host.applicantId);
      if (!applicantId) {
        const id = normaliseApplicantId(typed.applicantId);
        this.applicantIdProblem = checkApplicantId(id);
        if (!this.applicantIdProblem) applicantId = id;
      }
    }
    if (errors.size > 0 || this.applicantIdProblem) {
      // The last send's failure (if any) is not the problem now: the answers are.
      if (this.#send.status === 'error') this.#send.reset();
      this.errors = errors;
      this.#options.focus('error-summary');
      return;
    }
    this.errors = new Map();

    const submission: SurveySubmission = { formId: form.id, formVersion: form.version, answers: answersToSend(form, this.answers) };
    if (subject.kind === 'dossier') {
      submission.dossierCode = subject.dossierCode;
      if (applicantId) submission.applicantId = applicantId;
    } else if (subject.kind === 'procedure') {
      submission.procedureCode = subject.procedureCode;
    } else {
      submission.pageUrl = subject.pageUrl;
    }
    // Read from the form, not from events: bots often set a value without firing any.
    if (typed.website) submission.website = typed.website.slice(0, 200);

    // Same request as the attempt that failed: a retry, same key. Anything else: a new attempt.
    const request = JSON.stringify(submission);
    if (this.#attempt?.request !== request) this.#attempt = { key: newIdempotencyKey(), request };
    await this.#send.run({ submission, idempotencyKey: this.#attempt.key, dossierToken });
    this.#settle(loaded);
  }

  /** After sending: thank, explain kindly, point at the answers to fix, or leave the error view. */
  #settle(loaded: LoadedForm): void {
    const { status, value, error } = this.#send;
    if (status === 'success' && value) {
      this.#draft.clear();
      this.#options.clearApplicantId();
      this.outcome = 'thanks';
      const detail: DvcEventDetailMap['dvc-survey-submitted'] = { responseId: value.id };
      if (loaded.subject.kind === 'dossier') detail.dossierCode = loaded.subject.dossierCode;
      if (loaded.subject.kind === 'procedure') detail.procedureCode = loaded.subject.procedureCode;
      this.#options.emit('dvc-survey-submitted', detail);
      this.#options.focus('thanks');
      return;
    }
    if (status !== 'error' || !(error instanceof DvcApiError)) return;
    if (isAccessRefused(error) && loaded.subject.kind === 'dossier') {
      // Refused meanwhile (expired at the server, say): the form asks for the identity number as
      // when the tab saw the proof run out, its notice and error summary saying why, once each;
      // not also as a failure by the send button.
      forgetAccess(loaded.subject.dossierCode);
      this.reverify = true;
      this.#attempt = undefined;
      this.#send.reset();
      this.applicantIdProblem = 'missing';
      this.#options.focus('error-summary');
      return;
    }
    // Should not happen (a key goes with one request only); if it does, the next send starts afresh.
    if (error.code === 'idempotency_key_reused') this.#attempt = undefined;
    if (error.code === 'dossier_not_found' && !usableApplicantId(this.#host.applicantId)) {
      // The typed number does not match the dossier: say so at the field, keep the answers.
      this.#send.reset();
      this.applicantIdProblem = 'not-found';
      this.#options.focus('error-summary');
      return;
    }
    const refused = REFUSED_OUTCOMES[error.code];
    if (refused) {
      if (FINAL_OUTCOMES.has(refused)) this.#draft.clear();
      this.outcome = refused;
      this.#options.focus(refused);
    } else if (error.code === 'validation_failed') {
      const errors = serverAnswerErrors(loaded.form, error.problem.errors);
      if (errors.size > 0) {
        this.errors = errors;
        this.#send.reset();
        this.#options.focus('error-summary');
      }
    }
  }
}

/** The page's address without query string or fragment, which may hold identifiers. */
function pageUrl(): string {
  return `${location.origin}${location.pathname}`;
}
