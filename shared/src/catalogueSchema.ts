/**
 * The concept catalogue's data (issue #6), version 1: what a workshop
 * produced, in a form other tools can take on. `docs/catalogue-schema.json`
 * is generated from this schema (`pnpm catalogue-schema`) and a test keeps the
 * two the same. A change that breaks readers raises `version`.
 */
import { z } from 'zod'
import { PHASE_KINDS } from './agenda.ts'
import { CATALOGUE_FORMAT, CATALOGUE_VERSION } from './catalogue.ts'
import { VOTE_KINDS, VOTE_TARGETS } from './votes.ts'
import { LOCALES } from './workshop.ts'


const isoTime = z.string().describe('Date and time, ISO 8601 in UTC')
const count = z.number().int().nonnegative()

const VoteCountSchema = z
  .object({ sessionId: z.string(), count })
  .describe('Dots an item got in one closed dot vote')

const PledgesSchema = z
  .object({ count, names: z.array(z.string()).optional().describe('Only when the export includes names') })
  .describe('"I\'d work on this" marks on an item, over all closed pledge sessions')

const CopyOfSchema = z
  .string()
  .optional()
  .describe(
    'Only on a copy (results brought into the plenary, a top-voted card in its new room): the item (<boardId>/<shapeId>) of the original it was copied from, directly or through other copies. The ranking counts the original and its copies as one concept',
  )

export const CatalogueConceptSchema = z.object({
  id: z.string().describe('The shape id on its board'),
  title: z.string(),
  challenge: z.string(),
  idea: z.string(),
  audience: z.string(),
  nextSteps: z.string(),
  carriers: z.string().describe('Who wants to carry it on, as written on the card'),
  votes: z.array(VoteCountSchema),
  pledges: PledgesSchema,
  copyOf: CopyOfSchema,
})

export const CatalogueNoteSchema = z.object({
  id: z.string(),
  text: z.string().describe('Line breaks kept as \\n'),
  votes: z.array(VoteCountSchema),
  pledges: PledgesSchema,
  copyOf: CopyOfSchema,
})

const NoteGroupSchema = z.object({
  area: z.string().nullable().describe('The frame the notes sit in; null for notes outside every frame'),
  notes: z.array(CatalogueNoteSchema),
})

export const CatalogueSectionSchema = z.object({
  boardId: z.string(),
  title: z.string(),
  phase: z.object({ id: z.string(), title: z.string() }).nullable().describe('The breakout phase a room board belongs to'),
  room: z
    .object({
      title: z.string(),
      challenge: z.string(),
      members: z.array(z.string()).optional().describe('Only when the export includes names'),
    })
    .nullable(),
  empty: z
    .boolean()
    .describe('Nothing people made is on the board (no card with content, no note with text, nothing drawn, no votes on it): listed as one line, without a picture'),
  concepts: z.array(CatalogueConceptSchema).describe('Cards with something written in them; untouched cards are left out'),
  noteGroups: z.array(NoteGroupSchema).describe('Notes with text; empty notes are left out'),
  votes: z.array(VoteCountSchema).describe('Dots on the board itself (votes on whole boards)'),
})

const AgendaEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(PHASE_KINDS),
  status: z.enum(['planned', 'running', 'done', 'skipped']),
  plannedMinutes: z.number().nonnegative(),
  startedAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  actualMinutes: z.number().nonnegative().nullable().describe('From start to end, as it ran'),
})

const VoteResultSchema = z.object({
  item: z.string().describe('<boardId>/<shapeId>, or <boardId> for a vote on whole boards'),
  boardId: z.string(),
  board: z.string(),
  text: z.string().describe('The item\'s text when the vote closed'),
  count,
  names: z.array(z.string()).optional().describe('Named sessions, and only when the export includes names'),
})

const VoteSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(VOTE_KINDS),
  target: z.enum(VOTE_TARGETS),
  anonymous: z.boolean(),
  votesPerPerson: count,
  maxPerItem: count,
  openedAt: isoTime,
  closedAt: isoTime,
  ballots: count.describe('Dots (or pledges) cast in this session; 0 for a session nobody voted in, which has no results'),
  results: z.array(VoteResultSchema).describe('Most votes first'),
})

const RankingEntrySchema = z.object({
  rank: z.number().int().positive().describe('Equal votes and pledges share a rank'),
  kind: z.enum(['concept', 'note', 'board']),
  item: z.string(),
  boardId: z.string(),
  board: z.string(),
  title: z.string(),
  votes: count.describe('Dots over all closed dot votes; for a concept with copies, over the original and all its copies'),
  pledges: count.describe('For a concept with copies, over the original and all its copies'),
  copies: z
    .array(z.string())
    .optional()
    .describe(
      'Only for an item copied between boards: the other items (<boardId>/<shapeId>) of the same concept, its original first, whose votes and pledges are added into this entry. The entry itself (item, board, title) is the most developed copy: the one farthest from the original along the copies',
    ),
})

export const CatalogueSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT),
  version: z.literal(CATALOGUE_VERSION),
  workshop: z.object({
    id: z.string(),
    title: z.string(),
    locale: z.enum(LOCALES),
    createdAt: isoTime,
    exportedAt: isoTime,
    names: z.boolean().describe('Whether people\'s names are part of this export'),
  }),
  agenda: z.array(AgendaEntrySchema),
  sections: z.array(CatalogueSectionSchema).describe('Plenary boards in their order, then each breakout\'s rooms under their phase'),
  votes: z.array(VoteSessionSchema).describe('Closed sessions only, oldest first'),
  ranking: z
    .array(RankingEntrySchema)
    .describe('Every concept card with content, and every other item that got votes or pledges; a card and its copies are one entry'),
})

export type Catalogue = z.infer<typeof CatalogueSchema>
export type CatalogueSection = z.infer<typeof CatalogueSectionSchema>
export type CatalogueConcept = z.infer<typeof CatalogueConceptSchema>
export type CatalogueNote = z.infer<typeof CatalogueNoteSchema>

/** The JSON Schema published as `docs/catalogue-schema.json`. */
export function catalogueJsonSchema(): unknown {
  return {
    title: 'Werkraum concept catalogue',
    ...z.toJSONSchema(CatalogueSchema, { target: 'draft-2020-12' }),
  }
}
