/**
 * Where a worker thread's code is: from the TypeScript sources (vitest, tsx), `<name>.mjs` beside the
 * caller — plain JavaScript that registers tsx's loader in the worker (a worker does not inherit the main
 * thread's) and then imports `<name>.ts`; from the compiled build (bin/fazhi.js), `<name>.js`.
 * `callerUrl`: the caller's `import.meta.url`.
 */
export function workerEntry(callerUrl: string, name: string): URL {
  return new URL(`./${name}.${callerUrl.endsWith('.ts') ? 'mjs' : 'js'}`, callerUrl);
}
