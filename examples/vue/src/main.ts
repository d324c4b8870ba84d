import { createApp } from 'vue';
// Registers the four elements (the npm build: Lit and the SDK come from this app's node_modules).
import '@dvc-kit/elements';
import App from './App.vue';

createApp(App, { apiBase: import.meta.env['VITE_DVC_API'] ?? 'http://localhost:4010/api/v1' }).mount('#app');
