/**
 * Something the admin must fix before the server (or a command) can run: a setting with a
 * wrong value, a data folder it cannot use, a port another program holds. Its message says
 * what is wrong and how to fix it, and is printed as is: no stack trace.
 */
export class StartRefused extends Error {}
