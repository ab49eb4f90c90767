export * from './protocol.ts'
export * from './board.ts'
export * from './awareness-wire.ts'
