import { describeStorageContract } from './contract.ts'
import { MemoryStorage } from './memory.ts'

describeStorageContract('memory', () => ({ open: async () => new MemoryStorage() }))
