// Stylesheets imported for their effect; esbuild bundles them.
declare module '*.css';
