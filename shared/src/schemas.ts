/**
 * zod schemas for what crosses the wire as JSON, at `@werkraum/shared/schemas`.
 *
 * A separate entry point on purpose: zod costs about 7-9 MiB of resident memory
 * once loaded, and the sync server needs none of it; code that validates JSON
 * at a boundary (HTTP bodies, tests) imports it from here.
 */
import { z } from 'zod'
import { Limits, DOC_NAME_PATTERN } from './protocol.ts'
import type { ApiError, Health } from './protocol.ts'
import type { SerializedSchema } from './board.ts'
import { AgendaLimits, PHASE_KINDS } from './agenda.ts'
import { AFTER_BREAKOUT, ASSIGNMENT_MODES, BreakoutLimits } from './breakout.ts'
import { VOTE_KINDS, VOTE_TARGETS, VoteLimits } from './votes.ts'
import { ROLES } from './roles.ts'
import { BOARD_TEMPLATES, LOCALES, WorkshopLimits } from './workshop.ts'
import type { CreatedWorkshop, JoinPreview, JoinedWorkshop, WorkshopView } from './workshop.ts'
import { SiteLimits, type SiteInfo } from './site.ts'

export const DocNameSchema = z
  .string()
  .min(1)
  .max(Limits.MAX_DOC_NAME_CHARS)
  .regex(DOC_NAME_PATTERN, 'letters, digits, ".", "_" and "-" only; must start with a letter or digit')

export const HealthSchema: z.ZodType<Health> = z.object({
  status: z.literal('ok'),
  protocol: z.number().int(),
  uptimeSeconds: z.number(),
  documents: z.number().int(),
  connections: z.number().int(),
})

export const ApiErrorSchema: z.ZodType<ApiError> = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
})

export const SerializedSchemaSchema: z.ZodType<SerializedSchema> = z.object({
  schemaVersion: z.literal(2),
  sequences: z.record(z.string(), z.number().int()),
})

/** `POST /api/workshops` body. */
export const CreateWorkshopBodySchema = z.object({
  title: z.string().trim().min(1).max(WorkshopLimits.MAX_TITLE_CHARS),
  locale: z.enum(LOCALES),
  password: z.string().max(200).optional(),
  /** The workshop this one follows up on; needs that workshop's facilitator or moderator token (Authorization: Bearer). */
  followUpOf: z.string().regex(/^[A-Za-z0-9]{1,40}$/).optional(),
})

/** `POST /api/join` body. */
export const JoinBodySchema = z.object({
  code: z.string().max(32),
  name: z.string().trim().min(1).max(WorkshopLimits.MAX_NAME_CHARS),
})

const Id = z.string().max(40)
const PhaseTitle = z.string().trim().min(1).max(AgendaLimits.MAX_TITLE_CHARS)
/** A vote's settings: opened on the spot (`openVote`) or planned with a vote phase (`configureVote`). */
const VotePlanFields = {
  title: z.string().trim().min(1).max(VoteLimits.MAX_TITLE_CHARS),
  kind: z.enum(VOTE_KINDS),
  target: z.enum(VOTE_TARGETS),
  boardIds: z.array(z.string().max(40)).max(VoteLimits.MAX_BOARDS_PER_SESSION),
  /** "The results of <breakout phase>" (resolved when the vote opens); then `boardIds` may be empty. */
  resultsOf: z.string().max(40).optional(),
  votesPerPerson: z.number().int().min(1).max(VoteLimits.MAX_VOTES_PER_PERSON),
  maxPerItem: z.number().int().min(1).max(VoteLimits.MAX_VOTES_PER_PERSON),
  anonymous: z.boolean(),
  hidden: z.boolean(),
}

/** A vote needs something to run on: named boards, or the results of a breakout phase. */
const hasTarget = (plan: { boardIds: readonly string[]; resultsOf?: string | undefined }): boolean => plan.boardIds.length > 0 || plan.resultsOf !== undefined
const NO_TARGET = { message: 'name at least one board, or the results of a breakout phase', path: ['boardIds'] }

/** Where a breakout's rooms come from (shared/src/breakout.ts `BreakoutSource`). */
const BreakoutSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fresh') }),
  z.object({ kind: z.literal('continue'), phaseId: z.string().max(40) }),
  z.object({
    kind: z.literal('topVoted'),
    phaseId: z.string().max(40),
    count: z.number().int().min(1).max(BreakoutLimits.MAX_ROOMS),
    challenge: z.string().trim().max(BreakoutLimits.MAX_CHALLENGE_CHARS),
  }),
])

/** Makes a retried ballot harmless: the same id twice counts once. */
const RequestId = z.string().min(1).max(VoteLimits.MAX_REQUEST_ID_CHARS)
/** A page coordinate: finite, and far beyond any real board's extent. */
const Coordinate = z.number().min(-1e7).max(1e7)
/** Whole or fractional minutes (a 30-second timer is 0.5). */
const Minutes = z.number().min(0).max(AgendaLimits.MAX_MINUTES)

/** A facilitator's or moderator's command (`POST /api/workshops/:id/commands`). */
export const WorkshopCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lockBoard'), boardId: z.string().max(40), locked: z.boolean() }),
  z.object({ type: z.literal('setRole'), participantId: z.string().max(40), role: z.enum(['moderator', 'participant', 'observer']) }),
  z.object({ type: z.literal('renameParticipant'), participantId: z.string().max(40), name: z.string().trim().min(1).max(WorkshopLimits.MAX_NAME_CHARS) }),
  z.object({ type: z.literal('removeParticipant'), participantId: z.string().max(40) }),
  z.object({ type: z.literal('addBoard'), title: z.string().trim().min(1).max(WorkshopLimits.MAX_TITLE_CHARS), template: z.enum(BOARD_TEMPLATES) }),
  z.object({ type: z.literal('renameBoard'), boardId: z.string().max(40), title: z.string().trim().min(1).max(WorkshopLimits.MAX_TITLE_CHARS) }),
  z.object({ type: z.literal('archiveBoard'), boardId: z.string().max(40), archived: z.boolean() }),
  z.object({ type: z.literal('moveBoard'), boardId: z.string().max(40), position: z.number().int().min(0).max(WorkshopLimits.MAX_BOARDS) }),
  // The agenda and its timer (issue #4); applied by applyAgendaCommand in shared/src/agenda.ts.
  z.object({ type: z.literal('addPhase'), title: PhaseTitle, kind: z.enum(PHASE_KINDS), plannedMinutes: Minutes }),
  z.object({
    type: z.literal('updatePhase'),
    phaseId: Id,
    title: PhaseTitle.optional(),
    kind: z.enum(PHASE_KINDS).optional(),
    plannedMinutes: Minutes.optional(),
    showBoardId: Id.nullable().optional(),
    watchOnly: z.boolean().optional(),
  }),
  z.object({ type: z.literal('movePhase'), phaseId: Id, position: z.number().int().min(0).max(AgendaLimits.MAX_PHASES) }),
  z.object({ type: z.literal('removePhase'), phaseId: Id }),
  z.object({ type: z.literal('startPhase'), phaseId: Id }),
  z.object({ type: z.literal('endPhase') }),
  z.object({ type: z.literal('skipPhase'), phaseId: Id }),
  z.object({ type: z.literal('startTimer'), minutes: Minutes.refine((m) => m > 0) }),
  z.object({ type: z.literal('pauseTimer') }),
  z.object({ type: z.literal('resumeTimer') }),
  z.object({ type: z.literal('adjustTimer'), deltaMinutes: z.number().min(-AgendaLimits.MAX_MINUTES).max(AgendaLimits.MAX_MINUTES).refine((m) => m !== 0) }),
  z.object({ type: z.literal('stopTimer') }),
  // Breakout rooms (issue #4).
  z.object({
    type: z.literal('configureBreakout'),
    phaseId: Id,
    plan: z
      .object({
        rooms: z
          .array(z.object({ title: PhaseTitle, challenge: z.string().trim().max(BreakoutLimits.MAX_CHALLENGE_CHARS) }))
          .max(BreakoutLimits.MAX_ROOMS),
        template: z.enum(BOARD_TEMPLATES),
        mode: z.enum(ASSIGNMENT_MODES),
        capacity: z.number().int().min(1).max(WorkshopLimits.MAX_PARTICIPANTS).optional(),
        source: BreakoutSourceSchema.optional(),
        after: z.enum(AFTER_BREAKOUT).optional(),
      })
      // Fresh rooms are the planned ones; the other sources bring their own.
      .refine((plan) => plan.rooms.length > 0 || (plan.source !== undefined && plan.source.kind !== 'fresh'), {
        message: 'plan at least one room',
        path: ['rooms'],
      }),
  }),
  z.object({ type: z.literal('moveToRoom'), participantId: Id, roomId: Id }),
  z.object({ type: z.literal('chooseRoom'), roomId: Id }),
  z.object({ type: z.literal('reopenRooms'), open: z.boolean() }),
  z.object({ type: z.literal('broadcast'), text: z.string().trim().min(1).max(BreakoutLimits.MAX_BROADCAST_CHARS) }),
  z.object({ type: z.literal('clearBroadcast') }),
  // Voting sessions (issue #5).
  z.object({ type: z.literal('openVote'), ...VotePlanFields }).refine(hasTarget, NO_TARGET),
  z.object({ type: z.literal('configureVote'), phaseId: Id, plan: z.object(VotePlanFields).refine(hasTarget, NO_TARGET) }),
  z.object({ type: z.literal('bringResults'), phaseId: Id, boardId: Id, notes: z.boolean() }),
  z.object({ type: z.literal('closeVote'), sessionId: Id }),
  z.object({ type: z.literal('castVote'), sessionId: Id, boardId: Id, shapeId: z.string().max(80).nullable(), requestId: RequestId }),
  z.object({ type: z.literal('retractVote'), sessionId: Id, boardId: Id, shapeId: z.string().max(80).nullable(), requestId: RequestId }),
  z.object({
    type: z.literal('summon'),
    boardId: Id,
    bounds: z.object({ x: Coordinate, y: Coordinate, w: Coordinate.positive(), h: Coordinate.positive() }).nullable(),
  }),
  // Simple mode as the workshop's default (issue #14).
  z.object({ type: z.literal('setSimpleDefault'), on: z.boolean() }),
])
export type WorkshopCommand = z.infer<typeof WorkshopCommandSchema>

const LinksSchema = z.object({ facilitator: z.string(), join: z.string(), observer: z.string() })

/** `POST /api/workshops` answer, checked by the client. */
export const CreatedWorkshopSchema: z.ZodType<CreatedWorkshop> = z.object({
  id: z.string(),
  joinCode: z.string(),
  facilitatorToken: z.string(),
  links: LinksSchema,
})

/** `POST /api/join` answer, checked by the client. */
export const JoinedWorkshopSchema: z.ZodType<JoinedWorkshop> = z.object({
  workshopId: z.string(),
  participantId: z.string(),
  token: z.string(),
})

/** `GET /api/workshops/:id` answer, checked by the client. */
export const WorkshopViewSchema: z.ZodType<WorkshopView> = z.object({
  id: z.string(),
  title: z.string(),
  locale: z.enum(LOCALES),
  role: z.enum(ROLES),
  controlDoc: z.string(),
  boards: z.array(
    z.object({ id: z.string(), title: z.string(), doc: z.string(), locked: z.boolean(), template: z.enum(BOARD_TEMPLATES) }),
  ),
  participantId: z.string(),
  name: z.string(),
  joinCode: z.string().optional(),
  links: LinksSchema.optional(),
  predecessor: z.object({ id: z.string(), title: z.string() }).optional(),
})

/** `GET /api/join/:code` answer: what the join page shows before it asks for a name. */
export const JoinPreviewSchema: z.ZodType<JoinPreview> = z.object({ title: z.string(), locale: z.enum(LOCALES) })

/** `POST /api/workshops/:id/images` answer. */
export const UploadedImageSchema = z.object({ id: z.string(), src: z.string() })

/** Answer of commands and deletions. */
export const OkSchema = z.looseObject({ ok: z.literal(true) })

/** `GET /api/time` answer: the server's clock, for estimating this device's offset. */
export const ServerTimeSchema = z.object({ now: z.number() })

/** The operator's contact and retention, `GET /api/site`. */
export const SiteInfoSchema: z.ZodType<SiteInfo> = z.object({
  operator: z.string().max(SiteLimits.MAX_OPERATOR_CHARS).nullable(),
  contactEmail: z.string().max(SiteLimits.MAX_CONTACT_CHARS).nullable(),
  // Only web addresses: the client puts it into a link's href.
  contactUrl: z.string().max(SiteLimits.MAX_CONTACT_CHARS).regex(/^https?:\/\//i).nullable(),
  retentionDays: z.number().int().min(0),
})

export * from './catalogueSchema.ts'
