/** package.json's version, with a build label when one is set (VALISE_BUILD_LABEL). */
declare const __APP_VERSION__: string;
