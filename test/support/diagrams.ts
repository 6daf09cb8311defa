/**
 * `npm run diagrams`: writes machines/README.md, every machine as a Mermaid diagram (see
 * test/inspect/machinesReadme.ts, which builds it; a test fails while the file is stale).
 */
import { writeFileSync } from 'node:fs'
import { MACHINES_README, machinesReadme } from '../inspect/machinesReadme.ts'

const file = new URL(`../../${MACHINES_README}`, import.meta.url)
writeFileSync(file, machinesReadme())
console.log(`wrote ${MACHINES_README}`)
