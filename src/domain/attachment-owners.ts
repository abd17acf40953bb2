export const RECORD_TYPES_WITH_ATTACHMENTS = [
  'visits',
  'toolboxItems',
  'events',
  'diagnostics',
  'organisations',
] as const;
