// axe-core's browser bundle: a script that registers window.axe when loaded.
declare module 'axe-core/axe.min.js';
