import type { IncomingMessage, ServerResponse } from 'node:http'

/** Every error a caller of the HTTP API can meet, in German and English. */
const MESSAGES = {
  bad_request: { de: 'Die Anfrage ist ungültig.', en: 'The request is not valid.' },
  body_too_large: { de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' },
  not_json: { de: 'Die Anfrage ist kein gültiges JSON.', en: 'The request body is not valid JSON.' },
  invalid_fields: { de: 'Einige Angaben fehlen oder sind ungültig.', en: 'Some fields are missing or not valid.' },
  wrong_password: { de: 'Das Passwort zum Anlegen von Workshops stimmt nicht.', en: 'The password for creating workshops is wrong.' },
  unknown_code: { de: 'Zu diesem Code gibt es keinen Workshop.', en: 'There is no workshop with this code.' },
  follow_up_forbidden: {
    de: 'Einen Folge-Workshop können nur Moderation und Co-Moderation des früheren Workshops anlegen.',
    en: 'Only the facilitators and moderators of the earlier workshop can create a follow-up to it.',
  },
  too_many_requests: { de: 'Zu viele Versuche. Bitte warten Sie eine Minute.', en: 'Too many attempts. Please wait a minute.' },
  unauthorized: { de: 'Dieser Link ist ungültig oder abgelaufen.', en: 'This link is not valid or has expired.' },
  forbidden: { de: 'Sie haben keinen Zugang zu diesem Workshop.', en: 'You have no access to this workshop.' },
  not_found: { de: 'Nicht gefunden.', en: 'Not found.' },
  not_an_image: { de: 'Das ist kein Bild im Format PNG, JPEG, GIF, WebP oder SVG.', en: 'This is not a PNG, JPEG, GIF, WebP or SVG image.' },
  image_quota: { de: 'Dieser Workshop hat keinen Platz für weitere Bilder.', en: 'This workshop has no room for more images.' },
  agenda_full: { de: 'Die Agenda hat schon so viele Phasen, wie sie haben kann.', en: 'The agenda already has as many phases as it can have.' },
  invalid_state: { de: 'Das geht im jetzigen Zustand nicht (läuft die Phase oder der Timer schon oder nicht mehr?).', en: 'This is not possible right now (is the phase or the timer already running, or no longer?).' },
  boards_full: { de: 'Dieser Workshop hat schon so viele Boards, wie er haben kann.', en: 'This workshop already has as many boards as it can have.' },
  breakouts_full: { de: 'Dieser Workshop hat keinen Platz für weitere Gruppenräume.', en: 'This workshop has no room for more breakout rooms.' },
  state_too_large: { de: 'Die Agenda dieses Workshops ist zu groß geworden.', en: 'This workshop’s agenda has grown too large.' },
  votes_full: { de: 'Dieser Workshop hat schon so viele Abstimmungen, wie er haben kann.', en: 'This workshop already has as many votes as it can have.' },
  vote_closed: { de: 'Diese Abstimmung ist beendet.', en: 'This vote is closed.' },
  not_eligible: { de: 'Darüber wird in dieser Abstimmung nicht abgestimmt.', en: 'This cannot be voted on in this session.' },
  no_votes_left: { de: 'Sie haben keine Punkte mehr übrig.', en: 'You have no votes left.' },
  item_full: { de: 'Auf dieses Element können Sie keine weiteren Punkte setzen.', en: 'You cannot put more votes on this item.' },
  request_reused: { de: 'Diese Anfrage-Kennung wurde schon für etwas anderes verwendet.', en: 'This request id was already used for something else.' },
  nothing_to_take_back: { de: 'Hier haben Sie keinen Punkt, den Sie zurücknehmen könnten.', en: 'You have no vote here to take back.' },
  invalid_source: {
    de: 'Diese Phase kann nur auf einer früheren Phase der passenden Art aufbauen (eine Arbeitsphase weiterführen, die Besten einer Abstimmung).',
    en: 'This phase can only build on an earlier phase of the right kind (continue a work phase, take the best of a vote).',
  },
  results_not_ready: {
    de: 'Die Ergebnisse, auf denen das aufbaut, gibt es noch nicht: Die Arbeitsphase oder Abstimmung davor ist noch nicht gelaufen oder hat keine Stimmen.',
    en: 'The results this builds on are not there yet: the work phase or vote before it has not run, or has no votes.',
  },
  nothing_to_bring: {
    de: 'In den Räumen gibt es noch nichts zu holen: keine ausgefüllte Konzeptkarte (und, falls gewählt, keine Haftnotiz mit Text).',
    en: 'There is nothing to bring from the rooms yet: no concept card with content (and, if chosen, no sticky note with text).',
  },
  already_brought: { de: 'Diese Ergebnisse liegen schon im Plenum.', en: 'These results are already on the plenary board.' },
  room_full: { de: 'Dieser Raum ist voll. Bitte wählen Sie einen anderen.', en: 'This room is full. Please choose another one.' },
  last_board: { de: 'Das letzte Board eines Workshops kann nicht archiviert werden.', en: 'The last board of a workshop cannot be archived.' },
  workshop_full: { de: 'Dieser Workshop ist voll.', en: 'This workshop is full.' },
  upgrade_required: { de: 'Diese Adresse spricht nur WebSocket.', en: 'This endpoint speaks WebSocket only.' },
  shutting_down: { de: 'Der Server fährt gerade herunter.', en: 'The server is shutting down.' },
  storage_failed: { de: 'Speichern schlägt gerade fehl; siehe Protokoll.', en: 'Writing to storage is failing; see the logs.' },
  internal_error: { de: 'Auf dem Server ist etwas schiefgegangen.', en: 'Something went wrong on the server.' },
  unknown_format: { de: 'Dieses Format gibt es nicht (json, md oder csv).', en: 'There is no such format (json, md or csv).' },
  method_not_allowed: { de: 'Diese Methode wird hier nicht unterstützt.', en: 'This method is not supported here.' },
} as const

export type ApiErrorCode = keyof typeof MESSAGES

/** The caller's language from Accept-Language: German if it asks for German first, else English. */
export function callerLanguage(req: IncomingMessage): 'de' | 'en' {
  const first = (req.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('de') ? 'de' : 'en'
}

export function sendApiError(req: IncomingMessage, res: ServerResponse, status: number, code: ApiErrorCode): void {
  sendApiJson(res, status, { error: { code, message: MESSAGES[code][callerLanguage(req)] } })
}

export function sendApiJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}
