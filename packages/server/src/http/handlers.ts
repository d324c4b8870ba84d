import type { FastifyReply, FastifyRequest } from 'fastify';
import type { components, operations } from '@dvc-kit/sdk';
import type { components as sandboxComponents, operations as sandboxOperations } from '../generated/sandbox-openapi.ts';
import type { ServerContext } from '../context.ts';
import { ApiProblem } from './problem.ts';
import { getProcedure, listAgencies, listFields, saveProcedures, searchAnswer } from '../procedures/repository.ts';
import { changeStatus, createDossier, findDossier, findDossierFor, vnTime } from '../dossiers/repository.ts';
import { dossierView, surveyStatusView } from '../dossiers/view.ts';
import { checkDossierToken, DOSSIER_TOKEN_HEADER, issueDossierToken } from '../dossiers/access-token.ts';
import { createPayment, getPayment, getReceiptBundle } from '../payments/repository.ts';
import { receiveMomoNotification, receiveVnpayNotification } from '../payments/notifications.ts';
import type { MomoIpn } from '../payments/providers/momo.ts';
import { renderReceiptPage } from '../payments/receipt-page.ts';
import { findForm, listSurveyResponses, submitSurvey } from '../surveys/responses.ts';
import { SurveyForms } from '../surveys/forms.ts';
import type { FaultInjector } from './faults.ts';
import { apiKeyOf } from '../auth/key-check.ts';
import { DATABASE_RETRY_SECONDS, readinessOf } from '../storage/readiness.ts';
import { syncDossiers, syncProgress } from '../sync/sync-store.ts';
import { surveyReport, surveyReportSheet } from '../reports/survey-report.ts';
import { paymentReport, paymentReportSheet } from '../reports/payment-report.ts';
import { acceptedReportFormat, answerReport, reportOrProblem } from '../reports/answer.ts';
import { checkPeriod } from '../reports/period.ts';

type Schemas = components['schemas'];
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
type SandboxSchemas = sandboxComponents['schemas'];
/** The dossier access token, when the request carries one (a header, never the URL). */
type TokenHeader = { [DOSSIER_TOKEN_HEADER]?: string };
type SandboxQuery<Op extends keyof sandboxOperations> = NonNullable<sandboxOperations[Op]['parameters']['query']>;

/** A browser opening the receipt link asks for HTML first; API clients ask for JSON. */
function prefersHtml(accept: string | undefined): boolean {
  const html = accept?.indexOf('text/html') ?? -1;
  const json = accept?.indexOf('application/json') ?? -1;
  return html >= 0 && (json < 0 || html < json);
}

export interface HandlerOptions {
  version: string;
  adminRoutes: boolean;
  faults: FaultInjector;
  /** Restores the seed (sandbox reset). */
  reset: () => Promise<void>;
}

/**
 * One handler per operationId of openapi/dvc.yaml and, for the test controls, openapi/sandbox.yaml.
 * Requests reach them already validated against the contract (fastify-openapi-glue), so they only
 * carry the domain logic. With the admin routes off the test controls are not served at all
 * (see http/contract.ts); their handlers refuse as well.
 */
export function createHandlers(ctx: ServerContext, options: HandlerOptions) {
  /** The context with the request's logger: what a payment or a sync logs carries the request's id. */
  const forRequest = (request: FastifyRequest): ServerContext => ({ ...ctx, log: request.log });
  const requireAdmin = () => {
    if (!options.adminRoutes) throw new ApiProblem(404, 'not_found');
  };
  const surveyForms = new SurveyForms();

  return {
    async searchProcedures(request: FastifyRequest<{ Querystring: Query<'searchProcedures'> }>, reply: FastifyReply) {
      const { q, field, level, agency, online, page = 1, pageSize = 10 } = request.query;
      // JSON already: sent as it is.
      reply.type('application/json; charset=utf-8');
      return searchAnswer(ctx, { q, field, level, agency, online, page, pageSize });
    },

    async getProcedure(request: FastifyRequest<{ Params: { code: string } }>) {
      const procedure = await getProcedure(ctx, request.params.code);
      if (!procedure) throw new ApiProblem(404, 'procedure_not_found');
      return procedure;
    },

    async listFields() {
      return { items: await listFields(ctx) };
    },

    async listAgencies() {
      return { items: await listAgencies(ctx) };
    },

    async lookupDossier(request: FastifyRequest<{ Body: Schemas['DossierLookupRequest'] }>): Promise<Schemas['DossierLookupResult']> {
      const row = await findDossierFor(ctx, request.body.code, request.body.applicantId);
      if (!row) throw new ApiProblem(404, 'dossier_not_found');
      // Verified once: the token proves the applicant of this dossier for a while, without the number.
      const { token, expiresAt } = issueDossierToken(ctx, row.code);
      return { ...(await dossierView(ctx, row)), access: { token, expiresAt: vnTime(expiresAt.toISOString()) } };
    },

    async getDossier(request: FastifyRequest<{ Params: { code: string }; Headers: TokenHeader }>): Promise<Schemas['Dossier']> {
      checkDossierToken(ctx, request.headers[DOSSIER_TOKEN_HEADER]!, request.params.code);
      const row = await findDossier(ctx, request.params.code);
      if (!row) throw new ApiProblem(404, 'dossier_not_found');
      return dossierView(ctx, row);
    },

    async getDossierSurveyStatus(request: FastifyRequest<{ Params: { code: string }; Headers: TokenHeader }>) {
      checkDossierToken(ctx, request.headers[DOSSIER_TOKEN_HEADER]!, request.params.code);
      const row = await findDossier(ctx, request.params.code);
      if (!row) throw new ApiProblem(404, 'dossier_not_found');
      return surveyStatusView(ctx, row);
    },

    async createPayment(
      request: FastifyRequest<{ Body: Schemas['PaymentCreateRequest']; Headers: { 'idempotency-key': string } & TokenHeader }>,
      reply: FastifyReply,
    ) {
      // Gone already (its address goes to the gateway): the same key sent again makes the payment.
      if (request.socket.destroyed) return reply.hijack();
      const { payment, replayed } = await createPayment(forRequest(request), request.body, request.headers['idempotency-key'], request.headers[DOSSIER_TOKEN_HEADER], request.ip);
      reply.code(201).header('idempotent-replayed', String(replayed));
      return payment;
    },

    async getPayment(request: FastifyRequest<{ Params: { id: string } }>) {
      return getPayment(forRequest(request), request.params.id);
    },

    async getReceipt(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
      const bundle = await getReceiptBundle(ctx, request.params.id);
      if (prefersHtml(request.headers.accept)) {
        // Its own styles and nothing else: no script, no framing, no form, no other origin.
        reply.type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        return renderReceiptPage(bundle, { url: request.url, acceptLanguage: request.headers['accept-language'] });
      }
      return bundle;
    },

    async receiveVnpayNotification(request: FastifyRequest<{ Querystring: Record<string, unknown> }>) {
      return receiveVnpayNotification(forRequest(request), request.query);
    },

    async receiveMomoNotification(request: FastifyRequest<{ Body: MomoIpn }>, reply: FastifyReply) {
      await receiveMomoNotification(forRequest(request), request.body);
      return reply.code(204).send();
    },

    async getSurveyForm(request: FastifyRequest<{ Querystring: Query<'getSurveyForm'> }>) {
      // The dossier's code is not looked up: whether a code exists is told only with the identity
      // number or a token (lookupDossier), never here, where anyone may ask without one.
      const { kind = 'dossier', procedureCode } = request.query;
      if (procedureCode && !(await getProcedure(ctx, procedureCode))) throw new ApiProblem(404, 'procedure_not_found');
      return findForm(kind, surveyForms.all);
    },

    async submitSurvey(
      request: FastifyRequest<{ Body: Schemas['SurveySubmission']; Headers: { 'idempotency-key'?: string } & TokenHeader }>,
      reply: FastifyReply,
    ) {
      const key = request.headers['idempotency-key'];
      const { receipt, replayed } = await submitSurvey(forRequest(request), request.body, surveyForms.all, key, request.headers[DOSSIER_TOKEN_HEADER]);
      reply.code(201);
      if (key !== undefined) reply.header('idempotent-replayed', String(replayed));
      return receipt;
    },

    async syncDossiers(request: FastifyRequest<{ Body: Schemas['SyncDossierBatch'] }>) {
      return syncDossiers(forRequest(request), apiKeyOf(request), request.body);
    },

    async syncProgress(request: FastifyRequest<{ Body: Schemas['SyncProgressBatch'] }>) {
      return syncProgress(forRequest(request), apiKeyOf(request), request.body);
    },

    async getSurveyReport(request: FastifyRequest<{ Querystring: Query<'getSurveyReport'> }>, reply: FastifyReply) {
      const key = apiKeyOf(request);
      const { from, to, groupBy = 'procedure' } = request.query;
      const format = acceptedReportFormat(request.headers.accept);
      const report = await reportOrProblem(() => {
        checkPeriod({ from, to }, ctx.now());
        return surveyReport(ctx.storage, { agency: key.agency, from, to, groupBy }, surveyForms.all);
      });
      return answerReport(format, reply, report, surveyReportSheet);
    },

    async getPaymentReport(request: FastifyRequest<{ Querystring: Query<'getPaymentReport'> }>, reply: FastifyReply) {
      const key = apiKeyOf(request);
      const { from, to } = request.query;
      const format = acceptedReportFormat(request.headers.accept);
      const report = await reportOrProblem(() => {
        checkPeriod({ from, to }, ctx.now());
        return paymentReport(ctx.storage, { agency: key.agency, from, to });
      });
      return answerReport(format, reply, report, paymentReportSheet);
    },

    async getHealth() {
      // The catalogue as this process sees it (checked against the database at most once a second);
      // with the database unreachable, the last one it saw: liveness does not depend on it.
      const procedures = await ctx.catalogue.current().then((index) => index.docs.length, () => ctx.catalogue.size);
      return { status: 'ok' as const, version: options.version, procedures, time: new Date().toISOString() };
    },

    async getReadiness(_request: FastifyRequest, reply: FastifyReply): Promise<Schemas['Readiness']> {
      const readiness = await readinessOf(ctx.storage, await ctx.database.refresh());
      reply.code(readiness.status === 'ready' ? 200 : 503);
      // As the API's own 503s say: a client (a deploy script polling) knows when to look again.
      if (readiness.status !== 'ready') reply.header('retry-after', String(DATABASE_RETRY_SECONDS));
      return readiness;
    },

    async sandboxReset(_request: FastifyRequest, reply: FastifyReply) {
      requireAdmin();
      await options.reset();
      surveyForms.restore();
      reply.code(204);
    },

    async sandboxPutProcedure(request: FastifyRequest<{ Body: SandboxSchemas['SandboxProcedureInput'] }>, reply: FastifyReply) {
      requireAdmin();
      const input = request.body;
      await saveProcedures(ctx, [{
        levels: [], onlineLevel: 'none', channelDetails: [], documentCases: [], steps: [], eligibility: [],
        requirements: '', results: [], legalBasis: [],
        ...input,
        agencyDetails: input.agencyDetails ?? { executing: [], competent: [], authorised: [], coordinating: [] },
      }]);
      reply.code(201);
      return getProcedure(ctx, input.code);
    },

    async sandboxListSurveyResponses(request: FastifyRequest<{ Querystring: SandboxQuery<'sandboxListSurveyResponses'> }>) {
      requireAdmin();
      return { items: await listSurveyResponses(ctx, request.query) };
    },

    async sandboxPutSurveyForm(request: FastifyRequest<{ Body: Schemas['SurveyForm'] }>, reply: FastifyReply) {
      requireAdmin();
      surveyForms.replace(request.body);
      reply.code(201);
      return findForm(request.body.kind, surveyForms.all);
    },

    async sandboxAddFault(request: FastifyRequest<{ Body: SandboxSchemas['SandboxFault'] }>, reply: FastifyReply) {
      requireAdmin();
      reply.code(201);
      return { id: options.faults.arm(request.body) };
    },

    async sandboxCreateDossier(request: FastifyRequest<{ Body: SandboxSchemas['SandboxDossierInput'] }>, reply: FastifyReply) {
      requireAdmin();
      const code = await createDossier(ctx, request.body);
      reply.code(201);
      return dossierView(ctx, (await findDossier(ctx, code))!);
    },

    async sandboxSetDossierStatus(
      request: FastifyRequest<{ Params: { code: string }; Body: SandboxSchemas['SandboxStatusChange'] }>,
    ) {
      requireAdmin();
      await changeStatus(ctx, request.params.code, request.body);
      return dossierView(ctx, (await findDossier(ctx, request.params.code))!);
    },
  };
}
