import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers the four elements (the npm build: Lit and the SDK come from this app's node_modules).
import '@dvc-kit/elements';
// The elements' React 19 JSX types: tags, properties, attributes and `on<event>` props.
import type {} from '@dvc-kit/elements/jsx';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App apiBase={import.meta.env['VITE_DVC_API'] ?? 'http://localhost:4010/api/v1'} />
  </StrictMode>,
);
