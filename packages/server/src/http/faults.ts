import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { components } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '../generated/sandbox-openapi.ts';
import { ApiProblem } from './problem.ts';

type Fault = sandboxComponents['schemas']['SandboxFault'];
type ProblemCode = components['schemas']['ProblemCode'];

/** Set on every answer a fault produced. */
export const FAULT_HEADER = 'x-dvc-sandbox-fault';

interface ArmedFault extends Fault {
  id: string;
  remaining: number;
}

/**
 * Sandbox-only fault injection, so widget tests can meet slow, failing and garbled answers from the
 * real server instead of a mock: armed through `POST /_sandbox/faults`, cleared by a reset.
 */
export class FaultInjector {
  #faults: ArmedFault[] = [];
  /** Requests let through by `drop-after-commit`, whose answer onSend replaces (see loseAnswer). */
  readonly #dropping = new WeakMap<FastifyRequest, ArmedFault>();

  arm(fault: Fault): string {
    const id = `flt_${randomUUID().slice(0, 8)}`;
    this.#faults.push({ ...fault, id, remaining: fault.times ?? 1 });
    return id;
  }

  clear(): void {
    this.#faults = [];
  }

  /** Applies the first matching fault to this request, if any. Returns true when it answered. */
  async apply(operationId: string, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const query = readableQuery(request.url);
    const fault = this.#faults.find((f) =>
      f.operationId === operationId && f.remaining > 0 && (!f.whenQueryContains || query.includes(f.whenQueryContains)));
    if (!fault) return false;
    fault.remaining--;
    this.#faults = this.#faults.filter((f) => f.remaining > 0);
    switch (fault.kind) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 3000));
        reply.header(FAULT_HEADER, fault.kind);
        return false;
      case 'malformed':
        // Marked so the answer is never cacheable: a browser must not keep an injected fault.
        reply.code(200).type('application/json').header(FAULT_HEADER, fault.kind).send('{"items": [ {"code": ');
        return true;
      case 'status':
        throw injectedProblem(fault, 500, reply);
      case 'drop-after-commit':
        // The request goes on and does its work; only its answer is lost (onSend, loseAnswer).
        this.#dropping.set(request, fault);
        return false;
    }
  }

  /**
   * For a request `drop-after-commit` let through: its answer, whatever it was, replaced by the
   * fault's problem (default 502) once the work is done. Call from onSend; returns the payload to send.
   */
  loseAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const fault = this.#dropping.get(request);
    if (!fault) return payload;
    this.#dropping.delete(request);
    const problem = injectedProblem(fault, 502, reply);
    reply.removeHeader('idempotent-replayed');
    reply.code(problem.status).type('application/problem+json').header(FAULT_HEADER, fault.kind);
    return JSON.stringify(problem.toProblem(request.url.split('?')[0]));
  }
}

/** The problem a `status` or `drop-after-commit` fault answers, with its Retry-After header set. */
function injectedProblem(fault: Fault, defaultStatus: number, reply: FastifyReply): ApiProblem {
  const status = fault.status ?? defaultStatus;
  if (fault.retryAfter !== undefined) reply.header('retry-after', String(fault.retryAfter));
  const code: ProblemCode = status === 429 ? 'rate_limited' : status === 503 ? 'service_unavailable' : status >= 500 ? 'internal_error' : 'validation_failed';
  return new ApiProblem(status, code, fault.detail ?? 'Injected by the sandbox.', fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : {});
}

/** The query string as text, for `whenQueryContains`: a broken escape ("%E0%A4%A") is left as sent. */
function readableQuery(url: string): string {
  const raw = (url.split('?')[1] ?? '').replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
