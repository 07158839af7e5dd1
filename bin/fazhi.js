#!/usr/bin/env node
// The `fazhi` command. Runs the server compiled to JavaScript (build/<fingerprint>/, made from src/
// by scripts/build-server.mjs in about a second when the sources changed), not the TypeScript through
// tsx at every start. Stack traces name the compiled files, which mirror src/ file for file;
// `node --enable-source-maps bin/fazhi.js …` maps them back to the TypeScript lines.
import { pathToFileURL } from 'node:url';
import { ensureServerBuild } from '../scripts/build-server.mjs';

// The one-second compile is announced on a terminal only: a script reading the output sees the command's own.
const entry = await ensureServerBuild({ log: (m) => process.stderr.isTTY && console.error(m) });
await import(pathToFileURL(entry).href);
