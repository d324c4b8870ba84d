import { useState } from 'react';
import type { DvcDossierFoundEventDetail, DvcProcedureSelectEventDetail, DvcSearchEventDetail } from '@dvc-kit/elements';

/** The signed-in citizen, as a portal that knows them would have it (a made-up demo number). */
const SIGNED_IN_APPLICANT_ID = '001099000006';

export function App({ apiBase }: { apiBase: string }) {
  const [search, setSearch] = useState<DvcSearchEventDetail>();
  const [chosen, setChosen] = useState<string>();
  const [dossier, setDossier] = useState<DvcDossierFoundEventDetail>();

  return (
    <main>
      <h1>Public services (React 19)</h1>

      <section aria-labelledby="find">
        <h2 id="find">Find a procedure</h2>
        {/* Attributes (api-base, page-size) and events: `ondvc-search` listens to `dvc-search`. */}
        <dvc-procedure-search
          api-base={apiBase}
          pageSize={5}
          heading-level={3}
          ondvc-search={(event: CustomEvent<DvcSearchEventDetail>) => setSearch(event.detail)}
          ondvc-procedure-select={(event: CustomEvent<DvcProcedureSelectEventDetail>) => {
            // The portal shows its own page for a procedure: the widget must not open its detail.
            event.preventDefault();
            setChosen(event.detail.code);
          }}
        />
        <p id="search-status" role="status">
          {search ? `${search.total} results for “${search.query}”` : 'No search yet'}
        </p>
        {chosen && <p id="chosen">The portal's own page for procedure {chosen}</p>}
      </section>

      <section aria-labelledby="track">
        <h2 id="track">Track your dossier</h2>
        {/* `applicantId` is a property only (personal data is never an attribute): React 19 sets it as one. */}
        <dvc-dossier-tracker
          apiBase={apiBase}
          applicantId={SIGNED_IN_APPLICANT_ID}
          ondvc-dossier-found={(event: CustomEvent<DvcDossierFoundEventDetail>) => setDossier(event.detail)}
        />
        <p id="dossier-status" role="status">{dossier ? `${dossier.code}: ${dossier.status}` : 'No dossier yet'}</p>
      </section>
    </main>
  );
}
