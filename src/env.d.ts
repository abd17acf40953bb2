/** package.json's version, with a build label when one is set (VALISE_BUILD_LABEL). */
declare const __APP_VERSION__: string;

/** The commune table (vite.config.ts builds it from @etalab/decoupage-administratif). */
declare module 'virtual:communes' {
  const table: string;
  export default table;
}
