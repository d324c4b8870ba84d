import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DvcLocale } from './locale.ts';

/** BCP 47 tags for speech: a vi-VN voice for Vietnamese, British English otherwise. */
const SPEECH_LANG: Record<DvcLocale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A stretch of text in one language: API text is Vietnamese even on an English page. */
export interface SpeechPart {
  text: string;
  lang: DvcLocale;
}

/** One utterance per change of language: a Vietnamese page's text is one utterance. */
function utteranceTexts(parts: readonly SpeechPart[]): SpeechPart[] {
  const merged: SpeechPart[] = [];
  for (const { text, lang } of parts) {
    const last = merged.at(-1);
    if (last?.lang === lang) last.text += text;
    else merged.push({ text, lang });
  }
  return merged;
}

/**
 * Reads text aloud with the Web Speech API, each part with a voice for its language.
 * `supported` is false where the browser has no speech synthesis: callers hide their button.
 */
export class ReadAloudController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** Counts readings, so a cancelled one's late "end" does not stop the next one's state. */
  #reading = 0;
  speaking = false;
  /** The last reading could not be heard: the device has no voice for its language, or speaking failed. */
  silent = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get supported(): boolean {
    return typeof window.speechSynthesis === 'object' && window.speechSynthesis !== null &&
      typeof window.SpeechSynthesisUtterance === 'function';
  }

  speak(parts: readonly SpeechPart[]): void {
    if (!this.supported) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    const reading = ++this.#reading;
    const done = () => {
      if (reading !== this.#reading) return;
      this.speaking = false;
      this.#host.requestUpdate();
    };
    const texts = utteranceTexts(parts);
    const voices = synth.getVoices();
    const voiceFor = (lang: string) => voices.find((v) => v.lang.toLowerCase().startsWith(lang));
    // The device's voices are known and none speaks a language to read: nothing would be heard, or
    // another language's voice would read Vietnamese unintelligibly. (An empty list is not known yet.)
    this.silent = voices.length > 0 && texts.some(({ lang }) => !voiceFor(lang));
    this.speaking = texts.length > 0 && !this.silent;
    if (this.silent) {
      this.#host.requestUpdate();
      return;
    }
    texts.forEach(({ text, lang }, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = SPEECH_LANG[lang];
      const voice = voiceFor(lang);
      if (voice) utterance.voice = voice;
      // The browser queues the utterances: the reading is over after the last, or at any error.
      if (index === texts.length - 1) utterance.addEventListener('end', done);
      utterance.addEventListener('error', (event) => {
        // Stopped on purpose ("interrupted", "canceled") is not a failure.
        if (reading === this.#reading && event.error !== 'interrupted' && event.error !== 'canceled') this.silent = true;
        done();
      });
      synth.speak(utterance);
    });
    this.#host.requestUpdate();
  }

  stop(): void {
    this.#reading++;
    if (this.supported) window.speechSynthesis.cancel();
    this.speaking = false;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.speaking) this.stop();
  }
}

/** The part of SpeechRecognition we use (not in TypeScript's DOM library yet). */
interface Recognition extends EventTarget {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  start(): void;
  abort(): void;
}
type RecognitionConstructor = new () => Recognition;
interface RecognitionResultEvent extends Event {
  results: ArrayLike<ArrayLike<{ transcript: string }>>;
}
interface RecognitionErrorEvent extends Event {
  error?: string;
}

function recognitionConstructor(): RecognitionConstructor | undefined {
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/**
 * Why listening gave no phrase, for the widget to say in its own words: nothing was heard, the
 * microphone was refused, there is no microphone, the recogniser's service could not be reached, or
 * something else went wrong. Stopping on purpose is not a problem.
 */
export type VoiceProblem = 'no-speech' | 'not-allowed' | 'audio-capture' | 'network' | 'failed';

/** The Web Speech API's error codes, as problems (`aborted` is a stop, not a problem). */
function problemOf(code: string | undefined): VoiceProblem | undefined {
  switch (code) {
    case 'aborted':
      return undefined;
    case 'no-speech':
      return 'no-speech';
    case 'not-allowed':
    case 'service-not-allowed':
      return 'not-allowed';
    case 'audio-capture':
      return 'audio-capture';
    case 'network':
      return 'network';
    default:
      return 'failed';
  }
}

/**
 * Voice input for a search box: one phrase, in the language the caller names. `supported` is false
 * where the browser cannot recognise speech. When listening ends without a phrase, `problem` says
 * why (until the next `listen()`), so the widget can tell the citizen instead of going quiet.
 */
export class VoiceInputController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #recognition: Recognition | undefined;
  listening = false;
  problem: VoiceProblem | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get supported(): boolean {
    return recognitionConstructor() !== undefined;
  }

  listen(locale: DvcLocale, onPhrase: (text: string) => void): void {
    const Constructor = recognitionConstructor();
    if (!Constructor) return;
    this.stop();
    this.problem = undefined;
    const recognition = new Constructor();
    recognition.lang = SPEECH_LANG[locale];
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    let heard = false;
    let stopped = false;
    let problem: VoiceProblem | undefined;
    recognition.addEventListener('result', (event) => {
      const phrase = (event as RecognitionResultEvent).results[0]?.[0]?.transcript.trim();
      if (phrase) {
        heard = true;
        onPhrase(phrase);
      }
    });
    recognition.addEventListener('error', (event) => {
      const code = (event as RecognitionErrorEvent).error;
      if (code === 'aborted') stopped = true;
      else problem ??= problemOf(code);
      done();
    });
    // Speech that matched no words: as good as nothing heard.
    recognition.addEventListener('nomatch', () => {
      problem ??= 'no-speech';
    });
    const done = () => {
      if (this.#recognition !== recognition) return;
      // Ended with no phrase, no error and no stop (some browsers end quietly): nothing was heard.
      this.problem = heard || stopped ? undefined : problem ?? 'no-speech';
      this.listening = false;
      this.#recognition = undefined;
      this.#host.requestUpdate();
    };
    recognition.addEventListener('end', done);
    this.#recognition = recognition;
    this.listening = true;
    try {
      recognition.start();
    } catch (error) {
      problem = error instanceof DOMException && error.name === 'NotAllowedError' ? 'not-allowed' : 'failed';
      done();
    }
    this.#host.requestUpdate();
  }

  /** Stops listening on purpose: no problem is reported. */
  stop(): void {
    const recognition = this.#recognition;
    if (!recognition) return;
    this.#recognition = undefined;
    this.listening = false;
    this.problem = undefined;
    recognition.abort();
    this.#host.requestUpdate();
  }

  /** Forgets the last problem (the citizen typed instead). */
  clearProblem(): void {
    if (this.problem === undefined) return;
    this.problem = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }
}
