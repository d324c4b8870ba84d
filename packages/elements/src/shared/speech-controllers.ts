import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DvcLocale } from './locale.ts';

/** BCP 47 tags for speech: a vi-VN voice for Vietnamese, British English otherwise. */
const SPEECH_LANG: Record<DvcLocale, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * Reads text aloud with the Web Speech API, preferring a voice for the page language.
 * `supported` is false where the browser has no speech synthesis: callers hide their button.
 */
export class ReadAloudController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  speaking = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get supported(): boolean {
    return typeof window.speechSynthesis === 'object' && window.speechSynthesis !== null &&
      typeof window.SpeechSynthesisUtterance === 'function';
  }

  speak(text: string, locale: DvcLocale): void {
    if (!this.supported) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = SPEECH_LANG[locale];
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(locale));
    if (voice) utterance.voice = voice;
    const done = () => {
      this.speaking = false;
      this.#host.requestUpdate();
    };
    utterance.addEventListener('end', done);
    utterance.addEventListener('error', done);
    this.speaking = true;
    synth.speak(utterance);
    this.#host.requestUpdate();
  }

  stop(): void {
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

function recognitionConstructor(): RecognitionConstructor | undefined {
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/**
 * Voice input for a search box: one phrase, in the page language. `supported` is false where the
 * browser cannot recognise speech; a refused microphone or no speech ends quietly.
 */
export class VoiceInputController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #recognition: Recognition | undefined;
  listening = false;

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
    this.#recognition?.abort();
    const recognition = new Constructor();
    recognition.lang = SPEECH_LANG[locale];
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.addEventListener('result', (event) => {
      const phrase = (event as RecognitionResultEvent).results[0]?.[0]?.transcript.trim();
      if (phrase) onPhrase(phrase);
    });
    const done = () => {
      this.listening = false;
      this.#recognition = undefined;
      this.#host.requestUpdate();
    };
    recognition.addEventListener('end', done);
    recognition.addEventListener('error', done);
    this.#recognition = recognition;
    this.listening = true;
    try {
      recognition.start();
    } catch {
      done();
    }
    this.#host.requestUpdate();
  }

  stop(): void {
    this.#recognition?.abort();
  }

  hostDisconnected(): void {
    this.#recognition?.abort();
  }
}
