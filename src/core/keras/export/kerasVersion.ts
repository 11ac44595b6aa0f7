/** The Keras version whose output the Keras export (exportConfig.ts) reproduces. */
export const KERAS_EXPORT_VERSION = '3.15.1';
