/** Every README of the repository, relative to its root: what the README tests read. */
export const README_FILES = [
  'README.md',
  'src/scapi/README.md',
  'src/server/README.md',
  'src/emulator/README.md',
  'adapters/README.md',
] as const
