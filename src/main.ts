/**
 * The entry points Apps Script calls (triggers and menu items), and nothing else.
 * Every export becomes a top-level function in dist/Code.js (scripts/build.ts).
 */
export { about } from './app/about';
