// The few jsdom types the extraction bench uses (jsdom ships no declarations and @types/jsdom
// is not a dependency).
declare module 'jsdom' {
  export class VirtualConsole {}
  export class JSDOM {
    constructor(html: string | Uint8Array, options?: { url?: string; contentType?: string; virtualConsole?: VirtualConsole });
    readonly window: { document: unknown; close(): void };
  }
}
