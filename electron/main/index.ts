/**
 * Electron's entry point (out/main/index.js). The wiring lives in lifecycle.ts so tests can start the
 * app against a fake `electron` module.
 */
import { startApp } from './lifecycle';

void startApp({ mainDir: __dirname, env: process.env });
