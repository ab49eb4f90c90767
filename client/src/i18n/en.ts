/**
 * English texts. This object is the reference: `de.ts` must have exactly the
 * same keys (checked by the compiler through `Messages` and by i18n.test.ts).
 */
export const en = {
  app: {
    name: 'Werkraum',
    skipToContent: 'Skip to content',
  },
  language: {
    label: 'Language',
    de: 'Deutsch',
    en: 'English',
  },
  start: {
    pageTitle: 'Werkraum – collaborative whiteboard',
    heading: 'Werkraum',
    intro: 'A shared whiteboard for online workshops. Everyone who opens the same board sees the same canvas.',
    newHeading: 'Start a new board',
    newText: 'Creates a board with a random name that is hard to guess. Share its address with the other participants.',
    newButton: 'New board',
    openHeading: 'Open a board',
    openLabel: 'Board name',
    openHint: 'Letters, digits and hyphens. Spaces and umlauts are converted, e.g. “Ideen für den Marktplatz” becomes “ideen-fuer-den-marktplatz”.',
    openButton: 'Open board',
    openEmpty: 'Please enter a name that contains at least one letter or digit.',
  },
  board: {
    pageTitle: '{{board}} – Werkraum',
    heading: 'Board: {{board}}',
    home: 'Werkraum home page',
    loading: 'Loading board …',
    canvasLabel: 'Whiteboard',
    notFound: 'This address is not a valid board name.',
    backToStart: 'Back to the start page',
    reload: 'Reload page',
  },
  schema: {
    newer: 'This board was saved by a newer version of Werkraum. Please reload the page; if the message stays, ask your administrator to update Werkraum.',
    migrationFailed: 'This board could not be converted to the current format. Nothing was changed.',
  },
  connection: {
    label: 'Connection',
    connected: 'Connected',
    connecting: 'Connecting …',
    reconnecting: 'Connection lost, reconnecting …',
    offline: 'Offline',
    unsent: 'Unsent changes (kept on this device).',
    reason: '– {{message}}',
  },
  close: {
    messageTooBig: 'A change was too large for the server. The connection has been stopped.',
    malformed: 'The server did not understand a message.',
    slowConsumer: 'The connection was too slow.',
    unauthorized: 'You are not signed in for this board.',
    forbidden: 'You do not have access to this board.',
    restarting: 'The server is restarting.',
    unavailable: 'The server cannot load this board at the moment.',
    internal: 'The server had an internal error.',
    unknown: 'The server ended the connection (code {{code}}).',
    fatalHeading: 'Connection stopped',
    fatalHint: 'Your changes on this device are kept. Reload the page to try again.',
  },
  presence: {
    heading: 'On this board ({{count}})',
    you: '{{name}} (you)',
    unnamed: 'Unnamed',
  },
  name: {
    heading: 'What name should the others see?',
    intro: 'Your name and a colour are shown next to your cursor. They are stored only in this browser.',
    label: 'Your name',
    submit: 'Enter board',
    save: 'Save',
    cancel: 'Cancel',
    empty: 'Please enter a name.',
    change: 'Change name ({{name}})',
  },
} as const

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** The shape every language must have. */
export type Messages = Widen<typeof en>
