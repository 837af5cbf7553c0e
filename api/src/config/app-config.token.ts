/** Injection token of the validated AppConfig (a file of its own, so modules need not import the app module). */
export const APP_CONFIG = Symbol('APP_CONFIG');
