/**
 * The time zone of an event file that names none, on its own so that the library and the views use it
 * without loading the event file's parser (YAML, Markdown).
 */
export const DEFAULT_TIMEZONE = 'Europe/Berlin';
