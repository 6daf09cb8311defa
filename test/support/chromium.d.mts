/** Debian's path for the `chromium` package. */
export declare const DEBIAN_CHROMIUM: string
/** The first executable `name` on PATH, or undefined. */
export declare function onPath(name: string): string | undefined
/** The Chromium executable to launch, or undefined when there is none. */
export declare function findChromium(): string | undefined
/** What to tell someone whose machine has no Chromium. */
export declare const CHROMIUM_HINT: string
